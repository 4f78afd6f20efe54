// The built-in calendar against the State Council notices, transcribed here a second time,
// independently of policies/calendar/*.json: two transcriptions that agree day by day.
#include <gtest/gtest.h>

#include "embedded/embedded.hpp"
#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

struct NoticeHoliday {
    const char* notice;
    const char* name;
    const char* from;
    const char* to;
    int days;  // "共N天" as the notice states it (the span itself where it states no count)
    std::vector<const char*> workdays;
};

const char* const k2022 = "国办发明电〔2021〕11号";
const char* const k2023 = "国办发明电〔2022〕16号";
const char* const k2024 = "国办发明电〔2023〕7号";
const char* const k2025 = "国办发明电〔2024〕12号";
const char* const k2026 = "国办发明电〔2025〕7号";

const std::vector<NoticeHoliday>& notices() {
    static const std::vector<NoticeHoliday> holidays = {
        {k2022, "元旦", "2022-01-01", "2022-01-03", 3, {}},
        {k2022, "春节", "2022-01-31", "2022-02-06", 7, {"2022-01-29", "2022-01-30"}},
        {k2022, "清明节", "2022-04-03", "2022-04-05", 3, {"2022-04-02"}},
        {k2022, "劳动节", "2022-04-30", "2022-05-04", 5, {"2022-04-24", "2022-05-07"}},
        {k2022, "端午节", "2022-06-03", "2022-06-05", 3, {}},
        {k2022, "中秋节", "2022-09-10", "2022-09-12", 3, {}},
        {k2022, "国庆节", "2022-10-01", "2022-10-07", 7, {"2022-10-08", "2022-10-09"}},

        {k2023, "元旦", "2022-12-31", "2023-01-02", 3, {}},
        {k2023, "春节", "2023-01-21", "2023-01-27", 7, {"2023-01-28", "2023-01-29"}},
        {k2023, "清明节", "2023-04-05", "2023-04-05", 1, {}},
        {k2023, "劳动节", "2023-04-29", "2023-05-03", 5, {"2023-04-23", "2023-05-06"}},
        {k2023, "端午节", "2023-06-22", "2023-06-24", 3, {"2023-06-25"}},
        {k2023, "中秋节、国庆节", "2023-09-29", "2023-10-06", 8, {"2023-10-07", "2023-10-08"}},

        {k2024, "元旦", "2024-01-01", "2024-01-01", 1, {}},  // "与周末连休"
        {k2024, "春节", "2024-02-10", "2024-02-17", 8, {"2024-02-04", "2024-02-18"}},
        {k2024, "清明节", "2024-04-04", "2024-04-06", 3, {"2024-04-07"}},
        {k2024, "劳动节", "2024-05-01", "2024-05-05", 5, {"2024-04-28", "2024-05-11"}},
        {k2024, "端午节", "2024-06-10", "2024-06-10", 1, {}},  // "与周末连休"
        {k2024, "中秋节", "2024-09-15", "2024-09-17", 3, {"2024-09-14"}},
        {k2024, "国庆节", "2024-10-01", "2024-10-07", 7, {"2024-09-29", "2024-10-12"}},

        {k2025, "元旦", "2025-01-01", "2025-01-01", 1, {}},
        {k2025, "春节", "2025-01-28", "2025-02-04", 8, {"2025-01-26", "2025-02-08"}},
        {k2025, "清明节", "2025-04-04", "2025-04-06", 3, {}},
        {k2025, "劳动节", "2025-05-01", "2025-05-05", 5, {"2025-04-27"}},
        {k2025, "端午节", "2025-05-31", "2025-06-02", 3, {}},
        {k2025, "国庆节、中秋节", "2025-10-01", "2025-10-08", 8, {"2025-09-28", "2025-10-11"}},

        {k2026, "元旦", "2026-01-01", "2026-01-03", 3, {"2026-01-04"}},
        {k2026, "春节", "2026-02-15", "2026-02-23", 9, {"2026-02-14", "2026-02-28"}},
        {k2026, "清明节", "2026-04-04", "2026-04-06", 3, {}},
        {k2026, "劳动节", "2026-05-01", "2026-05-05", 5, {"2026-05-09"}},
        {k2026, "端午节", "2026-06-19", "2026-06-21", 3, {}},
        {k2026, "中秋节", "2026-09-25", "2026-09-27", 3, {}},
        {k2026, "国庆节", "2026-10-01", "2026-10-07", 7, {"2026-09-20", "2026-10-10"}},
    };
    return holidays;
}

Date date(std::string_view iso) { return Date::parse(iso).value(); }

DayInfo official(std::string_view iso) {
    auto info = WorkCalendar::official().day(date(iso));
    EXPECT_TRUE(info.ok()) << info.error().message();
    return info.ok() ? info.value() : DayInfo{};
}

int countDaysNamed(int year, const std::string& name, DayKind kind) {
    int count = 0;
    for (Date d = YearMonth{year, 1}.first(); d <= YearMonth{year, 12}.last(); d = d.plusDays(1)) {
        DayInfo info = WorkCalendar::official().day(d).value();
        if (info.kind == kind && info.name.zh == name) ++count;
    }
    return count;
}

TEST(CalendarOfficial, EmbeddedFilesLoad) {
    std::vector<WorkCalendar::SourceFile> files;
    for (const embedded::File& file : embedded::calendarFiles) files.push_back({file.name, std::string(file.text())});
    auto calendar = WorkCalendar::fromJson(files);
    ASSERT_TRUE(calendar.ok()) << calendar.error().message();
}

// cn-YYYY.json holds the notice for YYYY: each file alone is the calendar of its own year.
TEST(CalendarOfficial, FileNamesMatchTheirYear) {
    for (const embedded::File& file : embedded::calendarFiles) {
        auto alone = WorkCalendar::fromJson({{file.name, std::string(file.text())}});
        ASSERT_TRUE(alone.ok()) << alone.error().message();
        EXPECT_EQ(file.name, "cn-" + std::to_string(alone->firstYear()) + ".json");
        EXPECT_EQ(alone->firstYear(), alone->lastYear());
    }
}

TEST(CalendarOfficial, CoversExactly2022To2026) {
    const WorkCalendar& calendar = WorkCalendar::official();
    EXPECT_EQ(&calendar, &WorkCalendar::official());
    EXPECT_EQ(calendar.firstYear(), 2022);
    EXPECT_EQ(calendar.lastYear(), 2026);
    EXPECT_TRUE(calendar.covers(date("2022-01-01")));
    EXPECT_TRUE(calendar.covers(date("2026-12-31")));
    EXPECT_FALSE(calendar.covers(date("2021-12-31")));
    EXPECT_FALSE(calendar.covers(date("2027-01-01")));
}

TEST(CalendarOfficial, UnknownYearsAreAnErrorNotAGuess) {
    auto info = WorkCalendar::official().day(date("2028-01-05"));
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().why, "no official working-day calendar for 2028 (known: 2022–2026)");
    EXPECT_EQ(info.error().where, "2028-01-05");
    auto before = WorkCalendar::official().isWorkday(date("2021-12-31"));
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.error().why, "no official working-day calendar for 2021 (known: 2022–2026)");
}

TEST(CalendarOfficial, EveryHolidaySpanMatchesItsNotice) {
    for (const NoticeHoliday& holiday : notices()) {
        SCOPED_TRACE(std::string(holiday.name) + " " + holiday.from);
        int span = 0;
        for (Date d = date(holiday.from); d <= date(holiday.to); d = d.plusDays(1), ++span) {
            DayInfo info = official(d.iso());
            EXPECT_EQ(info.kind, DayKind::Holiday) << d.iso();
            EXPECT_FALSE(info.isWorkday) << d.iso();
            EXPECT_EQ(info.name.zh, holiday.name) << d.iso();
            EXPECT_FALSE(info.name.en.empty()) << d.iso();
            EXPECT_EQ(info.source, holiday.notice) << d.iso();
        }
        EXPECT_EQ(span, holiday.days);
        // The span is exact: the days on either side are not part of it.
        for (Date outside : {date(holiday.from).plusDays(-1), date(holiday.to).plusDays(1)}) {
            if (!WorkCalendar::official().covers(outside)) continue;
            EXPECT_NE(official(outside.iso()).kind, DayKind::Holiday) << outside.iso();
        }
    }
}

TEST(CalendarOfficial, EveryAdjustedWorkdayIsAWorkedWeekendDay) {
    for (const NoticeHoliday& holiday : notices()) {
        for (const char* workday : holiday.workdays) {
            DayInfo info = official(workday);
            EXPECT_GE(info.date.weekday(), Weekday::Saturday) << workday;
            EXPECT_EQ(info.kind, DayKind::AdjustedWorkday) << workday;
            EXPECT_TRUE(info.isWorkday) << workday;
            EXPECT_EQ(info.name.zh, holiday.name) << workday;
            EXPECT_EQ(info.source, holiday.notice) << workday;
        }
    }
}

// Nothing beyond the notices: every other day is worked exactly when it is Monday–Friday.
TEST(CalendarOfficial, AllOtherDaysArePlain) {
    int holidays = 0, adjusted = 0;
    for (const NoticeHoliday& holiday : notices()) {
        holidays += holiday.days;
        adjusted += static_cast<int>(holiday.workdays.size());
    }
    int seenHolidays = 0, seenAdjusted = 0;
    for (Date d = date("2022-01-01"); d <= date("2026-12-31"); d = d.plusDays(1)) {
        DayInfo info = official(d.iso());
        if (info.kind == DayKind::Holiday) ++seenHolidays;
        if (info.kind == DayKind::AdjustedWorkday) ++seenAdjusted;
        if (info.kind == DayKind::Holiday || info.kind == DayKind::AdjustedWorkday) continue;
        bool weekend = d.weekday() >= Weekday::Saturday;
        EXPECT_EQ(info.kind, weekend ? DayKind::Weekend : DayKind::Workday) << d.iso();
        EXPECT_EQ(info.isWorkday, !weekend) << d.iso();
        EXPECT_TRUE(info.name.zh.empty() && info.name.en.empty() && info.source.empty()) << d.iso();
    }
    EXPECT_EQ(seenHolidays, holidays);
    EXPECT_EQ(seenAdjusted, adjusted);
}

// 调休 only moves days: a year loses exactly its statutory holidays from its Monday–Friday
// days (11 a year until 2024, 13 from 2025 after the 2024 revision of the 放假办法).
TEST(CalendarOfficial, EachYearLosesExactlyItsStatutoryHolidays) {
    const WorkCalendar& calendar = WorkCalendar::official();
    struct YearCount { int year; int statutory; int workdays; };
    for (YearCount expected : {YearCount{2022, 11, 249}, YearCount{2023, 11, 249}, YearCount{2024, 11, 251},
                               YearCount{2025, 13, 248}, YearCount{2026, 13, 248}}) {
        int weekdays = 0;
        for (Date d = YearMonth{expected.year, 1}.first(); d <= YearMonth{expected.year, 12}.last(); d = d.plusDays(1))
            weekdays += d.weekday() < Weekday::Saturday ? 1 : 0;
        int workdays = 0;
        for (Date d = YearMonth{expected.year, 1}.first(); d <= YearMonth{expected.year, 12}.last(); d = d.plusDays(1))
            workdays += calendar.isWorkday(d).value() ? 1 : 0;
        EXPECT_EQ(workdays, expected.workdays) << expected.year;
        EXPECT_EQ(workdays, weekdays - expected.statutory) << expected.year;
    }
}

TEST(CalendarOfficial, SpringFestival2024AndItsTwoAdjustedSundays) {
    for (const char* day : {"2024-02-10", "2024-02-13", "2024-02-17"}) {
        EXPECT_EQ(official(day).kind, DayKind::Holiday) << day;
        EXPECT_EQ(official(day).name.en, "Spring Festival") << day;
    }
    EXPECT_EQ(countDaysNamed(2024, "春节", DayKind::Holiday), 8);
    for (const char* sunday : {"2024-02-04", "2024-02-18"}) {
        DayInfo info = official(sunday);
        EXPECT_EQ(info.date.weekday(), Weekday::Sunday);
        EXPECT_EQ(info.kind, DayKind::AdjustedWorkday);
        EXPECT_TRUE(info.isWorkday);
        EXPECT_EQ(info.name.zh, "春节");
        EXPECT_EQ(info.source, "国办发明电〔2023〕7号");
    }
    EXPECT_EQ(official("2024-02-09").kind, DayKind::Workday);  // 除夕: only "encouraged" off
    EXPECT_EQ(countDaysNamed(2024, "春节", DayKind::AdjustedWorkday), 2);
}

TEST(CalendarOfficial, NationalDayWithMidAutumn2023And2025LastEightDays) {
    EXPECT_EQ(countDaysNamed(2023, "中秋节、国庆节", DayKind::Holiday), 8);
    EXPECT_EQ(official("2023-09-29").name.en, "Mid-Autumn Festival and National Day");
    EXPECT_EQ(official("2023-10-07").kind, DayKind::AdjustedWorkday);
    EXPECT_EQ(official("2023-10-09").kind, DayKind::Workday);

    EXPECT_EQ(countDaysNamed(2025, "国庆节、中秋节", DayKind::Holiday), 8);
    EXPECT_EQ(official("2025-10-08").kind, DayKind::Holiday);
    EXPECT_EQ(official("2025-10-09").kind, DayKind::Workday);
    EXPECT_EQ(official("2025-09-28").kind, DayKind::AdjustedWorkday);
    EXPECT_EQ(official("2025-10-11").kind, DayKind::AdjustedWorkday);
}

TEST(CalendarOfficial, HolidayCountsPerNotice) {
    EXPECT_EQ(countDaysNamed(2025, "春节", DayKind::Holiday), 8);
    EXPECT_EQ(countDaysNamed(2026, "春节", DayKind::Holiday), 9);
    EXPECT_EQ(countDaysNamed(2022, "春节", DayKind::Holiday), 7);
    EXPECT_EQ(countDaysNamed(2023, "清明节", DayKind::Holiday), 1);
    EXPECT_EQ(countDaysNamed(2026, "国庆节", DayKind::Holiday), 7);
    EXPECT_EQ(countDaysNamed(2026, "劳动节", DayKind::Holiday), 5);
}

// The 2023 notice's 元旦 starts on Saturday 31 December 2022 and cites that notice.
TEST(CalendarOfficial, NewYear2023StartsIn2022) {
    DayInfo eve = official("2022-12-31");
    EXPECT_EQ(eve.kind, DayKind::Holiday);
    EXPECT_EQ(eve.name.zh, "元旦");
    EXPECT_EQ(eve.source, "国办发明电〔2022〕16号");
    EXPECT_EQ(official("2022-12-30").kind, DayKind::Workday);
    EXPECT_EQ(official("2023-01-02").kind, DayKind::Holiday);
    EXPECT_EQ(official("2023-01-03").kind, DayKind::Workday);
}

TEST(CalendarOfficial, PlainDaysCarryNoNameOrSource) {
    DayInfo tuesday = official("2026-03-03");
    EXPECT_EQ(tuesday.kind, DayKind::Workday);
    EXPECT_TRUE(tuesday.isWorkday);
    EXPECT_TRUE(tuesday.name.zh.empty());
    EXPECT_TRUE(tuesday.source.empty());
    DayInfo saturday = official("2026-03-07");
    EXPECT_EQ(saturday.kind, DayKind::Weekend);
    EXPECT_FALSE(saturday.isWorkday);
    EXPECT_EQ(saturday.date, date("2026-03-07"));
}

}  // namespace
}  // namespace inspectonce
