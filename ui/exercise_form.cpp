#include "exercise_form.hpp"

namespace inspectonce::ui {

const std::vector<Exercise>& exercisesOf(ExerciseForm& form) {
    if (!form.loaded) {
        form.loaded = true;
        auto shipped = shippedExercises();
        if (shipped) form.exercises = std::move(*shipped);
        else form.loadError = shipped.error();
    }
    return form.exercises;
}

std::vector<const Exercise*> offeredExercises(ExerciseForm& form, const std::string& county) {
    std::vector<const Exercise*> out;
    for (const auto& e : exercisesOf(form))
        if (form.allCounties || e.county == county) out.push_back(&e);
    return out;
}

const Exercise* openExercise(ExerciseForm& form, const std::string& county) {
    auto offered = offeredExercises(form, county);
    for (const auto* e : offered)
        if (e->id == form.exercise) return e;
    if (offered.empty()) return nullptr;
    // Another county was selected (or nothing picked yet): its first exercise, afresh.
    pickExercise(form, offered.front()->id);
    return offered.front();
}

void pickExercise(ExerciseForm& form, const std::string& id) {
    if (form.exercise == id) return;
    form.exercise = id;
    form.answers.clear();
    form.score.reset();
    form.error.reset();
}

void giveAnswer(ExerciseForm& form, const std::string& question, const std::string& choice) {
    if (form.score) return;
    form.answers[question] = choice;
}

bool submitAnswers(ExerciseForm& form, const Exercise& exercise, const LoadedPlugin& plugin) {
    Answers answers;
    answers.source = "exercise form";
    answers.given = form.answers;
    auto scored = score(exercise, plugin, answers);
    if (!scored) {
        form.error = scored.error();
        form.score.reset();
        return false;
    }
    form.error.reset();
    form.score = std::move(*scored);
    return true;
}

void tryAgain(ExerciseForm& form) {
    form.answers.clear();
    form.score.reset();
    form.error.reset();
}

Text scoreSummary(const Score& score) {
    std::string figure = std::to_string(score.right) + "/" + std::to_string(score.total);
    Text out{"练习 " + score.exercise + " 得分 " + figure, "Exercise " + score.exercise + ": score " + figure};
    auto clauses = score.mistakeClauses();
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        out.zh += (i ? "、" : "；请重读 ") + clauses[i];
        out.en += (i ? ", " : "; read again ") + clauses[i];
    }
    return out;
}

}  // namespace inspectonce::ui
