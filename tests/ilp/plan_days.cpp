#include "plan_days.hpp"

#include <algorithm>
#include <string>

#include "inspectonce/exceptions.hpp"

namespace inspectonce::ilp {
namespace {

template <class T>
bool anyOrHas(const std::vector<T>& allowed, const T& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Who is asking: the plan, its department and the enterprise.
struct Subject {
    const Plan& plan;
    const WorkspaceDepartment& department;
    const Enterprise& enterprise;
};

// Whether an applicability block covers an on-site visit for `s`. A block limited to joint
// (or separate) visits depends on who else comes that day: not modelled, so an error.
Result<bool> covers(const Applicability& a, const Subject& s, const std::string& what) {
    if (a.joint) return makeError(what, "limited to joint or separate visits: the ILP does not model that");
    if (!anyOrHas(a.kinds, s.plan.kind) || !anyOrHas(a.methods, Method::OnSite) ||
        !anyOrHas(a.levels, s.department.level) || !anyOrHas(a.grades, s.enterprise.grade))
        return false;
    if (a.lists.empty()) return true;
    return std::any_of(a.lists.begin(), a.lists.end(), [&](const std::string& l) { return s.enterprise.isOn(l); });
}

// An exception the enterprise raises by being on a list lifts a rule that accepts it.
bool liftedByList(const std::optional<ExceptionClause>& exceptions, const Enterprise& enterprise) {
    if (!exceptions) return false;
    for (const auto& id : exceptions->allowed) {
        const ExceptionReason* reason = findException(id);
        if (reason && !reason->fromList.empty() && enterprise.isOn(reason->fromList)) return true;
    }
    return false;
}

// A "must" obligation due before the visit, checked against the notice or the filing date.
struct Lead {
    Due due;
    ObligationRule::Checks checks;
};

Result<std::vector<Lead>> leadsOf(const PolicyData& policy, const Subject& s) {
    std::vector<Lead> out;
    auto add = [&](const ObligationRule& o) -> Status {
        if (o.due.anchor != Due::Anchor::Before || o.strength != Strength::Must) return Ok{};
        if (o.checks == ObligationRule::Checks::Nothing) return Ok{};
        IO_TRY(applies, covers(o.appliesTo, s, "obligation " + o.id));
        if (applies) out.push_back({o.due, o.checks});
        return Ok{};
    };
    for (const auto& rule : policy.rules) {
        if (rule.type != PolicyRule::Type::Obligation || !rule.obligation) continue;
        IO_TRY(applies, covers(rule.appliesTo, s, "rule " + rule.id));
        if (!applies) continue;
        if (liftedByList(rule.exceptions, s.enterprise)) {  // decide() then asks what the exception obliges instead
            for (const auto& o : rule.exceptions->obliges) IO_CHECK(add(o));
            continue;
        }
        IO_CHECK(add(*rule.obligation));
    }
    return out;
}

// The last day the obligation may be met for a visit on `day`.
Result<Date> dueFor(const Due& due, Date day, const WorkCalendar& calendar) {
    if (due.workingDays) return calendar.addWorkdays(day, -due.workingDays);
    return day.plusDays(-due.calendarDays);
}

Result<bool> closedByBlackout(const Policy& policy, Date day, const Subject& s) {
    IO_TRY(active, policy.blackoutsOn(day, s.enterprise.grade));
    for (const BlackoutRule* rule : active) {
        IO_TRY(forbids, covers(rule->forbids, s, "blackout " + rule->id));
        if (forbids && !liftedByList(rule->exceptions, s.enterprise)) return true;
    }
    return false;
}

}  // namespace

Result<PlanDays> openDays(const Workspace& workspace, const PolicyData& policy, const Plan& plan, const WorkCalendar& calendar) {
    const WorkspaceDepartment* department = workspace.department(plan.department);
    if (!department) return makeError("plan " + std::to_string(plan.id), "unknown department");
    const Enterprise* enterprise = nullptr;
    for (const auto& e : workspace.enterprises)
        if (e.enterprise.code.str() == plan.enterprise) enterprise = &e.enterprise;
    if (!enterprise) return makeError("plan " + std::to_string(plan.id), "unknown enterprise");
    Subject s{plan, *department, *enterprise};
    IO_TRY(leads, leadsOf(policy, s));
    Policy facade(policy);

    PlanDays out;
    // The schedule is made on the planning date ("today", workspace.hpp): no visit before it,
    // even where no notice is owed.
    for (Date d = std::max(plan.window.first, workspace.planningDate); d <= plan.window.last; d = d.plusDays(1)) {
        IO_TRY(workday, calendar.isWorkday(d));
        if (!workday || !policy.document.inForceOn(d)) continue;
        IO_TRY(closed, closedByBlackout(facade, d, s));
        if (closed) {
            ++out.blackoutClosedWorkdays;
            continue;
        }
        bool met = true;
        for (const Lead& lead : leads) {
            IO_TRY(due, dueFor(lead.due, d, calendar));
            if (lead.checks == ObligationRule::Checks::NoticeDate) met = met && workspace.planningDate <= due;
            if (lead.checks == ObligationRule::Checks::FilingDate) met = met && plan.filedOn && *plan.filedOn <= due;
        }
        if (met) out.days.push_back(d);
    }
    return out;
}

}  // namespace inspectonce::ilp
