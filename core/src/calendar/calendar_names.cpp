#include "inspectonce/calendar_names.hpp"

namespace inspectonce {

Text weekdayName(Weekday day) {
    static const Text names[] = {{"周一", "Mon"}, {"周二", "Tue"}, {"周三", "Wed"}, {"周四", "Thu"},
                                 {"周五", "Fri"}, {"周六", "Sat"}, {"周日", "Sun"}};
    return names[static_cast<int>(day) - 1];
}

Text dayKindName(DayKind kind) {
    switch (kind) {
        case DayKind::Workday: return {"工作日", "working day"};
        case DayKind::Weekend: return {"休息日", "weekend"};
        case DayKind::Holiday: return {"放假", "day off"};  // any day of a holiday span, weekends included
        case DayKind::AdjustedWorkday: return {"调休上班", "adjusted working day"};
    }
    return {};
}

}  // namespace inspectonce
