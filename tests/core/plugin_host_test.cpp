// Plugins really load at run time (dlopen natively, side modules in wasm), and every way a
// plugin can be wrong is refused with its reason while leaving loaded plugins untouched.
#include <gtest/gtest.h>

#include "inspectonce/plugin_host.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

using test::pluginPath;
using test::testPluginPath;

TEST(PluginHost, LoadsTheFiveCountiesFromTheirFiles) {
    PluginHost host;
    auto report = host.loadDirectory(INSPECTONCE_PLUGIN_DIR);
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_TRUE(report->refused.empty());
    ASSERT_EQ(host.plugins().size(), 5u);
    const char* ids[] = {"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe"};
    for (std::size_t i = 0; i < 5; ++i) {
        const auto& plugin = host.plugins()[i];
        EXPECT_EQ(plugin.id, ids[i]);
        EXPECT_EQ(plugin.abiVersion, 1u);
        EXPECT_EQ(plugin.file, pluginPath(ids[i]));
        EXPECT_EQ(plugin.policy.county, ids[i]);
    }
    EXPECT_EQ(host.find("yunhe")->policy.name.zh, "云和县");
    EXPECT_EQ(host.find("wuxi")->policy.name.en, "Wuxi City");
    EXPECT_EQ(host.find("pingyang")->policy.document.file, "001_49a0d3f8dadba690.txt");
    EXPECT_EQ(host.find("yuancheng")->policy.document.inForceUntil->iso(), "2025-08-04");
}

TEST(PluginHost, CarriesEachCountysBlackoutsWithClauses) {
    PluginHost host;
    ASSERT_TRUE(host.loadDirectory(INSPECTONCE_PLUGIN_DIR));
    const auto& pingyang = host.find("pingyang")->policy.blackouts;
    ASSERT_EQ(pingyang.size(), 1u);
    EXPECT_EQ(pingyang[0].clause.text(), "001 三.1");
    EXPECT_EQ(pingyang[0].period.kind, MonthlyPeriod::Kind::NthWeek);
    EXPECT_EQ(pingyang[0].period.week, 2);
    const auto& yunhe = host.find("yunhe")->policy.blackouts;
    ASSERT_EQ(yunhe.size(), 1u);
    EXPECT_EQ(yunhe[0].clause.text(), "004 二(三)");
    EXPECT_EQ(yunhe[0].period.dekad, Dekad::Late);
    for (const char* id : {"dinghai", "yuancheng", "wuxi"}) EXPECT_TRUE(host.find(id)->policy.blackouts.empty()) << id;
}

TEST(PluginHost, RefusesAMissingFile) {
    PluginHost host;
    auto loaded = host.load(testPluginPath("does_not_exist"));
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().where, testPluginPath("does_not_exist"));
    EXPECT_EQ(loaded.error().why, "plugin file not found");
}

TEST(PluginHost, RefusesAWrongAbiVersion) {
    PluginHost host;
    auto loaded = host.load(testPluginPath("wrong_abi"));
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().why.find("built for plugin ABI version 99"), std::string::npos) << loaded.error().why;
    EXPECT_NE(loaded.error().why.find("needs version 1"), std::string::npos);
}

TEST(PluginHost, RefusesALibraryWithoutEntryPoint) {
    PluginHost host;
    auto loaded = host.load(testPluginPath("no_entry"));
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().why.find("no entry point inspectonce_plugin_entry"), std::string::npos)
        << loaded.error().why;
}

TEST(PluginHost, RefusesAPluginWhoseIdDiffersFromItsData) {
    PluginHost host;
    auto loaded = host.load(testPluginPath("id_mismatch"));
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().why.find("plugin id \"yunhe\" differs from its parameter file's county \"fixture\""),
              std::string::npos) << loaded.error().why;
}

TEST(PluginHost, RefusesAMalformedParameterFileNamingTheField) {
    PluginHost host;
    auto loaded = host.load(testPluginPath("bad_policy"));
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().where.find("at /blackouts/0/period/dekad"), std::string::npos) << loaded.error().where;
    EXPECT_EQ(loaded.error().why, "expected an integer from 1 to 3, found 4");
}

TEST(PluginHost, RefusesAPluginThatNeedsAFunctionTheHostLacks) {
    PluginHost host;
    auto loaded = host.load(testPluginPath("missing_import"));
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().why.find("inspectonce_function_nobody_exports"), std::string::npos)
        << loaded.error().why;
}

TEST(PluginHost, ARefusedPluginLeavesTheLoadedOnesUntouched) {
    PluginHost host;
    ASSERT_TRUE(host.load(pluginPath("yunhe")));
    ASSERT_FALSE(host.load(testPluginPath("id_mismatch")));  // also claims to be yunhe
    ASSERT_EQ(host.plugins().size(), 1u);
    EXPECT_EQ(host.find("yunhe")->file, pluginPath("yunhe"));
    EXPECT_EQ(host.find("yunhe")->policy.blackouts[0].period.dekad, Dekad::Late);
}

TEST(PluginHost, AModifiedPluginReplacesTheCountysWithoutRebuildingTheHost) {
    PluginHost host;
    ASSERT_TRUE(host.loadDirectory(INSPECTONCE_PLUGIN_DIR));
    std::string modified = std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/yunhe-modified/yunhe" + INSPECTONCE_PLUGIN_SUFFIX;
    std::string replaced;
    auto loaded = host.load(modified, &replaced);
    ASSERT_TRUE(loaded) << loaded.error().message();
    EXPECT_EQ(replaced, pluginPath("yunhe"));
    EXPECT_EQ(host.plugins().size(), 5u);
    auto days = blackoutDays(host.find("yunhe")->policy, test::month("2026-11"));
    ASSERT_TRUE(days);
    ASSERT_EQ(days->days.size(), 10u);
    EXPECT_EQ(days->days.front().day.date.iso(), "2026-11-11");
    EXPECT_EQ(days->days.back().day.date.iso(), "2026-11-20");
}

TEST(PluginHost, ReportsEveryBadFileInADirectoryAndLoadsTheGoodOne) {
    PluginHost host;
    auto report = host.loadDirectory(INSPECTONCE_TEST_PLUGIN_DIR);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->loaded, std::vector<std::string>{"fixture"});
    std::vector<std::string> refusedFiles;
    for (const auto& error : report->refused) refusedFiles.push_back(error.where.substr(std::string(INSPECTONCE_TEST_PLUGIN_DIR).size() + 1));
    std::string s = INSPECTONCE_PLUGIN_SUFFIX;
    EXPECT_EQ(refusedFiles, (std::vector<std::string>{"bad_policy" + s + " (policies/fixture.json) at /blackouts/0/period/dekad",
                                                      "id_mismatch" + s, "missing_import" + s, "no_entry" + s,
                                                      "wrong_abi" + s}));
}

TEST(PluginHost, RefusesASecondFileWithTheSameIdInOneDirectory) {
    PluginHost host;
    auto report = host.loadDirectory(std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/duplicate");
    ASSERT_TRUE(report);
    EXPECT_EQ(report->loaded, std::vector<std::string>{"fixture"});
    ASSERT_EQ(report->refused.size(), 1u);
    EXPECT_NE(report->refused[0].why.find("duplicate plugin id \"fixture\""), std::string::npos);
    EXPECT_NE(host.find("fixture")->file.find("/a" INSPECTONCE_PLUGIN_SUFFIX), std::string::npos);
}

TEST(PluginHost, AMissingDirectoryIsAnError) {
    PluginHost host;
    auto report = host.loadDirectory("/nonexistent/plugins");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().message(), "/nonexistent/plugins: plugin directory not found or not readable");
}

}  // namespace
}  // namespace inspectonce
