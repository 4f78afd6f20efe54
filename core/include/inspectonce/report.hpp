// Reports officials read and print, computed from a workspace on a given day (never the
// clock): what is due or late and who holds it, by department; the closure list of findings
// (销号清单); Yunhe's annual feedback list per enterprise (004 二(八)); Wuxi's tracked figures
// (003 三(二)); and the printable documents (html.hpp's job to lay out).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::report {

// ---- Due and overdue, by holder ------------------------------------------------------------

struct DueItem {
    int64_t caseId = 0;
    std::string workflow;
    Text workflowName;
    std::string enterprise;       // USCC; empty when none
    std::string enterpriseName;
    std::string title;
    std::string state;
    Text stateName;
    Date deadline;
    workflow::Standing standing = workflow::Standing::OnTime;
    int workingDaysLate = 0;      // overdue: working days after the deadline (ALL-1)
    int workingDaysLeft = 0;      // not yet due: working days until the deadline
    Citation clause;              // the deadline's clause
};

// One holder: a department (by id) or a role that is not a department ("service-center").
struct HolderDue {
    std::string holder;
    Text name;
    std::vector<DueItem> items;   // overdue first, then by deadline and case id
    int dueSoon = 0, dueToday = 0, overdue = 0, escalated = 0;
};

struct DueReport {
    Date day;
    std::vector<HolderDue> holders;  // most overdue first, then by id
    int dueSoon = 0, dueToday = 0, overdue = 0, escalated = 0;
};

// Every open case due soon, due today, overdue or escalated on `day`, grouped by who holds
// it. A case whose workflow is not defined is an error naming it.
Result<DueReport> dueReport(const Workspace& workspace, const std::vector<workflow::Definition>& definitions,
                            const WorkCalendar& calendar, Date day);

// ---- The closure list of findings (销号清单) -------------------------------------------------

struct ClosureLine {
    int64_t caseId = 0;
    std::string enterprise;
    std::string enterpriseName;
    std::string title;
    std::string department;
    Date opened;
    std::string state;
    Text stateName;
    std::optional<Date> deadline;  // the current state's, while open
    bool closed = false;
    std::optional<Date> closedOn;
    workflow::Standing standing = workflow::Standing::OnTime;
    Citation clause;               // the clause of the last step
};

struct ClosureList {
    Date day;
    Text workflowName;
    Citation clause;               // the workflow's
    std::vector<ClosureLine> lines;  // by case id
    int closed = 0, open = 0, overdue = 0;
};

// The findings (workflow "finding") opened on or before `day`, each with where it stands.
ClosureList closureList(const Workspace& workspace, const workflow::Definition& findings, Date day);

// ---- Yunhe's annual feedback list (年度企业合规经营互助清单, 004 二(八)) ---------------------------

inline constexpr std::string_view kKeyEnterpriseList = "key-enterprise";  // 重点企业

struct FeedbackLine {
    std::string enterprise;
    std::string name;
    bool aboveScale = false;
    bool key = false;
    int guidance = 0;             // guidance bookings held (workflow "guidance")
    int surveys = 0;              // surveys and leaders' visits (plans of kind survey, workflow "leader-visit")
    int onSiteInspections = 0;    // visits through the door for an inspection
    int complaints = 0;           // complaints the enterprise made (workflow "complaint")
    std::vector<std::string> opinions;  // opinions collected (a case's "opinion")
};

struct FeedbackList {
    int year = 0;
    Citation clause{"004 二(八)"};
    std::vector<FeedbackLine> lines;  // above-scale and key enterprises, by code
};

FeedbackList feedbackList(const Workspace& workspace, int year);

// ---- Wuxi's tracked figures (003 三(二)) ------------------------------------------------------

struct TrackedFigures {
    int year = 0;
    Citation clause{"003 三(二)"};
    int64_t plans = 0;               // 检查计划制订: plans made for the year
    int64_t filedPlans = 0;          // 平台使用度: of those, filed on the platform
    int64_t visits = 0;              // on-site visits made
    int64_t jointVisits = 0;         // 联合检查比例: visits by more than one department
    int64_t crossLevelVisits = 0;    // 层级间联动: visits joining departments of different levels
    int64_t enterprisesVisited = 0;
    int64_t enterprises = 0;
    double platformUse = 0;          // filedPlans / plans
    double jointShare = 0;           // jointVisits / visits
    double crossLevelShare = 0;      // crossLevelVisits / visits
    double visitsPerEnterprise = 0;  // 企业检查频次: visits / enterprises visited
};

TrackedFigures trackedFigures(const Workspace& workspace, int year);

}  // namespace inspectonce::report
