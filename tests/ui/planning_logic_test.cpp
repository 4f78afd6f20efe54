// The planning screens' pure logic over a real demo workspace: which plans and visits the
// tables list and in which order, what the new-plan and draw forms need, the decision asked
// for a plan, and which violations a moved visit introduces.
#include <gtest/gtest.h>

#include <algorithm>

#include "inspectonce/exchange.hpp"
#include "inspectonce/plugin_host.hpp"
#include "planning_decision.hpp"
#include "planning_draw.hpp"
#include "planning_form.hpp"
#include "planning_rows.hpp"
#include "planning_visits.hpp"
#include "workspace_session.hpp"

namespace inspectonce::test {
namespace {

struct Demo {
    PluginHost host;
    const LoadedPlugin* plugin = nullptr;
    Workspace workspace;

    explicit Demo(const std::string& county = "yunhe") {
        auto loaded = host.loadDirectory(INSPECTONCE_PLUGIN_DIR);
        EXPECT_TRUE(loaded.ok());
        plugin = host.find(county);
        EXPECT_NE(plugin, nullptr);
        workspace = ui::demoWorkspace(plugin->policy, Date::parse("2026-03-16").value(), 300).value();
    }
    const PolicyData& policy() const { return plugin->policy; }
};

Demo& demo() {
    static Demo d;
    return d;
}

}  // namespace

TEST(PlanningRows, ContainsTextIgnoresAsciiCaseOnly) {
    EXPECT_TRUE(ui::containsText("Market-Supervision", "market"));
    EXPECT_TRUE(ui::containsText("云和县市场监督管理局", "市场"));
    EXPECT_FALSE(ui::containsText("fire", "fired"));
    EXPECT_TRUE(ui::containsText("anything", ""));
}

TEST(PlanningRows, EveryPlanIsListedWithoutSearchAndEachColumnSorts) {
    const Workspace& w = demo().workspace;
    ASSERT_GT(w.plans.size(), 10u);
    for (int c = 0; c < ui::kPlanColumns; ++c) {
        for (bool ascending : {true, false}) {
            auto rows = ui::planRows(w, "", static_cast<ui::PlanColumn>(c), ascending);
            ASSERT_EQ(rows.size(), w.plans.size()) << c;
            auto plan = [&](int32_t i) -> const Plan& { return w.plans[static_cast<std::size_t>(i)]; };
            for (std::size_t i = 1; i < rows.size(); ++i) {
                const Plan& a = plan(rows[i - 1]);
                const Plan& b = plan(rows[i]);
                switch (static_cast<ui::PlanColumn>(c)) {
                    case ui::PlanColumn::Id: EXPECT_EQ(a.id < b.id, ascending); break;
                    case ui::PlanColumn::Window:
                        if (a.window.first != b.window.first) {
                            EXPECT_EQ(a.window.first < b.window.first, ascending);
                        }
                        break;
                    case ui::PlanColumn::Department:
                        if (a.department != b.department) {
                            EXPECT_EQ(a.department < b.department, ascending);
                        }
                        break;
                    case ui::PlanColumn::Filed:
                        if (a.filedOn && b.filedOn && *a.filedOn != *b.filedOn) {
                            EXPECT_EQ(*a.filedOn < *b.filedOn, ascending);
                        }
                        break;
                    default: break;
                }
            }
        }
    }
}

TEST(PlanningRows, SearchFindsByEnterpriseNameCodeAndDepartment) {
    const Workspace& w = demo().workspace;
    const Plan& some = w.plans[w.plans.size() / 2];
    std::string name = ui::enterpriseName(w, some.enterprise);
    auto byName = ui::planRows(w, name, ui::PlanColumn::Id, true);
    ASSERT_FALSE(byName.empty());
    for (int32_t i : byName) {
        const Plan& p = w.plans[static_cast<std::size_t>(i)];
        bool matches = ui::enterpriseName(w, p.enterprise).find(name) != std::string::npos || p.department.find(name) != std::string::npos;
        EXPECT_TRUE(matches) << p.id;
    }
    EXPECT_TRUE(std::any_of(byName.begin(), byName.end(), [&](int32_t i) { return w.plans[static_cast<std::size_t>(i)].id == some.id; }));
    auto byCode = ui::planRows(w, some.enterprise, ui::PlanColumn::Id, true);
    for (int32_t i : byCode) EXPECT_EQ(w.plans[static_cast<std::size_t>(i)].enterprise, some.enterprise);
    auto byDepartment = ui::planRows(w, some.department, ui::PlanColumn::Id, true);
    std::size_t expected = static_cast<std::size_t>(std::count_if(w.plans.begin(), w.plans.end(), [&](const Plan& p) {
        return p.department.find(some.department) != std::string::npos || p.enterprise.find(some.department) != std::string::npos ||
               ui::enterpriseName(w, p.enterprise).find(some.department) != std::string::npos || p.unit.find(some.department) != std::string::npos;
    }));
    EXPECT_GE(byDepartment.size(), expected);
    EXPECT_TRUE(ui::planRows(w, "no enterprise is called this", ui::PlanColumn::Id, true).empty());
}

TEST(PlanningRows, VisitsFilterByEnterpriseAndDatePrefix) {
    Workspace w = demo().workspace;
    auto made = schedule(w, demo().policy());
    ASSERT_TRUE(made.ok());
    w.visits = made->visits;
    ASSERT_FALSE(w.visits.empty());
    EXPECT_EQ(ui::visitRows(w, "", "").size(), w.visits.size());
    const Visit& v = w.visits.front();
    std::string month = v.date.iso().substr(0, 7);
    auto inMonth = ui::visitRows(w, "", month);
    ASSERT_FALSE(inMonth.empty());
    for (int32_t i : inMonth) EXPECT_EQ(w.visits[static_cast<std::size_t>(i)].date.iso().substr(0, 7), month);
    auto ofEnterprise = ui::visitRows(w, ui::enterpriseName(w, v.enterprise), "");
    for (int32_t i : ofEnterprise)
        EXPECT_NE(ui::enterpriseName(w, w.visits[static_cast<std::size_t>(i)].enterprise).find(ui::enterpriseName(w, v.enterprise)), std::string::npos);
    EXPECT_TRUE(ui::visitRows(w, v.enterprise, v.date.iso()).size() >= 1);
}

TEST(PlanningForm, ADraftNamesWhatItLacksAndBecomesACsvTheImportReads) {
    const Workspace& w = demo().workspace;
    ui::PlanDraft draft;
    auto missing = ui::draftMissing(draft, w);
    EXPECT_GE(missing.size(), 4u);  // department, enterprise, items, dates

    const Plan& model = w.plans.front();
    for (std::size_t d = 0; d < w.departments.size(); ++d)
        if (w.departments[d].id == model.department) draft.department = static_cast<int>(d);
    const auto& units = w.departments[static_cast<std::size_t>(draft.department)].units;
    for (std::size_t u = 0; u < units.size(); ++u)
        if (units[u] == model.unit) draft.unit = static_cast<int>(u);
    std::snprintf(draft.enterprise.data(), draft.enterprise.size(), "%s", model.enterprise.c_str());
    draft.items = model.items;
    std::snprintf(draft.start.data(), draft.start.size(), "%s", model.window.first.iso().c_str());
    std::snprintf(draft.end.data(), draft.end.size(), "%s", model.window.last.iso().c_str());
    EXPECT_TRUE(ui::draftMissing(draft, w).empty());

    auto exceptions = ui::countyExceptions(demo().policy());
    ASSERT_FALSE(exceptions.empty());
    draft.exception = 0;
    std::string csv = ui::draftCsv(draft, w, exceptions);
    exchange::Problems problems;
    auto rows = exchange::readPlans(csv, "form", exchange::References::of(w), problems);
    ASSERT_TRUE(problems.empty()) << problems.listed.front().where() << " " << problems.listed.front().why.en;
    ASSERT_EQ(rows.records.size(), 1u);
    const Plan& read = rows.records.front();
    EXPECT_EQ(read.enterprise, model.enterprise);
    EXPECT_EQ(read.items, model.items);
    EXPECT_EQ(read.window.first, model.window.first);
    EXPECT_EQ(read.exception, std::optional<std::string>(exceptions.front().id));
    EXPECT_FALSE(read.filedOn.has_value());
    EXPECT_GT(read.id, w.plans.back().id);  // the next free id

    std::snprintf(draft.end.data(), draft.end.size(), "%s", model.window.first.plusDays(-1).iso().c_str());
    EXPECT_FALSE(ui::draftMissing(draft, w).empty());
}

TEST(PlanningDecision, TheCountyExceptionsCarryTheClausesThatListThem) {
    for (const auto& e : ui::countyExceptions(demo().policy())) {
        EXPECT_FALSE(e.clauses.empty()) << e.id;
        for (const auto& c : e.clauses) EXPECT_EQ(c.text().substr(0, 3), "004") << e.id;
    }
}

TEST(PlanningDecision, APlanIsDecidedPerItemKindAndTheFirstLawfulDayIsOutsideTheBlackout) {
    const Workspace& w = demo().workspace;
    const PolicyData& policy = demo().policy();
    int checked = 0;
    for (const Plan& plan : w.plans) {
        if (plan.method != Method::OnSite || plan.exception) continue;
        auto day = ui::firstLawfulDay(w, policy, plan);
        if (!day) continue;
        EXPECT_TRUE(plan.window.contains(*day));
        EXPECT_TRUE(WorkCalendar::official().isWorkday(*day).value());
        EXPECT_TRUE(Policy(policy).blackoutsOn(*day).value().empty()) << day->iso();
        auto decisions = ui::planDecisions(w, policy, plan, *day);
        ASSERT_TRUE(decisions.ok()) << decisions.error().message();
        EXPECT_FALSE(decisions->empty());
        for (const auto& [kind, decision] : *decisions)
            for (const auto& reason : decision.reasons) {
                EXPECT_FALSE(reason.clause.text().empty() && reason.effect == Effect::Refuses) << plan.id;
                EXPECT_NE(reason.rule, "quiet-period") << plan.id << " " << day->iso();
            }
        if (++checked == 40) break;
    }
    EXPECT_EQ(checked, 40);
}

TEST(PlanningVisits, MovingAVisitShiftsItsNoticeAndReissuesItsCode) {
    Workspace w = demo().workspace;
    auto made = schedule(w, demo().policy());
    ASSERT_TRUE(made.ok());
    w.visits = made->visits;
    const Visit* regular = nullptr;
    for (const auto& v : w.visits)
        if (v.noticeDate && !v.code.empty()) regular = &v;
    ASSERT_NE(regular, nullptr);
    const auto& calendar = WorkCalendar::official();
    Date later = calendar.addWorkdays(regular->date, 3).value();
    auto notice = ui::shiftedNotice(*regular, later);
    ASSERT_TRUE(notice.ok());
    ASSERT_TRUE(notice->has_value());
    EXPECT_EQ(calendar.workdaysBetween(**notice, later).value(), calendar.workdaysBetween(*regular->noticeDate, regular->date).value());
    auto moved = ui::movedVisits(w, regular->id, later, *notice);
    ASSERT_TRUE(moved.ok());
    ASSERT_EQ(moved->size(), w.visits.size());
    const Visit& after = *std::find_if(moved->begin(), moved->end(), [&](const Visit& v) { return v.id == regular->id; });
    EXPECT_EQ(after.date, later);
    EXPECT_NE(after.code, regular->code);
    EXPECT_FALSE(after.code.empty());
    EXPECT_FALSE(ui::movedVisits(w, 999999999, later, std::nullopt).ok());
}

TEST(PlanningVisits, OnlyViolationsTheMoveMakesCountAsIntroduced) {
    Violation a{1, 2, {"甲", "a"}, {"004 二(三)"}};
    Violation b{3, 0, {"乙", "b"}, {}};
    auto introduced = ui::introducedViolations({a, b}, {a, b, a});
    ASSERT_EQ(introduced.size(), 1u);
    EXPECT_EQ(introduced.front().visit, 1);
    EXPECT_TRUE(ui::introducedViolations({a, b}, {b}).empty());
    EXPECT_EQ(ui::introducedViolations({}, {a, b}).size(), 2u);
}

TEST(PlanningDraw, TheFormNamesWhatTheDrawStillNeeds) {
    ui::DrawView view;
    auto none = ui::drawRequestFrom(view, Language::Chinese);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().message(), "参与部门: 至少选择一个部门");
    view.departments = {demo().workspace.departments.front().id};
    std::snprintf(view.date.data(), view.date.size(), "2026-03-16");
    std::snprintf(view.ratio.data(), view.ratio.size(), "abc");
    std::snprintf(view.seed.data(), view.seed.size(), "2026-1");
    auto bad = ui::drawRequestFrom(view, Language::English);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().where.find("ratio"), std::string::npos);
    std::snprintf(view.ratio.data(), view.ratio.size(), "2.5");
    auto good = ui::drawRequestFrom(view, Language::English);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good->baseRatioBp, 250);
    EXPECT_EQ(good->seed, "2026-1");
    view.seed.fill(0);
    EXPECT_NE(ui::drawRequestFrom(view, Language::English).error().where.find("seed"), std::string::npos);

    auto industries = ui::industriesOf(demo().workspace);
    EXPECT_FALSE(industries.empty());
    EXPECT_TRUE(std::is_sorted(industries.begin(), industries.end()));
    EXPECT_EQ(std::adjacent_find(industries.begin(), industries.end()), industries.end());
    std::vector<std::string> chosen;
    ui::toggle(chosen, "x", true);
    ui::toggle(chosen, "x", true);
    EXPECT_EQ(chosen.size(), 1u);
    ui::toggle(chosen, "x", false);
    EXPECT_TRUE(chosen.empty());
}

}  // namespace inspectonce::test
