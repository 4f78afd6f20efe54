// What the case screens decide, apart from drawing it: which workflows the inbox offers,
// which cases a filter keeps, the fields a transition asks for and which are still empty,
// and how the findings board groups cases. Pure functions over the workspace and the
// county's workflow definitions, so they can be tested without a frame.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

// ---- The inbox ---------------------------------------------------------------------------

enum class CaseShow { Open, Closed, Overdue, All };

// What an inbox list was derived for (recomputed when any of it moves).
struct CaseKey {
    std::string workflow;
    CaseShow show = CaseShow::Open;
    std::string search;
    Date day;
    bool operator==(const CaseKey&) const = default;
};

// The county's workflows the demands inbox offers: every one but findings (their board is
// the findings screen), in the county's order.
std::vector<const workflow::Definition*> inboxWorkflows(const PolicyData& policy);

bool isLate(workflow::Standing standing);     // overdue or escalated
bool isDueSoon(workflow::Standing standing);  // due soon or due today

// Whether `item` is shown under `show` on `day` and matches `search` (its number, words,
// enterprise code or name, department id or name, state; empty matches all).
bool caseMatches(const Workspace& workspace, const workflow::Case& item, CaseShow show, std::string_view search, Date day);
// The cases of `workflow` the filter keeps, as indices into workspace.cases, newest first.
std::vector<int32_t> inboxRows(const Workspace& workspace, std::string_view workflow, CaseShow show,
                               std::string_view search, Date day);

// ---- A transition's form -----------------------------------------------------------------

enum class FieldKind { Text, Date, Department, Choice };

struct Field {
    std::string key;
    FieldKind kind = FieldKind::Text;
    std::vector<std::string> choices;  // Choice: the values the transition's condition accepts
};

// What taking `transition` on `current` (null: opening a case) asks for: what it needs, and
// the attributes its condition looks at that the case does not carry yet.
std::vector<Field> transitionFields(const workflow::Definition& definition, const workflow::Transition& transition,
                                    const workflow::Case* current);
// The fields still empty (every field is required), in order.
std::vector<std::string> missingFields(const std::vector<Field>& fields, const std::map<std::string, std::string>& values);
// The data the engine is given: the fields' non-empty values.
workflow::Attributes fieldData(const std::vector<Field>& fields, const std::map<std::string, std::string>& values);
// The key an opening needs for the case's own words ("problem", "subject", "violation"), or
// empty: the words typed for the case fill it.
std::string wordsKey(const workflow::Transition& transition);
// The workspace's case `id` (cases are kept in ascending id), or null.
const workflow::Case* caseById(const Workspace& workspace, int64_t id);
// The transitions that leave the case's state (none once it is closed).
std::vector<const workflow::Transition*> availableSteps(const workflow::Definition& definition, const workflow::Case& item);

// Labels for data keys and condition values the county files use; the id itself otherwise.
Text fieldLabel(std::string_view key);
Text valueLabel(std::string_view value);

// ---- The findings board ------------------------------------------------------------------

struct BoardColumn {
    std::vector<std::string> states;
    Text name;
    bool final = false;
};

// One column per state that is not final, in the definition's order, then one for the
// final states together.
std::vector<BoardColumn> boardColumns(const workflow::Definition& definition);
// The cases of `definition` in each column (indices into workspace.cases, by deadline, the
// latest last, then by number); `onlyLate`: overdue and escalated ones only.
std::vector<std::vector<int32_t>> boardRows(const Workspace& workspace, const workflow::Definition& definition,
                                            const std::vector<BoardColumn>& columns, Date day, bool onlyLate);
// The loaded counties (their plugins) that define `workflow`, in loading order.
std::vector<const LoadedPlugin*> countiesWith(const PluginHost& plugins, std::string_view workflow);

// Names for who holds a case: a department of the workspace, or a role of the workflow.
Text holderLabel(const Workspace& workspace, const workflow::Definition& definition, const std::string& holder);
Text stateLabel(const workflow::Definition& definition, const std::string& state);
Text roleLabel(const workflow::Definition& definition, const std::string& role);

}  // namespace inspectonce::ui
