// `inspectonce draw` and `inspectonce code` as a user runs them, on the committed Wuxi
// fixture tests/data/draw/wuxi-2026.workspace (60 enterprises, two saved draws, a filed and
// an unfiled visit; written by the core test DrawFixture.DISABLED_Write). Runs that save work
// on a copy.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using inspectonce::test::run;

const std::string kFixture = std::string(INSPECTONCE_SOURCE_DIR) + "/tests/data/draw/wuxi-2026.workspace";

std::string drawArgs(const std::string& file, const std::string& departments, const std::string& seed, const std::string& more = "") {
    return "draw run " + file + " --departments " + departments + " --ratio 10 --seed " + seed + " --date 2026-06-01 " + more;
}

// A private copy of the fixture for runs that save.
struct Copy {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-draw-cli-" + std::to_string(::getpid()));
    std::string file = (dir / "w.workspace").string();
    Copy() {
        fs::create_directories(dir);
        fs::copy_file(kFixture, file, fs::copy_options::overwrite_existing);
    }
    ~Copy() { fs::remove_all(dir); }
};

std::string visitOneToken() {
    auto r = run("code show 1 --workspace " + kFixture + " --json");
    return nlohmann::json::parse(r.out)["token"];
}

TEST(DrawCli, AJointDrawPrintsItsRecord_003_2_2) {
    auto r = run(drawArgs(kFixture, "market,environment", "cli-1", "--json"));
    ASSERT_EQ(r.exit, 0) << r.err;
    auto record = nlohmann::json::parse(r.out);
    EXPECT_EQ(record["format"], "inspectonce-draw 1");
    EXPECT_EQ(record["county"], "wuxi");
    EXPECT_TRUE(record["joint"]);
    EXPECT_EQ(record["request"]["departments"], nlohmann::json({"environment", "market"}));
    EXPECT_EQ(record["earlier_draws"], nlohmann::json({1, 2}));
    EXPECT_EQ(record["strata"][0]["clause"], "003 二(五)");
    EXPECT_EQ(record["strata"][0]["ratio"], "5");  // "lower": 10 % × 50 %
    EXPECT_EQ(record["strata"][3]["ratio"], "20");
    EXPECT_EQ(record["hashes"]["input"].get<std::string>().size(), 64u);
    ASSERT_FALSE(record["drawn"].empty());
    for (const auto& d : record["drawn"]) {
        std::set<std::string> departments;
        for (const auto& i : d["inspectors"]) departments.insert(i["department"].get<std::string>());
        EXPECT_EQ(departments, (std::set<std::string>{"environment", "market"})) << d.dump();
    }
    // The fixture's draws: a single-department one and a joint one; this is the third, joint.
    EXPECT_EQ(record["joint_share"]["tasks"], 3);
    EXPECT_EQ(record["joint_share"]["joint_tasks"], 2);
    EXPECT_EQ(record["joint_share"]["target"]["min_percent"], 25);
    EXPECT_EQ(record["joint_share"]["target"]["clause"], "003 二(二)");
    EXPECT_TRUE(record["joint_share"]["met"]);
    EXPECT_EQ(record["fewer_repeats"]["clause"], "003 二(二)");
}

TEST(DrawCli, TheSameSeedDrawsTheSameAnotherSeedDrawsOtherwise) {
    auto a = run(drawArgs(kFixture, "market", "same", "--json"));
    auto b = run(drawArgs(kFixture, "market", "same", "--json"));
    auto c = run(drawArgs(kFixture, "market", "other", "--json"));
    ASSERT_EQ(a.exit, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    auto x = nlohmann::json::parse(a.out), y = nlohmann::json::parse(c.out);
    EXPECT_NE(x["drawn"], y["drawn"]);
    EXPECT_EQ(x["hashes"]["input"], y["hashes"]["input"]);
}

TEST(DrawCli, TextListsStrataClausesInspectorsHashAndSeed) {
    auto zh = run(drawArgs(kFixture, "market", "text"));
    ASSERT_EQ(zh.exit, 0) << zh.err;
    for (const char* expected : {"信用分层", "〔003 二(五)〕", "文件只说“适当降低”", "抽中企业与检查人员", "输入哈希（BLAKE2b-256）", "随机种子：text",
                                 "联合抽查占比", "目标 ≥25%〔003 二(二)〕"})
        EXPECT_NE(zh.out.find(expected), std::string::npos) << expected << "\n" << zh.out;
    auto en = run("--lang en " + drawArgs(kFixture, "market", "text"));
    EXPECT_NE(en.out.find("strata by credit grade"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("seed: text"), std::string::npos);
    EXPECT_NE(en.out.find("gives no number"), std::string::npos);
}

TEST(DrawCli, ASavedDrawVerifiesUntilTheWorkspaceChanges) {
    Copy copy;
    auto saved = run(drawArgs(copy.file, "market", "saved", "--save --json"));
    ASSERT_EQ(saved.exit, 0) << saved.err;
    EXPECT_EQ(nlohmann::json::parse(saved.out)["id"], 3);
    auto confirmed = run("--lang en draw verify " + copy.file + " --id 3");
    EXPECT_EQ(confirmed.exit, 0) << confirmed.out << confirmed.err;
    EXPECT_NE(confirmed.out.find("confirmed"), std::string::npos) << confirmed.out;
    // The next draw sees it: its enterprises are repeats now.
    auto next = run(drawArgs(copy.file, "market", "next", "--json"));
    EXPECT_EQ(nlohmann::json::parse(next.out)["earlier_draws"], nlohmann::json({1, 2, 3}));

    // An enterprise regraded after the draw: the inputs changed, and the answer says which.
    std::string sql = "sqlite3 " + copy.file + " \"UPDATE enterprises SET grade = 'D' WHERE grade = 'B'\"";
    ASSERT_EQ(std::system(sql.c_str()), 0);
    auto changed = run("--lang en draw verify " + copy.file + " --id 3 --json");
    EXPECT_EQ(changed.exit, 1) << changed.err;
    auto v = nlohmann::json::parse(changed.out);
    EXPECT_EQ(v["outcome"], "inputs-changed");
    EXPECT_NE(v["differences"][0]["en"].get<std::string>().find("population differs"), std::string::npos) << changed.out;
    EXPECT_NE(v["recorded_input_hash"], v["rerun_input_hash"]);
}

TEST(DrawCli, AnEditedRecordFileIsCaught) {
    Copy copy;
    auto r = run(drawArgs(kFixture, "market", "file", "--json"));
    ASSERT_EQ(r.exit, 0);
    std::string record = (copy.dir / "record.json").string();
    std::ofstream(record) << r.out;
    auto ok = run("draw verify " + kFixture + " --record " + record);
    EXPECT_EQ(ok.exit, 0) << ok.out << ok.err;
    EXPECT_NE(ok.out.find("核验通过"), std::string::npos) << ok.out;

    auto edited = nlohmann::json::parse(r.out);
    std::string first = edited["drawn"][0]["enterprise"];
    edited["drawn"][0]["inspectors"][0]["id"] = edited["drawn"][0]["inspectors"][0]["id"] == "m01" ? "m02" : "m01";
    std::ofstream(record) << edited.dump(2);
    auto differs = run("--lang en draw verify " + kFixture + " --record " + record);
    EXPECT_EQ(differs.exit, 1);
    EXPECT_NE(differs.out.find("the inputs match but the result differs"), std::string::npos) << differs.out;
    EXPECT_NE(differs.out.find(first + " inspectors: recorded"), std::string::npos) << differs.out;
}

TEST(DrawCli, BadInputIsExitTwoWithWhereAndWhy) {
    auto department = run(drawArgs(kFixture, "police", "x"));
    EXPECT_EQ(department.exit, 2);
    EXPECT_NE(department.err.find("unknown department 'police'"), std::string::npos) << department.err;
    auto ratio = run("draw run " + kFixture + " --departments market --ratio 0.001 --seed x --date 2026-06-01");
    EXPECT_EQ(ratio.exit, 2);
    EXPECT_NE(ratio.err.find("--ratio"), std::string::npos) << ratio.err;
    auto staff = run(drawArgs(kFixture, "market", "x", "--inspectors 7"));
    EXPECT_EQ(staff.exit, 2);
    EXPECT_NE(staff.err.find("needs 7 inspectors"), std::string::npos) << staff.err;
    auto missing = run(drawArgs("/nonexistent/w.workspace", "market", "x"));
    EXPECT_EQ(missing.exit, 2);
    EXPECT_NE(missing.err.find("cannot open"), std::string::npos) << missing.err;
    auto neither = run("draw verify " + kFixture);
    EXPECT_EQ(neither.exit, 2);
    EXPECT_NE(neither.err.find("--record FILE or --id N"), std::string::npos) << neither.err;
    auto conflict = run(drawArgs(kFixture, "market", "x", "--conflict m01"));
    EXPECT_EQ(conflict.exit, 2);
    EXPECT_NE(conflict.err.find("INSPECTOR=USCC"), std::string::npos) << conflict.err;
}

TEST(CodeCli, AValidCodeIsExitZeroAndSaysWhatItStandsFor_004_2_10) {
    std::string token = visitOneToken();
    ASSERT_EQ(token.substr(0, 11), "IO1-wuxi-1-");
    auto zh = run("code verify " + token + " --workspace " + kFixture);
    EXPECT_EQ(zh.exit, 0) << zh.err;
    EXPECT_NE(zh.out.find("有效"), std::string::npos) << zh.out;
    EXPECT_NE(zh.out.find("市场监管局"), std::string::npos) << zh.out;
    EXPECT_NE(zh.out.find("食品标签"), std::string::npos) << zh.out;
    auto json = run("code verify " + token + " --workspace " + kFixture + " --json");
    auto check = nlohmann::json::parse(json.out);
    EXPECT_TRUE(check["valid"]);
    EXPECT_EQ(check["filing"]["date"], "2026-03-12");
}

TEST(CodeCli, AnInvalidCodeIsExitOneWithWhy) {
    std::string token = visitOneToken();
    std::string forged = token.substr(0, token.size() - 1) + (token.back() == 'A' ? "B" : "A");
    auto changed = run("--lang en code verify " + forged + " --workspace " + kFixture);
    EXPECT_EQ(changed.exit, 1);
    EXPECT_NE(changed.out.find("filing changed"), std::string::npos) << changed.out;
    auto malformed = run("--lang en code verify IO1-wuxi-1-SHORT --workspace " + kFixture + " --json");
    EXPECT_EQ(malformed.exit, 1);
    EXPECT_EQ(nlohmann::json::parse(malformed.out)["part"], "hash");
    auto unfiled = run("--lang en code verify IO1-wuxi-2-" + token.substr(11) + " --workspace " + kFixture);
    EXPECT_EQ(unfiled.exit, 1);
    EXPECT_NE(unfiled.out.find("plan 3 is not filed"), std::string::npos) << unfiled.out;
    auto noWorkspace = run("code verify " + token + " --workspace /nonexistent.workspace");
    EXPECT_EQ(noWorkspace.exit, 2);
}

TEST(CodeCli, ShowPrintsTheTokenAndItsQrCode) {
    auto r = run("code show 1 --workspace " + kFixture);
    ASSERT_EQ(r.exit, 0) << r.err;
    std::string token = r.out.substr(0, r.out.find('\n'));
    EXPECT_EQ(token, visitOneToken());
    EXPECT_NE(r.out.find("█"), std::string::npos);
    EXPECT_EQ(inspectonce::test::countLines(r.out), 1 + (29 + 8 + 1) / 2);  // the token, then a version-3 symbol with its quiet zone
    auto none = run("--lang en code show 2 --workspace " + kFixture);
    EXPECT_EQ(none.exit, 1);
    EXPECT_NE(none.out.find("no inspection code: plan 3 is not filed"), std::string::npos) << none.out;
    auto unknown = run("code show 9 --workspace " + kFixture);
    EXPECT_EQ(unknown.exit, 2);
}

}  // namespace
