// The loaded county plugins: which file each came from, its document, and any file refused;
// and a plugin file loaded by hand, which replaces its county's plugin without rebuilding.
#include <imgui.h>

#include <cfloat>

#include "screens.hpp"

namespace inspectonce::ui {
namespace {

const ImVec4 kRefusedColour(0.8f, 0.2f, 0.2f, 1);
const ImVec4 kReplacedColour(0.1f, 0.45f, 0.2f, 1);

// The record of the file a plugin came from, when the user loaded it by hand.
const PluginFileLoad* loadedByHand(const AppState& state, const LoadedPlugin& plugin) {
    for (auto it = state.pluginFileLoads.rbegin(); it != state.pluginFileLoads.rend(); ++it)
        if (!it->refused && it->file == plugin.file) return &*it;
    return nullptr;
}

// The browser opens its file picker; the desktop takes a path.
void drawPluginFileLoader(AppState& state) {
    ImGui::Spacing();
    ImGui::Separator();
    if (state.pickPluginFile) {
        if (ImGui::Button(state.tr({"加载插件文件…", "Load plugin file…"}))) state.pickPluginFile();
    } else {
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##plugin-path", state.tr({"插件文件路径（.so）", "plugin file path (.so)"}),
                                 state.pluginPathInput.data(), state.pluginPathInput.size());
        if (ImGui::Button(state.tr({"加载插件文件", "Load plugin file"})) && state.pluginPathInput[0]) {
            std::string path = state.pluginPathInput.data();
            state.loadPluginFile(path, path);
        }
    }
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.loadPluginButtonRect = {min.x, min.y, max.x - min.x, max.y - min.y};
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", state.tr({"用所选文件替换同一县区的插件，无需重新构建",
                                           "Replaces the plugin of the same county, without rebuilding"}));

    // Newest first: which file replaced which, or why it was refused.
    ImGui::PushTextWrapPos(0);
    for (auto it = state.pluginFileLoads.rbegin(); it != state.pluginFileLoads.rend(); ++it) {
        if (it->refused) {  // its reason is in the refused list above
            ImGui::TextColored(kRefusedColour, "%s %s", it->name.c_str(), state.tr({"已拒绝", "refused"}));
            ImGui::TextDisabled("%s", state.tr({"已加载的插件保持有效", "the plugins already loaded stay active"}));
            continue;
        }
        ImGui::TextColored(kReplacedColour, "%s → %s", it->name.c_str(), it->id.c_str());
        if (it->replaced.empty())
            ImGui::TextDisabled("%s", state.tr({"新增县区", "a county not loaded before"}));
        else
            ImGui::TextDisabled("%s %s", state.tr({"替换了", "replaced"}), it->replaced.c_str());
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

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
        if (const PluginFileLoad* load = loadedByHand(state, plugin)) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kReplacedColour, "%s %s", state.tr({"来自文件", "from file"}), load->name.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::Unindent();
    }
    if (state.plugins.plugins().empty())
        ImGui::TextColored(kRefusedColour, "%s", state.tr({"没有加载任何插件", "No plugin loaded"}));
    for (const auto& error : state.refusedPlugins) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kRefusedColour, "%s %s", state.tr({"已拒绝：", "Refused:"}), error.message().c_str());
        ImGui::PopTextWrapPos();
    }
    drawPluginFileLoader(state);
}

}  // namespace inspectonce::ui
