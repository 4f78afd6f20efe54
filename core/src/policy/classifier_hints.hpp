// Reading "classifier_hints" of a county parameter file (see classifier_hints.hpp).
#pragma once

#include "inspectonce/policy.hpp"
#include "json/json_reader.hpp"

namespace inspectonce {

// {"demand": {"<category id>": ["词", …]}, "complaint": {…}, "finding": {"excluded": […]}}.
// Category ids must be the county's own (demand_categories, complaint_categories) or, for a
// county without a list, those of 002; finding ids are minor, general, prominent, excluded.
Result<ClassifierHints> readClassifierHints(const json::Cursor& at, const PolicyData& policy);

}  // namespace inspectonce
