// Small formatting shared by the draw's JSON and text output.
#pragma once

#include <string>

namespace inspectonce::draw_text {

// part / whole as a percent with one decimal, rounded half up: tenths(1, 3) = "33.3"; "0.0" when whole is 0.
std::string tenths(int part, int whole);

}  // namespace inspectonce::draw_text
