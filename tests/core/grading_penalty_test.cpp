// Penalty decisions: 首违不罚, legal review, collective decision and deferral (PY-7 001 三.6),
// the three lists and 首查负责制 (WX-7 003 二(七), WX-9 003 二(九)), warn-before-punish
// (DH-4..6 000 二(二), DH-3 附则), and what Yuancheng and Yunhe say where they set no rule.
#include <gtest/gtest.h>

#include "decision_test_support.hpp"
#include "inspectonce/grading.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;

Result<PenaltyDecision> decide(const char* county, std::vector<std::string> facts, std::string matter = "",
                               std::vector<std::string> areas = {}) {
    return decidePenalty(countyPolicy(county), {std::move(facts), std::move(areas), std::move(matter)});
}

bool hasStep(const PenaltyDecision& d, const std::string& id, const std::string& clause) {
    return std::any_of(d.steps.begin(), d.steps.end(), [&](const PenaltyStep& s) { return s.id == id && s.clause.text() == clause; });
}

bool says(const std::vector<Ground>& grounds, const std::string& zh) {
    return std::any_of(grounds.begin(), grounds.end(), [&](const Ground& g) { return g.text.zh.find(zh) != std::string::npos; });
}

TEST(GradingPenalty, FirstMinorViolationIsNotPenalisedWithACommitment_PY7_001_3_6) {
    auto d = decide("pingyang", {"minor-violation", "corrected-in-time", "no-harm"});
    ASSERT_TRUE(d) << d.error().message();
    EXPECT_EQ(d->outcome, PenaltyOutcome::NoPenalty);
    EXPECT_EQ(d->rule, "first-violation");
    EXPECT_EQ(d->severity, "first-minor");
    EXPECT_TRUE(hasStep(*d, "written-commitment", "001 三.6"));
    EXPECT_TRUE(hasStep(*d, "follow-up", "001 四(二)"));  // spared enterprises stay under follow-up
    EXPECT_FALSE(d->legalReview);
    EXPECT_FALSE(d->collectiveDecision);
    EXPECT_TRUE(d->covered);
}

TEST(GradingPenalty, MissingOneConditionMeansByLaw_PY7) {
    auto d = decide("pingyang", {"minor-violation", "no-harm"});
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, PenaltyOutcome::Normal);
    EXPECT_EQ(d->rule, "by-law");
    EXPECT_TRUE(says(d->grounds, "不符合“首违不罚”的条件"));
    EXPECT_FALSE(d->legalReview);
}

TEST(GradingPenalty, SeriousViolationNeedsLegalReviewAndACollectiveDecision_PY7_001_3_6) {
    auto d = decide("pingyang", {"serious-violation"});
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, PenaltyOutcome::Normal);
    EXPECT_TRUE(d->legalReview);
    EXPECT_TRUE(d->collectiveDecision);
    EXPECT_FALSE(d->deferral);
    std::string text = describe(*d, countyPolicy("pingyang"), Language::Chinese);
    EXPECT_NE(text.find("【须】处罚前严格履行法制审核  —  001 三.6"), std::string::npos) << text;
    EXPECT_NE(text.find("【须】处罚前集体决策  —  001 三.6"), std::string::npos);
}

TEST(GradingPenalty, HardshipAllowsDeferralOnlyWhereAFineIsPossible_PY7_001_3_6) {
    auto fined = decide("pingyang", {"serious-violation", "hardship"});
    ASSERT_TRUE(fined);
    ASSERT_TRUE(fined->deferral);
    EXPECT_EQ(fined->deferral->clause.text(), "001 三.6");
    EXPECT_NE(fined->deferral->text.zh.find("延期或者分期缴纳罚款"), std::string::npos);
    auto spared = decide("pingyang", {"minor-violation", "corrected-in-time", "no-harm", "hardship"});
    ASSERT_TRUE(spared);
    EXPECT_FALSE(spared->deferral);
    EXPECT_TRUE(says(spared->notes, "不涉及罚款"));
}

TEST(GradingPenalty, TheThreeListsDecideByMatterAndTheEntrysConditions_WX7_003_2_7) {
    auto none = decide("wuxi", {"first-time", "corrected-in-time"}, "license-not-displayed");
    ASSERT_TRUE(none) << none.error().message();
    EXPECT_EQ(none->outcome, PenaltyOutcome::NoPenalty);
    EXPECT_TRUE(hasStep(*none, "soft-enforcement", "003 二(七)"));
    EXPECT_TRUE(says(none->grounds, "在不予处罚事项清单内（示例条目）"));
    EXPECT_TRUE(says(none->notes, "此处事项为示例"));

    auto reduced = decide("wuxi", {"harm-mitigated"}, "unregistered-change");
    ASSERT_TRUE(reduced);
    EXPECT_EQ(reduced->outcome, PenaltyOutcome::Reduced);
    auto lighter = decide("wuxi", {"corrected-in-time"}, "price-not-marked");
    ASSERT_TRUE(lighter);
    EXPECT_EQ(lighter->outcome, PenaltyOutcome::Lighter);
}

TEST(GradingPenalty, AnEntryWithoutItsConditionsOrAMatterOffTheListsIsByLaw_WX7) {
    auto lacking = decide("wuxi", {"corrected-in-time"}, "license-not-displayed");
    ASSERT_TRUE(lacking);
    EXPECT_EQ(lacking->outcome, PenaltyOutcome::Normal);
    EXPECT_TRUE(says(lacking->grounds, "该清单条目还需：初次违法"));
    auto off = decide("wuxi", {"first-time"}, "illegal-building");
    ASSERT_TRUE(off);
    EXPECT_EQ(off->outcome, PenaltyOutcome::Normal);
    EXPECT_TRUE(says(off->grounds, "不在本地的处罚清单内"));
    EXPECT_EQ(off->rule, "by-law");
}

TEST(GradingPenalty, SameFactsSameOpinionAndKey_WX9_003_2_9) {
    auto a = decide("wuxi", {"first-time", "corrected-in-time"}, "license-not-displayed");
    auto b = decide("wuxi", {"corrected-in-time", "first-time", "corrected-in-time"}, "license-not-displayed");
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(toJson(*a).dump(), toJson(*b).dump());
    EXPECT_EQ(describe(*a, countyPolicy("wuxi"), Language::English), describe(*b, countyPolicy("wuxi"), Language::English));
    EXPECT_EQ(a->caseKey.size(), 16u);
    ASSERT_TRUE(a->consistency);
    EXPECT_EQ(a->consistency->clause.text(), "003 二(九)");
    auto other = decide("wuxi", {"first-time"}, "license-not-displayed");
    ASSERT_TRUE(other);
    EXPECT_NE(other->caseKey, a->caseKey);
    auto otherMatter = decide("wuxi", {"first-time", "corrected-in-time"}, "price-not-marked");
    ASSERT_TRUE(otherMatter);
    EXPECT_NE(otherMatter->caseKey, a->caseKey);
}

TEST(GradingPenalty, WarnBeforePunishDependsOnRectification_DH4_DH5_000_2_2) {
    std::vector<std::string> general{"first-time-light", "no-intent", "rectifiable"};
    auto pending = decide("dinghai", general);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->outcome, PenaltyOutcome::NoPenaltyIfRectified);
    ASSERT_TRUE(pending->otherwise);
    EXPECT_EQ(pending->otherwise->clause.text(), "000 二(二)2");
    EXPECT_TRUE(hasStep(*pending, "urgent-warning", "000 二(二)2"));  // the severity's disposition

    general.push_back("rectified");
    auto rectified = decide("dinghai", general);
    ASSERT_TRUE(rectified);
    EXPECT_EQ(rectified->outcome, PenaltyOutcome::NoPenalty);
    general.back() = "not-rectified";
    auto notRectified = decide("dinghai", general);
    ASSERT_TRUE(notRectified);
    EXPECT_EQ(notRectified->outcome, PenaltyOutcome::Normal);

    // Minor: even when not corrected in time, rectification still spares the penalty.
    auto minor = decide("dinghai", {"slight", "no-consequence", "no-intent", "not-rectified"});
    ASSERT_TRUE(minor);
    EXPECT_EQ(minor->outcome, PenaltyOutcome::NoPenaltyIfRectified);
    EXPECT_EQ(minor->rule, "minor");
    ASSERT_TRUE(minor->otherwise);
    EXPECT_NE(minor->otherwise->text.zh.find("紧急预警"), std::string::npos);

    auto both = decide("dinghai", {"rectified", "not-rectified"});
    ASSERT_FALSE(both);
    EXPECT_NE(both.error().why.find("\"rectified\" and \"not-rectified\" cannot both hold"), std::string::npos);
}

TEST(GradingPenalty, ProminentAndExcludedAreByLaw_DH6_DH3) {
    auto prominent = decide("dinghai", {"large-impact", "rectified"});
    ASSERT_TRUE(prominent);
    EXPECT_EQ(prominent->outcome, PenaltyOutcome::Normal);
    EXPECT_EQ(prominent->rule, "prominent");
    auto excluded = decide("dinghai", {"slight", "no-consequence", "no-intent", "rectified"}, "", {"epidemic-prevention"});
    ASSERT_TRUE(excluded);
    EXPECT_EQ(excluded->severity, "excluded");
    EXPECT_EQ(excluded->outcome, PenaltyOutcome::Normal);
    EXPECT_EQ(excluded->rule, "excluded");
    EXPECT_EQ(excluded->clauses().front(), "000 附则");
}

TEST(GradingPenalty, CountiesWithoutPenaltyRulesSaySoAndStillAddWhatTheySay_YC_YH) {
    auto yh = decide("yunhe", {});
    ASSERT_TRUE(yh);
    EXPECT_FALSE(yh->covered);
    EXPECT_EQ(yh->outcome, PenaltyOutcome::Normal);
    EXPECT_EQ(yh->clauses(), (std::vector<std::string>{"004 二(十)"}));

    auto yc = decide("yuancheng", {"new-business-form"});
    ASSERT_TRUE(yc);
    EXPECT_FALSE(yc->covered);
    EXPECT_TRUE(hasStep(*yc, "observation-period", "002 三(二)3"));
    auto unsafe = decide("yuancheng", {"new-business-form", "public-safety-harm"});
    ASSERT_TRUE(unsafe);
    EXPECT_FALSE(hasStep(*unsafe, "observation-period", "002 三(二)3"));
    auto seized = decide("yuancheng", {"seizure-or-freeze"});
    ASSERT_TRUE(seized);
    EXPECT_TRUE(hasStep(*seized, "keep-working-capital", "002 三(二)3"));
}

TEST(GradingPenalty, BadInputIsPrecise) {
    auto unknown = decide("pingyang", {"first-offence"});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().where, "--facts");
    EXPECT_NE(unknown.error().why.find("hardship (确有经济困难"), std::string::npos);  // penalty facts are listed too
    EXPECT_NE(unknown.error().why.find("minor-violation (违法行为轻微"), std::string::npos);
    auto matter = decide("wuxi", {}, "Price Tags");
    ASSERT_FALSE(matter);
    EXPECT_EQ(matter.error().where, "--matter");
}

TEST(GradingPenalty, OutcomeNamesRoundTrip) {
    for (auto o : {PenaltyOutcome::NoPenalty, PenaltyOutcome::NoPenaltyIfRectified, PenaltyOutcome::Reduced, PenaltyOutcome::Lighter,
                   PenaltyOutcome::Normal}) {
        auto parsed = parsePenaltyOutcome(toString(o));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, o);
        EXPECT_FALSE(label(o).zh.empty());
    }
    EXPECT_FALSE(parsePenaltyOutcome("lenient"));
}

}  // namespace
}  // namespace inspectonce
