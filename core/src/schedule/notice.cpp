// The advance notice of a visit, from the workspace's records: names instead of ids.
#include <algorithm>

#include "inspectonce/schedule.hpp"
#include "schedule/plan_rules.hpp"

namespace inspectonce {

Notice noticeFor(const Workspace& w, const PolicyData& policy, const Visit& visit) {
    Notice n;
    n.visit = visit.id;
    n.enterprise = visit.enterprise;
    if (const auto* e = w.enterprise(visit.enterprise)) n.enterpriseName = e->enterprise.name;
    n.date = visit.date;
    n.sentOn = visit.noticeDate;
    n.kind = visit.kind;
    n.code = visit.code;
    if (const auto* lead = w.department(visit.lead)) n.leadName = lead->name;
    auto leads = schedule_detail::leadsFor(policy, visit.kind);
    n.clause = leads.noticeClause;
    if (!n.clause && !leads.notice.empty()) n.clause = leads.notice.front().obligation->clause;
    for (int64_t id : visit.plans) {
        const Plan* plan = w.plan(id);
        if (!plan) continue;
        NoticeLine line;
        line.department = plan->department;
        if (const auto* d = w.department(plan->department)) line.departmentName = d->name;
        line.unit = plan->unit;
        for (const auto& item : plan->items)
            line.items.push_back(w.item(item) ? w.item(item)->name : Text{item, item});
        std::vector<const Inspector*> officers;
        for (const auto& i : w.inspectors)
            if (i.department == plan->department && (plan->unit.empty() || i.unit == plan->unit || i.unit.empty()))
                officers.push_back(&i);
        std::sort(officers.begin(), officers.end(), [](const Inspector* a, const Inspector* b) { return a->id < b->id; });
        for (std::size_t k = 0; k < officers.size() && static_cast<int>(k) < plan->inspectors; ++k)
            line.inspectors.push_back(officers[k]->name);
        n.lines.push_back(std::move(line));
    }
    return n;
}

}  // namespace inspectonce
