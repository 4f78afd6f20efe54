// Civil-date arithmetic and ISO text shapes shared by the calendar sources (private to
// core/src/calendar).
// Howard Hinnant's algorithms (http://howardhinnant.github.io/date_algorithms.html): exact
// for the proleptic Gregorian calendar, no tables, no time zones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace inspectonce::civil {

struct Ymd {
    int year;
    int month;
    int day;
};

constexpr bool isLeapYear(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

// Days since 1970-01-01 of a valid year-month-day.
constexpr int32_t daysFromCivil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;                                    // [0, 399]
    const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365], from 1 March
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;  // [0, 146096]
    return era * 146097 + dayOfEra - 719468;
}

constexpr Ymd civilFromDays(int32_t days) {
    days += 719468;
    const int era = (days >= 0 ? days : days - 146096) / 146097;
    const int dayOfEra = days - era * 146097;                                              // [0, 146096]
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;  // [0, 399]
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);  // [0, 365]
    const int shiftedMonth = (5 * dayOfYear + 2) / 153;                                   // [0, 11], March = 0
    const int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    return Ymd{yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// True when `text` matches `shape`, where 'd' stands for one ASCII digit: "dddd-dd-dd".
inline bool hasShape(std::string_view text, std::string_view shape) {
    if (text.size() != shape.size()) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        bool isDigit = text[i] >= '0' && text[i] <= '9';
        if (shape[i] == 'd' ? !isDigit : text[i] != shape[i]) return false;
    }
    return true;
}

// The value of a run of digits already checked by hasShape.
inline int digitsValue(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(civilFromDays(11017).year == 2000 && civilFromDays(11017).month == 3);

}  // namespace inspectonce::civil
