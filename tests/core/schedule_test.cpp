// The scheduler on small hand-made workspaces: merging into joint visits (ALL-3), the
// lawful days (quiet period 004 二(三), service week 001 三.1), notice lead 004 二(五),
// filing 004 二(二), exceptions (ALL-4), caps 004 二(二), capacity, the lower bound, and
// the independent checker. Each expectation cites the clause that makes it so.
#include <gtest/gtest.h>

#include <algorithm>

#include "decision_test_support.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/schedule.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;
using test::date;

// A valid USCC for enterprise n (both check characters computed).
std::string code(int n) {
    std::string organization = "MA" + std::string(6 - std::to_string(n).size(), '0') + std::to_string(n);
    std::string first17 = "91331125" + organization + organizationCodeCheckCharacter(organization);
    return first17 + usccCheckCharacter(first17);
}

struct Builder {
    Workspace w;
    int64_t next = 1;

    explicit Builder(const std::string& county, const char* planning = "2026-01-05") {
        w.county = county;
        w.year = 2026;
        w.planningDate = date(planning);
        for (const char* id : {"market", "fire", "ecology"})
            w.departments.push_back({id, {id, id}, DepartmentLevel::County, {"a", "b"}, 0});
        w.items.push_back({"food", {"食品", "food"}, "food-safety", "market", true, true, false});
        w.items.push_back({"price", {"价格", "prices"}, "pricing", "market", true, false, false});
        w.items.push_back({"fire", {"消防", "fire"}, "fire-safety", "fire", true, false, false});
        w.items.push_back({"waste", {"危废", "waste"}, "waste", "ecology", true, true, false});
    }
    void enterprise(int n, CreditGrade grade = CreditGrade::C, std::vector<std::string> lists = {}) {
        w.enterprises.push_back({Enterprise{Uscc::parse(code(n)).value(), "企业" + std::to_string(n), grade, std::move(lists)}, "", "", false});
    }
    Plan& plan(int enterprise, const char* dept, const char* item, const char* first, const char* last, const char* unit = "") {
        Plan p;
        p.id = next++;
        p.department = dept;
        p.unit = unit;
        p.enterprise = code(enterprise);
        p.items = {item};
        p.window = {date(first), date(last)};
        p.filedOn = w.planningDate;
        w.plans.push_back(p);
        return w.plans.back();
    }
};

Schedule run(const Workspace& w) {
    auto result = schedule(w, countyPolicy(w.county));
    EXPECT_TRUE(result) << (result ? "" : result.error().message());
    auto violations = checkSchedule(w, countyPolicy(w.county), result.value());
    EXPECT_TRUE(violations);
    for (const auto& v : violations.value())
        ADD_FAILURE() << "checker: visit " << v.visit << " plan " << v.plan << ": " << v.text.en;
    return result.value();
}

const Refusal* refusalOf(const Schedule& s, int64_t plan) {
    for (const auto& r : s.refusals)
        if (r.plan == plan) return &r;
    return nullptr;
}

TEST(Schedule, OverlappingWindowsOfThreeDepartmentsBecomeOneJointVisit) {  // ALL-3, 004 二(二)
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-02", "2026-03-31");
    b.plan(1, "fire", "fire", "2026-03-09", "2026-04-17");
    b.plan(1, "ecology", "waste", "2026-02-16", "2026-03-13");
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    const Visit& v = s.visits[0];
    EXPECT_EQ(v.plans, (std::vector<int64_t>{1, 2, 3}));
    EXPECT_GE(v.date, date("2026-03-09"));
    EXPECT_LE(v.date, date("2026-03-13"));
    EXPECT_EQ(s.figures.lowerBound, 1);
    EXPECT_EQ(s.figures.jointVisits, 1);
    EXPECT_DOUBLE_EQ(s.figures.jointRate, 1.0);
    // 004 二(五): the notice goes out 5 working days before.
    ASSERT_TRUE(v.noticeDate.has_value());
    EXPECT_EQ(WorkCalendar::official().workdaysBetween(*v.noticeDate, v.date).value(), 5);
}

TEST(Schedule, UnitsOfOneDepartmentMergeIntoAJointVisit) {  // 001 三.4
    Builder b("pingyang");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-05-18", "2026-05-29", "a");
    b.plan(1, "market", "price", "2026-05-20", "2026-06-12", "b");
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    EXPECT_EQ(s.figures.jointVisits, 1);
}

TEST(Schedule, DisjointWindowsNeedTwoVisitsAndTheBoundSaysSo) {
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-02", "2026-03-13");
    b.plan(1, "fire", "fire", "2026-04-01", "2026-04-10");
    b.plan(1, "ecology", "waste", "2026-03-10", "2026-04-03");
    Schedule s = run(b.w);
    EXPECT_EQ(s.visits.size(), 2u);
    EXPECT_EQ(s.figures.lowerBound, 2);
    EXPECT_DOUBLE_EQ(s.figures.ratio, 1.0);
}

TEST(Schedule, NoVisitFallsInTheQuietPeriodAndAWindowInsideItIsRefused) {  // 004 二(三)
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-16", "2026-03-27");  // lawful days: 16–20 only
    b.plan(1, "fire", "fire", "2026-03-23", "2026-03-31");    // entirely 下旬
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    EXPECT_LE(s.visits[0].date, date("2026-03-20"));
    const Refusal* r = refusalOf(s, 2);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->step, "merge");
    EXPECT_EQ(r->clause.text(), "004 二(三)");
}

TEST(Schedule, BlackoutsSplitAWindowButTheBoundStaysExact) {  // 004 二(三)
    // Windows 2026-03-16…04-03 and 03-30…04-10: they overlap only in the quiet period
    // (03-21…03-31) and on 04-01…04-03, so one visit in early April serves both.
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-16", "2026-04-03");
    b.plan(1, "fire", "fire", "2026-03-30", "2026-04-10");
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    EXPECT_GE(s.visits[0].date, date("2026-04-01"));
    EXPECT_EQ(s.figures.lowerBound, 1);
}

TEST(Schedule, TheServiceWeekIsAvoided) {  // 001 三.1
    Builder b("pingyang");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-06-08", "2026-06-12");  // the 2nd week of June 2026
    Schedule s = run(b.w);
    EXPECT_TRUE(s.visits.empty());
    const Refusal* r = refusalOf(s, 1);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->clause.text(), "001 三.1");
}

TEST(Schedule, AWindowTooSoonForTheNoticeIsRefusedWithTheNoticeClause) {  // 004 二(五)
    Builder b("yunhe", "2026-03-02");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-02", "2026-03-06");
    b.plan(1, "fire", "fire", "2026-03-02", "2026-03-13");
    Schedule s = run(b.w);
    const Refusal* r = refusalOf(s, 1);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->clause.text(), "004 二(五)");
    ASSERT_EQ(s.visits.size(), 1u);
    EXPECT_GE(s.visits[0].date, date("2026-03-09"));  // the 5th working day after 03-02
}

TEST(Schedule, AnUnfiledPlanIsNotScheduled) {  // 004 二(二), 001 三.3
    for (const char* county : {"yunhe", "pingyang"}) {
        Builder b(county);
        b.enterprise(1);
        b.plan(1, "market", "food", "2026-03-02", "2026-03-31").filedOn.reset();
        Schedule s = run(b.w);
        EXPECT_TRUE(s.visits.empty()) << county;
        const Refusal* r = refusalOf(s, 1);
        ASSERT_NE(r, nullptr) << county;
        EXPECT_EQ(r->step, "file");
        EXPECT_EQ(r->clause.text(), std::string(county) == "yunhe" ? "004 二(二)" : "001 三.3");
    }
}

TEST(Schedule, AnExceptionGoesAheadOnItsDayEvenInTheQuietPeriodAndAlone) {  // ALL-4, 004 二(三)
    Builder b("yunhe");
    b.enterprise(1);
    Plan& urgent = b.plan(1, "ecology", "waste", "2026-03-24", "2026-03-24");
    urgent.exception = "complaint-report";
    urgent.filedOn.reset();
    b.plan(1, "market", "food", "2026-03-02", "2026-03-31");
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 2u);
    EXPECT_EQ(s.figures.exceptionVisits, 1);
    EXPECT_EQ(s.figures.lowerBound, 2);
    auto found = std::find_if(s.visits.begin(), s.visits.end(), [](const Visit& v) { return v.plans == std::vector<int64_t>{1}; });
    ASSERT_NE(found, s.visits.end());
    EXPECT_EQ(found->date, date("2026-03-24"));
}

TEST(Schedule, AnExceptionVisitOwesItsReportWithinThreeWorkingDays_002_3_3_4) {  // ALL-4
    Builder b("yuancheng", "2025-01-06");
    b.w.year = 2025;  // the document was in force 2024-08-05 … 2025-08-04 (002 五)
    b.enterprise(1);
    Plan& urgent = b.plan(1, "market", "food", "2025-03-24", "2025-03-24");
    urgent.exception = "complaint-report";
    urgent.filedOn.reset();
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    auto report = std::find_if(s.owed.begin(), s.owed.end(), [](const Owed& o) { return o.obligation.clause.text() == "002 三(三)4"; });
    ASSERT_NE(report, s.owed.end());
    EXPECT_EQ(report->plan, 1);
    EXPECT_EQ(report->visit, s.visits[0].id);
    ASSERT_TRUE(report->obligation.due);
    EXPECT_EQ(*report->obligation.due, date("2025-03-27"));  // 3 working days after Monday 24 March
    for (const Owed& o : s.owed)  // nothing due before the visit's day is listed as owed afterwards
        EXPECT_TRUE(!o.obligation.due || *o.obligation.due >= date("2025-03-24")) << o.obligation.clause.text();
    // A regular visit owes nothing afterwards.
    Builder regular("yuancheng", "2025-01-06");
    regular.w.year = 2025;
    regular.enterprise(1);
    regular.plan(1, "market", "food", "2025-03-03", "2025-03-31");
    EXPECT_TRUE(run(regular.w).owed.empty());
}

TEST(Schedule, AnExceptionTheCountyDoesNotListIsRefused) {  // ALL-4
    Builder b("yunhe");
    b.enterprise(1);
    Plan& p = b.plan(1, "ecology", "waste", "2026-03-24", "2026-03-24");
    p.exception = "national-provision";  // listed by another rule (the cap), not by the quiet period
    Schedule s = run(b.w);
    EXPECT_TRUE(s.visits.empty());
    const Refusal* r = refusalOf(s, 1);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->clause.text(), "004 二(三)");
}

TEST(Schedule, AThirdOnSiteVisitOfOneDepartmentIsRefusedByTheCap) {  // 004 二(二)
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-02-02", "2026-02-13");
    b.plan(1, "market", "price", "2026-05-04", "2026-05-15");
    b.plan(1, "market", "food", "2026-09-01", "2026-09-18");
    Schedule s = run(b.w);
    EXPECT_EQ(s.visits.size(), 2u);
    const Refusal* r = refusalOf(s, 3);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->step, "recheck");
    EXPECT_EQ(r->clause.text(), "004 二(二)");
}

TEST(Schedule, GradeBHasACapOfOneAndAnExemptEnterpriseIsNotVisited) {  // 004 二(六)
    Builder b("yunhe");
    b.enterprise(1, CreditGrade::B);
    b.enterprise(2, CreditGrade::A, {"exempt"});
    b.plan(1, "market", "food", "2026-02-02", "2026-02-13");
    b.plan(1, "market", "price", "2026-05-04", "2026-05-15");
    b.plan(2, "fire", "fire", "2026-05-04", "2026-05-15");
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    ASSERT_NE(refusalOf(s, 2), nullptr);
    EXPECT_EQ(refusalOf(s, 2)->clause.text(), "004 二(六)");
    ASSERT_NE(refusalOf(s, 3), nullptr);
    EXPECT_EQ(refusalOf(s, 3)->step, "check");
    EXPECT_EQ(refusalOf(s, 3)->clause.text(), "004 二(六)");
}

TEST(Schedule, DepartmentCapacityIsNeverExceeded) {
    Builder b("dinghai");
    b.w.departments[1].inspectorsPerDay = 2;  // fire: one team a day
    for (int n = 1; n <= 4; ++n) {
        b.enterprise(n);
        b.plan(n, "fire", "fire", "2026-04-13", "2026-04-14");  // two working days
    }
    Schedule s = run(b.w);  // the checker verifies capacity
    EXPECT_EQ(s.visits.size(), 2u);
    int capacity = 0;
    for (const auto& r : s.refusals) capacity += r.step == "capacity";
    EXPECT_EQ(capacity, 2);
}

TEST(Schedule, NonSitePlansNeedNoVisitAndCountInTheShare) {  // 004 二(四)
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-02", "2026-03-31").method = Method::NonSite;
    b.plan(1, "fire", "fire", "2026-03-02", "2026-03-31");
    Schedule s = run(b.w);
    EXPECT_EQ(s.visits.size(), 1u);
    EXPECT_EQ(s.figures.nonSitePlans, 1);
    EXPECT_DOUBLE_EQ(s.figures.nonSiteShare, 0.5);
}

TEST(Schedule, TheSameWorkspaceGivesTheSameSchedule) {
    Builder b("wuxi");
    for (int n = 1; n <= 6; ++n) {
        b.enterprise(n);
        b.plan(n, "market", "food", "2026-03-02", "2026-03-31");
        b.plan(n, "fire", "fire", "2026-03-16", "2026-04-30");
        b.plan(n, "ecology", "waste", "2026-04-20", "2026-05-29");
    }
    Schedule first = run(b.w), second = run(b.w);
    ASSERT_EQ(first.visits.size(), second.visits.size());
    for (std::size_t i = 0; i < first.visits.size(); ++i) {
        EXPECT_EQ(first.visits[i].date, second.visits[i].date);
        EXPECT_EQ(first.visits[i].plans, second.visits[i].plans);
        EXPECT_EQ(first.visits[i].id, static_cast<int64_t>(i + 1));
    }
    EXPECT_EQ(first.figures.visits, first.figures.lowerBound);
}

// A generated Yunhe county of 300 enterprises with their plans.
Workspace generatedCounty(uint64_t seed) {
    GenerateOptions g;
    g.county = "yunhe";
    g.enterprises = 300;
    g.seed = seed;
    g.year = 2026;
    auto w = generateWorkspace(g, countyPolicy("yunhe"));
    EXPECT_TRUE(w) << w.error().message();
    return w ? std::move(*w) : Workspace{};
}

// The same visits (days, members, codes), refusals with their clauses and figures.
void expectSameSchedule(const Schedule& made, const Schedule& expected) {
    ASSERT_EQ(made.visits.size(), expected.visits.size());
    for (std::size_t i = 0; i < expected.visits.size(); ++i) {
        EXPECT_EQ(made.visits[i].id, expected.visits[i].id);
        EXPECT_EQ(made.visits[i].date, expected.visits[i].date);
        EXPECT_EQ(made.visits[i].enterprise, expected.visits[i].enterprise);
        EXPECT_EQ(made.visits[i].plans, expected.visits[i].plans);
        EXPECT_EQ(made.visits[i].code, expected.visits[i].code);
    }
    ASSERT_EQ(made.refusals.size(), expected.refusals.size());
    for (std::size_t i = 0; i < expected.refusals.size(); ++i) {
        EXPECT_EQ(made.refusals[i].plan, expected.refusals[i].plan);
        EXPECT_EQ(made.refusals[i].clause.text(), expected.refusals[i].clause.text());
    }
    EXPECT_EQ(made.figures.lowerBound, expected.figures.lowerBound);
    EXPECT_EQ(made.figures.refusedByClause, expected.figures.refusedByClause);
}

// The browser app schedules in steps so the page keeps drawing (ScheduleRun): enterprise by
// enterprise, it must reach the very schedule of the one-go run, capacity contention and
// all (a generated county with departments' inspectors per day).
TEST(Schedule, ARunInStepsGivesTheSameScheduleAsOneGo) {
    auto w = generatedCounty(7);
    auto whole = schedule(w, countyPolicy("yunhe"));
    ASSERT_TRUE(whole) << whole.error().message();

    auto run = ScheduleRun::start(w, countyPolicy("yunhe"));
    ASSERT_TRUE(run) << run.error().message();
    EXPECT_EQ(run->enterprises(), w.enterprises.size());
    EXPECT_EQ(run->placed(), 0u);
    std::size_t steps = 0, placedBefore = 0;
    for (;;) {
        auto more = run->step(1);
        ASSERT_TRUE(more) << more.error().message();
        ++steps;
        EXPECT_EQ(run->placed(), placedBefore + 1);  // one enterprise a step: the progress moves evenly
        placedBefore = run->placed();
        if (!*more) break;
    }
    EXPECT_EQ(steps, w.enterprises.size());
    auto stepped = run->finish();
    ASSERT_TRUE(stepped) << stepped.error().message();

    expectSameSchedule(*stepped, *whole);
    EXPECT_GT(whole->figures.visits, 100);  // a county, not a toy
}

// The codes, too, can be issued in slices once every enterprise is placed: the first slice
// numbers the visits, each later one codes the next; the schedule is the one-go schedule.
TEST(Schedule, CodesIssuedInSlicesGiveTheSameScheduleAsOneGo) {
    auto w = generatedCounty(11);
    auto whole = schedule(w, countyPolicy("yunhe"));
    ASSERT_TRUE(whole) << whole.error().message();

    auto run = ScheduleRun::start(w, countyPolicy("yunhe"));
    ASSERT_TRUE(run) << run.error().message();
    auto early = run->issueCodes(10);
    ASSERT_FALSE(early) << "no code before every enterprise is placed";
    EXPECT_NE(early.error().message().find("not placed yet"), std::string::npos) << early.error().message();
    ASSERT_TRUE(run->step(w.enterprises.size()));
    EXPECT_EQ(run->visits(), whole->visits.size());
    auto numbered = run->issueCodes(10);
    ASSERT_TRUE(numbered) << numbered.error().message();
    EXPECT_TRUE(*numbered);
    EXPECT_EQ(run->coded(), 0u) << "the first slice only numbers the visits";
    std::size_t slices = 0;
    for (;;) {
        std::size_t before = run->coded();
        auto more = run->issueCodes(10);
        ASSERT_TRUE(more) << more.error().message();
        ++slices;
        EXPECT_EQ(run->coded(), std::min(before + 10, run->visits()));
        if (!*more) break;
    }
    EXPECT_EQ(slices, (whole->visits.size() + 9) / 10);
    auto stepped = run->finish();
    ASSERT_TRUE(stepped) << stepped.error().message();
    expectSameSchedule(*stepped, *whole);
    ASSERT_EQ(stepped->owed.size(), whole->owed.size());
    for (std::size_t i = 0; i < whole->owed.size(); ++i) {
        EXPECT_EQ(stepped->owed[i].plan, whole->owed[i].plan);
        EXPECT_EQ(stepped->owed[i].visit, whole->owed[i].visit);
    }
    EXPECT_FALSE(run->issueCodes(10)) << "the schedule was handed over";
}

TEST(Schedule, AStepRunGivesItsScheduleOnlyOnceAndOnlyWhenDone) {
    Builder b("yunhe");
    b.enterprise(1);
    b.enterprise(2);
    b.plan(1, "market", "food", "2026-03-02", "2026-03-31");
    b.plan(2, "market", "food", "2026-03-02", "2026-03-31");
    auto run = ScheduleRun::start(b.w, countyPolicy("yunhe"));
    ASSERT_TRUE(run);
    ASSERT_TRUE(run->step(1));
    auto early = run->finish();
    ASSERT_FALSE(early);
    EXPECT_NE(early.error().message().find("1 enterprises are not placed yet"), std::string::npos) << early.error().message();
    ASSERT_TRUE(run->step(5));
    auto done = run->finish();
    ASSERT_TRUE(done) << done.error().message();
    EXPECT_EQ(done->visits.size(), 2u);
    EXPECT_FALSE(run->finish());  // the schedule was handed over
}

TEST(Schedule, AStepRunRefusesAWorkspaceOfAnotherCounty) {
    Builder b("wuxi");
    b.enterprise(1);
    auto run = ScheduleRun::start(b.w, countyPolicy("yunhe"));
    ASSERT_FALSE(run);
    EXPECT_NE(run.error().message().find("the workspace is for 'wuxi' but the policy is 'yunhe'"), std::string::npos);
}

TEST(Schedule, TheCheckerCatchesABrokenSchedule) {
    Builder b("yunhe");
    b.enterprise(1);
    b.plan(1, "market", "food", "2026-03-02", "2026-03-31");
    Schedule s = run(b.w);
    ASSERT_EQ(s.visits.size(), 1u);
    s.visits[0].date = date("2026-03-24");  // into the quiet period
    auto violations = checkSchedule(b.w, countyPolicy("yunhe"), s);
    ASSERT_TRUE(violations);
    ASSERT_FALSE(violations->empty());
    EXPECT_EQ(violations->front().clauses, (std::vector<std::string>{"004 二(三)"}));
    s.visits.clear();  // the plan neither visited nor refused
    violations = checkSchedule(b.w, countyPolicy("yunhe"), s);
    ASSERT_TRUE(violations);
    EXPECT_EQ(violations->size(), 1u);
}

}  // namespace
}  // namespace inspectonce
