// The random-draw form: the request it makes (or why it cannot yet), and the choices it
// offers (the workspace's industries and towns).
#pragma once

#include <string>
#include <vector>

#include "inspectonce/draw.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/workspace.hpp"
#include "planning_views.hpp"

namespace inspectonce::ui {

// The request the form describes. Errors, in `language`, name the field: no department, a
// date that is not one, a ratio that is not a percent, no seed.
Result<DrawRequest> drawRequestFrom(const DrawView& view, Language language);

// Each industry and each town of the workspace's enterprises once, sorted (empty ones left out).
std::vector<std::string> industriesOf(const Workspace& workspace);
std::vector<std::string> townsOf(const Workspace& workspace);

// Adds `value` to `values` or takes it out (a checkbox list).
void toggle(std::vector<std::string>& values, const std::string& value, bool on);

}  // namespace inspectonce::ui
