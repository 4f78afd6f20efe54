// InspectOnce in the browser: the shared ImGui screens on WebGL 2. glue.js has fetched the
// county plugins into /plugins (and compiled them) before main() runs, so they load here
// through the same PluginHost as natively.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <iostream>

#include <nlohmann/json.hpp>

#include "persistence.hpp"
#include "platform_files.hpp"
#include "sdl_runner.hpp"
#include "state_bridge.hpp"
#include "text_input.hpp"

// Plugins glue.js could not fetch, one "plugins/<file>: <why>" per line.
EM_JS(char*, inspectonce_fetch_errors, (), {
    return allocateUTF8(((window.inspectonce || {}).fetchErrors || []).join("\n"));
});

// The plugin file picker of glue.js: open it; take what was picked since the last call, as
// a JSON array of {"path": where it was written, "name": the file's own name}.
EM_JS(void, inspectonce_pick_plugin_file, (), { Module['inspectoncePickPluginFile'](); });
EM_JS(char*, inspectonce_take_picked_plugins, (), { return allocateUTF8(Module['inspectonceTakePickedPlugins']()); });

namespace {

// A plugin that never arrived is refused like one that failed its checks: the official
// sees which file and why in the plugin list.
void reportFetchErrors(inspectonce::ui::AppState& state) {
    char* text = inspectonce_fetch_errors();
    std::string lines = text;
    free(text);
    for (std::size_t start = 0; start < lines.size();) {
        std::size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        std::string line = lines.substr(start, end - start);
        std::size_t colon = line.find(": ");
        if (colon != std::string::npos)
            state.refusedPlugins.push_back({line.substr(0, colon), "could not be fetched (" + line.substr(colon + 2) + ")"});
        start = end + 1;
    }
}

struct App {
    inspectonce::ui::AppState state;
    inspectonce::ui::SdlRunner runner;
    inspectonce::web::StateBridge bridge;
    inspectonce::web::Persistence persistence;
    inspectonce::web::TextInputBridge textInput;
};

void followBrowserWindow(App& app) {
    double width = 0, height = 0;
    emscripten_get_element_css_size("#canvas", &width, &height);
    app.runner.resize(static_cast<int>(width), static_cast<int>(height));
}

// Loads the plugin files the user picked: the same host and checks as every plugin.
void loadPickedPlugins(inspectonce::ui::AppState& state) {
    char* text = inspectonce_take_picked_plugins();
    auto picked = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    free(text);
    if (!picked.is_array()) return;
    for (const auto& file : picked)
        if (file.contains("path") && file["path"].is_string() && file.contains("name") && file["name"].is_string())
            state.loadPluginFile(file["path"].get<std::string>(), file["name"].get<std::string>());
}

void loop(void* data) {
    auto& app = *static_cast<App*>(data);
    loadPickedPlugins(app.state);
    inspectonce::web::takePickedFiles(app.state);
    app.persistence.poll(app.state);
    followBrowserWindow(app);
    // Typed text goes in between this frame's keys and its drawing: ImGui drops characters
    // that arrive while Ctrl is down, so they wait for its release as this frame sees it.
    app.runner.handleEvents();
    app.textInput.deliverTypedText();
    app.runner.drawFrame(app.state);
    app.textInput.followActiveField();
    app.bridge.publish(app.state, app.runner.fontLoaded(), app.persistence.opening());
}

std::tm localNow() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local;
}

inspectonce::YearMonth currentMonth() {
    std::tm local = localNow();
    return {local.tm_year + 1900, local.tm_mon + 1};
}

inspectonce::Date today() {
    std::tm local = localNow();
    auto date = inspectonce::Date::fromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    return date ? *date : inspectonce::Date();
}

}  // namespace

// Arguments come from the page URL (glue.js): county=, month=, lang=, screen=, today=
// (YYYY-MM-DD, the working day; default: the clock's). The county also picks the demo
// workspace a first visit gets (web/persistence.hpp).
int main(int argc, char** argv) {
    using namespace inspectonce;
    ui::LaunchOptions launch;
    std::string todayText;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string key = argv[i], value = argv[i + 1];
        if (key == "--county") launch.county = value;
        else if (key == "--month") launch.month = value;
        else if (key == "--lang") launch.language = value;
        else if (key == "--screen") launch.screen = value;
        else if (key == "--today") todayText = value;
    }
    static App app;
    ui::applyLaunchOptions(app.state, launch, currentMonth());
    app.state.today = today();
    if (!todayText.empty()) {
        if (auto day = Date::parse(todayText)) app.state.today = *day;
        else app.state.sayError(day.error());
    }
    app.state.loadPluginDirectory("/plugins");
    reportFetchErrors(app.state);
    // persistence.js has loaded /data from IndexedDB (or fallen back to memory) by now.
    app.persistence.open(app.state);
    app.state.pickPluginFile = [] { inspectonce_pick_plugin_file(); };
    web::installBrowserFiles(app.state);

    ui::RunnerConfig config;
    config.gles = true;
    config.fontFile = "/fonts/inspectonce-cjk.ttf";
    if (auto opened = app.runner.open(config); !opened) {
        std::cerr << "inspectonce: " << opened.error().message() << "\n";
        return 1;
    }
    web::TextInputBridge::useBrowserClipboard();
    emscripten_set_main_loop_arg(loop, &app, 0, true);
    return 0;
}
