#include "case_step_form.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

std::string joinedLabels(const AppState& state, const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& key : keys) out += (out.empty() ? "" : state.language == Language::English ? ", " : "、") + fieldLabel(key).in(state.language);
    return out;
}

void choiceField(AppState& state, const Field& field, std::string& value) {
    std::string preview = value.empty() ? state.tr({"（请选择）", "(choose)"}) : valueLabel(value).in(state.language);
    std::vector<std::string> names;
    for (const auto& choice : field.choices) names.push_back(valueLabel(choice).in(state.language));
    ImGui::SetNextItemWidth(comboWidth(names, ImGui::GetFontSize() * 10));
    if (ImGui::BeginCombo("##choice", preview.c_str())) {
        for (const auto& choice : field.choices)
            if (ImGui::Selectable(valueLabel(choice).in(state.language).c_str(), choice == value)) value = choice;
        ImGui::EndCombo();
    }
}

void dateInput(AppState& state, std::string& value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    auto date = dateField("##date", buffer, sizeof buffer);
    value = buffer;
    if (!value.empty() && !date) {
        ImGui::SameLine();
        ImGui::TextColored(kProblemColour, "%s", state.tr({"日期格式 YYYY-MM-DD", "a date, YYYY-MM-DD"}));
    }
}

}  // namespace

void tableRows(std::size_t count, const std::function<void(std::size_t, bool)>& row) {
    constexpr std::size_t kWrappedRows = 400;  // beyond it a frame would lay out too much text
    if (count <= kWrappedRows) {
        for (std::size_t i = 0; i < count; ++i) row(i, true);
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) row(static_cast<std::size_t>(i), false);
}

void cellText(const std::string& text, bool wrap) {
    if (wrap) {
        ImGui::TextWrapped("%s", text.c_str());
        return;
    }
    ImGui::TextUnformatted(text.c_str());
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(text.c_str()).x > ImGui::GetColumnWidth()) ImGui::SetTooltip("%s", text.c_str());
}

void formLabel(const char* label, float fieldX) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(fieldX);
}

float comboWidth(const std::vector<std::string>& texts, float least) {
    float width = least;
    for (const auto& text : texts) width = std::max(width, ImGui::CalcTextSize(text.c_str()).x);
    width += ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
    return std::min(width, std::max(least, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10));
}

ImVec4 standingColour(workflow::Standing standing) {
    if (isLate(standing)) return kProblemColour;
    if (isDueSoon(standing)) return kWarningColour;
    if (standing == workflow::Standing::Closed) return kGoodColour;
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

void standingText(const AppState& state, workflow::Standing standing) {
    ImGui::TextColored(standingColour(standing), "%s", state.tr(workflow::label(standing)));
}

bool stringField(const char* id, const char* hint, std::string& value, float width, int lines) {
    std::vector<char> buffer(std::max<std::size_t>(1024, value.size() + 256), '\0');
    std::copy(value.begin(), value.end(), buffer.begin());
    bool changed = false;
    if (lines > 1) {
        changed = ImGui::InputTextMultiline(id, buffer.data(), buffer.size(),
                                            ImVec2(width, ImGui::GetTextLineHeight() * static_cast<float>(lines) + 8));
    } else {
        ImGui::SetNextItemWidth(width);
        changed = ImGui::InputTextWithHint(id, hint, buffer.data(), buffer.size());
    }
    if (changed) value = buffer.data();
    return changed;
}

bool departmentPicker(AppState& state, const char* id, std::string& department, bool optional) {
    const Workspace* workspace = state.workspace.workspace();
    if (!workspace) return false;
    const WorkspaceDepartment* chosen = workspace->department(department);
    std::string preview = chosen                ? chosen->name.in(state.language)
                          : !department.empty() ? department
                          : optional            ? state.tr({"（无）", "(none)"})
                                                : state.tr({"（请选择）", "(choose)"});
    bool changed = false;
    std::vector<std::string> names;
    for (const auto& d : workspace->departments) names.push_back(d.name.in(state.language));
    ImGui::SetNextItemWidth(comboWidth(names, ImGui::GetFontSize() * 10));
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (optional && ImGui::Selectable(state.tr({"（无）", "(none)"}), department.empty())) {
            department.clear();
            changed = true;
        }
        for (const auto& d : workspace->departments) {
            ImGui::PushID(d.id.c_str());
            if (ImGui::Selectable(d.name.in(state.language).c_str(), d.id == department)) {
                department = d.id;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

void enterprisePicker(AppState& state, const char* id, std::string& enterprise) {
    const Workspace* workspace = state.workspace.workspace();
    if (!workspace) return;
    ImGui::PushID(id);
    stringField("##enterprise", state.tr({"统一社会信用代码或企业名称（可不填）", "credit code or part of the name (optional)"}), enterprise,
                ImGui::GetFontSize() * 18);
    if (const WorkspaceEnterprise* known = workspace->enterprise(enterprise)) {
        ImGui::SameLine();
        ImGui::TextColored(kGoodColour, "%s", known->enterprise.name.c_str());
    } else if (!enterprise.empty()) {
        int shown = 0;
        for (const auto& candidate : workspace->enterprises) {
            const std::string& code = candidate.enterprise.code.str();
            if (candidate.enterprise.name.find(enterprise) == std::string::npos && code.find(enterprise) != 0) continue;
            std::string label = candidate.enterprise.name + "  " + code;
            if (ImGui::SmallButton(label.c_str())) enterprise = code;
            if (++shown == 6) break;
        }
        if (shown == 0) ImGui::TextColored(kProblemColour, "%s", state.tr({"工作区中没有这家企业", "No such enterprise in the workspace"}));
    }
    ImGui::PopID();
}

void drawCaseDetails(AppState& state, const workflow::Definition& definition, const workflow::Case& item) {
    const Workspace& workspace = *state.workspace.workspace();
    ImGui::Text("%s %lld · %s", state.tr(definition.name), static_cast<long long>(item.id), state.tr(stateLabel(definition, item.state)));
    ImGui::SameLine();
    clauseText(state, definition.clause);
    if (!item.title.empty()) ImGui::TextWrapped("%s", item.title.c_str());
    if (!item.enterprise.empty()) {
        const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise);
        ImGui::Text("%s %s %s", state.tr({"企业", "Enterprise"}), enterprise ? enterprise->enterprise.name.c_str() : "", item.enterprise.c_str());
    }
    if (const std::string* category = workflow::find(item.attributes, "category"))
        ImGui::Text("%s %s", state.tr({"类别", "Category"}), category->c_str());
    workflow::Standing standing = workflow::standingOn(item, state.today);
    if (item.deadline) {
        ImGui::Text("%s %s", state.tr({"期限", "Deadline"}), item.deadline->iso().c_str());
        ImGui::SameLine();
    }
    standingText(state, standing);
    ImGui::SameLine();
    ImGui::TextDisabled("(%s %s)", state.tr({"截至", "as of"}), state.today.iso().c_str());
    if (const workflow::State* current = definition.state(item.state); current && current->deadline) {
        ImGui::SameLine();
        clauseText(state, current->deadline->clause);
    }
    if (!item.closed)
        ImGui::Text("%s %s", state.tr({"办理：", "Held by"}),
                    state.tr(holderLabel(workspace, definition, workflow::holderOf(definition, item))));

    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("steps", 5, flags)) {
        ImGui::TableSetupColumn(state.tr({"日期", "Date"}), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(state.tr({"步骤", "Step"}), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(state.tr({"办理人", "By"}), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(state.tr({"内容", "Data"}), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(state.tr({"依据", "Clause"}), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const auto& step : item.steps) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(step.date.iso().c_str());
            ImGui::TableNextColumn();
            const workflow::Transition* transition = definition.transition(step.transition);
            ImGui::TextWrapped("%s → %s", transition ? state.tr(transition->name) : step.transition.c_str(),
                               state.tr(stateLabel(definition, step.to)));
            ImGui::TableNextColumn();
            std::string actor = roleLabel(definition, step.actor.role).in(state.language);
            if (!step.actor.name.empty()) actor += " " + step.actor.name;
            ImGui::TextWrapped("%s", actor.c_str());
            ImGui::TableNextColumn();
            std::string data;
            for (const auto& [key, value] : step.data) {
                const WorkspaceDepartment* department = key == "department" ? workspace.department(value) : nullptr;
                std::string shown = department ? department->name.in(state.language) : valueLabel(value).in(state.language);
                data += (data.empty() ? "" : "; ") + fieldLabel(key).in(state.language) + ": " + shown;
            }
            ImGui::TextWrapped("%s", data.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(step.clause.clause.c_str());
        }
        ImGui::EndTable();
    }
}

std::vector<Field> drawTransitionInputs(AppState& state, const workflow::Definition& definition,
                                        const workflow::Transition& transition, const workflow::Case* current,
                                        StepForm& form, const std::string& skip) {
    if (form.role.empty() || std::find(transition.roles.begin(), transition.roles.end(), form.role) == transition.roles.end())
        form.role = transition.roles.empty() ? "" : transition.roles.front();
    float labelWidth = ImGui::GetFontSize() * 7;
    formLabel(state.tr({"办理人", "Acting as"}), labelWidth);
    std::vector<std::string> roleNames;
    for (const auto& role : transition.roles) roleNames.push_back(roleLabel(definition, role).in(state.language));
    ImGui::SetNextItemWidth(comboWidth(roleNames, ImGui::GetFontSize() * 10));
    if (ImGui::BeginCombo("##role", state.tr(roleLabel(definition, form.role)))) {
        for (const auto& role : transition.roles)
            if (ImGui::Selectable(state.tr(roleLabel(definition, role)), role == form.role)) form.role = role;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint("##actor", state.tr({"姓名（可不填）", "name (optional)"}), form.actorName.data(), form.actorName.size());

    std::vector<Field> fields = transitionFields(definition, transition, current);
    for (const auto& field : fields) {
        if (field.key == skip) continue;
        ImGui::PushID(field.key.c_str());
        formLabel(state.tr(fieldLabel(field.key)), labelWidth);
        std::string& value = form.values[field.key];
        if (value.empty() && field.kind == FieldKind::Choice && field.choices.size() == 1) value = field.choices.front();
        switch (field.kind) {
            case FieldKind::Department: departmentPicker(state, "##department", value, false); break;
            case FieldKind::Date: dateInput(state, value); break;
            case FieldKind::Choice: choiceField(state, field, value); break;
            case FieldKind::Text: stringField("##text", "", value, ImGui::GetFontSize() * 20); break;
        }
        ImGui::PopID();
    }
    return fields;
}

void drawRefusal(const StepForm& form) {
    if (!form.refusal) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    ImGui::TextWrapped("%s", form.refusal->c_str());
    ImGui::PopStyleColor();
}

std::optional<workflow::Case> takeStep(AppState& state, const workflow::Definition& definition, const workflow::Case& item,
                                       StepForm& form) {
    const workflow::Transition* transition = definition.transition(form.transition);
    if (!transition) return std::nullopt;
    workflow::Attributes data = fieldData(transitionFields(definition, *transition, &item), form.values);
    workflow::Actor actor{form.role, form.actorName.data()};
    auto applied = state.workspace.applyToCase(definition, item.id, transition->id, actor, state.today, data);
    if (!applied) {
        form.refusal = applied.error().message();
        state.sayError(applied.error());
        return std::nullopt;
    }
    const workflow::Case& after = applied->after;
    std::string to = stateLabel(definition, after.state).zh, toEn = stateLabel(definition, after.state).en;
    std::string number = std::to_string(after.id);
    state.say({"案件 " + number + " " + transition->name.zh + " → " + to + "（" + applied->clause.clause + "）",
               "Case " + number + " " + transition->name.en + " → " + toEn + " (" + applied->clause.clause + ")"});
    form.reset();
    return after;
}

std::optional<workflow::Case> drawCaseSteps(AppState& state, const workflow::Definition& definition,
                                            const workflow::Case& item, StepForm& form) {
    if (form.caseId != item.id) {
        form.reset();
        form.caseId = item.id;
    }
    auto steps = availableSteps(definition, item);
    if (steps.empty()) {
        ImGui::TextDisabled("%s", state.tr({"已办结，无后续步骤", "Closed: no further steps"}));
        return std::nullopt;
    }
    ImGui::TextUnformatted(state.tr({"下一步：", "Next step:"}));
    for (const auto* transition : steps) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(state.tr(transition->name)).x + 24 > ImGui::GetContentRegionMax().x)
            ImGui::NewLine();
        bool chosen = form.transition == transition->id;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(state.tr(transition->name))) {
            int64_t id = form.caseId;
            form.reset();
            form.caseId = id;
            form.transition = transition->id;
        }
        if (chosen) ImGui::PopStyleColor();
    }
    const workflow::Transition* transition = definition.transition(form.transition);
    if (!transition || std::find(steps.begin(), steps.end(), transition) == steps.end()) return std::nullopt;
    ImGui::PushID("step-form");
    ImGui::Spacing();
    ImGui::Text("%s", state.tr(transition->name));
    ImGui::SameLine();
    clauseText(state, transition->clause);
    if (transition->onlyWhenOverdue) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", state.tr({"（仅逾期时）", "(only when overdue)"}));
    }
    auto fields = drawTransitionInputs(state, definition, *transition, &item, form);
    auto missing = missingFields(fields, form.values);
    std::optional<workflow::Case> after;
    ImGui::BeginDisabled(!missing.empty());
    std::string label = std::string(state.tr({"办理（", "Take it ("})) + state.today.iso() + state.tr({"）", ")"});
    if (ImGui::Button(label.c_str())) after = takeStep(state, definition, item, form);
    ImGui::EndDisabled();
    if (!missing.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s %s", state.tr({"尚需填写：", "Still needed:"}), joinedLabels(state, missing).c_str());
    }
    drawRefusal(form);
    ImGui::PopID();
    return after;
}

std::optional<workflow::Case> openNewCase(AppState& state, const workflow::Definition& definition, OpenForm& form) {
    const workflow::Transition* transition = definition.transition(form.step.transition);
    if (!transition) return std::nullopt;
    std::string words = wordsKey(*transition);
    if (!words.empty()) form.step.values[words] = form.words;
    workflow::Attributes data = fieldData(transitionFields(definition, *transition, nullptr), form.step.values);
    workflow::Case subject;
    subject.enterprise = form.enterprise;
    subject.department = form.department;
    subject.title = form.words;
    if (!form.category.empty()) workflow::set(subject.attributes, "category", form.category);
    workflow::Actor actor{form.step.role, form.step.actorName.data()};
    auto applied = state.workspace.openCase(definition, subject, transition->id, actor, state.today, data);
    if (!applied) {
        form.step.refusal = applied.error().message();
        state.sayError(applied.error());
        return std::nullopt;
    }
    const workflow::Case& opened = applied->after;
    std::string number = std::to_string(opened.id);
    std::string due = opened.deadline ? opened.deadline->iso() : "";
    state.say({definition.name.zh + " " + number + " 已立案" + (due.empty() ? "" : "，期限 " + due) + "（" + applied->clause.clause + "）",
               definition.name.en + " " + number + " opened" + (due.empty() ? "" : ", due " + due) + " (" + applied->clause.clause + ")"});
    form = OpenForm{};
    return opened;
}

}  // namespace inspectonce::ui
