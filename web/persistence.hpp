// The browser's workspace: one SQLite file, /data/workspace.db, opened as the app's
// WorkspaceSession (state.workspace) and kept on IndexedDB in chunks (persistence.js).
// persistence.js has loaded /data from IndexedDB before main() runs; every committed
// transaction asks for a copy back (Database::setCommitListener, run once the frame is over;
// only the chunks that changed are written, in one IndexedDB transaction), and so does every
// change of the session's version (a replaced workspace is renamed into place after its last
// commit). So a reload loses nothing.
// Without IndexedDB (private mode, disabled storage) /data is plain memory: the app works
// and says that changes will not be kept.
//
// The page reaches the workspace through window.inspectonce (persistence.js):
//   importCsv(text, {table, name})  → Promise of the import report (the session's importCsv)
//   workspaceStatus()               → Promise of {enterprises, cases, audit, county, storage, lastSync …}
//   findEnterprise(uscc)            → Promise of {uscc, name, grade, town, industry} or null
//   whenSynced()                    → Promise resolved when no copy to IndexedDB is running or queued
//   storage                         → {state, syncs, syncing, lastSync}, kept current by persistence.js
// Requests are queued in JS and answered by poll() on the next frame, as picked files are
// (no exported C functions: MAIN_MODULE=2 exports only the plugin contract).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app_state.hpp"
#include "inspectonce/calendar.hpp"

namespace inspectonce::web {

inline constexpr const char* kWorkspacePath = "/data/workspace.db";

class Persistence {
public:
    // Sets the commit listener, then opens kWorkspacePath in state.workspace, in slices from
    // the first frames on (ui::openWorkspaceInSlices); when there is none, generates the demo
    // county of state.county (ui::demoWorkspace) as of state.today and creates the file. A
    // failure is shown in the app and leaves it running without a workspace.
    void open(ui::AppState& state);
    // Until the workspace is open, or could not be: the page is not ready before.
    bool opening() const { return opening_; }

    // Each frame: follows the storage state persistence.js reports, answers queued requests,
    // asks for a copy to IndexedDB when the workspace changed.
    void poll(ui::AppState& state);

private:
    nlohmann::json answer(ui::AppState& state, const nlohmann::json& request);
    // {enterprises, plans, visits, cases, audit, county, year, version, path, storage, lastSync,
    //  created, openMillis, error?}
    nlohmann::json status(const ui::AppState& state);
    void refreshState(ui::AppState& state);

    int storageVersion_ = -1;
    uint64_t workspaceVersion_ = 0;
    nlohmann::json storage_ = nlohmann::json::object();
    bool detailsStale_ = true;
    bool created_ = false;     // this visit made the demo county
    double openMillis_ = 0;    // opening (and on a first visit generating and saving) the workspace
    double openStarted_ = 0;
    bool opening_ = false;     // read in slices, not yet open
};

}  // namespace inspectonce::web
