// `inspectonce` as a user runs it: exit status, text and JSON output, errors on stderr.
#include <gtest/gtest.h>

#include "cli_runner.hpp"
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using inspectonce::test::countLines;
using inspectonce::test::run;

TEST(Cli, CalendarAddCountsWorkingDaysAcrossSpringFestival) {
    auto r = run("calendar add 2026-02-13 2 --json");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto out = nlohmann::json::parse(r.out);
    EXPECT_EQ(out["result"]["date"], "2026-02-24");  // 14 (adjusted Saturday) is the 1st, 24 the 2nd
    EXPECT_EQ(out["result"]["weekday"], "Tue");
}

TEST(Cli, CalendarAddGoesBackWithANegativeCount) {
    auto r = run("--lang en calendar add 2026-10-08 -1");
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, 10), "2026-09-30");
    EXPECT_NE(r.out.find("1 working day(s) before 2026-10-08"), std::string::npos) << r.out;
}

TEST(Cli, CalendarRejectsAnImpossibleDate) {
    auto r = run("calendar add 2026-02-30 1");
    EXPECT_EQ(r.exit, 2);
    EXPECT_NE(r.err.find("February 2026 has 28 days"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST(Cli, CalendarRefusesToGuessBeyondTheKnownYears) {
    auto r = run("calendar add 2026-12-30 5");
    EXPECT_EQ(r.exit, 2);
    EXPECT_NE(r.err.find("2027"), std::string::npos) << r.err;
}

TEST(Cli, IsWorkdayAnswersWithItsExitStatus) {
    auto adjusted = run("calendar is-workday 2026-02-14 --json");
    EXPECT_EQ(adjusted.exit, 0);
    auto day = nlohmann::json::parse(adjusted.out);
    EXPECT_EQ(day["kind"], "adjusted working day");
    EXPECT_EQ(day["source"], "国办发明电〔2025〕7号");
    auto holiday = run("calendar is-workday 2026-02-16");
    EXPECT_EQ(holiday.exit, 1);
    EXPECT_NE(holiday.out.find("春节"), std::string::npos) << holiday.out;
}

TEST(Cli, UsccCheckReportsEachCodeAndFailsIfAnyIsInvalid) {
    auto r = run("--lang en uscc check 91350100M000100Y43 91350100M000100Y44");
    EXPECT_EQ(r.exit, 1);
    EXPECT_NE(r.out.find("91350100M000100Y43\tvalid\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("91350100M000100Y44\tinvalid: position 18"), std::string::npos) << r.out;
    EXPECT_EQ(run("uscc check 91350100M000100Y43").exit, 0);
}

TEST(Cli, PolicyListShowsTheFiveCountiesLoadedFromFiles) {
    auto r = run("policy list --json");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["plugins"].size(), 5u);
    EXPECT_EQ(out["plugins"][4]["id"], "yunhe");
    EXPECT_EQ(out["plugins"][4]["abi_version"], 1);
    EXPECT_EQ(out["plugins"][4]["file"], std::string(INSPECTONCE_PLUGIN_DIR) + "/yunhe.so");
    EXPECT_EQ(out["plugins"][1]["name"]["zh"], "平阳县");
}

TEST(Cli, APluginMovedAwayDisappearsFromTheList) {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-plugins-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const char* id : {"dinghai", "pingyang", "wuxi", "yuancheng"})
        fs::copy_file(std::string(INSPECTONCE_PLUGIN_DIR) + "/" + id + ".so", dir / (std::string(id) + ".so"));
    auto viaFlag = run("policy list --plugin-dir " + dir.string());
    auto viaEnv = run("policy list", "INSPECTONCE_PLUGIN_DIR=" + dir.string());
    fs::remove_all(dir);
    EXPECT_EQ(viaFlag.exit, 0);
    EXPECT_EQ(countLines(viaFlag.out), 4);
    EXPECT_EQ(viaFlag.out.find("yunhe"), std::string::npos);
    EXPECT_EQ(viaEnv.out, viaFlag.out);
    EXPECT_EQ(viaFlag.err, "inspectonce: 从 " + dir.string() + " 加载了 4 个插件\n");
}

TEST(Cli, BrokenPluginsAreReportedAndTheGoodOnesStillLoad) {
    auto r = run("policy list --plugin-dir " INSPECTONCE_TEST_PLUGIN_DIR);
    EXPECT_EQ(r.exit, 0);
    EXPECT_EQ(countLines(r.out), 1);  // fixture
    EXPECT_NE(r.err.find("wrong_abi.so: built for plugin ABI version 99"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no_entry.so: no entry point"), std::string::npos) << r.err;
}

TEST(Cli, AMissingPluginDirectoryIsBadInput) {
    auto r = run("policy list --plugin-dir /nonexistent");
    EXPECT_EQ(r.exit, 2);
    EXPECT_EQ(r.err, "inspectonce: /nonexistent: plugin directory not found or not readable\n");
}

TEST(Cli, BlackoutListsYunheQuietPeriodWithItsClause) {
    auto r = run("policy blackout --county yunhe --month 2026-11 --json");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["days"].size(), 10u);
    EXPECT_EQ(out["days"][0]["date"], "2026-11-21");
    EXPECT_EQ(out["days"][9]["date"], "2026-11-30");
    EXPECT_EQ(out["days"][0]["clause"], "004 二(三)");
}

TEST(Cli, BlackoutOfAModifiedPluginNeedsNoRebuild) {
    auto r = run("policy blackout --county yunhe --month 2026-11 --json --plugin-dir " INSPECTONCE_TEST_PLUGIN_DIR "/yunhe-modified");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["days"].size(), 10u);
    EXPECT_EQ(out["days"][0]["date"], "2026-11-11");
}

TEST(Cli, BlackoutNamesTheLoadedCountiesForAnUnknownOne) {
    auto r = run("policy blackout --county hangzhou --month 2026-11");
    EXPECT_EQ(r.exit, 2);
    EXPECT_EQ(r.err, "inspectonce: --county: unknown county \"hangzhou\" (loaded: dinghai, pingyang, wuxi, yuancheng, yunhe)\n");
}

TEST(Cli, BlackoutRejectsAMalformedMonth) {
    auto r = run("policy blackout --county yunhe --month 2026-13");
    EXPECT_EQ(r.exit, 2);
    EXPECT_EQ(r.err.rfind("inspectonce: --month: ", 0), 0u) << r.err;
}

TEST(Cli, UnknownSubcommandIsBadUsage) {
    EXPECT_EQ(run("frobnicate").exit, 2);
    EXPECT_EQ(run("").exit, 2);
}

}  // namespace
