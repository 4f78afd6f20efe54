// Demands and complaints inbox: the county's case workflows other than findings (demand,
// complaint, guidance, leader visit, inspection — whichever it defines). A list with each
// case's deadline and standing on the working day; a new case from the enterprise's own
// words with the classifier's suggested category; one case's steps and the steps it can
// take next, each refused by the engine with its clause when the rules do not allow it.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "case_step_form.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const workflow::Definition* chosenWorkflow(AppState& state, const PolicyData& policy) {
    auto offered = inboxWorkflows(policy);
    if (offered.empty()) return nullptr;
    InboxView& view = state.cases.inbox;
    for (const auto* definition : offered)
        if (definition->id == view.workflow) return definition;
    // Demands first when the county has them, then complaints (the inbox is for both: Yunhe's
    // closed loop of complaints and demands, 004 二(九)), else the first it defines.
    const workflow::Definition* fallback = policy.findWorkflow("demand");
    if (!fallback) fallback = policy.findWorkflow("complaint");
    if (!fallback) fallback = offered.front();
    if (!view.workflow.empty()) {  // another county's workflow: what was chosen belongs to it
        view.selected = 0;
        view.open = OpenForm{};
        view.step.reset();
    }
    view.workflow = fallback->id;
    return fallback;
}

std::optional<classify::Kind> classifierKind(const workflow::Definition& definition) {
    if (definition.id == "demand") return classify::Kind::Demand;
    if (definition.id == "complaint") return classify::Kind::Complaint;
    return std::nullopt;
}

// The classifier's suggestion for the words typed, recomputed when they change.
void suggestCategory(AppState& state, const PolicyData& policy, classify::Kind kind) {
    InboxView& view = state.cases.inbox;
    OpenForm& form = view.open;
    std::string key = policy.county + "/" + std::string(classify::toString(kind));
    if (view.classifierFor != key) {
        view.classifier.reset();
        view.classifierFor = key;
        auto made = classify::Classifier::forCounty(kind, policy);
        if (made) view.classifier = std::move(*made);
        else form.classifyError = made.error().message();
    }
    if (form.words == form.classifiedWords) return;
    form.classifiedWords = form.words;
    form.confidencePermille = -1;
    if (!view.classifier || form.words.empty()) return;
    auto answer = view.classifier->classify(form.words);
    if (!answer) {
        form.classifyError = answer.error().message();
        return;
    }
    form.classifyError.clear();
    bool followed = form.category.empty() || form.category == form.suggestion;
    form.suggestion = answer->category.id;
    form.confidencePermille = answer->confidencePermille;
    form.needsPerson = answer->needsPerson;
    if (followed) form.category = form.suggestion;  // until the official picks another
}

void drawCategory(AppState& state, const PolicyData& policy, classify::Kind kind) {
    suggestCategory(state, policy, kind);
    InboxView& view = state.cases.inbox;
    OpenForm& form = view.open;
    float labelWidth = ImGui::GetFontSize() * 7;
    formLabel(state.tr({"类别", "Category"}), labelWidth);
    if (!view.classifier) {
        ImGui::TextColored(kProblemColour, "%s", form.classifyError.c_str());
        return;
    }
    const CategoryList& categories = view.classifier->categories();
    auto nameOf = [&](const std::string& id) {
        for (const auto& category : categories.items)
            if (category.id == id) return category.name.in(state.language);
        return id;
    };
    std::vector<std::string> names;
    for (const auto& category : categories.items) names.push_back(category.name.in(state.language));
    ImGui::SetNextItemWidth(comboWidth(names, ImGui::GetFontSize() * 10));
    std::string preview = form.category.empty() ? state.tr({"（未定）", "(none)"}) : nameOf(form.category);
    if (ImGui::BeginCombo("##category", preview.c_str())) {
        for (const auto& category : categories.items)
            if (ImGui::Selectable(nameOf(category.id).c_str(), category.id == form.category)) form.category = category.id;
            else if (ImGui::IsItemHovered() && !category.examples.in(state.language).empty())
                ImGui::SetTooltip("%s", category.examples.in(state.language).c_str());
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    clauseText(state, categories.clause);
    if (!view.classifier->categoriesFromCounty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", state.tr({"（本县未列类别，用文件原分类）", "(the county lists none: the document's own)"}));
    }
    if (form.confidencePermille < 0) {
        ImGui::Dummy(ImVec2(labelWidth - ImGui::GetStyle().ItemSpacing.x, 0));
        ImGui::SameLine(labelWidth);
        ImGui::TextDisabled("%s", state.tr({"输入诉求内容后给出建议类别", "Type the words to get a suggested category"}));
        return;
    }
    ImGui::Dummy(ImVec2(labelWidth - ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::SameLine(labelWidth);
    std::string confidence = percent(form.confidencePermille / 1000.0);
    ImVec4 colour = form.needsPerson ? kWarningColour : kGoodColour;
    ImGui::TextColored(colour, "%s %s · %s %s%s", state.tr({"建议：", "Suggested:"}), nameOf(form.suggestion).c_str(),
                       state.tr({"置信度", "confidence"}), confidence.c_str(),
                       form.needsPerson ? state.tr({"（低于阈值，请人工确认）", " (below the threshold: a person decides)"}) : "");
    if (form.category != form.suggestion) {
        ImGui::SameLine();
        if (ImGui::SmallButton(state.tr({"采用建议", "Accept"}))) form.category = form.suggestion;
    }
}

void drawNewCase(AppState& state, const PolicyData& policy, const workflow::Definition& definition) {
    InboxView& view = state.cases.inbox;
    OpenForm& form = view.open;
    sectionTitle(state, {"新建：" + definition.name.zh, "New: " + definition.name.en});
    auto openings = definition.openings();
    if (openings.empty()) {
        ImGui::TextDisabled("%s", state.tr({"该流程没有立案步骤", "The workflow has no opening step"}));
        return;
    }
    if (!definition.transition(form.step.transition)) form.step.transition = openings.front()->id;
    const workflow::Transition* opening = definition.transition(form.step.transition);
    float labelWidth = ImGui::GetFontSize() * 7;

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
    ImGui::SameLine();
    clauseText(state, opening->clause);

    std::string words = wordsKey(*opening);
    bool wordsNeeded = !words.empty() || classifierKind(definition).has_value();
    formLabel(state.tr({"企业原话", "In their words"}), labelWidth);
    stringField("##words", "", form.words, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize(), 3);
    markItem(state, "case-words");
    if (auto kind = classifierKind(definition)) drawCategory(state, policy, *kind);

    formLabel(state.tr({"企业", "Enterprise"}), labelWidth);
    enterprisePicker(state, "enterprise", form.enterprise);
    formLabel(state.tr({"部门", "Department"}), labelWidth);
    departmentPicker(state, "##open-department", form.department, true);

    auto fields = drawTransitionInputs(state, definition, *opening, nullptr, form.step, words);
    auto missing = missingFields(fields, form.step.values);
    missing.erase(std::remove(missing.begin(), missing.end(), words), missing.end());
    bool enterpriseUnknown = !form.enterprise.empty() && !state.workspace.workspace()->enterprise(form.enterprise);
    bool ready = missing.empty() && !(wordsNeeded && form.words.empty()) && !enterpriseUnknown;
    ImGui::BeginDisabled(!ready);
    std::string label = std::string(state.tr({"立案（", "Open ("})) + state.today.iso() + state.tr({"）", ")"});
    if (ImGui::Button(label.c_str())) {
        if (auto opened = openNewCase(state, definition, form)) {
            view.selected = opened->id;
            view.open.shown = false;
        }
    }
    markItem(state, "case-open");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"取消", "Cancel"}))) form = OpenForm{};
    if (!ready) {
        std::vector<std::string> needed = missing;
        if (wordsNeeded && form.words.empty()) needed.insert(needed.begin(), words.empty() ? "subject" : words);
        std::string list;
        for (const auto& key : needed) list += (list.empty() ? "" : " ") + fieldLabel(key).in(state.language);
        if (enterpriseUnknown) list += (list.empty() ? "" : " ") + std::string(state.tr({"企业", "enterprise"}));
        ImGui::SameLine();
        ImGui::TextDisabled("%s %s", state.tr({"尚需填写：", "Still needed:"}), list.c_str());
    }
    drawRefusal(form.step);
}

void drawFilters(AppState& state) {
    InboxView& view = state.cases.inbox;
    const std::pair<CaseShow, Text> shows[] = {{CaseShow::Open, {"未办结", "Open"}},
                                               {CaseShow::Overdue, {"已逾期", "Overdue"}},
                                               {CaseShow::Closed, {"已办结", "Closed"}},
                                               {CaseShow::All, {"全部", "All"}}};
    for (const auto& [show, name] : shows) {
        if (ImGui::RadioButton(state.tr(name), view.show == show)) view.show = show;
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", state.tr({"搜索：编号、内容、企业、部门", "Search: number, words, enterprise, department"}),
                             view.search.data(), view.search.size());
}

void drawCaseList(AppState& state, const Workspace& workspace, const workflow::Definition& definition) {
    InboxView& view = state.cases.inbox;
    CaseKey key{definition.id, view.show, view.search.data(), state.today};
    if (view.rowsVersion != state.workspace.version() || !(view.rowsKey == key)) {
        view.rows = inboxRows(workspace, definition.id, view.show, key.search, state.today);
        view.rowsVersion = state.workspace.version();
        view.rowsKey = key;
    }
    ImGui::Text("%s %s", grouped(static_cast<int64_t>(view.rows.size())).c_str(), state.tr({"件", "cases"}));
    if (view.rows.empty()) {
        ImGui::TextDisabled("%s", state.tr({"没有符合条件的案件", "No cases match"}));
        return;
    }
    float rowHeight = ImGui::GetTextLineHeightWithSpacing() + 2;
    float height = rowHeight * static_cast<float>(std::min<std::size_t>(view.rows.size() * 2, 12) + 1) + 8;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("cases", 6, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(state.tr({"编号", "No."}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(state.tr({"状态", "State"}), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(state.tr({"办理", "Held by"}), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(state.tr({"期限", "Deadline"}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(state.tr({"时限", "Standing"}), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(state.tr({"内容", "Words"}), ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableHeadersRow();
    tableRows(view.rows.size(), [&](std::size_t row, bool wrap) {
        const workflow::Case& item = workspace.cases[static_cast<std::size_t>(view.rows[row])];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        std::string number = std::to_string(item.id);
        if (ImGui::Selectable(number.c_str(), view.selected == item.id, ImGuiSelectableFlags_SpanAllColumns)) {
            view.selected = item.id;
            view.open.shown = false;
        }
        ImGui::TableNextColumn();
        cellText(stateLabel(definition, item.state).in(state.language), wrap);
        ImGui::TableNextColumn();
        if (!item.closed) cellText(holderLabel(workspace, definition, workflow::holderOf(definition, item)).in(state.language), wrap);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(item.deadline ? item.deadline->iso().c_str() : "");
        ImGui::TableNextColumn();
        standingText(state, workflow::standingOn(item, state.today));
        ImGui::TableNextColumn();
        cellText(item.title, wrap);
    });
    ImGui::EndTable();
}

}  // namespace

void drawDemandsScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& workspace = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;
    InboxView& view = state.cases.inbox;
    const workflow::Definition* definition = chosenWorkflow(state, policy);
    if (!definition) {
        ImGui::TextWrapped("%s", state.tr({policy.name.zh + "未定义诉求、投诉等办理流程。", policy.name.en + " defines no demand or complaint workflow."}));
        return;
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"流程", "Workflow"}));
    ImGui::SameLine();
    std::vector<std::string> names;
    for (const auto* offered : inboxWorkflows(policy)) names.push_back(offered->name.in(state.language));
    ImGui::SetNextItemWidth(comboWidth(names, ImGui::GetFontSize() * 12));
    if (ImGui::BeginCombo("##workflow", state.tr(definition->name))) {
        for (const auto* offered : inboxWorkflows(policy))
            if (ImGui::Selectable(state.tr(offered->name), offered == definition) && offered != definition) {
                view.workflow = offered->id;
                view.selected = 0;
                view.open = OpenForm{};
                view.step.reset();
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    clauseText(state, definition->clause);
    definition = chosenWorkflow(state, policy);

    if (ImGui::Button(state.tr({"新建…", "New…"}))) {
        view.open = OpenForm{};
        view.open.shown = true;
        view.selected = 0;
    }
    markItem(state, "case-new");
    if (definition->id == "demand") {
        ImGui::SameLine();
        fileChooser(state, "import-demands", {"导入诉求 CSV…", "Import demands CSV…"}, "csv:demands", ".csv");
    }
    drawFilters(state);
    drawCaseList(state, workspace, *definition);

    if (view.open.shown) {
        drawNewCase(state, policy, *definition);
        return;
    }
    const workflow::Case* selected = caseById(workspace, view.selected);
    if (!selected || selected->workflow != definition->id) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", state.tr({"选择一件查看办理经过和下一步，或点“新建…”登记", "Pick a case to see its steps and take the next, or “New…” to log one"}));
        return;
    }
    sectionTitle(state, {"案件 " + std::to_string(selected->id), "Case " + std::to_string(selected->id)});
    drawCaseDetails(state, *definition, *selected);
    ImGui::Spacing();
    drawCaseSteps(state, *definition, *selected, view.step);
}

}  // namespace inspectonce::ui
