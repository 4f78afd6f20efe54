// A county's policy as data: what its parameter file (policies/<county>.json, compiled into
// the county's plugin) says. Engines ask these structures and never know which county
// they serve. Every rule carries the clause of the seed document that makes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce {

// The document a county's rules come from (one of shared/seeds).
struct PolicyDocument {
    std::string seed;       // "004"
    std::string file;       // "004_70b066bc1e41dfca.txt"
    std::string number;     // "云政办发〔2025〕24号"; empty for an unnumbered draft
    Text title;
    std::optional<Date> issued;
    std::optional<Date> inForceFrom;   // no rule applies before this day
    std::optional<Date> inForceUntil;  // a trial's last day (inclusive)

    bool inForceOn(Date day) const;
};

// When, within every month, inspections pause (企业安静期, 执法助企服务周 …).
struct MonthlyPeriod {
    enum class Kind { Dekad, NthWeek, DayRange };
    Kind kind = Kind::Dekad;
    Dekad dekad = Dekad::Late;                       // Kind::Dekad
    int week = 0;                                    // Kind::NthWeek
    FirstWeekRule firstWeek = FirstWeekRule::Iso;    // Kind::NthWeek
    int fromDay = 0, toDay = 0;                      // Kind::DayRange, clipped to the month

    Result<DateRange> in(YearMonth month) const;
    Text describe() const;  // "每月下旬（21日至月末）" / "the last ten days of each month (21st to month end)"
};

struct BlackoutRule {
    std::string id;       // "quiet-period"
    Text name;            // 企业安静期 / enterprise quiet period
    MonthlyPeriod period;
    Citation clause;      // "004 二(三)"
    Text rule;            // what the clause says, in short
};

struct PolicyData {
    std::string county;   // plugin id
    Text name;            // 云和县 / Yunhe County
    Text region;          // 浙江省丽水市 / Lishui, Zhejiang
    PolicyDocument document;
    std::vector<BlackoutRule> blackouts;

    // Parses and validates a parameter file; `source` names it in errors.
    static Result<PolicyData> fromJson(std::string_view text, const std::string& source);
};

struct BlackoutDay {
    DayInfo day;                 // the date and its working-day status
    const BlackoutRule* rule;    // points into the PolicyData asked
};

struct MonthBlackouts {
    YearMonth month;
    std::vector<BlackoutDay> days;   // in date order; empty when none apply
    std::optional<Text> note;        // why none apply although rules exist (not yet in force …)
};

// The blackout days of `month` under `policy`, each annotated from the official calendar.
// A month outside the calendar's known years is an error, never a guess.
Result<MonthBlackouts> blackoutDays(const PolicyData& policy, YearMonth month,
                                    const WorkCalendar& calendar = WorkCalendar::official());

}  // namespace inspectonce
