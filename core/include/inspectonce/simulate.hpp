// Simulation of a county-year for trainers (issue 8): a generated county lives through one
// year day by day under a county's policy, or under none (every department on its own), and
// the outcome is measured: visits per enterprise, the joint-inspection rate, the non-site
// share, blackout exceptions used, demands and complaints answered on time, findings closed
// without penalty, the load on each department, the distance to the county's own targets.
//
// What happens is drawn once from the seed, before any policy is applied, so every policy
// meets the same year: the county (generate.hpp), the grade changes, and the events —
// enterprises' demands (002 二(一)) and disturbance complaints (002 二(二)), public
// complaints and accidents that call for an inspection at once, an emergency and superior
// assignments, findings on site — each with its own random stream. The policy then decides
// through the real engines: the scheduler dates each month's plans (schedule.hpp), decide()
// rules on each unplanned inspection (decision.hpp), the county's workflows carry demands,
// complaints and findings with their deadlines (workflow.hpp), the classifier routes texts
// (classify.hpp), the penalty rules dispose of findings (grading.hpp).
//
// Deterministic: integers and the core's own PRNG, no wall clock; the same options give
// the same bytes natively and in wasm. The distributions are documented beside their
// tables in core/src/simulate/events.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::simulate {

// A trainer's change to a policy, to see what it does ("what if"): applied to a copy.
struct WhatIf {
    // Every blackout period (Yunhe's quiet period 004 二(三), Pingyang's service week
    // 001 三.1) becomes the last `quietDays` days of each month; 0 removes them.
    std::optional<int> quietDays;
    // Every on-site cap (Type::Cap rules) allows `onSiteCap` inspections a year.
    std::optional<int> onSiteCap;

    bool empty() const { return !quietDays && !onSiteCap; }
};

// The policy with the changes made; an error names a value out of range (quiet days 0–28,
// a cap 1–50) or a change the county has nothing to apply it to.
Result<PolicyData> applyWhatIf(const PolicyData& policy, const WhatIf& whatIf);

struct Options {
    int64_t enterprises = 5000;  // 1 … 1 000 000
    uint64_t seed = 1;
    int year = 2025;             // the calendar must know it
    // The county is generated under this policy's data (names, the exceptions it accepts,
    // its exempt list) and run under the policy given to run(), or under none.
    const PolicyData* county = nullptr;
    // Called as each month begins (1–12) and once more at the end (13): long runs show progress.
    std::function<void(const std::string& policy, int month)> progress;
};

// One day of the year, for the replay: what happened that day and where things stood at
// its end.
struct DayFigures {
    Date date;
    int32_t visits = 0;              // on-site visits made that day
    int32_t jointVisits = 0;
    int32_t plansOnSite = 0;         // plans carried out on site that day
    int32_t exceptionVisits = 0;     // unplanned inspections (an exception, ALL-4)
    int32_t blackoutExceptions = 0;  // … of them on a blackout day for that enterprise
    int32_t refused = 0;             // plans and unplanned inspections refused that day
    int32_t demands = 0, complaints = 0, findings = 0;  // opened that day
    int32_t openCases = 0;           // workflow cases open at the day's end
    int32_t overdueCases = 0;        // … of them past their deadline
    int64_t visitsSoFar = 0;         // on-site visits from 1 January to this day
};

// Something the trainer can look at in the replay: why it went as it did, with its clause.
struct Happening {
    Date date;
    std::string kind;        // "exception", "refused", "demand", "complaint", "finding", "escalated", "grade", "assignment", "emergency"
    std::string enterprise;  // USCC, may be empty
    std::string department;  // may be empty
    Text text;
    std::string clause;      // "004 二(三)"; empty when no clause decided it
};

// Load on one department: plans it carried out on site, by week.
struct DepartmentLoad {
    std::string department;
    Text name;
    int64_t plans = 0;
    int32_t peakWeek = 0;    // the most in one week
};

// How far the run is from one of the county's yearly targets (004 一).
struct TargetGap {
    std::string metric;
    Text name;
    int minPercent = 0;
    std::optional<double> achievedPercent;  // unset: the simulation does not measure this metric
    Citation clause;
};

// The outcome of a year. Rates are fractions (0–1); a rate with nothing to measure is unset.
struct Figures {
    int64_t enterprises = 0;
    int64_t plans = 0;                 // regular plans of the year
    int64_t visits = 0;                // on-site visits made
    double visitsPerEnterprise = 0;
    int64_t mostVisitsOneEnterprise = 0;
    int64_t plansOnSite = 0;           // plans carried out on site (regular and unplanned)
    int64_t jointVisits = 0;
    std::optional<double> jointRate;   // plans carried out in joint visits / plansOnSite
    int64_t nonSitePlans = 0;
    std::optional<double> nonSiteShare;  // nonSitePlans / (nonSitePlans + plansOnSite)
    int64_t exceptionVisits = 0;
    int64_t blackoutExceptions = 0;
    int64_t refusedPlans = 0;          // regular plans the rules left out
    int64_t refusedInspections = 0;    // unplanned inspections the rules refused
    int64_t demands = 0, demandsOnTime = 0;
    std::optional<double> demandsOnTimeRate;     // unset: the county has no demand workflow
    int64_t complaints = 0, complaintsOnTime = 0;
    std::optional<double> complaintsOnTimeRate;  // unset: the county has no complaint workflow
    int64_t routedAsWritten = 0;       // demands and complaints the classifier put in their own category
    int64_t needsPerson = 0;           // … it left to a person (confidence below its threshold)
    int64_t findings = 0, findingsWithoutPenalty = 0;
    std::optional<double> withoutPenaltyRate;
    int64_t cases = 0, casesOnTime = 0, casesOpenAtYearEnd = 0, casesEscalated = 0;
    double loadPerDepartmentWeek = 0;  // plans on site per department per week (52 weeks)
    int32_t peakDepartmentWeek = 0;
    int64_t gradeChanges = 0;
};

struct Run {
    std::string policy;       // the county id, or "none"
    Text name;                // 云和县 / Yunhe County; 无政策 / no policy
    std::string generatedAs;  // the county the enterprises were generated as
    int year = 0;
    uint64_t seed = 0;
    bool whatIf = false;      // the policy was changed (applyWhatIf)
    Figures figures;
    std::vector<TargetGap> targets;
    std::vector<DayFigures> days;         // every day of the year, 1 January first
    std::vector<Happening> happenings;    // in date order
    std::vector<DepartmentLoad> load;     // in the workspace's department order
};

// One county-year under `policy`; nullptr: no policy (every plan a visit of its own on the
// first working day of its window, on site, nothing refused, no deadline kept but the
// department's own). Errors: options out of range, a year the calendar does not know, a
// county that does not generate.
Result<Run> run(const PolicyData* policy, const Options& options, const WorkCalendar& calendar = WorkCalendar::official());

// The same year in steps, for a caller that must keep drawing (the simulation screen shows
// its progress instead of freezing): start (the county generated, its year drawn), step
// until no day is left, finish. run() is exactly that, so both give the same Run. The
// policies (and options.county) must outlive the run.
class YearRun {
public:
    static Result<YearRun> start(const PolicyData* policy, const Options& options,
                                 const WorkCalendar& calendar = WorkCalendar::official());
    // Lives through up to `days` more days; whether any are left.
    Result<bool> step(int days);
    int daysDone() const;
    int daysInYear() const;
    const std::string& policy() const;  // the policy's county id, or "none"
    // The year, once every day is lived (an error before).
    Result<Run> finish();

    YearRun(YearRun&&) noexcept;
    YearRun& operator=(YearRun&&) noexcept;
    ~YearRun();

private:
    struct State;
    explicit YearRun(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// The figures side by side: one row per figure, one value per run, as the CLI and the UI
// show them. Values are formatted ("0.612", "—" when unset).
struct FigureRow {
    std::string id;   // "joint-rate"
    Text name;
    std::vector<std::string> values;
};
std::vector<FigureRow> figureRows(const std::vector<Run>& runs);
// "61.2%" for 0.612; "—" when unset.
std::string formatPercent(const std::optional<double>& fraction);

}  // namespace inspectonce::simulate
