// One function per screen, one file per screen (screen_<name>.cpp), all over AppState.
#pragma once

#include "app_state.hpp"

namespace inspectonce::ui {

void drawMenuBar(AppState& state);          // screen_menu.cpp: language, about
void drawPluginsScreen(AppState& state);    // screen_plugins.cpp: loaded county plugins
void drawCalendarScreen(AppState& state);   // screen_calendar.cpp: month with blackout days
void drawRulesScreen(AppState& state);      // screen_rules.cpp: the county's rules by topic, with clauses
void drawDecisionScreen(AppState& state);   // screen_decision.cpp: try a decision, see reasons and clauses

}  // namespace inspectonce::ui
