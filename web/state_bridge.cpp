#include "state_bridge.hpp"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "inspectonce/policy.hpp"

// Merges the published state into window.inspectonce (glue.js created it with ready=false).
EM_JS(void, inspectonce_publish_state, (const char* json), {
    window.inspectonce = Object.assign(window.inspectonce || {}, JSON.parse(UTF8ToString(json)));
});

namespace inspectonce::web {

void StateBridge::publish(const ui::AppState& state, bool fontLoaded) {
    nlohmann::json plugins = nlohmann::json::array();
    for (const auto& p : state.plugins.plugins())
        plugins.push_back({{"id", p.id}, {"name", p.policy.name.zh}, {"version", p.version}, {"file", p.file}});
    nlohmann::json refused = nlohmann::json::array();
    for (const auto& e : state.refusedPlugins) refused.push_back(e.message());
    nlohmann::json blackout = nlohmann::json::array();
    if (const auto* plugin = state.selectedPlugin())
        if (auto days = blackoutDays(plugin->policy, state.month))
            for (const auto& d : days->days) blackout.push_back({{"date", d.day.date.iso()}, {"clause", d.rule->clause.text()}});

    // Ready once plugins are loaded and a few frames have been drawn with the font.
    if (state.pluginsLoaded && framesSinceLoad_ < 3) ++framesSinceLoad_;
    nlohmann::json out{{"ready", state.pluginsLoaded && framesSinceLoad_ >= 3},
                       {"fontLoaded", fontLoaded},
                       {"plugins", plugins},
                       {"refused", refused},
                       {"county", state.county},
                       {"month", state.month.iso()},
                       {"language", state.language == Language::English ? "en" : "zh"},
                       {"blackoutDays", blackout}};
    std::string text = out.dump();
    if (text == last_) return;
    last_ = text;
    inspectonce_publish_state(text.c_str());
}

}  // namespace inspectonce::web
