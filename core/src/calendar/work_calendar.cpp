// Working-day queries over the known years. A running count of working days per day makes
// every query a lookup: counting between two dates is a subtraction, adding n working days
// a binary search.
#include <algorithm>

#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

bool isWeekend(Date date) { return date.weekday() >= Weekday::Saturday; }

DayInfo plainDay(Date date) {
    bool weekend = isWeekend(date);
    return DayInfo{date, weekend ? DayKind::Weekend : DayKind::Workday, !weekend, {}, {}};
}

std::string knownYears(int firstYear, int lastYear) {
    if (firstYear == lastYear) return std::to_string(firstYear);
    return std::to_string(firstYear) + "–" + std::to_string(lastYear);
}

std::string countOfWorkdays(int64_t n) { return std::to_string(n) + (n == 1 ? " working day" : " working days"); }

}  // namespace

WorkCalendar::WorkCalendar(int firstYear, int lastYear, std::vector<DayInfo> specialDays)
    : firstYear_(firstYear), lastYear_(lastYear), specialDays_(std::move(specialDays)) {
    // A notice may set days of the year before its own (a 元旦 span from 31 December); keep
    // only the days this calendar can answer for.
    specialDays_.erase(std::remove_if(specialDays_.begin(), specialDays_.end(),
                                      [this](const DayInfo& info) { return !covers(info.date); }),
                       specialDays_.end());
    std::sort(specialDays_.begin(), specialDays_.end(),
              [](const DayInfo& a, const DayInfo& b) { return a.date < b.date; });

    Date first = YearMonth{firstYear_, 1}.first();
    Date last = YearMonth{lastYear_, 12}.last();
    workdaysThrough_.reserve(static_cast<std::size_t>(last.dayNumber() - first.dayNumber() + 1));
    auto special = specialDays_.begin();
    int32_t count = 0;
    for (Date date = first; date <= last; date = date.plusDays(1)) {
        bool isSpecial = special != specialDays_.end() && special->date == date;
        if (isSpecial ? special->isWorkday : !isWeekend(date)) ++count;
        if (isSpecial) ++special;
        workdaysThrough_.push_back(count);
    }
}

Status WorkCalendar::checkCovered(Date date) const {
    if (covers(date)) return Ok{};
    return makeError(date.iso(), "no official working-day calendar for " + std::to_string(date.year()) +
                                     " (known: " + knownYears(firstYear_, lastYear_) + ")");
}

int32_t WorkCalendar::indexOf(Date date) const {
    return date.dayNumber() - YearMonth{firstYear_, 1}.first().dayNumber();
}

Result<DayInfo> WorkCalendar::day(Date date) const {
    IO_CHECK(checkCovered(date));
    auto found = std::lower_bound(specialDays_.begin(), specialDays_.end(), date,
                                  [](const DayInfo& info, Date d) { return info.date < d; });
    if (found != specialDays_.end() && found->date == date) return *found;
    return plainDay(date);
}

Result<bool> WorkCalendar::isWorkday(Date date) const {
    IO_TRY(info, day(date));
    return info.isWorkday;
}

Result<Date> WorkCalendar::addWorkdays(Date from, int n) const {
    IO_CHECK(checkCovered(from));
    if (n == 0) return from;
    auto through = [this](int32_t index) { return index < 0 ? 0 : workdaysThrough_[static_cast<std::size_t>(index)]; };
    int32_t index = indexOf(from);
    // Number the working days of the known years from 1; find the one we land on.
    int64_t target = n > 0 ? int64_t{through(index)} + n : int64_t{through(index - 1)} + n + 1;
    if (target < 1 || target > workdaysThrough_.back()) {
        int leftYear = n > 0 ? lastYear_ + 1 : firstYear_ - 1;
        return makeError(from.iso(), "counting " + countOfWorkdays(n > 0 ? n : -int64_t{n}) + (n > 0 ? " after " : " before ") +
                                         from.iso() + " leaves the known years: no official working-day calendar for " +
                                         std::to_string(leftYear) + " (known: " + knownYears(firstYear_, lastYear_) + ")");
    }
    auto landed = std::lower_bound(workdaysThrough_.begin(), workdaysThrough_.end(), target);
    return YearMonth{firstYear_, 1}.first().plusDays(static_cast<int32_t>(landed - workdaysThrough_.begin()));
}

Result<int> WorkCalendar::workdaysBetween(Date from, Date to) const {
    IO_CHECK(checkCovered(from));
    IO_CHECK(checkCovered(to));
    auto through = [this](Date date) { return workdaysThrough_[static_cast<std::size_t>(indexOf(date))]; };
    return through(to) - through(from);
}

}  // namespace inspectonce
