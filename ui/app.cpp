#include "app_state.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "screens.hpp"
#include "widgets.hpp"

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

void AppState::runLong(Text what, std::function<void(AppState&)> run) {
    runSteps(std::move(what), [run = std::move(run)](AppState& state) {
        run(state);
        return WorkStep{};
    });
}

void AppState::runSteps(Text what, std::function<WorkStep(AppState&)> step, std::function<void(AppState&)> cancel) {
    longWork.push_back(LongWork{std::move(what), std::move(step), std::move(cancel), 0, 0});
}


const LoadedPlugin* AppState::workspacePlugin() const {
    const Workspace* w = workspace.workspace();
    return w ? plugins.find(w->county) : nullptr;
}

void AppState::say(Text text, bool problem) {
    messages.push_back({std::move(text), problem});
    if (messages.size() > 50) messages.erase(messages.begin());
}

void AppState::sayError(const Error& error) { say({error.message(), error.message()}, true); }

void applyLaunchOptions(AppState& state, const LaunchOptions& options, YearMonth currentMonth) {
    state.language = options.language == "en" ? Language::English : Language::Chinese;
    state.county = options.county;
    // The rules and the decision try-out are tabs of the policy screen.
    state.screen = options.screen.empty() ? "dashboard" : options.screen;
    if (options.screen == "rules" || options.screen == "decision" || options.screen == "plugins") {
        state.screen = "policy";
        state.openScreen = options.screen;
    }
    state.month = currentMonth;
    if (auto month = YearMonth::parse(options.month); !options.month.empty() && month) state.month = *month;
    // Keep the month inside the official calendar so the screen never shows guesses.
    const auto& calendar = WorkCalendar::official();
    if (state.month.year > calendar.lastYear()) state.month = {calendar.lastYear(), 12};
    if (state.month.year < calendar.firstYear()) state.month = {calendar.firstYear(), 1};
}

namespace {

struct Screen {
    const char* id;
    Text title;
    void (*draw)(AppState&);
};

const Screen kScreens[] = {
    {"dashboard", {"概览", "Dashboard"}, drawDashboardScreen},
    {"enterprises", {"企业", "Enterprises"}, drawEnterprisesScreen},
    {"plans", {"检查计划与报备", "Plans and filing"}, drawPlansScreen},
    {"calendar", {"日历", "Calendar"}, drawCalendarScreen},
    {"planner", {"联合检查", "Joint visits"}, drawPlannerScreen},
    {"draw", {"双随机抽查", "Random draw"}, drawDrawScreen},
    {"demands", {"诉求与投诉", "Demands and complaints"}, drawDemandsScreen},
    {"findings", {"问题整改", "Findings"}, drawFindingsScreen},
    {"reports", {"报表", "Reports"}, drawReportsScreen},
    {"simulation", {"模拟推演", "Simulation"}, drawSimulationScreen},
    {"exercises", {"培训练习", "Exercises"}, drawExercisesScreen},
    {"policy", {"政策", "Policy"}, drawPolicyScreen},
    {"settings", {"设置与数据", "Settings and data"}, drawSettingsScreen},
};

}  // namespace

std::vector<std::string> screenIds() {
    std::vector<std::string> ids;
    for (const auto& screen : kScreens) ids.push_back(screen.id);
    for (const char* tab : {"rules", "decision", "plugins"}) ids.push_back(tab);
    return ids;
}

std::string screenIdList() {
    std::string list;
    for (const auto& id : screenIds()) list += (list.empty() ? "" : ", ") + id;
    return list;
}

namespace {

void drawNavigation(AppState& state) {
    // The county whose rules the calendar, rules and try-out show.
    ImGui::TextDisabled("%s", state.tr({"县区", "County"}));
    const LoadedPlugin* selected = state.selectedPlugin();
    ImGui::SetNextItemWidth(-1);
    std::string preview = selected ? selected->policy.name.in(state.language) : state.county;
    bool open = ImGui::BeginCombo("##county", preview.c_str());
    markItem(state, "county");
    if (open) {
        for (const auto& plugin : state.plugins.plugins())
            if (ImGui::Selectable(plugin.policy.name.in(state.language).c_str(), plugin.id == state.county))
                state.county = plugin.id;
        ImGui::EndCombo();
    }
    ImGui::Separator();
    for (const auto& screen : kScreens) {
        std::string label = screen.title.in(state.language) + "###nav-" + screen.id;
        if (ImGui::Selectable(label.c_str(), state.screen == screen.id)) state.screen = screen.id;
        markItem(state, std::string("nav-") + screen.id);
    }
}

void drawStatusBar(AppState& state) {
    if (state.messages.empty()) {
        ImGui::TextDisabled("%s", state.tr({"就绪", "Ready"}));
        return;
    }
    const StatusMessage& last = state.messages.back();
    if (last.problem) ImGui::TextColored(kProblemColour, "%s", state.tr(last.text));
    else ImGui::TextUnformatted(state.tr(last.text));
    if (ImGui::IsItemHovered() && state.messages.size() > 1) {
        ImGui::BeginTooltip();
        for (auto it = state.messages.rbegin(); it != state.messages.rend() && it - state.messages.rbegin() < 10; ++it)
            ImGui::TextUnformatted(state.tr(it->text));
        ImGui::EndTooltip();
    }
}

// Runs slices of the first queued work until the frame's time is used or it is done.
void stepLongWork(AppState& state) {
    auto until = std::chrono::steady_clock::now() + state.workSlice;
    AppState::LongWork& work = state.longWork.front();
    do {
        AppState::WorkStep step = work.step(state);
        work.fraction = std::clamp(step.fraction, 0.0, 1.0);
        if (step.done) {
            state.longWork.pop_front();
            return;
        }
    } while (std::chrono::steady_clock::now() < until);
}

// The modal overlay of long work. The work starts once the overlay has been on screen (the
// frame that shows it has been presented), then runs a slice each frame.
void drawLongWork(AppState& state) {
    if (state.longWork.empty()) return;
    if (!ImGui::IsPopupOpen("##working")) ImGui::OpenPopup("##working");
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x / 2, viewport->WorkPos.y + viewport->WorkSize.y / 2),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##working", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoDecoration |
                                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings))
        return;
    AppState::LongWork& work = state.longWork.front();
    ImGui::Text("%s…", state.tr(work.what));
    char percent[16];
    std::snprintf(percent, sizeof percent, "%.0f%%", work.fraction * 100);
    ImGui::ProgressBar(static_cast<float>(work.fraction), ImVec2(ImGui::GetFontSize() * 18, 0), percent);
    markItem(state, "work-progress");
    if (state.longWork.size() > 1) ImGui::TextDisabled("%s %zu", state.tr({"排队：", "queued:"}), state.longWork.size() - 1);
    bool cancelled = false;
    if (work.cancel) {
        cancelled = ImGui::Button(state.tr({"取消", "Cancel"}));
        markItem(state, "work-cancel");
    }
    if (cancelled) {
        AppState::LongWork stopped = std::move(state.longWork.front());
        state.longWork.pop_front();
        stopped.cancel(state);
        state.say({"已取消：" + stopped.what.zh, "Cancelled: " + stopped.what.en});
    } else if (++work.framesShown >= 3) {
        stepLongWork(state);
    }
    if (state.longWork.empty()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void drawApp(AppState& state) {
    state.marks.clear();  // a mark is where its widget was drawn this frame, or nowhere
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("InspectOnce", nullptr, flags);
    drawMenuBar(state);

    float statusHeight = ImGui::GetFrameHeightWithSpacing();
    // As wide as the longest screen title in the current language.
    float sideWidth = ImGui::GetFontSize() * 8.0f;
    for (const auto& screen : kScreens) sideWidth = std::max(sideWidth, ImGui::CalcTextSize(state.tr(screen.title)).x);
    sideWidth += ImGui::GetStyle().WindowPadding.x * 2 + ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginChild("navigation", ImVec2(sideWidth, -statusHeight), true);
    drawNavigation(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("screen", ImVec2(0, -statusHeight), true);
    for (const auto& screen : kScreens)
        if (state.screen == screen.id) screen.draw(state);
    ImGui::EndChild();
    drawStatusBar(state);
    ImGui::End();
    drawLongWork(state);
}

}  // namespace inspectonce::ui
