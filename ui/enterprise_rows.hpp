// The enterprise table's rows: the workspace's enterprises filtered by what the official
// typed and sorted by a column, as indices into workspace.enterprises, with the counts each
// row shows. Pure, so it is tested without drawing; the screen recomputes it only when the
// workspace, the search or the sort changes (100 000 rows stay smooth).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

enum class EnterpriseColumn { Code, Name, Grade, Town, Industry, Plans, Visits, OpenCases, Count };

// Per enterprise (by USCC): plans filed for it, visits made, open cases about it.
struct EnterpriseCounts {
    int plans = 0;
    int visits = 0;
    int openCases = 0;
};
std::unordered_map<std::string, EnterpriseCounts> countByEnterprise(const Workspace& workspace);

// Indices of the enterprises whose code, name, town or industry contains every word of
// `search` (space-separated; case-insensitive for ASCII), sorted by `column` (ties by code).
std::vector<int32_t> enterpriseRows(const Workspace& workspace, const std::unordered_map<std::string, EnterpriseCounts>& counts,
                                    std::string_view search, EnterpriseColumn column, bool ascending);

}  // namespace inspectonce::ui
