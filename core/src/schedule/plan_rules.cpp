#include "schedule/plan_rules.hpp"

#include <algorithm>

namespace inspectonce::schedule_detail {
namespace {

template <class T>
bool within(const std::vector<T>& allowed, const T& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool appliesToVisit(const Applicability& a, InspectionKind kind) {
    return within(a.kinds, kind) && within(a.methods, Method::OnSite);
}

}  // namespace

Leads leadsFor(const PolicyData& policy, InspectionKind kind) {
    Leads out;
    for (const auto& rule : policy.rules) {
        if (rule.type != PolicyRule::Type::Obligation || !rule.obligation) continue;
        const ObligationRule& o = *rule.obligation;
        if (o.due.anchor != Due::Anchor::Before || !appliesToVisit(rule.appliesTo, kind) || !appliesToVisit(o.appliesTo, kind))
            continue;
        if (o.checks == ObligationRule::Checks::FilingDate) out.filing.push_back({&o, &rule});
        if (o.checks == ObligationRule::Checks::NoticeDate) {
            out.notice.push_back({&o, &rule});
            if (o.due.workingDays >= out.noticeWorkdays) {
                out.noticeWorkdays = o.due.workingDays;
                out.noticeClause = o.clause;
            }
        }
    }
    return out;
}

Result<Date> earliestDayAfter(const Due& due, Date done, const WorkCalendar& calendar) {
    if (due.workingDays == 0) return done.plusDays(due.calendarDays);
    // due(d) = the n-th working day before d, which never decreases as d grows: find the
    // first d with due(d) >= done, starting from the n-th working day after `done`.
    auto dueOf = [&](Date d) { return calendar.addWorkdays(d, -due.workingDays); };
    IO_TRY(start, calendar.addWorkdays(done, due.workingDays));
    Date d = start;
    while (true) {
        IO_TRY(at, dueOf(d));
        if (at >= done) break;
        d = d.plusDays(1);
    }
    while (true) {
        IO_TRY(before, dueOf(d.plusDays(-1)));
        if (before < done) break;
        d = d.plusDays(-1);
    }
    return d;
}

Result<Date> noticeDateFor(Date day, int workdays, const WorkCalendar& calendar) {
    return calendar.addWorkdays(day, -workdays);
}

DecisionRequest requestFor(const Plan& plan, const WorkspaceEnterprise& enterprise, const WorkspaceDepartment& department,
                           Date day, const std::string& itemKind, bool joint, std::optional<Date> notice,
                           std::vector<HistoryEntry> history) {
    DecisionRequest r;
    r.date = day;
    r.grade = enterprise.enterprise.grade;
    r.lists = enterprise.enterprise.lists;
    r.history = std::move(history);
    r.department = department.id;
    r.level = department.level;
    r.kind = plan.kind;
    r.item = itemKind;
    r.method = plan.method;
    r.joint = joint;
    r.exception = plan.exception;
    r.noticeDate = notice;
    r.filingDate = plan.filedOn;
    return r;
}

ItemIndex indexItems(const Workspace& workspace) {
    ItemIndex out;
    for (const auto& item : workspace.items) out.emplace(item.id, &item);
    return out;
}

std::vector<std::string> itemKinds(const Plan& plan, const ItemIndex& items) {
    std::vector<std::string> out;
    for (const auto& id : plan.items) {
        auto found = items.find(id);
        std::string kind = found != items.end() ? found->second->kind : id;
        if (std::find(out.begin(), out.end(), kind) == out.end()) out.push_back(kind);
    }
    return out;
}

std::optional<PolicyRule::Type> ruleType(const PolicyData& policy, const std::string& id) {
    for (const auto& rule : policy.rules)
        if (rule.id == id) return rule.type;
    return std::nullopt;
}

}  // namespace inspectonce::schedule_detail
