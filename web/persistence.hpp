// The browser's workspace: one SQLite file, /data/workspace.db, on IndexedDB through
// Emscripten's IDBFS. persistence.js has mounted /data and loaded it from IndexedDB before
// main() runs; every committed transaction is copied back (Database::setCommitListener →
// FS.syncfs), so a reload loses nothing. Without IndexedDB (private mode, disabled storage)
// /data is plain memory: the app works and says that changes will not be kept.
//
// The page reaches the workspace through window.inspectonce (persistence.js):
//   importCsv(text, {table, name})  → Promise of the import report (exchange::importCsv)
//   workspaceStatus()               → Promise of {enterprises, cases, audit, county, storage, lastSync …}
//   findEnterprise(uscc)            → Promise of {uscc, name, grade, town, industry} or null
//   whenSynced()                    → Promise resolved when no copy to IndexedDB is running or queued
//   storage                         → {state, syncs, syncing, lastSync}, kept current by persistence.js
// Requests are queued in JS and answered by poll() on the next frame, as picked plugin
// files are (no exported C functions: MAIN_MODULE=2 exports only the plugin contract).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app_state.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::web {

inline constexpr const char* kWorkspacePath = "/data/workspace.db";

class Persistence {
public:
    // Sets the commit listener, then opens kWorkspacePath; when there is none, generates the
    // demo county (state.county, a fixed seed) and saves it first. A failure is shown in the
    // app (state.storage) and leaves the app running without a workspace.
    void open(ui::AppState& state, Date today);

    // Each frame: follows the storage state persistence.js reports, answers queued requests.
    void poll(ui::AppState& state);

    // The entry point for importing a CSV text (the page's importCsv, and the UI's file
    // picker later): one transaction, one audit entry per row written.
    Result<exchange::ImportReport> importCsv(exchange::Table table, std::string_view bytes, const std::string& name);
    // {enterprises, plans, cases, audit, county, path, storage, lastSync, created, openMillis, error?}
    nlohmann::json status();

private:
    nlohmann::json answer(const nlohmann::json& request);
    void refreshState(ui::AppState& state);

    std::optional<store::Database> db_;
    std::optional<Error> openError_;
    Date today_;
    int storageVersion_ = -1;
    nlohmann::json storage_ = nlohmann::json::object();
    bool detailsStale_ = true;
    bool created_ = false;     // this visit made the demo county
    double openMillis_ = 0;    // opening (and on a first visit generating and saving) the workspace
};

}  // namespace inspectonce::web
