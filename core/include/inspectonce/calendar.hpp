// Dates and the PRC working-day calendar (ALL-1). The seeds count deadlines in working days
// ("3 个工作日内"), and whether a day is worked depends on the State Council's yearly notice
// (放假 and 调休上班), not on the weekday alone. The month periods (上旬/中旬/下旬, weeks of a
// month) are here too because quiet periods and plans are stated in them.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce {

enum class Weekday { Monday = 1, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

// A civil (proleptic Gregorian) date with no time zone. Stored as a day number so that
// comparing, stepping and subtracting dates is integer arithmetic.
class Date {
public:
    Date() = default;  // 1970-01-01; lets dates sit in plain structs

    // Strict "YYYY-MM-DD": no spaces, no single-digit fields. The error's where is the text,
    // its why the reason ("February 2026 has 28 days", "expected YYYY-MM-DD").
    static Result<Date> parse(std::string_view iso);
    static Result<Date> fromYmd(int year, int month, int day);  // year 0000–9999
    static Date fromDayNumber(int32_t daysSince1970);

    int32_t dayNumber() const { return days_; }
    int year() const;
    int month() const;
    int day() const;
    Weekday weekday() const;
    Date plusDays(int32_t n) const { return Date(days_ + n); }
    std::string iso() const;

    auto operator<=>(const Date&) const = default;
    bool operator==(const Date&) const = default;

private:
    explicit Date(int32_t days) : days_(days) {}
    int32_t days_ = 0;
};

int daysInMonth(int year, int month);

struct YearMonth {
    int year;
    int month;  // 1–12

    static Result<YearMonth> parse(std::string_view iso);  // strict "YYYY-MM"
    static YearMonth of(Date date);
    Date first() const;
    Date last() const;
    std::string iso() const;
    YearMonth next() const;
    YearMonth previous() const;

    auto operator<=>(const YearMonth&) const = default;
};

struct DateRange {
    Date first;
    Date last;  // inclusive

    bool contains(Date date) const { return first <= date && date <= last; }
    int32_t days() const { return last.dayNumber() - first.dayNumber() + 1; }
};

// AdjustedWorkday is a Saturday or Sunday worked in exchange for a holiday (调休上班).
// Holiday covers the whole 放假 span of a notice, weekend days inside it included.
enum class DayKind { Workday, Weekend, Holiday, AdjustedWorkday };

struct DayInfo {
    Date date;
    DayKind kind = DayKind::Workday;
    bool isWorkday = true;
    Text name;           // the festival, e.g. {"春节", "Spring Festival"}, for Holiday and AdjustedWorkday
    std::string source;  // the notice that set the day, e.g. "国办发明电〔2025〕7号"; empty for plain days
};

// The PRC working-day calendar, built from transcriptions of the State Council's notices
// (policies/calendar/*.json, see its README). Years without a published notice are unknown:
// asking about them is an error, never a guess from the weekday.
class WorkCalendar {
public:
    struct SourceFile {
        std::string name;  // shown in errors, e.g. "cn-2026.json"
        std::string text;
    };

    // Errors name the file, the JSON path and what was expected and found.
    static Result<WorkCalendar> fromJson(const std::vector<SourceFile>& files);
    // The calendar compiled into the core (policies/calendar); parsed on first use.
    static const WorkCalendar& official();

    int firstYear() const { return firstYear_; }
    int lastYear() const { return lastYear_; }
    bool covers(Date date) const { return date.year() >= firstYear_ && date.year() <= lastYear_; }

    Result<DayInfo> day(Date date) const;
    Result<bool> isWorkday(Date date) const;
    // n > 0: the n-th working day after `from` (`from` itself never counts); n < 0: the |n|-th
    // working day before it; n == 0: `from`. An error if the count leaves the known years.
    Result<Date> addWorkdays(Date from, int n) const;
    // The number of working days d with from < d <= to; negative when to < from.
    Result<int> workdaysBetween(Date from, Date to) const;

private:
    WorkCalendar(int firstYear, int lastYear, std::vector<DayInfo> specialDays);
    Status checkCovered(Date date) const;
    int32_t indexOf(Date date) const;  // position in workdaysThrough_ of a covered date

    int firstYear_ = 0;
    int lastYear_ = 0;
    std::vector<DayInfo> specialDays_;      // holidays and adjusted workdays, sorted by date
    std::vector<int32_t> workdaysThrough_;  // [i]: working days from 1 January of firstYear_ to day i, inclusive
};

// Month periods, in calendar days.
enum class Dekad { Early = 1, Middle = 2, Late = 3 };  // 上旬 1–10, 中旬 11–20, 下旬 21–end (8 to 11 days)
DateRange dekadOf(YearMonth month, Dekad dekad);
Dekad dekadContaining(Date date);

// Weeks run Monday to Sunday. Iso: week 1 holds the month's first Thursday (so most of its
// days are in the month) and a week belongs to the month whose Thursday it holds.
// ContainsFirstDay: week 1 holds day 1, and every week holding a day of the month counts.
// Week 1 may start in the previous month and the last week may end in the next.
enum class FirstWeekRule { Iso, ContainsFirstDay };
int weeksInMonth(YearMonth month, FirstWeekRule rule);  // Iso: 4 or 5; ContainsFirstDay: 4 to 6
// n from 1 to weeksInMonth; an error names the month and how many weeks it has.
Result<DateRange> nthWeekOfMonth(YearMonth month, int n, FirstWeekRule rule);

}  // namespace inspectonce
