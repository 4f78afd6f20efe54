// What the plans screen shows about one plan: the county's decision on a day, asked of the
// core's decide() the way the scheduler asks it (one request per same-kind group of the
// plan's items, with the enterprise's earlier inspections as history), the first day a
// visit may lawfully take place, and the exceptions the county accepts with their clauses.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inspectonce/decision.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

// An exception (exceptions.hpp) the county's rules accept, with every clause that lists it.
struct CountyException {
    std::string id;
    Text name;
    std::vector<Citation> clauses;
};
// In the vocabulary's order; empty when the county accepts none.
std::vector<CountyException> countyExceptions(const PolicyData& policy);

// The stored visit that carries `plan`, or null.
const Visit* visitOf(const Workspace& workspace, int64_t plan);

// The decisions for `plan` on `day`: one per same-kind group of its items (InspectionItem::kind),
// in the plan's item order. History: the enterprise's recorded inspections and its stored
// visits before `day` (not the plan's own). When the plan's visit is on `day`, it counts as
// joint if it has several departments or units, and its notice date is given.
Result<std::vector<std::pair<std::string, Decision>>> planDecisions(const Workspace& workspace, const PolicyData& policy,
                                                                   const Plan& plan, Date day);

// The first working day of the plan's window outside every blackout that decide() names for
// it (a regular visit avoids them, as the scheduler does); an exception plan's first day;
// nullopt when there is none.
std::optional<Date> firstLawfulDay(const Workspace& workspace, const PolicyData& policy, const Plan& plan);

// The worst outcome of several decisions (refused over obliged over allowed).
Outcome overallOutcome(const std::vector<std::pair<std::string, Decision>>& decisions);

}  // namespace inspectonce::ui
