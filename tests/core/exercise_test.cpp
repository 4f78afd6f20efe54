// Training exercises (exercise.hpp): every shipped exercise parses and its trainer's answers
// equal what the engines answer; answers are scored against the engines, each mistake
// explained with the clause that decides it; bad files and bad answers are precise errors
// and score nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "decision_test_support.hpp"
#include "inspectonce/exercise.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;

Exercise shipped(const char* id) {
    auto e = shippedExercise(id);
    EXPECT_TRUE(e) << (e ? "" : e.error().message());
    return e ? *e : Exercise{};
}

Answers answers(std::map<std::string, std::string> given) {
    Answers a;
    a.source = "answers.json";
    a.given = std::move(given);
    return a;
}

// The engines' own answers: what a trainee who knows the rules gives.
Answers engineAnswers(const Exercise& e, const PolicyData& policy) {
    Answers a = answers({});
    for (const auto& q : e.questions) {
        auto answer = engineAnswer(e, q, policy);
        EXPECT_TRUE(answer) << (answer ? "" : answer.error().message());
        if (answer) a.given[q.id] = answer->choice;
    }
    return a;
}

const QuestionScore& result(const Score& s, const std::string& id) {
    for (const auto& q : s.questions)
        if (q.question == id) return q;
    ADD_FAILURE() << "no question " << id;
    return s.questions.front();
}

bool explainedBy(const QuestionScore& q, const std::string& clause) {
    return std::any_of(q.why.begin(), q.why.end(), [&](const Ground& g) { return g.clause.text() == clause; });
}

// A small exercise in a file of the test's own, with `questions` as its question array.
Result<Exercise> ownFile(const std::string& questions, const std::string& county = "yunhe") {
    return parseExercise(R"({"id": "own", "county": ")" + county + R"(", "title": {"zh": "题", "en": "t"},
                             "brief": {"zh": "简介", "en": "brief"}, "questions": )" + questions + "}",
                         "own.json");
}

const char* kDecide = R"({"id": "q1", "kind": "decide", "prompt": {"zh": "能否？", "en": "May it?"},
                          "request": {"date": "2026-03-23", "department": "market", "grade": "C", "kind": "inspection"}})";

// ---- The shipped exercises -------------------------------------------------------------------

TEST(Exercise, EveryCountyShipsAtLeastOneExercise) {
    auto all = shippedExercises();
    ASSERT_TRUE(all) << all.error().message();
    std::set<std::string> counties;
    for (const auto& e : *all) counties.insert(e.county);
    EXPECT_EQ(counties, (std::set<std::string>{"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe"}));
    auto yunhe = shippedExercises("yunhe");
    ASSERT_TRUE(yunhe);
    ASSERT_FALSE(yunhe->empty());
    EXPECT_TRUE(std::all_of(yunhe->begin(), yunhe->end(), [](const Exercise& e) { return e.county == "yunhe"; }));
}

// The trainer's expected answers are never scored; they must be what the engines answer, or
// the file would teach a rule the engines do not apply.
TEST(Exercise, EveryShippedExpectedAnswerIsTheEnginesAnswer) {
    auto all = shippedExercises();
    ASSERT_TRUE(all) << all.error().message();
    for (const auto& e : *all) {
        const PolicyData& policy = countyPolicy(e.county);
        Status valid = check(e, policy);
        EXPECT_TRUE(valid) << (valid ? "" : valid.error().message());
        for (const auto& q : e.questions) {
            ASSERT_TRUE(q.expected) << e.id << " " << q.id << ": shipped questions carry the trainer's answer";
            auto answer = engineAnswer(e, q, policy);
            ASSERT_TRUE(answer) << answer.error().message();
            EXPECT_EQ(*q.expected, answer->choice) << e.id << " " << q.id;
            EXPECT_FALSE(answer->why.empty()) << e.id << " " << q.id << ": an answer explains itself";
        }
    }
}

TEST(Exercise, ShippedExercisesTrainSeveralKindsOfQuestion) {
    auto all = shippedExercises();
    ASSERT_TRUE(all);
    std::set<QuestionKind> kinds;
    for (const auto& e : *all)
        for (const auto& q : e.questions) kinds.insert(q.kind);
    EXPECT_EQ(kinds.size(), 5u);
}

TEST(Exercise, AnUnknownIdListsTheKnownOnes) {
    auto e = shippedExercise("hangzhou-everything");
    ASSERT_FALSE(e);
    EXPECT_NE(e.error().why.find("yunhe-joint-visits"), std::string::npos) << e.error().message();
}

// ---- Scoring ----------------------------------------------------------------------------------

TEST(Exercise, TheEnginesAnswersScoreFullMarksInEveryCounty) {
    auto all = shippedExercises();
    ASSERT_TRUE(all);
    for (const auto& e : *all) {
        const PolicyData& policy = countyPolicy(e.county);
        auto s = score(e, policy, engineAnswers(e, policy));
        ASSERT_TRUE(s) << s.error().message();
        EXPECT_EQ(s->right, s->total) << e.id;
        EXPECT_EQ(s->total, static_cast<int>(e.questions.size()));
        EXPECT_TRUE(s->mistakeClauses().empty());
    }
}

TEST(Exercise, ASurveyFiledLateInTheQuietPeriodIsRefused_YH3_004_2_3) {
    Exercise e = shipped("yunhe-joint-visits");
    const PolicyData& policy = countyPolicy("yunhe");
    Answers a = engineAnswers(e, policy);
    a.given["q2"] = "allowed";  // a survey filed one day ahead in the quiet period
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    EXPECT_EQ(s->right, s->total - 1);
    const QuestionScore& q2 = result(*s, "q2");
    EXPECT_FALSE(q2.right);
    EXPECT_EQ(q2.answer, "refused");
    EXPECT_EQ(q2.answerLabel.zh, "不允许");
    EXPECT_EQ(q2.givenLabel.en, "allowed");
    EXPECT_TRUE(explainedBy(q2, "004 二(三)"));
    EXPECT_EQ(s->mistakeClauses().front(), "004 二(三)");
    std::string text = describe(*s, Language::Chinese);
    EXPECT_NE(text.find("错  q2  你的答案：允许；引擎的答案：不允许"), std::string::npos) << text;
    EXPECT_NE(text.find("004 二(三)"), std::string::npos);
}

TEST(Exercise, AnUnfiledPlanIsRefusedByTheFilingRule_YH2_004_2_2) {
    Exercise e = shipped("yunhe-joint-visits");
    const PolicyData& policy = countyPolicy("yunhe");
    Answers a = engineAnswers(e, policy);
    ASSERT_EQ(a.given["q7"], "yes");
    a.given["q7"] = "no";
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    const QuestionScore& q7 = result(*s, "q7");
    EXPECT_FALSE(q7.right);
    EXPECT_TRUE(explainedBy(q7, "004 二(二)")) << toJson(*s).dump(2);
}

TEST(Exercise, AWrongCountOfVisitsIsExplainedByTheVisitsAndTheQuietPeriod_YH3_ALL3) {
    Exercise e = shipped("yunhe-joint-visits");
    const PolicyData& policy = countyPolicy("yunhe");
    const Question* q4 = e.question("q4");
    ASSERT_NE(q4, nullptr);
    ASSERT_EQ(q4->kind, QuestionKind::Merge);
    auto right = engineAnswer(e, *q4, policy);
    ASSERT_TRUE(right) << right.error().message();
    Answers a = answers({{"q4", right->choice == "1" ? "2" : "1"}});
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    const QuestionScore& r = result(*s, "q4");
    EXPECT_FALSE(r.right);
    // Every visit the scheduler made is listed, and the quiet period its windows cross.
    auto visits = std::count_if(r.why.begin(), r.why.end(), [](const Ground& g) { return g.text.en.rfind("visit on ", 0) == 0; });
    EXPECT_EQ(std::to_string(visits), right->choice);
    EXPECT_TRUE(explainedBy(r, "004 二(三)"));
    // Questions not answered are mistakes too, shown as such.
    EXPECT_FALSE(result(*s, "q1").right);
    EXPECT_FALSE(result(*s, "q1").given.has_value());
    EXPECT_NE(describe(*s, Language::English).find("your answer: not answered"), std::string::npos);
}

TEST(Exercise, AMinorFindingGradedGeneralIsExplainedByItsLevel_DH2_000_2_2_1) {
    Exercise e = shipped("dinghai-grading-findings");
    const PolicyData& policy = countyPolicy("dinghai");
    Answers a = engineAnswers(e, policy);
    ASSERT_EQ(a.given["q1"], "minor");
    a.given["q1"] = "general";
    a.given["q4"] = "minor";  // food safety: outside the mechanism (000 附则)
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    EXPECT_EQ(s->right, s->total - 2);
    EXPECT_TRUE(explainedBy(result(*s, "q1"), "000 二(二)1"));
    EXPECT_EQ(result(*s, "q4").answer, "excluded");
    EXPECT_TRUE(explainedBy(result(*s, "q4"), "000 附则"));
}

TEST(Exercise, ADemandRoutedToTheWrongCategoryIsExplainedByItsCategory_YC1_002_2_1) {
    Exercise e = shipped("yuancheng-routing-demands");
    const PolicyData& policy = countyPolicy("yuancheng");
    Answers a = engineAnswers(e, policy);
    ASSERT_EQ(a.given["q1"], "production-operations");
    a.given["q1"] = "government-services";
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    const QuestionScore& q1 = result(*s, "q1");
    EXPECT_FALSE(q1.right);
    EXPECT_EQ(q1.answerLabel.zh, "生产经营类");
    EXPECT_TRUE(explainedBy(q1, "002 二(一)2"));
}

TEST(Exercise, ASecondInspectionOfTheSameKindAfterAJointOneIsRefused_WX3_003_2_2) {
    Exercise e = shipped("wuxi-no-repeat-and-lists");
    const PolicyData& policy = countyPolicy("wuxi");
    Answers a = engineAnswers(e, policy);
    a.given["q1"] = "allowed";
    a.given["q4"] = "lighter";  // on the no-penalty list (003 二(七))
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    EXPECT_TRUE(explainedBy(result(*s, "q1"), "003 二(二)"));
    EXPECT_TRUE(explainedBy(result(*s, "q4"), "003 二(七)"));
}

TEST(Exercise, AnInspectionInTheServiceWeekIsRefused_PY1_001_3_1) {
    Exercise e = shipped("pingyang-service-week");
    const PolicyData& policy = countyPolicy("pingyang");
    Answers a = engineAnswers(e, policy);
    ASSERT_EQ(a.given["q1"], "refused");
    a.given["q1"] = "allowed";
    a.given["q6"] = "normal";  // 首违不罚 (001 三.6)
    auto s = score(e, policy, a);
    ASSERT_TRUE(s) << s.error().message();
    EXPECT_TRUE(explainedBy(result(*s, "q1"), "001 三.1"));
    EXPECT_TRUE(explainedBy(result(*s, "q6"), "001 三.6"));
}

TEST(Exercise, ScoresAsJsonNameTheEnginesAnswerAndClauses) {
    Exercise e = shipped("yunhe-joint-visits");
    const PolicyData& policy = countyPolicy("yunhe");
    auto s = score(e, policy, answers({{"q2", "allowed"}}));
    ASSERT_TRUE(s);
    auto json = toJson(*s);
    EXPECT_EQ(json["total"], 7);
    EXPECT_EQ(json["questions"][1]["answer"], "refused");
    EXPECT_EQ(json["questions"][1]["given"], "allowed");
    EXPECT_TRUE(json["questions"][0]["given"].is_null());
    EXPECT_NE(json["mistake_clauses"].dump().find("004 二(三)"), std::string::npos);
}

TEST(Exercise, ShowingAnExerciseNeverGivesAwayTheAnswers) {
    Exercise e = shipped("dinghai-grading-findings");
    const PolicyData& policy = countyPolicy("dinghai");
    auto json = toJson(e, policy);
    EXPECT_EQ(json.dump().find("expected"), std::string::npos);
    ASSERT_EQ(json["questions"].size(), e.questions.size());
    // The choices are the county's levels (000 二(二)) and the mechanism's exclusion (附则).
    std::string offered = json["questions"][0]["choices"].dump();
    for (const char* level : {"minor", "general", "prominent", "excluded"}) EXPECT_NE(offered.find(level), std::string::npos) << level;
    std::string text = describe(e, policy, Language::Chinese);
    EXPECT_NE(text.find("情节轻微"), std::string::npos) << text;  // facts in the county's words
}

// ---- Bad input: a precise error, nothing scored -------------------------------------------------

TEST(Exercise, AnAnswerForAQuestionThatDoesNotExistIsAnError) {
    Exercise e = shipped("yunhe-joint-visits");
    auto s = score(e, countyPolicy("yunhe"), answers({{"q1", "refused"}, {"q9", "refused"}}));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().where, "answers.json at /q9");
    EXPECT_NE(s.error().why.find("no question \"q9\""), std::string::npos) << s.error().message();
    EXPECT_NE(s.error().why.find("q1, q2"), std::string::npos) << s.error().message();
}

TEST(Exercise, AnAnswerOutsideTheChoicesIsAnError) {
    Exercise e = shipped("yunhe-joint-visits");
    auto s = score(e, countyPolicy("yunhe"), answers({{"q1", "maybe"}}));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().where, "answers.json at /q1");
    EXPECT_NE(s.error().why.find("choices: allowed, allowed-with-obligations, refused"), std::string::npos) << s.error().message();
}

TEST(Exercise, TheRulesOfAnotherCountyAreAnError) {
    Exercise e = shipped("yunhe-joint-visits");
    auto s = score(e, countyPolicy("dinghai"), answers({}));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().where, "policies/exercises/yunhe-joint-visits.json at /county");
}

TEST(Exercise, AnUnknownCountyIsAnErrorAtItsPointer) {
    auto e = ownFile(std::string("[") + kDecide + "]", "hangzhou");
    ASSERT_TRUE(e) << e.error().message();
    PluginHost none;
    auto plugin = exercisePlugin(*e, none);
    ASSERT_FALSE(plugin);
    EXPECT_EQ(plugin.error().where, "own.json at /county");
    EXPECT_NE(plugin.error().why.find("unknown county \"hangzhou\""), std::string::npos);
}

TEST(Exercise, AMalformedFileNamesLineAndColumn) {
    auto e = parseExercise("{\"id\": \"x\",\n  \"county\": }", "bad.json");
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().where, "bad.json:2:13");
}

TEST(Exercise, AnUnknownQuestionKindIsAnErrorAtItsPointer) {
    auto e = ownFile(R"([{"id": "q1", "kind": "guess", "prompt": {"zh": "猜", "en": "guess"}}])");
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().where, "own.json at /questions/0/kind");
    EXPECT_NE(e.error().why.find("known: decide, grade, penalty, route, merge"), std::string::npos);
}

TEST(Exercise, FileErrorsNameTheFieldAndWhy) {
    // A misspelt field is not ignored.
    auto misspelt = ownFile(R"([{"id": "q1", "kind": "grade", "prompt": {"zh": "级", "en": "l"}, "fact": ["slight"]}])");
    ASSERT_FALSE(misspelt);
    EXPECT_EQ(misspelt.error().where, "own.json at /questions/0");
    EXPECT_NE(misspelt.error().why.find("unknown field \"fact\""), std::string::npos);
    // The decision request keeps its own path.
    auto badDate = ownFile(R"([{"id": "q1", "kind": "decide", "prompt": {"zh": "能否？", "en": "May it?"},
                                "request": {"date": "2026-02-30", "department": "market", "grade": "C", "kind": "inspection"}}])");
    ASSERT_FALSE(badDate);
    EXPECT_EQ(badDate.error().where, "own.json at /questions/0/request/date");
    // Two questions with one id.
    auto twice = ownFile(std::string("[") + kDecide + "," + kDecide + "]");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().where, "own.json at /questions/1/id");
    // A merge question without a situation.
    auto noSituation = ownFile(R"([{"id": "q1", "kind": "merge", "ask": "visits", "prompt": {"zh": "几次？", "en": "How many?"}}])");
    ASSERT_FALSE(noSituation);
    EXPECT_NE(noSituation.error().why.find("needs a \"situation\""), std::string::npos);
}

TEST(Exercise, ASituationWithAPlanOfAnUnknownDepartmentIsAnError) {
    auto e = ownFile(R"([{"id": "q1", "kind": "merge", "ask": "visits", "prompt": {"zh": "几次？", "en": "How many?"},
        "situation": {"planning_date": "2026-03-02",
                      "departments": [{"id": "market", "name": {"zh": "市场监管", "en": "market"}}],
                      "enterprises": [{"code": "91331125MA2E00011L", "name": "厂", "grade": "C"}],
                      "plans": [{"id": 1, "department": "fire", "enterprise": "91331125MA2E00011L", "items": ["fire-safety"],
                                 "from": "2026-03-09", "to": "2026-03-20", "filed_on": "2026-03-02"}]}}])");
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().where, "own.json at /questions/0/situation");
    EXPECT_NE(e.error().why.find("unknown department 'fire'"), std::string::npos) << e.error().message();
}

TEST(Exercise, AFactTheCountyDoesNotKnowIsAnErrorNamingTheQuestion_DH2) {
    auto e = ownFile(R"([{"id": "q1", "kind": "grade", "prompt": {"zh": "级", "en": "l"}, "facts": ["tiny"]}])", "dinghai");
    ASSERT_TRUE(e) << e.error().message();
    Status valid = check(*e, countyPolicy("dinghai"));
    ASSERT_FALSE(valid);
    EXPECT_EQ(valid.error().where, "own.json at /questions/0");
    EXPECT_NE(valid.error().why.find("tiny"), std::string::npos) << valid.error().message();
    // Nothing is scored either.
    EXPECT_FALSE(score(*e, countyPolicy("dinghai"), answers({{"q1", "minor"}})));
}

TEST(Exercise, ATrainersExpectedAnswerOutsideTheChoicesIsAnError) {
    auto e = ownFile(R"([{"id": "q1", "kind": "decide", "prompt": {"zh": "能否？", "en": "May it?"}, "expected": "perhaps",
                          "request": {"date": "2026-03-23", "department": "market", "grade": "C", "kind": "inspection"}}])");
    ASSERT_TRUE(e) << e.error().message();
    Status valid = check(*e, countyPolicy("yunhe"));
    ASSERT_FALSE(valid);
    EXPECT_EQ(valid.error().where, "own.json at /questions/0/expected");
}

TEST(Exercise, AnswersFilesTakeNamesAndNumbersAndNameTheirErrors) {
    auto a = parseAnswers(R"({"answers": {"q1": "refused", "q4": 2}})", "a.json");
    ASSERT_TRUE(a) << a.error().message();
    EXPECT_EQ(a->given.at("q4"), "2");
    EXPECT_EQ(a->source, "a.json");
    auto bad = parseAnswers(R"({"q1": ["refused"]})", "a.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, "a.json at /q1");
    auto notObject = parseAnswers("[1]", "a.json");
    ASSERT_FALSE(notObject);
    EXPECT_EQ(notObject.error().where, "a.json at /");
}

}  // namespace
}  // namespace inspectonce
