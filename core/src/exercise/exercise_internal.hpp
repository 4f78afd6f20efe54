// Pieces the exercise files share: reading a merge question's situation (a tiny workspace),
// asking the engines with or without the plugin's decide hook, and errors that name the
// exercise file and the question's JSON pointer.
#pragma once

#include <functional>
#include <string>

#include "inspectonce/exercise.hpp"
#include "json/json_reader.hpp"

namespace inspectonce::exercise_detail {

// decide() from the policy's data, or decideWith() a plugin (its hook may add reasons).
using Decider = std::function<Result<Decision>(const DecisionRequest&)>;

Result<EngineAnswer> answerWith(const Exercise& exercise, const Question& question, const PolicyData& policy,
                                const Decider& decider);
Result<Score> scoreWith(const Exercise& exercise, const PolicyData& policy, const Answers& answers, const Decider& decider);

// A merge question's situation: {"year", "planning_date", "departments", "enterprises",
// "plans", "history"}, read into a workspace of `county` that validate() accepts.
Result<Workspace> readSituation(const json::Cursor& at, const std::string& county);

// "<file> at <pointer>: <why>", the engine's own error kept as the why.
Error questionError(const Exercise& exercise, const Question& question, const std::string& why);

inline Text same(const std::string& both) { return {both, both}; }
inline nlohmann::json textJson(const Text& text) { return {{"zh", text.zh}, {"en", text.en}}; }

}  // namespace inspectonce::exercise_detail
