// An exception requested for a stored plan (ALL-4): the one change of a plan after it was
// filed or imported. The plan's exception and its audit entry land in one transaction.
#include <nlohmann/json.hpp>

#include "inspectonce/audit.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::store {

Status requestPlanException(Database& db, int64_t plan, const std::string& exception, const std::string& clause,
                            const std::string& note, Date day) {
    return db.transaction([&]() -> Status {
        IO_TRY(read, db.prepare("SELECT exception FROM plans WHERE id = ?"));
        read.bind(1, plan);
        IO_TRY(found, read.step());
        if (!found) return makeError("plan " + std::to_string(plan), "no such plan in the workspace");
        nlohmann::json before = nlohmann::json::object();
        before["exception"] = read.isNull(0) ? nlohmann::json() : nlohmann::json(read.text(0));
        IO_TRY(update, db.prepare("UPDATE plans SET exception = ? WHERE id = ?"));
        IO_CHECK(update.bind(1, exception).bind(2, plan).run());
        nlohmann::json after = nlohmann::json::object();
        after["exception"] = exception;
        if (!note.empty()) after["note"] = note;
        audit::Entry entry;
        entry.date = day;
        entry.actor = "workspace";
        entry.action = "plan.exception";
        entry.subject = "plan " + std::to_string(plan);
        entry.clause = clause;
        entry.before = before.dump();
        entry.after = after.dump();
        return appendAudit(db, std::move(entry));
    });
}

}  // namespace inspectonce::store
