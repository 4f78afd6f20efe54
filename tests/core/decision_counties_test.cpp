// The other four counties' decisions: Pingyang's service week (001 三.1, 三.3), Yuancheng's
// trial dates, plans and direct cases (002 五, 三(三)1, 三(三)4), Wuxi's same-kind and
// cross-level rules (003 二(二)-(四)), Dinghai's finding grades (000 二(二), 附则).
#include <gtest/gtest.h>

#include "decision_test_support.hpp"
#include "inspectonce/exceptions.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;
using test::inspection;

TEST(DecisionPingyang, ServiceWeekRefusesAndListsTheExceptions_001_3_1) {
    auto d = decide(countyPolicy("pingyang"), inspection("2026-10-10"));  // adjusted working Saturday in week 2
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
    EXPECT_EQ(d->reasons[0].clause.text(), "001 三.1");
    EXPECT_NE(d->reasons[0].text.en.find("work-safety, food-drug-safety, environment"), std::string::npos);
}

TEST(DecisionPingyang, AnExceptionObligesFilingAfterwardsWithoutADeadline_001_3_3) {
    auto r = inspection("2026-10-10");
    r.exception = "emergency";
    auto d = decide(countyPolicy("pingyang"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::AllowedWithObligations);
    const auto* after = test::obligation(*d, "service-week-after-filing");
    ASSERT_TRUE(after);
    EXPECT_FALSE(after->due);
    EXPECT_EQ(after->clause.text(), "001 三.3");
}

TEST(DecisionPingyang, NoFilingNoInspection_001_3_3) {
    auto r = inspection("2026-03-20");
    r.filingDate = test::date("2026-03-21");
    auto d = decide(countyPolicy("pingyang"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
}

TEST(DecisionYuancheng, TrialRunsFrom2024_08_05To2025_08_04_002_5) {
    const auto& yc = countyPolicy("yuancheng");
    for (const char* day : {"2024-08-05", "2025-08-04"}) {
        auto d = decide(yc, inspection(day));
        ASSERT_TRUE(d);
        EXPECT_TRUE(d->inForce) << day;
        EXPECT_TRUE(test::cites(*d, "002 三(三)1")) << day;
    }
    for (const char* day : {"2024-08-04", "2025-08-05"}) {
        auto d = decide(yc, inspection(day));
        ASSERT_TRUE(d);
        EXPECT_FALSE(d->inForce) << day;
        EXPECT_EQ(d->clauses(), std::vector<std::string>{"002 五"}) << day;
    }
}

TEST(DecisionYuancheng, PlanAWeekAheadDirectCasesReportWithin3WorkingDays_002_3_3) {
    auto planned = decide(countyPolicy("yuancheng"), inspection("2025-03-10"));
    ASSERT_TRUE(planned);
    EXPECT_EQ(test::obligation(*planned, "park-plan")->due->iso(), "2025-03-03");
    auto r = inspection("2025-03-14");  // Friday
    r.exception = "urgent";
    auto direct = decide(countyPolicy("yuancheng"), r);
    ASSERT_TRUE(direct);
    EXPECT_FALSE(test::obligation(*direct, "park-plan"));
    const auto* report = test::obligation(*direct, "park-report-after");
    ASSERT_TRUE(report);
    EXPECT_EQ(report->due->iso(), "2025-03-19");
    EXPECT_EQ(report->clause.text(), "002 三(三)4");
}

TEST(DecisionYuancheng, NineDemandAndEightComplaintCategories_002_2) {
    const auto& yc = countyPolicy("yuancheng");
    ASSERT_TRUE(yc.demandCategories && yc.complaintCategories);
    EXPECT_EQ(yc.demandCategories->items.size(), 9u);
    EXPECT_EQ(yc.complaintCategories->items.size(), 8u);
    EXPECT_EQ(yc.demandCategories->items[8].clause.text(), "002 二(一)9");
    EXPECT_EQ(yc.complaintCategories->items[1].name.zh, "随意检查类");
}

TEST(DecisionWuxi, NoSeparateSameKindInspectionAfterAJointOne_003_2_2) {
    auto r = inspection("2026-05-11");
    auto joint = test::visit("2026-03-02", "environment", "fire");
    joint.joint = true;
    r.history = {joint};
    auto d = decide(countyPolicy("wuxi"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
    r.exception = "key-area-campaign";
    auto lifted = decide(countyPolicy("wuxi"), r);
    ASSERT_TRUE(lifted);
    EXPECT_EQ(lifted->outcome, Outcome::Allowed);
}

TEST(DecisionWuxi, OneInspectionAcrossLevels_003_2_4) {
    auto r = inspection("2026-05-11");
    r.level = DepartmentLevel::Town;
    auto city = test::visit("2026-04-01", "city-market", "fire");
    city.level = DepartmentLevel::City;
    r.history = {city};
    auto d = decide(countyPolicy("wuxi"), r);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->outcome, Outcome::Refused);
    EXPECT_TRUE(test::cites(*d, "003 二(四)"));
}

TEST(DecisionDinghai, FindingGrades_000_2_2_AndTheExcludedAreas_000_Appendix) {
    Policy dinghai(countyPolicy("dinghai"));
    auto minor = dinghai.gradeFinding({"slight", "no-consequence", "no-intent"}, {});
    ASSERT_TRUE(minor);
    EXPECT_EQ(*minor->level, "minor");
    ASSERT_TRUE(minor->disposition);
    EXPECT_EQ(minor->disposition->steps[0].id, "warning");
    auto prominent = dinghai.gradeFinding({"public-report", "no-intent", "rectifiable", "no-obvious-harm"}, {});
    ASSERT_TRUE(prominent);
    EXPECT_EQ(*prominent->level, "prominent");  // precedence: a public report makes it prominent
    auto outside = dinghai.gradeFinding({"slight"}, {"food-safety"});
    ASSERT_TRUE(outside);
    EXPECT_TRUE(outside->outside);
    EXPECT_EQ(outside->clauses[0].text(), "000 附则");
    auto unknown = dinghai.gradeFinding({"rainy"}, {});
    ASSERT_FALSE(unknown);
}

TEST(DecisionEngine, SameRequestSameBytes) {
    auto r = inspection("2026-03-23");
    r.kind = InspectionKind::Survey;
    auto a = decide(countyPolicy("yunhe"), r);
    auto b = decide(countyPolicy("yunhe"), r);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(toJson(*a).dump(), toJson(*b).dump());
    EXPECT_EQ(describe(*a, countyPolicy("yunhe"), Language::Chinese), describe(*b, countyPolicy("yunhe"), Language::Chinese));
    EXPECT_EQ(std::string(toString(a->outcome)), "allowed-with-obligations");
}

TEST(DecisionEngine, ExceptionVocabularyHasBilingualNames) {
    for (const auto& reason : exceptionVocabulary()) {
        EXPECT_FALSE(reason.name.zh.empty()) << reason.id;
        EXPECT_FALSE(reason.name.en.empty()) << reason.id;
    }
    EXPECT_TRUE(findException("work-safety"));
    auto bad = parseException("weather");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().why.find("known: work-safety"), std::string::npos);
}

TEST(DecisionEngine, RequestAndHistoryFromJsonNameTheField) {
    auto history = historyFromJson(R"([{"date":"2026-01-02","department":"m","item":"x","method":"onsite"}])", "h.json");
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().where, "h.json at /0/method");
    EXPECT_EQ(history.error().why, "method must be on-site or non-site, found 'onsite'");
    auto request = decisionRequestFromJson(nlohmann::json::parse(R"({"date":"2026-01-02","department":"m","grade":"E","kind":"inspection"})"), "r.json");
    ASSERT_FALSE(request);
    EXPECT_EQ(request.error().where, "r.json at /grade");
    auto misspelt = decisionRequestFromJson(nlohmann::json::parse(R"({"date":"2026-01-02","departmnet":"m"})"), "r.json");
    ASSERT_FALSE(misspelt);
    EXPECT_NE(misspelt.error().why.find("unknown field \"departmnet\""), std::string::npos);
}

}  // namespace
}  // namespace inspectonce
