// The one application state every screen reads and writes (immediate mode: screens are
// functions of this struct; no widget objects mirror the model).
#pragma once

#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::ui {

struct AppState {
    PluginHost plugins;
    std::vector<Error> refusedPlugins;   // files that failed their checks, with the reason
    bool pluginsLoaded = false;

    std::string county;                  // selected plugin id
    YearMonth month{2026, 11};
    Language language = Language::Chinese;

    // Text in the current language.
    const char* tr(const Text& text) const { return text.in(language).c_str(); }
    const LoadedPlugin* selectedPlugin() const { return plugins.find(county); }
    // Loads every plugin in `directory`; keeps the selected county if it is still there.
    void loadPluginDirectory(const std::string& directory);
};

// Start-up choices, from the command line (desktop) or the page URL (browser).
struct LaunchOptions {
    std::string county = "yunhe";
    std::string month;                   // YYYY-MM; empty: the current month
    std::string language = "zh";
    std::string pluginDir;
    std::string fontFile;
};

// Applies launch options; a bad value is reported in `messages` and the default kept.
void applyLaunchOptions(AppState& state, const LaunchOptions& options, YearMonth currentMonth);

// Draws one frame of the whole interface.
void drawApp(AppState& state);

}  // namespace inspectonce::ui
