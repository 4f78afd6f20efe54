// `inspectonce schedule` and `inspectonce notices` on a generated workspace: the figures of
// issue 4 with their keys, the checker's verdict, saved visits, notices with the notice
// clause, and precise errors for bad input.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using inspectonce::test::run;

fs::path workspace(const std::string& county, const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-schedule-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path file = dir / (name + ".db");
    fs::remove(file);
    auto r = run("generate --county " + county + " --enterprises 600 --seed 7 --year 2026 --out " + file.string());
    EXPECT_EQ(r.exit, 0) << r.err;
    return file;
}

TEST(CliSchedule, PrintsTheFiguresWithTheirKeysAndPassesTheChecker) {
    fs::path file = workspace("yunhe", "figures");
    auto r = run("schedule " + file.string() + " --check --json");
    ASSERT_EQ(r.exit, 0) << r.err << r.out;
    auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"plans", "visits", "lower_bound", "joint_rate", "non_site_share", "refused", "seconds"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_GT(j["plans"].get<int>(), 600);
    EXPECT_GE(j["visits"].get<int>(), j["lower_bound"].get<int>());
    EXPECT_LT(j["visits"].get<int>(), j["scheduled_plans"].get<int>()) << "merging must save visits";
    EXPECT_TRUE(j["violations"].empty());
    // Refusals are keyed by the clause that decided them; Yunhe's cap and grade rules show.
    bool yunheClause = false;
    for (const auto& [clause, n] : j["refused"].items()) yunheClause = yunheClause || clause.rfind("004 ", 0) == 0;
    EXPECT_TRUE(yunheClause) << j["refused"].dump();
}

TEST(CliSchedule, TextNamesTheRateDefinitionAndTheTarget) {
    fs::path file = workspace("yunhe", "text");
    auto r = run("schedule " + file.string());
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_NE(r.out.find("联合检查率"), std::string::npos);
    EXPECT_NE(r.out.find("004 一"), std::string::npos);
    EXPECT_NE(r.out.find("理论下界"), std::string::npos);
    auto en = run("--lang en schedule " + file.string());
    EXPECT_NE(en.out.find("lower bound"), std::string::npos);
}

TEST(CliSchedule, SavedVisitsGiveNoticesWithTheNoticeClause) {
    fs::path file = workspace("yunhe", "notices");
    ASSERT_EQ(run("schedule " + file.string() + " --save").exit, 0);
    auto visits = nlohmann::json::parse(run("schedule " + file.string() + " --visits --json").out)["visits_list"];
    ASSERT_FALSE(visits.empty());
    // The first announced inspection's enterprise (Yunhe's notice rule is for inspections).
    std::string enterprise;
    for (const auto& v : visits)
        if (!v["notice_date"].is_null() && v["kind"] == "inspection") {
            enterprise = v["enterprise"];
            break;
        }
    ASSERT_FALSE(enterprise.empty());
    auto r = run("notices " + file.string() + " --enterprise " + enterprise + " --json");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto notices = nlohmann::json::parse(r.out);
    ASSERT_FALSE(notices.empty());
    // The announced inspection (an exception visit is not announced; a survey is not an inspection).
    auto announced = std::find_if(notices.begin(), notices.end(),
                                  [](const auto& n) { return !n["sent_on"].is_null() && n["kind"] == "inspection"; });
    ASSERT_NE(announced, notices.end());
    EXPECT_EQ((*announced)["enterprise"], enterprise);
    EXPECT_EQ((*announced)["clause"], "004 二(五)");
    EXPECT_FALSE((*announced)["lines"].empty());
    auto text = run("notices " + file.string() + " --enterprise " + enterprise);
    EXPECT_NE(text.out.find("涉企检查预告通知书"), std::string::npos);
}

TEST(CliSchedule, BadInputIsAPreciseErrorAndExitTwo) {
    auto missing = run("schedule /nonexistent/ws.db");
    EXPECT_EQ(missing.exit, 2);
    EXPECT_NE(missing.err.find("/nonexistent/ws.db"), std::string::npos);
    fs::path file = workspace("pingyang", "bad");
    auto badCode = run("notices " + file.string() + " --enterprise 91350100M000100Y44");
    EXPECT_EQ(badCode.exit, 2);
    EXPECT_NE(badCode.err.find("--enterprise"), std::string::npos);
    auto unknown = run("notices " + file.string() + " --enterprise 91350100M000100Y43");
    EXPECT_EQ(unknown.exit, 2);
    EXPECT_NE(unknown.err.find("no enterprise"), std::string::npos);
}

}  // namespace
