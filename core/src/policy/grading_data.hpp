// Reading "penalties" and "grading" of a county parameter file (see grading_rules.hpp).
#pragma once

#include "inspectonce/policy.hpp"
#include "json/json_reader.hpp"

namespace inspectonce {

// Reads both optional sections of `root` into `policy`, after its "severity" and "sampling"
// (their facts and levels are what penalty conditions may name). Every clause must be one of
// the county's own document; every fact, level, list and event kind must be declared.
Status readGradingSections(const json::Cursor& root, PolicyData& policy);

}  // namespace inspectonce
