// Training exercises (培训练习): a trainer's file describes a small county situation and asks
// questions — may this inspection go ahead (decide), how serious is this finding (grade), what
// penalty follows (penalty), which category does this demand belong to (route), how many joint
// visits do these plans need (merge). A trainee answers; the answers are scored against what
// the county's engines answer, never against answers written in the file, and every mistake
// is explained by the engine's own reasons with their clauses.
//
// A file may carry the trainer's expected answer per question ("expected"); it is never used
// for scoring, only checked by the tests to equal the engine's (so a file cannot teach a rule
// the engines do not apply). The shipped exercises (policies/exercises/*.json) are compiled
// into the core: the CLI and the browser need no file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "inspectonce/classify.hpp"
#include "inspectonce/decision.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/grading.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce {

enum class QuestionKind { Decide, Grade, Penalty, Route, Merge };
Result<QuestionKind> parseQuestionKind(std::string_view text);  // decide, grade, penalty, route, merge
std::string_view toString(QuestionKind kind);
Text label(QuestionKind kind);  // 检查决定 / inspection decision …

// What a merge question asks about the schedule of its plans.
enum class MergeAsk {
    Visits,    // how many visits the plans need (the scheduler's count)
    Together,  // are these two plans carried out in the same visit?
    Refused,   // is this plan refused (not carried out in any visit)?
};

struct MergeQuestion {
    MergeAsk ask = MergeAsk::Visits;
    std::vector<int64_t> plans;  // Together: two plan ids; Refused: one
    Workspace workspace;         // the situation: departments, items, enterprises, plans, history
    bool shared = false;         // the exercise's situation (not the question's own)
};

struct Question {
    std::string id;        // "q1": what an answers file names
    std::string pointer;   // where it is in its file, "/questions/0": for errors
    QuestionKind kind = QuestionKind::Decide;
    Text prompt;
    std::optional<std::string> expected;  // the trainer's answer (a choice id): checked by tests, never scored
    DecisionRequest request;              // Decide
    FindingFacts finding;                 // Grade
    PenaltyFacts penalty;                 // Penalty
    classify::Kind list = classify::Kind::Demand;  // Route: demand or complaint categories
    std::string text;                     // Route: the enterprise's words
    std::optional<MergeQuestion> merge;   // Merge
};

struct Exercise {
    std::string id;       // "yunhe-quiet-period"
    std::string source;   // the file it came from: errors name it
    std::string county;   // the plugin whose rules answer it
    Text title;
    Text brief;           // the situation and the task, as the trainer writes it
    std::vector<Citation> clauses;  // the clauses the exercise trains (shown with the brief)
    std::vector<Question> questions;

    const Question* question(std::string_view questionId) const;
};

// Reads an exercise file. Errors name `source`, the JSON pointer and why: a missing or
// misspelt field, an unknown question kind, a request that does not parse, a duplicate id.
// Whether the county exists and its facts are known is checked against its policy (check).
Result<Exercise> parseExercise(std::string_view text, const std::string& source);

// Every exercise compiled into the core (policies/exercises/*.json), in file-name order;
// `county` non-empty: only that county's.
Result<std::vector<Exercise>> shippedExercises(const std::string& county = "");
Result<Exercise> shippedExercise(std::string_view id);  // an unknown id lists the known ones

// The loaded plugin an exercise is for; an unknown county is an error at its "/county".
Result<const LoadedPlugin*> exercisePlugin(const Exercise& exercise, const PluginHost& host);

// One answer a trainee may give.
struct Choice {
    std::string id;  // "refused", "minor", "3", "2", "yes"
    Text label;
};

// The choices of a question under the county's policy, in the order the UI offers them.
std::vector<Choice> choices(const Question& question, const PolicyData& policy);

// What the trainee is shown besides the prompt: the request (day, department, grade …), the
// facts with the county's words for them, the enterprise's text, or the plans and their windows.
std::vector<Text> situationLines(const Question& question, const PolicyData& policy);
// The same for the question at `index` of `exercise`, where a merge question whose situation an
// earlier one already showed says so in one line instead of listing the plans again.
std::vector<Text> situationLines(const Exercise& exercise, std::size_t index, const PolicyData& policy);

// The engine's answer to a question: its choice and why, every line with its clause.
struct EngineAnswer {
    std::string choice;
    Text label;
    std::vector<Ground> why;
};

// Asks the engines (decide() — with the plugin's hook when given a plugin —, assessFinding(),
// decidePenalty(), the county's classifier, schedule()). An engine's error names the
// exercise file and the question's pointer.
Result<EngineAnswer> engineAnswer(const Exercise& exercise, const Question& question, const PolicyData& policy);
Result<EngineAnswer> engineAnswer(const Exercise& exercise, const Question& question, const LoadedPlugin& plugin);

// Validates an exercise against its county's policy: every question answered by the engines,
// every expected answer one of the choices. The first problem is an error.
Status check(const Exercise& exercise, const PolicyData& policy);

// A trainee's answers: question id → choice id.
struct Answers {
    std::string source = "answers";  // the file they came from: errors name it
    std::map<std::string, std::string> given;
};

// Reads {"q1": "refused", "q2": 2, …} (or {"answers": {…}}); numbers are taken as their
// decimal text. Errors name `source` and the JSON pointer.
Result<Answers> parseAnswers(std::string_view text, const std::string& source);

struct QuestionScore {
    std::string question;
    QuestionKind kind = QuestionKind::Decide;
    Text prompt;
    std::optional<std::string> given;  // unset: not answered (counts as a mistake)
    Text givenLabel;
    std::string answer;                // the engine's choice
    Text answerLabel;
    bool right = false;
    std::vector<Ground> why;           // the engine's reasons, each with its clause
};

struct Score {
    std::string exercise;
    std::string county;
    int right = 0;
    int total = 0;
    std::vector<QuestionScore> questions;  // in the exercise's order

    // The clauses of the mistakes, each once, in order: what the trainee should read again.
    std::vector<std::string> mistakeClauses() const;
};

// Scores `answers`. An answer for a question the exercise does not have, or a value that is
// not one of the question's choices, is an error naming the answers' source and pointer;
// a policy for another county is an error at the exercise's "/county". Nothing is scored then.
Result<Score> score(const Exercise& exercise, const PolicyData& policy, const Answers& answers);
Result<Score> score(const Exercise& exercise, const LoadedPlugin& plugin, const Answers& answers);

// Output: JSON with sorted keys (identical natively and in wasm) and text for people.
nlohmann::json toJson(const Exercise& exercise, const PolicyData& policy);  // with each question's choices
nlohmann::json toJson(const Score& score);
std::string describe(const Exercise& exercise, const PolicyData& policy, Language language);
// The score, then every mistake with the engine's answer and its reasons, each with its clause.
std::string describe(const Score& score, Language language);

}  // namespace inspectonce
