#include "planning_store.hpp"

#include <nlohmann/json.hpp>

#include "inspectonce/audit.hpp"
#include "inspectonce/draw_store.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::ui {

Status requestException(store::Database& db, int64_t plan, const std::string& exception, const std::string& clause,
                        const std::string& note, Date day) {
    // The exchange module imports plans but never changes a stored one: this is the only
    // change of a plan the screens make, kept here until the store has an operation for it.
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
        return store::appendAudit(db, std::move(entry));
    });
}

Result<std::vector<PastDraw>> storedDraws(const std::string& path, int year, std::optional<Date> through) {
    IO_TRY(db, store::openForDraws(path, false));
    return store::loadPastDraws(db, year, through);
}

Result<DrawRecord> runWorkspaceDraw(const std::string& path, const Workspace& workspace, const PolicyData& policy,
                                    const DrawRequest& request) {
    IO_TRY(earlier, storedDraws(path, workspace.year, request.date));
    return runDraw(workspace, policy, request, earlier);
}

Result<int64_t> publishDraw(const std::string& path, DrawRecord& record) {
    IO_TRY(db, store::openForDraws(path, true));
    return store::saveDraw(db, record);
}

Result<DrawVerification> verifyDrawJson(const std::string& path, const Workspace& workspace, const PolicyData& policy,
                                        const std::string& json, const std::string& source) {
    IO_TRY(recorded, readDrawRecord(json, source));
    IO_TRY(past, storedDraws(path, workspace.year));
    return verifyDraw(workspace, policy, recorded, past);
}

Result<std::string> storedDrawJson(const std::string& path, int64_t id) {
    IO_TRY(db, store::openForDraws(path, false));
    return store::loadDrawRecord(db, id);
}

}  // namespace inspectonce::ui
