// Rules a parameter file cannot express live in the county plugin's code, behind its hook
// (plugins/sdk/inspectonce_plugin.h). The host asks the data first, then the hook, which may
// add reasons (each with its clause) and change the outcome. Hooks the host calls:
//   "decide"  request {"request": <decision request>, "decision": <the data's decision>}
//             answer  {"outcome": "refused" | … (optional), "reasons": [{"effect", "rule",
//                      "clause", "text": {"zh", "en"}}]}; -1: nothing to add
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "inspectonce/decision.hpp"
#include "inspectonce/plugin_host.hpp"

namespace inspectonce {

// Calls `hook` of `plugin` with a JSON request. nullopt when the plugin has no hook or does
// not handle this one; an answer that is not JSON (or a hook that misbehaves) is an error
// naming the plugin file and the hook.
Result<std::optional<nlohmann::json>> callHook(const LoadedPlugin& plugin, std::string_view hook,
                                               const nlohmann::json& request);

// Decides from the plugin's data, then lets its "decide" hook add what data cannot say.
Result<Decision> decideWith(const LoadedPlugin& plugin, const DecisionRequest& request,
                            const WorkCalendar& calendar = WorkCalendar::official());

}  // namespace inspectonce
