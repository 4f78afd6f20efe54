// The one application state every screen reads and writes (immediate mode: screens are
// functions of this struct; no widget objects mirror the model).
#pragma once

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/text.hpp"
#include "case_views.hpp"
#include "decision_form.hpp"
#include "exercise_form.hpp"
#include "planning_views.hpp"
#include "simulation_view.hpp"
#include "workspace_session.hpp"
#include "workspace_views.hpp"

namespace inspectonce::ui {

// A plugin file the user picked (browser) or named (desktop) to replace a county's plugin
// without rebuilding the app: which file replaced which, or why it was refused.
struct PluginFileLoad {
    std::string name;              // as the user knows it: the picked file's name, the path typed
    std::string file;              // where the host loaded it from
    std::string id;                // the county it carries; empty when refused
    std::string replaced;          // the file it replaced; empty when it added a county
    std::optional<Error> refused;  // the failed check's reason; the previous plugin stays active
};

// Where the workspace is kept and whether the last save there worked (the browser's
// persistent storage): a line in the menu bar, details under the "数据 / Data" menu.
struct StorageStatus {
    Text message;               // empty: nothing to say
    bool problem = false;       // shown as a warning
    std::vector<Text> details;  // counts and where the data lives; empty: no menu
};

// A line in the status bar: what the last action did, or precisely why it did not.
struct StatusMessage {
    Text text;
    bool problem = false;
};

// What the platform does with files. The browser: its file picker, downloads and a print
// window. The desktop: paths typed into a field, files written to the export folder, and
// printable pages written there as HTML.
struct PlatformFiles {
    // Opens the browser's file picker; the platform later calls AppState::receiveFile with
    // `purpose` and what was picked. Unset (desktop): screens offer a path field instead.
    std::function<void(const std::string& purpose, const std::string& accept)> pick;
    // Hands `bytes` to the user as a file called `name`; returns where it went, to be shown.
    std::function<Result<std::string>(const std::string& name, const std::string& mime, const std::string& bytes)> save;
    // Shows a printable HTML page (the browser's print dialog; the desktop writes the page).
    std::function<Result<std::string>(const std::string& name, const std::string& html)> print;
};

struct AppState {
    PluginHost plugins;
    std::vector<Error> refusedPlugins;   // files that failed their checks, with the reason
    bool pluginsLoaded = false;

    std::string county;                  // selected plugin id
    YearMonth month{2026, 11};
    Language language = Language::Chinese;

    // Text in the current language.
    const char* tr(const Text& text) const { return text.in(language).c_str(); }
    DecisionForm decisionForm;           // the decision try-out's inputs and last answer
    std::string openScreen;              // a tab to bring forward once ("calendar", "rules", "decision")

    const LoadedPlugin* selectedPlugin() const { return plugins.find(county); }
    // Loads every plugin in `directory`; keeps the selected county if it is still there.
    void loadPluginDirectory(const std::string& directory);

    // Plugin files loaded one by one, after the directory (newest last).
    std::vector<PluginFileLoad> pluginFileLoads;
    // Set by a platform that has a file picker (the browser): the plugin list's "Load plugin
    // file…" button calls it, and the platform calls loadPluginFile with what was picked.
    // Unset (desktop), the list offers a path field instead.
    std::function<void()> pickPluginFile;
    std::array<char, 1024> pluginPathInput{};             // the desktop's path field
    std::array<float, 4> loadPluginButtonRect{};           // x, y, width, height: for end-to-end tests
    // Loads one plugin file through the host's checks; `name` is how the user knows it.
    // A plugin with a loaded county's id replaces it and becomes the selected county; a
    // refused file is listed with its reason and changes nothing.
    void loadPluginFile(const std::string& path, const std::string& name);

    StorageStatus storage;               // set by the platform (web/persistence.cpp)

    // ---- The workspace and the screens that work on it ------------------------------------
    WorkspaceSession workspace;
    Date today;                          // the working day: every deadline and report is as of it
    std::string screen = "dashboard";    // the screen shown (app.cpp's navigation)
    WorkspaceViews views;                // dashboard, enterprises, settings (workspace_views.hpp)
    PlanningViews planning;              // plans, planner, draw (planning_views.hpp)
    CaseViews cases;                     // demands, complaints, findings, reports (case_views.hpp)
    SimulationView simulation;           // county-years side by side, replayed (simulation_view.hpp)
    ExerciseForm exercises;              // training exercises (exercise_form.hpp)
    PlatformFiles files;
    std::vector<StatusMessage> messages;  // newest last; the status bar shows the last
    // Where named widgets were drawn last frame (x, y, width, height), for end-to-end tests
    // and the browser's input bridge: widgets.hpp markItem.
    std::map<std::string, std::array<float, 4>> marks;

    // Work that takes seconds on a large workspace (scheduling, importing, simulating). It
    // runs between frames in slices of a few tens of milliseconds (app.cpp) under a modal
    // overlay that says what it is, how far it has gone and offers to cancel: the page keeps
    // drawing and the browser never sees a frozen tab. The overlay also keeps the official
    // from changing the workspace while work reads it. Queued work runs in order.
    struct WorkStep {
        bool done = true;
        double fraction = 1;  // 0–1, how far the work has gone
    };
    struct LongWork {
        Text what;
        std::function<WorkStep(AppState&)> step;   // one slice of the work
        std::function<void(AppState&)> cancel;     // empty: it cannot be stopped half-way
        double fraction = 0;
        int framesShown = 0;
    };
    std::deque<LongWork> longWork;
    // How long a frame's slices of long work may run: long enough to get on, short enough that
    // the page keeps drawing (tests set 0: one slice a frame).
    std::chrono::milliseconds workSlice{40};
    // Work done in one go (after its overlay has been shown).
    void runLong(Text what, std::function<void(AppState&)> run);
    // Work done in slices: `step` is called until it says done; `cancel` (when given) undoes
    // what the slices did so far, and the official may press it.
    void runSteps(Text what, std::function<WorkStep(AppState&)> step, std::function<void(AppState&)> cancel = {});

    // The plugin of the workspace's county (screens about the workspace use its rules), or null.
    const LoadedPlugin* workspacePlugin() const;
    void say(Text text, bool problem = false);
    void sayError(const Error& error);   // "where: why" in both languages
    // A file the platform picked for `purpose`: "csv:enterprises|departments|plans|demands",
    // "archive" (file_import.cpp). The import runs as long work.
    void receiveFile(const std::string& purpose, const std::string& name, const std::string& bytes);
};

// Start-up choices, from the command line (desktop) or the page URL (browser).
struct LaunchOptions {
    std::string county = "yunhe";
    std::string month;                   // YYYY-MM; empty: the current month
    std::string language = "zh";
    std::string screen;                  // a screen id (app.cpp); rules and decision open the policy screen
    std::string pluginDir;
    std::string fontFile;
};

// Applies launch options; a bad value is reported in `messages` and the default kept.
void applyLaunchOptions(AppState& state, const LaunchOptions& options, YearMonth currentMonth);

// Draws one frame of the whole interface.
void drawApp(AppState& state);

}  // namespace inspectonce::ui
