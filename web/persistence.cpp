#include "persistence.hpp"

#include <emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"
#include "workspace_replacing.hpp"

// persistence.js: copy /data's changed chunks to IndexedDB (coalesced there, run after the frame); the storage
// state as JSON and a counter that changes with it; the queued page requests; an answer.
EM_JS(void, inspectonce_storage_sync, (), { Module['inspectonceSyncStorage'](); });
EM_JS(int, inspectonce_storage_version, (), { return Module['inspectonceStorage'].version; });
EM_JS(char*, inspectonce_storage_json, (), { return allocateUTF8(JSON.stringify(Module['inspectonceStorage'])); });
EM_JS(char*, inspectonce_take_requests, (), {
    var taken = Module['inspectonceTakeRequests']();
    return taken ? allocateUTF8(taken) : 0;
});
EM_JS(void, inspectonce_answer_request, (int id, const char* json), {
    Module['inspectonceAnswerRequest'](id, UTF8ToString(json));
});

namespace inspectonce::web {

namespace {

// Any file under /data: the workspace, and the file a replaced workspace is written to
// before it is renamed into place.
void onCommitted(const std::string& path) {
    if (path.rfind("/data/", 0) == 0) inspectonce_storage_sync();
}

bool exists(const char* path) {
    struct stat info {};
    return stat(path, &info) == 0;
}

// The audit log is not part of the in-memory workspace: counted in the file.
Result<int64_t> auditEntries(const std::string& path) {
    IO_TRY(db, store::Database::open(path, store::Database::Mode::ReadOnly));
    IO_TRY(statement, db.prepare("SELECT count(*) FROM audit"));
    IO_TRY(row, statement.step());
    return row ? statement.integer(0) : int64_t{0};
}

Text describe(const std::string& state, const nlohmann::json& lastSync) {
    if (state == "unavailable")
        return {"浏览器存储不可用，更改不会保留", "Browser storage unavailable, changes will not be kept"};
    if (state == "full") return {"存储空间已满，最近的更改未保留", "Storage is full: recent changes were not kept"};
    if (state == "failed") {
        std::string why = lastSync.is_object() && lastSync.contains("error") && lastSync["error"].is_string()
                              ? lastSync["error"].get<std::string>() : std::string();
        return {"保存到浏览器存储失败：" + why, "Saving to browser storage failed: " + why};
    }
    if (state == "persistent") return {"数据保存在本浏览器", "Data kept in this browser"};
    return {"正在加载浏览器存储…", "Loading browser storage…"};
}

nlohmann::json importReport(const exchange::ImportReport& report) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report.problems.listed)
        problems.push_back({{"where", p.where()}, {"line", p.line}, {"column", p.column}, {"zh", p.why.zh}, {"en", p.why.en}});
    return {{"table", exchange::toString(report.table)}, {"rows", report.rows}, {"added", report.added},
            {"updated", report.updated}, {"unchanged", report.unchanged}, {"written", report.written},
            {"problems", problems}, {"problemCount", report.problems.total}};
}

}  // namespace

void Persistence::open(ui::AppState& state) {
    store::Database::setCommitListener(&onCommitted);
    openStarted_ = emscripten_get_now();
    Status opened = Ok{};
    if (exists(kWorkspacePath)) {
        // Read in slices under the overlay: the page draws from the start (poll sees the end).
        ui::openWorkspaceInSlices(state, kWorkspacePath);
        opening_ = true;
        return;
    }
    if (const auto* plugin = state.plugins.find(state.county); !plugin) {
        opened = makeError(state.county, "no plugin for this county: the demo workspace cannot be made");
    } else {
        auto demo = ui::demoWorkspace(plugin->policy, state.today);
        opened = demo ? state.workspace.create(kWorkspacePath, *demo) : Status(demo.error());
        created_ = static_cast<bool>(opened);
    }
    if (!opened) {
        std::fprintf(stderr, "inspectonce: %s\n", opened.error().message().c_str());
        state.sayError(opened.error());
    }
    openMillis_ = emscripten_get_now() - openStarted_;
    workspaceVersion_ = state.workspace.version();
    detailsStale_ = true;
}

nlohmann::json Persistence::status(const ui::AppState& state) {
    nlohmann::json out{{"path", kWorkspacePath},
                       {"storage", storage_.value("state", "loading")},
                       {"lastSync", storage_.value("lastSync", nlohmann::json())},
                       {"created", created_},
                       {"openMillis", static_cast<int64_t>(openMillis_)},
                       {"version", state.workspace.version()}};
    const Workspace* w = state.workspace.workspace();
    if (!w) {
        out["error"] = state.workspace.error() ? state.workspace.error()->message() : "the workspace is not open";
        return out;
    }
    out["county"] = w->county;
    out["year"] = w->year;
    out["enterprises"] = w->enterprises.size();
    out["plans"] = w->plans.size();
    out["visits"] = w->visits.size();
    out["cases"] = w->cases.size();
    if (auto audit = auditEntries(state.workspace.path())) out["audit"] = *audit;
    else out["error"] = audit.error().message();
    return out;
}

nlohmann::json Persistence::answer(ui::AppState& state, const nlohmann::json& request) {
    std::string kind = request.value("kind", "");
    if (kind == "status") return status(state);
    if (kind == "enterprise") {
        const Workspace* w = state.workspace.workspace();
        const WorkspaceEnterprise* found = w ? w->enterprise(request.value("uscc", "")) : nullptr;
        if (!found) return nullptr;
        return {{"uscc", found->enterprise.code.str()}, {"name", found->enterprise.name},
                {"grade", std::string(toString(found->enterprise.grade))}, {"town", found->town},
                {"industry", found->industry}};
    }
    if (kind == "import") {
        auto table = exchange::parseTable(request.value("table", "enterprises"));
        if (!table) return {{"error", table.error().message()}};
        auto report = state.workspace.importCsv(*table, request.value("text", ""), request.value("name", "import.csv"), state.today);
        if (!report) return {{"error", report.error().message()}};
        return importReport(*report);
    }
    return {{"error", "unknown request: " + kind}};
}

void Persistence::refreshState(ui::AppState& state) {
    std::string storage = storage_.value("state", "loading");
    ui::StorageStatus shown;
    shown.message = describe(storage, storage_.value("lastSync", nlohmann::json()));
    shown.problem = storage != "persistent" && storage != "loading";
    if (!state.workspace.isOpen() && state.workspace.error()) {
        std::string why = state.workspace.error()->message();
        shown.message = {"工作区无法打开：" + why, "The workspace cannot be opened: " + why};
        shown.problem = true;
    }
    auto s = status(state);
    auto number = [&](const char* key) { return s.contains(key) ? std::to_string(s[key].get<int64_t>()) : std::string("—"); };
    std::string county = s.value("county", std::string("—"));
    shown.details = {
        {"工作区 " + std::string(kWorkspacePath) + "（" + county + "）", "Workspace " + std::string(kWorkspacePath) + " (" + county + ")"},
        {"企业 " + number("enterprises") + " 家", "Enterprises: " + number("enterprises")},
        {"检查计划 " + number("plans") + " 项", "Plans: " + number("plans")},
        {"案件 " + number("cases") + " 件", "Cases: " + number("cases")},
        {"审计记录 " + number("audit") + " 条", "Audit entries: " + number("audit")},
        shown.message};
    state.storage = std::move(shown);
}

void Persistence::poll(ui::AppState& state) {
    int version = inspectonce_storage_version();
    if (version != storageVersion_) {
        storageVersion_ = version;
        char* text = inspectonce_storage_json();
        storage_ = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        std::free(text);
        if (!storage_.is_object()) storage_ = nlohmann::json::object();
        detailsStale_ = true;
    }
    if (char* text = inspectonce_take_requests()) {
        auto requests = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        std::free(text);
        if (requests.is_array())
            for (const auto& request : requests) {
                if (!request.is_object() || !request.contains("id") || !request["id"].is_number_integer()) continue;
                nlohmann::json reply = answer(state, request);
                inspectonce_answer_request(request["id"].get<int>(), reply.dump().c_str());
            }
    }
    if (opening_) {
        // Reading the kept file changes nothing in it: no copy back (a copy would also tell
        // the other tabs' next copies that this tab wrote, and make them write the file whole).
        workspaceVersion_ = state.workspace.version();
        if (!state.workspace.opening() && (state.workspace.isOpen() || state.workspace.error())) {
            opening_ = false;
            openMillis_ = emscripten_get_now() - openStarted_;
            detailsStale_ = true;
            if (!state.workspace.isOpen()) std::fprintf(stderr, "inspectonce: %s\n", state.workspace.error()->message().c_str());
        }
    }
    // A change made by a screen (or a request above): the details are stale, and the file
    // may have been replaced by a rename, which no commit announces.
    if (state.workspace.version() != workspaceVersion_) {
        workspaceVersion_ = state.workspace.version();
        detailsStale_ = true;
        inspectonce_storage_sync();
    }
    if (detailsStale_) {
        detailsStale_ = false;
        refreshState(state);
    }
}

}  // namespace inspectonce::web
