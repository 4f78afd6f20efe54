// The plans, planner and draw screens drawn over a real demo workspace: what they show after
// the official's actions, every decision with its clause.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "planning_decision.hpp"
#include "planning_form.hpp"
#include "planning_rows.hpp"
#include "planning_store.hpp"
#include "screens.hpp"
#include "ui_harness.hpp"
#include "widgets.hpp"

namespace inspectonce::test {
namespace {

// A tall window, so that every button of a long screen is on it and can be pressed.
void tall() { ImGui::GetIO().DisplaySize = ImVec2(1280, 4000); }

// The first working day of the quiet period (Yunhe: the last ten days of a month, 004 二(三))
// in `month`.
Date quietWorkday(YearMonth month) {
    for (Date d = Date::fromYmd(month.year, month.month, 21).value(); d <= month.last(); d = d.plusDays(1))
        if (WorkCalendar::official().isWorkday(d).value()) return d;
    return month.last();
}

}  // namespace

// Issue 7, long work never freezes the page: the scheduler runs in slices under a modal
// overlay showing its progress; the app draws between slices, and nothing is saved until
// the last enterprise is placed.
TEST(PlanningScreens, TheSchedulerRunsInSlicesShowingItsProgress) {
    HeadlessApp app("yunhe");
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame
    app.show("planner");
    app.click("run-scheduler");
    ASSERT_EQ(app.state.longWork.size(), 1u);
    EXPECT_TRUE(app.state.marks.count("work-progress")) << "the overlay shows the progress";
    std::vector<double> seen;
    for (int frame = 0; frame < 1000 && !app.state.longWork.empty(); ++frame) {
        EXPECT_TRUE(app.state.workspace.workspace()->visits.empty()) << "saved before the run ended, frame " << frame;
        seen.push_back(app.state.longWork.front().fraction);
        app.frame();
    }
    ASSERT_TRUE(app.state.longWork.empty());
    // 300 enterprises, 25 a slice: a dozen frames drawn while the run went on, each further on.
    EXPECT_GE(risingProgress(seen).size(), 10u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    ASSERT_TRUE(app.state.planning.planner.lastRun.has_value());
    EXPECT_EQ(app.state.workspace.workspace()->visits.size(), app.state.planning.planner.lastRun->visits.size());
    EXPECT_GT(app.state.planning.planner.lastRun->figures.visits, 0);
}

// The overlay is modal: the official cannot change the workspace under the run; and a run
// cancelled half-way leaves the workspace as it was.
TEST(PlanningScreens, ACancelledSchedulerRunSavesNothing) {
    HeadlessApp app("yunhe");
    app.state.workSlice = std::chrono::milliseconds(0);
    app.show("planner");
    auto version = app.state.workspace.version();
    app.click("run-scheduler");
    app.frame(3);
    ASSERT_FALSE(app.state.longWork.empty());
    EXPECT_GT(app.state.longWork.front().fraction, 0.0);
    app.click("run-scheduler");  // under the modal overlay: not pressed again
    EXPECT_EQ(app.state.longWork.size(), 1u);
    app.click("work-cancel");
    EXPECT_TRUE(app.state.longWork.empty());
    EXPECT_TRUE(app.state.workspace.workspace()->visits.empty());
    EXPECT_FALSE(app.state.planning.planner.lastRun.has_value());
    EXPECT_EQ(app.state.workspace.version(), version);
    ASSERT_FALSE(app.state.messages.empty());
    EXPECT_EQ(app.lastMessage().text.zh, "已取消：正在排期");
}

// The codes are issued and the visits written in slices too (a county of 100 000 enterprises
// has 120 000 visits): a cancel while they are being written leaves the file with none.
TEST(PlanningScreens, ACancelWhileTheVisitsAreWrittenLeavesTheFileAsItWas) {
    HeadlessApp app("yunhe", 2000);
    app.state.workSlice = std::chrono::milliseconds(0);
    app.show("planner");
    auto version = app.state.workspace.version();
    app.click("run-scheduler");
    std::vector<double> seen;
    for (int frame = 0; frame < 10000 && !app.state.longWork.empty() && app.state.longWork.front().fraction <= 0.81; ++frame) {
        seen.push_back(app.state.longWork.front().fraction);
        app.frame();
    }
    ASSERT_FALSE(app.state.longWork.empty()) << "the writing took one slice";
    double writing = app.state.longWork.front().fraction;
    EXPECT_GT(writing, 0.8) << "placing and the codes take the first 80% of the bar";
    EXPECT_LT(writing, 1.0);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    app.click("work-cancel");
    EXPECT_TRUE(app.state.longWork.empty());
    EXPECT_EQ(app.state.workspace.version(), version);
    EXPECT_TRUE(app.state.workspace.workspace()->visits.empty());
    auto stored = store::loadWorkspace(app.path());
    ASSERT_TRUE(stored) << stored.error().message();
    EXPECT_TRUE(stored->visits.empty()) << "the visits written before the cancel were rolled back";

    // Run again to the end: the file holds the whole schedule.
    app.click("run-scheduler");
    app.settle();
    ASSERT_TRUE(app.state.planning.planner.lastRun.has_value());
    stored = store::loadWorkspace(app.path());
    ASSERT_TRUE(stored) << stored.error().message();
    EXPECT_EQ(stored->visits, app.state.planning.planner.lastRun->visits);
    EXPECT_EQ(app.state.workspace.workspace()->visits, stored->visits);
}

TEST(PlanningScreens, ThePlannerShowsTheRunAgainstTheLowerBound) {
    HeadlessApp app("yunhe");
    app.show("planner");
    EXPECT_TRUE(app.shows("尚无入企检查"));
    app.click("run-scheduler");
    app.settle();  // the run goes in slices under its overlay (AppState::runSteps)
    const auto& run = app.state.planning.planner.lastRun;
    ASSERT_TRUE(run.has_value());
    ASSERT_GT(run->figures.visits, 0);
    EXPECT_EQ(app.state.workspace.workspace()->visits.size(), run->visits.size());
    EXPECT_TRUE(app.shows("下界（最少次数）"));
    EXPECT_TRUE(app.shows(ui::grouped(run->figures.visits)));
    EXPECT_TRUE(app.shows(ui::grouped(run->figures.lowerBound)));
    EXPECT_TRUE(app.shows(ui::percent(run->figures.jointRate)));
    EXPECT_TRUE(app.shows("入企检查 " + ui::grouped(static_cast<int64_t>(run->visits.size()))));
    for (const auto& [clause, count] : run->figures.refusedByClause) EXPECT_TRUE(app.shows(clause)) << clause;

    // Reading the workspace again forgets the run but keeps its visits.
    std::string firstDay = run->visits.front().date.iso();
    app.state.planning.planner.lastRun.reset();
    app.frame(2);
    EXPECT_TRUE(app.shows("显示已保存的排期"));
    EXPECT_TRUE(app.shows(firstDay));
}

TEST(PlanningScreens, MovingAVisitIntoTheQuietPeriodShowsTheClauseAndIsNotSaved) {
    HeadlessApp app("yunhe");
    tall();
    auto run = app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy);
    ASSERT_TRUE(run.ok());
    app.state.planning.planner.lastRun = *run;
    const Workspace& w = *app.state.workspace.workspace();
    const Visit* chosen = nullptr;
    for (const auto& v : w.visits) {
        const WorkspaceEnterprise* e = w.enterprise(v.enterprise);
        if (v.noticeDate && e && e->enterprise.lists.empty() && v.date.day() <= 20) {
            chosen = &v;
            break;
        }
    }
    ASSERT_NE(chosen, nullptr);
    int64_t id = chosen->id;
    Date before = chosen->date;
    Date quiet = quietWorkday(YearMonth::of(before));
    app.state.planning.planner.selected = id;
    app.show("planner");
    EXPECT_TRUE(app.shows("调整检查日期"));
    EXPECT_TRUE(app.shows(chosen->code));
    auto& move = app.state.planning.planner.move;
    ASSERT_EQ(move.visit, id);
    std::snprintf(move.date.data(), move.date.size(), "%s", quiet.iso().c_str());
    app.frame(2);
    EXPECT_TRUE(app.shows("改期违反规则"));
    EXPECT_TRUE(app.shows("004 二(三)"));
    ASSERT_FALSE(move.introduced.empty());
    bool quietClause = std::any_of(move.introduced.begin(), move.introduced.end(), [](const Violation& v) {
        return std::find(v.clauses.begin(), v.clauses.end(), "004 二(三)") != v.clauses.end();
    });
    EXPECT_TRUE(quietClause);
    // The Save button is disabled: pressing where it is changes nothing.
    EXPECT_EQ(app.state.workspace.workspace()->visit(id)->date, before);

    // Back inside the window on a lawful day: no violation, and it saves.
    const Plan* plan = w.plan(chosen->plans.front());
    ASSERT_NE(plan, nullptr);
    std::snprintf(move.date.data(), move.date.size(), "%s", before.iso().c_str());
    app.frame(2);
    EXPECT_TRUE(app.shows("输入新的日期"));
}

TEST(PlanningScreens, ThePlansScreenShowsARefusalWithItsClause) {
    HeadlessApp app("yunhe");
    tall();
    const Workspace& w = *app.state.workspace.workspace();
    const PolicyData& policy = app.state.workspacePlugin()->policy;
    // Yunhe exempts grade A enterprises from routine inspections (a rule of type exempt).
    std::vector<std::string> exemptClauses;
    for (const PolicyRule* rule : Policy(policy).rulesOf(PolicyRule::Type::Exempt)) exemptClauses.push_back(rule->clause.text());
    ASSERT_FALSE(exemptClauses.empty());
    const Plan* chosen = nullptr;
    for (const auto& p : w.plans) {
        const WorkspaceEnterprise* e = w.enterprise(p.enterprise);
        if (p.method == Method::OnSite && p.kind == InspectionKind::Inspection && !p.exception && e && e->enterprise.grade == CreditGrade::A) {
            chosen = &p;
            break;
        }
    }
    ASSERT_NE(chosen, nullptr);
    app.state.planning.plans.selected = chosen->id;
    app.show("plans");
    EXPECT_TRUE(app.shows("计划 " + std::to_string(chosen->id)));
    EXPECT_TRUE(app.shows("判定（"));
    EXPECT_TRUE(app.shows("不允许"));  // the outcome
    EXPECT_TRUE(app.shows("不得"));    // the refusing reason …
    bool cited = std::any_of(exemptClauses.begin(), exemptClauses.end(), [&](const std::string& c) { return app.shows("[" + c + "]"); });
    EXPECT_TRUE(cited);  // … with its clause

    // On a quiet-period day the decision names the quiet period and its clause.
    Date quiet = quietWorkday(YearMonth::of(chosen->window.first));
    auto& day = app.state.planning.plans.day;
    std::snprintf(day.data(), day.size(), "%s", quiet.iso().c_str());
    app.frame(2);
    EXPECT_TRUE(app.shows("判定（云和县 · " + quiet.iso()));
    EXPECT_TRUE(app.shows("[004 二(三)]"));
}

TEST(PlanningScreens, APlanTheSchedulerRefusedShowsTheSameClauseOnThePlansScreen) {
    HeadlessApp app("yunhe");
    tall();
    auto run = app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy);
    ASSERT_TRUE(run.ok());
    app.state.planning.planner.lastRun = *run;
    const Refusal* refusal = nullptr;
    for (const auto& r : run->refusals)
        if (!r.clause.text().empty()) {
            refusal = &r;
            break;
        }
    ASSERT_NE(refusal, nullptr);
    app.state.planning.plans.selected = refusal->plan;
    app.show("plans");
    EXPECT_TRUE(app.shows("上次排期未安排"));
    EXPECT_TRUE(app.shows("依据 " + refusal->clause.text()));
}

TEST(PlanningScreens, ANewPlanIsSavedThroughTheStoreAndAnExceptionRequested) {
    HeadlessApp app("yunhe");
    tall();
    const Workspace& w = *app.state.workspace.workspace();
    std::size_t plans = w.plans.size();
    const Plan model = w.plans.front();
    auto& draft = app.state.planning.plans.draft;
    for (std::size_t d = 0; d < w.departments.size(); ++d)
        if (w.departments[d].id == model.department) draft.department = static_cast<int>(d);
    const auto& units = w.departments[static_cast<std::size_t>(draft.department)].units;
    for (std::size_t u = 0; u < units.size(); ++u)
        if (units[u] == model.unit) draft.unit = static_cast<int>(u);
    std::snprintf(draft.enterprise.data(), draft.enterprise.size(), "%s", model.enterprise.c_str());
    draft.items = model.items;
    app.state.planning.plans.formOpen = true;
    app.show("plans");
    EXPECT_TRUE(app.shows("新建检查计划"));
    EXPECT_FALSE(app.shows("至少选择一个检查事项"));
    app.click("save-plan");
    EXPECT_EQ(app.state.workspace.workspace()->plans.size(), plans + 1);
    int64_t id = app.state.planning.plans.selected;  // the saved plan is selected
    const Plan* saved = app.state.workspace.workspace()->plan(id);
    ASSERT_NE(saved, nullptr);
    EXPECT_EQ(saved->enterprise, model.enterprise);
    EXPECT_EQ(saved->items, model.items);
    EXPECT_FALSE(saved->exception.has_value());

    // An exception for it: chosen from the county's list, written with its audit entry,
    // and read back by the session.
    auto exceptions = ui::countyExceptions(app.state.workspacePlugin()->policy);
    ASSERT_FALSE(exceptions.empty());
    app.frame(2);
    app.state.planning.plans.exception = 0;
    app.frame();
    app.click("request-exception");
    const Plan* changed = app.state.workspace.workspace()->plan(id);
    ASSERT_NE(changed, nullptr);
    EXPECT_EQ(changed->exception, std::optional<std::string>(exceptions.front().id));
    app.frame();
    EXPECT_TRUE(app.shows("已申请："));
    EXPECT_TRUE(app.shows(exceptions.front().name.zh));
    auto version = app.state.workspace.version();
    Status unknown = app.state.workspace.change([&](store::Database& db) {
        return store::requestPlanException(db, 999999999, exceptions.front().id, "", "", app.state.today);
    });
    EXPECT_FALSE(unknown.ok());
    EXPECT_EQ(app.state.workspace.version(), version);  // refused: nothing read again
}

TEST(PlanningScreens, TheDrawIsRunPublishedAndVerified) {
    HeadlessApp app("yunhe");
    tall();
    auto& view = app.state.planning.draw;
    app.show("draw");
    EXPECT_TRUE(app.shows("1 配置抽查"));
    view.departments = {app.state.workspace.workspace()->departments.front().id};
    std::snprintf(view.seed.data(), view.seed.size(), "%s", "2026-03-16 公开摇号 314159");
    app.frame(2);
    app.click("run-draw");
    ASSERT_TRUE(view.record.has_value()) << (view.error ? view.error->message() : "");
    ASSERT_FALSE(view.record->drawn.empty());
    app.frame();
    EXPECT_TRUE(app.shows("2 抽查结果"));
    EXPECT_TRUE(app.shows(view.record->drawn.front().name));
    EXPECT_TRUE(app.shows(view.record->hashes.input));
    app.click("publish-draw");
    ASSERT_TRUE(view.record->id.has_value());
    app.frame();
    EXPECT_TRUE(app.shows("已公开并保存为第"));
    app.click("verify-draw");
    ASSERT_TRUE(view.verification.has_value());
    EXPECT_EQ(view.verification->outcome, DrawVerification::Outcome::Confirmed);
    app.frame();
    EXPECT_TRUE(app.shows("核验通过"));
    EXPECT_EQ(view.stored.size(), 1u);
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});
}

TEST(PlanningScreens, EveryPlanningScreenDrawsInEnglishWithoutMissingGlyphs) {
    HeadlessApp app("yunhe");
    tall();
    auto run = app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy);
    ASSERT_TRUE(run.ok());
    app.state.planning.planner.lastRun = *run;
    app.state.planning.planner.selected = run->visits.front().id;
    app.state.planning.plans.selected = app.state.workspace.workspace()->plans.front().id;
    app.state.planning.plans.formOpen = true;
    for (Language language : {Language::Chinese, Language::English}) {
        app.state.language = language;
        for (const char* screen : {"plans", "planner", "draw"}) {
            app.show(screen);
            EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{}) << screen;
        }
    }
    EXPECT_TRUE(app.shows("Run the draw"));
}

}  // namespace inspectonce::test
