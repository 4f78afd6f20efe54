// Training exercises (培训练习): a trainee picks an exercise (the selected county's, or any
// county's), reads the situation, answers each question, submits, and sees the score with
// every mistake explained by the engine's answer and its clauses. The exercise is scored by
// the county's engines (exercise.hpp), never by answers written in the file.
#include <imgui.h>

#include <string>

#include "exercise_form.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

void drawPicker(AppState& state, ExerciseForm& form, const Exercise* open) {
    auto offered = offeredExercises(form, state.county);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    std::string preview = open ? open->title.in(state.language) : state.tr({"（无）", "(none)"});
    bool opened = ImGui::BeginCombo("##exercise", preview.c_str());
    markItem(state, "exercise-pick");
    if (opened) {
        for (std::size_t i = 0; i < offered.size(); ++i) {
            const Exercise* e = offered[i];
            std::string label = e->title.in(state.language) + "###" + e->id;
            if (ImGui::Selectable(label.c_str(), open == e)) pickExercise(form, e->id);
            markItem(state, "exercise-pick-" + e->id);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::Checkbox(state.tr({"所有县区", "All counties"}), &form.allCounties);
    markItem(state, "exercise-all-counties");
}

// Radio buttons of the choices, wrapped to the width available.
void drawChoices(AppState& state, ExerciseForm& form, const Question& q, const std::vector<Choice>& offered) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = ImGui::GetContentRegionAvail().x, used = 0;
    auto given = form.answers.find(q.id);
    ImGui::BeginDisabled(form.score.has_value());
    for (std::size_t i = 0; i < offered.size(); ++i) {
        const Choice& c = offered[i];
        std::string label = c.label.in(state.language) + "##" + c.id;
        float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + style.ItemSpacing.x;
        if (i > 0 && used + w < width) ImGui::SameLine();
        else used = 0;
        used += w;
        bool chosen = given != form.answers.end() && given->second == c.id;
        if (ImGui::RadioButton(label.c_str(), chosen)) giveAnswer(form, q.id, c.id);
        markItem(state, "exercise-" + q.id + "-" + c.id);
    }
    ImGui::EndDisabled();
}

// Right, or wrong with the engine's answer and every reason with its clause.
void drawResult(AppState& state, const QuestionScore& r) {
    if (r.right) {
        ImGui::TextColored(kGoodColour, "%s %s", state.tr({"答对：", "Right:"}), r.answerLabel.in(state.language).c_str());
        markItem(state, "exercise-result-" + r.question);
        return;
    }
    std::string given = r.given ? r.givenLabel.in(state.language) : state.tr({"未作答", "not answered"});
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    ImGui::TextWrapped("%s %s%s%s", state.tr({"答错：你的答案", "Wrong: your answer"}), given.c_str(),
                       state.tr({"；引擎的答案：", "; the engine's: "}), r.answerLabel.in(state.language).c_str());
    ImGui::PopStyleColor();
    markItem(state, "exercise-result-" + r.question);
    ImGui::Indent();
    for (const auto& g : r.why) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", g.text.in(state.language).c_str());
        if (!g.clause.text().empty()) {
            ImGui::Indent();
            clauseText(state, g.clause);
            ImGui::Unindent();
        }
    }
    ImGui::Unindent();
}

void drawQuestion(AppState& state, ExerciseForm& form, const Exercise& exercise, const PolicyData& policy, std::size_t index) {
    const Question& q = exercise.questions[index];
    ImGui::PushID(q.id.c_str());
    ImGui::Separator();
    ImGui::TextWrapped("%zu. [%s] %s", index + 1, label(q.kind).in(state.language).c_str(), q.prompt.in(state.language).c_str());
    for (const auto& line : situationLines(exercise, index, policy)) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", line.in(state.language).c_str());
        ImGui::PopStyleColor();
    }
    drawChoices(state, form, q, choices(q, policy));
    if (form.score)
        for (const auto& r : form.score->questions)
            if (r.question == q.id) drawResult(state, r);
    ImGui::PopID();
}

// Submit, the score, Try again.
void drawActions(AppState& state, ExerciseForm& form, const Exercise& exercise, const LoadedPlugin& plugin) {
    ImGui::BeginDisabled(form.score.has_value());
    bool submit = ImGui::Button(state.tr({"提交", "Submit"}));
    markItem(state, "exercise-submit");
    ImGui::EndDisabled();
    if (submit) {
        if (submitAnswers(form, exercise, plugin)) state.say(scoreSummary(*form.score), form.score->right < form.score->total);
        else state.sayError(*form.error);
    }
    ImGui::SameLine();
    if (form.score) {
        const Score& s = *form.score;
        ImGui::TextColored(s.right == s.total ? kGoodColour : kWarningColour, "%s %d/%d", state.tr({"得分", "Score"}), s.right, s.total);
        markItem(state, "exercise-score");
        ImGui::SameLine();
        if (ImGui::Button(state.tr({"重做", "Try again"}))) tryAgain(form);
        markItem(state, "exercise-retry");
    } else {
        ImGui::TextDisabled("%s %zu/%zu", state.tr({"已答", "Answered"}), form.answers.size(), exercise.questions.size());
    }
    if (form.error) ImGui::TextColored(kProblemColour, "%s", form.error->message().c_str());
}

}  // namespace

void drawExercisesScreen(AppState& state) {
    ExerciseForm& form = state.exercises;
    const Exercise* exercise = openExercise(form, state.county);
    sectionTitle(state, {"培训练习：按本县规则作答，由引擎评分并说明依据", "Training exercises: answer under the county's rules, scored by the engines with their clauses"});
    drawPicker(state, form, exercise);
    if (form.loadError) ImGui::TextColored(kProblemColour, "%s", form.loadError->message().c_str());
    if (!exercise) {
        ImGui::TextDisabled("%s", state.tr({"该县区没有培训练习；勾选“所有县区”查看其他县区的练习。",
                                            "This county has no exercise; tick \"All counties\" to see the others'."}));
        return;
    }
    auto plugin = exercisePlugin(*exercise, state.plugins);
    if (!plugin) {
        ImGui::TextColored(kProblemColour, "%s", plugin.error().message().c_str());
        return;
    }
    const PolicyData& policy = (*plugin)->policy;
    ImGui::TextWrapped("%s", exercise->title.in(state.language).c_str());
    std::string clauses;
    for (const auto& c : exercise->clauses) clauses += (clauses.empty() ? "" : state.language == Language::English ? ", " : "、") + c.text();
    ImGui::TextDisabled("%s · %zu %s%s%s", policy.name.in(state.language).c_str(), exercise->questions.size(), state.tr({"题", "questions"}),
                        clauses.empty() ? "" : state.tr({" · 依据 ", " · clauses "}), clauses.c_str());
    ImGui::TextWrapped("%s", exercise->brief.in(state.language).c_str());
    ImGui::Spacing();
    drawActions(state, form, *exercise, **plugin);
    ImGui::BeginChild("questions", ImVec2(0, 0), false);
    for (std::size_t i = 0; i < exercise->questions.size(); ++i) drawQuestion(state, form, *exercise, policy, i);
    ImGui::EndChild();
}

}  // namespace inspectonce::ui
