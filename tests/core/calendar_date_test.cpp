// Civil dates, months and ranges: the arithmetic every deadline rests on.
#include <gtest/gtest.h>

#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

Date date(std::string_view iso) {
    auto parsed = Date::parse(iso);
    EXPECT_TRUE(parsed.ok()) << parsed.error().message();
    return parsed.ok() ? parsed.value() : Date();
}

std::string parseError(std::string_view iso) {
    auto parsed = Date::parse(iso);
    EXPECT_FALSE(parsed.ok()) << "parsed \"" << iso << "\" as " << parsed.value().iso();
    return parsed.ok() ? "" : parsed.error().message();
}

TEST(CalendarDate, ParsesFieldsAndPrintsThemBack) {
    Date d = date("2026-02-15");
    EXPECT_EQ(d.year(), 2026);
    EXPECT_EQ(d.month(), 2);
    EXPECT_EQ(d.day(), 15);
    EXPECT_EQ(d.iso(), "2026-02-15");
    EXPECT_EQ(date("0001-01-01").iso(), "0001-01-01");
    EXPECT_EQ(date("9999-12-31").iso(), "9999-12-31");
}

TEST(CalendarDate, LeapDaysFollowTheGregorianRule) {
    EXPECT_EQ(date("2024-02-29").iso(), "2024-02-29");
    EXPECT_EQ(date("2000-02-29").iso(), "2000-02-29");
    EXPECT_EQ(parseError("2026-02-29"), "2026-02-29: February 2026 has 28 days");
    EXPECT_EQ(parseError("1900-02-29"), "1900-02-29: February 1900 has 28 days");
    EXPECT_EQ(parseError("2024-02-30"), "2024-02-30: February 2024 has 29 days");
}

TEST(CalendarDate, ImpossibleFieldsSayWhy) {
    EXPECT_EQ(parseError("2026-02-30"), "2026-02-30: February 2026 has 28 days");
    EXPECT_EQ(parseError("2026-04-31"), "2026-04-31: April 2026 has 30 days");
    EXPECT_EQ(parseError("2026-13-01"), "2026-13-01: there is no month 13");
    EXPECT_EQ(parseError("2026-00-10"), "2026-00-10: there is no month 0");
    EXPECT_EQ(parseError("2026-01-00"), "2026-01-00: there is no day 0");
    EXPECT_EQ(parseError("2026-01-32"), "2026-01-32: January 2026 has 31 days");
}

TEST(CalendarDate, OnlyTheExactIsoShapeIsAccepted) {
    EXPECT_EQ(parseError("2026-1-5"), "2026-1-5: expected YYYY-MM-DD");
    EXPECT_EQ(parseError("abc"), "abc: expected YYYY-MM-DD");
    EXPECT_EQ(parseError(""), "expected YYYY-MM-DD");
    for (std::string_view text : {"2026-01-05 ", " 2026-01-05", "2026/01/05", "20260105", "2026-01-05T08:00",
                                  "2026-01-5", "26-01-05", "+2026-01-05", "2026-0a-05", "２０２６-01-05"}) {
        auto parsed = Date::parse(text);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.error().where, text);
        EXPECT_EQ(parsed.error().why, "expected YYYY-MM-DD") << text;
    }
}

TEST(CalendarDate, FromYmdChecksLikeParse) {
    EXPECT_EQ(Date::fromYmd(2026, 2, 15).value(), date("2026-02-15"));
    auto bad = Date::fromYmd(2026, 2, 29);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message(), "2026-02-29: February 2026 has 28 days");
    EXPECT_FALSE(Date::fromYmd(10000, 1, 1).ok());
    EXPECT_FALSE(Date::fromYmd(-1, 1, 1).ok());
    EXPECT_FALSE(Date::fromYmd(2026, 12, -3).ok());
}

TEST(CalendarDate, DayNumbersCountFrom1970) {
    EXPECT_EQ(date("1970-01-01").dayNumber(), 0);
    EXPECT_EQ(date("1969-12-31").dayNumber(), -1);
    EXPECT_EQ(date("2000-03-01").dayNumber(), 11017);
    EXPECT_EQ(date("2026-01-01").dayNumber(), 20454);
    EXPECT_EQ(Date::fromDayNumber(20454).iso(), "2026-01-01");
    EXPECT_EQ(Date::fromDayNumber(-719468).iso(), "0000-03-01");
    EXPECT_EQ(Date().iso(), "1970-01-01");
}

TEST(CalendarDate, WeekdaysOfKnownDates) {
    EXPECT_EQ(date("1970-01-01").weekday(), Weekday::Thursday);
    EXPECT_EQ(date("1969-12-31").weekday(), Weekday::Wednesday);
    EXPECT_EQ(date("2000-01-01").weekday(), Weekday::Saturday);
    EXPECT_EQ(date("2022-12-31").weekday(), Weekday::Saturday);
    EXPECT_EQ(date("2024-02-29").weekday(), Weekday::Thursday);
    EXPECT_EQ(date("2026-02-01").weekday(), Weekday::Sunday);
    EXPECT_EQ(date("2026-02-14").weekday(), Weekday::Saturday);
    EXPECT_EQ(date("2026-05-01").weekday(), Weekday::Friday);
    EXPECT_EQ(date("2026-10-01").weekday(), Weekday::Thursday);
    EXPECT_EQ(date("2026-10-05").weekday(), Weekday::Monday);
    EXPECT_EQ(date("2026-12-29").weekday(), Weekday::Tuesday);
}

TEST(CalendarDate, StepsAcrossMonthsAndYears) {
    EXPECT_EQ(date("2026-02-28").plusDays(1).iso(), "2026-03-01");
    EXPECT_EQ(date("2024-02-28").plusDays(1).iso(), "2024-02-29");
    EXPECT_EQ(date("2022-12-31").plusDays(1).iso(), "2023-01-01");
    EXPECT_EQ(date("2023-01-01").plusDays(-1).iso(), "2022-12-31");
    EXPECT_EQ(date("2026-01-01").plusDays(365).iso(), "2027-01-01");
    EXPECT_EQ(date("2024-01-01").plusDays(365).iso(), "2024-12-31");
}

TEST(CalendarDate, ComparesInTimeOrder) {
    EXPECT_LT(date("2025-12-31"), date("2026-01-01"));
    EXPECT_LT(date("2026-01-31"), date("2026-02-01"));
    EXPECT_EQ(date("2026-02-15"), Date::fromYmd(2026, 2, 15).value());
    EXPECT_NE(date("2026-02-15"), date("2026-02-16"));
}

// Every day of two centuries: the day numbers, fields, text and month lengths must agree.
TEST(CalendarDate, AgreesWithItselfOverTwoCenturies) {
    Date d = date("1900-01-01");
    int year = 1900, month = 1, day = 1;
    for (; year <= 2100; d = d.plusDays(1)) {
        ASSERT_EQ(d.year(), year);
        ASSERT_EQ(d.month(), month);
        ASSERT_EQ(d.day(), day);
        auto reparsed = Date::parse(d.iso());
        ASSERT_TRUE(reparsed.ok()) << d.iso();
        ASSERT_EQ(reparsed.value(), d);
        ASSERT_EQ(static_cast<int>(d.plusDays(7).weekday()), static_cast<int>(d.weekday()));
        if (++day <= daysInMonth(year, month)) continue;
        day = 1;
        if (++month <= 12) continue;
        month = 1;
        ++year;
    }
    EXPECT_EQ(d.iso(), "2101-01-01");
}

TEST(CalendarDate, DaysInMonth) {
    EXPECT_EQ(daysInMonth(2026, 1), 31);
    EXPECT_EQ(daysInMonth(2026, 2), 28);
    EXPECT_EQ(daysInMonth(2024, 2), 29);
    EXPECT_EQ(daysInMonth(2000, 2), 29);
    EXPECT_EQ(daysInMonth(1900, 2), 28);
    EXPECT_EQ(daysInMonth(2026, 4), 30);
    EXPECT_EQ(daysInMonth(2026, 12), 31);
    EXPECT_EQ(daysInMonth(2026, 13), 0);
}

TEST(CalendarYearMonth, ParsesStrictly) {
    auto february = YearMonth::parse("2026-02");
    ASSERT_TRUE(february.ok());
    EXPECT_EQ(february->year, 2026);
    EXPECT_EQ(february->month, 2);
    EXPECT_EQ(YearMonth::parse("2026-2").error().message(), "2026-2: expected YYYY-MM");
    EXPECT_EQ(YearMonth::parse("2026-13").error().message(), "2026-13: there is no month 13");
    EXPECT_EQ(YearMonth::parse("2026-00").error().message(), "2026-00: there is no month 0");
    EXPECT_FALSE(YearMonth::parse("2026-02-01").ok());
    EXPECT_FALSE(YearMonth::parse("2026-02 ").ok());
    EXPECT_FALSE(YearMonth::parse("").ok());
}

TEST(CalendarYearMonth, FirstLastNextPrevious) {
    YearMonth february{2026, 2};
    EXPECT_EQ(february.first().iso(), "2026-02-01");
    EXPECT_EQ(february.last().iso(), "2026-02-28");
    EXPECT_EQ((YearMonth{2024, 2}.last().iso()), "2024-02-29");
    EXPECT_EQ((YearMonth{2026, 12}.last().iso()), "2026-12-31");
    EXPECT_EQ(february.iso(), "2026-02");
    EXPECT_EQ((YearMonth{2026, 12}.next()), (YearMonth{2027, 1}));
    EXPECT_EQ((YearMonth{2026, 1}.previous()), (YearMonth{2025, 12}));
    EXPECT_EQ(february.next().previous(), february);
    EXPECT_EQ(YearMonth::of(date("2026-02-28")), february);
    EXPECT_LT((YearMonth{2025, 12}), (YearMonth{2026, 1}));
    EXPECT_LT((YearMonth{2026, 1}), (YearMonth{2026, 2}));
}

TEST(CalendarDateRange, IsInclusive) {
    DateRange range{date("2026-02-21"), date("2026-02-28")};
    EXPECT_EQ(range.days(), 8);
    EXPECT_TRUE(range.contains(date("2026-02-21")));
    EXPECT_TRUE(range.contains(date("2026-02-28")));
    EXPECT_FALSE(range.contains(date("2026-02-20")));
    EXPECT_FALSE(range.contains(date("2026-03-01")));
    EXPECT_EQ((DateRange{date("2026-02-21"), date("2026-02-21")}.days()), 1);
}

}  // namespace
}  // namespace inspectonce
