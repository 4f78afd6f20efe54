// The loaded county plugins: which file each came from, its document, and any file refused.
#include <imgui.h>

#include "screens.hpp"

namespace inspectonce::ui {

void drawPluginsScreen(AppState& state) {
    ImGui::TextUnformatted(state.tr({"县区政策插件", "County policy plugins"}));
    ImGui::Separator();
    if (!state.pluginsLoaded) {
        ImGui::TextDisabled("%s", state.tr({"正在加载插件…", "Loading plugins…"}));
        return;
    }
    for (const auto& plugin : state.plugins.plugins()) {
        bool selected = plugin.id == state.county;
        std::string label = plugin.policy.name.in(state.language) + "  (" + plugin.id + ")";
        if (ImGui::Selectable(label.c_str(), selected)) state.county = plugin.id;
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s v%s · ABI %u", plugin.id.c_str(), plugin.version.c_str(), plugin.abiVersion);
            ImGui::TextUnformatted(plugin.file.c_str());
            ImGui::EndTooltip();
        }
        ImGui::Indent();
        ImGui::TextDisabled("%s · v%s · ABI %u", plugin.policy.region.in(state.language).c_str(),
                            plugin.version.c_str(), plugin.abiVersion);
        ImGui::Unindent();
    }
    if (state.plugins.plugins().empty())
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "%s", state.tr({"没有加载任何插件", "No plugin loaded"}));
    for (const auto& error : state.refusedPlugins) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "%s %s", state.tr({"已拒绝：", "Refused:"}),
                           error.message().c_str());
        ImGui::PopTextWrapPos();
    }
}

}  // namespace inspectonce::ui
