// What the plans, joint-visit planner and random-draw screens remember between frames: the
// official's search, sort and selection, the forms being filled, and what is derived from the
// workspace (kept until its version moves, so 100 000 plans are not re-sorted per frame).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inspectonce/decision.hpp"
#include "inspectonce/draw.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/qr.hpp"
#include "inspectonce/schedule.hpp"

namespace inspectonce::ui {

// A new plan as the official types it (planning_form.hpp turns it into a plans CSV row).
struct PlanDraft {
    int department = -1;              // index into workspace.departments
    int unit = -1;                    // index into that department's units; -1: the department as a whole
    std::array<char, 32> enterprise{};  // USCC
    std::vector<std::string> items;   // catalogue item ids
    std::array<char, 16> start{}, end{}, filedOn{};
    int kind = 0;                     // InspectionKind
    int method = 0;                   // Method
    int exception = -1;               // index into countyExceptions(); -1: none
    int inspectors = 2;
};

// The decision shown for the selected plan: one per same-kind group of its items.
struct PlanDecisionView {
    int64_t plan = 0;                 // what it was decided for …
    std::string day;                  // … on which day …
    uint64_t version = ~uint64_t{0};  // … over which workspace
    std::vector<std::pair<std::string, Decision>> decisions;  // item kind → decision
    std::optional<Error> error;
};

struct PlansView {
    std::array<char, 128> search{};
    int sortColumn = 0;               // planning_rows.hpp PlanColumn
    bool sortAscending = true;
    int64_t selected = 0;             // plan id; 0: none
    std::array<char, 16> day{};       // the decision day being typed
    int64_t dayFor = 0;               // the plan `day` was defaulted for
    PlanDecisionView decision;
    int exception = -1;               // the exception requested for the selected plan (countyExceptions index)
    std::array<char, 256> exceptionNote{};
    bool formOpen = false;
    PlanDraft draft;
    std::vector<exchange::Problem> formProblems;  // why the last save was refused
    // Derived: indices into workspace.plans, filtered and sorted; (plan id, visit index) sorted.
    std::vector<int32_t> rows;
    std::vector<std::pair<int64_t, int32_t>> planVisits;
    uint64_t rowsVersion = ~uint64_t{0};
    std::string rowsSearch;
    int rowsSortColumn = -1;
    bool rowsSortAscending = true;
};

// A visit moved by hand and the rules re-checked over the whole schedule.
struct VisitMove {
    int64_t visit = 0;                // the visit being moved; 0: none
    std::array<char, 16> date{}, notice{};
    std::string checkedDate, checkedNotice;  // what `introduced` was computed for
    uint64_t checkedVersion = ~uint64_t{0};
    std::vector<Visit> moved;         // every visit, the moved one on its new day
    std::vector<Violation> introduced;  // violations the move makes (not there before it)
    int64_t existing = 0;             // violations the schedule had before the move
    std::optional<Error> error;
};

struct PlannerView {
    std::optional<Schedule> lastRun;  // the scheduler's last run (not stored; its visits are)
    std::array<char, 64> enterpriseFilter{};
    std::array<char, 16> dateFilter{};
    int64_t selected = 0;             // visit id
    VisitMove move;
    std::string qrFor;                // the code `qr` is drawn from
    std::optional<QrMatrix> qr;
    // Derived: indices into workspace.visits, filtered.
    std::vector<int32_t> rows;
    uint64_t rowsVersion = ~uint64_t{0};
    std::string rowsEnterprise, rowsDate;
    // Baseline violations of the stored schedule, for telling what a move introduces.
    std::vector<Violation> baseline;
    uint64_t baselineVersion = ~uint64_t{0};
};

// The random draw being configured, its last run and the draws kept in the workspace.
struct DrawView {
    std::vector<std::string> departments, industries, towns, items;
    std::array<char, 16> date{};
    std::array<char, 16> ratio{};     // percent, "5" or "2.5"
    int lower = 50, higher = 200, inspectors = 2;
    bool preferNotYetDrawn = true;
    std::array<char, 129> seed{};
    std::optional<DrawRecord> record;  // the last run; record->id once published
    std::optional<DrawVerification> verification;
    std::string verified;             // what was verified ("draw 3", "this draw")
    std::vector<PastDraw> stored;     // the year's draws in the workspace
    uint64_t storedVersion = ~uint64_t{0};
    bool storedStale = true;          // a draw was published: read them again
    // Derived: the workspace's industries and towns, each once, sorted.
    std::vector<std::string> industryChoices, townChoices;
    uint64_t choicesVersion = ~uint64_t{0};
    std::optional<Error> error;
};

struct PlanningViews {
    PlansView plans;
    PlannerView planner;
    DrawView draw;
};

}  // namespace inspectonce::ui
