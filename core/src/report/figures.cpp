// Wuxi's tracked figures (003 三(二)): platform use, plans made, how often enterprises are
// inspected, the joint-inspection share and the linkage between levels.
#include <set>

#include "inspectonce/report.hpp"

namespace inspectonce::report {
namespace {

double share(int64_t part, int64_t whole) { return whole == 0 ? 0.0 : double(part) / double(whole); }

}  // namespace

TrackedFigures trackedFigures(const Workspace& workspace, int year) {
    TrackedFigures figures;
    figures.year = year;
    figures.enterprises = int64_t(workspace.enterprises.size());
    for (const Plan& plan : workspace.plans) {
        if (plan.window.first.year() != year) continue;
        ++figures.plans;
        if (plan.filedOn) ++figures.filedPlans;
    }
    std::set<std::string> visited;
    for (const Visit& visit : workspace.visits) {
        if (visit.date.year() != year) continue;
        ++figures.visits;
        visited.insert(visit.enterprise);
        std::set<std::string> departments;
        std::set<DepartmentLevel> levels;
        for (int64_t id : visit.plans) {
            const Plan* plan = workspace.plan(id);
            if (!plan) continue;
            departments.insert(plan->department);
            if (const WorkspaceDepartment* department = workspace.department(plan->department))
                levels.insert(department->level);
        }
        if (departments.size() > 1) ++figures.jointVisits;
        if (levels.size() > 1) ++figures.crossLevelVisits;
    }
    figures.enterprisesVisited = int64_t(visited.size());
    figures.platformUse = share(figures.filedPlans, figures.plans);
    figures.jointShare = share(figures.jointVisits, figures.visits);
    figures.crossLevelShare = share(figures.crossLevelVisits, figures.visits);
    figures.visitsPerEnterprise = share(figures.visits, figures.enterprisesVisited);
    return figures;
}

}  // namespace inspectonce::report
