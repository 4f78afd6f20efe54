// `inspectonce generate`: writes a new workspace file, prints what it made, and refuses bad
// input (unknown county, an existing file, a year the calendar does not know) without
// writing anything.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using inspectonce::test::run;

// A fresh directory of this test's own.
fs::path scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-generate-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

TEST(CliGenerate, WritesAWorkspaceAndSummarisesIt) {
    fs::path dir = scratch("writes");
    fs::path out = dir / "yunhe.db";
    auto r = run("generate --county yunhe --enterprises 2000 --seed 3 --year 2026 --out " + out.string() + " --json --digest");
    ASSERT_EQ(r.exit, 0) << r.err;
    ASSERT_TRUE(fs::exists(out));
    auto s = nlohmann::json::parse(r.out);
    EXPECT_EQ(s["enterprises"], 2000);
    EXPECT_EQ(s["grades"]["A"].get<int>() + s["grades"]["B"].get<int>() + s["grades"]["C"].get<int>() + s["grades"]["D"].get<int>(), 2000);
    EXPECT_EQ(s["departments"], 16);
    EXPECT_EQ(s["planning_date"], "2025-12-31");
    EXPECT_EQ(s["written"], true);
    EXPECT_GT(s["plan_items"].get<int>(), s["plans"].get<int>());
    EXPECT_GT(s["exception_plans"].get<int>(), 0);
    EXPECT_GT(s["non_site_plans"].get<int>(), 0);
    EXPECT_EQ(s["digest"].get<std::string>().size(), 64u);

    // The same options into another file: the same content.
    fs::path again = dir / "again.db";
    auto second = run("generate --county yunhe --enterprises 2000 --seed 3 --year 2026 --out " + again.string() + " --json --digest");
    ASSERT_EQ(second.exit, 0) << second.err;
    EXPECT_EQ(nlohmann::json::parse(second.out)["digest"], s["digest"]);
    fs::remove_all(dir);
}

TEST(CliGenerate, SpeaksChineseByDefaultAndEnglishOnRequest) {
    auto zh = run("generate --county pingyang --enterprises 300 --seed 1 --year 2026");
    ASSERT_EQ(zh.exit, 0) << zh.err;
    EXPECT_NE(zh.out.find("平阳县2026年工作区"), std::string::npos) << zh.out;
    EXPECT_NE(zh.out.find("企业 300："), std::string::npos) << zh.out;
    EXPECT_NE(zh.out.find("未写入文件"), std::string::npos) << zh.out;
    auto en = run("--lang en generate --county pingyang --enterprises 300 --seed 1 --year 2026 --capacity tight");
    ASSERT_EQ(en.exit, 0) << en.err;
    EXPECT_NE(en.out.find("enterprises 300: A "), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("capacity tight"), std::string::npos) << en.out;
}

TEST(CliGenerate, RefusesAnUnknownCountyAndWritesNothing) {
    fs::path dir = scratch("county");
    fs::path out = dir / "x.db";
    auto r = run("generate --county hangzhou --enterprises 10 --seed 1 --year 2026 --out " + out.string());
    EXPECT_EQ(r.exit, 2);
    EXPECT_NE(r.err.find("--county"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("hangzhou"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("yunhe"), std::string::npos) << r.err;  // the loaded ones are named
    EXPECT_TRUE(r.out.empty());
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST(CliGenerate, RefusesAnExistingFileAndLeavesItAlone) {
    fs::path dir = scratch("exists");
    fs::path out = dir / "mine.db";
    { std::ofstream(out) << "someone's file"; }
    auto r = run("generate --county yunhe --enterprises 10 --seed 1 --year 2026 --out " + out.string());
    EXPECT_EQ(r.exit, 2);
    EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
    EXPECT_EQ(inspectonce::test::slurp(out), "someone's file");
    fs::remove_all(dir);
}

TEST(CliGenerate, RefusesAYearOutsideTheCalendarAndWritesNothing) {
    fs::path dir = scratch("year");
    fs::path out = dir / "x.db";
    auto r = run("generate --county yunhe --enterprises 10 --seed 1 --year 2030 --out " + out.string());
    EXPECT_EQ(r.exit, 2);
    EXPECT_NE(r.err.find("--year: 2030 is outside the working-day calendar (2022–2026)"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_empty(dir));
    auto bad = run("generate --county yunhe --enterprises 10 --seed 1 --year 2026 --departments 100 --out " + out.string());
    EXPECT_EQ(bad.exit, 2);
    EXPECT_NE(bad.err.find("--departments"), std::string::npos) << bad.err;
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

}  // namespace
