#include "persistence.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

#include "inspectonce/generate.hpp"

// persistence.js: copy /data to IndexedDB (coalesced there); the storage state as JSON and a
// counter that changes with it; the queued page requests; a request's answer.
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

// The demo county a first visit gets: fixed seed and size, so every first visit sees the same.
constexpr uint64_t kDemoSeed = 1;
constexpr int64_t kDemoEnterprises = 300;

void onCommitted(const std::string& path) {
    if (path.rfind("/data/", 0) == 0) inspectonce_storage_sync();
}

bool exists(const char* path) {
    struct stat info {};
    return stat(path, &info) == 0;
}

void removeWorkspaceFile() {
    for (const char* suffix : {"", "-journal"}) std::remove((std::string(kWorkspacePath) + suffix).c_str());
}

Result<int64_t> count(store::Database& db, const char* sql) {
    IO_TRY(statement, db.prepare(sql));
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

}  // namespace

void Persistence::open(ui::AppState& state, Date today) {
    store::Database::setCommitListener(&onCommitted);
    today_ = today;
    double started = emscripten_get_now();
    auto attempt = [&]() -> Status {
        if (!exists(kWorkspacePath)) {
            const auto* plugin = state.plugins.find(state.county);
            if (!plugin) return makeError(state.county, "no plugin for this county: the demo workspace cannot be made");
            const auto& calendar = WorkCalendar::official();
            GenerateOptions options;
            options.county = plugin->id;
            options.enterprises = kDemoEnterprises;
            options.seed = kDemoSeed;
            // A year the calendar knows, with the year before it known too (the planning date).
            options.year = std::min(std::max(today.year(), calendar.firstYear() + 1), calendar.lastYear());
            IO_TRY(workspace, generateWorkspace(options, plugin->policy, calendar));
            Status saved = store::saveWorkspace(workspace, kWorkspacePath);
            if (!saved) {
                removeWorkspaceFile();
                return saved.error();
            }
            created_ = true;
        }
        IO_TRY(db, store::Database::open(kWorkspacePath, store::Database::Mode::ReadWrite));
        IO_CHECK(store::migrate(db));
        db_.emplace(std::move(db));
        return Ok{};
    };
    if (Status opened = attempt(); !opened) {
        openError_ = opened.error();
        std::fprintf(stderr, "inspectonce: %s\n", opened.error().message().c_str());
    }
    openMillis_ = emscripten_get_now() - started;
    detailsStale_ = true;
}

Result<exchange::ImportReport> Persistence::importCsv(exchange::Table table, std::string_view bytes,
                                                     const std::string& name) {
    if (!db_) return openError_ ? *openError_ : makeError(kWorkspacePath, "the workspace is not open");
    exchange::ImportOptions options;
    options.file = name;
    options.date = today_;
    auto report = exchange::importCsv(*db_, table, bytes, options);
    detailsStale_ = true;
    return report;
}

nlohmann::json Persistence::status() {
    nlohmann::json out{{"path", kWorkspacePath},
                       {"storage", storage_.value("state", "loading")},
                       {"lastSync", storage_.value("lastSync", nlohmann::json())},
                       {"created", created_},
                       {"openMillis", static_cast<int64_t>(openMillis_)}};
    if (!db_) {
        out["error"] = openError_ ? openError_->message() : "the workspace is not open";
        return out;
    }
    for (auto [key, sql] : {std::pair{"enterprises", "SELECT count(*) FROM enterprises"},
                            std::pair{"cases", "SELECT count(*) FROM cases"},
                            std::pair{"audit", "SELECT count(*) FROM audit"},
                            std::pair{"plans", "SELECT count(*) FROM plans"}}) {
        auto n = count(*db_, sql);
        if (!n) {
            out["error"] = n.error().message();
            return out;
        }
        out[key] = *n;
    }
    if (auto county = db_->prepare("SELECT value FROM meta WHERE key = 'county'"); county)
        if (auto row = county.value().step(); row && *row) out["county"] = county.value().text(0);
    return out;
}

nlohmann::json Persistence::answer(const nlohmann::json& request) {
    std::string kind = request.value("kind", "");
    if (kind == "status") return status();
    if (kind == "enterprise") {
        if (!db_) return nullptr;
        auto found = db_->prepare("SELECT uscc, name, grade, town, industry FROM enterprises WHERE uscc = ?");
        if (!found) return {{"error", found.error().message()}};
        auto& statement = found.value();
        statement.bind(1, request.value("uscc", ""));
        auto row = statement.step();
        if (!row) return {{"error", row.error().message()}};
        if (!*row) return nullptr;
        return {{"uscc", statement.text(0)}, {"name", statement.text(1)}, {"grade", statement.text(2)},
                {"town", statement.text(3)}, {"industry", statement.text(4)}};
    }
    if (kind == "import") {
        auto table = exchange::parseTable(request.value("table", "enterprises"));
        if (!table) return {{"error", table.error().message()}};
        auto report = importCsv(*table, request.value("text", ""), request.value("name", "import.csv"));
        if (!report) return {{"error", report.error().message()}};
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : report->problems.listed)
            problems.push_back({{"where", p.where()}, {"line", p.line}, {"column", p.column}, {"zh", p.why.zh}, {"en", p.why.en}});
        return {{"table", exchange::toString(report->table)}, {"rows", report->rows}, {"added", report->added},
                {"updated", report->updated}, {"unchanged", report->unchanged}, {"written", report->written},
                {"problems", problems}, {"problemCount", report->problems.total}};
    }
    return {{"error", "unknown request: " + kind}};
}

void Persistence::refreshState(ui::AppState& state) {
    std::string storage = storage_.value("state", "loading");
    ui::StorageStatus shown;
    shown.message = describe(storage, storage_.value("lastSync", nlohmann::json()));
    shown.problem = storage != "persistent" && storage != "loading";
    if (openError_) {
        shown.message = {"工作区无法打开：" + openError_->message(), "The workspace cannot be opened: " + openError_->message()};
        shown.problem = true;
    }
    auto s = status();
    auto number = [&](const char* key) { return s.contains(key) ? std::to_string(s[key].get<int64_t>()) : std::string("—"); };
    shown.details = {
        {"工作区 " + std::string(kWorkspacePath) + "（" + s.value("county", std::string("—")) + "）",
         "Workspace " + std::string(kWorkspacePath) + " (" + s.value("county", std::string("—")) + ")"},
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
                nlohmann::json reply = answer(request);
                inspectonce_answer_request(request["id"].get<int>(), reply.dump().c_str());
            }
    }
    if (detailsStale_) {
        detailsStale_ = false;
        refreshState(state);
    }
}

}  // namespace inspectonce::web
