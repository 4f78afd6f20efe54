// The year's draws: what happens to a county in a year, before any policy is applied, so
// that every policy meets the same year (simulate.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/model.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::simulate_detail {

enum class EventKind {
    Demand,      // an enterprise asks for something (诉求, 002 二(一))
    Complaint,   // an enterprise complains of a disturbance (干扰行为, 002 二(二))
    Report,      // the public reports the enterprise: an inspection at once (投诉举报)
    Accident,    // an accident at the enterprise: a work-safety inspection at once
    Emergency,   // one emergency in the year: one department visits enterprises of one industry
    Assignment,  // a superior assigns a department enterprises to inspect (上级交办)
};

struct Event {
    Date date;              // a working day
    EventKind kind = EventKind::Demand;
    int enterprise = 0;     // index into Workspace::enterprises
    int department = -1;    // index into Workspace::departments (inspections)
    std::string item;       // an on-site item of that department (inspections)
    std::string category;   // the category the text was written for (demands, complaints)
    std::string text;       // the enterprise's own words (demands, complaints)
    uint64_t seed = 0;      // the event's own stream: how the case is handled afterwards
};

struct GradeChange {
    Date date;
    int enterprise = 0;
    CreditGrade to = CreditGrade::C;
};

struct YearDraws {
    std::vector<Event> events;              // by date, then in the order drawn
    std::vector<GradeChange> gradeChanges;  // by date
};

// The exception an unplanned inspection claims (exceptions.hpp), by its event kind.
const char* exceptionOf(EventKind kind);
const char* toString(EventKind kind);

// Draws the year of `workspace` (its enterprises, departments and items) from `seed`.
// Errors only when the calendar does not know the year.
Result<YearDraws> drawYear(const Workspace& workspace, uint64_t seed, const WorkCalendar& calendar);

// The texts enterprises write, by category id (classify.hpp's documents' lists).
const std::vector<std::pair<std::string, std::vector<std::string>>>& demandTexts();
const std::vector<std::pair<std::string, std::vector<std::string>>>& complaintTexts();

}  // namespace inspectonce::simulate_detail
