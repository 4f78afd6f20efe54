// Findings and rectification: the county's "finding" cases as a board, one column per state
// (overdue ones in red on the working day), a new finding with its grading, one finding's
// steps (the same form as the demands inbox), its commitment letter, and the closure list
// (销号清单) as of the working day with its print page.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "case_step_form.hpp"
#include "inspectonce/documents.hpp"
#include "inspectonce/grading.hpp"
#include "screens.hpp"
#include "widgets.hpp"
#include "workspace_replacing.hpp"

namespace inspectonce::ui {
namespace {

// The workspace's county has no finding procedure: say so, and offer the demo county of one
// that has (it replaces the workspace, so it is confirmed first, as in the settings).
void drawNoFindings(AppState& state, const PolicyData& policy) {
    ImGui::TextWrapped("%s", state.tr({policy.name.zh + "的政策未规定问题整改与销号流程。",
                                       policy.name.en + "'s policy sets no procedure for findings and their rectification."}));
    auto counties = countiesWith(state.plugins, "finding");
    if (counties.empty()) {
        ImGui::TextDisabled("%s", state.tr({"已加载的县区都没有该流程。", "No loaded county has one."}));
        return;
    }
    ImGui::TextWrapped("%s", state.tr({"有该流程的县区（换成其示范工作区即可试用）：",
                                       "Counties that have one (switch to a demo workspace of one to try it):"}));
    for (const LoadedPlugin* plugin : counties) {
        const Text& name = plugin->policy.name;
        std::string popup = "confirm-findings-demo-" + plugin->id;
        std::string label = std::string(state.tr({"换成" + name.zh + "示范工作区…", "Switch to the demo workspace of " + name.en + "…"})) +
                            "###findings-demo-" + plugin->id;
        if (ImGui::Button(label.c_str())) ImGui::OpenPopup(popup.c_str());
        markItem(state, "findings-demo-" + plugin->id);
        if (ImGui::BeginPopup(popup.c_str())) {
            ImGui::TextUnformatted(state.tr({"当前工作区的全部数据将被替换。先到“设置与数据”导出备份？",
                                             "Everything in this workspace will be replaced. Export a copy first (Settings and data)?"}));
            if (ImGui::Button(state.tr({"替换", "Replace"}))) {
                replaceWithDemoCounty(state, plugin->id, name, kDemoWorkspaceEnterprises);
                ImGui::CloseCurrentPopup();
            }
            markItem(state, "findings-demo-replace");
            ImGui::SameLine();
            if (ImGui::Button(state.tr({"取消", "Cancel"}))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }
}

// The grading of the problem from the facts the official ticks (grading.hpp); "use it"
// picks the opening that the severity selects.
void drawGrading(AppState& state, const PolicyData& policy, const workflow::Definition& definition, OpenForm& form) {
    auto facts = findingFacts(policy);
    auto areas = excludedAreas(policy);
    if (facts.empty()) return;
    if (!ImGui::CollapsingHeader(state.tr({"问题分级（可选）", "Grade the problem (optional)"}))) return;
    auto tick = [&](std::vector<std::string>& chosen, const std::string& id, const Text& name) {
        bool on = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
        ImGui::PushID(&chosen);  // a fact and an area may share an id
        bool changed = ImGui::Checkbox(state.tr(name), &on);
        ImGui::PopID();
        if (changed) {
            if (on) chosen.push_back(id);
            else chosen.erase(std::remove(chosen.begin(), chosen.end(), id), chosen.end());
        }
    };
    for (const auto& [id, name] : facts) tick(form.facts, id, name);
    if (!areas.empty()) {
        ImGui::TextDisabled("%s", state.tr({"涉及领域", "Areas"}));
        for (const auto& [id, name] : areas) tick(form.areas, id, name);
    }
    FindingFacts given;
    given.facts = form.facts;
    given.areas = form.areas;
    if (!form.words.empty()) given.text = form.words;
    auto assessed = assessFinding(policy, given);
    if (!assessed) {
        ImGui::TextColored(kProblemColour, "%s", assessed.error().message().c_str());
        return;
    }
    ImGui::Text("%s %s", state.tr({"分级：", "Grade:"}), state.tr(assessed->name));
    for (const auto& ground : assessed->grounds) {
        ImGui::BulletText("%s", state.tr(ground.text));
        ImGui::SameLine();
        clauseText(state, ground.clause);
    }
    if (assessed->summary) {
        ImGui::TextWrapped("%s", state.tr(assessed->summary->text));
        ImGui::SameLine();
        clauseText(state, assessed->summary->clause);
    }
    for (const auto* opening : definition.openings())
        for (const auto& [key, values] : opening->when)
            if (key == "severity" && std::find(values.begin(), values.end(), assessed->severity) != values.end()) {
                if (ImGui::Button(state.tr({"按此分级立案：" + opening->name.zh, "Open accordingly: " + opening->name.en}))) {
                    form.step.transition = opening->id;
                    form.step.values["severity"] = assessed->severity;
                }
                return;
            }
}

void drawNewFinding(AppState& state, const PolicyData& policy, const workflow::Definition& definition) {
    FindingsView& view = state.cases.findings;
    OpenForm& form = view.open;
    sectionTitle(state, {"新建问题", "New finding"});
    auto openings = definition.openings();
    if (openings.empty()) return;
    if (!definition.transition(form.step.transition)) form.step.transition = openings.front()->id;
    const workflow::Transition* opening = definition.transition(form.step.transition);
    float labelWidth = ImGui::GetFontSize() * 7;

    formLabel(state.tr({"问题", "Problem"}), labelWidth);
    stringField("##problem", "", form.words, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize(), 3);
    formLabel(state.tr({"企业", "Enterprise"}), labelWidth);
    enterprisePicker(state, "finding-enterprise", form.enterprise);
    formLabel(state.tr({"部门", "Department"}), labelWidth);
    departmentPicker(state, "##finding-department", form.department, true);
    drawGrading(state, policy, definition, form);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"立案方式", "Opened by"}));
    for (const auto* t : openings) {
        ImGui::SameLine(t == openings.front() ? labelWidth : 0);
        if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(state.tr(t->name)).x + 40 > ImGui::GetContentRegionMax().x) {
            ImGui::NewLine();
            ImGui::SameLine(labelWidth);
        }
        if (ImGui::RadioButton(state.tr(t->name), t == opening)) {
            form.step.transition = t->id;
            form.step.refusal.reset();
        }
    }
    clauseText(state, opening->clause);
    std::string words = wordsKey(*opening);
    auto fields = drawTransitionInputs(state, definition, *opening, nullptr, form.step, words);
    auto missing = missingFields(fields, form.step.values);
    missing.erase(std::remove(missing.begin(), missing.end(), words), missing.end());
    bool enterpriseUnknown = !form.enterprise.empty() && !state.workspace.workspace()->enterprise(form.enterprise);
    bool ready = missing.empty() && !form.words.empty() && !enterpriseUnknown;
    ImGui::BeginDisabled(!ready);
    std::string label = std::string(state.tr({"立案（", "Open ("})) + state.today.iso() + state.tr({"）", ")"});
    if (ImGui::Button(label.c_str())) {
        if (auto opened = openNewCase(state, definition, form)) {
            view.selected = opened->id;
            view.open.shown = false;
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"取消", "Cancel"}))) form = OpenForm{};
    if (!ready) {
        std::string list = form.words.empty() ? fieldLabel("problem").in(state.language) : "";
        for (const auto& key : missing) list += (list.empty() ? "" : " ") + fieldLabel(key).in(state.language);
        if (enterpriseUnknown) list += (list.empty() ? "" : " ") + std::string(state.tr({"企业", "enterprise"}));
        ImGui::SameLine();
        ImGui::TextDisabled("%s %s", state.tr({"尚需填写：", "Still needed:"}), list.c_str());
    }
    drawRefusal(form.step);
}

void drawBoard(AppState& state, const Workspace& workspace, const workflow::Definition& definition) {
    FindingsView& view = state.cases.findings;
    auto columns = boardColumns(definition);
    if (view.columnsVersion != state.workspace.version() || view.columnsDay != state.today || view.columns.size() != columns.size()) {
        view.columns = boardRows(workspace, definition, columns, state.today, view.onlyLate);
        view.columnsVersion = state.workspace.version();
        view.columnsDay = state.today;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("board", static_cast<int>(columns.size()), flags)) return;
    for (const auto& column : columns) ImGui::TableSetupColumn(state.tr(column.name));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextWrapped("%s (%zu)", state.tr(columns[c].name), view.columns[c].size());
        ImGui::PopTextWrapPos();
    }
    ImGui::TableNextRow();
    std::size_t longest = 0;
    for (const auto& rows : view.columns) longest = std::max(longest, rows.size());
    float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::clamp<std::size_t>(longest + 1, 3, 9));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(c));
        ImGui::BeginChild("column", ImVec2(0, height));
        const auto& rows = view.columns[c];
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const workflow::Case& item = workspace.cases[static_cast<std::size_t>(rows[static_cast<std::size_t>(row)])];
                workflow::Standing standing = workflow::standingOn(item, state.today);
                const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise);
                std::string label = "#" + std::to_string(item.id) + " " + (item.deadline ? item.deadline->iso().substr(5) + " " : "") +
                                    (enterprise ? enterprise->enterprise.name : item.title) + "##" + std::to_string(item.id);
                ImGui::PushStyleColor(ImGuiCol_Text, standingColour(standing));
                if (ImGui::Selectable(label.c_str(), view.selected == item.id)) {
                    view.selected = item.id;
                    view.open.shown = false;
                }
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::TextUnformatted(item.title.c_str());
                    ImGui::TextUnformatted(state.tr(workflow::label(standing)));
                    ImGui::EndTooltip();
                }
            }
        }
        ImGui::EndChild();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void drawClosureList(AppState& state, const Workspace& workspace, const PolicyData& policy, const workflow::Definition& definition) {
    FindingsView& view = state.cases.findings;
    if (!view.closure || view.closure->day != state.today || view.closureVersion != state.workspace.version()) {
        view.closure = report::closureList(workspace, definition, state.today);
        view.closureVersion = state.workspace.version();
    }
    const report::ClosureList& list = *view.closure;
    sectionTitle(state, {"销号清单（截至 " + state.today.iso() + "）", "Closure list (as of " + state.today.iso() + ")"});
    ImGui::Text("%s %d · %s %d · ", state.tr({"已销号", "closed"}), list.closed, state.tr({"未销号", "open"}), list.open);
    ImGui::SameLine(0, 0);
    ImGui::TextColored(list.overdue ? kProblemColour : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s %d", state.tr({"逾期", "overdue"}), list.overdue);
    ImGui::SameLine();
    clauseText(state, list.clause);
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"打印销号清单", "Print the closure list"})))
        printPage(state, "closure-list-" + state.today.iso() + ".html", documents::closureListHtml(list, policy.name.zh));
    if (list.lines.empty()) return;
    float rowHeight = ImGui::GetTextLineHeightWithSpacing() + 2;
    float height = rowHeight * static_cast<float>(std::min<std::size_t>(list.lines.size() * 2, 10) + 1) + 8;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("closure", 6, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(state.tr({"编号", "No."}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(state.tr({"企业", "Enterprise"}), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(state.tr({"状态", "State"}), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(state.tr({"期限 / 销号日", "Deadline / closed"}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(state.tr({"时限", "Standing"}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(state.tr({"依据", "Clause"}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    tableRows(list.lines.size(), [&](std::size_t row, bool wrap) {
        const report::ClosureLine& line = list.lines[row];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(line.caseId));
        ImGui::TableNextColumn();
        cellText(line.enterpriseName.empty() ? line.title : line.enterpriseName, wrap);
        ImGui::TableNextColumn();
        cellText(line.stateName.in(state.language), wrap);
        ImGui::TableNextColumn();
        if (line.closedOn) ImGui::TextUnformatted(line.closedOn->iso().c_str());
        else if (line.deadline) ImGui::TextUnformatted(line.deadline->iso().c_str());
        ImGui::TableNextColumn();
        standingText(state, line.standing);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(line.clause.clause.c_str());
    });
    ImGui::EndTable();
}

}  // namespace

void drawFindingsScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& workspace = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;
    const workflow::Definition* definition = policy.findWorkflow("finding");
    if (!definition) {
        drawNoFindings(state, policy);
        return;
    }
    FindingsView& view = state.cases.findings;
    ImGui::TextUnformatted(state.tr(definition->name));
    ImGui::SameLine();
    clauseText(state, definition->clause);
    if (ImGui::Button(state.tr({"新建问题…", "New finding…"}))) {
        view.open = OpenForm{};
        view.open.shown = true;
        view.selected = 0;
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(state.tr({"只看逾期", "Only overdue"}), &view.onlyLate)) view.columnsVersion = ~uint64_t{0};
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s", state.tr({"截至", "as of"}), state.today.iso().c_str());
    drawBoard(state, workspace, *definition);

    if (view.open.shown) {
        drawNewFinding(state, policy, *definition);
    } else if (const workflow::Case* selected = caseById(workspace, view.selected); selected && selected->workflow == definition->id) {
        sectionTitle(state, {"问题 " + std::to_string(selected->id), "Finding " + std::to_string(selected->id)});
        if (ImGui::Button(state.tr({"打印整改承诺书", "Print the commitment letter"})))
            printPage(state, "commitment-" + std::to_string(selected->id) + ".html",
                      documents::commitmentHtml(workspace, *definition, *selected, policy.name.zh));
        drawCaseDetails(state, *definition, *selected);
        ImGui::Spacing();
        drawCaseSteps(state, *definition, *selected, view.step);
    } else {
        ImGui::TextDisabled("%s", state.tr({"点一个问题查看整改经过和下一步，或点“新建问题…”", "Pick a finding to see its steps and take the next, or “New finding…”"}));
    }
    drawClosureList(state, workspace, policy, *definition);
}

}  // namespace inspectonce::ui
