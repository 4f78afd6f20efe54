// Civil dates: parsing, fields, weekday and ISO text.
#include <cstdio>

#include "calendar/civil.hpp"
#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

std::string formatYmd(int year, int month, int day) {
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

}  // namespace

int daysInMonth(int year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && civil::isLeapYear(year) ? 29 : kDays[month - 1];
}

Result<Date> Date::fromYmd(int year, int month, int day) {
    std::string where = formatYmd(year, month, day);
    if (year < 0 || year > 9999) return makeError(where, "year " + std::to_string(year) + " is outside 0000–9999");
    if (month < 1 || month > 12) return makeError(where, "there is no month " + std::to_string(month));
    if (day < 1) return makeError(where, "there is no day " + std::to_string(day));
    int length = daysInMonth(year, month);
    if (day > length)
        return makeError(where, std::string(kMonthNames[month - 1]) + " " + std::to_string(year) + " has " +
                                    std::to_string(length) + " days");
    return Date(civil::daysFromCivil(year, month, day));
}

Result<Date> Date::parse(std::string_view iso) {
    if (!civil::hasShape(iso, "dddd-dd-dd")) return makeError(std::string(iso), "expected YYYY-MM-DD");
    return fromYmd(civil::digitsValue(iso.substr(0, 4)), civil::digitsValue(iso.substr(5, 2)), civil::digitsValue(iso.substr(8, 2)));
}

Date Date::fromDayNumber(int32_t daysSince1970) { return Date(daysSince1970); }

int Date::year() const { return civil::civilFromDays(days_).year; }
int Date::month() const { return civil::civilFromDays(days_).month; }
int Date::day() const { return civil::civilFromDays(days_).day; }

Weekday Date::weekday() const {
    // 1970-01-01 was a Thursday; the floored remainder keeps dates before 1970 right.
    int fromMonday = ((days_ + 3) % 7 + 7) % 7;
    return static_cast<Weekday>(fromMonday + 1);
}

std::string Date::iso() const {
    civil::Ymd ymd = civil::civilFromDays(days_);
    if (ymd.year < 0 || ymd.year > 9999) return formatYmd(ymd.year, ymd.month, ymd.day);
    // Written digit by digit: the decision texts format many dates, and snprintf is slow.
    std::string out = "0000-00-00";
    auto put = [&](std::size_t at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, ymd.year, 4);
    put(5, ymd.month, 2);
    put(8, ymd.day, 2);
    return out;
}

}  // namespace inspectonce
