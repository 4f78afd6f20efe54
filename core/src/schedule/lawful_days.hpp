// The days of one year on which a regular visit may take place in an enterprise: working
// days with no blackout period forbidding it for that enterprise (its grade may lengthen a
// period; a list it is on may lift one: 004 二(三), 004 二(六)). Outside the document's
// time in force its periods do not apply (Policy::blackoutsOn).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"

namespace inspectonce::schedule_detail {

class LawfulDays {
public:
    static Result<LawfulDays> forYear(const PolicyData& policy, int year, const WorkCalendar& calendar);

    // The lawful day numbers (Date::dayNumber) in ascending order for an on-site visit of
    // `kind` to an enterprise of `grade` on `lists`. Cached: profiles repeat.
    const std::vector<int32_t>& days(CreditGrade grade, const std::vector<std::string>& lists, InspectionKind kind);
    // The blackout rules that close `day` to that profile (for explanations).
    std::vector<const BlackoutRule*> closing(Date day, CreditGrade grade, const std::vector<std::string>& lists,
                                             InspectionKind kind) const;
    bool isWorkday(Date day) const { return workday_[index(day)]; }

private:
    std::size_t index(Date day) const { return static_cast<std::size_t>(day.dayNumber() - first_.dayNumber()); }

    const PolicyData* policy_ = nullptr;
    Date first_;
    int count_ = 0;
    std::vector<bool> workday_;
    std::vector<std::vector<const BlackoutRule*>> active_[4];  // per grade, per day
    std::map<std::string, std::vector<int32_t>> cache_;
};

}  // namespace inspectonce::schedule_detail
