// Month periods: dekads (上旬/中旬/下旬, e.g. Yunhe's 下旬 quiet period) and numbered weeks.
#include <gtest/gtest.h>

#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

std::string text(DateRange range) { return range.first.iso() + "/" + range.last.iso(); }

std::string week(YearMonth month, int n, FirstWeekRule rule) {
    auto range = nthWeekOfMonth(month, n, rule);
    EXPECT_TRUE(range.ok()) << range.error().message();
    return range.ok() ? text(range.value()) : "";
}

std::vector<YearMonth> monthsFrom2022To2026() {
    std::vector<YearMonth> months;
    for (YearMonth m{2022, 1}; m <= YearMonth{2026, 12}; m = m.next()) months.push_back(m);
    return months;
}

TEST(CalendarDekad, LateDekadRunsToTheEndOfTheMonth) {
    DateRange february2026 = dekadOf({2026, 2}, Dekad::Late);
    EXPECT_EQ(text(february2026), "2026-02-21/2026-02-28");
    EXPECT_EQ(february2026.days(), 8);
    EXPECT_EQ(dekadOf({2024, 2}, Dekad::Late).days(), 9);
    EXPECT_EQ(dekadOf({2026, 1}, Dekad::Late).days(), 11);
    EXPECT_EQ(text(dekadOf({2026, 1}, Dekad::Late)), "2026-01-21/2026-01-31");
    EXPECT_EQ(dekadOf({2026, 4}, Dekad::Late).days(), 10);
}

TEST(CalendarDekad, EarlyAndMiddleAreTenDays) {
    EXPECT_EQ(text(dekadOf({2026, 2}, Dekad::Early)), "2026-02-01/2026-02-10");
    EXPECT_EQ(text(dekadOf({2026, 2}, Dekad::Middle)), "2026-02-11/2026-02-20");
}

TEST(CalendarDekad, TheThreeDekadsTileEveryMonth) {
    for (YearMonth month : monthsFrom2022To2026()) {
        DateRange early = dekadOf(month, Dekad::Early);
        DateRange middle = dekadOf(month, Dekad::Middle);
        DateRange late = dekadOf(month, Dekad::Late);
        EXPECT_EQ(early.first, month.first()) << month.iso();
        EXPECT_EQ(early.last.plusDays(1), middle.first) << month.iso();
        EXPECT_EQ(middle.last.plusDays(1), late.first) << month.iso();
        EXPECT_EQ(late.last, month.last()) << month.iso();
        for (Date d = month.first(); d <= month.last(); d = d.plusDays(1))
            EXPECT_TRUE(dekadOf(month, dekadContaining(d)).contains(d)) << d.iso();
    }
}

TEST(CalendarDekad, DayOfMonthPicksTheDekad) {
    EXPECT_EQ(dekadContaining(Date::fromYmd(2026, 2, 10).value()), Dekad::Early);
    EXPECT_EQ(dekadContaining(Date::fromYmd(2026, 2, 11).value()), Dekad::Middle);
    EXPECT_EQ(dekadContaining(Date::fromYmd(2026, 2, 20).value()), Dekad::Middle);
    EXPECT_EQ(dekadContaining(Date::fromYmd(2026, 2, 21).value()), Dekad::Late);
    EXPECT_EQ(dekadContaining(Date::fromYmd(2026, 1, 31).value()), Dekad::Late);
}

// 1 February 2026 is a Sunday: the two rules disagree by a whole week.
TEST(CalendarWeek, MonthStartingOnSunday) {
    YearMonth february{2026, 2};
    EXPECT_EQ(week(february, 1, FirstWeekRule::ContainsFirstDay), "2026-01-26/2026-02-01");
    EXPECT_EQ(week(february, 5, FirstWeekRule::ContainsFirstDay), "2026-02-23/2026-03-01");
    EXPECT_EQ(weeksInMonth(february, FirstWeekRule::ContainsFirstDay), 5);

    EXPECT_EQ(week(february, 1, FirstWeekRule::Iso), "2026-02-02/2026-02-08");
    EXPECT_EQ(week(february, 4, FirstWeekRule::Iso), "2026-02-23/2026-03-01");
    EXPECT_EQ(weeksInMonth(february, FirstWeekRule::Iso), 4);
    auto fifth = nthWeekOfMonth(february, 5, FirstWeekRule::Iso);
    ASSERT_FALSE(fifth.ok());
    EXPECT_EQ(fifth.error().message(),
              "2026-02: there is no week 5: the month has 4 weeks (weeks whose Thursday falls in the month)");
}

// 1 October 2026 is a Thursday: both rules start on Monday 28 September. Week 2 straddles
// the end of National Day and the adjusted working Saturday of 10 October.
TEST(CalendarWeek, MonthStartingOnThursday) {
    YearMonth october{2026, 10};
    EXPECT_EQ(week(october, 1, FirstWeekRule::Iso), "2026-09-28/2026-10-04");
    EXPECT_EQ(week(october, 1, FirstWeekRule::ContainsFirstDay), "2026-09-28/2026-10-04");
    EXPECT_EQ(week(october, 2, FirstWeekRule::Iso), "2026-10-05/2026-10-11");
    EXPECT_EQ(weeksInMonth(october, FirstWeekRule::Iso), 5);
    EXPECT_EQ(weeksInMonth(october, FirstWeekRule::ContainsFirstDay), 5);

    DateRange second = nthWeekOfMonth(october, 2, FirstWeekRule::Iso).value();
    const WorkCalendar& calendar = WorkCalendar::official();
    // 5–7 October are holidays; Thursday 8, Friday 9 and Saturday 10 are worked.
    EXPECT_EQ(calendar.workdaysBetween(second.first.plusDays(-1), second.last).value(), 3);
    EXPECT_EQ(calendar.day(second.first.plusDays(5)).value().kind, DayKind::AdjustedWorkday);

    EXPECT_EQ(week(YearMonth{2026, 1}, 1, FirstWeekRule::Iso), "2025-12-29/2026-01-04");
    EXPECT_EQ(week(YearMonth{2026, 1}, 5, FirstWeekRule::Iso), "2026-01-26/2026-02-01");
}

// 1 May 2026 is a Friday: its Thursday is in April, so ISO week 1 starts on 4 May.
TEST(CalendarWeek, MonthStartingOnFriday) {
    YearMonth may{2026, 5};
    EXPECT_EQ(week(may, 1, FirstWeekRule::Iso), "2026-05-04/2026-05-10");
    EXPECT_EQ(week(may, 1, FirstWeekRule::ContainsFirstDay), "2026-04-27/2026-05-03");
    EXPECT_EQ(weeksInMonth(may, FirstWeekRule::Iso), 4);
    EXPECT_EQ(weeksInMonth(may, FirstWeekRule::ContainsFirstDay), 5);
    EXPECT_EQ(week(may, 5, FirstWeekRule::ContainsFirstDay), "2026-05-25/2026-05-31");
    EXPECT_FALSE(nthWeekOfMonth(may, 5, FirstWeekRule::Iso).ok());
}

// March 2026 starts on a Sunday and has 31 days: six weeks touch it.
TEST(CalendarWeek, SixWeeksTouchSomeMonths) {
    YearMonth march{2026, 3};
    EXPECT_EQ(weeksInMonth(march, FirstWeekRule::ContainsFirstDay), 6);
    EXPECT_EQ(week(march, 6, FirstWeekRule::ContainsFirstDay), "2026-03-30/2026-04-05");
    EXPECT_FALSE(nthWeekOfMonth(march, 7, FirstWeekRule::ContainsFirstDay).ok());
}

TEST(CalendarWeek, WeekNumbersStartAtOne) {
    for (int n : {0, -1}) {
        auto range = nthWeekOfMonth({2026, 2}, n, FirstWeekRule::Iso);
        ASSERT_FALSE(range.ok());
        EXPECT_EQ(range.error().where, "2026-02");
    }
}

TEST(CalendarWeek, WeeksAreConsecutiveMondaysCoveringTheMonth) {
    for (YearMonth month : monthsFrom2022To2026()) {
        int isoWeeks = weeksInMonth(month, FirstWeekRule::Iso);
        int touchingWeeks = weeksInMonth(month, FirstWeekRule::ContainsFirstDay);
        EXPECT_TRUE(isoWeeks == 4 || isoWeeks == 5) << month.iso();
        EXPECT_TRUE(touchingWeeks >= 4 && touchingWeeks <= 6) << month.iso();
        for (int n = 1; n <= isoWeeks; ++n) {
            DateRange range = nthWeekOfMonth(month, n, FirstWeekRule::Iso).value();
            EXPECT_EQ(range.first.weekday(), Weekday::Monday);
            EXPECT_EQ(YearMonth::of(range.first.plusDays(3)), month) << "ISO week " << n << " of " << month.iso();
        }
        // Under ContainsFirstDay every day of the month is in exactly one of the weeks.
        for (Date d = month.first(); d <= month.last(); d = d.plusDays(1)) {
            int holding = 0;
            for (int n = 1; n <= touchingWeeks; ++n)
                holding += nthWeekOfMonth(month, n, FirstWeekRule::ContainsFirstDay).value().contains(d) ? 1 : 0;
            EXPECT_EQ(holding, 1) << d.iso();
        }
        EXPECT_TRUE(nthWeekOfMonth(month, touchingWeeks, FirstWeekRule::ContainsFirstDay).value().contains(month.last()));
    }
}

}  // namespace
}  // namespace inspectonce
