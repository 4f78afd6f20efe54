#include "planning_store.hpp"

#include <nlohmann/json.hpp>

#include "inspectonce/draw_store.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::ui {

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
