// The days on which one plan may be carried out on site, read straight from the county's
// policy data for the ILP cross-check. Written apart from core/src/schedule on purpose:
// if the scheduler and this reading disagree about a day, the comparison shows it.
//
// A day d of the plan's window is open when
//   - it is not before the workspace's planning date (the day the schedule is made);
//   - it is a working day of the official calendar (ALL-1) and the county document is in force;
//   - no blackout period active on d for the enterprise's grade (Policy::blackoutsOn) forbids an
//     on-site visit of the plan's kind to that enterprise, unless an exception raised by a list
//     the enterprise is on lifts it (exceptions.hpp fromList, e.g. 004 二(三) serious dishonesty);
//   - every "must" obligation due before the visit is met: a notice due n working days before d
//     is sent no earlier than the workspace's planning date (004 二(五)), a filing due before d
//     was made on the plan's filing date (001 三.3, 004 二(二)).
#pragma once

#include <cstdint>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ilp {

struct PlanDays {
    std::vector<Date> days;         // ascending
    int blackoutClosedWorkdays = 0; // working days of the window (document in force) a blackout closed
};

// Which days are open for `plan`. An error for a rule this reading cannot model exactly
// (a blackout or lead limited to joint visits): better to stop than compare approximately.
Result<PlanDays> openDays(const Workspace& workspace, const PolicyData& policy, const Plan& plan,
                          const WorkCalendar& calendar = WorkCalendar::official());

}  // namespace inspectonce::ilp
