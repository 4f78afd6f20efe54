// Try a decision: the official describes an intended visit and sees the county's answer,
// every reason with its clause and every obligation with its due date (issue 3, ALL-5).
#include <imgui.h>

#include "inspectonce/decision.hpp"
#include "inspectonce/exceptions.hpp"
#include "inspectonce/hooks.hpp"
#include "screens.hpp"

namespace inspectonce::ui {
namespace {

const ImVec4 kAllowed(0.10f, 0.55f, 0.25f, 1);
const ImVec4 kObliged(0.80f, 0.50f, 0.05f, 1);
const ImVec4 kRefused(0.80f, 0.15f, 0.10f, 1);
const ImVec4 kClause(0.15f, 0.35f, 0.75f, 1);

Result<std::optional<Date>> optionalDate(const char* text, const char* field) {
    if (!*text) return std::optional<Date>{};
    auto date = Date::parse(text);
    if (!date) return makeError(field, date.error().message());
    return std::optional<Date>{*date};
}

Result<DecisionRequest> requestFrom(const DecisionForm& form) {
    DecisionRequest request;
    auto date = Date::parse(form.date);
    if (!date) return makeError("date", date.error().message());
    request.date = *date;
    request.department = form.department;
    request.level = static_cast<DepartmentLevel>(form.level);
    request.grade = static_cast<CreditGrade>(form.grade);
    request.kind = static_cast<InspectionKind>(form.kind);
    request.item = form.item;
    request.method = form.onSite ? Method::OnSite : Method::NonSite;
    request.joint = form.joint;
    if (form.exception > 0)
        request.exception = std::string(exceptionVocabulary()[static_cast<std::size_t>(form.exception - 1)].id);
    if (form.whiteList) request.lists.emplace_back(lists::kWhiteList);
    if (form.exempt) request.lists.emplace_back(lists::kExempt);
    if (form.keySupervision) request.lists.emplace_back(lists::kKeySupervision);
    if (form.seriousDishonesty) request.lists.emplace_back(lists::kSeriousDishonesty);
    IO_TRY(notice, optionalDate(form.noticeDate, "notice date"));
    IO_TRY(filing, optionalDate(form.filingDate, "filing date"));
    request.noticeDate = notice;
    request.filingDate = filing;
    return request;
}

void combo(const char* label, int& value, const Text* names, int count, const AppState& state) {
    if (ImGui::BeginCombo(label, state.tr(names[value]))) {
        for (int i = 0; i < count; ++i)
            if (ImGui::Selectable(state.tr(names[i]), i == value)) value = i;
        ImGui::EndCombo();
    }
}

void drawForm(AppState& state, DecisionForm& form) {
    ImGui::PushItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputText(state.tr({"日期", "Date"}), form.date, sizeof form.date);
    ImGui::InputText(state.tr({"部门", "Department"}), form.department, sizeof form.department);
    const Text levels[] = {label(DepartmentLevel::Province), label(DepartmentLevel::City), label(DepartmentLevel::County),
                           label(DepartmentLevel::Town)};
    combo(state.tr({"层级", "Level"}), form.level, levels, 4, state);
    const Text grades[] = {{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"}};
    combo(state.tr({"企业等级", "Enterprise grade"}), form.grade, grades, 4, state);
    const Text kinds[] = {label(InspectionKind::Inspection), label(InspectionKind::Survey),
                          label(InspectionKind::Guidance), label(InspectionKind::LeaderVisit)};
    combo(state.tr({"活动", "Activity"}), form.kind, kinds, 4, state);
    ImGui::InputText(state.tr({"检查事项", "Item kind"}), form.item, sizeof form.item);
    ImGui::PopItemWidth();
    if (ImGui::RadioButton(state.tr(label(Method::OnSite)), form.onSite)) form.onSite = true;
    ImGui::SameLine();
    if (ImGui::RadioButton(state.tr(label(Method::NonSite)), !form.onSite)) form.onSite = false;
    ImGui::SameLine();
    ImGui::Checkbox(state.tr({"联合检查", "Joint"}), &form.joint);

    const auto& vocabulary = exceptionVocabulary();
    std::string current = form.exception == 0 ? state.tr({"无", "none"})
                                               : vocabulary[static_cast<std::size_t>(form.exception - 1)].name.in(state.language);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(state.tr({"例外情形", "Exception"}), current.c_str())) {
        if (ImGui::Selectable(state.tr({"无", "none"}), form.exception == 0)) form.exception = 0;
        for (std::size_t i = 0; i < vocabulary.size(); ++i)
            if (ImGui::Selectable(vocabulary[i].name.in(state.language).c_str(), form.exception == static_cast<int>(i) + 1))
                form.exception = static_cast<int>(i) + 1;
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted(state.tr({"企业所在名单：", "Enterprise lists:"}));
    ImGui::Checkbox(state.tr({"白名单", "white list"}), &form.whiteList);
    ImGui::SameLine();
    ImGui::Checkbox(state.tr({"免检", "exempt"}), &form.exempt);
    ImGui::SameLine();
    ImGui::Checkbox(state.tr({"重点监管", "key supervision"}), &form.keySupervision);
    ImGui::SameLine();
    ImGui::Checkbox(state.tr({"严重失信", "serious dishonesty"}), &form.seriousDishonesty);
    ImGui::PushItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputText(state.tr({"预告日期（可空）", "Notice date (optional)"}), form.noticeDate, sizeof form.noticeDate);
    ImGui::InputText(state.tr({"备案日期（可空）", "Filing date (optional)"}), form.filingDate, sizeof form.filingDate);
    ImGui::PopItemWidth();
}

void drawAnswer(const AppState& state, const Decision& decision) {
    ImVec4 colour = decision.outcome == Outcome::Refused                  ? kRefused
                    : decision.outcome == Outcome::AllowedWithObligations ? kObliged
                                                                          : kAllowed;
    ImGui::TextColored(colour, "%s", state.tr(label(decision.outcome)));
    ImGui::PushTextWrapPos(0);
    for (const auto& reason : decision.reasons) {
        const char* mark = reason.effect == Effect::Refuses ? "×" : reason.effect == Effect::Obliges ? "!" : "·";
        ImGui::TextColored(kClause, "%s [%s]", mark, reason.clause.text().c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(state.tr(reason.text));
    }
    if (!decision.obligations.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(state.tr({"须履行：", "Obligations:"}));
        for (const auto& obligation : decision.obligations) {
            ImGui::BulletText("%s — %s", state.tr(obligation.text), state.tr(obligation.when));
            ImGui::SameLine();
            ImGui::TextColored(kClause, "[%s]", obligation.clause.text().c_str());
        }
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void drawDecisionScreen(AppState& state) {
    const LoadedPlugin* plugin = state.selectedPlugin();
    if (!plugin) {
        ImGui::TextDisabled("%s", state.tr({"请选择县区", "Choose a county"}));
        return;
    }
    DecisionForm& form = state.decisionForm;
    ImGui::Text("%s · %s", state.tr(plugin->policy.name), state.tr({"检查判定试算", "try a decision"}));
    drawForm(state, form);
    bool clicked = ImGui::Button(state.tr({"判定", "Decide"}));
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    form.decideButtonRect = {min.x, min.y, max.x - min.x, max.y - min.y};
    if (clicked) {
        form.answer.reset();
        form.error.reset();
        auto request = requestFrom(form);
        auto decision = request ? decideWith(*plugin, *request) : Result<Decision>(request.error());
        if (decision) form.answer = *decision;
        else form.error = decision.error();
        form.answeredFor = plugin->id;
    }
    ImGui::Separator();
    if (form.answeredFor != plugin->id) return;  // the county changed since: ask again
    if (form.error) ImGui::TextColored(kRefused, "%s", form.error->message().c_str());
    if (form.answer) drawAnswer(state, *form.answer);
}

}  // namespace inspectonce::ui
