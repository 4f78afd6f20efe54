// The dashboard: this year's figures against the county's targets (joint-inspection rate,
// non-site share, visits, overdue items), visits by month, and the first steps for someone
// who has just opened the app.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const DashboardFigures& figuresOf(AppState& state, const Workspace& workspace, const PolicyData& policy) {
    auto& view = state.views.dashboard;
    std::string day = state.today.iso();
    if (!view.figures || view.version != state.workspace.version() || view.day != day) {
        auto due = report::dueReport(workspace, policy.workflows, WorkCalendar::official(), state.today);
        view.dueError = due ? "" : due.error().message();
        view.figures = dashboardFigures(workspace, policy, due ? &*due : nullptr);
        view.version = state.workspace.version();
        view.day = day;
    }
    return *view.figures;
}

// One figure in a box: the number big enough to read across a room, its name beneath.
void figureBox(const char* id, const std::string& value, const char* name, const ImVec4* colour = nullptr) {
    ImGui::BeginChild(id, ImVec2(ImGui::GetFontSize() * 8.5f, ImGui::GetFontSize() * 4.2f), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::SetWindowFontScale(1.5f);
    if (colour) ImGui::TextColored(*colour, "%s", value.c_str());
    else ImGui::TextUnformatted(value.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("%s", name);
    ImGui::EndChild();
}

void drawFigures(AppState& state, const DashboardFigures& f) {
    figureBox("enterprises", grouped(f.enterprises), state.tr({"企业", "enterprises"}));
    ImGui::SameLine();
    figureBox("plans", grouped(f.plans), state.tr({"检查计划", "plans"}));
    ImGui::SameLine();
    figureBox("visits", grouped(f.visits), state.tr({"入企检查（次）", "on-site visits"}));
    ImGui::SameLine();
    // Before any visit is scheduled the rates say nothing yet.
    bool scheduled = f.visits > 0;
    figureBox("joint", scheduled ? percent(f.jointRate) : "—", state.tr({"联合检查率", "joint-inspection rate"}));
    ImGui::SameLine();
    figureBox("non-site", scheduled ? percent(f.nonSiteShare) : "—", state.tr({"非现场占比", "non-site share"}));
    ImGui::SameLine();
    const ImVec4* overdueColour = f.overdue + f.escalated ? &kProblemColour : &kGoodColour;
    figureBox("overdue", grouped(f.overdue + f.escalated), state.tr({"逾期事项", "overdue items"}), overdueColour);
    if (!scheduled) {
        ImGui::TextColored(kWarningColour, "%s", state.tr({"尚未排定入企检查：到“联合检查”运行排程", "No visits scheduled yet: run the scheduler under Joint visits"}));
        ImGui::SameLine();
        if (ImGui::SmallButton(state.tr({"前往###go-planner-now", "Go###go-planner-now"}))) state.screen = "planner";
    }
    ImGui::TextDisabled("%s", state.tr({"联合检查率 = 联合检查中执行的计划 ÷ 入企执行的计划；非现场占比 = 非现场计划 ÷（非现场 + 入企执行）",
                                         "Joint rate = plans carried out in joint visits ÷ plans carried out on site; non-site share = non-site plans ÷ (non-site + on-site)"}));
}

void drawTargets(AppState& state, const DashboardFigures& f) {
    sectionTitle(state, {"年度目标", "This year's targets"});
    if (f.targets.empty()) {
        ImGui::TextDisabled("%s", state.tr({"本县区文件没有为该年设定量化目标", "The county's document sets no figures for this year"}));
        return;
    }
    for (const auto& standing : f.targets) {
        const YearlyTarget& target = *standing.target;
        ImGui::Text("%s ≥ %d%%", target.name.in(state.language).c_str(), target.minPercent);
        ImGui::SameLine();
        if (!standing.actual || !f.visits) {
            ImGui::TextDisabled("%s", standing.actual ? state.tr({"（排程后统计）", "(measured once visits are scheduled)"})
                                                      : state.tr({"（由双随机抽查统计）", "(measured by the random draws)"}));
        } else {
            ImGui::TextColored(standing.met ? kGoodColour : kProblemColour, "%s %s", percent(*standing.actual).c_str(),
                               standing.met ? state.tr({"已达到", "met"}) : state.tr({"未达到", "not met"}));
            float fraction = static_cast<float>(*standing.actual * 100.0 / std::max(1, target.minPercent));
            ImGui::ProgressBar(std::min(1.0f, fraction), ImVec2(ImGui::GetFontSize() * 20, 0));
        }
        clauseText(state, target.clause);
    }
}

void drawMonths(AppState& state, const DashboardFigures& f, int year) {
    sectionTitle(state, {"各月入企检查次数", "On-site visits by month"});
    float most = 1;
    for (float n : f.visitsByMonth) most = std::max(most, n);
    std::string overlay = std::to_string(year) + (state.language == Language::English ? ": Jan – Dec" : " 年 1–12 月");
    ImGui::PlotHistogram("##months", f.visitsByMonth.data(), 12, 0, overlay.c_str(), 0, most * 1.15f,
                         ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 6));
}

void drawDue(AppState& state, const DashboardFigures& f) {
    sectionTitle(state, {"办理期限（截至办公日）", "Deadlines (as of the working day)"});
    ImGui::TextColored(f.overdue ? kProblemColour : kGoodColour, "%s %d", state.tr({"逾期", "overdue"}), f.overdue);
    ImGui::SameLine();
    ImGui::TextColored(f.escalated ? kProblemColour : kGoodColour, "  %s %d", state.tr({"已督办", "escalated"}), f.escalated);
    ImGui::SameLine();
    ImGui::TextColored(f.dueToday ? kWarningColour : kGoodColour, "  %s %d", state.tr({"今日到期", "due today"}), f.dueToday);
    ImGui::SameLine();
    ImGui::Text("  %s %d", state.tr({"即将到期", "due soon"}), f.dueSoon);
    ImGui::SameLine();
    if (ImGui::SmallButton(state.tr({"查看清单", "See the list"}))) state.screen = "reports";
    if (!state.views.dashboard.dueError.empty()) ImGui::TextColored(kProblemColour, "%s", state.views.dashboard.dueError.c_str());
}

// The first things to do, in order, each a click away.
void drawFirstSteps(AppState& state) {
    sectionTitle(state, {"从这里开始", "Start here"});
    struct Step { Text text; const char* screen; };
    const Step steps[] = {
        {{"1. 导入本县区的企业和检查计划（或使用示范数据）", "1. Import the county's enterprises and plans (or use the demo data)"}, "settings"},
        {{"2. 合并检查计划，排定联合检查，打印检查预告", "2. Merge the plans into joint visits and print the advance notices"}, "planner"},
        {{"3. 登记企业诉求并分办，跟踪办理期限", "3. Log and route the enterprises' demands, follow their deadlines"}, "demands"},
        {{"4. 跟踪问题整改直至销号", "4. Follow findings through rectification to closure"}, "findings"},
    };
    for (const auto& step : steps) {
        ImGui::TextUnformatted(state.tr(step.text));
        ImGui::SameLine();
        std::string label = std::string(state.tr({"前往", "Go"})) + "###go-" + step.screen;
        if (ImGui::SmallButton(label.c_str())) state.screen = step.screen;
    }
}

}  // namespace

void drawDashboardScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& workspace = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;
    ImGui::Text("%s · %d", policy.name.in(state.language).c_str(), workspace.year);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", policy.document.title.in(state.language).c_str());
    const DashboardFigures& f = figuresOf(state, workspace, policy);
    drawFigures(state, f);
    drawTargets(state, f);
    drawMonths(state, f, workspace.year);
    drawDue(state, f);
    drawFirstSteps(state);
}

}  // namespace inspectonce::ui
