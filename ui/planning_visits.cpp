#include "planning_visits.hpp"

#include <map>
#include <tuple>

#include "inspectonce/inspection_code.hpp"

namespace inspectonce::ui {

Result<std::optional<Date>> shiftedNotice(const Visit& visit, Date day) {
    if (!visit.noticeDate) return std::optional<Date>{};
    const auto& calendar = WorkCalendar::official();
    IO_TRY(lead, calendar.workdaysBetween(*visit.noticeDate, visit.date));
    IO_TRY(notice, calendar.addWorkdays(day, -lead));
    return std::optional<Date>{notice};
}

Result<std::vector<Visit>> movedVisits(const Workspace& workspace, int64_t visit, Date day, std::optional<Date> notice) {
    std::vector<Visit> visits = workspace.visits;
    for (auto& v : visits) {
        if (v.id != visit) continue;
        v.date = day;
        v.noticeDate = notice;
        v.code = issueCode(workspace, v);  // the code hashes the day: the old one no longer matches
        return visits;
    }
    return makeError("visit " + std::to_string(visit), "no such visit in the workspace");
}

Schedule scheduleToCheck(const std::optional<Schedule>& lastRun, std::vector<Visit> visits) {
    Schedule s;
    if (lastRun) s.refusals = lastRun->refusals;
    s.visits = std::move(visits);
    return s;
}

std::vector<Violation> introducedViolations(const std::vector<Violation>& before, const std::vector<Violation>& after) {
    using Key = std::tuple<int64_t, int64_t, std::string>;
    std::map<Key, int> seen;
    for (const auto& v : before) ++seen[Key{v.visit, v.plan, v.text.en}];
    std::vector<Violation> out;
    for (const auto& v : after) {
        auto at = seen.find(Key{v.visit, v.plan, v.text.en});
        if (at != seen.end() && at->second > 0) --at->second;
        else out.push_back(v);
    }
    return out;
}

}  // namespace inspectonce::ui
