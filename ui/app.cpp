#include "app_state.hpp"

#include <imgui.h>

#include "screens.hpp"

namespace inspectonce::ui {

void AppState::loadPluginDirectory(const std::string& directory) {
    auto report = plugins.loadDirectory(directory);
    refusedPlugins.clear();
    if (!report) {
        refusedPlugins.push_back(report.error());
    } else {
        refusedPlugins = report->refused;
    }
    pluginsLoaded = true;
    if (!plugins.find(county) && !plugins.plugins().empty()) county = plugins.plugins().front().id;
}

void AppState::loadPluginFile(const std::string& path, const std::string& name) {
    PluginFileLoad record{name, path, "", "", std::nullopt};
    auto loaded = plugins.load(path, &record.replaced);
    if (!loaded) {
        // Say it with the name the user picked, not the path it was stored under.
        Error error = loaded.error();
        if (error.where.rfind(path, 0) == 0) error.where = name + error.where.substr(path.size());
        record.refused = error;
        refusedPlugins.push_back(error);
    } else {
        record.id = (*loaded)->id;
        county = record.id;
    }
    pluginFileLoads.push_back(record);
}

void applyLaunchOptions(AppState& state, const LaunchOptions& options, YearMonth currentMonth) {
    state.language = options.language == "en" ? Language::English : Language::Chinese;
    state.county = options.county;
    state.openScreen = options.screen;
    state.month = currentMonth;
    if (auto month = YearMonth::parse(options.month); !options.month.empty() && month) state.month = *month;
    // Keep the month inside the official calendar so the screen never shows guesses.
    const auto& calendar = WorkCalendar::official();
    if (state.month.year > calendar.lastYear()) state.month = {calendar.lastYear(), 12};
    if (state.month.year < calendar.firstYear()) state.month = {calendar.firstYear(), 1};
}

void drawApp(AppState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("InspectOnce", nullptr, flags);
    drawMenuBar(state);

    float sideWidth = ImGui::GetFontSize() * 19.0f;
    ImGui::BeginChild("plugins", ImVec2(sideWidth, 0), true);
    drawPluginsScreen(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("county", ImVec2(0, 0), true);
    if (ImGui::BeginTabBar("screens")) {
        struct Tab { const char* name; Text title; void (*draw)(AppState&); };
        const Tab tabs[] = {{"calendar", {"日历", "Calendar"}, drawCalendarScreen},
                            {"rules", {"政策规则", "Rules"}, drawRulesScreen},
                            {"decision", {"判定试算", "Try a decision"}, drawDecisionScreen}};
        for (const auto& tab : tabs) {
            // The ### suffix keeps a tab's identity when the language changes its title.
            std::string id = tab.title.in(state.language) + "###" + tab.name;
            ImGuiTabItemFlags tabFlags = state.openScreen == tab.name ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(id.c_str(), nullptr, tabFlags)) {
                tab.draw(state);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
        state.openScreen.clear();
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace inspectonce::ui
