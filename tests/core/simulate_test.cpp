// The simulation of a county-year (issue 8): the same seed, the same year under every
// policy; the rules at work in it, each checked on the days and figures it moves, with its
// clause; what-if changes; bad options.
#include <gtest/gtest.h>

#include <algorithm>

#include "decision_test_support.hpp"
#include "inspectonce/simulate.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;

simulate::Options small(int64_t enterprises = 400, uint64_t seed = 3) {
    simulate::Options o;
    o.enterprises = enterprises;
    o.seed = seed;
    o.year = 2025;
    o.county = &countyPolicy("yunhe");
    return o;
}

simulate::Run runOf(const PolicyData* policy, const simulate::Options& options = small()) {
    auto run = simulate::run(policy, options);
    EXPECT_TRUE(run) << (run ? "" : run.error().message());
    return run ? std::move(run).value() : simulate::Run{};
}

// Everything a run says, as one string, to compare runs byte for byte.
std::string dump(const simulate::Run& run) {
    std::string out = run.policy + "\n";
    for (const auto& row : simulate::figureRows({run})) out += row.id + "=" + row.values.front() + "\n";
    for (const auto& d : run.days)
        out += d.date.iso() + " " + std::to_string(d.visits) + " " + std::to_string(d.jointVisits) + " " + std::to_string(d.exceptionVisits) +
               " " + std::to_string(d.openCases) + " " + std::to_string(d.overdueCases) + "\n";
    for (const auto& h : run.happenings) out += h.date.iso() + " " + h.kind + " " + h.enterprise + " " + h.text.en + " " + h.clause + "\n";
    return out;
}

// Yunhe's document is in force from 2025-07-11 (004 四): its quiet period from then on.
bool inLateDekad(Date day) { return day.day() >= 21 && countyPolicy("yunhe").document.inForceOn(day); }

TEST(Simulate, TheSameSeedGivesTheSameYear) {
    EXPECT_EQ(dump(runOf(&countyPolicy("yunhe"))), dump(runOf(&countyPolicy("yunhe"))));
    EXPECT_NE(dump(runOf(&countyPolicy("yunhe"))), dump(runOf(&countyPolicy("yunhe"), small(400, 4))));
}

// The simulation screen lives the year in steps so the page keeps drawing (YearRun): a day
// at a time it must reach the very year of the one-go run.
TEST(Simulate, AYearInStepsIsTheYearInOneGo) {
    auto year = simulate::YearRun::start(&countyPolicy("pingyang"), small());
    ASSERT_TRUE(year) << year.error().message();
    EXPECT_EQ(year->policy(), "pingyang");
    EXPECT_EQ(year->daysInYear(), 365);
    int steps = 0;
    for (;;) {
        auto more = year->step(1);
        ASSERT_TRUE(more) << more.error().message();
        ++steps;
        EXPECT_EQ(year->daysDone(), steps);
        if (!*more) break;
    }
    EXPECT_EQ(steps, 365);
    auto stepped = year->finish();
    ASSERT_TRUE(stepped) << stepped.error().message();
    EXPECT_EQ(dump(*stepped), dump(runOf(&countyPolicy("pingyang"))));
    EXPECT_EQ(stepped->name.en, countyPolicy("pingyang").name.en);
    EXPECT_FALSE(year->finish());  // the year was handed over
}

TEST(Simulate, AYearInStepsGivesNothingBeforeItsLastDay) {
    auto year = simulate::YearRun::start(nullptr, small());
    ASSERT_TRUE(year);
    EXPECT_EQ(year->policy(), "none");
    ASSERT_TRUE(year->step(100));
    EXPECT_EQ(year->daysDone(), 100);
    auto early = year->finish();
    ASSERT_FALSE(early);
    EXPECT_NE(early.error().message().find("265 days of the year are left"), std::string::npos) << early.error().message();
}

TEST(Simulate, EveryPolicyMeetsTheSameYear) {
    simulate::Run none = runOf(nullptr);
    for (const char* county : {"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe"}) {
        simulate::Run run = runOf(&countyPolicy(county));
        EXPECT_EQ(run.generatedAs, "yunhe");
        EXPECT_EQ(run.figures.plans, none.figures.plans) << county;
        EXPECT_EQ(run.figures.demands, none.figures.demands) << county;
        EXPECT_EQ(run.figures.complaints, none.figures.complaints) << county;
        EXPECT_EQ(run.figures.gradeChanges, none.figures.gradeChanges) << county;
        EXPECT_EQ(run.days.size(), 365u);
        EXPECT_GT(none.figures.demands, 0);
    }
}

// ALL-3 (进一次门、查多项事; 003, 004 二(一)): joint visits take fewer trips than departments
// going on their own, who make one visit per plan and never a joint one.
TEST(Simulate, JointVisitsCutTheTripsEveryDepartmentWouldMakeOnItsOwn) {
    simulate::Run none = runOf(nullptr);
    EXPECT_EQ(none.policy, "none");
    EXPECT_EQ(none.figures.visits, none.figures.plansOnSite);
    EXPECT_EQ(none.figures.jointVisits, 0);
    EXPECT_EQ(none.figures.refusedPlans + none.figures.refusedInspections, 0);
    for (const char* county : {"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe"}) {
        simulate::Run run = runOf(&countyPolicy(county));
        EXPECT_LT(run.figures.visits, none.figures.visits) << county;
        EXPECT_GT(run.figures.jointVisits, 0) << county;
        ASSERT_TRUE(run.figures.jointRate) << county;
        EXPECT_LT(run.figures.visitsPerEnterprise, none.figures.visitsPerEnterprise) << county;
    }
}

// Yunhe's quiet period (004 二(三)): the last ten days of each month only an exception
// inspection enters an enterprise, and the exceptions used there cite the clause.
TEST(Simulate, YunheQuietPeriodLetsOnlyExceptionsThrough) {
    simulate::Run run = runOf(&countyPolicy("yunhe"));
    int64_t quietVisits = 0;
    for (const auto& d : run.days)
        if (inLateDekad(d.date)) {
            EXPECT_EQ(d.visits, d.exceptionVisits) << d.date.iso();
            quietVisits += d.visits;
        }
    EXPECT_GT(run.figures.blackoutExceptions, 0);
    EXPECT_EQ(run.figures.blackoutExceptions, quietVisits);
    bool cited = std::any_of(run.happenings.begin(), run.happenings.end(), [](const simulate::Happening& h) {
        return h.clause == "004 二(三)" && inLateDekad(h.date) && h.kind != "refused";
    });
    EXPECT_TRUE(cited);
    // Without the rule the same year visits on those days as on any other.
    simulate::Run none = runOf(nullptr);
    int64_t regular = 0;
    for (const auto& d : none.days)
        if (inLateDekad(d.date)) regular += d.visits - d.exceptionVisits;
    EXPECT_GT(regular, 0);
}

// Pingyang's service week (001 三.1): the second week of each month (ISO weeks).
TEST(Simulate, PingyangServiceWeekLetsOnlyExceptionsThrough) {
    const PolicyData& pingyang = countyPolicy("pingyang");
    simulate::Run run = runOf(&pingyang);
    int checked = 0;
    for (const auto& d : run.days) {
        auto week = pingyang.blackouts.front().period.in(YearMonth{d.date.year(), d.date.month()});
        ASSERT_TRUE(week);
        if (d.date < week->first || d.date > week->last || !pingyang.document.inForceOn(d.date)) continue;
        EXPECT_EQ(d.visits, d.exceptionVisits) << d.date.iso();
        ++checked;
    }
    EXPECT_GE(checked, 5 * 5);
    EXPECT_GT(run.figures.blackoutExceptions, 0);
}

// What if (issue 8): the quiet period made longer or removed, and the year run again.
TEST(Simulate, WhatIfTheQuietPeriodChanges) {
    auto longer = simulate::applyWhatIf(countyPolicy("yunhe"), {15, std::nullopt});
    ASSERT_TRUE(longer) << longer.error().message();
    simulate::Run run = runOf(&longer.value());
    for (const auto& d : run.days)
        if (d.date.day() >= 17 && countyPolicy("yunhe").document.inForceOn(d.date)) {
            EXPECT_EQ(d.visits, d.exceptionVisits) << d.date.iso();
        }

    auto removed = simulate::applyWhatIf(countyPolicy("yunhe"), {0, std::nullopt});
    ASSERT_TRUE(removed);
    EXPECT_TRUE(removed->blackouts.empty());
    simulate::Run open = runOf(&removed.value());
    EXPECT_EQ(open.figures.blackoutExceptions, 0);
    int64_t regular = 0;
    for (const auto& d : open.days)
        if (inLateDekad(d.date)) regular += d.visits - d.exceptionVisits;
    EXPECT_GT(regular, 0);
}

// Yunhe's on-site caps (004 二(六)): a lower cap refuses more plans.
TEST(Simulate, WhatIfTheCapIsLower) {
    auto strict = simulate::applyWhatIf(countyPolicy("yunhe"), {std::nullopt, 1});
    ASSERT_TRUE(strict) << strict.error().message();
    for (const auto& rule : strict->rules)
        if (rule.type == PolicyRule::Type::Cap) {
            EXPECT_EQ(rule.max, 1);
        }
    EXPECT_GT(runOf(&strict.value()).figures.refusedPlans, runOf(&countyPolicy("yunhe")).figures.refusedPlans);
}

TEST(Simulate, WhatIfRefusesWhatCannotApply) {
    auto noCap = simulate::applyWhatIf(countyPolicy("dinghai"), {std::nullopt, 3});
    ASSERT_FALSE(noCap);
    EXPECT_EQ(noCap.error().where, "on-site cap");
    EXPECT_NE(noCap.error().why.find("no on-site cap"), std::string::npos);
    auto noQuiet = simulate::applyWhatIf(countyPolicy("wuxi"), {10, std::nullopt});
    ASSERT_FALSE(noQuiet);
    EXPECT_NE(noQuiet.error().why.find("no blackout"), std::string::npos);
    auto tooShort = simulate::applyWhatIf(countyPolicy("yunhe"), {2, std::nullopt});
    ASSERT_FALSE(tooShort);
    EXPECT_NE(tooShort.error().why.find("out of range"), std::string::npos);
    EXPECT_FALSE(simulate::applyWhatIf(countyPolicy("yunhe"), {std::nullopt, 0}));
}

// Findings (000 二(二), 001 三.6): Dinghai's and Pingyang's rules spare a slight finding put
// right; Yunhe's document sets no such rule (004 二(十)), and without a policy every one
// is penalised.
TEST(Simulate, FindingsAreDisposedOfByTheCountysPenaltyRules) {
    simulate::Run dinghai = runOf(&countyPolicy("dinghai"));
    ASSERT_GT(dinghai.figures.findings, 0);
    EXPECT_GT(dinghai.figures.findingsWithoutPenalty, 0);
    EXPECT_LT(dinghai.figures.findingsWithoutPenalty, dinghai.figures.findings);
    auto cites = [](const simulate::Run& run, const std::string& clause) {
        return std::any_of(run.happenings.begin(), run.happenings.end(),
                           [&](const simulate::Happening& h) { return h.kind == "finding" && h.clause == clause; });
    };
    EXPECT_TRUE(cites(dinghai, "000 二(二)"));
    simulate::Run pingyang = runOf(&countyPolicy("pingyang"));
    EXPECT_GT(pingyang.figures.findingsWithoutPenalty, 0);
    EXPECT_TRUE(cites(pingyang, "001 三.6"));
    simulate::Run yunhe = runOf(&countyPolicy("yunhe"));
    EXPECT_EQ(yunhe.figures.findingsWithoutPenalty, 0);
    EXPECT_TRUE(cites(yunhe, "004 二(十)"));
    EXPECT_EQ(runOf(nullptr).figures.findingsWithoutPenalty, 0);
}

// Demands (002 三(一)) go through a workflow only where the county has one: Yuancheng.
// Complaints of disturbance through Pingyang's, Wuxi's and Yunhe's complaint workflows.
TEST(Simulate, DemandsAndComplaintsKeepTheCountysDeadlines) {
    simulate::Run yuancheng = runOf(&countyPolicy("yuancheng"));
    ASSERT_TRUE(yuancheng.figures.demandsOnTimeRate);
    EXPECT_GT(*yuancheng.figures.demandsOnTimeRate, 0.3);
    EXPECT_LT(*yuancheng.figures.demandsOnTimeRate, 1.0);
    EXPECT_FALSE(yuancheng.figures.complaintsOnTimeRate);
    simulate::Run yunhe = runOf(&countyPolicy("yunhe"));
    EXPECT_FALSE(yunhe.figures.demandsOnTimeRate);
    ASSERT_TRUE(yunhe.figures.complaintsOnTimeRate);
    EXPECT_EQ(yunhe.figures.cases, yunhe.figures.complaints);
    EXPECT_FALSE(runOf(nullptr).figures.demandsOnTimeRate);
    // The day's open and overdue cases never exceed the cases opened so far.
    int64_t opened = 0;
    for (const auto& d : yuancheng.days) {
        opened += d.demands;
        EXPECT_LE(d.overdueCases, d.openCases);
    }
    EXPECT_EQ(opened, yuancheng.figures.demands);
}

// Yunhe's yearly target (004 一): the joint-inspection rate against 60 % in 2025.
TEST(Simulate, TheRunIsMeasuredAgainstTheCountysTargets) {
    simulate::Run yunhe = runOf(&countyPolicy("yunhe"));
    ASSERT_EQ(yunhe.targets.size(), 1u);
    EXPECT_EQ(yunhe.targets[0].clause.clause, "004 一");
    EXPECT_EQ(yunhe.targets[0].minPercent, 60);
    ASSERT_TRUE(yunhe.targets[0].achievedPercent);
    EXPECT_DOUBLE_EQ(*yunhe.targets[0].achievedPercent, *yunhe.figures.jointRate * 100);
    simulate::Run wuxi = runOf(&countyPolicy("wuxi"));
    ASSERT_EQ(wuxi.targets.size(), 1u);
    EXPECT_FALSE(wuxi.targets[0].achievedPercent) << "the draw share is not simulated";
    EXPECT_TRUE(runOf(nullptr).targets.empty());
}

TEST(Simulate, FigureRowsPutRunsSideBySide) {
    std::vector<simulate::Run> runs = {runOf(&countyPolicy("yunhe")), runOf(nullptr)};
    auto rows = simulate::figureRows(runs);
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) EXPECT_EQ(row.values.size(), 2u) << row.id;
    auto joint = std::find_if(rows.begin(), rows.end(), [](const simulate::FigureRow& r) { return r.id == "joint-rate"; });
    ASSERT_NE(joint, rows.end());
    EXPECT_EQ(joint->values[0], simulate::formatPercent(runs[0].figures.jointRate));
    EXPECT_EQ(joint->values[1], "0.0%");
    EXPECT_EQ(simulate::formatPercent(0.6125), "61.3%");
    EXPECT_EQ(simulate::formatPercent(std::nullopt), "—");
}

TEST(Simulate, BadOptionsAreNamed) {
    simulate::Options none = small();
    none.enterprises = 0;
    auto r = simulate::run(&countyPolicy("yunhe"), none);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().where, "enterprises");
    simulate::Options later = small();
    later.year = 2031;
    auto y = simulate::run(&countyPolicy("yunhe"), later);
    ASSERT_FALSE(y);
    EXPECT_EQ(y.error().where, "year");
    simulate::Options nobody = small();
    nobody.county = nullptr;
    EXPECT_FALSE(simulate::run(nullptr, nobody));
}

}  // namespace
}  // namespace inspectonce
