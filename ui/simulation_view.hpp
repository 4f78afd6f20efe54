// The simulation screen's state and its logic, apart from drawing (screen_simulation.cpp):
// which runs to make, the replay's day and speed, the series the charts draw, the day's
// happenings. Runs are made a few days per slice of long work (AppState::runSteps), so the
// app keeps drawing and shows which county it is on and how far into its year.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/simulate.hpp"
#include "inspectonce/plugin_host.hpp"

namespace inspectonce::ui {

// The sizes offered: quick to run in the browser, and the 5 000-enterprise county.
inline constexpr std::array<int64_t, 3> kSimulationSizes = {500, 2000, 5000};
// Days the replay moves per second while it plays.
inline constexpr std::array<int, 3> kReplaySpeeds = {2, 7, 30};

// One run to make: a county's policy (changed by the what-if, or not), or none.
struct PlannedRun {
    std::string policy;   // a county id; empty: no policy
    bool whatIf = false;
};

struct SimulationView {
    // What to run
    bool compareAll = true;     // the five counties and none; else the selected county and none
    int sizeIndex = 1;          // into kSimulationSizes
    int year = 2025;
    int seed = 1;
    bool changeQuiet = false;   // what-if, applied to the selected county
    int quietDays = 15;
    bool changeCap = false;
    int cap = 1;

    // What was run
    std::vector<simulate::Run> runs;   // in column order
    int queued = 0;                    // runs still to make
    int generation = 0;                // counts comparisons started
    int cancelled = 0;                 // the comparison the official cancelled
    std::optional<std::string> error;  // the last run's failure, as said to the official

    // The replay
    int day = 0;                // index into each run's days
    bool playing = false;
    int speedIndex = 1;
    float carried = 0;          // a part of a day carried to the next frame
    int shownRun = 0;           // whose happenings are listed
    std::array<char, 11> jumpInput{};
};

// The runs to make for the view's choices: every loaded county (or the selected one), each
// followed by its what-if when one applies to it, then no policy.
std::vector<PlannedRun> plannedRuns(const SimulationView& view, const PluginHost& plugins, const std::string& selected);
// The county the enterprises are generated as: Yunhe when loaded and all are compared, else
// the selected county, else the first loaded.
const LoadedPlugin* generatedAs(const SimulationView& view, const PluginHost& plugins, const std::string& selected);
// The what-if of the view, as the core takes it.
simulate::WhatIf whatIfOf(const SimulationView& view);
// One planned run being made, a slice at a time. The what-if's changed policy lives here,
// beside the year that reads it.
struct RunInMaking {
    PlannedRun planned;
    std::unique_ptr<PolicyData> changed;
    std::optional<simulate::YearRun> year;
};
// Starts one planned run: the county generated and its year drawn, no day lived yet.
Result<RunInMaking> startRun(const SimulationView& view, const PlannedRun& planned, const PluginHost& plugins,
                             const std::string& selected);
// The year of a run stepped to its end; a what-if's name says the change.
Result<simulate::Run> finishRun(const SimulationView& view, RunInMaking& making);
// Makes one planned run in one go (start, every day, finish).
Result<simulate::Run> makeRun(const SimulationView& view, const PlannedRun& planned, const PluginHost& plugins,
                              const std::string& selected);

// The replay moves on by `seconds` while playing; it stops on the last day.
void advanceReplay(SimulationView& view, float seconds);
// Moves the replay to `date` if a run holds it; false otherwise.
bool jumpTo(SimulationView& view, Date date);
int lastDay(const SimulationView& view);

enum class Series { VisitsSoFar, OpenCases, OverdueCases };
// The day-by-day values of one run up to and including the replay's day.
std::vector<float> seriesOf(const simulate::Run& run, Series series, int upToDay);
// What happened in `run` on `date`.
std::vector<const simulate::Happening*> happeningsOn(const simulate::Run& run, Date date);

}  // namespace inspectonce::ui
