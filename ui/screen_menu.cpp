#include <imgui.h>

#include <string>

#include "screens.hpp"

namespace inspectonce::ui {

void drawMenuBar(AppState& state) {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::TextUnformatted(state.tr({"InspectOnce 涉企检查统筹", "InspectOnce — coordinated enterprise inspections"}));
    ImGui::Separator();
    if (ImGui::MenuItem("中文", nullptr, state.language == Language::Chinese)) state.language = Language::Chinese;
    if (ImGui::MenuItem("English", nullptr, state.language == Language::English)) state.language = Language::English;
    ImGui::Separator();
    // The day every deadline is counted to; changed under Settings and data.
    if (state.today.iso().size() == 10) ImGui::Text("%s %s", state.tr({"办公日", "Working day"}), state.today.iso().c_str());
    if (!state.storage.details.empty()) {
        std::string title = state.tr({"数据", "Data"}) + std::string("###data");
        if (ImGui::BeginMenu(title.c_str())) {
            for (const auto& line : state.storage.details) ImGui::TextUnformatted(state.tr(line));
            ImGui::EndMenu();
        }
    }
    if (!state.storage.message.zh.empty()) {
        ImGui::Separator();
        ImVec4 colour = state.storage.problem ? ImVec4(0.75f, 0.15f, 0.1f, 1.0f) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        ImGui::TextColored(colour, "%s", state.tr(state.storage.message));
    }
    ImGui::EndMenuBar();
}

}  // namespace inspectonce::ui
