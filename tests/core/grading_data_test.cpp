// The "penalties" and "grading" sections of the parameter files: the five counties' files
// read, and every malformed section is refused with its JSON path and what was expected.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "decision_test_support.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;

TEST(GradingData, EveryCountyStatesItsPenaltiesAndGrading) {
    for (const char* county : {"dinghai", "pingyang", "yuancheng", "wuxi", "yunhe"}) {
        const PolicyData& p = countyPolicy(county);
        ASSERT_TRUE(p.penalties) << county;
        EXPECT_TRUE(p.grading.present()) << county;
        EXPECT_EQ(p.penalties->fallback.clause.clause.substr(0, 3), p.document.seed) << county;
    }
    EXPECT_TRUE(countyPolicy("yunhe").grading.portrait);
    EXPECT_TRUE(countyPolicy("wuxi").grading.whiteList);
    EXPECT_TRUE(countyPolicy("yuancheng").grading.creditRisk);
    EXPECT_TRUE(countyPolicy("dinghai").grading.none);
    EXPECT_FALSE(countyPolicy("yunhe").penalties->covered);
    // Wuxi's list entries are shipped as examples and say so.
    for (const auto& list : countyPolicy("wuxi").penalties->lists) {
        ASSERT_TRUE(list.note);
        for (const auto& m : list.matters) EXPECT_TRUE(m.example) << m.id;
    }
}

struct BadSection {
    const char* name;
    const char* county;
    const char* pointer;  // where the change is made
    const char* value;    // JSON
    const char* where;    // expected in the error's where
    const char* why;      // expected in the error's why
};

class GradingDataRefuses : public testing::TestWithParam<BadSection> {};

TEST_P(GradingDataRefuses, NamesThePathAndWhy) {
    const BadSection& c = GetParam();
    auto document = nlohmann::json::parse(test::readFile(test::sourcePath(std::string("policies/") + c.county + ".json")));
    document[nlohmann::json::json_pointer(c.pointer)] = nlohmann::json::parse(c.value);
    auto policy = PolicyData::fromJson(document.dump(), "t.json");
    ASSERT_FALSE(policy) << c.name;
    EXPECT_NE(policy.error().where.find(c.where), std::string::npos) << c.name << ": " << policy.error().message();
    EXPECT_NE(policy.error().why.find(c.why), std::string::npos) << c.name << ": " << policy.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GradingDataRefuses,
    testing::Values(
        BadSection{"another_documents_clause", "dinghai", "/penalties/fallback/clause", R"j("004 二(六)")j", "t.json at /penalties/fallback/clause",
                   "a clause of this county's document 000"},
        BadSection{"undeclared_fact", "pingyang", "/penalties/rules/0/when/all_of", R"j(["first-offence"])j", "/penalties/rules/0/when/all_of/0",
                   "a fact declared under /severity/facts or /penalties/facts"},
        BadSection{"unknown_level", "dinghai", "/penalties/rules/1/when/severity", R"j(["serious"])j", "/penalties/rules/1/when/severity/0",
                   "a level id under /severity/levels"},
        BadSection{"unknown_outcome", "pingyang", "/penalties/fallback/outcome", R"j("lenient")j", "/penalties/fallback/outcome", "\"no-penalty\""},
        BadSection{"otherwise_without_condition", "pingyang", "/penalties/fallback/otherwise", R"j({"zh": "否则", "en": "else"})j", "/penalties/fallback",
                   "\"otherwise\" exactly when"},
        BadSection{"when_on_fallback", "pingyang", "/penalties/fallback/when", R"j({"all_of": ["hardship"]})j", "/penalties/fallback/when",
                   "no \"when\" on the fallback"},
        BadSection{"unknown_list", "wuxi", "/penalties/rules/0/when/list", R"j("amnesty")j", "/penalties/rules/0/when/list", "a list id"},
        BadSection{"matter_on_two_lists", "wuxi", "/penalties/lists/2/matters/0/id", R"j("license-not-displayed")j", "/penalties/lists/2",
                   "also on list \"no-penalty\""},
        BadSection{"rules_where_not_covered", "yunhe", "/penalties/rules", R"j([{"id": "x", "clause": "004 二(十)", "outcome": "normal", "when": {}, "text": {"zh": "x", "en": "x"}}])j",
                   "/penalties", "no \"rules\" where \"covered\" is false"},
        BadSection{"thresholds_out_of_order", "yunhe", "/grading/portrait/thresholds/B", "95", "/grading/portrait/thresholds", "A > B > C"},
        BadSection{"unknown_event_kind", "yunhe", "/grading/portrait/points/lawsuit", "-5", "/grading/portrait/points/lawsuit", "an event kind (penalty"},
        BadSection{"rise_from_a", "yunhe", "/grading/portrait/rise/grades", R"j(["A"])j", "/grading/portrait/rise/grades", "grades that can rise"},
        BadSection{"missing_consequence", "yunhe", "/grading/portrait/consequences", R"j({"A": {"zh": "a", "en": "a"}})j", "/grading/portrait/consequences",
                   "\"B\""},
        BadSection{"credit_risk_without_sampling", "yunhe", "/grading/credit_risk", R"j({"clause": "004 二(六)"})j", "/grading/credit_risk",
                   "a \"sampling\" section first"},
        BadSection{"findings_where_severity_exists", "dinghai", "/grading/findings", R"j({"clause": "000 二(二)", "text": {"zh": "x", "en": "x"}})j",
                   "/grading/findings", "this county grades findings under /severity"},
        BadSection{"none_next_to_a_rule", "wuxi", "/grading/none", R"j({"clause": "003 二(五)", "text": {"zh": "x", "en": "x"}})j", "/grading/none",
                   "no \"none\" statement next to grading rules"},
        BadSection{"key_industries_without_their_rule", "wuxi", "/grading/white_list/key_supervision", "null", "/grading/white_list/key_supervision",
                   "expected an object"},
        BadSection{"misspelt_key", "pingyang", "/penalties/hardhsip", R"j({})j", "/penalties", "hardhsip"}),
    [](const testing::TestParamInfo<BadSection>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace inspectonce
