// Cases in the workspace file (store.hpp): opened and stepped by the engine, written with
// their steps and one audit entry in one transaction; a refusal writes nothing; casesDueBy
// agrees with a brute-force filter and uses its partial index; a workspace with cases
// survives save and load; demands read from a file opened in slices as in one go, and a
// refused or dropped opening writes nothing. A small workflow built here by hand. Natively
// and in wasm.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce {
namespace {

using workflow::Actor;
using workflow::Attributes;
using workflow::Case;
using workflow::Definition;

std::string tempPath(const std::string& name) {
    std::string path = std::string(INSPECTONCE_TEST_TMP_DIR) + "/cases-" + name;
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    return path;
}

Date day(const char* iso) { return Date::parse(iso).value(); }

// received (5 working days) → routed (3) → answered (final); or received → rejected (final).
Definition demandFlow() {
    Definition d;
    d.id = "demand";
    d.name = {"诉求", "demand"};
    d.clause = {"002 二(一)"};
    d.roles = {{"service-center", {"服务中心", "service center"}}, {"department", {"部门", "department"}}};
    workflow::State received{"received", {"已受理", "received"}, "service-center", workflow::DeadlineRule{}, false, {"service-center"}, {"002 三(一)1"}};
    received.deadline->workingDays = 5;
    received.deadline->clause = {"002 三(一)1"};
    workflow::State routed{"routed", {"已转办", "routed"}, "department", workflow::DeadlineRule{}, false, {"department"}, {"002 三(一)2"}};
    routed.deadline->workingDays = 3;
    routed.deadline->clause = {"002 三(一)2"};
    workflow::State answered{"answered", {"已办结", "answered"}, "", std::nullopt, true, {}, {"002 三(一)3"}};
    workflow::State rejected{"rejected", {"不予受理", "rejected"}, "", std::nullopt, true, {}, {"002 三(一)1"}};
    d.states = {received, routed, answered, rejected};
    workflow::Transition receive;
    receive.id = "receive";
    receive.to = "received";
    receive.roles = {"service-center"};
    receive.clause = {"002 三(一)1"};
    workflow::Transition route;
    route.id = "route";
    route.from = {"received"};
    route.to = "routed";
    route.roles = {"service-center"};
    route.needs = {"department"};
    route.clause = {"002 三(一)2"};
    workflow::Transition answer;
    answer.id = "answer";
    answer.from = {"routed"};
    answer.to = "answered";
    answer.roles = {"department"};
    answer.needs = {"answer"};
    answer.clause = {"002 三(一)3"};
    workflow::Transition reject;
    reject.id = "reject";
    reject.from = {"received"};
    reject.to = "rejected";
    reject.roles = {"service-center"};
    reject.clause = {"002 三(一)1"};
    d.transitions = {receive, route, answer, reject};
    d.remindWorkingDays = 1;
    return d;
}

const WorkCalendar& calendar() { return WorkCalendar::official(); }
const Actor kCenter{"service-center", "王芳"};
const Actor kMarket{"department", "market"};

Case subject(const std::string& title) {
    Case c;
    c.enterprise = "91350100M000100Y43";
    c.title = title;
    return c;
}

store::Database fresh(const std::string& path) {
    auto db = store::Database::open(path, store::Database::Mode::Create);
    EXPECT_TRUE(db) << db.error().message();
    EXPECT_TRUE(store::migrate(db.value()));
    return std::move(db.value());
}

int64_t scalar(store::Database& db, const std::string& sql) {
    auto s = db.prepare(sql);
    EXPECT_TRUE(s) << s.error().message();
    auto row = s.value().step();
    EXPECT_TRUE(row && *row);
    return s.value().integer(0);
}

// Everything a case holds, steps included, as one comparable string.
std::string fingerprint(const Case& c) {
    std::string out = store::auditJson(c);
    for (const auto& s : c.steps) {
        out += "|" + s.date.iso() + " " + s.transition + " " + s.from + ">" + s.to + " " + s.actor.role + ":" + s.actor.name + " " +
               s.clause.clause;
        for (const auto& [key, value] : s.data) out += " " + key + "=" + value;
    }
    return out;
}

struct Counts {
    int64_t cases, steps, audit, head;
    bool operator==(const Counts&) const = default;
};

Counts counts(store::Database& db) {
    return {scalar(db, "SELECT count(*) FROM cases"), scalar(db, "SELECT count(*) FROM case_steps"),
            scalar(db, "SELECT count(*) FROM audit"), scalar(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'audit_count'")};
}

TEST(CaseStore, OpenAndApplyRoundTripWithOneAuditEntryEach) {
    std::string path = tempPath("roundtrip.db");
    store::Database db = fresh(path);
    Definition flow = demandFlow();
    auto opened = store::openCase(db, flow, calendar(), subject("路灯不亮"), "receive", kCenter, day("2026-03-02"), {{"channel", "12345"}});
    ASSERT_TRUE(opened) << opened.error().message();
    EXPECT_EQ(opened->after.id, 1);
    EXPECT_EQ(opened->after.state, "received");
    ASSERT_TRUE(opened->after.deadline);
    auto loaded = store::loadCase(db, 1);
    ASSERT_TRUE(loaded) << loaded.error().message();
    EXPECT_EQ(fingerprint(*loaded), fingerprint(opened->after));

    auto routed = store::applyToCase(db, flow, calendar(), 1, "route", kCenter, day("2026-03-03"), {{"department", "market"}});
    ASSERT_TRUE(routed) << routed.error().message();
    auto answered = store::applyToCase(db, flow, calendar(), 1, "answer", kMarket, day("2026-03-05"), {{"answer", "已修复"}});
    ASSERT_TRUE(answered) << answered.error().message();
    EXPECT_TRUE(answered->after.closed);
    auto reloaded = store::loadCase(db, 1);
    ASSERT_TRUE(reloaded);
    EXPECT_EQ(fingerprint(*reloaded), fingerprint(answered->after));
    ASSERT_EQ(reloaded->steps.size(), 3u);
    EXPECT_EQ(reloaded->department, "market");
    EXPECT_EQ(reloaded->steps[2].data, (Attributes{{"answer", "已修复"}}));

    auto log = store::readAudit(db);
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 3u);
    EXPECT_EQ((*log)[0].action, "demand.receive");
    EXPECT_EQ((*log)[1].action, "demand.route");
    EXPECT_EQ((*log)[2].action, "demand.answer");
    EXPECT_EQ((*log)[0].subject, "case 1");
    EXPECT_EQ((*log)[0].actor, "service-center:王芳");
    EXPECT_EQ((*log)[2].actor, "department:market");
    EXPECT_EQ((*log)[1].clause, "002 三(一)2");
    EXPECT_EQ((*log)[1].date, day("2026-03-03"));
    EXPECT_EQ((*log)[0].before, "");
    EXPECT_EQ((*log)[0].after, store::auditJson(opened->after));
    EXPECT_EQ((*log)[1].before, store::auditJson(opened->after));
    EXPECT_EQ((*log)[2].after, store::auditJson(answered->after));
    // Compact JSON with sorted keys and no steps.
    const std::string& json = (*log)[0].after;
    EXPECT_EQ(json.find(' '), std::string::npos) << json;
    EXPECT_LT(json.find("\"attributes\""), json.find("\"closed\""));
    EXPECT_LT(json.find("\"closed\""), json.find("\"deadline\""));
    EXPECT_EQ(json.find("steps"), std::string::npos);
    EXPECT_NE(json.find("\"channel\":\"12345\""), std::string::npos) << json;
    auto verdict = store::verifyAudit(db);
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->problems.empty());

    // Listing by workflow.
    auto all = store::loadCases(db);
    auto demands = store::loadCases(db, "demand");
    auto others = store::loadCases(db, "finding");
    ASSERT_TRUE(all && demands && others);
    EXPECT_EQ(all->size(), 1u);
    EXPECT_EQ(demands->size(), 1u);
    EXPECT_TRUE(others->empty());
    EXPECT_FALSE(store::loadCase(db, 99));
}

TEST(CaseStore, ARefusalWritesNothing) {
    store::Database db = fresh(tempPath("refusal.db"));
    Definition flow = demandFlow();
    ASSERT_TRUE(store::openCase(db, flow, calendar(), subject("噪声"), "receive", kCenter, day("2026-03-02"), {}));
    Counts before = counts(db);
    EXPECT_EQ(before, (Counts{1, 1, 1, 1}));
    // The wrong role, a transition that does not leave the state, missing data, a date
    // before the last step, an unknown case, an opening by the wrong role.
    auto wrongRole = store::applyToCase(db, flow, calendar(), 1, "route", kMarket, day("2026-03-03"), {{"department", "market"}});
    ASSERT_FALSE(wrongRole);
    EXPECT_NE(wrongRole.error().message().find("002 三(一)2"), std::string::npos) << wrongRole.error().message();
    EXPECT_FALSE(store::applyToCase(db, flow, calendar(), 1, "answer", kMarket, day("2026-03-03"), {{"answer", "x"}}));
    EXPECT_FALSE(store::applyToCase(db, flow, calendar(), 1, "route", kCenter, day("2026-03-03"), {}));
    EXPECT_FALSE(store::applyToCase(db, flow, calendar(), 1, "route", kCenter, day("2026-02-27"), {{"department", "market"}}));
    EXPECT_FALSE(store::applyToCase(db, flow, calendar(), 7, "route", kCenter, day("2026-03-03"), {{"department", "market"}}));
    EXPECT_FALSE(store::openCase(db, flow, calendar(), subject("x"), "receive", kMarket, day("2026-03-02"), {}));
    EXPECT_FALSE(store::openCase(db, flow, calendar(), subject("x"), "route", kCenter, day("2026-03-02"), {}));
    EXPECT_EQ(counts(db), before);
    auto stored = store::loadCase(db, 1);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->state, "received");
    // A closed case refuses everything.
    ASSERT_TRUE(store::applyToCase(db, flow, calendar(), 1, "reject", kCenter, day("2026-03-03"), {}));
    Counts closed = counts(db);
    EXPECT_FALSE(store::applyToCase(db, flow, calendar(), 1, "route", kCenter, day("2026-03-04"), {{"department", "market"}}));
    EXPECT_EQ(counts(db), closed);
    EXPECT_TRUE(store::verifyAudit(db)->problems.empty());
}

// The SQL casesDueBy runs (case_file.cpp), planned by SQLite: it must search the partial index.
TEST(CaseStore, CasesDueByUsesThePartialIndex) {
    store::Database db = fresh(":memory:");
    for (const char* sql : {"SELECT id FROM cases WHERE closed = 0 AND remind_on <= ? ORDER BY remind_on, id",
                            "SELECT case_id FROM case_steps WHERE case_id IN (SELECT id FROM cases WHERE closed = 0 AND remind_on <= ?) "
                            "ORDER BY case_id, seq"}) {
        auto plan = db.prepare(std::string("EXPLAIN QUERY PLAN ") + sql);
        ASSERT_TRUE(plan) << plan.error().message();
        plan.value().bind(1, "2026-03-01");
        std::string details;
        while (true) {
            auto row = plan.value().step();
            ASSERT_TRUE(row);
            if (!*row) break;
            details += plan.value().text(3) + "\n";
        }
        EXPECT_NE(details.find("USING INDEX cases_open_by_reminder"), std::string::npos) << sql << "\n" << details;
        EXPECT_EQ(details.find("SCAN cases"), std::string::npos) << details;
    }
}

TEST(CaseStore, CasesDueByAgreesWithABruteForceFilter) {
    store::Database db = fresh(":memory:");
    Definition flow = demandFlow();
    uint64_t state = 20260302;
    auto next = [&state](uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % bound);
    };
    Date start = day("2026-01-05");
    for (int i = 0; i < 240; ++i) {
        Date opened = start.plusDays(next(300));
        auto made = store::openCase(db, flow, calendar(), subject("case " + std::to_string(i)), "receive", kCenter, opened, {});
        ASSERT_TRUE(made) << made.error().message();
        int64_t id = made->after.id;
        int fate = next(4);  // 0: stays received, 1: routed, 2: answered, 3: rejected
        Date later = opened.plusDays(next(10));
        if (fate == 1 || fate == 2) {
            ASSERT_TRUE(store::applyToCase(db, flow, calendar(), id, "route", kCenter, later, {{"department", "market"}}));
        }
        if (fate == 2) {
            ASSERT_TRUE(store::applyToCase(db, flow, calendar(), id, "answer", kMarket, later.plusDays(next(6)), {{"answer", "ok"}}));
        }
        if (fate == 3) {
            ASSERT_TRUE(store::applyToCase(db, flow, calendar(), id, "reject", kCenter, later, {}));
        }
    }
    auto all = store::loadCases(db);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 240u);
    int nonEmpty = 0;
    for (Date d = day("2026-01-01"); d <= day("2026-12-31"); d = d.plusDays(3)) {
        std::vector<std::string> expected;
        std::vector<const Case*> brute;
        for (const auto& c : *all)
            if (!c.closed && c.remindOn && *c.remindOn <= d) brute.push_back(&c);
        std::stable_sort(brute.begin(), brute.end(), [](const Case* a, const Case* b) { return *a->remindOn < *b->remindOn; });
        for (const Case* c : brute) expected.push_back(fingerprint(*c));
        auto due = store::casesDueBy(db, d);
        ASSERT_TRUE(due) << due.error().message();
        std::vector<std::string> got;
        for (const auto& c : *due) got.push_back(fingerprint(c));
        EXPECT_EQ(got, expected) << "on " << d.iso();
        nonEmpty += !got.empty();
    }
    EXPECT_GT(nonEmpty, 50);
    auto verdict = store::verifyAudit(db);
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->problems.empty());
}

Workspace workspaceWithCases() {
    Workspace w;
    w.county = "yunhe";
    w.year = 2026;
    w.planningDate = day("2026-02-02");
    w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {"food"}, 6});
    w.items.push_back({"food-label", {"食品标签", "food labels"}, "food-safety", "market", true, true, false});
    w.enterprises.push_back({Enterprise{Uscc::parse("91350100M000100Y43").value(), "云和木玩厂", CreditGrade::B, {}}, "云和镇", "toys", true});
    Definition flow = demandFlow();
    auto first = workflow::open(flow, calendar(), subject("路灯不亮"), "receive", kCenter, day("2026-03-02"), {{"channel", "12345"}});
    EXPECT_TRUE(first);
    Case a = first->after;
    a.id = 3;
    auto routed = workflow::apply(flow, calendar(), a, "route", kCenter, day("2026-03-03"), {{"department", "market"}, {"note", "引号\"和,逗号"}});
    EXPECT_TRUE(routed);
    w.cases.push_back(routed->after);
    auto second = workflow::open(flow, calendar(), subject("噪声"), "receive", kCenter, day("2026-04-01"), {});
    EXPECT_TRUE(second);
    Case b = second->after;
    b.id = 9;
    w.cases.push_back(b);
    return w;
}

TEST(CaseStore, AWorkspaceWithCasesSurvivesSaveAndLoad) {
    std::string path = tempPath("workspace.db");
    Workspace w = workspaceWithCases();
    Status saved = store::saveWorkspace(w, path);
    ASSERT_TRUE(saved) << saved.error().message();
    auto loaded = store::loadWorkspace(path);
    ASSERT_TRUE(loaded) << loaded.error().message();
    ASSERT_EQ(loaded->cases.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(fingerprint(loaded->cases[i]), fingerprint(w.cases[i]));
    EXPECT_EQ(loaded->cases[0].id, 3);
    EXPECT_EQ(loaded->cases[1].id, 9);
    EXPECT_EQ(loaded->cases[0].steps.size(), 2u);
    // The file goes on from there: a new case gets the next id, audited in a log of its own.
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    auto opened = store::openCase(db.value(), demandFlow(), calendar(), subject("x"), "receive", kCenter, day("2026-04-02"), {});
    ASSERT_TRUE(opened) << opened.error().message();
    EXPECT_EQ(opened->after.id, 10);
    auto verdict = store::verifyAudit(db.value());
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->problems.empty());
    EXPECT_EQ(verdict->entries, 1);
    // A bad stored value is named by table, row and column.
    ASSERT_TRUE(db.value().exec("UPDATE cases SET attributes = '[1]' WHERE id = 9"));
    auto bad = store::loadCases(db.value());
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message().find("table cases, row 9, column attributes"), std::string::npos) << bad.error().message();
}

// Demands as read from a CSV file (exchange::DemandRecord): two a day from 2 March, by
// channel in turn, from line 2.
std::vector<exchange::DemandRecord> demandsRead(int count) {
    const char* channels[] = {"窗口", "12345热线", "网上", "信件"};
    std::vector<exchange::DemandRecord> demands;
    for (int i = 0; i < count; ++i) {
        exchange::DemandRecord d;
        d.line = 2 + i;
        d.enterprise = "91350100M000100Y43";
        d.received = day("2026-03-02").plusDays(i / 2);
        d.channel = channels[i % 4];
        d.text = "诉求 " + std::to_string(i);
        demands.push_back(d);
    }
    return demands;
}

std::vector<std::string> storedCases(store::Database& db) {
    auto cases = store::loadCases(db);
    EXPECT_TRUE(cases) << cases.error().message();
    std::vector<std::string> out;
    for (const Case& c : cases ? *cases : std::vector<Case>{}) out.push_back(fingerprint(c));
    return out;
}

TEST(CaseStore, DemandsOpenedInSlicesAreThoseOpenedInOneGo) {
    Definition flow = demandFlow();
    const auto demands = demandsRead(7);
    store::Database once = fresh(tempPath("demands-once.db"));
    auto ids = store::openDemands(once, flow, demands, "demands.csv", day("2026-03-06"), false);
    ASSERT_TRUE(ids) << ids.error().message();
    EXPECT_EQ(*ids, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7}));

    store::Database sliced = fresh(tempPath("demands-sliced.db"));
    store::DemandOpening opening(sliced, flow, demands, "demands.csv", day("2026-03-06"));
    std::vector<double> fractions{opening.fraction()};
    int steps = 0;
    while (!opening.done()) {
        auto finished = opening.step(2);
        ASSERT_TRUE(finished) << finished.error().message();
        fractions.push_back(opening.fraction());
        ++steps;
        EXPECT_EQ(*finished, opening.done());
    }
    EXPECT_EQ(steps, 4);
    EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
    EXPECT_LT(fractions[steps - 1], 1.0);
    EXPECT_EQ(fractions.back(), 1.0);
    EXPECT_EQ(opening.ids(), *ids);
    EXPECT_EQ(storedCases(sliced), storedCases(once));
    EXPECT_EQ(counts(sliced), counts(once));
    EXPECT_EQ(counts(sliced).audit, 7);
    EXPECT_EQ(store::readAudit(sliced)->at(6).actor, "service-center:import:demands.csv");
    EXPECT_EQ(store::readAudit(sliced)->at(6).clause, "002 三(一)1");
    EXPECT_TRUE(store::verifyAudit(sliced)->problems.empty());
}

TEST(CaseStore, ARefusedOrDroppedDemandOpeningWritesNothing) {
    // This county takes demands at the window, by hotline or online: the fourth (a letter) is refused.
    Definition flow = demandFlow();
    flow.transitions[0].when = {{"channel", {"window", "hotline", "online"}}};
    store::Database db = fresh(tempPath("demands-refused.db"));
    ASSERT_TRUE(store::openCase(db, flow, calendar(), subject("噪声"), "receive", kCenter, day("2026-03-02"), {{"channel", "window"}}));
    Counts before = counts(db);
    {
        store::DemandOpening opening(db, flow, demandsRead(6), "demands.csv", day("2026-03-06"));
        ASSERT_TRUE(opening.step(2));
        auto refused = opening.step(2);
        ASSERT_FALSE(refused);
        EXPECT_NE(refused.error().message().find("demands.csv: line 5"), std::string::npos) << refused.error().message();
        EXPECT_TRUE(opening.done());
        EXPECT_TRUE(opening.ids().empty());
    }
    EXPECT_EQ(counts(db), before);
    auto oneGo = store::openDemands(db, flow, demandsRead(6), "demands.csv", day("2026-03-06"), false);
    ASSERT_FALSE(oneGo);
    EXPECT_EQ(oneGo.error().message(), store::openDemands(db, flow, demandsRead(6), "demands.csv", day("2026-03-06"), true).error().message());
    EXPECT_EQ(counts(db), before);

    // Dropped half-way (the official closed the page, or cancelled): rolled back, and the file
    // takes the next change.
    {
        store::DemandOpening opening(db, flow, demandsRead(3), "demands.csv", day("2026-03-06"));
        ASSERT_TRUE(opening.step(2));
        EXPECT_FALSE(opening.done());
    }
    EXPECT_EQ(counts(db), before);
    store::DemandOpening cancelled(db, flow, demandsRead(3), "demands.csv", day("2026-03-06"));
    ASSERT_TRUE(cancelled.step(1));
    cancelled.cancel();
    EXPECT_TRUE(cancelled.ids().empty());
    EXPECT_EQ(counts(db), before);
    auto after = store::openDemands(db, flow, demandsRead(3), "demands.csv", day("2026-03-06"), false);
    ASSERT_TRUE(after) << after.error().message();
    EXPECT_EQ(*after, (std::vector<int64_t>{2, 3, 4}));
    EXPECT_TRUE(store::verifyAudit(db)->problems.empty());
}

}  // namespace
}  // namespace inspectonce
