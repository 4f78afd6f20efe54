// What is due or late on a day, grouped by who holds it (有呼必应: nothing left unanswered).
#include <algorithm>
#include <map>

#include "inspectonce/report.hpp"

namespace inspectonce::report {
namespace {

using workflow::Standing;

const workflow::Definition* definitionOf(const std::vector<workflow::Definition>& definitions, std::string_view id) {
    for (const auto& definition : definitions)
        if (definition.id == id) return &definition;
    return nullptr;
}

// Overdue and escalated items first (the longest late at the top), then by deadline.
bool moreUrgent(const DueItem& a, const DueItem& b) {
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return a.caseId < b.caseId;
}

Text holderName(const Workspace& workspace, const workflow::Definition& definition, const std::string& holder) {
    if (const WorkspaceDepartment* department = workspace.department(holder)) return department->name;
    if (const workflow::Role* role = definition.role(holder)) return role->name;
    return {holder, holder};
}

void count(Standing standing, int& dueSoon, int& dueToday, int& overdue, int& escalated) {
    switch (standing) {
        case Standing::DueSoon: ++dueSoon; break;
        case Standing::DueToday: ++dueToday; break;
        case Standing::Overdue: ++overdue; break;
        case Standing::Escalated: ++escalated; break;
        default: break;
    }
}

}  // namespace

Result<DueReport> dueReport(const Workspace& workspace, const std::vector<workflow::Definition>& definitions,
                            const WorkCalendar& calendar, Date day) {
    IO_CHECK(calendar.day(day));  // a day outside the calendar is an error, not a guess
    DueReport report;
    report.day = day;
    std::map<std::string, HolderDue> byHolder;
    for (const workflow::Case& item : workspace.cases) {
        Standing standing = workflow::standingOn(item, day);
        if (standing != Standing::DueSoon && standing != Standing::DueToday && standing != Standing::Overdue &&
            standing != Standing::Escalated)
            continue;
        const workflow::Definition* definition = definitionOf(definitions, item.workflow);
        if (!definition)
            return makeError("case " + std::to_string(item.id),
                             "workflow \"" + item.workflow + "\" is not defined by the county's policy");
        const workflow::State* state = definition->state(item.state);
        DueItem due;
        due.caseId = item.id;
        due.workflow = item.workflow;
        due.workflowName = definition->name;
        due.enterprise = item.enterprise;
        if (const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise))
            due.enterpriseName = enterprise->enterprise.name;
        due.title = item.title;
        due.state = item.state;
        if (state) due.stateName = state->name;
        due.deadline = *item.deadline;
        due.standing = standing;
        if (state && state->deadline) due.clause = state->deadline->clause;
        if (due.clause.clause.empty() && state) due.clause = state->clause;
        if (day > due.deadline) {
            IO_TRY(late, calendar.workdaysBetween(due.deadline, day));
            due.workingDaysLate = late;
        } else {
            IO_TRY(left, calendar.workdaysBetween(day, due.deadline));
            due.workingDaysLeft = left;
        }
        std::string holder = workflow::holderOf(*definition, item);
        HolderDue& group = byHolder[holder];
        if (group.holder.empty()) {
            group.holder = holder;
            group.name = holderName(workspace, *definition, holder);
        }
        count(standing, group.dueSoon, group.dueToday, group.overdue, group.escalated);
        count(standing, report.dueSoon, report.dueToday, report.overdue, report.escalated);
        group.items.push_back(std::move(due));
    }
    for (auto& [holder, group] : byHolder) {
        std::sort(group.items.begin(), group.items.end(), moreUrgent);
        report.holders.push_back(std::move(group));
    }
    std::stable_sort(report.holders.begin(), report.holders.end(), [](const HolderDue& a, const HolderDue& b) {
        return a.overdue + a.escalated > b.overdue + b.escalated;
    });
    return report;
}

}  // namespace inspectonce::report
