#include "dashboard_figures.hpp"

#include <unordered_set>

namespace inspectonce::ui {
namespace {

double share(int64_t part, int64_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

bool isJoint(const Workspace& workspace, const Visit& visit) {
    const Plan* first = nullptr;
    for (int64_t id : visit.plans) {
        const Plan* plan = workspace.plan(id);
        if (!plan) continue;
        if (!first) first = plan;
        else if (plan->department != first->department || plan->unit != first->unit) return true;
    }
    return false;
}

}  // namespace

DashboardFigures dashboardFigures(const Workspace& workspace, const PolicyData& policy, const report::DueReport* due) {
    DashboardFigures f;
    f.enterprises = static_cast<int64_t>(workspace.enterprises.size());
    f.plans = static_cast<int64_t>(workspace.plans.size());
    for (const auto& plan : workspace.plans)
        if (plan.method == Method::NonSite && (plan.kind == InspectionKind::Inspection || plan.kind == InspectionKind::Survey))
            ++f.nonSitePlans;
    std::unordered_set<std::string> visited;
    for (const auto& visit : workspace.visits) {
        ++f.visits;
        auto members = static_cast<int64_t>(visit.plans.size());
        f.visitedPlans += members;
        if (isJoint(workspace, visit)) {
            ++f.jointVisits;
            f.plansInJointVisits += members;
        }
        visited.insert(visit.enterprise);
        if (visit.date.year() == workspace.year) f.visitsByMonth[static_cast<std::size_t>(visit.date.month() - 1)] += 1;
    }
    f.enterprisesVisited = static_cast<int64_t>(visited.size());
    f.jointRate = share(f.plansInJointVisits, f.visitedPlans);
    f.nonSiteShare = share(f.nonSitePlans, f.nonSitePlans + f.visitedPlans);
    f.visitsPerVisitedEnterprise = share(f.visits, f.enterprisesVisited);
    if (due) {
        f.dueSoon = due->dueSoon;
        f.dueToday = due->dueToday;
        f.overdue = due->overdue;
        f.escalated = due->escalated;
    }
    for (const YearlyTarget* target : Policy(policy).targetsFor(workspace.year)) {
        TargetStanding standing{target, std::nullopt, false};
        // The joint-inspection rate is measured here; the share of joint random-draw tasks
        // needs the draws' tasks, which the random-draw screen reports.
        if (target->metric == "joint-inspection-rate") standing.actual = f.jointRate;
        if (standing.actual) standing.met = *standing.actual * 100.0 + 1e-9 >= target->minPercent;
        f.targets.push_back(standing);
    }
    return f;
}

}  // namespace inspectonce::ui
