#include <imgui.h>

#include "screens.hpp"

namespace inspectonce::ui {

void drawMenuBar(AppState& state) {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::TextUnformatted(state.tr({"InspectOnce 涉企检查统筹", "InspectOnce — coordinated enterprise inspections"}));
    ImGui::Separator();
    if (ImGui::MenuItem("中文", nullptr, state.language == Language::Chinese)) state.language = Language::Chinese;
    if (ImGui::MenuItem("English", nullptr, state.language == Language::English)) state.language = Language::English;
    ImGui::EndMenuBar();
}

}  // namespace inspectonce::ui
