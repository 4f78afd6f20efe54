// The reports screen's tables as plain rows, so the screen, its CSV export and its print
// page show the same thing: due and overdue cases by holder, Wuxi's tracked figures and
// Yunhe's annual feedback list (report.hpp), in the official's language.
#pragma once

#include <string>
#include <vector>

#include "inspectonce/report.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::ui {

struct ReportTable {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// One row per case: holder, number, workflow, enterprise, state, deadline, standing, working
// days late or left, the deadline's clause.
ReportTable dueTable(const report::DueReport& due, Language language);
// One row per figure: name, value, what it counts.
ReportTable figuresTable(const report::TrackedFigures& figures, Language language);
// One row per enterprise of the list.
ReportTable feedbackTable(const report::FeedbackList& list, Language language);

// The table as CSV (exchange::csvLine), headers first.
std::string csvOf(const ReportTable& table);
// A printable page: the title, a line naming the county, the day and the clause, the table.
std::string htmlOf(const ReportTable& table, const std::string& title, const std::string& subtitle);

}  // namespace inspectonce::ui
