// The demands inbox, the findings board and the closure list over a real workspace: cases
// opened through the session show with their deadlines, a refused step shows the engine's
// clause, standings follow the working day, and a demands CSV opens a case per row or none,
// in slices that show their progress and that Cancel rolls back.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "case_step_form.hpp"
#include "inspectonce/generate.hpp"
#include "screens.hpp"
#include "ui_harness.hpp"

namespace inspectonce::test {
namespace {

const workflow::Definition& workflowOf(HeadlessApp& app, const char* id) {
    const workflow::Definition* definition = app.state.workspacePlugin()->policy.findWorkflow(id);
    EXPECT_NE(definition, nullptr) << id;
    return *definition;
}

workflow::Case openDemand(HeadlessApp& app, const std::string& words) {
    workflow::Case subject;
    subject.title = words;
    auto applied = app.state.workspace.openCase(workflowOf(app, "demand"), subject, "receive", {"service-center", "王芳"},
                                                app.state.today, {{"channel", "window"}});
    EXPECT_TRUE(applied) << (applied ? "" : applied.error().message());
    return applied ? applied->after : workflow::Case{};
}

workflow::Case openFinding(HeadlessApp& app, const std::string& problem) {
    const Workspace& workspace = *app.state.workspace.workspace();
    workflow::Case subject;
    subject.title = problem;
    subject.enterprise = workspace.enterprises.front().enterprise.code.str();
    subject.department = workspace.departments.front().id;
    auto applied = app.state.workspace.openCase(workflowOf(app, "finding"), subject, "warn", {"department", ""}, app.state.today,
                                                {{"problem", problem}, {"severity", "minor"}});
    EXPECT_TRUE(applied) << (applied ? "" : applied.error().message());
    return applied ? applied->after : workflow::Case{};
}

// A file picked for `purpose`, imported as the app does it: after its "working" overlay.
void pick(HeadlessApp& app, const std::string& purpose, const std::string& name, const std::string& bytes) {
    app.state.receiveFile(purpose, name, bytes);
    app.settle();
    ASSERT_FALSE(app.state.messages.empty());
}

std::size_t casesOf(const HeadlessApp& app, const std::string& workflow) {
    if (!app.state.workspace.workspace()) return ~std::size_t{0};  // the workspace was lost
    const auto& cases = app.state.workspace.workspace()->cases;
    return static_cast<std::size_t>(std::count_if(cases.begin(), cases.end(), [&](const workflow::Case& c) { return c.workflow == workflow; }));
}

}  // namespace

TEST(CaseScreens, ADemandOpenedThroughTheSessionShowsInTheInboxWithItsDeadline) {
    HeadlessApp app("yuancheng");
    workflow::Case opened = openDemand(app, "厂区门口路灯不亮");
    ASSERT_TRUE(opened.deadline.has_value());
    app.show("demands");
    EXPECT_TRUE(app.shows("厂区门口路灯不亮"));
    EXPECT_TRUE(app.shows(opened.deadline->iso()));
    EXPECT_TRUE(app.shows("企业诉求办理"));  // the workflow offered first is the county's demand workflow
    // Closed cases are not in the open list.
    app.state.cases.inbox.show = ui::CaseShow::Closed;
    app.frame();
    EXPECT_FALSE(app.shows("厂区门口路灯不亮"));
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});
}

TEST(CaseScreens, AStepTheEngineRefusesShowsItsClauseInTheForm) {
    HeadlessApp app("yuancheng");
    workflow::Case opened = openDemand(app, "用地审批进度咨询");
    auto& view = app.state.cases.inbox;
    view.selected = opened.id;
    app.show("demands");
    EXPECT_TRUE(app.shows("区企业服务中心"));  // the holder of a received demand
    EXPECT_TRUE(app.shows("下一步"));          // the case is open with its steps
    // Transfer with a deadline far beyond the 15 working days the county allows.
    view.step.caseId = opened.id;
    view.step.transition = "transfer";
    view.step.role = "service-center";
    view.step.values["department"] = app.state.workspace.workspace()->departments.front().id;
    view.step.values["deadline"] = "2026-12-31";
    auto after = ui::takeStep(app.state, workflowOf(app, "demand"), opened, view.step);
    EXPECT_FALSE(after.has_value());
    ASSERT_TRUE(view.step.refusal.has_value());
    EXPECT_NE(view.step.refusal->find("(002 三(一)1)"), std::string::npos) << *view.step.refusal;
    app.frame();
    // In the form, in red, as well as in the status bar.
    auto said = std::count_if(app.texts().begin(), app.texts().end(),
                              [&](const std::string& text) { return text.find(*view.step.refusal) != std::string::npos; });
    EXPECT_GE(said, 2);
    EXPECT_EQ(ui::caseById(*app.state.workspace.workspace(), opened.id)->state, "received");  // nothing changed

    // Within the limit the engine takes it, and the case moves on.
    view.step.values["deadline"] = "2026-03-20";
    after = ui::takeStep(app.state, workflowOf(app, "demand"), opened, view.step);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->state, "handling");
    app.frame();
    EXPECT_TRUE(app.shows("2026-03-20"));
}

TEST(CaseScreens, TheFindingsBoardShowsAFindingOverdueOnALaterDay) {
    HeadlessApp app("dinghai");
    workflow::Case opened = openFinding(app, "消防通道堵塞");
    ASSERT_TRUE(opened.deadline.has_value());
    app.state.cases.findings.selected = opened.id;
    app.show("findings");
    EXPECT_TRUE(app.shows("#" + std::to_string(opened.id)));
    EXPECT_FALSE(app.shows("已逾期"));
    app.state.today = opened.deadline->plusDays(1);
    app.frame(2);
    EXPECT_TRUE(app.shows("已逾期"));
    // Only the late ones on the board: still there.
    app.state.cases.findings.onlyLate = true;
    app.state.cases.findings.columnsVersion = ~uint64_t{0};
    app.frame(2);
    EXPECT_TRUE(app.shows("#" + std::to_string(opened.id) + " "));
}

TEST(CaseScreens, TheClosureListCountsClosedAndOpenFindings) {
    HeadlessApp app("dinghai");
    workflow::Case first = openFinding(app, "消防通道堵塞");
    openFinding(app, "灭火器过期");
    auto corrected = app.state.workspace.applyToCase(workflowOf(app, "finding"), first.id, "corrected", {"department", ""},
                                                     app.state.today, {{"check", "已整改"}});
    ASSERT_TRUE(corrected) << corrected.error().message();
    app.show("findings");
    EXPECT_TRUE(app.shows("已销号 1 · 未销号 1"));
    app.state.language = Language::English;
    app.frame();
    EXPECT_TRUE(app.shows("closed 1 · open 1"));
}

// A newcomer on Yunhe's demo who wants to close a finding is not left at a dead end: the
// screen names the counties with the procedure and switches to a demo of one, once confirmed.
TEST(CaseScreens, CountiesWithoutFindingsSaySoAndOfferADemoOfOneThatHas) {
    HeadlessApp app("yunhe");
    app.show("findings");
    EXPECT_TRUE(app.shows("云和县的政策未规定问题整改与销号流程"));
    EXPECT_TRUE(app.shows("换成定海区示范工作区"));
    EXPECT_TRUE(app.shows("换成平阳县示范工作区"));
    EXPECT_FALSE(app.shows("换成云和县示范工作区"));

    app.click("findings-demo-dinghai");
    EXPECT_TRUE(app.shows("当前工作区的全部数据将被替换"));
    EXPECT_EQ(app.state.workspace.workspace()->county, "yunhe") << "nothing replaced before it is confirmed";
    app.click("findings-demo-replace");
    app.settle();
    ASSERT_FALSE(app.state.messages.empty());
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_EQ(app.state.workspace.workspace()->county, "dinghai");
    EXPECT_EQ(app.state.workspace.workspace()->enterprises.size(), static_cast<std::size_t>(ui::kDemoWorkspaceEnterprises));
    app.show("findings");
    EXPECT_FALSE(app.shows("未规定问题整改"));
    EXPECT_TRUE(app.shows("新建问题"));
}

// The inbox of "诉求与投诉" opens on demands, or where a county has none on its complaints
// (Yunhe's closed loop of complaints and demands), not on another of its workflows.
TEST(CaseScreens, TheInboxOpensOnComplaintsWhereACountyHasNoDemands) {
    {
        HeadlessApp yunhe("yunhe");  // one app at a time: they share ImGui's context
        yunhe.show("demands");
        EXPECT_EQ(yunhe.state.cases.inbox.workflow, "complaint");
        EXPECT_TRUE(yunhe.shows("涉企执法投诉与诉求闭环处理"));
    }
    HeadlessApp yuancheng("yuancheng");
    yuancheng.show("demands");
    EXPECT_EQ(yuancheng.state.cases.inbox.workflow, "demand");
}

TEST(CaseScreens, ADemandsCsvOpensOneCasePerRowAndABadRowWritesNothing) {
    HeadlessApp app("yuancheng");
    std::string enterprise = app.state.workspace.workspace()->enterprises.front().enterprise.code.str();
    std::string good = "诉求编号,企业信用代码,受理日期,渠道,诉求内容,类别,责任部门\n7," + enterprise +
                       ",2026-03-13,12345热线,路灯不亮,,\n," + enterprise + ",2026-03-16,窗口,咨询用工政策,,\n";
    pick(app, "csv:demands", "good.csv", good);
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_EQ(casesOf(app, "demand"), 2u);
    app.show("demands");
    EXPECT_TRUE(app.shows("路灯不亮"));
    EXPECT_TRUE(app.shows("咨询用工政策"));

    std::string bad = "诉求编号,企业信用代码,受理日期,渠道,诉求内容,类别,责任部门\n," + enterprise +
                      ",2026-03-16,窗口,好的一行,,\n,91350100M000100Y44,2026-03-16,窗口,坏的代码,,\n";
    uint64_t version = app.state.workspace.version();
    pick(app, "csv:demands", "bad.csv", bad);
    EXPECT_TRUE(app.lastMessage().problem);
    EXPECT_EQ(casesOf(app, "demand"), 2u);
    EXPECT_EQ(app.state.workspace.version(), version);
    bool lineNamed = std::any_of(app.state.messages.begin(), app.state.messages.end(),
                                 [](const ui::StatusMessage& m) { return m.problem && m.text.en.find("bad.csv:3") != std::string::npos; });
    EXPECT_TRUE(lineNamed);
}

// `count` demands of the county's enterprises in turn, received on 13 March at the window.
std::string demandsCsv(HeadlessApp& app, int count) {
    const auto& enterprises = app.state.workspace.workspace()->enterprises;
    std::string csv = "诉求编号,企业信用代码,受理日期,渠道,诉求内容,类别,责任部门\n";
    for (int i = 0; i < count; ++i)
        csv += "," + enterprises[static_cast<std::size_t>(i) % enterprises.size()].enterprise.code.str() +
               ",2026-03-13,窗口,诉求第" + std::to_string(i) + "件,,\n";
    return csv;
}

TEST(CaseScreens, ADemandsCsvIsReadAndOpenedInSlicesShowingItsProgress) {
    HeadlessApp app("yuancheng");
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame
    std::size_t before = casesOf(app, "demand");
    app.state.receiveFile("csv:demands", "many.csv", demandsCsv(app, 1500));
    std::vector<double> seen;
    for (int frame = 0; frame < 200 && !app.state.longWork.empty(); ++frame) {
        EXPECT_EQ(casesOf(app, "demand"), before) << "shown before the import ended, frame " << frame;
        seen.push_back(app.state.longWork.front().fraction);
        app.frame();
    }
    ASSERT_TRUE(app.state.longWork.empty());
    // 1 500 rows, 200 a slice, read then opened: at least a dozen frames, each further on.
    EXPECT_GE(risingProgress(seen).size(), 12u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_NE(app.lastMessage().text.zh.find("many.csv：立案 1500 件"), std::string::npos)
        << app.lastMessage().text.zh;
    EXPECT_EQ(casesOf(app, "demand"), before + 1500);
}

// Cancel while the cases are being opened: the open transaction is rolled back.
TEST(CaseScreens, ACancelledDemandsImportOpensNothing) {
    HeadlessApp app("yuancheng");
    app.state.workSlice = std::chrono::milliseconds(0);
    auto digest = workspaceFileDigest(app.path());
    ASSERT_TRUE(digest) << digest.error().message();
    uint64_t version = app.state.workspace.version();
    std::string csv = demandsCsv(app, 1500);
    app.state.receiveFile("csv:demands", "many.csv", csv);
    for (int frame = 0; frame < 200 && !app.state.longWork.empty() && app.state.longWork.front().fraction < 0.6; ++frame) app.frame();
    ASSERT_FALSE(app.state.longWork.empty());
    app.click("work-cancel");
    EXPECT_TRUE(app.state.longWork.empty());
    EXPECT_EQ(app.state.workspace.version(), version);
    EXPECT_EQ(workspaceFileDigest(app.path()).value(), *digest);
    EXPECT_EQ(app.lastMessage().text.zh, "已取消：正在导入 many.csv");
    // The file takes the same import afterwards.
    pick(app, "csv:demands", "many.csv", csv);
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_NE(app.state.workspace.version(), version);
}

TEST(CaseScreens, ACountyWithoutDemandsRefusesTheImportNamingItsWorkflows) {
    HeadlessApp app("yunhe");
    pick(app, "csv:demands", "d.csv", "诉求编号,企业信用代码,受理日期,渠道,诉求内容\n");
    ASSERT_TRUE(app.lastMessage().problem);
    EXPECT_NE(app.lastMessage().text.en.find("complaint"), std::string::npos) << app.lastMessage().text.en;
}

TEST(CaseScreens, ReportsShowDueCasesByHolderWithTheirClause) {
    HeadlessApp app("yuancheng");
    workflow::Case opened = openDemand(app, "水电报装");
    app.state.today = opened.deadline->plusDays(3);
    app.show("reports");
    EXPECT_TRUE(app.shows("区企业服务中心"));
    EXPECT_TRUE(app.shows("002 三(一)3"));  // the received state's deadline clause
    EXPECT_TRUE(app.shows("003 三(二)"));
    EXPECT_TRUE(app.shows("004 二(八)"));
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{});
}

TEST(CaseScreens, EveryCaseScreenDrawsItsFormsWithEveryGlyphInTheFont) {
    for (const char* county : {"yuancheng", "dinghai", "pingyang", "wuxi", "yunhe"}) {
        HeadlessApp app(county, 60);
        app.state.cases.inbox.open.shown = true;
        app.state.cases.inbox.open.words = "企业反映用电报装审批太慢";
        app.state.cases.findings.open.shown = true;
        for (Language language : {Language::Chinese, Language::English}) {
            app.state.language = language;
            for (const char* screen : {"demands", "findings", "reports"}) {
                app.show(screen);
                EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{}) << county << " " << screen;
            }
        }
    }
}

}  // namespace inspectonce::test
