// The parts of a file's import that file_import.cpp (tables, archives) and case_import.cpp
// (demands) share.
#pragma once

#include <string>

#include "app_state.hpp"
#include "inspectonce/exchange.hpp"

namespace inspectonce::ui {

// Rows a slice checks, counts, writes or opens as cases: a few milliseconds of work, so a
// slice keeps to its time.
constexpr std::size_t kRowsPerStep = 200;

// Every problem of a refused file to the log; the status line shows the first and the count.
void sayImportProblems(AppState& state, const std::string& name, const exchange::Problems& problems);

// A demands CSV under the long-work overlay, in slices: read and checked, then one case of the
// county's demand workflow opened per row, all in one transaction (case_import.cpp).
void importDemandsInSlices(AppState& state, const std::string& name, const std::string& bytes);

}  // namespace inspectonce::ui
