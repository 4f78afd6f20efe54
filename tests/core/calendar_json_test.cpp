// Reading calendar files: every transcription mistake is refused with the file, the JSON
// path and what was expected and found.
#include <gtest/gtest.h>

#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

const std::string kSpringFestival2026 =
    R"({"name": {"zh": "春节", "en": "Spring Festival"}, "from": "2026-02-15", "to": "2026-02-23", "days": 9, )"
    R"("workdays": ["2026-02-14", "2026-02-28"]})";

std::string noticeFile(int year, const std::string& holidays) {
    std::string y = std::to_string(year);
    return "{\n  \"year\": " + y + ",\n  \"notice\": \"国办发明电〔" + std::to_string(year - 1) +
           "〕7号\",\n  \"title\": \"国务院办公厅关于" + y + "年部分节假日安排的通知\",\n" +
           "  \"issued\": \"" + std::to_string(year - 1) + "-11-04\",\n  \"holidays\": [" + holidays + "]\n}\n";
}

std::string holiday(const std::string& name, const std::string& from, const std::string& to,
                    const std::string& workdays = "") {
    return R"({"name": {"zh": ")" + name + R"(", "en": "X"}, "from": ")" + from + R"(", "to": ")" + to +
           R"(", "workdays": [)" + workdays + "]}";
}

Error loadError(const std::vector<WorkCalendar::SourceFile>& files) {
    auto calendar = WorkCalendar::fromJson(files);
    EXPECT_FALSE(calendar.ok()) << "loaded although it should not have";
    return calendar.ok() ? Error{} : calendar.error();
}

Error loadError(const std::string& text) { return loadError({{"cn-2026.json", text}}); }

TEST(CalendarJson, AValidFileLoads) {
    auto calendar = WorkCalendar::fromJson({{"cn-2026.json", noticeFile(2026, kSpringFestival2026)}});
    ASSERT_TRUE(calendar.ok()) << calendar.error().message();
    EXPECT_EQ(calendar->firstYear(), 2026);
    EXPECT_EQ(calendar->lastYear(), 2026);
    DayInfo info = calendar->day(Date::parse("2026-02-16").value()).value();
    EXPECT_EQ(info.kind, DayKind::Holiday);
    EXPECT_EQ(info.name.en, "Spring Festival");
    EXPECT_EQ(info.source, "国办发明电〔2025〕7号");
    EXPECT_EQ(calendar->day(Date::parse("2026-02-28").value())->kind, DayKind::AdjustedWorkday);
    auto outside = calendar->day(Date::parse("2025-06-02").value());
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().why, "no official working-day calendar for 2025 (known: 2026)");
}

TEST(CalendarJson, SyntaxErrorsNameFileLineAndColumn) {
    Error error = loadError("{\n  \"year\": 2026,\n  \"notice\" \"x\"\n}");
    EXPECT_EQ(error.where.rfind("cn-2026.json:3:", 0), 0u) << error.where;
    EXPECT_EQ(error.why.rfind("malformed JSON", 0), 0u) << error.why;
}

TEST(CalendarJson, DuplicateYear) {
    Error error = loadError({{"a.json", noticeFile(2026, kSpringFestival2026)},
                             {"b.json", noticeFile(2026, holiday("国庆节", "2026-10-01", "2026-10-07"))}});
    EXPECT_EQ(error.where, "b.json at /year");
    EXPECT_EQ(error.why, "year 2026 is already given by a.json at /year");
}

TEST(CalendarJson, MissingYearBetweenTwoOthers) {
    Error error = loadError({{"cn-2026.json", noticeFile(2026, kSpringFestival2026)},
                             {"cn-2024.json", noticeFile(2024, holiday("国庆节", "2024-10-01", "2024-10-07"))}});
    EXPECT_EQ(error.where, "cn-2026.json at /year");
    EXPECT_EQ(error.why, "no calendar for 2025 between 2024 and 2026: the years must follow each other");
}

TEST(CalendarJson, ImpossibleDate) {
    Error error = loadError(noticeFile(2026, holiday("春节", "2026-02-15", "2026-02-30")));
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/0/to");
    EXPECT_EQ(error.why, "expected a date YYYY-MM-DD, found \"2026-02-30\": February 2026 has 28 days");
}

TEST(CalendarJson, MalformedDate) {
    Error error = loadError(noticeFile(2026, holiday("春节", "2026-2-15", "2026-02-23")));
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/0/from");
    EXPECT_EQ(error.why, "expected a date YYYY-MM-DD, found \"2026-2-15\"");

    std::string numeric = R"({"name": {"zh": "春节", "en": "X"}, "from": 20260215, "to": "2026-02-23", "workdays": []})";
    EXPECT_EQ(loadError(noticeFile(2026, numeric)).message(),
              "cn-2026.json at /holidays/0/from: expected a date \"YYYY-MM-DD\", found 20260215");
}

TEST(CalendarJson, UnknownFieldsAreRefused) {
    std::string misspelt = R"({"name": {"zh": "春节", "en": "X"}, "from": "2026-02-15", "to": "2026-02-23", )"
                           R"("workday": ["2026-02-14"], "workdays": []})";
    Error error = loadError(noticeFile(2026, misspelt));
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/0");
    EXPECT_EQ(error.why.rfind("unknown field \"workday\"", 0), 0u) << error.why;

    std::string topLevel = noticeFile(2026, kSpringFestival2026);
    topLevel.insert(1, "\"yaer\": 2026,");
    Error top = loadError(topLevel);
    EXPECT_EQ(top.where, "cn-2026.json at /");
    EXPECT_EQ(top.why.rfind("unknown field \"yaer\"", 0), 0u) << top.why;
}

TEST(CalendarJson, MissingFields) {
    std::string noWorkdays = R"({"name": {"zh": "春节", "en": "X"}, "from": "2026-02-15", "to": "2026-02-23"})";
    EXPECT_EQ(loadError(noticeFile(2026, noWorkdays)).message(),
              "cn-2026.json at /holidays/0: missing required field \"workdays\"");
    std::string noEnglish = R"({"name": {"zh": "春节"}, "from": "2026-02-15", "to": "2026-02-23", "workdays": []})";
    EXPECT_EQ(loadError(noticeFile(2026, noEnglish)).message(),
              "cn-2026.json at /holidays/0/name: missing required field \"en\"");
}

TEST(CalendarJson, DatesOutsideTheNoticesYear) {
    Error span = loadError(noticeFile(2026, holiday("国庆节", "2025-10-01", "2025-10-07")));
    EXPECT_EQ(span.where, "cn-2026.json at /holidays/0/to");
    EXPECT_EQ(span.why.rfind("expected a date in 2026, the year of this notice, found \"2025-10-07\"", 0), 0u)
        << span.why;

    Error workday = loadError(noticeFile(2026, holiday("元旦", "2026-01-01", "2026-01-03", R"("2027-01-02")")));
    EXPECT_EQ(workday.where, "cn-2026.json at /holidays/0/workdays/0");

    // Only a span running into 1 January may start in December; a whole December span may not.
    Error december = loadError(noticeFile(2026, holiday("元旦", "2025-12-27", "2025-12-31")));
    EXPECT_EQ(december.where, "cn-2026.json at /holidays/0/to");
    Error november = loadError(noticeFile(2026, holiday("元旦", "2025-11-30", "2026-01-01")));
    EXPECT_EQ(november.where, "cn-2026.json at /holidays/0/from");
}

TEST(CalendarJson, NewYearSpanMayStartInThePreviousDecember) {
    std::string newYear = holiday("元旦", "2025-12-31", "2026-01-02", R"("2025-12-28")");
    auto alone = WorkCalendar::fromJson({{"cn-2026.json", noticeFile(2026, newYear)}});
    ASSERT_TRUE(alone.ok()) << alone.error().message();
    EXPECT_EQ(alone->day(Date::parse("2026-01-01").value())->kind, DayKind::Holiday);
    EXPECT_FALSE(alone->day(Date::parse("2025-12-31").value()).ok());  // 2025 itself is not known

    auto both = WorkCalendar::fromJson({{"cn-2026.json", noticeFile(2026, newYear)},
                                        {"cn-2025.json", noticeFile(2025, holiday("国庆节", "2025-10-01", "2025-10-08"))}});
    ASSERT_TRUE(both.ok()) << both.error().message();
    DayInfo eve = both->day(Date::parse("2025-12-31").value()).value();
    EXPECT_EQ(eve.kind, DayKind::Holiday);
    EXPECT_EQ(eve.source, "国办发明电〔2025〕7号");
    EXPECT_EQ(both->day(Date::parse("2025-12-28").value())->kind, DayKind::AdjustedWorkday);
}

TEST(CalendarJson, AHolidayAlsoListedAsAWorkday) {
    std::string twice = kSpringFestival2026 + ", " + holiday("元宵", "2026-03-03", "2026-03-03", R"("2026-02-21")");
    Error error = loadError(noticeFile(2026, twice));
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/1/workdays/0");
    EXPECT_EQ(error.why, "2026-02-21 is listed twice: here as an adjusted working day of 元宵, and as a day off of "
                         "春节 at cn-2026.json at /holidays/0");

    Error own = loadError(noticeFile(2026, holiday("春节", "2026-02-15", "2026-02-23", R"("2026-02-22")")));
    EXPECT_EQ(own.where, "cn-2026.json at /holidays/0/workdays/0");
}

TEST(CalendarJson, OverlappingHolidaysAcrossFiles) {
    Error error = loadError({{"cn-2025.json", noticeFile(2025, holiday("跨年", "2025-12-29", "2025-12-31"))},
                             {"cn-2026.json", noticeFile(2026, holiday("元旦", "2025-12-31", "2026-01-02"))}});
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/0");
    EXPECT_EQ(error.why, "2025-12-31 is listed twice: here as a day off of 元旦, and as a day off of 跨年 at "
                         "cn-2025.json at /holidays/0");
}

TEST(CalendarJson, AdjustedWorkdaysMustBeWeekendDays) {
    Error error = loadError(noticeFile(2026, holiday("春节", "2026-02-15", "2026-02-23", R"("2026-02-13")")));
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/0/workdays/0");
    EXPECT_EQ(error.why, "expected a Saturday or Sunday (调休上班 moves work onto a weekend day), found 2026-02-13, "
                         "a Friday");
}

TEST(CalendarJson, SpanMustMatchTheNoticesCount) {
    std::string eight = kSpringFestival2026;
    eight.replace(eight.find("\"days\": 9"), 9, "\"days\": 8");
    Error error = loadError(noticeFile(2026, eight));
    EXPECT_EQ(error.where, "cn-2026.json at /holidays/0/days");
    EXPECT_EQ(error.why, "the notice's count, 共8天, does not match the span 2026-02-15 to 2026-02-23, which has 9 days");
}

TEST(CalendarJson, SpanMustBeShortAndInOrder) {
    Error reversed = loadError(noticeFile(2026, holiday("春节", "2026-02-23", "2026-02-15")));
    EXPECT_EQ(reversed.message(),
              "cn-2026.json at /holidays/0/to: expected a date on or after \"from\" (2026-02-23), found \"2026-02-15\"");
    Error tooLong = loadError(noticeFile(2026, holiday("春节", "2026-02-15", "2026-12-23")));
    EXPECT_EQ(tooLong.where, "cn-2026.json at /holidays/0/to");
    EXPECT_EQ(tooLong.why, "expected a holiday of at most 14 days, found 312 days from 2026-02-15 to 2026-12-23");
}

TEST(CalendarJson, HeaderFields) {
    std::string wrongTitle = noticeFile(2026, kSpringFestival2026);
    wrongTitle.replace(wrongTitle.find("关于2026年"), std::string("关于2026年").size(), "关于2025年");
    EXPECT_EQ(loadError(wrongTitle).where, "cn-2026.json at /title");

    std::string oldYear = noticeFile(2026, kSpringFestival2026);
    oldYear.replace(oldYear.find("\"year\": 2026"), 12, "\"year\": 1990");
    EXPECT_EQ(loadError(oldYear).message(), "cn-2026.json at /year: expected an integer from 2000 to 2100, found 1990");

    std::string noHolidays = noticeFile(2026, "");
    EXPECT_EQ(loadError(noHolidays).message(), "cn-2026.json at /holidays: expected at least one holiday, found an array");

    std::string emptyNotice = noticeFile(2026, kSpringFestival2026);
    emptyNotice.replace(emptyNotice.find("国办发明电〔2025〕7号"), std::string("国办发明电〔2025〕7号").size(), "");
    EXPECT_EQ(loadError(emptyNotice).where, "cn-2026.json at /notice");

    std::string badIssued = noticeFile(2026, kSpringFestival2026);
    badIssued.replace(badIssued.find("2025-11-04"), 10, "2025-11-31");
    EXPECT_EQ(loadError(badIssued).where, "cn-2026.json at /issued");
}

TEST(CalendarJson, NoFilesAtAll) {
    Error error = loadError(std::vector<WorkCalendar::SourceFile>{});
    EXPECT_FALSE(error.why.empty());
}

}  // namespace
}  // namespace inspectonce
