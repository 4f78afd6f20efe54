// Reading "workflows" of a county parameter file (see workflow.hpp): roles, states with
// their deadlines in working days, transitions, reminders and escalation, each with the
// clause of the county's own document.
#pragma once

#include "inspectonce/policy.hpp"
#include "json/json_reader.hpp"

namespace inspectonce {

// Reads the optional "workflows" array of `root` into `policy.workflows`, after the
// document (every clause must be one of the county's own document). Refuses, naming the
// JSON path: duplicate ids, an undeclared role or state, no opening transition, a state
// no opening reaches, a state from which no final state can be reached, a deadline that
// is not positive, a date-set deadline that the transitions entering it do not ask for,
// a transition only for missed deadlines out of a state without one.
Status readWorkflowSection(const json::Cursor& root, PolicyData& policy);

}  // namespace inspectonce
