// The training exercises screen's state and logic, apart from drawing: which exercise is
// open, the answers being given, and the score once submitted (scored by the core against the
// county's engines, exercise.hpp). The screen (screen_exercises.cpp) only draws this.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/exercise.hpp"
#include "inspectonce/plugin_host.hpp"

namespace inspectonce::ui {

struct ExerciseForm {
    std::vector<Exercise> exercises;      // the shipped ones, read once
    std::optional<Error> loadError;
    bool loaded = false;
    bool allCounties = false;             // offer every county's exercises, not only the selected county's
    std::string exercise;                 // the open exercise's id; empty: the first offered
    std::map<std::string, std::string> answers;  // question id → choice id
    std::optional<Score> score;           // set by submit: the answers are then read-only
    std::optional<Error> error;           // why the last submit scored nothing
};

// The shipped exercises (read on first use; a problem is kept in loadError).
const std::vector<Exercise>& exercisesOf(ExerciseForm& form);
// What the picker offers: the county's exercises, or every one with allCounties.
std::vector<const Exercise*> offeredExercises(ExerciseForm& form, const std::string& county);
// The open exercise: the one picked if still offered, else the first offered (nullptr: none).
const Exercise* openExercise(ExerciseForm& form, const std::string& county);

// Opens another exercise with no answers.
void pickExercise(ExerciseForm& form, const std::string& id);
// Records an answer; ignored once submitted (Try again first).
void giveAnswer(ExerciseForm& form, const std::string& question, const std::string& choice);
// Scores the answers against the plugin's engines; false (and `error` set) when nothing was scored.
bool submitAnswers(ExerciseForm& form, const Exercise& exercise, const LoadedPlugin& plugin);
// Clears the answers and the score of the open exercise.
void tryAgain(ExerciseForm& form);

// "练习 ID 得分 4/7；请重读 004 二(三)、004 二(六)" / "Exercise ID: 4/7; read again 004 二(三), …"
Text scoreSummary(const Score& score);

}  // namespace inspectonce::ui
