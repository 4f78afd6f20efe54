// Periods relative to a month: dekads (旬) and numbered weeks, in calendar days.
#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

Date mondayOnOrBefore(Date date) { return date.plusDays(1 - static_cast<int32_t>(date.weekday())); }

Date firstWeekMonday(YearMonth month, FirstWeekRule rule) {
    Date first = month.first();
    if (rule == FirstWeekRule::ContainsFirstDay) return mondayOnOrBefore(first);
    int daysToThursday = (static_cast<int>(Weekday::Thursday) - static_cast<int>(first.weekday()) + 7) % 7;
    return mondayOnOrBefore(first.plusDays(daysToThursday));
}

// The day that makes a week belong to the month: its Thursday under the ISO rule, its
// Monday otherwise (week 1 belongs by definition even when its Monday is in the month before).
Date weekAnchor(Date monday, FirstWeekRule rule) { return rule == FirstWeekRule::Iso ? monday.plusDays(3) : monday; }

std::string describeRule(FirstWeekRule rule) {
    return rule == FirstWeekRule::Iso ? "weeks whose Thursday falls in the month"
                                      : "weeks holding at least one day of the month";
}

}  // namespace

DateRange dekadOf(YearMonth month, Dekad dekad) {
    Date first = month.first();
    switch (dekad) {
        case Dekad::Early: return {first, first.plusDays(9)};
        case Dekad::Middle: return {first.plusDays(10), first.plusDays(19)};
        case Dekad::Late: break;
    }
    return {first.plusDays(20), month.last()};
}

Dekad dekadContaining(Date date) {
    if (date.day() <= 10) return Dekad::Early;
    return date.day() <= 20 ? Dekad::Middle : Dekad::Late;
}

int weeksInMonth(YearMonth month, FirstWeekRule rule) {
    Date last = month.last();
    Date monday = firstWeekMonday(month, rule);
    int weeks = 1;
    while (weekAnchor(monday.plusDays(7 * weeks), rule) <= last) ++weeks;
    return weeks;
}

Result<DateRange> nthWeekOfMonth(YearMonth month, int n, FirstWeekRule rule) {
    int weeks = weeksInMonth(month, rule);
    if (n < 1 || n > weeks)
        return makeError(month.iso(), "there is no week " + std::to_string(n) + ": the month has " +
                                          std::to_string(weeks) + " weeks (" + describeRule(rule) + ")");
    Date monday = firstWeekMonday(month, rule).plusDays(7 * (n - 1));
    return DateRange{monday, monday.plusDays(6)};
}

}  // namespace inspectonce
