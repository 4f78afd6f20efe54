// `inspectonce exercise list|show|check` driven through the real binary: the shipped
// exercises, a trainee's answers scored with every mistake's clause (in Chinese and English,
// as JSON), a trainer's own file, and precise errors for bad input (exit 2, nothing scored).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli_runner.hpp"

namespace inspectonce {
namespace {

using test::run;

const std::string kData = std::string(INSPECTONCE_SOURCE_DIR) + "/tests/data/exercises/";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A trainee's answers in a file of the test's own (popen's shell has no here-strings).
std::string answersFile(const std::string& json) {
    static int counter = 0;
    auto path = std::filesystem::temp_directory_path() / ("inspectonce-answers-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".json");
    std::ofstream(path) << json;
    return path.string();
}

TEST(ExerciseCli, ListsOneExerciseOrMorePerCounty) {
    auto r = run("exercise list --json");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto json = nlohmann::json::parse(r.out);
    std::set<std::string> counties;
    for (const auto& e : json["exercises"]) counties.insert(e["county"].get<std::string>());
    EXPECT_EQ(counties.size(), 5u) << r.out;
    auto yunhe = run("exercise list --county yunhe");
    EXPECT_EQ(yunhe.exit, 0);
    EXPECT_TRUE(has(yunhe.out, "yunhe-joint-visits\tyunhe\t7 题\t云和县：")) << yunhe.out;
    EXPECT_FALSE(has(yunhe.out, "dinghai"));
    auto none = run("exercise list --county hangzhou");
    EXPECT_EQ(none.exit, 2);
    EXPECT_TRUE(has(none.err, "inspectonce: --county: no exercise for \"hangzhou\"")) << none.err;
}

TEST(ExerciseCli, ShowGivesTheSituationAndChoicesButNotTheAnswers_DH2) {
    auto r = run("exercise show dinghai-grading-findings");
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_TRUE(has(r.out, "1. q1 [问题定级]")) << r.out;
    EXPECT_TRUE(has(r.out, "查明的情节：情节轻微")) << r.out;
    EXPECT_TRUE(has(r.out, "选项：minor=轻微问题；general=一般问题")) << r.out;
    EXPECT_TRUE(has(r.out, "依据：000 二(二), 000 附则")) << r.out;
    auto en = run("--lang en exercise show yunhe-joint-visits --json");
    ASSERT_EQ(en.exit, 0) << en.err;
    EXPECT_FALSE(has(en.out, "expected"));
    auto json = nlohmann::json::parse(en.out);
    EXPECT_EQ(json["questions"].size(), 7u);
    EXPECT_EQ(json["questions"][3]["kind"], "merge");
}

TEST(ExerciseCli, ATraineesMistakesAreExplainedWithTheirClauses_YH3_YH2) {
    auto r = run("exercise check yunhe-joint-visits " + kData + "yunhe-trainee.json");
    EXPECT_EQ(r.exit, 1) << r.err;  // not all right: the answer is "no"
    EXPECT_TRUE(has(r.out, "yunhe-joint-visits：得分 5/7")) << r.out;
    EXPECT_TRUE(has(r.out, "错  q1  你的答案：允许；引擎的答案：允许，但须履行义务")) << r.out;
    EXPECT_TRUE(has(r.out, "004 二(三)")) << r.out;  // the quiet period's head approval and filing
    EXPECT_TRUE(has(r.out, "错  q4  你的答案：3 次入企；引擎的答案：2 次入企")) << r.out;
    EXPECT_TRUE(has(r.out, "请重读：004 二(三)")) << r.out;
    auto en = run("--lang en exercise check yunhe-joint-visits " + kData + "yunhe-trainee.json");
    EXPECT_TRUE(has(en.out, "yunhe-joint-visits: score 5/7")) << en.out;
    EXPECT_TRUE(has(en.out, "wrong  q4  your answer: 3 visits; the engine's: 2 visits")) << en.out;
}

TEST(ExerciseCli, JsonScoresAndStdinAnswers_YC1) {
    auto r = run("exercise check yuancheng-routing-demands - --json < " + kData + "yuancheng-trainee.json");
    EXPECT_EQ(r.exit, 1) << r.err;
    auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["right"], 3);  // q3 and q5 are wrong
    EXPECT_EQ(json["total"], 5);
    EXPECT_EQ(json["questions"][2]["answer"], "living-support");
    EXPECT_EQ(json["questions"][2]["right"], false);
    EXPECT_EQ(json["mistake_clauses"][0], "002 二(一)7");
}

TEST(ExerciseCli, AllRightExitsZeroWithATrainersOwnFile_DH5) {
    std::string file = kData + "trainer-own.json";
    auto show = run("exercise show --file " + file);
    EXPECT_EQ(show.exit, 0) << show.err;
    EXPECT_TRUE(has(show.out, "dinghai-closing-problems")) << show.out;
    auto right = run("exercise check --file " + file + " - < " + answersFile(R"({"q1": "normal"})"));
    EXPECT_EQ(right.exit, 0) << right.err << right.out;
    EXPECT_TRUE(has(right.out, "得分 1/1")) << right.out;
    auto wrong = run("exercise check --file " + file + " " + answersFile(R"({"q1": "no-penalty"})"));
    EXPECT_EQ(wrong.exit, 1);
    EXPECT_TRUE(has(wrong.out, "000 二(二)2")) << wrong.out;
}

TEST(ExerciseCli, BadInputIsAPreciseErrorAndScoresNothing) {
    auto unknownQuestion = run("exercise check yunhe-joint-visits " + kData + "unknown-question.json");
    EXPECT_EQ(unknownQuestion.exit, 2);
    EXPECT_TRUE(unknownQuestion.out.empty());
    EXPECT_TRUE(has(unknownQuestion.err, "unknown-question.json at /q9: exercise \"yunhe-joint-visits\" has no question \"q9\""))
        << unknownQuestion.err;
    auto outside = run("exercise check yunhe-joint-visits - < " + answersFile(R"({"q4": 9})"));
    EXPECT_EQ(outside.exit, 2);
    EXPECT_TRUE(has(outside.err, "stdin at /q4: \"9\" is not a choice of question q4 (choices: 0, 1, 2, 3, 4)")) << outside.err;
    auto malformed = run("exercise check yunhe-joint-visits - < " + answersFile(R"({"q1": )"));
    EXPECT_EQ(malformed.exit, 2);
    EXPECT_TRUE(has(malformed.err, "inspectonce: stdin:")) << malformed.err;
    auto unknownExercise = run("exercise show hangzhou-all");
    EXPECT_EQ(unknownExercise.exit, 2);
    EXPECT_TRUE(has(unknownExercise.err, "no exercise \"hangzhou-all\" (known: ")) << unknownExercise.err;
    auto missingFile = run("exercise show --file /nonexistent/exercise.json");
    EXPECT_EQ(missingFile.exit, 2);
    EXPECT_TRUE(has(missingFile.err, "/nonexistent/exercise.json: file not found")) << missingFile.err;
    // A trainer's file for a county no plugin carries, or with a fact its county does not know.
    std::string own = R"({"id": "own", "county": "COUNTY", "title": {"zh": "题", "en": "t"}, "brief": {"zh": "简介", "en": "b"},
                          "questions": [{"id": "q1", "kind": "grade", "prompt": {"zh": "级", "en": "l"}, "facts": ["tiny"]}]})";
    std::string hangzhou = answersFile(std::string(own).replace(own.find("COUNTY"), 6, "hangzhou"));
    auto unknownCounty = run("exercise show --file " + hangzhou);
    EXPECT_EQ(unknownCounty.exit, 2);
    EXPECT_TRUE(has(unknownCounty.err, hangzhou + " at /county: unknown county \"hangzhou\" (loaded: ")) << unknownCounty.err;
    std::string dinghai = answersFile(std::string(own).replace(own.find("COUNTY"), 6, "dinghai"));
    auto unknownFact = run("exercise show --file " + dinghai);
    EXPECT_EQ(unknownFact.exit, 2);
    EXPECT_TRUE(has(unknownFact.err, dinghai + " at /questions/0: ")) << unknownFact.err;
    EXPECT_TRUE(has(unknownFact.err, "tiny")) << unknownFact.err;
    auto tooFew = run("exercise check yunhe-joint-visits");
    EXPECT_EQ(tooFew.exit, 2);
    EXPECT_TRUE(has(tooFew.err, "expected ID ANSWERS.json")) << tooFew.err;
}

}  // namespace
}  // namespace inspectonce
