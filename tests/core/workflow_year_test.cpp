// A year of a generated county through its workflows (issue 6, "done when"): every working
// day of 2025 cases are opened and moved on by random steps through the store (one
// transaction each, audited); each day the store's due list (casesDueBy, on its index) and
// the due report are checked against an independent computation written here: deadlines
// counted day by day with isWorkday (ALL-1), not with the calendar's addWorkdays that the
// engine uses, and standings derived from them.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "decision_test_support.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/report.hpp"
#include "inspectonce/store.hpp"
#include "random/xoshiro.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;
using test::date;
using random_detail::XoshiroState;
using random_detail::xoshiroBelow;
using random_detail::xoshiroSeeded;
using workflow::Standing;

const WorkCalendar& calendar() { return WorkCalendar::official(); }

// The n-th working day after `from` (n > 0) or before it (n < 0), one day at a time.
Date countWorkingDays(Date from, int n) {
    Date day = from;
    int step = n > 0 ? 1 : -1;
    for (int counted = 0; counted != n;) {
        day = day.plusDays(step);
        if (calendar().isWorkday(day).value()) counted += step;
    }
    return day;
}

// Working days d with from < d <= to, one day at a time.
int workingDaysAfter(Date from, Date to) {
    int count = 0;
    for (Date day = from.plusDays(1); day <= to; day = day.plusDays(1)) count += calendar().isWorkday(day).value();
    return count;
}

struct Expected {
    std::optional<Date> deadline, remindOn, escalateOn;
    bool closed = false;
};

// What the definition says about a case that entered its state on its last step.
Expected expectedFor(const workflow::Definition& definition, const workflow::Case& item) {
    Expected e;
    const workflow::State* state = definition.state(item.state);
    if (!state) {
        ADD_FAILURE() << "case " << item.id << " in unknown state " << item.state;
        return e;
    }
    e.closed = state->final;
    if (state->final || !state->deadline) return e;
    const workflow::DeadlineRule& rule = *state->deadline;
    const workflow::Step& last = item.steps.back();
    if (!rule.setBy.empty()) {
        const std::string* set = workflow::find(last.data, rule.setBy);
        if (!set) set = workflow::find(item.attributes, rule.setBy);
        if (!set) return e;
        e.deadline = Date::parse(*set).value();
    } else {
        int days = rule.workingDays;
        if (rule.longer) {
            const std::string* value = workflow::find(item.attributes, rule.longer->attribute);
            if (value && *value == rule.longer->value) days = rule.longer->workingDays;
        }
        e.deadline = countWorkingDays(last.date, days);
    }
    e.remindOn = std::max(countWorkingDays(*e.deadline, -definition.remindWorkingDays), last.date);
    if (definition.escalation) e.escalateOn = countWorkingDays(*e.deadline, definition.escalation->workingDaysOverdue);
    return e;
}

Standing expectedStanding(const Expected& e, Date day) {
    if (e.closed) return Standing::Closed;
    if (!e.deadline) return Standing::NoDeadline;
    if (e.escalateOn && *e.escalateOn <= day) return Standing::Escalated;
    if (*e.deadline < day) return Standing::Overdue;
    if (*e.deadline == day) return Standing::DueToday;
    if (*e.remindOn <= day) return Standing::DueSoon;
    return Standing::OnTime;
}

bool listed(Standing s) {
    return s == Standing::DueSoon || s == Standing::DueToday || s == Standing::Overdue || s == Standing::Escalated;
}

// Data for a step: a value for everything it needs and an accepted value for each condition.
// Dates are working days a little after `day`, within the target state's maximum.
workflow::Attributes dataFor(const workflow::Definition& definition, const workflow::Transition& t, const Workspace& w,
                             Date day, XoshiroState& random) {
    workflow::Attributes data;
    const workflow::State* target = definition.state(t.to);
    for (const auto& [key, values] : t.when)
        if (!values.empty()) workflow::set(data, key, values[xoshiroBelow(random, values.size())]);
    for (const std::string& key : t.needs) {
        if (workflow::find(data, key)) continue;
        bool isDate = key.find("date") != std::string::npos || key == "deadline" ||
                      (target && target->deadline && target->deadline->setBy == key);
        if (isDate) {
            int most = target && target->deadline && target->deadline->maxWorkingDays > 0 ? target->deadline->maxWorkingDays : 15;
            workflow::set(data, key, countWorkingDays(day, 1 + int(xoshiroBelow(random, uint64_t(most)))).iso());
        } else if (key == "department") {
            workflow::set(data, key, w.departments[xoshiroBelow(random, w.departments.size())].id);
        } else {
            workflow::set(data, key, "年度演练 " + key);
        }
    }
    return data;
}

struct YearRun {
    int opened = 0, steps = 0, refused = 0, checks = 0, listedSeen = 0, overdueSeen = 0, closed = 0;
};

YearRun runYear(const std::string& county, uint64_t seed) {
    YearRun run;
    const PolicyData& policy = countyPolicy(county);
    EXPECT_FALSE(policy.workflows.empty()) << county;
    GenerateOptions options;
    options.county = county;
    options.enterprises = 40;
    options.seed = seed;
    options.year = 2025;
    auto generated = generateWorkspace(options, policy);
    EXPECT_TRUE(generated) << (generated ? "" : generated.error().message());
    Workspace workspace = generated.value();
    std::string path = std::string(INSPECTONCE_TEST_TMP_DIR) + "/year-" + county + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    EXPECT_TRUE(store::saveWorkspace(workspace, path));
    auto opened = store::Database::open(path, store::Database::Mode::ReadWrite);
    EXPECT_TRUE(opened);
    store::Database& db = opened.value();
    EXPECT_TRUE(db.exec("PRAGMA synchronous = OFF"));  // a test: durability is the reliability tests' business

    XoshiroState random = xoshiroSeeded(seed);  // the same year natively and in wasm
    std::map<int64_t, const workflow::Definition*> definitionOf;
    for (Date day = date("2025-01-02"); day <= date("2025-12-31"); day = day.plusDays(1)) {
        if (calendar().isWorkday(day).value()) {
            // Open a case of a random workflow, by a random opening step.
            const workflow::Definition& definition = policy.workflows[xoshiroBelow(random, policy.workflows.size())];
            auto openings = definition.openings();
            const workflow::Transition& opening = *openings[xoshiroBelow(random, openings.size())];
            workflow::Case subject;
            subject.enterprise = workspace.enterprises[xoshiroBelow(random, workspace.enterprises.size())].enterprise.code.str();
            subject.department = workspace.departments[xoshiroBelow(random, workspace.departments.size())].id;
            subject.title = "年度演练";
            workflow::Actor actor{opening.roles.empty() ? "" : opening.roles.front(), "演练"};
            auto made = store::openCase(db, definition, calendar(), subject, opening.id, actor, day,
                                        dataFor(definition, opening, workspace, day, random));
            if (made) {
                ++run.opened;
                definitionOf[made->after.id] = &definition;
            } else {
                ++run.refused;
            }
            // Move on a few open cases; some are left to run late on purpose.
            auto cases = store::loadCases(db);
            EXPECT_TRUE(cases);
            std::vector<workflow::Case> open;
            for (auto& item : cases.value())
                if (!item.closed) open.push_back(item);
            for (int k = 0; k < 3 && !open.empty(); ++k) {
                const workflow::Case& item = open[xoshiroBelow(random, open.size())];
                if (item.entered > day) continue;
                const workflow::Definition& d = *definitionOf.at(item.id);
                auto choices = d.from(item.state);
                if (choices.empty()) continue;
                const workflow::Transition& t = *choices[xoshiroBelow(random, choices.size())];
                workflow::Actor by{t.roles.empty() ? "" : t.roles.front(), "演练"};
                auto applied = store::applyToCase(db, d, calendar(), item.id, t.id, by, day, dataFor(d, t, workspace, day, random));
                if (applied) {
                    ++run.steps;
                    run.closed += applied->after.closed;
                } else {
                    ++run.refused;
                }
            }
        }
        // The day's check: the store's list and the report against the independent one.
        auto cases = store::loadCases(db);
        EXPECT_TRUE(cases);
        std::set<int64_t> expectedDue;
        std::map<int64_t, Standing> expectedStandings;
        for (const auto& item : cases.value()) {
            Expected e = expectedFor(*definitionOf.at(item.id), item);
            EXPECT_EQ(item.deadline, e.deadline) << county << " case " << item.id << " in " << item.state;
            EXPECT_EQ(item.closed, e.closed) << county << " case " << item.id;
            Standing s = expectedStanding(e, day);
            EXPECT_EQ(workflow::standingOn(item, day), s) << county << " case " << item.id << " on " << day.iso();
            if (listed(s)) expectedDue.insert(item.id);
            expectedStandings[item.id] = s;
            run.overdueSeen += s == Standing::Overdue || s == Standing::Escalated;
        }
        auto due = store::casesDueBy(db, day);
        EXPECT_TRUE(due);
        std::set<int64_t> storeDue;
        for (const auto& item : due.value())
            if (listed(workflow::standingOn(item, day))) storeDue.insert(item.id);
        EXPECT_EQ(storeDue, expectedDue) << county << " on " << day.iso();
        workspace.cases = cases.value();
        auto report = report::dueReport(workspace, policy.workflows, calendar(), day);
        EXPECT_TRUE(report) << (report ? "" : report.error().message());
        std::set<int64_t> reported;
        for (const auto& holder : report->holders)
            for (const auto& item : holder.items) {
                reported.insert(item.caseId);
                EXPECT_EQ(item.standing, expectedStandings[item.caseId]) << county << " case " << item.caseId;
                if (item.standing == Standing::Overdue || item.standing == Standing::Escalated) {
                    EXPECT_EQ(item.workingDaysLate, workingDaysAfter(item.deadline, day)) << county << " case " << item.caseId;
                }
            }
        EXPECT_EQ(reported, expectedDue) << county << " on " << day.iso();
        run.listedSeen += int(expectedDue.size());
        ++run.checks;
        if (::testing::Test::HasFailure()) break;  // one day's failures say enough
    }
    auto verdict = store::verifyAudit(db);
    EXPECT_TRUE(verdict);
    if (verdict) {
        EXPECT_TRUE(verdict->problems.empty());
        EXPECT_EQ(verdict->entries, run.opened + run.steps);  // one entry per change, none for a refusal
    }
    return run;
}

class WorkflowYear : public ::testing::TestWithParam<const char*> {};

TEST_P(WorkflowYear, EveryDeadlineAndDueListMatchesAnIndependentCount_ALL1) {
    YearRun run = runYear(GetParam(), 2025);
    // The run did something worth checking: cases opened, moved on, closed, and some late.
    EXPECT_GT(run.opened, 100);
    EXPECT_GT(run.steps, 100);
    EXPECT_GT(run.closed, 10);
    EXPECT_GT(run.overdueSeen, 0);
    EXPECT_GT(run.listedSeen, 0);
    EXPECT_EQ(run.checks, 364);
    RecordProperty("opened", run.opened);
    RecordProperty("steps", run.steps);
}

INSTANTIATE_TEST_SUITE_P(Counties, WorkflowYear, ::testing::Values("yuancheng", "dinghai", "pingyang", "wuxi", "yunhe"));

}  // namespace
}  // namespace inspectonce
