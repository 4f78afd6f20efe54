// A county plugin's code answers what its data cannot: the host asks the data first, then
// the plugin's "decide" hook, which adds reasons with their clause and may refuse. A hook
// that answers garbage is an error naming the plugin, not a silent decision.
#include <gtest/gtest.h>

#include "inspectonce/hooks.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

std::string hookPlugin(const std::string& folder) {
    return std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/" + folder + "/fixture" + INSPECTONCE_PLUGIN_SUFFIX;
}

DecisionRequest onSite(CreditGrade grade) {
    DecisionRequest request;
    request.date = test::date("2026-03-10");
    request.department = "market-supervision";
    request.grade = grade;
    return request;
}

TEST(PluginHook, AddsARuleTheDataCannotExpressWithItsClause) {
    PluginHost host;
    auto plugin = host.load(hookPlugin("hooked"));
    ASSERT_TRUE(plugin) << plugin.error().message();
    ASSERT_TRUE((*plugin)->hasHook());
    auto decision = decideWith(**plugin, onSite(CreditGrade::D));
    ASSERT_TRUE(decision) << decision.error().message();
    EXPECT_EQ(decision->outcome, Outcome::Refused);
    ASSERT_FALSE(decision->reasons.empty());
    const Reason& last = decision->reasons.back();
    EXPECT_EQ(last.rule, "hook-grade-d");
    EXPECT_EQ(last.clause.text(), "004 二(六)");
    EXPECT_EQ(last.effect, Effect::Refuses);
    EXPECT_EQ(last.text.zh, "插件代码：D类企业由钩子拒绝");
}

TEST(PluginHook, LeavesTheDataAnswerAloneWhenItHasNothingToAdd) {
    PluginHost host;
    auto plugin = host.load(hookPlugin("hooked"));
    ASSERT_TRUE(plugin);
    auto withHook = decideWith(**plugin, onSite(CreditGrade::C));
    auto dataOnly = decide((*plugin)->policy, onSite(CreditGrade::C));
    ASSERT_TRUE(withHook);
    ASSERT_TRUE(dataOnly);
    EXPECT_EQ(toJson(*withHook), toJson(*dataOnly));
}

TEST(PluginHook, AMalformedAnswerIsAnErrorNamingThePluginAndHook) {
    PluginHost host;
    auto plugin = host.load(hookPlugin("broken-hook"));
    ASSERT_TRUE(plugin);
    auto decision = decideWith(**plugin, onSite(CreditGrade::C));
    ASSERT_FALSE(decision);
    EXPECT_EQ(decision.error().where.rfind(hookPlugin("broken-hook") + ": hook \"decide\":1:", 0), 0u)
        << decision.error().where;
    EXPECT_NE(decision.error().why.find("malformed JSON"), std::string::npos) << decision.error().why;
}

TEST(PluginHook, TheRequestTheHookSeesReadsBackAsTheSameRequest) {
    DecisionRequest request = onSite(CreditGrade::B);
    request.lists = {"white-list"};
    request.exception = "complaint-report";
    request.noticeDate = test::date("2026-03-02");
    auto back = decisionRequestFromJson(toJson(request), "hook request");
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(toJson(*back), toJson(request));
}

}  // namespace
}  // namespace inspectonce
