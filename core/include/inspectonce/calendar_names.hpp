// Names of calendar things in both languages, shared by the CLI and the UI.
#pragma once

#include "inspectonce/calendar.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce {

Text weekdayName(Weekday day);       // 周一 / Mon
Text dayKindName(DayKind kind);      // 工作日 / working day, 调休上班 / adjusted working day …

}  // namespace inspectonce
