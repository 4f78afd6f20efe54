#include "state_bridge.hpp"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "inspectonce/decision.hpp"
#include "inspectonce/policy.hpp"
#include "text_input.hpp"

// Merges the published state into window.inspectonce (glue.js created it with ready=false).
EM_JS(void, inspectonce_publish_state, (const char* json), {
    window.inspectonce = Object.assign(window.inspectonce || {}, JSON.parse(UTF8ToString(json)));
});

namespace inspectonce::web {

void StateBridge::publish(const ui::AppState& state, bool fontLoaded, bool opening) {
    nlohmann::json plugins = nlohmann::json::array();
    for (const auto& p : state.plugins.plugins())
        plugins.push_back({{"id", p.id}, {"name", p.policy.name.zh}, {"version", p.version}, {"file", p.file}});
    nlohmann::json refused = nlohmann::json::array();
    for (const auto& e : state.refusedPlugins) refused.push_back(e.message());
    nlohmann::json blackout = nlohmann::json::array();
    if (const auto* plugin = state.selectedPlugin())
        if (auto days = blackoutDays(plugin->policy, state.month))
            for (const auto& d : days->days) blackout.push_back({{"date", d.day.date.iso()}, {"clause", d.rule->clause.text()}});

    // Plugin files the user picked: which file replaced which, or why it was refused.
    nlohmann::json pluginFiles = nlohmann::json::array();
    for (const auto& load : state.pluginFileLoads) {
        nlohmann::json entry{{"name", load.name}, {"file", load.file}, {"id", load.id}, {"replaced", load.replaced},
                             {"loaded", !load.refused}};
        if (load.refused) entry["refused"] = load.refused->message();
        pluginFiles.push_back(entry);
    }
    const auto& rect = state.loadPluginButtonRect;
    const auto& form = state.decisionForm;
    nlohmann::json decision = nullptr;
    if (form.answer) decision = {{"county", form.answeredFor}, {"outcome", toString(form.answer->outcome)},
                                 {"clauses", form.answer->clauses()}};
    else if (form.error) decision = {{"county", form.answeredFor}, {"error", form.error->message()}};
    const auto& button = form.decideButtonRect;

    // Where named widgets were drawn (ui/widgets.hpp markItem): tests click real buttons.
    nlohmann::json marks = nlohmann::json::object();
    for (const auto& [name, r] : state.marks) marks[name] = {{"x", r[0]}, {"y", r[1]}, {"width", r[2]}, {"height", r[3]}};
    nlohmann::json workspace = {{"open", state.workspace.isOpen()}, {"version", state.workspace.version()},
                                {"path", state.workspace.path()}};
    if (const Workspace* w = state.workspace.workspace()) {
        workspace["county"] = w->county;
        workspace["year"] = w->year;
        workspace["enterprises"] = w->enterprises.size();
        workspace["plans"] = w->plans.size();
        workspace["visits"] = w->visits.size();
        workspace["cases"] = w->cases.size();
    }
    if (state.workspace.error()) workspace["error"] = state.workspace.error()->message();
    nlohmann::json message = nullptr;
    if (!state.messages.empty())
        message = {{"text", state.messages.back().text.in(state.language)}, {"problem", state.messages.back().problem},
                   {"count", state.messages.size()}};

    // The simulation screen's runs and the replay's day (issue 8), for end-to-end tests.
    const auto& sim = state.simulation;
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& run : sim.runs) runs.push_back({{"policy", run.policy}, {"whatIf", run.whatIf}, {"visits", run.figures.visits}});
    nlohmann::json simulation{{"runs", runs}, {"queued", sim.queued}, {"playing", sim.playing},
                              {"day", sim.runs.empty() ? "" : sim.runs.front().days[static_cast<std::size_t>(sim.day)].date.iso()}};

    // The long work under way (issue 7: the page keeps drawing while it goes): what, how far.
    nlohmann::json work = nullptr;
    if (!state.longWork.empty())
        work = {{"what", state.longWork.front().what.en}, {"fraction", state.longWork.front().fraction},
                {"queued", state.longWork.size() - 1}};

    // Ready once plugins are loaded, the workspace opened, and a few frames drawn with the font.
    if (state.pluginsLoaded && !opening && framesSinceLoad_ < 3) ++framesSinceLoad_;
    nlohmann::json out{{"ready", state.pluginsLoaded && framesSinceLoad_ >= 3},
                       {"fontLoaded", fontLoaded},
                       {"plugins", plugins},
                       {"refused", refused},
                       {"county", state.county},
                       {"month", state.month.iso()},
                       {"language", state.language == Language::English ? "en" : "zh"},
                       {"blackoutDays", blackout},
                       {"pluginFiles", pluginFiles},
                       {"loadPluginButton", {{"x", rect[0]}, {"y", rect[1]}, {"width", rect[2]}, {"height", rect[3]}}},
                       {"decision", decision},
                       {"decideButton", {{"x", button[0]}, {"y", button[1]}, {"width", button[2]}, {"height", button[3]}}},
                       // What the menu bar says about the workspace's storage (window.inspectonce.storage
                       // is persistence.js's own state, not published from here).
                       {"storageMessage", state.storage.message.in(state.language)},
                       {"storageProblem", state.storage.problem},
                       {"screen", state.screen},
                       {"today", state.today.iso()},
                       {"marks", marks},
                       {"workspace", workspace},
                       {"message", message},
                       {"textField", activeTextField()},
                       {"simulation", simulation},
                       {"work", work}};
    std::string text = out.dump();
    if (text == last_) return;
    last_ = text;
    inspectonce_publish_state(text.c_str());
}

}  // namespace inspectonce::web
