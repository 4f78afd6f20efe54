#include "schedule/lawful_days.hpp"

#include <algorithm>

#include "inspectonce/exceptions.hpp"

namespace inspectonce::schedule_detail {
namespace {

bool onList(const std::vector<std::string>& lists, std::string_view list) {
    return std::find(lists.begin(), lists.end(), list) != lists.end();
}

template <class T>
bool within(const std::vector<T>& allowed, const T& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Whether `rule` keeps a regular on-site visit out on its days. A rule limited to some
// departments' levels or to joint visits is taken to forbid: the scheduler stays on the
// safe side and the checker (decide) has the last word.
bool forbids(const BlackoutRule& rule, CreditGrade grade, const std::vector<std::string>& lists, InspectionKind kind) {
    const Applicability& a = rule.forbids;
    if (!within(a.kinds, kind) || !within(a.methods, Method::OnSite) || !within(a.grades, grade)) return false;
    if (!a.lists.empty() && std::none_of(a.lists.begin(), a.lists.end(), [&](const std::string& l) { return onList(lists, l); }))
        return false;
    if (rule.exceptions)  // an exception raised by a list the enterprise is on lifts the period (004 二(三))
        for (const auto& id : rule.exceptions->allowed)
            if (const auto* reason = findException(id); reason && !reason->fromList.empty() && onList(lists, reason->fromList))
                return false;
    return true;
}

}  // namespace

Result<LawfulDays> LawfulDays::forYear(const PolicyData& policy, int year, const WorkCalendar& calendar) {
    LawfulDays out;
    out.policy_ = &policy;
    IO_TRY(first, Date::fromYmd(year, 1, 1));
    IO_TRY(last, Date::fromYmd(year, 12, 31));
    out.first_ = first;
    out.count_ = last.dayNumber() - first.dayNumber() + 1;
    Policy facade(policy);
    for (int i = 0; i < out.count_; ++i) {
        Date day = first.plusDays(i);
        IO_TRY(workday, calendar.isWorkday(day));
        out.workday_.push_back(workday);
        for (int g = 0; g < 4; ++g) {
            IO_TRY(active, facade.blackoutsOn(day, static_cast<CreditGrade>(g)));
            out.active_[g].push_back(active);
        }
    }
    return out;
}

const std::vector<int32_t>& LawfulDays::days(CreditGrade grade, const std::vector<std::string>& lists, InspectionKind kind) {
    std::string key = std::string(toString(grade)) + "|" + std::string(toString(kind));
    for (const auto& l : lists) key += "|" + l;
    auto found = cache_.find(key);
    if (found != cache_.end()) return found->second;
    std::vector<int32_t> out;
    const auto& active = active_[static_cast<int>(grade)];
    for (int i = 0; i < count_; ++i) {
        auto ui = static_cast<std::size_t>(i);
        if (!workday_[ui]) continue;
        bool closed = std::any_of(active[ui].begin(), active[ui].end(),
                                  [&](const BlackoutRule* rule) { return forbids(*rule, grade, lists, kind); });
        if (!closed) out.push_back(first_.dayNumber() + i);
    }
    return cache_.emplace(key, std::move(out)).first->second;
}

std::vector<const BlackoutRule*> LawfulDays::closing(Date day, CreditGrade grade, const std::vector<std::string>& lists,
                                                     InspectionKind kind) const {
    std::vector<const BlackoutRule*> out;
    if (day < first_ || index(day) >= static_cast<std::size_t>(count_)) return out;
    for (const BlackoutRule* rule : active_[static_cast<int>(grade)][index(day)])
        if (forbids(*rule, grade, lists, kind)) out.push_back(rule);
    return out;
}

}  // namespace inspectonce::schedule_detail
