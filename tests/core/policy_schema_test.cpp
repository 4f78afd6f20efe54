// Schema 2 of the county parameter files: every new section parsed strictly, errors with the
// file, the JSON pointer, what was expected and what was found.
#include <gtest/gtest.h>

#include <map>

#include "inspectonce/plugin_host.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/policy_tests.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

std::string withRules(const std::string& rest) {
    return R"json({"schema":2,"county":"t","name":{"zh":"县","en":"T"},"region":{"zh":"省","en":"P"},
      "document":{"seed":"004","file":"004_x.txt","title":{"zh":"文","en":"D"}},)json" + rest + "}";
}

struct BadSchema {
    const char* name;
    std::string json;
    std::string where;
    std::string why;
};

class PolicySchemaErrors : public testing::TestWithParam<BadSchema> {};

TEST_P(PolicySchemaErrors, SayWhereAndWhy) {
    auto policy = PolicyData::fromJson(GetParam().json, "t.json");
    ASSERT_FALSE(policy);
    EXPECT_EQ(policy.error().where, GetParam().where);
    EXPECT_EQ(policy.error().why, GetParam().why);
}

const char* kRule = R"json({"type":"cap","id":"c","name":{"zh":"上限","en":"cap"},"clause":"004 二(二)","rule":{"zh":"规","en":"r"},"max":2)json";

INSTANTIATE_TEST_SUITE_P(
    Cases, PolicySchemaErrors,
    testing::Values(
        BadSchema{"unknown_exception", withRules(R"json("rules":[)json" + std::string(kRule) +
                                                 R"json(,"exceptions":{"clause":"004 二(二)","allowed":["rain"]}}])json"),
                  "t.json at /rules/0/exceptions/allowed/0", "unknown exception \"rain\" (known: work-safety, food-drug-safety, environment, emergency, public-health-emergency, complaint-report, case-investigation, superior-assignment, serious-dishonesty, life-property-safety, major-public-interest, public-security, national-security, major-social-impact, key-area-campaign, urgent, substandard-products, national-provision)"},
        BadSchema{"misspelt_rule_key", withRules(R"json("rules":[)json" + std::string(kRule) + R"json(,"maxx":3}])json"),
                  "t.json at /rules/0", "unknown field \"maxx\" (allowed: type, id, name, clause, rule, applies_to, exceptions, note, obligation, max, unified, same_department, window_days)"},
        BadSchema{"cap_without_max", withRules(R"json("rules":[{"type":"cap","id":"c","name":{"zh":"上限","en":"cap"},"clause":"004 二(二)","rule":{"zh":"规","en":"r"}}])json"),
                  "t.json at /rules/0", "missing required field \"max\""},
        BadSchema{"max_on_inform", withRules(R"json("rules":[{"type":"inform","id":"c","name":{"zh":"上限","en":"cap"},"clause":"004 二(二)","rule":{"zh":"规","en":"r"},"max":1}])json"),
                  "t.json at /rules/0", "field \"max\" only with type cap"},
        BadSchema{"bad_type", withRules(R"json("rules":[{"type":"ban","id":"c"}])json"), "t.json at /rules/0/type",
                  "expected a rule type: obligation, cap, exempt, no-repeat, cross-level, non-site-first, merge or inform, found \"ban\""},
        BadSchema{"bad_kind", withRules(R"json("rules":[)json" + std::string(kRule) + R"json(,"applies_to":{"kinds":["visit"]}}])json"),
                  "t.json at /rules/0/applies_to/kinds/0", "expected \"inspection\", \"survey\", \"guidance\" or \"leader-visit\", found \"visit\""},
        BadSchema{"bad_anchor", withRules(R"json("rules":[{"type":"obligation","id":"o","name":{"zh":"备","en":"f"},"clause":"004 二(二)","rule":{"zh":"规","en":"r"},
                   "obligation":{"id":"o","text":{"zh":"备","en":"f"},"clause":"004 二(二)","due":{"anchor":"ahead","working_days":3}}}])json"),
                  "t.json at /rules/0/obligation/due/anchor", "expected \"before\", \"after\" or \"during\", found \"ahead\""},
        BadSchema{"duplicate_rule", withRules(R"json("rules":[)json" + std::string(kRule) + "}," + kRule + "}]"),
                  "t.json at /rules/1", "duplicate rule id \"c\""},
        BadSchema{"undeclared_fact", withRules(R"json("severity":{"clause":"000 二(二)","facts":{"slight":{"zh":"轻","en":"s"}},
                   "levels":[{"id":"minor","name":{"zh":"轻","en":"m"},"clause":"000 二(二)1","all_of":["slite"]}],"precedence":["minor"]})json"),
                  "t.json at /severity/levels/0/all_of/0", "expected a fact declared under /facts, found \"slite\""},
        BadSchema{"target_twice", withRules(R"json("targets":[{"year":2025,"metric":"joint","name":{"zh":"率","en":"r"},"min_percent":60,"clause":"004 一"},
                   {"year":2025,"metric":"joint","name":{"zh":"率","en":"r"},"min_percent":70,"clause":"004 一"}])json"),
                  "t.json at /targets/1", "a second target for joint in 2025"},
        BadSchema{"percent", withRules(R"json("targets":[{"year":2025,"metric":"joint","name":{"zh":"率","en":"r"},"min_percent":160,"clause":"004 一"}])json"),
                  "t.json at /targets/0/min_percent", "expected an integer from 0 to 100, found 160"}),
    [](const testing::TestParamInfo<BadSchema>& param) { return std::string(param.param.name); });

TEST(PolicySchema, TheFiveCountiesParse) {
    for (const char* id : {"dinghai", "pingyang", "yuancheng", "wuxi", "yunhe"}) {
        auto policy = PolicyData::fromJson(test::readFile(test::sourcePath(std::string("policies/") + id + ".json")), id);
        EXPECT_TRUE(policy) << policy.error().message();
    }
}

// The policy tests as data, run through the real plugin files (natively .so, in wasm .wasm).
TEST(PolicyTestsAsData, EveryCountyCasePassesThroughItsPlugin) {
    PluginHost host;
    auto report = host.loadDirectory(INSPECTONCE_PLUGIN_DIR);
    ASSERT_TRUE(report) << report.error().message();
    auto find = [&host](const std::string& id) { return host.find(id); };
    const std::pair<const char*, const char*> files[] = {
        {"dinghai", "diagnosis_and_findings.json"}, {"pingyang", "service_week.json"},
        {"pingyang", "exceptions_filing.json"},     {"yuancheng", "mechanism.json"},
        {"wuxi", "supervision.json"},               {"yunhe", "quiet_period.json"},
        {"yunhe", "caps_grades_notice.json"}};
    std::map<std::string, int> perCounty;
    for (const auto& [county, file] : files) {
        std::string path = std::string("policies/tests/") + county + "/" + file;
        auto results = runPolicyTests(test::readFile(test::sourcePath(path)), path, find);
        ASSERT_TRUE(results) << results.error().message();
        for (const auto& r : *results) {
            ++perCounty[county];
            EXPECT_TRUE(r.passed()) << r.file << ": " << r.name << ": " << r.failures.front();
        }
    }
    for (const auto& [county, count] : perCounty) EXPECT_GE(count, 20) << county;
}

TEST(PolicyTestsAsData, AMalformedCaseFileNamesThePointer) {
    auto find = [](const std::string&) -> const LoadedPlugin* { return nullptr; };
    auto results = runPolicyTests(R"({"county":"yunhe","cases":[]})", "x.json", find);
    ASSERT_FALSE(results);
    EXPECT_EQ(results.error().message(), "x.json at /county: no plugin loaded for county \"yunhe\"");
}

}  // namespace
}  // namespace inspectonce
