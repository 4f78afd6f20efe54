// The simulation screen (issue 8): which runs a choice makes, the replay's clock, and the
// screen itself over the real core: run, step, jump to a day, see what happened with its
// clause and the year's figures side by side.
#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>

#include "screens.hpp"
#include "simulation_view.hpp"
#include "ui_harness.hpp"

namespace inspectonce::test {
namespace {

// Draws frames until the queued runs are made (in slices, under the overlay).
void untilRun(HeadlessApp& app) {
    app.settle();
    EXPECT_EQ(app.state.simulation.queued, 0);
    app.frame();
}

std::vector<std::string> columns(const std::vector<ui::PlannedRun>& runs) {
    std::vector<std::string> out;
    for (const auto& r : runs) out.push_back((r.policy.empty() ? "none" : r.policy) + (r.whatIf ? "*" : ""));
    return out;
}

TEST(SimulationView, AllCountiesAndNoPolicyWithTheWhatIfBesideTheSelectedCounty) {
    HeadlessApp app;
    ui::SimulationView view;
    EXPECT_EQ(columns(ui::plannedRuns(view, app.state.plugins, "yunhe")),
              (std::vector<std::string>{"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe", "none"}));
    view.changeQuiet = true;  // Yunhe's quiet period (004 二(三)) changed
    EXPECT_EQ(columns(ui::plannedRuns(view, app.state.plugins, "yunhe")),
              (std::vector<std::string>{"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe", "yunhe*", "none"}));
    view.compareAll = false;
    view.changeQuiet = false;
    view.changeCap = true;  // Dinghai has no on-site cap: nothing to change
    EXPECT_EQ(columns(ui::plannedRuns(view, app.state.plugins, "dinghai")), (std::vector<std::string>{"dinghai", "none"}));
    EXPECT_EQ(ui::generatedAs(view, app.state.plugins, "dinghai")->id, "dinghai");
}

TEST(SimulationView, TheReplayPlaysAtItsSpeedAndStopsOnTheLastDay) {
    ui::SimulationView view;
    simulate::Run run;
    for (int i = 0; i < 365; ++i) run.days.push_back({Date::fromYmd(2025, 1, 1).value().plusDays(i)});
    view.runs.push_back(run);
    ui::advanceReplay(view, 1.0f);
    EXPECT_EQ(view.day, 0) << "paused";
    view.playing = true;
    view.speedIndex = 1;  // 7 days a second
    ui::advanceReplay(view, 0.5f);
    ui::advanceReplay(view, 0.5f);
    EXPECT_EQ(view.day, 7);
    ui::advanceReplay(view, 100.0f);
    EXPECT_EQ(view.day, 364);
    EXPECT_FALSE(view.playing);
    EXPECT_TRUE(ui::jumpTo(view, Date::fromYmd(2025, 8, 21).value()));
    EXPECT_EQ(view.runs.front().days[static_cast<std::size_t>(view.day)].date.iso(), "2025-08-21");
    EXPECT_FALSE(ui::jumpTo(view, Date::fromYmd(2026, 1, 1).value()));
}

TEST(SimulationScreen, ARunIsReplayedDayByDayWithWhatHappenedAndItsClause) {
    HeadlessApp app("yunhe");
    ImGui::GetIO().DisplaySize = ImVec2(1280, 3000);
    app.state.county = "yunhe";
    app.show("simulation");
    EXPECT_TRUE(app.shows("运行模拟"));
    app.state.simulation.sizeIndex = 0;  // 500 enterprises
    app.click("sim-compare-one");
    app.click("sim-run");
    untilRun(app);
    const auto& view = app.state.simulation;
    ASSERT_FALSE(view.error) << *view.error;
    ASSERT_EQ(view.runs.size(), 2u);
    EXPECT_EQ(view.runs[0].policy, "yunhe");
    EXPECT_EQ(view.runs[1].policy, "none");
    EXPECT_TRUE(app.shows("联合检查实施率"));
    EXPECT_TRUE(app.shows("云和县"));
    EXPECT_TRUE(app.shows("004 一")) << "the yearly target with its clause";

    app.click("sim-step");
    EXPECT_EQ(view.day, 1);
    // A day when something happened with a clause: the list shows it.
    const simulate::Happening* cited = nullptr;
    for (const auto& h : view.runs[0].happenings)
        if (!h.clause.empty() && h.kind == "complaint") {
            cited = &h;
            break;
        }
    ASSERT_NE(cited, nullptr);
    ASSERT_TRUE(ui::jumpTo(app.state.simulation, cited->date));
    app.frame(2);
    EXPECT_TRUE(app.shows(cited->date.iso()));
    EXPECT_TRUE(app.shows(cited->clause));
    EXPECT_TRUE(app.missingGlyphs().empty());

    app.state.language = Language::English;
    app.frame(2);
    EXPECT_TRUE(app.shows("joint-inspection rate"));
    EXPECT_TRUE(app.missingGlyphs().empty());
}

// What if Yunhe had no quiet period (004 二(三))? Its column and the changed one side by side.
TEST(SimulationScreen, AWhatIfIsRunBesideTheCountysOwnPolicy) {
    HeadlessApp app("yunhe");
    ImGui::GetIO().DisplaySize = ImVec2(1280, 3000);
    app.state.county = "yunhe";
    app.show("simulation");
    auto& view = app.state.simulation;
    view.sizeIndex = 0;
    view.compareAll = false;
    view.changeQuiet = true;
    view.quietDays = 0;
    app.frame();
    app.click("sim-run");
    untilRun(app);
    ASSERT_EQ(view.runs.size(), 3u);
    EXPECT_FALSE(view.runs[0].whatIf);
    EXPECT_TRUE(view.runs[1].whatIf);
    EXPECT_NE(view.runs[1].name.zh.find("无安静期"), std::string::npos);
    EXPECT_EQ(view.runs[1].figures.blackoutExceptions, 0);
    EXPECT_TRUE(app.shows("无安静期"));
}

}  // namespace
}  // namespace inspectonce::test

namespace inspectonce::test {
namespace {

// Issue 7, long work never freezes the page: the year is lived a few days a slice, the
// overlay's progress moving through it; cancelling stops the comparison (the runs made
// stay, the rest are skipped) without an error.
TEST(SimulationScreen, TheYearsAreLivedInSlicesAndACancelStopsTheComparison) {
    HeadlessApp app("yunhe");
    ImGui::GetIO().DisplaySize = ImVec2(1280, 3000);
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame
    app.state.county = "yunhe";
    app.show("simulation");
    app.state.simulation.sizeIndex = 0;  // 500 enterprises
    app.click("sim-compare-all");
    app.click("sim-run");
    int planned = app.state.simulation.queued;
    ASSERT_EQ(planned, 6);  // five counties and none
    // The first county's year: more than a hundred frames, each a few days further on.
    double last = 0;
    int moves = 0;
    for (int frame = 0; frame < 2000 && app.state.simulation.runs.empty(); ++frame) {
        app.frame();
        if (!app.state.longWork.empty() && app.state.longWork.front().fraction > last) {
            last = app.state.longWork.front().fraction;
            ++moves;
        }
    }
    EXPECT_GE(moves, 100);
    ASSERT_EQ(app.state.simulation.runs.size(), 1u);
    app.frame(5);  // into the second county's year
    app.click("work-cancel");
    app.settle();
    const auto& view = app.state.simulation;
    EXPECT_EQ(view.queued, 0);
    EXPECT_EQ(view.runs.size(), 1u) << "the runs after the cancelled one are skipped";
    EXPECT_FALSE(view.error.has_value());
    bool said = false;
    for (const auto& m : app.state.messages) said = said || m.text.zh.rfind("已取消：模拟", 0) == 0;
    EXPECT_TRUE(said);
}

}  // namespace
}  // namespace inspectonce::test
