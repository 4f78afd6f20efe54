// What the dashboard, enterprise and settings screens remember between frames: the
// official's search and sort, the enterprise opened, and rows derived from the workspace
// (kept until the workspace's version moves, so 100 000 rows are not re-sorted per frame).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace inspectonce::ui {

struct EnterprisesView {
    std::array<char, 128> search{};
    int sortColumn = 0;           // enterprise_table.hpp's columns
    bool sortAscending = true;
    std::string opened;           // USCC of the enterprise whose page is shown; empty: the table
    // Derived: indices into workspace.enterprises, filtered and sorted.
    std::vector<int32_t> rows;
    uint64_t rowsVersion = ~uint64_t{0};
    std::string rowsSearch;
    int rowsSortColumn = -1;
    bool rowsSortAscending = true;
};

struct SettingsView {
    std::array<char, 16> today{};            // the working day being typed (YYYY-MM-DD)
    std::array<char, 512> importPath{};      // the desktop's path field
    int importTable = 0;                     // what the picked CSV holds (exchange::Table)
    int demoCounty = 0;                      // the county a new demo workspace is made for
    int demoSize = 0;                        // index into the demo sizes offered
};

struct WorkspaceViews {
    EnterprisesView enterprises;
    SettingsView settings;
};

}  // namespace inspectonce::ui
