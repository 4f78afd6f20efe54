#include "inspectonce/hooks.hpp"

#include <string>
#include <vector>

#include "json/json_reader.hpp"

namespace inspectonce {
namespace {

constexpr uint32_t kFirstCapacity = 16 * 1024;
constexpr uint32_t kMaxCapacity = 4 * 1024 * 1024;

std::string where(const LoadedPlugin& plugin, std::string_view hook) {
    return plugin.file + ": hook \"" + std::string(hook) + "\"";
}

Result<Reason> readReason(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"effect", "rule", "clause", "text"}));
    Reason reason;
    IO_TRY(effect, at.field("effect"));
    IO_TRY(effectText, effect.string());
    if (effectText == "refuses") reason.effect = Effect::Refuses;
    else if (effectText == "obliges") reason.effect = Effect::Obliges;
    else if (effectText == "informs") reason.effect = Effect::Informs;
    else return effect.fail("\"refuses\", \"obliges\" or \"informs\"");
    IO_TRY(rule, at.field("rule"));
    IO_TRY(ruleText, rule.string());
    reason.rule = ruleText;
    // Every decision cites its clause (ALL-5): a hook's reason too.
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    reason.clause = citation;
    IO_TRY(text, at.field("text"));
    IO_TRY(textValue, text.text());
    reason.text = textValue;
    return reason;
}

}  // namespace

Result<std::optional<nlohmann::json>> callHook(const LoadedPlugin& plugin, std::string_view hook,
                                               const nlohmann::json& request) {
    if (!plugin.hook) return std::optional<nlohmann::json>{};
    std::string name(hook);
    std::string body = request.dump();
    std::vector<char> response(kFirstCapacity);
    for (;;) {
        int32_t length = plugin.hook(name.c_str(), body.c_str(), static_cast<uint32_t>(body.size()), response.data(),
                                     static_cast<uint32_t>(response.size()));
        if (length == -1) return std::optional<nlohmann::json>{};
        if (length >= 0) {
            if (static_cast<std::size_t>(length) > response.size())
                return makeError(where(plugin, hook), "answered " + std::to_string(length) + " bytes into a buffer of " +
                                                          std::to_string(response.size()));
            IO_TRY(answer, json::parse(std::string_view(response.data(), static_cast<std::size_t>(length)),
                                       where(plugin, hook)));
            return std::optional<nlohmann::json>{answer};
        }
        // -2 - needed: the answer needs a bigger buffer.
        int64_t needed = -2 - static_cast<int64_t>(length);
        if (needed <= static_cast<int64_t>(response.size()) || needed > kMaxCapacity)
            return makeError(where(plugin, hook), "returned " + std::to_string(length) +
                                                      ": expected a length, -1 (not handled) or -2 - needed bytes (at most " +
                                                      std::to_string(kMaxCapacity) + ")");
        response.resize(static_cast<std::size_t>(needed));
    }
}

Result<Decision> decideWith(const LoadedPlugin& plugin, const DecisionRequest& request, const WorkCalendar& calendar) {
    IO_TRY(decision, decide(plugin.policy, request, calendar));
    if (!plugin.hook || !decision.inForce) return decision;
    IO_TRY(answer, callHook(plugin, "decide", {{"request", toJson(request)}, {"decision", toJson(decision)}}));
    if (!answer) return decision;

    std::string source = where(plugin, "decide");
    json::Cursor root(*answer, source);
    IO_CHECK(root.onlyKeys({"outcome", "reasons"}));
    bool refuses = false, obliges = false;
    if (auto reasons = root.optionalField("reasons")) {
        IO_TRY(items, reasons->items());
        for (const auto& item : items) {
            IO_TRY(reason, readReason(item));
            refuses = refuses || reason.effect == Effect::Refuses;
            obliges = obliges || reason.effect == Effect::Obliges;
            decision.reasons.push_back(reason);
        }
    }
    if (auto outcome = root.optionalField("outcome")) {
        if (!root.has("reasons")) return outcome->fail("an outcome only together with the reasons (and clauses) for it");
        IO_TRY(text, outcome->string());
        auto parsed = parseOutcome(text);
        if (!parsed) return outcome->fail("\"allowed\", \"allowed-with-obligations\" or \"refused\"");
        decision.outcome = *parsed;
    } else if (refuses) {
        decision.outcome = Outcome::Refused;
    } else if (obliges && decision.outcome == Outcome::Allowed) {
        decision.outcome = Outcome::AllowedWithObligations;
    }
    return decision;
}

}  // namespace inspectonce
