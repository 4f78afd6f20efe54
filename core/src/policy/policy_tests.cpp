// Running policy test cases (policies/tests/<county>/*.json).
#include "inspectonce/policy_tests.hpp"

#include "inspectonce/hooks.hpp"

#include <algorithm>

#include "inspectonce/decision.hpp"
#include "json/json_reader.hpp"

namespace inspectonce {
namespace {

Result<std::vector<std::string>> readStrings(const json::Cursor& parent, std::string_view key) {
    std::vector<std::string> out;
    auto field = parent.optionalField(key);
    if (!field) return out;
    IO_TRY(items, field->items());
    for (const auto& item : items) {
        IO_TRY(text, item.string());
        out.push_back(text);
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none" : out;
}

Status checkFinding(const PolicyData& policy, const json::Cursor& given, const json::Cursor& expect,
                    PolicyTestResult& result) {
    IO_TRY(finding, given.field("finding"));
    IO_CHECK(finding.onlyKeys({"facts", "areas"}));
    IO_TRY(facts, readStrings(finding, "facts"));
    IO_TRY(areas, readStrings(finding, "areas"));
    IO_TRY(wanted, expect.field("severity"));
    IO_TRY(wantedText, wanted.string());
    IO_TRY(clauses, readStrings(expect, "clauses"));
    auto grade = Policy(policy).gradeFinding(facts, areas);
    if (!grade) return makeError(finding.where(), grade.error().message());
    std::string got = grade->outside ? "outside" : grade->level ? *grade->level : "none";
    if (got != wantedText) result.failures.push_back("severity is " + got + ", expected " + wantedText);
    std::vector<std::string> cited;
    for (const auto& c : grade->clauses) cited.push_back(c.text());
    for (const auto& c : clauses)
        if (!contains(cited, c)) result.failures.push_back("clause " + c + " not cited (cited: " + joined(cited) + ")");
    return Ok{};
}

Status checkDecision(const LoadedPlugin& plugin, const json::Cursor& given, const json::Cursor& expect,
                     const std::string& source, PolicyTestResult& result) {
    auto request = decisionRequestFromJson(given.raw(), source, given.where().substr(source.size() + 4));
    if (!request && !expect.has("error")) return request.error();
    Result<Decision> decision = request ? decideWith(plugin, *request) : Result<Decision>(request.error());
    if (auto error = expect.optionalField("error")) {
        IO_TRY(text, error->string());
        if (decision) result.failures.push_back("expected an error containing \"" + text + "\", got " +
                                                std::string(toString(decision->outcome)));
        else if (decision.error().message().find(text) == std::string::npos)
            result.failures.push_back("error \"" + decision.error().message() + "\" does not contain \"" + text + "\"");
        return Ok{};
    }
    if (!decision) {
        result.failures.push_back("error: " + decision.error().message());
        return Ok{};
    }
    IO_TRY(outcome, expect.field("outcome"));
    IO_TRY(outcomeText, outcome.string());
    auto wanted = parseOutcome(outcomeText);
    if (!wanted) return makeError(outcome.where(), wanted.error().why);
    if (decision->outcome != wanted.value())
        result.failures.push_back("outcome is " + std::string(toString(decision->outcome)) + ", expected " + outcomeText);
    auto cited = decision->clauses();
    IO_TRY(clauses, readStrings(expect, "clauses"));
    for (const auto& c : clauses)
        if (!contains(cited, c)) result.failures.push_back("clause " + c + " not cited (cited: " + joined(cited) + ")");
    IO_TRY(notClauses, readStrings(expect, "not_clauses"));
    for (const auto& c : notClauses)
        if (contains(cited, c)) result.failures.push_back("clause " + c + " cited, expected not to be");
    IO_TRY(rules, readStrings(expect, "rules"));
    std::vector<std::string> ruleIds;
    for (const auto& r : decision->reasons) ruleIds.push_back(r.rule);
    for (const auto& r : rules)
        if (!contains(ruleIds, r)) result.failures.push_back("rule " + r + " gave no reason (rules: " + joined(ruleIds) + ")");
    if (auto due = expect.optionalField("due")) {
        if (!due->raw().is_object()) return due->fail("an object of obligation id: date");
        for (const auto& member : due->raw().items()) {
            const std::string id = member.key();
            IO_TRY(dateField, due->field(id));
            IO_TRY(dateText, dateField.string());
            auto it = std::find_if(decision->obligations.begin(), decision->obligations.end(),
                                   [&](const Obligation& o) { return o.id == id; });
            if (it == decision->obligations.end()) {
                result.failures.push_back("no obligation " + id);
                continue;
            }
            std::string got = it->due ? it->due->iso() : "none";
            if (got != dateText) result.failures.push_back("obligation " + id + " is due " + got + ", expected " + dateText);
        }
    }
    return Ok{};
}

}  // namespace

Result<std::vector<PolicyTestResult>> runPolicyTests(std::string_view text, const std::string& source,
                                                     const std::function<const LoadedPlugin*(const std::string&)>& findCounty) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    IO_CHECK(root.onlyKeys({"county", "cases"}));
    IO_TRY(county, root.field("county"));
    IO_TRY(countyId, county.string());
    const LoadedPlugin* plugin = findCounty(countyId);
    if (!plugin) return makeError(county.where(), "no plugin loaded for county \"" + countyId + "\"");
    IO_TRY(cases, root.field("cases"));
    IO_TRY(items, cases.items());
    if (items.empty()) return cases.fail("at least one case");
    std::vector<PolicyTestResult> out;
    for (const auto& item : items) {
        IO_CHECK(item.onlyKeys({"name", "covers", "given", "expect"}));
        PolicyTestResult result;
        result.file = source;
        result.county = countyId;
        IO_TRY(name, item.field("name"));
        IO_TRY(nameText, name.string());
        if (nameText.empty()) return name.fail("a case name");
        for (const auto& earlier : out)
            if (earlier.name == nameText) return makeError(name.where(), "duplicate case name \"" + nameText + "\"");
        result.name = nameText;
        IO_TRY(covers, readStrings(item, "covers"));
        result.covers = covers;
        IO_TRY(given, item.field("given"));
        IO_TRY(expect, item.field("expect"));
        IO_CHECK(expect.onlyKeys({"outcome", "clauses", "not_clauses", "rules", "due", "severity", "error"}));
        if (given.has("finding")) {
            IO_CHECK(given.onlyKeys({"finding"}));
            IO_CHECK(checkFinding(plugin->policy, given, expect, result));
        } else {
            IO_CHECK(checkDecision(*plugin, given, expect, source, result));
        }
        out.push_back(result);
    }
    return out;
}

}  // namespace inspectonce
