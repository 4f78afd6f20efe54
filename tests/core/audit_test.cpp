// The audit log (audit.hpp, store.hpp): the hash chain built by appendAudit, verified by
// verify/verifyAudit; every kind of tampering (an edited entry, a re-hashed edit, a deleted
// entry, a cut-off end, a forged entry, an edited head) is found and names the right entry;
// a rolled-back transaction leaves neither its change nor its entry. Natively and in wasm.
#include <gtest/gtest.h>

#include <cstdio>

#include "inspectonce/audit.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce {
namespace {

using audit::Problem;

std::string tempPath(const std::string& name) {
    std::string path = std::string(INSPECTONCE_TEST_TMP_DIR) + "/audit-" + name;
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    return path;
}

Date day(const char* iso) { return Date::parse(iso).value(); }

audit::Entry sample(int i) {
    audit::Entry e;
    e.date = day("2026-03-02").plusDays(i);
    e.actor = "department:market";
    e.action = "demand.route";
    e.subject = "case " + std::to_string(i);
    e.clause = i % 2 ? "002 三(一)1" : "";
    e.before = i == 1 ? "" : "{\"state\":\"received\"}";
    e.after = "{\"state\":\"routed\",\"n\":" + std::to_string(i) + "}";
    return e;
}

store::Database freshDatabase(const std::string& path) {
    auto db = store::Database::open(path, store::Database::Mode::Create);
    EXPECT_TRUE(db) << db.error().message();
    EXPECT_TRUE(store::migrate(db.value()));
    return std::move(db.value());
}

// A file whose log holds `n` entries, with the append-only triggers dropped (as someone
// with the file and an SQLite shell could), ready to be tampered with.
store::Database tamperable(const std::string& name, int n) {
    store::Database db = freshDatabase(tempPath(name));
    Status written = db.transaction([&]() -> Status {
        for (int i = 1; i <= n; ++i) IO_CHECK(store::appendAudit(db, sample(i)));
        return Ok{};
    });
    EXPECT_TRUE(written) << written.error().message();
    EXPECT_TRUE(db.exec("DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;"));
    return db;
}

audit::Verdict verdictOf(store::Database& db) {
    auto verdict = store::verifyAudit(db);
    EXPECT_TRUE(verdict) << verdict.error().message();
    return verdict ? *verdict : audit::Verdict{};
}

std::string describe(const audit::Verdict& v) {
    std::string out;
    for (const auto& p : v.problems) out += "[" + std::to_string(p.seq) + " " + std::string(audit::toString(p.kind)) + ": " + p.what + "] ";
    return out;
}

int64_t scalar(store::Database& db, const std::string& sql) {
    auto s = db.prepare(sql);
    EXPECT_TRUE(s) << s.error().message();
    auto row = s.value().step();
    EXPECT_TRUE(row && *row);
    return s.value().integer(0);
}

TEST(Audit, HashCoversEveryFieldEachLengthPrefixed) {
    audit::Entry e = sample(3);
    e.seq = 3;
    e.previous = std::string(64, 'a');
    std::string base = audit::hashOf(e);
    EXPECT_EQ(base.size(), 64u);
    EXPECT_EQ(base, audit::hashOf(e));
    auto differs = [&](auto change) {
        audit::Entry copy = e;
        change(copy);
        return audit::hashOf(copy) != base;
    };
    EXPECT_TRUE(differs([](audit::Entry& x) { x.seq = 4; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.date = x.date.plusDays(1); }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.actor += "x"; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.action += "x"; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.subject += "x"; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.clause += "x"; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.before += "x"; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.after += "x"; }));
    EXPECT_TRUE(differs([](audit::Entry& x) { x.previous += "x"; }));
    EXPECT_FALSE(differs([](audit::Entry& x) { x.hash = "anything"; }));  // the hash is not over itself
    // Moving a character from one field to the next changes the hash (length prefixes).
    EXPECT_TRUE(differs([](audit::Entry& x) {
        x.actor = "department:marke";
        x.action = "tdemand.route";
    }));
}

TEST(Audit, AppendBuildsAChainThatVerifies) {
    store::Database db = freshDatabase(":memory:");
    auto empty = store::verifyAudit(db);
    ASSERT_TRUE(empty) << empty.error().message();
    EXPECT_TRUE(empty->problems.empty());
    EXPECT_EQ(empty->entries, 0);

    ASSERT_TRUE(db.transaction([&]() -> Status {
        for (int i = 1; i <= 5; ++i) IO_CHECK(store::appendAudit(db, sample(i)));
        return Ok{};
    }));
    ASSERT_TRUE(store::appendAudit(db, sample(6)));  // outside a transaction: still one change
    auto log = store::readAudit(db);
    ASSERT_TRUE(log) << log.error().message();
    ASSERT_EQ(log->size(), 6u);
    std::string previous;
    for (std::size_t i = 0; i < log->size(); ++i) {
        const audit::Entry& e = (*log)[i];
        EXPECT_EQ(e.seq, static_cast<int64_t>(i + 1));
        EXPECT_EQ(e.previous, previous);
        EXPECT_EQ(e.hash, audit::hashOf(e));
        audit::Entry expected = sample(static_cast<int>(i + 1));
        EXPECT_EQ(e.date, expected.date);
        EXPECT_EQ(e.subject, expected.subject);
        EXPECT_EQ(e.clause, expected.clause);
        EXPECT_EQ(e.before, expected.before);
        EXPECT_EQ(e.after, expected.after);
        previous = e.hash;
    }
    EXPECT_EQ(scalar(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'audit_count'"), 6);
    auto verdict = store::verifyAudit(db);
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->problems.empty()) << describe(*verdict);
    EXPECT_EQ(verdict->entries, 6);
    EXPECT_EQ(verdict->head, log->back().hash);
}

TEST(Audit, TheLogRefusesUpdateAndDelete) {
    store::Database db = freshDatabase(":memory:");
    ASSERT_TRUE(store::appendAudit(db, sample(1)));
    Status update = db.exec("UPDATE audit SET actor = 'someone else' WHERE seq = 1");
    ASSERT_FALSE(update);
    EXPECT_NE(update.error().message().find("append-only"), std::string::npos) << update.error().message();
    EXPECT_FALSE(db.exec("DELETE FROM audit WHERE seq = 1"));
    EXPECT_TRUE(store::verifyAudit(db)->problems.empty());
}

TEST(Audit, AnEditedEntryIsNamed) {
    store::Database db = tamperable("edited.db", 6);
    ASSERT_TRUE(db.exec("UPDATE audit SET after = '{\"state\":\"closed\"}' WHERE seq = 3"));
    audit::Verdict v = verdictOf(db);
    ASSERT_EQ(v.problems.size(), 1u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 3);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::Edited);
}

TEST(Audit, AnEditedEntryWithItsHashRecomputedBreaksTheNextLink) {
    store::Database db = tamperable("rehashed.db", 6);
    auto log = store::readAudit(db);
    ASSERT_TRUE(log);
    audit::Entry forged = (*log)[2];
    forged.actor = "department:fire";
    forged.hash = audit::hashOf(forged);
    auto s = db.prepare("UPDATE audit SET actor = ?, hash = ? WHERE seq = 3");
    ASSERT_TRUE(s);
    ASSERT_TRUE(s.value().bind(1, forged.actor).bind(2, forged.hash).run());
    audit::Verdict v = verdictOf(db);
    ASSERT_EQ(v.problems.size(), 1u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 4);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::BrokenLink);
}

TEST(Audit, ADateThatIsNotADateIsAProblemNotAnError) {
    store::Database db = tamperable("baddate.db", 4);
    ASSERT_TRUE(db.exec("UPDATE audit SET date = 'yesterday' WHERE seq = 2"));
    audit::Verdict v = verdictOf(db);
    ASSERT_FALSE(v.problems.empty());
    for (const auto& p : v.problems) EXPECT_EQ(p.seq, 2) << describe(v);
    EXPECT_FALSE(store::readAudit(db));  // the reader names the row instead
}

TEST(Audit, ADeletedEntryInTheMiddleIsNamed) {
    store::Database db = tamperable("deleted.db", 6);
    ASSERT_TRUE(db.exec("DELETE FROM audit WHERE seq = 3"));
    audit::Verdict v = verdictOf(db);
    ASSERT_EQ(v.problems.size(), 1u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 3);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::Missing);
    EXPECT_EQ(v.entries, 5);
}

TEST(Audit, ATruncatedEndShowsAgainstTheHead) {
    store::Database db = tamperable("truncated.db", 6);
    ASSERT_TRUE(db.exec("DELETE FROM audit WHERE seq >= 5"));
    audit::Verdict v = verdictOf(db);
    ASSERT_EQ(v.problems.size(), 1u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 5);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::Truncated);

    store::Database last = tamperable("truncated-last.db", 6);
    ASSERT_TRUE(last.exec("DELETE FROM audit WHERE seq = 6"));
    audit::Verdict w = verdictOf(last);
    ASSERT_EQ(w.problems.size(), 1u) << describe(w);
    EXPECT_EQ(w.problems[0].seq, 6);
    EXPECT_EQ(w.problems[0].kind, Problem::Kind::Truncated);
}

TEST(Audit, AForgedEntryIsNamed) {
    // Well forged: correctly chained and hashed, appended past the head without moving it.
    store::Database db = tamperable("forged.db", 6);
    auto log = store::readAudit(db);
    ASSERT_TRUE(log);
    audit::Entry forged = sample(7);
    forged.seq = 7;
    forged.previous = log->back().hash;
    forged.hash = audit::hashOf(forged);
    auto s = db.prepare("INSERT INTO audit (seq, date, actor, action, subject, clause, before, after, previous, hash) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?)");
    ASSERT_TRUE(s);
    ASSERT_TRUE(s.value().bind(1, forged.seq).bind(2, forged.date.iso()).bind(3, forged.actor).bind(4, forged.action)
                    .bind(5, forged.subject).bind(6, forged.clause).bind(7, forged.before).bind(8, forged.after)
                    .bind(9, forged.previous).bind(10, forged.hash).run());
    audit::Verdict v = verdictOf(db);
    ASSERT_EQ(v.problems.size(), 1u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 7);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::BeyondHead);

    // Badly forged: a seq far past the end, not linked.
    ASSERT_TRUE(db.exec("INSERT INTO audit (seq, date, actor, action, subject, previous, hash) "
                        "VALUES (100, '2026-04-01', 'x', 'y', 'z', '', 'nothing')"));
    audit::Verdict w = verdictOf(db);
    ASSERT_GE(w.problems.size(), 3u) << describe(w);
    EXPECT_EQ(w.problems[0].seq, 7);
    EXPECT_EQ(w.problems[1].seq, 8);
    EXPECT_EQ(w.problems[1].kind, Problem::Kind::Missing);
    EXPECT_EQ(w.problems.back().seq, 100);
}

TEST(Audit, AnEntryInsertedInTheMiddleIsNamed) {
    // SQLite keeps seq unique, so an insertion shows in a log read from elsewhere (an export)
    // as a repeated seq; verify() is given the entries as read.
    std::vector<audit::Entry> log;
    std::string previous;
    for (int i = 1; i <= 5; ++i) {
        audit::Entry e = sample(i);
        e.seq = i;
        e.previous = previous;
        e.hash = audit::hashOf(e);
        previous = e.hash;
        log.push_back(e);
    }
    audit::Verdict intact = audit::verify(log, 5, log.back().hash);
    EXPECT_TRUE(intact.problems.empty()) << describe(intact);
    audit::Entry forged = sample(9);
    forged.seq = 3;
    forged.previous = log[2].hash;
    forged.hash = audit::hashOf(forged);
    log.insert(log.begin() + 3, forged);
    audit::Verdict v = audit::verify(log, 5, log.back().hash);
    ASSERT_EQ(v.problems.size(), 2u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 3);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::Duplicate);
    EXPECT_EQ(v.problems[1].seq, 4);
    EXPECT_EQ(v.problems[1].kind, Problem::Kind::BrokenLink);
}

TEST(Audit, AnEditedHeadIsNamed) {
    store::Database db = tamperable("head.db", 6);
    ASSERT_TRUE(db.exec("UPDATE meta SET value = 'feedface' WHERE key = 'audit_head'"));
    audit::Verdict v = verdictOf(db);
    ASSERT_EQ(v.problems.size(), 1u) << describe(v);
    EXPECT_EQ(v.problems[0].seq, 6);
    EXPECT_EQ(v.problems[0].kind, Problem::Kind::HeadMismatch);

    store::Database count = tamperable("head-count.db", 6);
    ASSERT_TRUE(count.exec("UPDATE meta SET value = '4' WHERE key = 'audit_count'"));
    audit::Verdict w = verdictOf(count);
    ASSERT_EQ(w.problems.size(), 2u) << describe(w);
    EXPECT_EQ(w.problems[0].seq, 4);
    EXPECT_EQ(w.problems[0].kind, Problem::Kind::HeadMismatch);
    EXPECT_EQ(w.problems[1].seq, 5);
    EXPECT_EQ(w.problems[1].kind, Problem::Kind::BeyondHead);

    store::Database junk = tamperable("head-junk.db", 2);
    ASSERT_TRUE(junk.exec("UPDATE meta SET value = 'two' WHERE key = 'audit_count'"));
    audit::Verdict x = verdictOf(junk);
    ASSERT_FALSE(x.problems.empty());
    EXPECT_EQ(x.problems[0].seq, 0);
    EXPECT_EQ(x.problems[0].kind, Problem::Kind::BadValue);
}

TEST(Audit, ARolledBackTransactionLeavesNeitherTheChangeNorItsEntry) {
    std::string path = tempPath("rollback.db");
    store::Database db = freshDatabase(path);
    ASSERT_TRUE(db.transaction([&]() -> Status {
        IO_CHECK(db.exec("INSERT INTO meta (key, value) VALUES ('kept', '1')"));
        return store::appendAudit(db, sample(1));
    }));
    Status failed = db.transaction([&]() -> Status {
        IO_CHECK(db.exec("INSERT INTO meta (key, value) VALUES ('lost', '1')"));
        IO_CHECK(store::appendAudit(db, sample(2)));
        return makeError("test", "the change fails after its entry was appended");
    });
    ASSERT_FALSE(failed);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM meta WHERE key = 'lost'"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM meta WHERE key = 'kept'"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM audit"), 1);
    EXPECT_EQ(scalar(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'audit_count'"), 1);
    // The next entry continues the chain from the committed head.
    ASSERT_TRUE(store::appendAudit(db, sample(3)));
    auto reopened = store::Database::open(path, store::Database::Mode::ReadOnly);
    ASSERT_TRUE(reopened);
    audit::Verdict v = verdictOf(reopened.value());
    EXPECT_TRUE(v.problems.empty()) << describe(v);
    EXPECT_EQ(v.entries, 2);
}

TEST(Audit, AFailedAppendLeavesTheHeadAsItWas) {
    store::Database db = freshDatabase(":memory:");
    ASSERT_TRUE(store::appendAudit(db, sample(1)));
    // A row already at the next seq makes the insert fail (as a half-written log would).
    ASSERT_TRUE(db.exec("INSERT INTO audit (seq, date, actor, action, subject, previous, hash) "
                        "VALUES (2, '2026-04-01', 'x', 'y', 'z', '', 'h')"));
    EXPECT_FALSE(store::appendAudit(db, sample(2)));
    EXPECT_EQ(scalar(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'audit_count'"), 1);
}

}  // namespace
}  // namespace inspectonce
