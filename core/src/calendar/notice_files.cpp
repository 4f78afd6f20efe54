// Reading the calendar data: one JSON file per State Council holiday notice (format in
// policies/calendar/README.md). Everything a transcription can get wrong is an error that
// names the file and the JSON path: a bad date, a date outside the notice's year, a day
// listed twice, an adjusted workday that is not a weekend day, a span that does not match
// the notice's "共N天", a missing or duplicated year.
#include <algorithm>
#include <map>

#include "inspectonce/calendar.hpp"
#include "json/json_reader.hpp"

namespace inspectonce {
namespace {

// Notices from 2000 on: the Saturday–Sunday weekend the calendar assumes holds since 1995.
constexpr int kFirstNoticeYear = 2000;
constexpr int kLastNoticeYear = 2100;
// The longest span in any notice is 9 days (春节 2026); a longer one is a typing error.
constexpr int kLongestHoliday = 14;

constexpr const char* kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};

struct Located {
    Date date;
    std::string where;
};

struct Holiday {
    Text name;
    DateRange span;
    std::vector<Located> workdays;
    std::string where;
};

struct Notice {
    int year = 0;
    std::string yearWhere;
    std::string number;  // e.g. 国办发明电〔2025〕7号
    std::vector<Holiday> holidays;
};

// Who already claimed a day, to report both places when a day is listed twice.
struct Claim {
    std::string where;
    std::string what;  // "a day off of 春节", "an adjusted working day of 春节"
};

Result<Date> readDate(const json::Cursor& cursor) {
    if (!cursor.raw().is_string()) return cursor.fail("a date \"YYYY-MM-DD\"");
    std::string text = cursor.raw().get<std::string>();
    auto date = Date::parse(text);
    if (date) return date;
    std::string why = "expected a date YYYY-MM-DD, found \"" + text + "\"";
    // A well-formed text that is no real date gets the reason ("February 2026 has 28 days").
    if (date.error().why.rfind("expected", 0) != 0) why += ": " + date.error().why;
    return makeError(cursor.where(), why);
}

Result<std::string> readNonEmpty(const json::Cursor& cursor, const std::string& expected) {
    IO_TRY(text, cursor.string());
    if (text.empty()) return cursor.fail(expected);
    return text;
}

// Dates lie in the notice's year; only a holiday running into 1 January (元旦 from 31
// December) may reach back into the previous December, its adjusted workdays too.
Status checkInYear(Date date, const json::Cursor& cursor, int year, bool mayStartInDecember) {
    if (date.year() == year) return Ok{};
    if (mayStartInDecember && date.year() == year - 1 && date.month() == 12) return Ok{};
    return makeError(cursor.where(), "expected a date in " + std::to_string(year) + ", the year of this notice, found \"" +
                                         date.iso() + "\" (only a holiday running into 1 January may start in the "
                                         "previous December)");
}

Status checkNoticeDays(const json::Cursor& holiday, DateRange span) {
    auto field = holiday.optionalField("days");
    if (!field) return Ok{};
    IO_TRY(days, field->integer(1, kLongestHoliday));
    if (days == span.days()) return Ok{};
    return makeError(field->where(), "the notice's count, 共" + std::to_string(days) + "天, does not match the span " +
                                         span.first.iso() + " to " + span.last.iso() + ", which has " +
                                         std::to_string(span.days()) + " days");
}

Result<DateRange> readSpan(const json::Cursor& holiday, int year) {
    IO_TRY(fromField, holiday.field("from"));
    IO_TRY(toField, holiday.field("to"));
    IO_TRY(from, readDate(fromField));
    IO_TRY(to, readDate(toField));
    IO_CHECK(checkInYear(to, toField, year, false));
    IO_CHECK(checkInYear(from, fromField, year, true));
    if (to < from) return toField.fail("a date on or after \"from\" (" + from.iso() + ")");
    DateRange span{from, to};
    if (span.days() > kLongestHoliday)
        return makeError(toField.where(), "expected a holiday of at most " + std::to_string(kLongestHoliday) +
                                              " days, found " + std::to_string(span.days()) + " days from " +
                                              from.iso() + " to " + to.iso());
    IO_CHECK(checkNoticeDays(holiday, span));
    return span;
}

Result<Located> readAdjustedWorkday(const json::Cursor& cursor, int year, DateRange span) {
    IO_TRY(date, readDate(cursor));
    IO_CHECK(checkInYear(date, cursor, year, span.first.year() < year));
    if (date.weekday() < Weekday::Saturday)
        return makeError(cursor.where(), "expected a Saturday or Sunday (调休上班 moves work onto a weekend day), found " +
                                             date.iso() + ", a " +
                                             kWeekdayNames[static_cast<int>(date.weekday()) - 1]);
    return Located{date, cursor.where()};
}

Result<Holiday> readHoliday(const json::Cursor& cursor, int year) {
    IO_CHECK(cursor.onlyKeys({"name", "from", "to", "days", "workdays"}));
    IO_TRY(nameField, cursor.field("name"));
    IO_TRY(name, nameField.text());
    IO_TRY(span, readSpan(cursor, year));
    IO_TRY(workdaysField, cursor.field("workdays"));
    IO_TRY(workdayItems, workdaysField.items());
    Holiday holiday{name, span, {}, cursor.where()};
    for (const auto& item : workdayItems) {
        IO_TRY(workday, readAdjustedWorkday(item, year, span));
        holiday.workdays.push_back(workday);
    }
    return holiday;
}

Result<Notice> readNotice(const WorkCalendar::SourceFile& file) {
    IO_TRY(document, json::parse(file.text, file.name));
    json::Cursor root(document, file.name);
    IO_CHECK(root.onlyKeys({"year", "notice", "title", "issued", "holidays"}));
    IO_TRY(yearField, root.field("year"));
    IO_TRY(year, yearField.integer(kFirstNoticeYear, kLastNoticeYear));
    Notice notice{static_cast<int>(year), yearField.where(), {}, {}};

    IO_TRY(numberField, root.field("notice"));
    IO_TRY(number, readNonEmpty(numberField, "the notice's number, e.g. \"国办发明电〔2025〕7号\""));
    notice.number = number;
    // The title names the year: catches a file copied from last year and half edited.
    IO_TRY(titleField, root.field("title"));
    IO_TRY(title, titleField.string());
    if (title.find(std::to_string(notice.year) + "年") == std::string::npos)
        return titleField.fail("the notice's title, naming " + std::to_string(notice.year) + "年");
    IO_TRY(issuedField, root.field("issued"));
    IO_CHECK(readDate(issuedField));  // helps a reader find the notice; checked, not used

    IO_TRY(holidaysField, root.field("holidays"));
    IO_TRY(holidayItems, holidaysField.items());
    if (holidayItems.empty()) return holidaysField.fail("at least one holiday");
    for (const auto& item : holidayItems) {
        IO_TRY(holiday, readHoliday(item, notice.year));
        notice.holidays.push_back(holiday);
    }
    return notice;
}

// Sorts the notices by year: one per year, without gaps, so firstYear–lastYear are all known.
Status checkYears(std::vector<Notice>& notices) {
    std::stable_sort(notices.begin(), notices.end(), [](const Notice& a, const Notice& b) { return a.year < b.year; });
    for (std::size_t i = 1; i < notices.size(); ++i) {
        const Notice& before = notices[i - 1];
        const Notice& after = notices[i];
        if (after.year == before.year)
            return makeError(after.yearWhere, "year " + std::to_string(after.year) + " is already given by " +
                                                  before.yearWhere);
        if (after.year != before.year + 1)
            return makeError(after.yearWhere, "no calendar for " + std::to_string(before.year + 1) + " between " +
                                                  std::to_string(before.year) + " and " + std::to_string(after.year) +
                                                  ": the years must follow each other");
    }
    return Ok{};
}

class DayCollector {
public:
    Status add(Date date, DayKind kind, const Holiday& holiday, const Notice& notice, const std::string& where) {
        bool working = kind == DayKind::AdjustedWorkday;
        std::string what = (working ? "an adjusted working day of " : "a day off of ") + holiday.name.zh;
        auto [claim, isNew] = claims_.try_emplace(date.dayNumber(), Claim{where, what});
        if (!isNew)
            return makeError(where, date.iso() + " is listed twice: here as " + what + ", and as " +
                                        claim->second.what + " at " + claim->second.where);
        days_.push_back(DayInfo{date, kind, working, holiday.name, notice.number});
        return Ok{};
    }
    std::vector<DayInfo> take() { return std::move(days_); }

private:
    std::map<int32_t, Claim> claims_;
    std::vector<DayInfo> days_;
};

Result<std::vector<DayInfo>> collectDays(const std::vector<Notice>& notices) {
    DayCollector collector;
    for (const Notice& notice : notices) {
        for (const Holiday& holiday : notice.holidays) {
            for (Date date = holiday.span.first; date <= holiday.span.last; date = date.plusDays(1))
                IO_CHECK(collector.add(date, DayKind::Holiday, holiday, notice, holiday.where));
            for (const Located& workday : holiday.workdays)
                IO_CHECK(collector.add(workday.date, DayKind::AdjustedWorkday, holiday, notice, workday.where));
        }
    }
    return collector.take();
}

}  // namespace

Result<WorkCalendar> WorkCalendar::fromJson(const std::vector<SourceFile>& files) {
    if (files.empty()) return makeError("calendar", "no calendar files: expected at least one notice, e.g. cn-2026.json");
    std::vector<Notice> notices;
    for (const SourceFile& file : files) {
        IO_TRY(notice, readNotice(file));
        notices.push_back(std::move(notice));
    }
    IO_CHECK(checkYears(notices));
    IO_TRY(days, collectDays(notices));
    return WorkCalendar(notices.front().year, notices.back().year, std::move(days));
}

}  // namespace inspectonce
