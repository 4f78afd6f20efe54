// Reports: the due list by holder in working days (ALL-1) across the 2025 National Day
// holiday, the closure list of findings as of a day (000 二(三)3), Yunhe's annual feedback
// list (004 二(八)), Wuxi's tracked figures (003 三(二)) and the printable documents.
#include <gtest/gtest.h>

#include "inspectonce/documents.hpp"
#include "inspectonce/report.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

using test::date;
using workflow::Standing;

// A small demand-like workflow: received by the service centre (3 working days), transferred
// to a department with a date it sets (at most 10 working days), closed.
workflow::Definition demandDefinition() {
    workflow::Definition d;
    d.id = "demand";
    d.name = {"诉求", "demand"};
    d.clause = {"002 三(一)"};
    d.roles = {{"service-center", {"企业服务中心", "service centre"}}, {"department", {"责任部门", "department"}},
               {"head", {"分管领导", "head"}}};
    workflow::State received{"received", {"已受理", "received"}, "service-center", {}, false, {}, {"002 三(一)1"}};
    received.deadline = workflow::DeadlineRule{3, "", 0, std::nullopt, {"002 三(一)1"}, true};
    workflow::State transferred{"transferred", {"已转办", "transferred"}, "department", {}, false, {"service-center"}, {"002 三(一)1"}};
    transferred.deadline = workflow::DeadlineRule{0, "deadline", 10, std::nullopt, {"002 三(一)1"}, false};
    workflow::State closed{"closed", {"已办结", "closed"}, "", {}, true, {}, {"002 三(一)3"}};
    d.states = {received, transferred, closed};
    workflow::Transition receive{"receive", {"受理", "receive"}, {}, "received", {"service-center"}, {}, {}, false, {"002 三(一)1"}};
    workflow::Transition transfer{"transfer", {"转办", "transfer"}, {"received"}, "transferred", {"service-center"}, {"deadline"}, {}, false, {"002 三(一)1"}};
    workflow::Transition close{"close", {"办结", "close"}, {"received", "transferred"}, "closed", {"service-center", "department"}, {}, {}, false, {"002 三(一)3"}};
    d.transitions = {receive, transfer, close};
    d.remindWorkingDays = 1;
    d.escalation = workflow::Escalation{2, "head", {"002 三(一)4"}, true};
    return d;
}

Workspace smallWorkspace() {
    Workspace w;
    w.county = "yuancheng";
    w.year = 2025;
    w.departments = {{"fire", {"消防救援大队", "fire brigade"}, DepartmentLevel::County, {}, 0},
                     {"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {}, 0},
                     {"env", {"生态环境分局", "environment"}, DepartmentLevel::City, {}, 0}};
    for (const char* code : {"91350100M000100Y43", "913311250291977677"}) {
        w.enterprises.push_back({Enterprise{Uscc::parse(code).value(), std::string("企业") + code, CreditGrade::B, {}}, "", "", false});
    }
    w.enterprises[0].aboveScale = true;
    return w;
}

workflow::Case received(const workflow::Definition& d, int64_t id, const char* on, const char* title = "道路破损") {
    workflow::Case subject;
    subject.id = id;
    subject.enterprise = "91350100M000100Y43";
    subject.title = title;
    auto opened = workflow::open(d, WorkCalendar::official(), subject, "receive", {"service-center", "王芳"}, date(on), {});
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().message());
    return opened.value().after;
}

workflow::Case stepped(const workflow::Definition& d, const workflow::Case& item, const char* transition,
                       workflow::Actor actor, const char* on, workflow::Attributes data = {}) {
    auto applied = workflow::apply(d, WorkCalendar::official(), item, transition, actor, date(on), data);
    EXPECT_TRUE(applied) << (applied ? "" : applied.error().message());
    return applied.value().after;
}

// 2025-09-29 + 3 working days skips 1–8 October (国庆、中秋): 30 Sept, 9 Oct, 10 Oct.
TEST(DueReport, CountsWorkingDaysAcrossTheNationalDayHoliday_ALL1_002_三_一_1) {
    workflow::Definition d = demandDefinition();
    Workspace w = smallWorkspace();
    w.cases.push_back(received(d, 1, "2025-09-29"));
    ASSERT_EQ(w.cases[0].deadline, date("2025-10-10"));
    const auto& calendar = WorkCalendar::official();
    auto standingOn = [&](const char* day) -> std::pair<int, Standing> {
        auto report = report::dueReport(w, {d}, calendar, date(day));
        EXPECT_TRUE(report);
        if (report->holders.empty()) return {0, Standing::OnTime};
        EXPECT_EQ(report->holders.size(), 1u);
        const auto& item = report->holders[0].items.at(0);
        EXPECT_EQ(report->holders[0].holder, "service-center");
        EXPECT_EQ(item.clause.clause, "002 三(一)1");
        return {item.standing == Standing::Overdue || item.standing == Standing::Escalated ? item.workingDaysLate
                                                                                          : item.workingDaysLeft,
                item.standing};
    };
    EXPECT_EQ(standingOn("2025-10-08").second, Standing::OnTime);  // not listed: not due soon yet
    EXPECT_EQ(report::dueReport(w, {d}, calendar, date("2025-10-08"))->holders.size(), 0u);
    EXPECT_EQ(standingOn("2025-10-09"), std::make_pair(1, Standing::DueSoon));
    EXPECT_EQ(standingOn("2025-10-10"), std::make_pair(0, Standing::DueToday));
    // 11 October 2025 is a Saturday worked in lieu (调休): one working day late.
    EXPECT_EQ(standingOn("2025-10-11"), std::make_pair(1, Standing::Overdue));
    EXPECT_EQ(standingOn("2025-10-12"), std::make_pair(1, Standing::Overdue));
    EXPECT_EQ(standingOn("2025-10-13"), std::make_pair(2, Standing::Escalated));
}

TEST(DueReport, GroupsByHolderWithTheMostOverdueFirst_002_三_一_1) {
    workflow::Definition d = demandDefinition();
    Workspace w = smallWorkspace();
    w.cases.push_back(received(d, 1, "2025-06-02"));  // service centre, due 2025-06-05
    workflow::Case fire = received(d, 2, "2025-06-02");
    fire.department = "fire";
    fire = stepped(d, fire, "transfer", {"service-center", ""}, "2025-06-03", {{"deadline", "2025-06-06"}});
    w.cases.push_back(fire);
    workflow::Case market = received(d, 3, "2025-06-02");
    market.department = "market";
    market = stepped(d, market, "transfer", {"service-center", ""}, "2025-06-03", {{"deadline", "2025-06-16"}});
    w.cases.push_back(market);
    workflow::Case done = received(d, 4, "2025-06-02");
    w.cases.push_back(stepped(d, done, "close", {"service-center", ""}, "2025-06-03"));

    auto report = report::dueReport(w, {d}, WorkCalendar::official(), date("2025-06-09"));
    ASSERT_TRUE(report);
    // Two overdue (case 1 since 5 June, case 2 since 6 June); market's is not due yet; 4 is closed.
    EXPECT_EQ(report->overdue + report->escalated, 2);
    ASSERT_EQ(report->holders.size(), 2u);
    std::vector<std::string> holders{report->holders[0].holder, report->holders[1].holder};
    EXPECT_NE(std::find(holders.begin(), holders.end(), "fire"), holders.end());
    EXPECT_NE(std::find(holders.begin(), holders.end(), "service-center"), holders.end());
    for (const auto& group : report->holders) {
        if (group.holder == "fire") {
            EXPECT_EQ(group.name.zh, "消防救援大队");
            EXPECT_EQ(group.items.at(0).caseId, 2);
            EXPECT_EQ(group.items.at(0).workingDaysLate, 1);  // 6 June (Fri) → 9 June (Mon)
        }
    }
}

TEST(DueReport, ADayOutsideTheCalendarIsAnError_ALL1) {
    workflow::Definition d = demandDefinition();
    Workspace w = smallWorkspace();
    auto report = report::dueReport(w, {d}, WorkCalendar::official(), date("2031-01-02"));
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message().find("2031"), std::string::npos);
}

TEST(DueReport, ACaseOfAnUndefinedWorkflowIsNamed) {
    workflow::Definition d = demandDefinition();
    Workspace w = smallWorkspace();
    workflow::Case item = received(d, 7, "2025-06-02");
    item.workflow = "petition";
    w.cases.push_back(item);
    auto report = report::dueReport(w, {d}, WorkCalendar::official(), date("2025-06-05"));
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message().find("case 7"), std::string::npos);
    EXPECT_NE(report.error().message().find("petition"), std::string::npos);
}

// A finding workflow reduced to what the closure list reads: open, rectify, close.
workflow::Definition findingDefinition() {
    workflow::Definition d = demandDefinition();
    d.id = "finding";
    d.name = {"问题整改", "rectification"};
    d.clause = {"000 二(三)"};
    return d;
}

TEST(ClosureList, ListsEachFindingAsItStoodOnTheDay_000_二_三_3) {
    workflow::Definition d = findingDefinition();
    Workspace w = smallWorkspace();
    workflow::Case first = received(d, 1, "2025-03-03", "消防通道堵塞");
    w.cases.push_back(stepped(d, first, "close", {"department", "李"}, "2025-03-05"));
    w.cases.push_back(received(d, 2, "2025-03-04", "台账缺失"));
    w.cases.push_back(received(d, 3, "2025-04-01", "later"));  // not found yet on 10 March
    for (auto& item : w.cases) item.workflow = "finding";

    auto list = report::closureList(w, d, date("2025-03-10"));
    ASSERT_EQ(list.lines.size(), 2u);
    EXPECT_EQ(list.closed, 1);
    EXPECT_EQ(list.open, 1);
    EXPECT_EQ(list.overdue, 1);  // case 2 was due 7 March
    EXPECT_TRUE(list.lines[0].closed);
    EXPECT_EQ(list.lines[0].closedOn, date("2025-03-05"));
    EXPECT_EQ(list.lines[0].clause.clause, "002 三(一)3");
    EXPECT_EQ(list.clause.clause, "000 二(三)");

    // As of 4 March the first was still open: the later step is not there yet.
    auto earlier = report::closureList(w, d, date("2025-03-04"));
    ASSERT_EQ(earlier.lines.size(), 2u);
    EXPECT_FALSE(earlier.lines[0].closed);
    EXPECT_EQ(earlier.closed, 0);

    std::string html = documents::closureListHtml(list, "定海区");
    EXPECT_NE(html.find("定海区问题整改销号清单"), std::string::npos);
    EXPECT_NE(html.find("消防通道堵塞"), std::string::npos);
    EXPECT_NE(html.find("已销号 1 项"), std::string::npos);
    EXPECT_NE(html.find("000 二(三)"), std::string::npos);
}

TEST(FeedbackList, CountsGuidanceSurveysAndInspectionsOfAboveScaleEnterprises_004_二_八) {
    Workspace w = smallWorkspace();
    const std::string big = "91350100M000100Y43", small = "913311250291977677";
    auto visit = [&](int64_t id, const std::string& enterprise, const char* on, InspectionKind kind) {
        Visit v;
        v.id = id;
        v.enterprise = enterprise;
        v.date = date(on);
        v.kind = kind;
        w.visits.push_back(v);
    };
    visit(1, big, "2025-03-03", InspectionKind::Inspection);
    visit(2, big, "2025-05-06", InspectionKind::Inspection);
    visit(3, big, "2025-06-03", InspectionKind::Survey);
    visit(4, big, "2024-12-30", InspectionKind::Inspection);  // another year
    visit(5, small, "2025-03-03", InspectionKind::Inspection);  // not above scale
    workflow::Case booking;
    booking.id = 1;
    booking.workflow = "guidance";
    booking.enterprise = big;
    booking.opened = date("2025-04-01");
    booking.attributes = {{"opinion", "希望减少重复报表"}};
    w.cases.push_back(booking);

    report::FeedbackList list = report::feedbackList(w, 2025);
    EXPECT_EQ(list.clause.clause, "004 二(八)");
    ASSERT_EQ(list.lines.size(), 1u);
    EXPECT_EQ(list.lines[0].enterprise, big);
    EXPECT_EQ(list.lines[0].onSiteInspections, 2);
    EXPECT_EQ(list.lines[0].surveys, 1);
    EXPECT_EQ(list.lines[0].guidance, 1);
    ASSERT_EQ(list.lines[0].opinions.size(), 1u);
    EXPECT_EQ(list.lines[0].opinions[0], "希望减少重复报表");

    w.enterprises[1].enterprise.lists.push_back(std::string(report::kKeyEnterpriseList));  // 重点企业 join the list
    EXPECT_EQ(report::feedbackList(w, 2025).lines.size(), 2u);
}

TEST(TrackedFigures, PlatformUseJointShareAndCrossLevelLinkage_003_三_二) {
    Workspace w = smallWorkspace();
    auto plan = [&](int64_t id, const char* department, bool filed) {
        Plan p;
        p.id = id;
        p.department = department;
        p.enterprise = "91350100M000100Y43";
        p.window = {date("2025-03-01"), date("2025-03-31")};
        if (filed) p.filedOn = date("2025-02-20");
        w.plans.push_back(p);
    };
    plan(1, "fire", true);
    plan(2, "market", true);
    plan(3, "env", false);
    plan(4, "market", true);
    auto visit = [&](int64_t id, const std::string& enterprise, std::vector<int64_t> plans) {
        Visit v;
        v.id = id;
        v.enterprise = enterprise;
        v.date = date("2025-03-10");
        v.plans = std::move(plans);
        w.visits.push_back(v);
    };
    visit(1, "91350100M000100Y43", {1, 2});    // joint, one level
    visit(2, "913311250291977677", {3, 4});    // joint, county and city
    visit(3, "913311250291977677", {4});

    report::TrackedFigures f = report::trackedFigures(w, 2025);
    EXPECT_EQ(f.clause.clause, "003 三(二)");
    EXPECT_EQ(f.plans, 4);
    EXPECT_EQ(f.filedPlans, 3);
    EXPECT_DOUBLE_EQ(f.platformUse, 0.75);
    EXPECT_EQ(f.visits, 3);
    EXPECT_EQ(f.jointVisits, 2);
    EXPECT_EQ(f.crossLevelVisits, 1);
    EXPECT_EQ(f.enterprisesVisited, 2);
    EXPECT_DOUBLE_EQ(f.visitsPerEnterprise, 1.5);
    EXPECT_EQ(report::trackedFigures(w, 2024).visits, 0);
}

TEST(Documents, TheCommitmentNamesTheProblemTheDeadlineAndTheClause_000_二_三_1) {
    workflow::Definition d = findingDefinition();
    Workspace w = smallWorkspace();
    workflow::Case finding = received(d, 5, "2025-03-03", "灭火器过期 <3 个>");
    finding.department = "fire";
    finding.attributes = {{"measures", "更换全部灭火器"}};
    std::string html = documents::commitmentHtml(w, d, finding, "定海区");
    EXPECT_NE(html.find("整改承诺书"), std::string::npos);
    EXPECT_NE(html.find("灭火器过期 &lt;3 个&gt;"), std::string::npos);  // escaped
    EXPECT_EQ(html.find("<3 个>"), std::string::npos);
    EXPECT_NE(html.find("2025年3月6日前"), std::string::npos);  // 3 working days after 3 March
    EXPECT_NE(html.find("更换全部灭火器"), std::string::npos);
    EXPECT_NE(html.find("消防救援大队"), std::string::npos);
    EXPECT_NE(html.find("002 三(一)1"), std::string::npos);  // the state's clause
}

TEST(Documents, TheAdviceNoticeListsItemsInspectorsAndTheCode_004_二_五) {
    Notice n;
    n.enterprise = "91350100M000100Y43";
    n.enterpriseName = "云和县某木制玩具有限公司";
    n.date = date("2025-11-24");
    n.sentOn = date("2025-11-14");
    n.leadName = {"县市场监管局", "market"};
    n.lines = {{"market", {"县市场监管局", ""}, "quality", {{"产品质量", ""}, {"计量器具", ""}}, {"张三", "李四"}},
               {"fire", {"县消防救援大队", ""}, "", {{"消防设施", ""}}, {"王五", "赵六"}},
               {"health", {"县卫生健康局", ""}, "职业健康科", {{"职业卫生", ""}}, {"孙七"}}};
    n.code = "YH-2025-000123";
    n.clause = Citation{"004 二(五)"};
    std::string html = documents::adviceNoticeHtml(n, "云和县");
    EXPECT_NE(html.find("涉企检查预告通知书"), std::string::npos);
    EXPECT_NE(html.find("2025年11月24日"), std::string::npos);
    EXPECT_NE(html.find("联合"), std::string::npos);
    EXPECT_NE(html.find("产品质量、计量器具"), std::string::npos);
    EXPECT_NE(html.find("王五、赵六"), std::string::npos);
    // A generated unit by its Chinese name, never its id; a county's own unit as keyed in.
    EXPECT_NE(html.find("县市场监管局（质量监督科）"), std::string::npos);
    EXPECT_EQ(html.find("quality"), std::string::npos);
    EXPECT_NE(html.find("县卫生健康局（职业健康科）"), std::string::npos);
    EXPECT_NE(html.find("YH-2025-000123"), std::string::npos);
    EXPECT_NE(html.find("2025年11月14日"), std::string::npos);
    EXPECT_NE(html.find("004 二(五)"), std::string::npos);
}

TEST(Documents, EscapeHtmlEscapesEveryMarkupCharacter) {
    EXPECT_EQ(documents::escapeHtml("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(documents::escapeHtml("中文"), "中文");
}

}  // namespace
}  // namespace inspectonce
