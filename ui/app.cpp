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

void applyLaunchOptions(AppState& state, const LaunchOptions& options, YearMonth currentMonth) {
    state.language = options.language == "en" ? Language::English : Language::Chinese;
    state.county = options.county;
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
    ImGui::BeginChild("calendar", ImVec2(0, 0), true);
    drawCalendarScreen(state);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace inspectonce::ui
