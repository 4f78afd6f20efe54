// The closure list of findings (销号清单): every problem found, closed one by one.
#include "inspectonce/report.hpp"

namespace inspectonce::report {

ClosureList closureList(const Workspace& workspace, const workflow::Definition& findings, Date day) {
    ClosureList list;
    list.day = day;
    list.workflowName = findings.name;
    list.clause = findings.clause;
    for (const workflow::Case& item : workspace.cases) {
        if (item.workflow != findings.id || item.opened > day) continue;
        ClosureLine line;
        line.caseId = item.id;
        line.enterprise = item.enterprise;
        if (const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise))
            line.enterpriseName = enterprise->enterprise.name;
        line.title = item.title;
        line.department = item.department;
        line.opened = item.opened;
        // Read the case as it stood on `day`: a step taken later is not yet there.
        workflow::Case asOf = item;
        while (!asOf.steps.empty() && asOf.steps.back().date > day) asOf.steps.pop_back();
        if (asOf.steps.size() != item.steps.size()) {
            asOf.state = asOf.steps.empty() ? item.state : asOf.steps.back().to;
            const workflow::State* state = findings.state(asOf.state);
            asOf.closed = state && state->final;
            asOf.deadline.reset();  // unknown as of then; shown without one
            asOf.remindOn.reset();
            asOf.escalateOn.reset();
        }
        line.state = asOf.state;
        if (const workflow::State* state = findings.state(asOf.state)) line.stateName = state->name;
        line.closed = asOf.closed;
        if (line.closed && !asOf.steps.empty()) line.closedOn = asOf.steps.back().date;
        if (!line.closed) line.deadline = asOf.deadline;
        line.standing = workflow::standingOn(asOf, day);
        if (!asOf.steps.empty()) line.clause = asOf.steps.back().clause;
        if (line.closed) ++list.closed;
        else ++list.open;
        if (line.standing == workflow::Standing::Overdue || line.standing == workflow::Standing::Escalated) ++list.overdue;
        list.lines.push_back(std::move(line));
    }
    return list;
}

}  // namespace inspectonce::report
