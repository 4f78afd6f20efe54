// Finding severity from facts (DH-2 000 二(二)1-3, DH-3 000 附则, PY-7 001 三.6), its
// explanation, the text flag, counties that grade no findings, and bad input.
#include <gtest/gtest.h>

#include "decision_test_support.hpp"
#include "inspectonce/grading.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;

bool cites(const std::vector<std::string>& clauses, const std::string& clause) {
    return std::find(clauses.begin(), clauses.end(), clause) != clauses.end();
}

bool anyGroundSays(const std::vector<Ground>& grounds, const std::string& zh, const std::string& clause) {
    return std::any_of(grounds.begin(), grounds.end(),
                       [&](const Ground& g) { return g.text.zh.find(zh) != std::string::npos && g.clause.text() == clause; });
}

Result<FindingAssessment> dinghai(std::vector<std::string> facts, std::vector<std::string> areas = {}) {
    return assessFinding(countyPolicy("dinghai"), {std::move(facts), std::move(areas), std::nullopt});
}

TEST(GradingFinding, MinorNeedsSlightNoConsequenceAndNoIntent_DH2_000_2_2_1) {
    auto a = dinghai({"no-intent", "slight", "no-consequence"});
    ASSERT_TRUE(a) << a.error().message();
    EXPECT_EQ(a->severity, "minor");
    EXPECT_EQ(a->name.zh, "轻微问题");
    // The deciding line names each fact in the document's words, in the level's own order.
    EXPECT_TRUE(anyGroundSays(a->grounds, "情节轻微；尚未造成后果；无主观故意", "000 二(二)1"));
    ASSERT_TRUE(a->summary);
    EXPECT_EQ(a->summary->clause.text(), "000 二(二)1");
    ASSERT_FALSE(a->steps.empty());
    EXPECT_EQ(a->steps.front().id, "warning");
    EXPECT_TRUE(a->missing.empty());
}

TEST(GradingFinding, WithoutNoIntentNothingAppliesAndTheMissingFactsAreNamed_DH2) {
    auto a = dinghai({"slight", "no-consequence"});
    ASSERT_TRUE(a);
    EXPECT_EQ(a->severity, "none");
    EXPECT_TRUE(anyGroundSays(a->grounds, "所给事实不构成", "000 二(二)"));
    EXPECT_TRUE(anyGroundSays(a->missing, "轻微问题还需：无主观故意", "000 二(二)1"));
    // General lacks its all_of facts and one of its any_of facts.
    EXPECT_TRUE(anyGroundSays(a->missing, "一般问题还需：无主观故意；能够通过整改措施予以整改；以及其一：", "000 二(二)2"));
    EXPECT_TRUE(a->steps.empty());
}

TEST(GradingFinding, GeneralTakesAnyOneOfItsAlternatives_DH2_000_2_2_2) {
    for (const char* alternative : {"first-time-light", "no-obvious-harm", "no-social-impact"}) {
        auto a = dinghai({alternative, "no-intent", "rectifiable"});
        ASSERT_TRUE(a);
        EXPECT_EQ(a->severity, "general") << alternative;
        EXPECT_TRUE(cites(a->clauses(), "000 二(二)2"));
    }
    auto notRectifiable = dinghai({"first-time-light", "no-intent"});
    ASSERT_TRUE(notRectifiable);
    EXPECT_EQ(notRectifiable->severity, "none");
}

TEST(GradingFinding, PublicReportMakesItProminentAndSaysItAlsoMetGeneral_DH2_000_2_2_3) {
    auto a = dinghai({"public-report", "no-intent", "rectifiable", "no-obvious-harm"});
    ASSERT_TRUE(a);
    EXPECT_EQ(a->severity, "prominent");
    EXPECT_TRUE(anyGroundSays(a->grounds, "经群众举报", "000 二(二)3"));
    EXPECT_TRUE(anyGroundSays(a->grounds, "亦符合一般问题的条件，按先后顺序定为突出问题", "000 二(二)"));
    EXPECT_EQ(a->steps.front().id, "deadline-and-penalty");
}

TEST(GradingFinding, AnExcludedAreaOverridesEveryLevel_DH3_000_Annex) {
    auto a = dinghai({"slight", "no-consequence", "no-intent"}, {"food-safety"});
    ASSERT_TRUE(a);
    EXPECT_EQ(a->severity, "excluded");
    EXPECT_TRUE(anyGroundSays(a->grounds, "涉及食品安全", "000 附则"));
    ASSERT_TRUE(a->summary);
    EXPECT_NE(a->summary->text.zh.find("定政发〔2022〕15号附则所列领域"), std::string::npos);
    EXPECT_EQ(a->clauses(), (std::vector<std::string>{"000 附则"}));
    for (const char* area : {"safety-bottom-line", "environment-red-line", "epidemic-prevention", "life-property-safety", "fair-competition"}) {
        auto other = dinghai({}, {area});
        ASSERT_TRUE(other) << area;
        EXPECT_EQ(other->severity, "excluded") << area;
    }
}

TEST(GradingFinding, FirstMinorViolationNeedsAllThreeConditions_PY7_001_3_6) {
    const auto& py = countyPolicy("pingyang");
    auto yes = assessFinding(py, {{"minor-violation", "corrected-in-time", "no-harm"}, {}, std::nullopt});
    ASSERT_TRUE(yes);
    EXPECT_EQ(yes->severity, "first-minor");
    EXPECT_TRUE(cites(yes->clauses(), "001 三.6"));
    for (auto facts : std::vector<std::vector<std::string>>{{"minor-violation", "no-harm"}, {"corrected-in-time", "no-harm"}, {"minor-violation", "corrected-in-time"}}) {
        auto no = assessFinding(py, {facts, {}, std::nullopt});
        ASSERT_TRUE(no);
        EXPECT_EQ(no->severity, "none");
    }
    auto serious = assessFinding(py, {{"serious-violation", "corrected-in-time"}, {}, std::nullopt});
    ASSERT_TRUE(serious);
    EXPECT_EQ(serious->severity, "serious");
    EXPECT_TRUE(std::any_of(serious->steps.begin(), serious->steps.end(), [](const PenaltyStep& s) { return s.id == "legal-review"; }));
}

TEST(GradingFinding, TheOrderAndRepetitionOfFactsChangeNothing) {
    auto a = dinghai({"slight", "no-consequence", "no-intent"});
    auto b = dinghai({"no-intent", "no-consequence", "slight", "slight"});
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(toJson(*a).dump(), toJson(*b).dump());
    EXPECT_EQ(describe(*a, countyPolicy("dinghai"), Language::Chinese), describe(*b, countyPolicy("dinghai"), Language::Chinese));
    EXPECT_EQ(b->facts, (std::vector<std::string>{"no-consequence", "no-intent", "slight"}));
}

TEST(GradingFinding, EveryTextLineEndsWithAClause) {
    auto a = dinghai({"first-time-light", "no-intent", "rectifiable"});
    ASSERT_TRUE(a);
    for (auto language : {Language::Chinese, Language::English}) {
        std::string text = describe(*a, countyPolicy("dinghai"), language);
        std::size_t start = 0, lines = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            std::string line = text.substr(start, end - start);
            EXPECT_NE(line.find("  —  000 "), std::string::npos) << line;
            start = end + 1;
            ++lines;
        }
        EXPECT_GE(lines, 4u);
    }
    EXPECT_NE(describe(*a, countyPolicy("dinghai"), Language::English).find("general problem"), std::string::npos);
}

TEST(GradingFinding, UnknownFactsAndAreasAreErrorsListingWhatTheCountyAccepts) {
    auto fact = dinghai({"slight", "rainy"});
    ASSERT_FALSE(fact);
    EXPECT_EQ(fact.error().where, "--facts");
    EXPECT_NE(fact.error().why.find("unknown fact \"rainy\" for dinghai"), std::string::npos);
    EXPECT_NE(fact.error().why.find("slight (情节轻微 / slight circumstances)"), std::string::npos);
    auto area = dinghai({}, {"tax"});
    ASSERT_FALSE(area);
    EXPECT_EQ(area.error().where, "--area");
    EXPECT_NE(area.error().why.find("food-safety (食品安全"), std::string::npos);
    // Pingyang lists no excluded areas.
    auto none = assessFinding(countyPolicy("pingyang"), {{}, {"food-safety"}, std::nullopt});
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().why.find("it accepts none"), std::string::npos);
    // Facts a county declares exclusive.
    auto both = assessFinding(countyPolicy("pingyang"), {{"minor-violation", "serious-violation"}, {}, std::nullopt});
    ASSERT_FALSE(both);
    EXPECT_NE(both.error().why.find("cannot both hold"), std::string::npos);
}

TEST(GradingFinding, CountiesThatGradeNoFindingsSaySoWithTheirClause) {
    struct Case { const char* county; const char* clause; };
    for (auto c : {Case{"wuxi", "003 二(七)"}, Case{"yuancheng", "002 三(二)3"}, Case{"yunhe", "004 二(十)"}}) {
        auto a = assessFinding(countyPolicy(c.county), {{}, {}, std::string("消防通道堵塞")});
        ASSERT_TRUE(a) << c.county << ": " << a.error().message();
        EXPECT_EQ(a->severity, "not-graded");
        EXPECT_EQ(a->grounds.at(0).clause.text(), c.clause);
        EXPECT_FALSE(a->textFlag);
        EXPECT_EQ(a->notes.size(), 1u);
        auto withFact = assessFinding(countyPolicy(c.county), {{"slight"}, {}, std::nullopt});
        ASSERT_FALSE(withFact);
        EXPECT_NE(withFact.error().why.find("it accepts none"), std::string::npos);
    }
}

TEST(GradingFinding, TheTextOnlyFlagsAndNeverChangesTheSeverity_DH3) {
    auto plain = dinghai({"slight", "no-consequence", "no-intent"});
    auto withText = assessFinding(countyPolicy("dinghai"),
                                  {{"slight", "no-consequence", "no-intent"}, {}, std::string("后厨食品原料过期，冷库温度超标")});
    ASSERT_TRUE(plain);
    ASSERT_TRUE(withText) << withText.error().message();
    EXPECT_EQ(withText->severity, plain->severity);
    ASSERT_TRUE(withText->textFlag);
    EXPECT_EQ(withText->textFlag->ground.clause.text(), "000 附则");
    const auto& labels = std::vector<std::string>{"minor", "general", "prominent", "excluded"};
    EXPECT_TRUE(cites(labels, withText->textFlag->label));
    EXPECT_GE(withText->textFlag->confidencePermille, 0);
    EXPECT_LE(withText->textFlag->confidencePermille, 1000);
    EXPECT_EQ(withText->textFlag->suggestsExcluded, withText->textFlag->label == "excluded" || !withText->textFlag->words.empty());
    // With the area given, the text is only for reference.
    auto given = assessFinding(countyPolicy("dinghai"), {{}, {"food-safety"}, std::string("后厨食品原料过期")});
    ASSERT_TRUE(given);
    ASSERT_TRUE(given->textFlag);
    EXPECT_FALSE(given->textFlag->suggestsExcluded);
    // Pingyang lists no excluded areas: the text is not used, and it says so.
    auto py = assessFinding(countyPolicy("pingyang"), {{"serious-violation"}, {}, std::string("无证经营")});
    ASSERT_TRUE(py);
    EXPECT_FALSE(py->textFlag);
    EXPECT_TRUE(anyGroundSays(py->notes, "未使用问题文本", "001 三.6"));
    // Bad text is an error on --text.
    auto bad = assessFinding(countyPolicy("dinghai"), {{}, {}, std::string("\xff\xfe")});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where.substr(0, 6), "--text");
}

}  // namespace
}  // namespace inspectonce
