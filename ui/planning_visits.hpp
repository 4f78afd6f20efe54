// Adjusting a visit by hand: the visits with one of them moved to another day (its notice
// keeps its lead in working days, its inspection code is issued again for the new filing),
// and which of the checker's violations the move introduces.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

// The notice date for `visit` moved to `day`: as many working days before it as before the
// old day (unset for a visit without notice, as an exception visit). Errors outside the calendar.
Result<std::optional<Date>> shiftedNotice(const Visit& visit, Date day);

// Every stored visit, the one with id `visit` on `day` with `notice` and a fresh code.
// An error when there is no such visit.
Result<std::vector<Visit>> movedVisits(const Workspace& workspace, int64_t visit, Date day, std::optional<Date> notice);

// A schedule to check: `visits`, with the last run's refusals (without a run, none: plans
// outside every visit then show in the baseline too, and are not counted as introduced).
Schedule scheduleToCheck(const std::optional<Schedule>& lastRun, std::vector<Visit> visits);

// The violations in `after` that `before` does not have (by visit, plan and text; a
// repeated violation counts as often as it occurs).
std::vector<Violation> introducedViolations(const std::vector<Violation>& before, const std::vector<Violation>& after);

}  // namespace inspectonce::ui
