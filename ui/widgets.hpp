// Small pieces every screen draws the same way: colours that mean something, a clause
// citation, a file chooser that is the browser's picker or the desktop's path field, a date
// field, and figures formatted for officials.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "app_state.hpp"

namespace inspectonce::ui {

inline const ImVec4 kProblemColour(0.78f, 0.16f, 0.12f, 1);
inline const ImVec4 kGoodColour(0.10f, 0.48f, 0.22f, 1);
inline const ImVec4 kWarningColour(0.80f, 0.50f, 0.05f, 1);

// A section heading: some space, the title, a rule (this ImGui has no SeparatorText).
void sectionTitle(const AppState& state, const Text& title);
// "依据 004 二(三)" / "Clause 004 二(三)", greyed, on the current line.
void clauseText(const AppState& state, const Citation& clause);
// A button that imports a file for `purpose`: the browser opens its picker; the desktop
// shows a path field and reads the file. `accept` is the picker's filter (".csv").
void fileChooser(AppState& state, const char* id, const Text& label, const std::string& purpose, const std::string& accept);
// A YYYY-MM-DD field; returns the date when the text is a date of the calendar's years.
std::optional<Date> dateField(const char* label, char* buffer, std::size_t size);
// Text in the width left on the line (a table cell): cut with "…" when it does not fit, and
// shown whole in a tooltip on hover, so nothing is cut off unseen.
void fittedText(const std::string& text);
// 12 345 and 67.8 % as officials read them.
std::string grouped(int64_t value);
std::string percent(double share);
// Saves through the platform and says where it went (or why not).
void saveFile(AppState& state, const std::string& name, const std::string& mime, const std::string& bytes);
void printPage(AppState& state, const std::string& name, const std::string& html);
// Records where the last widget was drawn under `name` (state.marks): the page publishes
// them so end-to-end tests click real buttons.
void markItem(AppState& state, const std::string& name);
// "no workspace open" with what to do about it; true when there is none (the caller returns).
bool noWorkspace(AppState& state);

}  // namespace inspectonce::ui
