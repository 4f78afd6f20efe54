// The case widgets the demands inbox and the findings board share: a case's standing in its
// colour, its details and steps, the form for one transition (its role, what it needs, the
// engine's refusal with its clause right under it), and the pickers the forms use.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app_state.hpp"
#include "case_logic.hpp"
#include "case_views.hpp"

namespace inspectonce::ui {

ImVec4 standingColour(workflow::Standing standing);  // overdue red, due soon amber, else the text colour
// The standing's label in its colour, on the current line.
void standingText(const AppState& state, workflow::Standing standing);

// Draws `count` table rows through `row(i, wrap)`: every row, cells wrapping, while the list
// is short; through a clipper, one line a row (the full text on hover), when it is long.
void tableRows(std::size_t count, const std::function<void(std::size_t index, bool wrap)>& row);
// A table cell's text: wrapped, or on one line with the whole text as a tooltip.
void cellText(const std::string& text, bool wrap);
// A form label aligned with the field after it, which starts at `fieldX`.
void formLabel(const char* label, float fieldX);
// A width that fits the longest of `texts` in a combo.
float comboWidth(const std::vector<std::string>& texts, float least);

// A text field over a std::string (multi-line when `lines` > 1); true when it changed.
bool stringField(const char* id, const char* hint, std::string& value, float width, int lines = 1);
// A combo of the workspace's departments (and "none" when `optional`); true when it changed.
bool departmentPicker(AppState& state, const char* id, std::string& department, bool optional);
// An enterprise by its code or a part of its name: shows the name when the code is known,
// else a few names that match to pick from. Empty is allowed (no enterprise).
void enterprisePicker(AppState& state, const char* id, std::string& enterprise);

// The case's words, enterprise, state, deadline, standing on state.today and holder, then
// every step (date, transition, actor, data, clause).
void drawCaseDetails(AppState& state, const workflow::Definition& definition, const workflow::Case& item);

// The role picker, the actor's name and the transition's fields (the one `skip` names is
// filled elsewhere: the case's words). Returns the fields drawn.
std::vector<Field> drawTransitionInputs(AppState& state, const workflow::Definition& definition,
                                        const workflow::Transition& transition, const workflow::Case* current,
                                        StepForm& form, const std::string& skip = "");
// The engine's refusal, in red, where the form is.
void drawRefusal(const StepForm& form);

// One button per transition from the case's state; the chosen one's form, and "take it".
// Returns the case after a step the engine accepted.
std::optional<workflow::Case> drawCaseSteps(AppState& state, const workflow::Definition& definition,
                                            const workflow::Case& item, StepForm& form);
// Takes the form's transition on `item` through the workspace on state.today as the form's
// role; a refusal is kept in the form (and said in the status bar).
std::optional<workflow::Case> takeStep(AppState& state, const workflow::Definition& definition,
                                       const workflow::Case& item, StepForm& form);

// Opens a case with the open form (words, enterprise, department, category and the opening
// transition's fields) on state.today; a refusal is kept in form.step.refusal.
std::optional<workflow::Case> openNewCase(AppState& state, const workflow::Definition& definition, OpenForm& form);

}  // namespace inspectonce::ui
