// Calendar months ("2026-02"): the unit of quiet periods and monthly plans.
#include <cassert>
#include <cstdio>

#include "calendar/civil.hpp"
#include "inspectonce/calendar.hpp"

namespace inspectonce {

Result<YearMonth> YearMonth::parse(std::string_view iso) {
    std::string where(iso);
    if (!civil::hasShape(iso, "dddd-dd")) return makeError(where, "expected YYYY-MM");
    int year = civil::digitsValue(iso.substr(0, 4));
    int month = civil::digitsValue(iso.substr(5, 2));
    if (month < 1 || month > 12) return makeError(where, "there is no month " + std::to_string(month));
    return YearMonth{year, month};
}

YearMonth YearMonth::of(Date date) { return YearMonth{date.year(), date.month()}; }

Date YearMonth::first() const {
    assert(month >= 1 && month <= 12);
    return Date::fromDayNumber(civil::daysFromCivil(year, month, 1));
}

Date YearMonth::last() const { return first().plusDays(daysInMonth(year, month) - 1); }

std::string YearMonth::iso() const {
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    return text;
}

YearMonth YearMonth::next() const { return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1}; }

YearMonth YearMonth::previous() const { return month == 1 ? YearMonth{year - 1, 12} : YearMonth{year, month - 1}; }

}  // namespace inspectonce
