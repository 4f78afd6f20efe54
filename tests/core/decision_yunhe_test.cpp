// Yunhe (004): the quiet period 二(三), caps 二(二) and 二(六), non-site first 二(四), notice
// 二(五), the code 二(十), targets 一, and the day the document took effect (四).
#include <gtest/gtest.h>

#include "decision_test_support.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;
using test::inspection;

TEST(DecisionYunhe, QuietPeriodInspectionNeedsApprovalAndFilingWithin3WorkingDays_004_2_3) {
    auto d = decide(countyPolicy("yunhe"), inspection("2026-03-27"));  // Friday in 下旬
    ASSERT_TRUE(d) << d.error().message();
    EXPECT_EQ(d->outcome, Outcome::AllowedWithObligations);
    ASSERT_TRUE(test::obligation(*d, "quiet-head-approval"));
    const auto* filing = test::obligation(*d, "quiet-inspection-filing");
    ASSERT_TRUE(filing);
    EXPECT_EQ(filing->due->iso(), "2026-04-01");  // Mon 30, Tue 31, Wed 1
    EXPECT_EQ(filing->clause.text(), "004 二(三)");
}

TEST(DecisionYunhe, QuietPeriodSurveyFiledLateIsRefused_004_2_3) {
    auto r = inspection("2026-03-25");
    r.kind = InspectionKind::Survey;
    r.filingDate = test::date("2026-03-23");
    auto d = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
    EXPECT_EQ(d->reasons.front().effect, Effect::Informs);  // "in the quiet period", then the refusal
    bool refusedByQuiet = false;
    for (const auto& reason : d->reasons)
        if (reason.effect == Effect::Refuses && reason.rule == "quiet-period") refusedByQuiet = true;
    EXPECT_TRUE(refusedByQuiet);
}

TEST(DecisionYunhe, ListedExceptionLiftsTheQuietPeriodUnlistedIsRefusedWithTheList_004_2_3) {
    auto r = inspection("2026-03-23");
    r.exception = "major-social-impact";
    auto lifted = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(lifted);
    EXPECT_NE(lifted->outcome, Outcome::Refused);
    EXPECT_FALSE(test::obligation(*lifted, "quiet-head-approval"));

    r.exception = "food-drug-safety";
    auto refused = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->outcome, Outcome::Refused);
    std::string text;
    for (const auto& reason : refused->reasons)
        if (reason.effect == Effect::Refuses) text = reason.text.en;
    EXPECT_NE(text.find("life-property-safety"), std::string::npos) << text;  // the allowed list is given
}

TEST(DecisionYunhe, SeriousDishonestyListIsAnExceptionByItself_004_2_3) {
    auto r = inspection("2026-03-23");
    r.lists = {"serious-dishonesty"};
    auto d = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(d);
    EXPECT_FALSE(test::obligation(*d, "quiet-head-approval"));
}

TEST(DecisionYunhe, ThirdOnSiteInspectionByOneDepartmentIsRefused_004_2_2) {
    auto r = inspection("2026-06-10");
    r.history = {test::visit("2026-01-05", "market", "food"), test::visit("2026-04-05", "market", "gas")};
    auto d = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
    EXPECT_TRUE(test::cites(*d, "004 二(二)"));
    r.grade = CreditGrade::D;  // 004 二(六): D may be inspected more often
    auto dGrade = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(dGrade);
    EXPECT_NE(dGrade->outcome, Outcome::Refused);
}

TEST(DecisionYunhe, GradeAIsExemptGradeBCappedAtOne_004_2_6) {
    auto a = decide(countyPolicy("yunhe"), inspection("2026-06-10", CreditGrade::A));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->outcome, Outcome::Refused);
    auto r = inspection("2026-06-10", CreditGrade::B);
    r.history = {test::visit("2026-02-05", "market", "food")};
    auto b = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->outcome, Outcome::Refused);
}

TEST(DecisionYunhe, NonSiteWithoutViolationMakesOnSiteUnnecessary_004_2_4) {
    auto r = inspection("2026-06-10");
    r.history = {test::visit("2026-05-05", "market", "fire", Method::NonSite)};
    auto d = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
    r.history[0].violation = true;
    auto followUp = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(followUp);
    EXPECT_NE(followUp->outcome, Outcome::Refused);
}

TEST(DecisionYunhe, NoticeFiveWorkingDaysAheadCountsTheCalendar_004_2_5) {
    auto d = decide(countyPolicy("yunhe"), inspection("2026-10-09"));  // after National Day
    ASSERT_TRUE(d);
    const auto* notice = test::obligation(*d, "advance-notice");
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->due->iso(), "2026-09-24");  // the National Day holiday does not count (calendar_official_test)
}

TEST(DecisionYunhe, BeforeTheDocumentNoRuleAppliesAndTheDecisionSaysSo_004_4) {
    auto d = decide(countyPolicy("yunhe"), inspection("2025-07-10"));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Allowed);
    EXPECT_FALSE(d->inForce);
    ASSERT_EQ(d->reasons.size(), 1u);
    EXPECT_EQ(d->reasons[0].clause.text(), "004 四");
    EXPECT_NE(d->reasons[0].text.en.find("not in force on 2025-07-10"), std::string::npos) << d->reasons[0].text.en;
}

TEST(DecisionYunhe, TargetsByYear_004_1) {
    Policy policy(countyPolicy("yunhe"));
    ASSERT_EQ(policy.targetsFor(2025).size(), 1u);
    EXPECT_EQ(policy.targetsFor(2025)[0]->minPercent, 60);
    EXPECT_EQ(policy.targetsFor(2026)[0]->minPercent, 70);
    EXPECT_EQ(policy.targetsFor(2027)[0]->minPercent, 80);
    EXPECT_EQ(policy.targetsFor(2027)[0]->strength, Strength::Should);  // 力争
    EXPECT_TRUE(policy.targetsFor(2024).empty());
}

TEST(DecisionYunhe, GradeBLongerQuietPeriodIsAParameterTheDocumentDoesNotFix_004_2_6) {
    const auto& yunhe = countyPolicy("yunhe");
    ASSERT_EQ(yunhe.blackouts[0].extensions.size(), 1u);
    EXPECT_EQ(yunhe.blackouts[0].extensions[0].daysBefore, 0);
    auto d = decide(yunhe, inspection("2026-06-10", CreditGrade::B));
    ASSERT_TRUE(d);
    EXPECT_TRUE(test::cites(*d, "004 二(六)"));
    // A county that fixes the length: 5 days longer starts the quiet period on the 16th.
    PolicyData longer = yunhe;
    longer.blackouts[0].extensions[0].daysBefore = 5;
    auto on16 = Policy(longer).blackoutsOn(test::date("2026-06-16"), CreditGrade::B);
    ASSERT_TRUE(on16);
    EXPECT_EQ(on16->size(), 1u);
    auto forC = Policy(longer).blackoutsOn(test::date("2026-06-16"), CreditGrade::C);
    ASSERT_TRUE(forC);
    EXPECT_TRUE(forC->empty());
}

TEST(DecisionYunhe, ADateOutsideTheCalendarIsAnError) {
    auto d = decide(countyPolicy("yunhe"), inspection("2030-03-23"));
    ASSERT_FALSE(d);
    EXPECT_NE(d.error().message().find("2030"), std::string::npos) << d.error().message();
}

TEST(DecisionYunhe, AnUnknownExceptionIsAnError) {
    auto r = inspection("2026-03-23");
    r.exception = "rainy-day";
    auto d = decide(countyPolicy("yunhe"), r);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().where, "exception");
    EXPECT_NE(d.error().why.find("unknown exception \"rainy-day\""), std::string::npos);
}

}  // namespace
}  // namespace inspectonce
