// The new-plan form: what it still needs before it can be saved, and the one-row plans CSV
// it is saved as (exchange::importCsv then checks every value, writes it in one transaction
// and audits it — the same path as an imported file).
#pragma once

#include <string>
#include <vector>

#include "inspectonce/text.hpp"
#include "inspectonce/workspace.hpp"
#include "planning_decision.hpp"
#include "planning_views.hpp"

namespace inspectonce::ui {

// What the draft still lacks, in the order of the form (empty: it can be saved).
std::vector<Text> draftMissing(const PlanDraft& draft, const Workspace& workspace);

// The plans CSV (English column ids, one row, no plan id: the import assigns the next one).
std::string draftCsv(const PlanDraft& draft, const Workspace& workspace, const std::vector<CountyException>& exceptions);

// The catalogue items a department owns (the items its plans may list), in catalogue order.
std::vector<const InspectionItem*> itemsOf(const Workspace& workspace, const std::string& department);

}  // namespace inspectonce::ui
