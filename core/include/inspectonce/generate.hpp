// Generated workspaces for tests, benchmarks and training: a believable county-year
// (departments with their units, inspectors and item catalogue; enterprises with grades,
// lists, towns and industries; the plans departments file; inspections already on record;
// the records graders read) made from a seed. The same options give the same workspace,
// natively and in wasm: the generator uses its own integer PRNG (xoshiro256**, seeded by
// SplitMix64), no std:: distributions, no floating point and no unordered iteration.
// The distributions it draws from are documented beside their tables in
// core/src/generate/ (catalogue.cpp for the county's make-up, plans.cpp for the plans).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce {

// How many inspectors a department may send out on one working day.
enum class CapacityLevel {
    Ample,  // more than the department's plans could ever need on one day: never binding
    Tight,  // its roster (2–8 inspectors): binding once plans cluster, for tests of the capacity step
};

Result<CapacityLevel> parseCapacityLevel(std::string_view text);  // "ample", "tight"
std::string_view toString(CapacityLevel level);

struct GenerateOptions {
    std::string county;           // the plugin id; must be the policy's county
    int64_t enterprises = 5000;   // 1 … 5 000 000
    uint64_t seed = 1;
    int year = 0;                 // the year planned; the working-day calendar must know it
    // 0: a county's set of 16 departments, or a city's 60 (20 city-level bureaus, 20 of one
    // district, 20 town enforcement teams) from 100 000 enterprises on. 1–21 gives that many
    // county departments; more gives the city's three levels.
    int departments = 0;
    // Mean plans per enterprise; 0: 2.35, which with about 1.27 items a plan (an extra item
    // drawn twice counts once) gives the city-scale benchmark its 1.2 million plan
    // items for 400 000 enterprises.
    double plansPerEnterprise = 0;
    // "Today" for the scheduler; unset: the last working day of the year before.
    std::optional<Date> planningDate;
    CapacityLevel capacity = CapacityLevel::Ample;
};

// Generates a workspace under `policy` (exceptions the county accepts, an exempt list where
// it has an exempt rule, its name in enterprise names). The result passes validate().
// Errors: a county that is not the policy's, a year or planning date the calendar does not
// know, values out of range — each naming the option.
Result<Workspace> generateWorkspace(const GenerateOptions& options, const PolicyData& policy,
                                    const WorkCalendar& calendar = WorkCalendar::official());

namespace generate_detail {
struct GenerationState;  // generator.cpp
}  // namespace generate_detail

// generateWorkspace a step at a time (a demo county of 100 000 enterprises is seconds of
// generating in the browser): start checks the options and sets up the year; each step makes
// the next part — the organisation, the enterprises, the plans, the records, then the
// capacities with the validation. The result is the one generateWorkspace gives.
class WorkspaceGeneration {
public:
    static Result<WorkspaceGeneration> start(const GenerateOptions& options, const PolicyData& policy,
                                             const WorkCalendar& calendar = WorkCalendar::official());
    WorkspaceGeneration(WorkspaceGeneration&&) noexcept;
    WorkspaceGeneration& operator=(WorkspaceGeneration&&) noexcept;
    ~WorkspaceGeneration();

    // Makes the next part; true once the workspace is made and valid. After an error,
    // further steps repeat it.
    Result<bool> step();
    double fraction() const;  // of the work, by each step's usual share of the time
    bool done() const;
    Workspace takeWorkspace();  // once done

private:
    explicit WorkspaceGeneration(std::unique_ptr<generate_detail::GenerationState> state);
    std::unique_ptr<generate_detail::GenerationState> state_;
};

// The name of a unit (内设机构) the generator gives a department: its unit ids are English
// words ("food-safety"), to be shown as 食品安全监管科 or Food Safety Section. Null for any
// other id (a county's own units are named as it keys them in).
const Text* generatedUnitName(std::string_view id);

// Counts over a workspace (what `inspectonce generate` prints).
struct WorkspaceSummary {
    int64_t enterprises = 0;
    std::array<int64_t, 4> byGrade{};  // A, B, C, D
    int64_t whiteList = 0, exempt = 0, keySupervision = 0, seriousDishonesty = 0, aboveScale = 0;
    int64_t departments = 0, inspectors = 0, items = 0;
    int64_t plans = 0;
    int64_t planItems = 0;       // items over every plan
    int64_t exceptionPlans = 0;  // plans with an exception (one day, filed afterwards)
    int64_t unfiledPlans = 0;    // plans without an exception that are not filed
    int64_t nonSitePlans = 0;
    int64_t surveys = 0;
    int64_t history = 0;
    int64_t events = 0;
};

WorkspaceSummary summarize(const Workspace& workspace);

// BLAKE2b (hex) of a canonical dump of a workspace file's content: the schema version and
// every table by name, each row as SQL literals, rows in sorted order. Two files with the
// same digest hold the same data whatever their page layout (a file's bytes are not
// comparable: SQLite's pages depend on how it was written). Errors name the file.
Result<std::string> workspaceFileDigest(const std::string& path);

}  // namespace inspectonce
