// What the dashboard, enterprise and settings screens remember between frames: the
// official's search and sort, the enterprise opened, and rows derived from the workspace
// (kept until the workspace's version moves, so 100 000 rows are not re-sorted per frame).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dashboard_figures.hpp"
#include "enterprise_rows.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::ui {

struct EnterprisesView {
    std::array<char, 128> search{};
    int sortColumn = 0;           // enterprise_table.hpp's columns
    bool sortAscending = true;
    std::string opened;           // USCC of the enterprise whose page is shown; empty: the table
    // Derived: counts per enterprise, and indices into workspace.enterprises, filtered and sorted.
    std::unordered_map<std::string, EnterpriseCounts> counts;
    uint64_t countsVersion = ~uint64_t{0};
    std::vector<int32_t> rows;
    uint64_t rowsVersion = ~uint64_t{0};
    std::string rowsSearch;
    int rowsSortColumn = -1;
    bool rowsSortAscending = true;
    // The opened enterprise's grading, described (grading takes a moment: once per change).
    std::string grading;
    std::string gradingFor;
    uint64_t gradingVersion = ~uint64_t{0};
    Language gradingLanguage = Language::Chinese;
};

struct SettingsView {
    std::array<char, 16> today{};            // the working day being typed (YYYY-MM-DD)
    std::array<char, 512> importPath{};      // the desktop's path field
    int importTable = 0;                     // what the picked CSV holds (exchange::Table)
    int demoCounty = 0;                      // the county a new demo workspace is made for
    int demoSize = 0;                        // index into the demo sizes offered
};

struct DashboardView {
    std::optional<DashboardFigures> figures;  // for `version` on `day`
    uint64_t version = ~uint64_t{0};
    std::string day;
    std::string dueError;                     // why the due report could not be made
};

struct CalendarView {
    bool week = false;           // the week view instead of the month
    int weekDay = 0;             // days since the epoch of a day in the week shown (Date::days)
};

struct WorkspaceViews {
    CalendarView calendar;
    DashboardView dashboard;
    EnterprisesView enterprises;
    SettingsView settings;
};

}  // namespace inspectonce::ui
