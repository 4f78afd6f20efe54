// One function per screen, one file per screen (screen_<name>.cpp), all over AppState.
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"

namespace inspectonce::ui {

// The ids `--screen` and the page's `screen=` accept: every screen, plus rules, decision and
// plugins (tabs of the policy screen); and the same as one comma-separated line.
std::vector<std::string> screenIds();
std::string screenIdList();

void drawMenuBar(AppState& state);          // screen_menu.cpp: language, storage, the working day

// Workspace screens (the navigation in app.cpp lists them in this order).
void drawDashboardScreen(AppState& state);    // screen_dashboard.cpp: figures against the county's targets
void drawEnterprisesScreen(AppState& state);  // screen_enterprises.cpp: the table and one enterprise's page
void drawPlansScreen(AppState& state);        // screen_plans.cpp: plans, their filing decisions, exceptions
void drawCalendarScreen(AppState& state);     // screen_calendar.cpp: month with blackout days
void drawPlannerScreen(AppState& state);      // screen_planner.cpp: joint visits, notices, codes
void drawDrawScreen(AppState& state);         // screen_draw.cpp: the random draw (双随机)
void drawDemandsScreen(AppState& state);      // screen_demands.cpp: demands and complaints inbox
void drawFindingsScreen(AppState& state);     // screen_findings.cpp: findings, rectification, closure list
void drawReportsScreen(AppState& state);      // screen_reports.cpp: due lists and reports, print, export
void drawSimulationScreen(AppState& state);   // screen_simulation.cpp: a county-year under the policies, replayed
void drawExercisesScreen(AppState& state);    // screen_exercises.cpp: training exercises scored by the engines
void drawPolicyScreen(AppState& state);       // screen_policy.cpp: plugins, rules, decision try-out
void drawSettingsScreen(AppState& state);     // screen_settings.cpp: county, language, day, data

// Parts of the policy screen.
void drawPluginsScreen(AppState& state);    // screen_plugins.cpp: loaded county plugins
void drawRulesScreen(AppState& state);      // screen_rules.cpp: the county's rules by topic, with clauses
void drawDecisionScreen(AppState& state);   // screen_decision.cpp: try a decision, see reasons and clauses

}  // namespace inspectonce::ui
