// The schedule checker: re-validates a schedule from the workspace and the policy alone,
// without the scheduler's reasoning (lawful days, leads, stabbing). The tests and the
// benchmark run it on every schedule; any violation is a scheduler bug.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "inspectonce/exceptions.hpp"
#include "inspectonce/schedule.hpp"

namespace inspectonce {
namespace {

template <class T>
bool within(const std::vector<T>& allowed, const T& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

class Checker {
public:
    Checker(const Workspace& w, const PolicyData& p, const Schedule& s, const WorkCalendar& c)
        : w_(w), policy_(p), s_(s), calendar_(c) {}

    Result<std::vector<Violation>> run();

private:
    void violation(const Visit& v, int64_t plan, Text text, std::vector<std::string> clauses = {}) {
        out_.push_back({v.id, plan, std::move(text), std::move(clauses)});
    }
    Status checkDay(const Visit& v, const WorkspaceEnterprise& e, bool exception);
    Status checkMembers(const Visit& v, const WorkspaceEnterprise& e, std::vector<HistoryEntry>& history);

    const Workspace& w_;
    const PolicyData& policy_;
    const Schedule& s_;
    const WorkCalendar& calendar_;
    std::vector<Violation> out_;
    std::unordered_map<int64_t, const Plan*> plans_;
    std::unordered_map<std::string, const WorkspaceEnterprise*> enterprises_;
    std::unordered_map<std::string, const WorkspaceDepartment*> departments_;
    std::unordered_map<std::string, const InspectionItem*> items_;
};

// A regular visit: a working day, no blackout forbidding it.
Status Checker::checkDay(const Visit& v, const WorkspaceEnterprise& e, bool exception) {
    if (exception) return Ok{};
    IO_TRY(workday, calendar_.isWorkday(v.date));
    if (!workday) violation(v, 0, {v.date.iso() + "不是工作日", v.date.iso() + " is not a working day"});
    IO_TRY(active, Policy(policy_).blackoutsOn(v.date, e.enterprise.grade));
    for (const BlackoutRule* rule : active) {
        const Applicability& a = rule->forbids;
        if (!within(a.kinds, v.kind) || !within(a.methods, Method::OnSite) || !within(a.grades, e.enterprise.grade)) continue;
        if (!a.lists.empty() && std::none_of(a.lists.begin(), a.lists.end(), [&](const std::string& l) { return e.enterprise.isOn(l); }))
            continue;
        bool lifted = false;  // a list the enterprise is on raises one of the period's exceptions (004 二(三))
        if (rule->exceptions)
            for (const auto& id : rule->exceptions->allowed)
                if (const auto* reason = findException(id); reason && !reason->fromList.empty() && e.enterprise.isOn(reason->fromList))
                    lifted = true;
        if (lifted) continue;
        violation(v, 0, {v.date.iso() + "在" + rule->name.zh + "内", v.date.iso() + " is in the " + rule->name.en},
                  {rule->clause.text()});
    }
    return Ok{};
}

Status Checker::checkMembers(const Visit& v, const WorkspaceEnterprise& e, std::vector<HistoryEntry>& history) {
    bool joint = false;
    for (int64_t id : v.plans) {
        const Plan& first = *plans_.at(v.plans.front());
        const Plan& p = *plans_.at(id);
        joint = joint || p.department != first.department || p.unit != first.unit;
    }
    std::vector<HistoryEntry> added;
    for (int64_t id : v.plans) {
        const Plan& p = *plans_.at(id);
        const WorkspaceDepartment& dept = *departments_.at(p.department);
        std::vector<std::string> kinds;
        for (const auto& item : p.items) {
            const std::string& kind = items_.at(item)->kind;
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
        }
        for (const auto& kind : kinds) {
            DecisionRequest r;
            r.date = v.date;
            r.grade = e.enterprise.grade;
            r.lists = e.enterprise.lists;
            r.history = std::move(history);  // lent to the request and taken back below: no copy
            r.department = p.department;
            r.level = dept.level;
            r.kind = p.kind;
            r.item = kind;
            r.method = p.method;
            r.joint = joint;
            r.exception = p.exception;
            r.noticeDate = v.noticeDate;
            r.filingDate = p.filedOn;
            auto decided = decide(policy_, r, calendar_);
            history = std::move(r.history);
            IO_TRY(decision, std::move(decided));
            if (decision.outcome == Outcome::Refused) {
                Text why{"decide()拒绝：", "decide() refuses: "};
                for (const auto& reason : decision.reasons)
                    if (reason.effect == Effect::Refuses) {
                        why.zh += reason.text.zh;
                        why.en += reason.text.en;
                        break;
                    }
                violation(v, id, why, decision.clauses());
            }
            // A filing rule that must be met before: the plan must have been filed.
            for (const auto& o : decision.obligations)
                for (const auto& rule : policy_.rules)
                    if (rule.id == o.rule && rule.obligation && rule.obligation->checks == ObligationRule::Checks::FilingDate &&
                        rule.obligation->due.anchor == Due::Anchor::Before && rule.obligation->strength == Strength::Must &&
                        !p.exception)
                        violation(v, id, {"未备案：" + o.text.zh, "not filed: " + o.text.en}, {o.clause.text()});
            HistoryEntry h;
            h.date = v.date;
            h.department = p.department;
            h.level = dept.level;
            h.item = kind;
            h.method = Method::OnSite;
            h.joint = joint;
            added.push_back(h);
        }
        if (!p.window.contains(v.date))
            violation(v, id, {"不在计划窗口" + p.window.first.iso() + "至" + p.window.last.iso() + "内",
                              "outside the plan's window " + p.window.first.iso() + "…" + p.window.last.iso()});
        if (p.enterprise != v.enterprise) violation(v, id, {"计划不属于该企业", "the plan is for another enterprise"});
        if (p.method != Method::OnSite || p.kind != v.kind)
            violation(v, id, {"计划的方式或种类与检查不符", "the plan's method or kind does not match the visit"});
    }
    history.insert(history.end(), added.begin(), added.end());
    return Ok{};
}

Result<std::vector<Violation>> Checker::run() {
    for (const auto& p : w_.plans) plans_.emplace(p.id, &p);
    for (const auto& e : w_.enterprises) enterprises_.emplace(e.enterprise.code.str(), &e);
    for (const auto& d : w_.departments) departments_.emplace(d.id, &d);
    for (const auto& i : w_.items) items_.emplace(i.id, &i);

    // Each on-site plan: in exactly one visit, or refused.
    std::unordered_map<int64_t, int> placed;
    for (const Visit& v : s_.visits)
        for (int64_t id : v.plans) ++placed[id];
    std::unordered_set<int64_t> refused;
    for (const auto& r : s_.refusals) refused.insert(r.plan);
    Visit none;
    for (const auto& p : w_.plans) {
        bool needsVisit = p.method == Method::OnSite && (p.kind == InspectionKind::Inspection || p.kind == InspectionKind::Survey);
        int n = placed.count(p.id) ? placed.at(p.id) : 0;
        if (needsVisit && n + static_cast<int>(refused.count(p.id)) != 1)
            violation(none, p.id, {"现场计划应恰好安排一次或被拒绝，实为" + std::to_string(n) + "次",
                                   "an on-site plan must be in exactly one visit or refused; it is in " + std::to_string(n)});
        if (!needsVisit && n) violation(none, p.id, {"该计划无需入企", "this plan needs no visit"});
    }

    // Capacity per department and day. Exception visits go ahead whatever the load (ALL-4):
    // a day is over capacity only when regular visits add to it beyond the limit.
    struct Load {
        int regular = 0, exception = 0;
    };
    std::map<std::pair<std::string, int32_t>, Load> used;
    for (const Visit& v : s_.visits) {
        std::map<std::string, int> need;
        bool exception = false;
        for (int64_t id : v.plans) {
            auto found = plans_.find(id);
            if (found == plans_.end()) continue;
            exception = exception || found->second->exception.has_value();
            need[found->second->department] = std::max(need[found->second->department], found->second->inspectors);
        }
        for (const auto& [dept, n] : need) (exception ? used[{dept, v.date.dayNumber()}].exception : used[{dept, v.date.dayNumber()}].regular) += n;
    }
    for (const auto& [key, load] : used) {
        auto d = departments_.find(key.first);
        int n = load.regular + load.exception;
        if (d != departments_.end() && d->second->inspectorsPerDay > 0 && load.regular > 0 && n > d->second->inspectorsPerDay)
            violation(none, 0, {d->second->name.zh + "在" + Date::fromDayNumber(key.second).iso() + "需" + std::to_string(n) + "人，超过每日" +
                                    std::to_string(d->second->inspectorsPerDay) + "人",
                                d->second->name.en + " needs " + std::to_string(n) + " inspectors on " +
                                    Date::fromDayNumber(key.second).iso() + ", more than its " +
                                    std::to_string(d->second->inspectorsPerDay) + " a day"});
    }

    // Each enterprise's visits in date order, every member decided with the ones before.
    std::map<std::string, std::vector<const Visit*>> byEnterprise;
    for (const Visit& v : s_.visits) {
        if (v.plans.empty()) {
            violation(v, 0, {"检查没有计划", "a visit without plans"});
            continue;
        }
        if (std::any_of(v.plans.begin(), v.plans.end(), [&](int64_t id) { return !plans_.count(id); })) {
            violation(v, 0, {"检查含未知计划", "a visit with an unknown plan"});
            continue;
        }
        byEnterprise[v.enterprise].push_back(&v);
    }
    std::unordered_map<std::string, std::vector<HistoryEntry>> history;
    for (const auto& [code, entry] : w_.history) history[code].push_back(entry);
    for (auto& [code, visits] : byEnterprise) {
        auto e = enterprises_.find(code);
        if (e == enterprises_.end()) {
            violation(*visits.front(), 0, {"未知企业" + code, "unknown enterprise " + code});
            continue;
        }
        std::stable_sort(visits.begin(), visits.end(), [](const Visit* a, const Visit* b) { return a->date < b->date; });
        auto& h = history[code];
        for (const Visit* v : visits) {
            bool exception = std::any_of(v->plans.begin(), v->plans.end(), [&](int64_t id) { return plans_.at(id)->exception.has_value(); });
            if (exception && v->plans.size() > 1)
                violation(*v, 0, {"例外情形的检查不与其他计划合并", "an exception visit is not merged with other plans"});
            if (!exception && !v->noticeDate) violation(*v, 0, {"缺少预告日期", "no notice date"});
            IO_CHECK(checkDay(*v, *e->second, exception));
            IO_CHECK(checkMembers(*v, *e->second, h));
        }
    }
    return std::move(out_);
}

}  // namespace

Result<std::vector<Violation>> checkSchedule(const Workspace& workspace, const PolicyData& policy, const Schedule& schedule,
                                             const WorkCalendar& calendar) {
    return Checker(workspace, policy, schedule, calendar).run();
}

}  // namespace inspectonce
