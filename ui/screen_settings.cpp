// Settings and data: the working day every deadline is counted to, the language, the
// workspace file (import a CSV or a whole workspace, export them, start a demo county).
#include <imgui.h>

#include <cstdio>

#include "inspectonce/exchange.hpp"
#include "screens.hpp"
#include "widgets.hpp"
#include "workspace_replacing.hpp"

namespace inspectonce::ui {
namespace {

struct TableChoice {
    exchange::Table table;
    const char* id;
    Text name;
};
const TableChoice kTables[] = {{exchange::Table::Enterprises, "enterprises", {"企业", "Enterprises"}},
                               {exchange::Table::Departments, "departments", {"部门", "Departments"}},
                               {exchange::Table::Plans, "plans", {"检查计划", "Plans"}},
                               {exchange::Table::Demands, "demands", {"诉求", "Demands"}}};
const int64_t kDemoSizes[] = {kDemoWorkspaceEnterprises, 5000, 20000, 100000};

void drawWorkingDay(AppState& state) {
    sectionTitle(state, {"办公日", "Working day"});
    auto& typed = state.views.settings.today;
    if (!typed[0] || ImGui::IsItemDeactivated()) std::snprintf(typed.data(), typed.size(), "%s", state.today.iso().c_str());
    auto day = dateField("##today", typed.data(), typed.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(!day || *day == state.today);
    if (ImGui::Button(state.tr({"设为办公日", "Set"})) && day) {
        state.today = *day;
        state.say({"办公日：" + day->iso(), "Working day: " + day->iso()});
    }
    ImGui::EndDisabled();
    if (!day) ImGui::TextColored(kProblemColour, "%s", state.tr({"请输入日历年份内的日期，如 2026-03-16", "Type a date of the calendar's years, e.g. 2026-03-16"}));
    ImGui::TextDisabled("%s", state.tr({"期限、逾期与报表都按此日计算（按工作日，ALL-1）",
                                         "Deadlines, overdue items and reports are counted to this day (working days, ALL-1)"}));
}

void drawWorkspaceFile(AppState& state) {
    sectionTitle(state, {"工作区", "Workspace"});
    const Workspace* w = state.workspace.workspace();
    if (!w) {
        ImGui::TextUnformatted(state.tr({"尚未打开工作区", "No workspace is open"}));
    } else {
        const LoadedPlugin* plugin = state.workspacePlugin();
        std::string county = plugin ? plugin->policy.name.in(state.language) : w->county;
        ImGui::Text("%s · %d · %s", county.c_str(), w->year, state.workspace.path().c_str());
        ImGui::Text("%s %s · %s %s · %s %s · %s %s", state.tr({"企业", "enterprises"}), grouped(static_cast<int64_t>(w->enterprises.size())).c_str(),
                    state.tr({"计划", "plans"}), grouped(static_cast<int64_t>(w->plans.size())).c_str(),
                    state.tr({"检查", "visits"}), grouped(static_cast<int64_t>(w->visits.size())).c_str(),
                    state.tr({"案件", "cases"}), grouped(static_cast<int64_t>(w->cases.size())).c_str());
    }
    if (state.workspace.error()) ImGui::TextColored(kProblemColour, "%s", state.workspace.error()->message().c_str());
}

void drawImport(AppState& state) {
    sectionTitle(state, {"导入", "Import"});
    auto& view = state.views.settings;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##table", state.tr(kTables[view.importTable].name))) {
        for (int i = 0; i < static_cast<int>(std::size(kTables)); ++i)
            if (ImGui::Selectable(state.tr(kTables[i].name), i == view.importTable)) view.importTable = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const TableChoice& table = kTables[view.importTable];
    ImGui::BeginDisabled(!state.workspace.isOpen());
    fileChooser(state, "import-csv", {"导入 CSV 文件…", "Import CSV file…"}, std::string("csv:") + table.id, ".csv,text/csv");
    ImGui::EndDisabled();
    ImGui::TextDisabled("%s", state.tr({"接受中文或英文表头、任意列序；有一行出错则整个文件不写入，并逐行说明原因",
                                         "Chinese or English headers in any order; one bad row and nothing is written, every problem named"}));
    fileChooser(state, "import-archive", {"导入整个工作区（替换当前）…", "Import a whole workspace (replaces this one)…"}, "archive",
                ".inspectonce,.json,application/octet-stream");
}

void drawExport(AppState& state) {
    sectionTitle(state, {"导出", "Export"});
    const Workspace* w = state.workspace.workspace();
    ImGui::BeginDisabled(!w);
    for (const auto& table : kTables) {
        std::string label = std::string(state.tr(table.name)) + " CSV###export-" + table.id;
        if (ImGui::Button(label.c_str()) && w) {
            exchange::ExportOptions options;
            options.headers = state.language == Language::English ? exchange::Headers::English : exchange::Headers::Chinese;
            options.bom = true;  // so that Excel reads the Chinese right
            saveFile(state, w->county + "-" + table.id + ".csv", "text/csv", exchange::exportCsv(*w, table.table, options));
        }
        markItem(state, std::string("export-") + table.id);
        ImGui::SameLine();
    }
    if (ImGui::Button(state.tr({"整个工作区", "Whole workspace"})) && w)
        saveFile(state, w->county + "-" + std::to_string(w->year) + ".inspectonce", "application/octet-stream",
                 exchange::writeWorkspaceArchive(*w, exchange::ArchiveFormat::Binary));
    markItem(state, "export-archive");
    ImGui::EndDisabled();
}

void drawDemo(AppState& state) {
    sectionTitle(state, {"示范县区", "Demo county"});
    auto& view = state.views.settings;
    const auto& plugins = state.plugins.plugins();
    if (plugins.empty()) return;
    if (view.demoCounty >= static_cast<int>(plugins.size())) view.demoCounty = 0;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##demo-county", plugins[static_cast<std::size_t>(view.demoCounty)].policy.name.in(state.language).c_str())) {
        for (int i = 0; i < static_cast<int>(plugins.size()); ++i)
            if (ImGui::Selectable(plugins[static_cast<std::size_t>(i)].policy.name.in(state.language).c_str(), i == view.demoCounty))
                view.demoCounty = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    std::string size = grouped(kDemoSizes[view.demoSize]) + state.tr({" 家企业", " enterprises"});
    if (ImGui::BeginCombo("##demo-size", size.c_str())) {
        for (int i = 0; i < static_cast<int>(std::size(kDemoSizes)); ++i) {
            std::string label = grouped(kDemoSizes[i]) + state.tr({" 家企业", " enterprises"});
            if (ImGui::Selectable(label.c_str(), i == view.demoSize)) view.demoSize = i;
            markItem(state, "demo-size-" + std::to_string(kDemoSizes[i]));
        }
        ImGui::EndCombo();
    }
    markItem(state, "demo-size");
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"生成并替换当前工作区", "Generate, replacing this workspace"}))) ImGui::OpenPopup("confirm-demo");
    markItem(state, "demo-generate");
    if (ImGui::BeginPopup("confirm-demo")) {
        ImGui::TextUnformatted(state.tr({"当前工作区的全部数据将被替换。先导出备份？", "Everything in this workspace will be replaced. Export a copy first?"}));
        if (ImGui::Button(state.tr({"替换", "Replace"}))) {
            const LoadedPlugin& plugin = plugins[static_cast<std::size_t>(view.demoCounty)];
            replaceWithDemoCounty(state, plugin.id, plugin.policy.name, kDemoSizes[view.demoSize]);
            ImGui::CloseCurrentPopup();
        }
        markItem(state, "demo-replace");
        ImGui::SameLine();
        if (ImGui::Button(state.tr({"取消", "Cancel"}))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void drawSettingsScreen(AppState& state) {
    sectionTitle(state, {"语言", "Language"});
    if (ImGui::RadioButton("中文", state.language == Language::Chinese)) state.language = Language::Chinese;
    ImGui::SameLine();
    if (ImGui::RadioButton("English", state.language == Language::English)) state.language = Language::English;
    drawWorkingDay(state);
    drawWorkspaceFile(state);
    drawImport(state);
    drawExport(state);
    drawDemo(state);
}

}  // namespace inspectonce::ui
