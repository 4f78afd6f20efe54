// Monthly blackout periods (企业安静期, 执法助企服务周) resolved to concrete days.
#include <algorithm>

#include "inspectonce/policy.hpp"

namespace inspectonce {

Result<DateRange> MonthlyPeriod::in(YearMonth month) const {
    switch (kind) {
        case Kind::Dekad:
            return dekadOf(month, dekad);
        case Kind::NthWeek:
            return nthWeekOfMonth(month, week, firstWeek);
        case Kind::DayRange: {
            int last = std::min(toDay, daysInMonth(month.year, month.month));
            if (fromDay > last)
                return makeError(month.iso(), "day " + std::to_string(fromDay) + " does not exist in this month");
            return DateRange{month.first().plusDays(fromDay - 1), month.first().plusDays(last - 1)};
        }
    }
    return makeError(month.iso(), "unknown period kind");
}

Text MonthlyPeriod::describe() const {
    switch (kind) {
        case Kind::Dekad: {
            static const Text names[] = {
                {"每月上旬（1日至10日）", "the first ten days of each month (1st–10th)"},
                {"每月中旬（11日至20日）", "the middle ten days of each month (11th–20th)"},
                {"每月下旬（21日至月末）", "the last ten days of each month (21st to month end)"}};
            return names[static_cast<int>(dekad) - 1];
        }
        case Kind::NthWeek: {
            static const char* zhNumbers[] = {"", "一", "二", "三", "四"};
            static const char* enOrdinals[] = {"", "1st", "2nd", "3rd", "4th"};
            std::string rule = firstWeek == FirstWeekRule::Iso
                                   ? "Monday to Sunday; week 1 holds the month's first Thursday"
                                   : "Monday to Sunday; week 1 holds the 1st";
            std::string ruleZh = firstWeek == FirstWeekRule::Iso ? "周一至周日，含当月第一个周四的为第一周"
                                                                 : "周一至周日，含当月1日的为第一周";
            return {std::string("每月第") + zhNumbers[week] + "周（" + ruleZh + "）",
                    std::string("the ") + enOrdinals[week] + " week of each month (" + rule + ")"};
        }
        case Kind::DayRange:
            return {"每月" + std::to_string(fromDay) + "日至" + std::to_string(toDay) + "日",
                    "days " + std::to_string(fromDay) + "–" + std::to_string(toDay) + " of each month"};
    }
    return {};
}

Result<MonthBlackouts> blackoutDays(const PolicyData& policy, YearMonth month, const WorkCalendar& calendar) {
    MonthBlackouts out{month, {}, std::nullopt};
    if (!calendar.covers(month.first()) || !calendar.covers(month.last())) {
        auto probe = calendar.day(calendar.covers(month.first()) ? month.last() : month.first());
        return makeError(month.iso(), probe ? "outside the working-day calendar" : probe.error().why);
    }
    for (const auto& rule : policy.blackouts) {
        IO_TRY(range, rule.period.in(month));
        for (Date d = range.first; d <= range.last; d = d.plusDays(1)) {
            // A week-based period may start in the previous month: it belongs to that month.
            if (d < month.first() || month.last() < d) continue;
            if (!policy.document.inForceOn(d)) continue;
            IO_TRY(info, calendar.day(d));
            out.days.push_back({info, &rule});
        }
    }
    std::sort(out.days.begin(), out.days.end(),
              [](const BlackoutDay& a, const BlackoutDay& b) { return a.day.date < b.day.date; });
    if (out.days.empty() && !policy.blackouts.empty()) {
        const auto& doc = policy.document;
        if (doc.inForceFrom && month.last() < *doc.inForceFrom)
            out.note = Text{"本月早于文件施行日期（" + doc.inForceFrom->iso() + "）",
                            "this month is before the document took effect (" + doc.inForceFrom->iso() + ")"};
        else if (doc.inForceUntil && *doc.inForceUntil < month.first())
            out.note = Text{"文件试行期已于" + doc.inForceUntil->iso() + "结束",
                            "the document's trial ended on " + doc.inForceUntil->iso()};
    }
    return out;
}

}  // namespace inspectonce
