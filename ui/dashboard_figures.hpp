// The dashboard's figures, from what the workspace holds (the visits saved, not a scheduler
// run): the same definitions as the scheduler's figures (schedule.hpp), so the dashboard and
// a run agree; the county's yearly targets beside them; and the due standings on the working
// day. Pure, so it is tested without drawing.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "inspectonce/policy.hpp"
#include "inspectonce/report.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

struct TargetStanding {
    const YearlyTarget* target = nullptr;
    std::optional<double> actual;  // unset: a figure this workspace does not measure
    bool met = false;
};

struct DashboardFigures {
    int64_t enterprises = 0;
    int64_t plans = 0;
    int64_t visits = 0;               // on-site visits through the door
    int64_t jointVisits = 0;          // with more than one department or unit
    int64_t visitedPlans = 0;         // plans carried out in a visit
    int64_t plansInJointVisits = 0;
    int64_t nonSitePlans = 0;         // inspection plans done without a visit
    int64_t enterprisesVisited = 0;
    double jointRate = 0;             // plansInJointVisits / visitedPlans (the scheduler's definition)
    double nonSiteShare = 0;          // nonSitePlans / (nonSitePlans + visitedPlans)
    double visitsPerVisitedEnterprise = 0;
    std::array<float, 12> visitsByMonth{};  // of the workspace's year
    int dueSoon = 0, dueToday = 0, overdue = 0, escalated = 0;  // open cases on the day
    std::vector<TargetStanding> targets;     // the county's targets for the workspace's year
};

// `due` is report::dueReport on the working day (null when it could not be made).
DashboardFigures dashboardFigures(const Workspace& workspace, const PolicyData& policy, const report::DueReport* due);

}  // namespace inspectonce::ui
