// Scoring a trainee's answers against the engines: the answers are checked first (every one
// for a question the exercise has, every value one of its choices), so a bad file scores
// nothing; then each question is answered by the engines and compared.
#include <algorithm>

#include "exercise/exercise_internal.hpp"
#include "inspectonce/hooks.hpp"

namespace inspectonce::exercise_detail {
namespace {

std::string pointerToken(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}

Status checkAnswers(const Exercise& exercise, const PolicyData& policy, const Answers& answers) {
    for (const auto& entry : answers.given) {
        const std::string& key = entry.first;  // not a structured binding: lambdas below use them (clang 14)
        const std::string& value = entry.second;
        std::string where = answers.source + " at /" + pointerToken(key);
        const Question* q = exercise.question(key);
        if (!q) {
            std::string ids;
            for (const auto& each : exercise.questions) ids += (ids.empty() ? "" : ", ") + each.id;
            return makeError(where, "exercise \"" + exercise.id + "\" has no question \"" + key + "\" (its questions: " + ids + ")");
        }
        auto offered = choices(*q, policy);
        if (std::none_of(offered.begin(), offered.end(), [&](const Choice& c) { return c.id == value; })) {
            std::string ids;
            for (const auto& c : offered) ids += (ids.empty() ? "" : ", ") + c.id;
            return makeError(where, "\"" + value + "\" is not a choice of question " + key + " (choices: " + ids + ")");
        }
    }
    return Ok{};
}

}  // namespace

Result<Score> scoreWith(const Exercise& exercise, const PolicyData& policy, const Answers& answers, const Decider& decider) {
    if (policy.county != exercise.county)
        return makeError(exercise.source + " at /county",
                         "the exercise is for \"" + exercise.county + "\", the rules given are \"" + policy.county + "\"'s");
    IO_CHECK(checkAnswers(exercise, policy, answers));
    Score s;
    s.exercise = exercise.id;
    s.county = exercise.county;
    for (const auto& q : exercise.questions) {
        IO_TRY(answer, answerWith(exercise, q, policy, decider));
        QuestionScore r;
        r.question = q.id;
        r.kind = q.kind;
        r.prompt = q.prompt;
        r.answer = answer.choice;
        r.answerLabel = answer.label;
        r.why = answer.why;
        if (auto given = answers.given.find(q.id); given != answers.given.end()) {
            r.given = given->second;
            for (const auto& c : choices(q, policy))
                if (c.id == given->second) r.givenLabel = c.label;
        }
        r.right = r.given && *r.given == r.answer;
        s.right += r.right;
        ++s.total;
        s.questions.push_back(std::move(r));
    }
    return s;
}

}  // namespace inspectonce::exercise_detail

namespace inspectonce {

std::vector<std::string> Score::mistakeClauses() const {
    std::vector<std::string> out;
    for (const auto& q : questions) {
        if (q.right) continue;
        for (const auto& g : q.why)
            if (!g.clause.text().empty() && std::find(out.begin(), out.end(), g.clause.text()) == out.end()) out.push_back(g.clause.text());
    }
    return out;
}

Result<Score> score(const Exercise& exercise, const PolicyData& policy, const Answers& answers) {
    return exercise_detail::scoreWith(exercise, policy, answers, [&](const DecisionRequest& r) { return decide(policy, r); });
}

Result<Score> score(const Exercise& exercise, const LoadedPlugin& plugin, const Answers& answers) {
    return exercise_detail::scoreWith(exercise, plugin.policy, answers, [&](const DecisionRequest& r) { return decideWith(plugin, r); });
}

}  // namespace inspectonce
