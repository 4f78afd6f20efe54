// County parameter files: parsed with precise errors, and their blackout periods resolved
// to days of a month, respecting the document's dates. Clauses: 001 三.1, 004 二(三), 002 五.
#include <gtest/gtest.h>

#include "inspectonce/policy.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

using test::month;

PolicyData county(const std::string& id) {
    auto policy = PolicyData::fromJson(test::readFile(test::sourcePath("policies/" + id + ".json")), id + ".json");
    EXPECT_TRUE(policy) << policy.error().message();
    return policy.value();
}

std::vector<std::string> isoDays(const MonthBlackouts& blackouts) {
    std::vector<std::string> out;
    for (const auto& d : blackouts.days) out.push_back(d.day.date.iso());
    return out;
}

std::string withPeriod(const std::string& periodJson) {
    return R"json({"schema":2,"county":"t","name":{"zh":"县","en":"T"},"region":{"zh":"省","en":"P"},
      "document":{"seed":"004","file":"004_x.txt","title":{"zh":"文","en":"D"}},
      "blackouts":[{"id":"q","name":{"zh":"期","en":"q"},"period":)json" + periodJson +
           R"json(,"clause":"004 二(三)","rule":{"zh":"规","en":"r"}}]})json";
}

TEST(PolicyData, YunheQuietPeriodIsTheLastTenDaysClause004_2_3) {
    auto yunhe = county("yunhe");
    auto feb = blackoutDays(yunhe, month("2026-02"));
    ASSERT_TRUE(feb);
    EXPECT_EQ(feb->days.size(), 8u);  // 下旬 of a 28-day February: 21–28
    EXPECT_EQ(feb->days.front().day.date.iso(), "2026-02-21");
    EXPECT_EQ(feb->days.front().rule->clause.text(), "004 二(三)");
    auto jan = blackoutDays(yunhe, month("2026-01"));
    ASSERT_TRUE(jan);
    EXPECT_EQ(jan->days.size(), 11u);  // 21–31
    EXPECT_EQ(jan->days.back().day.date.iso(), "2026-01-31");
}

TEST(PolicyData, YunheRulesStartOnTheDayTheDocumentWasIssued) {
    auto yunhe = county("yunhe");
    auto june = blackoutDays(yunhe, month("2025-06"));
    ASSERT_TRUE(june);
    EXPECT_TRUE(june->days.empty());
    ASSERT_TRUE(june->note);
    EXPECT_EQ(june->note->en, "this month is before the document took effect (2025-07-11)");
    auto july = blackoutDays(yunhe, month("2025-07"));
    ASSERT_TRUE(july);
    EXPECT_EQ(july->days.size(), 11u);  // issued 07-11, so 21–31 all apply
}

TEST(PolicyData, PingyangServiceWeekIsTheSecondIsoWeekClause001_3_1) {
    auto pingyang = county("pingyang");
    // October 2026 starts on a Thursday: week 1 is Sep 28–Oct 4, week 2 Oct 5–11, which
    // holds the last National Day holidays (5–7) and the adjusted working Saturday (10).
    auto october = blackoutDays(pingyang, month("2026-10"));
    ASSERT_TRUE(october);
    EXPECT_EQ(isoDays(*october), (std::vector<std::string>{"2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08",
                                                           "2026-10-09", "2026-10-10", "2026-10-11"}));
    EXPECT_EQ(october->days[0].day.kind, DayKind::Holiday);
    EXPECT_EQ(october->days[5].day.kind, DayKind::AdjustedWorkday);
    EXPECT_EQ(october->days[0].rule->clause.text(), "001 三.1");
    // February 2026 starts on a Sunday: week 1 is Feb 2–8, so the service week is Feb 9–15.
    auto february = blackoutDays(pingyang, month("2026-02"));
    ASSERT_TRUE(february);
    EXPECT_EQ(february->days.front().day.date.iso(), "2026-02-09");
    EXPECT_EQ(february->days.back().day.date.iso(), "2026-02-15");
}

TEST(PolicyData, YuanchengTrialEndedAfterOneYearClause002_5) {
    auto yuancheng = county("yuancheng");
    EXPECT_TRUE(yuancheng.document.inForceOn(test::date("2024-08-05")));
    EXPECT_TRUE(yuancheng.document.inForceOn(test::date("2025-08-04")));
    EXPECT_FALSE(yuancheng.document.inForceOn(test::date("2025-08-05")));
    EXPECT_FALSE(yuancheng.document.inForceOn(test::date("2024-08-04")));
}

TEST(PolicyData, CountiesWithoutBlackoutsHaveNone) {
    for (const char* id : {"dinghai", "yuancheng", "wuxi"}) {
        auto days = blackoutDays(county(id), month("2026-03"));
        ASSERT_TRUE(days);
        EXPECT_TRUE(days->days.empty()) << id;
        EXPECT_FALSE(days->note) << id;
    }
}

TEST(PolicyData, AMonthOutsideTheCalendarIsAnErrorNotAGuess) {
    auto days = blackoutDays(county("yunhe"), month("2031-05"));
    ASSERT_FALSE(days);
    EXPECT_EQ(days.error().where, "2031-05");
    EXPECT_NE(days.error().why.find("2031"), std::string::npos) << days.error().why;
}

TEST(PolicyData, ADayRangeIsClippedToShortMonths) {
    auto policy = PolicyData::fromJson(withPeriod(R"json({"days":[25,31]})json"), "t.json");
    ASSERT_TRUE(policy) << policy.error().message();
    auto feb = blackoutDays(*policy, month("2026-02"));
    ASSERT_TRUE(feb);
    EXPECT_EQ(isoDays(*feb), (std::vector<std::string>{"2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28"}));
}

struct BadFile {
    const char* name;
    std::string json;
    std::string where;
    std::string why;
};

class PolicyDataErrors : public testing::TestWithParam<BadFile> {};

TEST_P(PolicyDataErrors, SayWhereAndWhy) {
    auto policy = PolicyData::fromJson(GetParam().json, "t.json");
    ASSERT_FALSE(policy);
    EXPECT_EQ(policy.error().where, GetParam().where);
    EXPECT_EQ(policy.error().why, GetParam().why);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PolicyDataErrors,
    testing::Values(
        BadFile{"syntax", "{\"schema\": 1,\n  \"county\": }", "t.json:2:13", "malformed JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"},
        BadFile{"two_kinds", withPeriod(R"json({"dekad":3,"week":2})json"), "t.json at /blackouts/0/period",
                "expected exactly one of \"dekad\", \"week\" or \"days\", found an object"},
        BadFile{"week_out_of_range", withPeriod(R"json({"week":5})json"), "t.json at /blackouts/0/period/week",
                "expected an integer from 1 to 4, found 5"},
        BadFile{"first_week_rule", withPeriod(R"json({"week":2,"first_week":"sunday"})json"),
                "t.json at /blackouts/0/period/first_week", "expected \"iso\" or \"contains-day-1\", found \"sunday\""},
        BadFile{"reversed_days", withPeriod(R"json({"days":[20,11]})json"), "t.json at /blackouts/0/period/days/1",
                "expected an integer from 20 to 31, found 11"},
        BadFile{"unknown_field", withPeriod(R"json({"dekad":3,"dekda":1})json"), "t.json at /blackouts/0/period",
                "unknown field \"dekda\" (allowed: dekad, week, first_week, days)"},
        BadFile{"bad_clause", R"json({"schema":2,"county":"t","name":{"zh":"县","en":"T"},"region":{"zh":"省","en":"P"},
              "document":{"seed":"004","file":"004_x.txt","title":{"zh":"文","en":"D"}},
              "blackouts":[{"id":"q","name":{"zh":"期","en":"q"},"period":{"dekad":3},"clause":"二(三)","rule":{"zh":"规","en":"r"}}]})json",
                "t.json at /blackouts/0/clause",
                "expected a clause such as \"004 二(三)\" (seed number, space, clause), found \"二(三)\""},
        BadFile{"bad_county", R"json({"schema":2,"county":"Yun He"})json", "t.json at /county",
                "expected a county id of lowercase letters, digits and '-', found \"Yun He\""},
        BadFile{"missing_name", R"json({"schema":2,"county":"t"})json", "t.json at /", "missing required field \"name\""},
        BadFile{"bad_date", R"json({"schema":2,"county":"t","name":{"zh":"县","en":"T"},"region":{"zh":"省","en":"P"},
              "document":{"seed":"004","file":"004_x.txt","title":{"zh":"文","en":"D"},"issued":"2025-02-30"}})json",
                "t.json at /document/issued", "2025-02-30: February 2025 has 28 days"},
        BadFile{"schema", R"json({"schema":1})json", "t.json at /schema", "expected an integer from 2 to 2, found 1"}),
    [](const testing::TestParamInfo<BadFile>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace inspectonce
