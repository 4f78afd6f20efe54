// Reports as of the working day: every case due or overdue, by who holds it, with the
// deadline's clause; Wuxi's tracked figures (003 三(二)) and Yunhe's annual feedback list
// (004 二(八)), shown for any county with the clause they come from. Each can be exported as
// CSV and printed.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "case_reports.hpp"
#include "case_step_form.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

void refresh(AppState& state, const Workspace& workspace, const PolicyData& policy) {
    ReportsView& view = state.cases.reports;
    if (view.version == state.workspace.version() && view.day == state.today && view.due) return;
    view.version = state.workspace.version();
    view.day = state.today;
    auto due = report::dueReport(workspace, policy.workflows, WorkCalendar::official(), state.today);
    if (due) {
        view.due = std::move(*due);
        view.dueError.clear();
    } else {
        view.due = report::DueReport{};
        view.dueError = due.error().message();
    }
    view.figures = report::trackedFigures(workspace, workspace.year);
    view.feedback = report::feedbackList(workspace, workspace.year);
}

// "Export CSV" and "Print" for one table.
void exportButtons(AppState& state, const char* id, const ReportTable& table, const std::string& file, const std::string& title,
                   const std::string& subtitle) {
    ImGui::PushID(id);
    if (ImGui::SmallButton(state.tr({"导出 CSV", "Export CSV"}))) saveFile(state, file + ".csv", "text/csv", csvOf(table));
    markItem(state, std::string("export-") + id);
    ImGui::SameLine();
    if (ImGui::SmallButton(state.tr({"打印", "Print"}))) printPage(state, file + ".html", htmlOf(table, title, subtitle));
    markItem(state, std::string("print-") + id);  // the end-to-end tests click it
    ImGui::PopID();
}

void drawTable(const char* id, const ReportTable& table, int shownRows) {
    if (table.rows.empty()) return;
    float rowHeight = ImGui::GetTextLineHeightWithSpacing() + 2;
    float height = rowHeight * static_cast<float>(std::min<std::size_t>(table.rows.size() * 2, static_cast<std::size_t>(shownRows)) + 1) + 8;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, static_cast<int>(table.headers.size()), flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Columns of short values (codes, counts, dates) keep their width; the others share the rest.
    std::vector<bool> narrow(table.headers.size());
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        std::size_t longest = 0;
        for (std::size_t r = 0; r < std::min<std::size_t>(table.rows.size(), 100); ++r) longest = std::max(longest, table.rows[r][c].size());
        narrow[c] = longest <= 24;
        ImGui::TableSetupColumn(table.headers[c].c_str(), narrow[c] ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch);
    }
    ImGui::TableHeadersRow();
    tableRows(table.rows.size(), [&](std::size_t row, bool wrap) {
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < table.rows[row].size(); ++c) {
            ImGui::TableNextColumn();
            cellText(table.rows[row][c], wrap && !narrow[c]);  // a fixed column fits its values on one line
        }
    });
    ImGui::EndTable();
}

void drawDue(AppState& state, const PolicyData& policy) {
    const ReportsView& view = state.cases.reports;
    sectionTitle(state, {"到期与逾期（截至 " + state.today.iso() + "，按办理单位）", "Due and overdue (as of " + state.today.iso() + ", by holder)"});
    if (!view.dueError.empty()) {
        ImGui::TextColored(kProblemColour, "%s", view.dueError.c_str());
        return;
    }
    const report::DueReport& due = *view.due;
    ImGui::TextColored(due.overdue + due.escalated ? kProblemColour : kGoodColour, "%s %d", state.tr({"逾期", "overdue"}), due.overdue + due.escalated);
    ImGui::SameLine();
    ImGui::TextColored(due.escalated ? kProblemColour : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s %d", state.tr({"（已升级", "(escalated"}), due.escalated);
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(state.tr({"）", ")"}));
    ImGui::SameLine();
    ImGui::TextColored(due.dueToday + due.dueSoon ? kWarningColour : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s %d · %s %d",
                       state.tr({"今日到期", "due today"}), due.dueToday, state.tr({"即将到期", "due soon"}), due.dueSoon);
    ReportTable table = dueTable(due, state.language);
    ImGui::SameLine();
    exportButtons(state, "due", table, "due-" + state.today.iso(), state.tr({"到期与逾期事项", "Due and overdue"}),
                  policy.name.in(state.language) + " · " + state.today.iso());
    if (due.holders.empty()) {
        ImGui::TextDisabled("%s", state.tr({"没有到期或逾期的事项", "Nothing is due or overdue"}));
        return;
    }
    for (const auto& holder : due.holders) {
        std::string header = holder.name.in(state.language) + " — " + state.tr({"逾期 ", "overdue "}) + std::to_string(holder.overdue + holder.escalated) +
                             state.tr({"，今日到期 ", ", due today "}) + std::to_string(holder.dueToday) + state.tr({"，即将到期 ", ", due soon "}) +
                             std::to_string(holder.dueSoon) + "###" + holder.holder;
        ImGui::SetNextItemOpen(holder.overdue + holder.escalated > 0, ImGuiCond_Once);
        if (!ImGui::CollapsingHeader(header.c_str())) continue;
        ImGui::PushID(holder.holder.c_str());
        ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("items", 6, flags)) {
            ImGui::TableSetupColumn(state.tr({"案件", "Case"}), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(state.tr({"流程 · 状态", "Workflow · state"}), ImGuiTableColumnFlags_WidthStretch, 4);
            ImGui::TableSetupColumn(state.tr({"企业", "Enterprise"}), ImGuiTableColumnFlags_WidthStretch, 3);
            ImGui::TableSetupColumn(state.tr({"期限", "Deadline"}), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(state.tr({"时限", "Standing"}), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(state.tr({"依据", "Clause"}), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableHeadersRow();
            for (const auto& item : holder.items) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(item.caseId));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s · %s", state.tr(item.workflowName), state.tr(item.stateName));
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", item.enterpriseName.empty() ? item.title.c_str() : item.enterpriseName.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(item.deadline.iso().c_str());
                ImGui::TableNextColumn();
                standingText(state, item.standing);
                if (isLate(item.standing)) {
                    ImGui::SameLine();
                    ImGui::TextColored(kProblemColour, "+%d", item.workingDaysLate);
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(item.clause.clause.c_str());
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

void drawFigures(AppState& state, const PolicyData& policy) {
    const report::TrackedFigures& figures = *state.cases.reports.figures;
    std::string year = std::to_string(figures.year);
    sectionTitle(state, {"跟踪指标（" + year + " 年）", "Tracked figures (" + year + ")"});
    if (policy.county != "wuxi")
        ImGui::TextDisabled("%s", state.tr({"锡山区文件规定的指标，供本县区参考", "The figures Xishan's document tracks, shown for reference"}));
    ReportTable table = figuresTable(figures, state.language);
    exportButtons(state, "figures", table, "tracked-figures-" + year, state.tr({"跟踪指标", "Tracked figures"}),
                  policy.name.in(state.language) + " · " + year + " · " + figures.clause.clause);
    ImGui::SameLine();
    clauseText(state, figures.clause);
    drawTable("figures", table, 6);
}

void drawFeedback(AppState& state, const PolicyData& policy) {
    const report::FeedbackList& list = *state.cases.reports.feedback;
    std::string year = std::to_string(list.year);
    sectionTitle(state, {"年度企业合规经营互助清单（" + year + " 年）", "Annual feedback list (" + year + ")"});
    if (policy.county != "yunhe")
        ImGui::TextDisabled("%s", state.tr({"云和县文件规定的清单，供本县区参考", "The list Yunhe's document keeps, shown for reference"}));
    ReportTable table = feedbackTable(list, state.language);
    ImGui::Text("%s %s", grouped(static_cast<int64_t>(list.lines.size())).c_str(), state.tr({"家规上或重点企业", "above-scale or key enterprises"}));
    ImGui::SameLine();
    exportButtons(state, "feedback", table, "feedback-list-" + year, state.tr({"年度企业合规经营互助清单", "Annual feedback list"}),
                  policy.name.in(state.language) + " · " + year + " · " + list.clause.clause);
    ImGui::SameLine();
    clauseText(state, list.clause);
    drawTable("feedback", table, 10);
}

}  // namespace

void drawReportsScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& workspace = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;
    refresh(state, workspace, policy);
    drawDue(state, policy);
    drawFigures(state, policy);
    drawFeedback(state, policy);
}

}  // namespace inspectonce::ui
