// The policy screen: the loaded county plugins (and loading one from a file), the selected
// county's rules with their clauses, and the decision try-out.
#include <imgui.h>

#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {

void drawPolicyScreen(AppState& state) {
    if (!ImGui::BeginTabBar("policy")) return;
    struct Tab { const char* name; Text title; void (*draw)(AppState&); };
    const Tab tabs[] = {{"rules", {"政策规则", "Rules"}, drawRulesScreen},
                        {"decision", {"判定试算", "Try a decision"}, drawDecisionScreen},
                        {"plugins", {"插件", "Plugins"}, drawPluginsScreen}};
    for (const auto& tab : tabs) {
        // The ### suffix keeps a tab's identity when the language changes its title.
        std::string id = tab.title.in(state.language) + "###" + tab.name;
        ImGuiTabItemFlags flags = state.openScreen == tab.name ? ImGuiTabItemFlags_SetSelected : 0;
        bool open = ImGui::BeginTabItem(id.c_str(), nullptr, flags);
        markItem(state, std::string("tab-") + tab.name);
        if (open) {
            tab.draw(state);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
    state.openScreen.clear();
}

}  // namespace inspectonce::ui
