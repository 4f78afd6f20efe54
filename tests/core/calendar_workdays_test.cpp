// Counting working days (the "N 个工作日" of every deadline) over the built-in calendar.
#include <gtest/gtest.h>

#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

Date date(std::string_view iso) { return Date::parse(iso).value(); }

const WorkCalendar& calendar() { return WorkCalendar::official(); }

std::string add(std::string_view from, int n) {
    auto landed = calendar().addWorkdays(date(from), n);
    return landed.ok() ? landed->iso() : "error: " + landed.error().message();
}

bool works(std::string_view iso) { return calendar().isWorkday(date(iso)).value(); }

// The definition, walked one day at a time: the reference the fast lookup must match.
Date walk(Date from, int n) {
    int step = n > 0 ? 1 : -1;
    Date d = from;
    for (int left = n > 0 ? n : -n; left > 0;) {
        d = d.plusDays(step);
        if (calendar().isWorkday(d).value()) --left;
    }
    return d;
}

TEST(CalendarWorkdays, PlainWeekdaysWorkAndWeekendsRest) {
    EXPECT_TRUE(works("2026-03-03"));   // Tuesday
    EXPECT_FALSE(works("2026-03-07"));  // Saturday
    EXPECT_FALSE(works("2026-03-08"));  // Sunday
    EXPECT_FALSE(works("2026-02-16"));  // Monday in 春节
    EXPECT_TRUE(works("2026-02-14"));   // Saturday worked for 春节
    EXPECT_TRUE(works("2026-10-10"));   // Saturday worked for 国庆节
    EXPECT_FALSE(works("2022-12-31"));  // Saturday, 元旦 of the 2023 notice
}

// 春节 2026: Saturday 14 February is worked, 15–23 February are off.
TEST(CalendarWorkdays, AddAcrossSpringFestival2026) {
    EXPECT_EQ(add("2026-02-13", 1), "2026-02-14");
    EXPECT_EQ(add("2026-02-13", 2), "2026-02-24");
    EXPECT_EQ(add("2026-02-13", 3), "2026-02-25");
    EXPECT_EQ(add("2026-02-18", 1), "2026-02-24");  // from inside the holiday
    EXPECT_EQ(add("2026-02-13", 0), "2026-02-13");
    EXPECT_EQ(add("2026-02-15", 0), "2026-02-15");  // zero steps stay put, even on a holiday
}

TEST(CalendarWorkdays, NegativeCountsGoBack) {
    EXPECT_EQ(add("2026-02-24", -1), "2026-02-14");
    EXPECT_EQ(add("2026-02-24", -2), "2026-02-13");
    EXPECT_EQ(add("2026-02-14", -1), "2026-02-13");
    EXPECT_EQ(add("2026-02-20", -1), "2026-02-14");  // from inside the holiday
    EXPECT_EQ(add("2026-03-01", -1), "2026-02-28");  // Saturday 28 February is worked
    EXPECT_EQ(add("2026-03-02", -2), "2026-02-27");
}

TEST(CalendarWorkdays, CrossesYearBoundaries) {
    EXPECT_EQ(add("2022-12-30", 1), "2023-01-03");  // 2022-12-31 to 2023-01-02 are 元旦
    EXPECT_EQ(add("2023-01-03", -1), "2022-12-30");
    EXPECT_EQ(add("2025-12-31", 1), "2026-01-04");  // Sunday worked for 元旦 2026
    EXPECT_EQ(add("2025-12-31", 2), "2026-01-05");
}

TEST(CalendarWorkdays, LeavingTheKnownYearsIsAnError) {
    EXPECT_EQ(add("2026-12-30", 1), "2026-12-31");
    EXPECT_EQ(add("2026-12-30", 2),
              "error: 2026-12-30: counting 2 working days after 2026-12-30 leaves the known years: "
              "no official working-day calendar for 2027 (known: 2022–2026)");
    EXPECT_EQ(add("2022-01-04", -1),
              "error: 2022-01-04: counting 1 working day before 2022-01-04 leaves the known years: "
              "no official working-day calendar for 2021 (known: 2022–2026)");
    EXPECT_EQ(add("2027-01-04", 1), "error: 2027-01-04: no official working-day calendar for 2027 (known: 2022–2026)");
    EXPECT_EQ(add("2027-01-04", 0), "error: 2027-01-04: no official working-day calendar for 2027 (known: 2022–2026)");
    EXPECT_EQ(add("2026-06-01", 1000).rfind("error: ", 0), 0u);
}

TEST(CalendarWorkdays, AddMatchesADayByDayWalk) {
    for (Date from = date("2022-01-20"); from <= date("2026-12-01"); from = from.plusDays(1)) {
        for (int n : {1, 2, 3, 5, 10, -1, -3, -5, -10}) {
            auto landed = calendar().addWorkdays(from, n);
            ASSERT_TRUE(landed.ok()) << from.iso() << " " << n << ": " << landed.error().message();
            ASSERT_EQ(landed->iso(), walk(from, n).iso()) << from.iso() << " " << n;
        }
    }
}

TEST(CalendarWorkdays, CountsWorkdaysAfterFromUpToTo) {
    auto between = [](std::string_view from, std::string_view to) {
        return calendar().workdaysBetween(date(from), date(to)).value();
    };
    EXPECT_EQ(between("2026-02-13", "2026-02-24"), 2);
    EXPECT_EQ(between("2026-02-24", "2026-02-13"), -2);
    EXPECT_EQ(between("2026-02-13", "2026-02-13"), 0);
    EXPECT_EQ(between("2026-02-14", "2026-02-23"), 0);
    EXPECT_EQ(between("2025-12-31", "2026-01-05"), 2);
    EXPECT_EQ(between("2022-01-01", "2026-12-31"), 249 + 249 + 251 + 248 + 248);  // 1 January 2022 is off
}

TEST(CalendarWorkdays, CountingUndoesAdding) {
    for (Date from = date("2022-03-01"); from <= date("2026-11-01"); from = from.plusDays(3)) {
        for (int n = 1; n <= 25; n += 4) {
            Date forward = calendar().addWorkdays(from, n).value();
            ASSERT_EQ(calendar().workdaysBetween(from, forward).value(), n) << from.iso();
            Date backward = calendar().addWorkdays(from, -n).value();
            int fromWorks = calendar().isWorkday(from).value() ? 1 : 0;
            ASSERT_EQ(calendar().workdaysBetween(backward, from).value(), n - 1 + fromWorks) << from.iso();
        }
    }
}

TEST(CalendarWorkdays, CountingOutsideTheKnownYearsIsAnError) {
    auto between = calendar().workdaysBetween(date("2026-12-01"), date("2027-01-10"));
    ASSERT_FALSE(between.ok());
    EXPECT_EQ(between.error().message(), "2027-01-10: no official working-day calendar for 2027 (known: 2022–2026)");
    EXPECT_FALSE(calendar().workdaysBetween(date("2021-12-01"), date("2022-01-10")).ok());
}

}  // namespace
}  // namespace inspectonce
