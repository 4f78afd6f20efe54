// The SQLite store: schema and migrations, a workspace round trip, precise errors for bad
// files and rows, and nothing written when a save fails. Runs natively and in wasm.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "decision_test_support.hpp"
#include "inspectonce/audit.hpp"
#include "inspectonce/digest.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce {
namespace {

std::string tempPath(const std::string& name) {
    std::string path = std::string(INSPECTONCE_TEST_TMP_DIR) + "/" + name;
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    return path;
}

Date day(const char* iso) { return Date::parse(iso).value(); }

Workspace smallWorkspace() {
    Workspace w;
    w.county = "yunhe";
    w.year = 2026;
    w.planningDate = day("2026-02-02");
    w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {"food", "pricing"}, 6});
    w.departments.push_back({"fire", {"消防救援大队", "fire brigade"}, DepartmentLevel::County, {}, 4});
    w.inspectors.push_back({"m1", "market", "food", "张三"});
    w.items.push_back({"food-label", {"食品标签", "food labels"}, "food-safety", "market", true, true, false});
    w.items.push_back({"fire-routine", {"消防日常检查", "fire routine"}, "fire-safety", "fire", true, false, true});
    w.enterprises.push_back({Enterprise{Uscc::parse("91350100M000100Y43").value(), "云和木玩厂", CreditGrade::B, {"white-list"}},
                             "云和镇", "toys", true});
    Plan p;
    p.id = 7;
    p.department = "market";
    p.unit = "food";
    p.enterprise = "91350100M000100Y43";
    p.items = {"food-label"};
    p.window = {day("2026-03-02"), day("2026-03-13")};
    p.filedOn = day("2026-02-03");
    w.plans.push_back(p);
    p.id = 8;
    p.department = "fire";
    p.unit = "";
    p.items = {"fire-routine"};
    p.exception = "complaint-report";
    p.filedOn.reset();
    w.plans.push_back(p);
    HistoryEntry h;
    h.date = day("2026-01-15");
    h.department = "fire";
    h.item = "fire-safety";
    h.joint = true;
    w.history.emplace_back("91350100M000100Y43", h);
    w.events.push_back({"91350100M000100Y43", day("2026-01-20"), "reward", "纳税信用A级"});
    w.visits.push_back({1, "91350100M000100Y43", day("2026-03-05"), InspectionKind::Inspection, "market", {7}, day("2026-02-20"), "IO1-x"});
    return w;
}

TEST(Store, WorkspaceRoundTripKeepsEveryField) {
    auto path = tempPath("roundtrip.db");
    Workspace original = smallWorkspace();
    ASSERT_TRUE(store::saveWorkspace(original, path)) << store::saveWorkspace(original, path).error().message();
    auto loaded = store::loadWorkspace(path);
    ASSERT_TRUE(loaded) << loaded.error().message();
    const Workspace& w = *loaded;
    EXPECT_EQ(w.county, "yunhe");
    EXPECT_EQ(w.planningDate, day("2026-02-02"));
    ASSERT_EQ(w.departments.size(), 2u);
    EXPECT_EQ(w.departments[1].id, "market");  // loaded in id order
    EXPECT_EQ(w.departments[1].units, (std::vector<std::string>{"food", "pricing"}));
    EXPECT_EQ(w.departments[1].inspectorsPerDay, 6);
    ASSERT_EQ(w.plans.size(), 2u);
    EXPECT_EQ(w.plans[0].filedOn, day("2026-02-03"));
    EXPECT_FALSE(w.plans[1].filedOn.has_value());
    EXPECT_EQ(w.plans[1].exception, std::optional<std::string>("complaint-report"));
    EXPECT_EQ(w.enterprises[0].enterprise.grade, CreditGrade::B);
    EXPECT_TRUE(w.enterprises[0].enterprise.isOn("white-list"));
    EXPECT_TRUE(w.enterprises[0].aboveScale);
    ASSERT_EQ(w.history.size(), 1u);
    EXPECT_TRUE(w.history[0].second.joint);
    ASSERT_EQ(w.visits.size(), 1u);
    EXPECT_EQ(w.visits[0].plans, (std::vector<int64_t>{7}));
    EXPECT_EQ(w.visits[0].noticeDate, day("2026-02-20"));
}

TEST(Store, SavingAnInvalidWorkspaceWritesNothingAndSaysWhy) {
    auto path = tempPath("invalid.db");
    Workspace w = smallWorkspace();
    w.plans[0].items = {"no-such-item"};
    auto saved = store::saveWorkspace(w, path);
    ASSERT_FALSE(saved);
    EXPECT_NE(saved.error().message().find("plans 7"), std::string::npos) << saved.error().message();
    EXPECT_NE(saved.error().message().find("unknown item 'no-such-item'"), std::string::npos);
    std::ifstream file(path);
    EXPECT_FALSE(file.good()) << "nothing may be written for a rejected workspace";
}

TEST(Store, ABadRowIsNamedByTableRowAndColumn) {
    auto path = tempPath("badrow.db");
    ASSERT_TRUE(store::saveWorkspace(smallWorkspace(), path));
    {
        auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db.value().exec("UPDATE plans SET window_last = '2026-02-30' WHERE id = 8"));
    }
    auto loaded = store::loadWorkspace(path);
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().where.find("table plans, row 8, column window_last"), std::string::npos) << loaded.error().message();
    EXPECT_NE(loaded.error().why.find("February 2026 has 28 days"), std::string::npos) << loaded.error().message();
}

TEST(Store, NotADatabaseAndNewerSchemasAreRefused) {
    auto path = tempPath("garbage.db");
    { std::ofstream(path) << "this is not a database, just text that is long enough to be read as a header\n"; }
    auto opened = store::loadWorkspace(path);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message().find("not a database"), std::string::npos) << opened.error().message();

    auto newer = tempPath("newer.db");
    {
        auto db = store::Database::open(newer, store::Database::Mode::Create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db.value().exec("PRAGMA user_version = 99"));
        auto migrated = store::migrate(db.value());
        ASSERT_FALSE(migrated);
        EXPECT_NE(migrated.error().why.find("newer than this build"), std::string::npos);
    }
    auto missing = store::loadWorkspace(tempPath("missing.db"));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message().find("cannot open"), std::string::npos);
}

TEST(Store, AFailedTransactionLeavesTheFileAsItWas) {
    auto path = tempPath("rollback.db");
    ASSERT_TRUE(store::saveWorkspace(smallWorkspace(), path));
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    Visit duplicate{2, "91350100M000100Y43", day("2026-03-06"), InspectionKind::Inspection, "market", {7, 7}, {}, ""};
    auto saved = store::saveVisits(db.value(), {duplicate});  // plan 7 twice: the primary key refuses it
    ASSERT_FALSE(saved);
    auto loaded = store::loadWorkspace(path);
    ASSERT_TRUE(loaded);
    ASSERT_EQ(loaded->visits.size(), 1u);
    EXPECT_EQ(loaded->visits[0].id, 1);
}

std::string archived(const Workspace& w) { return exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Json); }

// After an import the app reads again only the part it wrote: each part read again makes the
// workspace in memory what the whole file holds.
TEST(Store, APartReadAgainIsWhatTheWholeFileHolds) {
    struct Change {
        store::WorkspacePart part;
        const char* sql;
    };
    const Change changes[] = {
        {store::WorkspacePart::Departments,
         "UPDATE departments SET name_zh = '市场监督管理局' WHERE id = 'market'; UPDATE inspectors SET name = '李四'; "
         "UPDATE items SET delegable = 1 WHERE id = 'food-label'"},
        {store::WorkspacePart::Enterprises, "UPDATE enterprises SET name = '云和木玩厂（新址）', grade = 'A'"},
        {store::WorkspacePart::Plans,
         "UPDATE plans SET inspectors = 3 WHERE id = 7; INSERT INTO plan_items (plan, item) VALUES (8, 'food-label')"},
    };
    for (const Change& change : changes) {
        SCOPED_TRACE(change.sql);
        auto path = tempPath("reload-part.db");
        ASSERT_TRUE(store::saveWorkspace(smallWorkspace(), path));
        auto held = store::loadWorkspace(path);
        ASSERT_TRUE(held) << held.error().message();
        auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec(change.sql));
        auto whole = store::loadWorkspace(path);
        ASSERT_TRUE(whole) << whole.error().message();
        ASSERT_NE(archived(*held), archived(*whole)) << "the change is in the file, not yet in memory";

        Status read = store::reloadPart(*db, *held, change.part);
        ASSERT_TRUE(read) << read.error().message();
        EXPECT_EQ(archived(*held), archived(*whole));
    }
}

// Only the part named is read: the others keep what memory held. A bad row in it is named by
// table, row and column, and the workspace in memory stays as it was.
TEST(Store, APartReadAgainKeepsTheRestAndABadRowChangesNothing) {
    auto path = tempPath("reload-part-rest.db");
    ASSERT_TRUE(store::saveWorkspace(smallWorkspace(), path));
    auto held = store::loadWorkspace(path);
    ASSERT_TRUE(held);
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("UPDATE enterprises SET name = '云和木玩厂（新址）'; UPDATE plans SET inspectors = 3 WHERE id = 7"));
    ASSERT_TRUE(store::reloadPart(*db, *held, store::WorkspacePart::Enterprises));
    EXPECT_EQ(held->enterprises.at(0).enterprise.name, "云和木玩厂（新址）");
    EXPECT_EQ(held->plan(7)->inspectors, 2) << "the plans were not read again";

    std::string before = archived(*held);
    ASSERT_TRUE(db->exec("UPDATE enterprises SET name = '又一新名', grade = 'Z'"));
    Status read = store::reloadPart(*db, *held, store::WorkspacePart::Enterprises);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().where.find("table enterprises, row 91350100M000100Y43, column grade"), std::string::npos)
        << read.error().message();
    EXPECT_EQ(archived(*held), before) << "nothing of a refused read lands";
}

// A generated Yunhe county saved without visits, and its schedule: visits to write.
struct ScheduledCounty {
    std::string path;
    std::vector<Visit> visits;
};

// A generated Yunhe county with its schedule's visits: every part of a workspace file has rows.
Workspace scheduledWorkspace(int64_t enterprises = 150, uint64_t seed = 3) {
    GenerateOptions g;
    g.county = "yunhe";
    g.enterprises = enterprises;
    g.seed = seed;
    g.year = 2026;
    auto w = generateWorkspace(g, test::countyPolicy("yunhe"));
    EXPECT_TRUE(w) << w.error().message();
    if (!w) return {};
    auto made = schedule(*w, test::countyPolicy("yunhe"));
    EXPECT_TRUE(made) << made.error().message();
    if (made) w->visits = made->visits;
    return std::move(*w);
}

ScheduledCounty scheduledCounty(const std::string& name) {
    Workspace w = scheduledWorkspace(120, 5);
    std::vector<Visit> visits = std::move(w.visits);
    w.visits.clear();
    std::string path = tempPath(name);
    EXPECT_TRUE(store::saveWorkspace(w, path));
    return {path, visits};
}

std::vector<Visit> storedVisits(const std::string& path) {
    auto loaded = store::loadWorkspace(path);
    EXPECT_TRUE(loaded) << loaded.error().message();
    return loaded ? loaded->visits : std::vector<Visit>{};
}

// The planner writes a large schedule a slice at a time: the file ends with the same
// visits as one saveVisits, and they land together, with the last slice.
TEST(Store, VisitsWrittenInSlicesAreThoseWrittenInOneGo) {
    auto sliced = scheduledCounty("visits-sliced.db");
    auto whole = scheduledCounty("visits-whole.db");
    ASSERT_GT(sliced.visits.size(), 20u);
    {
        auto db = store::Database::open(whole.path, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(store::saveVisits(*db, whole.visits));
    }
    auto db = store::Database::open(sliced.path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    store::VisitWriting writing(*db, sliced.visits);
    EXPECT_EQ(writing.fraction(), 0.0);
    std::size_t steps = 0;
    for (;;) {
        auto more = writing.step(7);
        ASSERT_TRUE(more) << more.error().message();
        ++steps;
        if (*more) break;
        EXPECT_FALSE(writing.done());
        EXPECT_GT(writing.fraction(), 0.0);
        EXPECT_LT(writing.fraction(), 1.0);
    }
    EXPECT_EQ(steps, (sliced.visits.size() + 6) / 7);
    EXPECT_TRUE(writing.done());
    EXPECT_EQ(writing.fraction(), 1.0);
    auto stored = storedVisits(sliced.path);
    ASSERT_EQ(stored.size(), sliced.visits.size());
    EXPECT_EQ(stored, storedVisits(whole.path));
}

// Cancelled, failed or dropped before its last slice, a writing leaves the old visits.
TEST(Store, AnUnfinishedVisitWritingKeepsTheOldVisits) {
    auto county = scheduledCounty("visits-unfinished.db");
    ASSERT_GT(county.visits.size(), 20u);
    std::vector<Visit> old(county.visits.begin(), county.visits.begin() + 3);
    auto db = store::Database::open(county.path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE(store::saveVisits(*db, old));
    {
        store::VisitWriting dropped(*db, county.visits);
        ASSERT_TRUE(dropped.step(10));
    }
    EXPECT_EQ(storedVisits(county.path), old) << "dropped half-way";

    store::VisitWriting cancelled(*db, county.visits);
    ASSERT_TRUE(cancelled.step(10));
    cancelled.cancel();
    EXPECT_EQ(storedVisits(county.path), old) << "cancelled half-way";
    auto after = cancelled.step(10);
    ASSERT_FALSE(after) << "a cancelled writing goes no further";
    EXPECT_NE(after.error().why.find("cancelled"), std::string::npos);
    EXPECT_FALSE(cancelled.done());

    std::vector<Visit> broken = county.visits;
    broken.back().plans.push_back(broken.back().plans.front());  // a plan twice: the primary key refuses it
    store::VisitWriting failing(*db, broken);
    Result<bool> step = false;
    while (step && !*step) step = failing.step(10);
    ASSERT_FALSE(step) << "the last slice fails";
    EXPECT_EQ(storedVisits(county.path), old) << "failed in its last slice";

    // The file still takes a whole writing afterwards.
    ASSERT_TRUE(store::saveVisits(*db, county.visits));
    EXPECT_EQ(storedVisits(county.path).size(), county.visits.size());
}

// A demo county or an archive replaces the workspace a slice at a time: the file ends with
// the same content as one saveWorkspace, whatever the slice.
TEST(Store, AWorkspaceWrittenInSlicesIsTheOneWrittenInOneGo) {
    Workspace w = scheduledWorkspace();
    ASSERT_FALSE(w.history.empty());
    ASSERT_FALSE(w.events.empty());
    ASSERT_FALSE(w.visits.empty());
    auto whole = tempPath("workspace-whole.db");
    ASSERT_TRUE(store::saveWorkspace(w, whole));
    auto expected = workspaceFileDigest(whole);
    ASSERT_TRUE(expected) << expected.error().message();
    for (std::size_t slice : {std::size_t{1}, std::size_t{97}, std::size_t{1000000}}) {
        auto path = tempPath("workspace-sliced-" + std::to_string(slice) + ".db");
        auto writing = store::WorkspaceWriting::start(w, path);
        ASSERT_TRUE(writing) << writing.error().message();
        EXPECT_EQ(writing->fraction(), 0.0);
        std::size_t steps = 0;
        double last = 0;
        for (;;) {
            auto more = writing->step(slice);
            ASSERT_TRUE(more) << more.error().message();
            ++steps;
            if (*more) break;
            EXPECT_FALSE(writing->done());
            EXPECT_GT(writing->fraction(), last) << "the progress moves on with every slice";
            EXPECT_LT(writing->fraction(), 1.0);
            last = writing->fraction();
            if (slice == 97 && steps == 1) {
                EXPECT_FALSE(store::loadWorkspace(path)) << "nothing committed before the end";
            }
        }
        EXPECT_TRUE(writing->done());
        EXPECT_EQ(writing->fraction(), 1.0);
        // The organisation counts as one row; every other row is one of the workspace's.
        std::size_t rows = 1 + w.enterprises.size() + w.plans.size() + w.history.size() + w.events.size() +
                           w.visits.size() + w.cases.size();
        EXPECT_EQ(steps, (rows + slice - 1) / slice) << "slices of " << slice;
        auto digest = workspaceFileDigest(path);
        ASSERT_TRUE(digest) << digest.error().message();
        EXPECT_EQ(*digest, *expected) << "slices of " << slice;
    }
}

// Cancelled, dropped or failing before its last slice, a writing leaves a file that holds
// no workspace; one that is not valid is refused before a file is made.
TEST(Store, AnUnfinishedWorkspaceWritingLeavesNoWorkspace) {
    Workspace w = scheduledWorkspace();
    auto dropped = tempPath("workspace-dropped.db");
    {
        auto writing = store::WorkspaceWriting::start(w, dropped);
        ASSERT_TRUE(writing);
        ASSERT_TRUE(writing->step(200));
    }
    auto read = store::loadWorkspace(dropped);
    ASSERT_FALSE(read) << "dropped half-way";
    EXPECT_NE(read.error().why.find("county"), std::string::npos) << read.error().message();

    auto cancelledPath = tempPath("workspace-cancelled.db");
    auto cancelled = store::WorkspaceWriting::start(w, cancelledPath);
    ASSERT_TRUE(cancelled);
    ASSERT_TRUE(cancelled->step(200));
    cancelled->cancel();
    EXPECT_FALSE(store::loadWorkspace(cancelledPath)) << "cancelled half-way";
    auto after = cancelled->step(200);
    ASSERT_FALSE(after) << "a cancelled writing goes no further";
    EXPECT_NE(after.error().why.find("cancelled"), std::string::npos);
    EXPECT_FALSE(cancelled->done());

    Workspace broken = w;
    broken.visits.back().plans.push_back(broken.visits.back().plans.front());  // a plan twice: the primary key refuses it
    auto failingPath = tempPath("workspace-failing.db");
    auto failing = store::WorkspaceWriting::start(broken, failingPath);
    ASSERT_TRUE(failing) << failing.error().message();
    Result<bool> step = false;
    while (step && !*step) step = failing->step(50);
    ASSERT_FALSE(step) << "a slice fails";
    EXPECT_FALSE(store::loadWorkspace(failingPath)) << "failed half-way";

    Workspace invalid = w;
    invalid.plans.front().enterprise = "91350100M000100Y43";  // an enterprise the county does not have
    auto invalidPath = tempPath("workspace-invalid.db");
    auto refused = store::WorkspaceWriting::start(invalid, invalidPath);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().where.find("plan"), std::string::npos) << refused.error().message();
    EXPECT_FALSE(std::ifstream(invalidPath).good()) << "no file made";
}

// A case with two steps, as a workflow leaves it, for files that hold cases too.
workflow::Case caseWithSteps(int64_t id, const std::string& enterprise) {
    workflow::Case item;
    item.id = id;
    item.workflow = "demand";
    item.enterprise = enterprise;
    item.department = "market";
    item.title = "门口道路积水，请求疏通";
    item.state = "handling";
    item.opened = day("2026-03-02");
    item.entered = day("2026-03-03");
    item.deadline = day("2026-03-10");
    item.remindOn = day("2026-03-09");
    item.attributes = {{"channel", "12345"}};
    item.steps.push_back({day("2026-03-02"), "receive", "", "received", {"center", "王五"}, {{"channel", "12345"}}, Citation{"005 三"}});
    item.steps.push_back({day("2026-03-03"), "route", "received", "handling", {"center", "王五"}, {}, Citation{"005 三(2)"}});
    return item;
}

// After a demo county or an archive is written, the new file is read back a slice at a time:
// whatever the slice, the workspace is the one loadWorkspace reads, and its progress only rises.
TEST(Store, AWorkspaceReadInSlicesIsTheOneReadInOneGo) {
    Workspace w = scheduledWorkspace();
    w.cases = {caseWithSteps(3, w.enterprises.front().enterprise.code.str()), caseWithSteps(9, "")};
    auto path = tempPath("workspace-read-sliced.db");
    ASSERT_TRUE(store::saveWorkspace(w, path));
    auto whole = store::loadWorkspace(path);
    ASSERT_TRUE(whole) << whole.error().message();
    ASSERT_EQ(whole->cases.size(), 2u);
    ASSERT_EQ(whole->cases[1].steps.size(), 2u);
    const std::string expected = archived(*whole);
    const std::size_t tableRows = w.departments.size() + w.inspectors.size() + w.items.size() + w.enterprises.size() +
                                  w.plans.size() + w.history.size() + w.events.size() + w.visits.size();
    for (std::size_t slice : {std::size_t{1}, std::size_t{97}, std::size_t{1000000}}) {
        SCOPED_TRACE("slices of " + std::to_string(slice));
        auto reading = store::WorkspaceReading::start(path);
        ASSERT_TRUE(reading) << reading.error().message();
        EXPECT_EQ(reading->fraction(), 0.0);
        std::size_t steps = 0;
        double last = 0;
        for (;;) {
            auto more = reading->step(slice);
            ASSERT_TRUE(more) << more.error().message();
            ++steps;
            if (*more) break;
            EXPECT_FALSE(reading->done());
            EXPECT_GE(reading->fraction(), last) << "the progress never goes back";
            EXPECT_LT(reading->fraction(), 1.0);
            last = reading->fraction();
        }
        EXPECT_TRUE(reading->done());
        EXPECT_EQ(reading->fraction(), 1.0);
        // Each step reads at most `slice` rows (plan items and visit plans are rows too), and
        // the last only validates.
        if (slice == 1000000) EXPECT_EQ(steps, 2u);
        else EXPECT_GT(steps, tableRows / slice);
        EXPECT_EQ(archived(reading->takeWorkspace()), expected);
    }
}

// A bad row stops a sliced reading at that row, named by table, row and column, and the
// reading goes no further; what only the workspace's rules refuse (a plan window outside the
// year) is found by the last step's validation.
TEST(Store, AWorkspaceReadInSlicesStopsAtABadRow) {
    auto path = tempPath("workspace-read-bad.db");
    ASSERT_TRUE(store::saveWorkspace(scheduledWorkspace(), path));
    {
        auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("UPDATE history SET date = '2026-13-01' WHERE rowid = 5"));
    }
    auto reading = store::WorkspaceReading::start(path);
    ASSERT_TRUE(reading) << reading.error().message();
    std::size_t steps = 0;
    Result<bool> step = false;
    while (step && !*step) {
        step = reading->step(50);
        ++steps;
    }
    ASSERT_FALSE(step) << "the bad date is read";
    EXPECT_GT(steps, 3u) << "the rows before it were read in slices";
    EXPECT_NE(step.error().where.find("table history, row 5, column date"), std::string::npos) << step.error().message();
    auto again = reading->step(50);
    ASSERT_FALSE(again) << "a failed reading goes no further";
    EXPECT_NE(again.error().why.find("failed"), std::string::npos) << again.error().message();
    EXPECT_FALSE(reading->done());

    auto outsideYear = tempPath("workspace-read-outside-year.db");
    ASSERT_TRUE(store::saveWorkspace(scheduledWorkspace(), outsideYear));
    int64_t plan = 0;
    {
        auto db = store::Database::open(outsideYear, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        auto first = db->prepare("SELECT min(id) FROM plans");
        ASSERT_TRUE(first && first->step());
        plan = first->integer(0);
        ASSERT_TRUE(db->exec("UPDATE plans SET window_first = '2025-12-01' WHERE id = " + std::to_string(plan)));
    }
    auto invalid = store::WorkspaceReading::start(outsideYear);
    ASSERT_TRUE(invalid);
    Result<bool> last = false;
    std::size_t validatingStep = 0;
    while (last && !*last) {
        last = invalid->step(100000);
        ++validatingStep;
    }
    ASSERT_FALSE(last);
    EXPECT_EQ(validatingStep, 2u) << "every row read, then the whole validated";
    EXPECT_NE(last.error().message().find("plans " + std::to_string(plan)), std::string::npos) << last.error().message();
    EXPECT_NE(last.error().message().find("is not within 2026"), std::string::npos) << last.error().message();
}

// ALL-4: an exception requested for a filed plan is stored with its audit entry (clause and
// reason) in one transaction; an unknown plan is refused and nothing is written.
TEST(Store, AnExceptionRequestedForAPlanIsStoredWithItsAuditEntry) {
    auto path = tempPath("plan-exception.db");
    ASSERT_TRUE(store::saveWorkspace(smallWorkspace(), path));
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    auto before = store::readAudit(db.value());
    ASSERT_TRUE(before);

    ASSERT_TRUE(store::requestPlanException(db.value(), 7, "work-safety", "004 二(三)", "粉尘涉爆隐患", day("2026-03-03")));
    auto entries = store::readAudit(db.value());
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), before->size() + 1);
    const audit::Entry& entry = entries->back();
    EXPECT_EQ(entry.action, "plan.exception");
    EXPECT_EQ(entry.subject, "plan 7");
    EXPECT_EQ(entry.clause, "004 二(三)");
    EXPECT_EQ(entry.date, day("2026-03-03"));
    EXPECT_EQ(entry.before, R"({"exception":null})");
    EXPECT_EQ(entry.after, R"({"exception":"work-safety","note":"粉尘涉爆隐患"})");

    auto unknown = store::requestPlanException(db.value(), 99, "work-safety", "004 二(三)", "", day("2026-03-03"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().message(), "plan 99: no such plan in the workspace");
    auto after = store::readAudit(db.value());
    ASSERT_TRUE(after);
    EXPECT_EQ(after->size(), entries->size());
    auto verdict = store::verifyAudit(db.value());
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->problems.empty()) << "the chain holds the new entry";

    auto loaded = store::loadWorkspace(path);
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->plan(7)->exception, std::optional<std::string>("work-safety"));
    EXPECT_EQ(loaded->plan(8)->exception, std::optional<std::string>("complaint-report"));
}

TEST(Digest, Blake2bMatchesTheRfcVectors) {
    // RFC 7693 appendix A: BLAKE2b-512("abc").
    EXPECT_EQ(blake2bHex("abc", 64),
              "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
              "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    EXPECT_EQ(blake2bHex("", 32), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    EXPECT_NE(blake2bHex("abc"), blake2bHex("abd"));
}

}  // namespace
}  // namespace inspectonce
