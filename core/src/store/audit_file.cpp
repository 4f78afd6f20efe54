// The audit log in the workspace file (schema migration 3): the table `audit`, which its
// triggers keep append-only, and its head (meta audit_count, audit_head). An entry is
// appended inside the transaction of the change it records, so both land or neither does.
#include <algorithm>
#include <cstdlib>

#include "inspectonce/store.hpp"

namespace inspectonce::store {
namespace {

struct Head {
    std::string count;
    std::string hash;
};

Result<Head> readHead(Database& db) {
    IO_TRY(s, db.prepare("SELECT (SELECT value FROM meta WHERE key = 'audit_count'), "
                         "(SELECT value FROM meta WHERE key = 'audit_head')"));
    IO_TRY(row, s.step());
    if (!row || s.isNull(0) || s.isNull(1))
        return makeError(db.path() + ": table meta", "the audit head (audit_count, audit_head) is missing: not a workspace of schema 3 or later?");
    return Head{s.text(0), s.text(1)};
}

// A count as stored in meta: digits only.
bool parseCount(const std::string& text, int64_t& out) {
    if (text.empty() || text.size() > 18) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    out = std::atoll(text.c_str());
    return true;
}

struct RawEntry {
    audit::Entry entry;
    std::string dateText;
    bool dateOk = true;
};

Result<std::vector<RawEntry>> readRaw(Database& db) {
    IO_TRY(s, db.prepare("SELECT seq, date, actor, action, subject, clause, before, after, previous, hash FROM audit ORDER BY seq"));
    std::vector<RawEntry> out;
    while (true) {
        IO_TRY(row, s.step());
        if (!row) break;
        RawEntry raw;
        audit::Entry& e = raw.entry;
        e.seq = s.integer(0);
        raw.dateText = s.text(1);
        auto date = Date::parse(raw.dateText);
        if (date && date->iso() == raw.dateText) e.date = *date;
        else raw.dateOk = false;
        e.actor = s.text(2);
        e.action = s.text(3);
        e.subject = s.text(4);
        e.clause = s.text(5);
        e.before = s.text(6);
        e.after = s.text(7);
        e.previous = s.text(8);
        e.hash = s.text(9);
        out.push_back(std::move(raw));
    }
    return out;
}

}  // namespace

Status appendAudit(Database& db, audit::Entry entry) {
    // A savepoint nests in the caller's transaction and makes the entry and its head one
    // change even when called outside one.
    IO_CHECK(db.exec("SAVEPOINT audit_append"));
    Status done = [&]() -> Status {
        IO_TRY(head, readHead(db));
        int64_t count = 0;
        if (!parseCount(head.count, count))
            return makeError(db.path() + ": table meta, row audit_count", "'" + head.count + "' is not a count");
        entry.seq = count + 1;
        entry.previous = head.hash;
        entry.hash = audit::hashOf(entry);
        IO_TRY(insert, db.prepare("INSERT INTO audit (seq, date, actor, action, subject, clause, before, after, previous, hash) "
                                  "VALUES (?,?,?,?,?,?,?,?,?,?)"));
        IO_CHECK(insert.bind(1, entry.seq).bind(2, entry.date.iso()).bind(3, entry.actor).bind(4, entry.action)
                     .bind(5, entry.subject).bind(6, entry.clause).bind(7, entry.before).bind(8, entry.after)
                     .bind(9, entry.previous).bind(10, entry.hash).run());
        IO_TRY(update, db.prepare("UPDATE meta SET value = CASE key WHEN 'audit_count' THEN ?1 ELSE ?2 END "
                                  "WHERE key IN ('audit_count', 'audit_head')"));
        return update.bind(1, std::to_string(entry.seq)).bind(2, entry.hash).run();
    }();
    if (!done) {
        (void)db.exec("ROLLBACK TO audit_append");
        (void)db.exec("RELEASE audit_append");
        return done;
    }
    return db.exec("RELEASE audit_append");
}

Result<std::vector<audit::Entry>> readAudit(Database& db) {
    IO_TRY(raw, readRaw(db));
    std::vector<audit::Entry> out;
    out.reserve(raw.size());
    for (auto& r : raw) {
        if (!r.dateOk)
            return makeError(db.path() + ": table audit, row " + std::to_string(r.entry.seq) + ", column date",
                             "'" + r.dateText + "' is not an ISO date");
        out.push_back(std::move(r.entry));
    }
    return out;
}

Result<audit::Verdict> verifyAudit(Database& db) {
    IO_TRY(head, readHead(db));
    IO_TRY(raw, readRaw(db));
    std::vector<audit::Entry> entries;
    entries.reserve(raw.size());
    std::vector<audit::Problem> unreadable;
    for (auto& r : raw) {
        // A date that is not a date cannot be hashed as written: the entry was edited.
        if (!r.dateOk)
            unreadable.push_back({r.entry.seq, "its date '" + r.dateText + "' is not an ISO date (edited?)", audit::Problem::Kind::BadValue});
        entries.push_back(std::move(r.entry));
    }
    int64_t count = 0;
    bool countOk = parseCount(head.count, count);
    if (!countOk) count = static_cast<int64_t>(entries.size());
    audit::Verdict verdict = audit::verify(entries, count, head.hash);
    if (!countOk)
        verdict.problems.insert(verdict.problems.begin(),
                                {0, "the recorded head count '" + head.count + "' is not a count", audit::Problem::Kind::BadValue});
    if (!unreadable.empty()) {
        verdict.problems.insert(verdict.problems.end(), unreadable.begin(), unreadable.end());
        std::stable_sort(verdict.problems.begin(), verdict.problems.end(),
                         [](const audit::Problem& a, const audit::Problem& b) { return a.seq < b.seq; });
    }
    return verdict;
}

}  // namespace inspectonce::store
