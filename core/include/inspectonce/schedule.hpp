// The scheduler: from the plans departments filed to the fewest joint visits
// ("进一次门、查多项事", ALL-3), each step explained with the clause behind it.
//
//   file   a plan with a filing rule must be filed, early enough (001 三.3, 002 三(三)1, 004 二(二));
//          an exception plan goes ahead on its own day and owes its after-the-fact filing (ALL-4)
//   merge  per enterprise, the fewest visits whose days lie in every member's window, on
//          working days outside the blackouts for that enterprise, late enough for the
//          advance notice (004 二(五)); then each visit is dated within department capacity
//   check  every member of every visit is decided by decide() on its visit's day, with the
//          visits before it as history: exemptions, caps, same-kind-no-repeat (003 二(二)(三)),
//          cross-level duplicates (003 二(四)), non-site first (004 二(四)) …; a refused
//          member leaves the visit with the decision's clauses, and the enterprise's
//          remaining plans are merged again (refusals stay), until none is refused (at
//          most 6 rounds; after the last, refused members simply leave)
//   notify / code  each visit's notice date, and its inspection code (004 二(十))
//
// The lower bound: for one enterprise and one kind (inspection, survey) every regular plan
// may take place on the same set D of lawful days — its blackouts depend on the
// enterprise, not on the plan. Numbering D's days in order turns each plan's window ∩ D
// into one interval of day numbers, however the blackouts split the calendar window, so
// the greedy stabbing count is the exact minimum of visits for those plans (not only a
// bound). Exception plans are one visit each in the schedule and in the bound: the
// documents let them go ahead directly (002 三(三)1), not wait for a joint visit.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/decision.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce {

// Why a plan is not carried out in any visit.
struct Refusal {
    int64_t plan = 0;
    std::string step;       // file, check, merge, capacity, recheck
    Citation clause;        // the clause that decided it (the first refusing one)
    Text text;
    std::vector<std::string> clauses;  // every clause the decision cited
};

// A plan not visited but done otherwise: non-site, or not a visit kind (guidance …).
struct Handled {
    int64_t plan = 0;
    Text text;
};

// What an exception visit still owes once it has gone ahead (ALL-4): its after-the-fact
// filing (3 working days in Yunhe, 004 二(二)), a report …, as decide() states it.
struct Owed {
    int64_t plan = 0;
    int64_t visit = 0;
    Obligation obligation;
};

// Per-step explanation of the run (counts with the clause that moved them).
struct StepNote {
    std::string step;
    Citation clause;
    Text text;
};

struct ScheduleFigures {
    int64_t plans = 0;          // every plan in the workspace
    int64_t planItems = 0;      // items over every plan
    int64_t onSitePlans = 0;    // plans that need a visit (inspection or survey, on site)
    int64_t scheduledPlans = 0; // carried out in a visit
    int64_t visits = 0;
    int64_t lowerBound = 0;     // the exact minimum for the scheduled plans (see above)
    int64_t jointVisits = 0;    // visits with more than one department or unit
    int64_t plansInJointVisits = 0;
    int64_t nonSitePlans = 0;
    int64_t exceptionVisits = 0;
    double jointRate = 0;       // plansInJointVisits / scheduledPlans (see README for the definition)
    double nonSiteShare = 0;    // nonSitePlans / (nonSitePlans + scheduledPlans)
    double ratio = 0;           // visits / lowerBound (1 when both are 0)
    std::map<std::string, int64_t> refusedByClause;  // clause → plans; "capacity" / "merge" where no clause decides
};

struct Schedule {
    std::vector<Visit> visits;      // in (date, enterprise) order, ids from 1
    std::vector<Refusal> refusals;  // in plan order
    std::vector<Handled> handled;
    std::vector<Owed> owed;         // in plan order
    std::vector<StepNote> notes;
    ScheduleFigures figures;
};

struct ScheduleOptions {
    // Start visit ids here (an existing workspace keeps its own).
    int64_t firstVisitId = 1;
};

// Schedules every plan of `workspace` under `policy`. Deterministic: the same workspace
// gives the same bytes natively and in wasm. Errors only for bad input (a date outside the
// calendar, a policy that does not load); refusals are results, not errors.
Result<Schedule> schedule(const Workspace& workspace, const PolicyData& policy, const ScheduleOptions& options = {},
                          const WorkCalendar& calendar = WorkCalendar::official());

// The same run in steps, for a caller that must keep drawing (the browser app shows its
// progress instead of freezing on a large workspace): start, step until it says no
// enterprise is left, finish. schedule() is exactly that, so both give the same schedule.
// The workspace and the policy must outlive the run and stay unchanged while it lasts.
class ScheduleRun {
public:
    static Result<ScheduleRun> start(const Workspace& workspace, const PolicyData& policy, const ScheduleOptions& options = {},
                                     const WorkCalendar& calendar = WorkCalendar::official());
    // Places up to `enterprises` more enterprises (in USCC order); whether any are left.
    Result<bool> step(std::size_t enterprises);
    std::size_t placed() const;
    std::size_t enterprises() const;
    // Optional, once every enterprise is placed: the first call puts the visits in their
    // order and numbers them, each later call issues up to `visits` more inspection codes;
    // whether any are left. (120 000 codes take half a second: a page issues them in slices.)
    Result<bool> issueCodes(std::size_t visits);
    std::size_t coded() const;
    std::size_t visits() const;
    // The schedule, once every enterprise is placed (an error before); codes not yet issued
    // are issued here.
    Result<Schedule> finish();

    ScheduleRun(ScheduleRun&&) noexcept;
    ScheduleRun& operator=(ScheduleRun&&) noexcept;
    ~ScheduleRun();

private:
    struct State;
    explicit ScheduleRun(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// Re-validates a schedule independently of how it was made: every visit on a lawful day
// for its enterprise, inside every member's window, noticed early enough, within capacity,
// every member allowed by decide() on that day with the earlier visits as history, every
// on-site plan either in exactly one visit or refused. Returns the violations found.
struct Violation {
    int64_t visit = 0;
    int64_t plan = 0;
    Text text;
    std::vector<std::string> clauses;
};
Result<std::vector<Violation>> checkSchedule(const Workspace& workspace, const PolicyData& policy, const Schedule& schedule,
                                             const WorkCalendar& calendar = WorkCalendar::official());

}  // namespace inspectonce

namespace inspectonce {

// The advance notice (检查预告, 004 二(五)) of one visit: what the enterprise is told.
struct NoticeLine {
    std::string department;
    Text departmentName;
    std::string unit;
    std::vector<Text> items;
    std::vector<std::string> inspectors;  // names; the first officers of the unit (or department) by id
};

struct Notice {
    int64_t visit = 0;
    std::string enterprise;
    std::string enterpriseName;
    Date date;
    std::optional<Date> sentOn;   // the notice date; unset for an exception visit (not announced)
    InspectionKind kind = InspectionKind::Inspection;
    Text leadName;
    std::vector<NoticeLine> lines;  // one per member plan, in plan order
    std::string code;               // the inspection code to be shown at the door (004 二(十))
    std::optional<Citation> clause; // the notice rule, if the county has one
};

Notice noticeFor(const Workspace& workspace, const PolicyData& policy, const Visit& visit);

}  // namespace inspectonce
