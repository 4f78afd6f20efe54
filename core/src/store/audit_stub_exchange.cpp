// TEMPORARY (exchange worktree only): a stand-in for store::appendAudit and store::loadCases
// so that the exchange module links and its tests run before the real audit log and case
// storage land. Delete this file when merging: the real implementations replace it.
#include <cstdlib>

#include "inspectonce/digest.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::store {

Status appendAudit(Database& db, audit::Entry entry) {
    IO_TRY(head, db.prepare("SELECT (SELECT value FROM meta WHERE key = 'audit_count'), (SELECT value FROM meta WHERE key = 'audit_head')"));
    IO_TRY(row, head.step());
    if (!row) return makeError(db.path(), "no audit head");
    entry.seq = std::atoll(head.text(0).c_str()) + 1;
    entry.previous = head.text(1);
    entry.hash = blake2bHex(std::to_string(entry.seq) + "|" + entry.date.iso() + "|" + entry.actor + "|" + entry.action + "|" +
                            entry.subject + "|" + entry.before + "|" + entry.after + "|" + entry.previous);
    IO_TRY(insert, db.prepare("INSERT INTO audit (seq, date, actor, action, subject, clause, before, after, previous, hash) "
                              "VALUES (?,?,?,?,?,?,?,?,?,?)"));
    IO_CHECK(insert.bind(1, entry.seq).bind(2, entry.date.iso()).bind(3, entry.actor).bind(4, entry.action).bind(5, entry.subject)
                 .bind(6, entry.clause).bind(7, entry.before).bind(8, entry.after).bind(9, entry.previous).bind(10, entry.hash).run());
    IO_TRY(count, db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_count'"));
    IO_CHECK(count.bind(1, std::to_string(entry.seq)).run());
    IO_TRY(last, db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'"));
    return last.bind(1, entry.hash).run();
}

Result<std::vector<workflow::Case>> loadCases(Database&, std::string_view) { return std::vector<workflow::Case>{}; }

}  // namespace inspectonce::store
