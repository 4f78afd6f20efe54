// The training exercises screen over the real plugins: the selected county's exercise opens
// with its brief and questions, a trainee answers and submits, and sees the score with every
// mistake's engine answer and clause; Try again clears it; any county's exercise can be picked.
#include <gtest/gtest.h>
#include <imgui.h>

#include "exercise_form.hpp"
#include "screens.hpp"
#include "ui_harness.hpp"

namespace inspectonce::test {
namespace {

const Exercise& openOn(HeadlessApp& app) {
    const Exercise* e = ui::openExercise(app.state.exercises, app.state.county);
    EXPECT_NE(e, nullptr);
    return *e;
}

TEST(ExerciseScreen, TheSelectedCountysExerciseOpensWithItsBriefAndChoices) {
    HeadlessApp app("yunhe");
    app.show("exercises");
    EXPECT_TRUE(app.shows("培训练习"));
    EXPECT_TRUE(app.shows("云和县：三月的入企检查"));
    EXPECT_TRUE(app.shows("允许，但须履行义务"));  // a decision's choices
    EXPECT_TRUE(app.shows("2 次入企"));            // a merge question's choices
    EXPECT_TRUE(app.shows("窗口 2026-03-09至2026-03-20"));  // the plans it merges
    EXPECT_TRUE(app.state.marks.count("exercise-q1-refused"));
    EXPECT_TRUE(app.state.marks.count("exercise-submit"));
    EXPECT_FALSE(app.state.marks.count("exercise-score"));
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});
}

TEST(ExerciseScreen, SubmittingShowsTheScoreAndEachMistakesClause_YH3_004_2_3) {
    HeadlessApp app("yunhe");
    app.show("exercises");
    const Exercise& e = openOn(app);
    ASSERT_EQ(e.id, "yunhe-joint-visits");
    auto& form = app.state.exercises;
    app.click("exercise-q1-allowed");      // wrong: the quiet period obliges approval and filing
    EXPECT_EQ(form.answers["q1"], "allowed");
    ui::giveAnswer(form, "q2", "refused");  // right: a survey filed late in the quiet period
    ASSERT_TRUE(ui::submitAnswers(form, e, *app.state.plugins.find("yunhe")));
    app.frame(2);
    EXPECT_TRUE(app.shows("得分 1/7"));
    EXPECT_TRUE(app.shows("答错：你的答案 允许；引擎的答案：允许，但须履行义务"));
    EXPECT_TRUE(app.shows("依据 004 二(三)"));
    EXPECT_TRUE(app.shows("未作答"));  // the questions left out count as mistakes
    EXPECT_TRUE(app.state.marks.count("exercise-score"));
    EXPECT_TRUE(app.state.marks.count("exercise-result-q1"));
    // Answers are read-only once scored.
    ui::giveAnswer(form, "q3", "refused");
    EXPECT_FALSE(form.answers.count("q3"));
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});

    app.click("exercise-retry");
    EXPECT_FALSE(app.shows("得分"));
    EXPECT_TRUE(form.answers.empty());
}

TEST(ExerciseScreen, InEnglishTheScoreAndReasonsAreEnglish_DH2_000_2_2) {
    HeadlessApp app("dinghai");
    app.state.language = Language::English;
    app.show("exercises");
    const Exercise& e = openOn(app);
    auto& form = app.state.exercises;
    for (const auto& q : e.questions) {
        auto right = engineAnswer(e, q, app.state.plugins.find("dinghai")->policy);
        ASSERT_TRUE(right) << right.error().message();
        ui::giveAnswer(form, q.id, q.id == "q3" ? "minor" : right->choice);
    }
    app.click("exercise-submit");
    ASSERT_TRUE(form.score.has_value());
    std::string figure = std::to_string(e.questions.size() - 1) + "/" + std::to_string(e.questions.size());
    EXPECT_TRUE(app.shows("Score " + figure));
    EXPECT_TRUE(app.shows("Wrong: your answer minor problem; the engine's: prominent problem"));
    EXPECT_TRUE(app.shows("Clause 000 二(二)3"));
    // The status bar says it too, with the clause to read again.
    ASSERT_FALSE(app.state.messages.empty());
    EXPECT_NE(app.lastMessage().text.en.find("score " + figure + "; read again 000 二(二)3"), std::string::npos)
        << app.lastMessage().text.en;
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});
}

TEST(ExerciseScreen, AnyCountysExerciseCanBePicked) {
    HeadlessApp app("yunhe");
    app.show("exercises");
    auto& form = app.state.exercises;
    auto own = ui::offeredExercises(form, "yunhe");
    ASSERT_FALSE(own.empty());
    for (const auto* e : own) EXPECT_EQ(e->county, "yunhe") << e->id;
    form.allCounties = true;
    EXPECT_EQ(ui::offeredExercises(form, "yunhe").size(), ui::exercisesOf(form).size());
    EXPECT_GT(ui::exercisesOf(form).size(), own.size());
    ui::pickExercise(form, "yuancheng-routing-demands");
    app.frame(2);
    EXPECT_TRUE(app.shows("源城区：企业服务中心窗口"));
    EXPECT_TRUE(app.shows("生产经营类"));  // the county's own demand categories (002 二(一))
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});
    // Back to the selected county's exercises only: its own opens again.
    form.allCounties = false;
    app.frame(2);
    EXPECT_TRUE(app.shows("云和县：三月的入企检查"));
}

}  // namespace
}  // namespace inspectonce::test
