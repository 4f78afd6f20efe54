// What the county's rules ask of a plan before it can be dated: the filing and the advance
// notice with their leads (how early), and the decision request for a plan on a day.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/decision.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::schedule_detail {

// An obligation checked against a date the plan or visit gives (filing, notice), due
// before the visit.
struct Lead {
    const ObligationRule* obligation = nullptr;
    const PolicyRule* rule = nullptr;
};

struct Leads {
    std::vector<Lead> filing;     // checks the filing date
    std::vector<Lead> notice;     // checks the notice date
    int noticeWorkdays = 0;       // the longest notice lead in working days (004 二(五): 5)
    std::optional<Citation> noticeClause;
};

// The leads that apply to a regular on-site visit of `kind`.
Leads leadsFor(const PolicyData& policy, InspectionKind kind);

// The first day d on which an obligation due `due` before d is met by something done on
// `done` (a filing, a notice): "5 working days ahead" → the 5th working day after `done`.
Result<Date> earliestDayAfter(const Due& due, Date done, const WorkCalendar& calendar);

// The notice date for a visit on `day`: `workdays` working days before it.
Result<Date> noticeDateFor(Date day, int workdays, const WorkCalendar& calendar);

// The request decide() answers for one plan, one item kind, on one day.
DecisionRequest requestFor(const Plan& plan, const WorkspaceEnterprise& enterprise, const WorkspaceDepartment& department,
                           Date day, const std::string& itemKind, bool joint, std::optional<Date> notice,
                           std::vector<HistoryEntry> history);

using ItemIndex = std::unordered_map<std::string, const InspectionItem*>;
ItemIndex indexItems(const Workspace& workspace);
// The same-kind groups (InspectionItem::kind) of a plan's items, each once, in order.
std::vector<std::string> itemKinds(const Plan& plan, const ItemIndex& items);

// The type of the rule a reason names ("quiet-period" → a blackout, not a PolicyRule).
std::optional<PolicyRule::Type> ruleType(const PolicyData& policy, const std::string& id);

}  // namespace inspectonce::schedule_detail
