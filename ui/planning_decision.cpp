#include "planning_decision.hpp"

#include <algorithm>

#include "inspectonce/exceptions.hpp"

namespace inspectonce::ui {
namespace {

void addClauses(std::vector<CountyException>& out, const ExceptionClause& clause) {
    for (const auto& id : clause.allowed) {
        auto at = std::find_if(out.begin(), out.end(), [&](const CountyException& e) { return e.id == id; });
        if (at == out.end()) {
            const ExceptionReason* reason = findException(id);
            out.push_back({id, reason ? reason->name : Text{id, id}, {}});
            at = out.end() - 1;
        }
        if (std::find(at->clauses.begin(), at->clauses.end(), clause.clause) == at->clauses.end()) at->clauses.push_back(clause.clause);
    }
}

std::vector<std::string> kindsOf(const Workspace& workspace, const Plan& plan) {
    std::vector<std::string> kinds;
    for (const auto& id : plan.items) {
        const InspectionItem* item = workspace.item(id);
        std::string kind = item ? item->kind : id;
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    }
    return kinds;
}

bool isBlackout(const PolicyData& policy, const std::string& rule) {
    return std::any_of(policy.blackouts.begin(), policy.blackouts.end(), [&](const BlackoutRule& b) { return b.id == rule; });
}

Result<std::vector<std::pair<std::string, Decision>>> decideEachKind(const Workspace& workspace, const PolicyData& policy,
                                                                     const Plan& plan, const WorkspaceEnterprise& enterprise,
                                                                     const WorkspaceDepartment& department, Date day,
                                                                     const std::vector<HistoryEntry>& history, bool joint,
                                                                     std::optional<Date> notice) {
    std::vector<std::pair<std::string, Decision>> out;
    for (const auto& kind : kindsOf(workspace, plan)) {
        DecisionRequest r;
        r.date = day;
        r.grade = enterprise.enterprise.grade;
        r.lists = enterprise.enterprise.lists;
        r.history = history;
        r.department = department.id;
        r.level = department.level;
        r.kind = plan.kind;
        r.item = kind;
        r.method = plan.method;
        r.joint = joint;
        r.exception = plan.exception;
        r.noticeDate = notice;
        r.filingDate = plan.filedOn;
        IO_TRY(decision, decide(policy, r));
        out.emplace_back(kind, std::move(decision));
    }
    return out;
}

}  // namespace

std::vector<CountyException> countyExceptions(const PolicyData& policy) {
    std::vector<CountyException> found;
    for (const auto& b : policy.blackouts)
        if (b.exceptions) addClauses(found, *b.exceptions);
    for (const auto& r : policy.rules)
        if (r.exceptions) addClauses(found, *r.exceptions);
    // The vocabulary's order, which every listing uses.
    std::vector<CountyException> ordered;
    for (const auto& reason : exceptionVocabulary())
        for (auto& e : found)
            if (e.id == reason.id) ordered.push_back(std::move(e));
    return ordered;
}

const Visit* visitOf(const Workspace& workspace, int64_t plan) {
    for (const auto& v : workspace.visits)
        if (std::find(v.plans.begin(), v.plans.end(), plan) != v.plans.end()) return &v;
    return nullptr;
}

Result<std::vector<std::pair<std::string, Decision>>> planDecisions(const Workspace& workspace, const PolicyData& policy,
                                                                   const Plan& plan, Date day) {
    const WorkspaceEnterprise* enterprise = workspace.enterprise(plan.enterprise);
    if (!enterprise) return makeError("plan " + std::to_string(plan.id), "unknown enterprise " + plan.enterprise);
    const WorkspaceDepartment* department = workspace.department(plan.department);
    if (!department) return makeError("plan " + std::to_string(plan.id), "unknown department " + plan.department);

    std::vector<HistoryEntry> history;
    for (const auto& [uscc, entry] : workspace.history)
        if (uscc == plan.enterprise) history.push_back(entry);
    const Visit* own = visitOf(workspace, plan.id);
    for (const auto& v : workspace.visits) {
        if (v.enterprise != plan.enterprise || &v == own || !(v.date < day)) continue;
        bool joint = false;
        for (int64_t id : v.plans) {
            const Plan* member = workspace.plan(id);
            const Plan* first = workspace.plan(v.plans.front());
            joint = joint || (member && first && (member->department != first->department || member->unit != first->unit));
        }
        for (int64_t id : v.plans) {
            const Plan* member = workspace.plan(id);
            if (!member) continue;
            const WorkspaceDepartment* d = workspace.department(member->department);
            for (const auto& kind : kindsOf(workspace, *member)) {
                HistoryEntry h;
                h.date = v.date;
                h.department = member->department;
                h.level = d ? d->level : DepartmentLevel::County;
                h.item = kind;
                h.joint = joint;
                history.push_back(h);
            }
        }
    }

    bool onVisitDay = own && own->date == day;
    bool joint = false;
    if (onVisitDay)
        for (int64_t id : own->plans)
            if (const Plan* member = workspace.plan(id))
                joint = joint || member->department != plan.department || member->unit != plan.unit;
    return decideEachKind(workspace, policy, plan, *enterprise, *department, day, history, joint,
                          onVisitDay ? own->noticeDate : std::nullopt);
}

std::optional<Date> firstLawfulDay(const Workspace& workspace, const PolicyData& policy, const Plan& plan) {
    const WorkspaceEnterprise* enterprise = workspace.enterprise(plan.enterprise);
    const WorkspaceDepartment* department = workspace.department(plan.department);
    if (!enterprise || !department) return std::nullopt;
    if (plan.exception) return plan.window.first;  // goes ahead on its own day (ALL-4)
    const auto& calendar = WorkCalendar::official();
    for (Date d = plan.window.first; d <= plan.window.last; d = d.plusDays(1)) {
        auto workday = calendar.isWorkday(d);
        if (!workday || !*workday) continue;
        // Blackouts do not depend on history: none is given, so a long window stays quick.
        auto decisions = decideEachKind(workspace, policy, plan, *enterprise, *department, d, {}, false, std::nullopt);
        if (!decisions) return std::nullopt;
        // Any word of a blackout (refusing, or letting a necessary visit go ahead with
        // approvals) closes the day to a regular visit, as the scheduler and checker hold.
        bool closed = false;
        for (const auto& [kind, decision] : *decisions)
            for (const auto& reason : decision.reasons) closed = closed || isBlackout(policy, reason.rule);
        if (!closed) return d;
    }
    return std::nullopt;
}

Outcome overallOutcome(const std::vector<std::pair<std::string, Decision>>& decisions) {
    Outcome worst = Outcome::Allowed;
    for (const auto& [kind, decision] : decisions) {
        if (decision.outcome == Outcome::Refused) return Outcome::Refused;
        if (decision.outcome == Outcome::AllowedWithObligations) worst = Outcome::AllowedWithObligations;
    }
    return worst;
}

}  // namespace inspectonce::ui
