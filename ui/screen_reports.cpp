// Being built (issue 7).
#include <imgui.h>

#include "screens.hpp"

namespace inspectonce::ui {

void drawReportsScreen(AppState& state) { ImGui::TextDisabled("%s", state.tr({"建设中", "Being built"})); }

}  // namespace inspectonce::ui
