// `inspectonce import`, `export` and `workspace export|import`: summaries in Chinese, English
// and JSON; a bad file refused whole with "inspectonce: FILE:LINE: COLUMN: why" lines and exit
// 2, the workspace's content unchanged; export → import → export byte-identical through the
// real binary; archives that keep the content digest.
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

fs::path scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-exchange-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string data(const std::string& name) { return std::string(INSPECTONCE_SOURCE_DIR) + "/tests/data/exchange/" + name; }

std::string binary(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The content digest of a workspace file, through `workspace export --digest`.
std::string digest(const fs::path& db, const fs::path& dir) {
    auto r = run("workspace export " + db.string() + " --out " + (dir / "digest.cereal").string() + " --digest --json");
    EXPECT_EQ(r.exit, 0) << r.err;
    return nlohmann::json::parse(r.out)["digest"];
}

// A workspace with Yunhe's departments and items and 40 enterprises.
fs::path generated(const fs::path& dir, const std::string& name = "a.db") {
    fs::path db = dir / name;
    auto r = run("generate --county yunhe --enterprises 40 --seed 2 --year 2026 --out " + db.string());
    EXPECT_EQ(r.exit, 0) << r.err;
    return db;
}

TEST(CliExchange, ImportsAndSummarisesInChineseEnglishAndJson) {
    fs::path dir = scratch("summary");
    fs::path db = generated(dir);
    std::string csv = (dir / "e.csv").string();
    {
        std::ofstream out(csv);
        out << "统一社会信用代码,企业名称,信用等级\n913311250291977677,云和县正鑫机械有限公司,A\n";
    }
    auto zh = run("import " + db.string() + " enterprises " + csv + " --date 2026-01-06 --dry-run");
    ASSERT_EQ(zh.exit, 0) << zh.err;
    EXPECT_EQ(zh.out, "企业：检查 1 行（新增 1，更新 0，未变 0），试运行：未写入 " + db.string() + "\n");
    auto en = run("--lang en import " + db.string() + " enterprises " + csv + " --date 2026-01-06");
    ASSERT_EQ(en.exit, 0) << en.err;
    EXPECT_EQ(en.out, "enterprises: 1 rows imported (1 added, 0 updated, 0 unchanged) into " + db.string() + "\n");
    auto json = run("import " + db.string() + " enterprises " + csv + " --date 2026-01-06 --json");
    ASSERT_EQ(json.exit, 0) << json.err;
    auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j["unchanged"], 1);
    EXPECT_EQ(j["written"], true);
    EXPECT_EQ(j["problem_count"], 0);
    auto demands = run("import " + db.string() + " demands " + data("demands_ok.csv") + " --date 2026-03-04");
    EXPECT_EQ(demands.exit, 2);  // Yunhe has no department "market"; the second enterprise is not there
    EXPECT_NE(demands.err.find("demands_ok.csv:2: 责任部门: 未知的部门「market」\n"), std::string::npos) << demands.err;
    EXPECT_NE(demands.err.find("demands_ok.csv:5: 企业信用代码: 企业「91331125049974279M」不在工作区中（先导入企业）\n"), std::string::npos) << demands.err;
    fs::remove_all(dir);
}

TEST(CliExchange, ABadFileIsRefusedWholeWithEveryProblemAndNothingWritten) {
    fs::path dir = scratch("bad");
    fs::path db = generated(dir);
    std::string before = digest(db, dir);
    auto r = run("--lang en import " + db.string() + " enterprises " + data("enterprises_bad_uscc.csv") + " --date 2026-01-06");
    EXPECT_EQ(r.exit, 2);
    EXPECT_EQ(r.out, "");
    std::string file = data("enterprises_bad_uscc.csv");
    EXPECT_NE(r.err.find("inspectonce: " + file + ":3: 统一社会信用代码: bad credit code '913311250291977678': position 18: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("inspectonce: " + file + ":4: 信用等级: 'E' is not one of A, B, C or D\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("inspectonce: " + file + ": 2 problems: nothing imported\n"), std::string::npos) << r.err;
    EXPECT_EQ(digest(db, dir), before);

    auto gbk = run("import " + db.string() + " enterprises " + data("enterprises_gbk.csv") + " --date 2026-01-06");
    EXPECT_EQ(gbk.exit, 2);
    EXPECT_NE(gbk.err.find("enterprises_gbk.csv:1: 第 5 字节起不是 UTF-8（多半是 GBK）：请另存为 UTF-8"), std::string::npos) << gbk.err;

    auto table = run("import " + db.string() + " visits " + data("plans_ok.csv") + " --date 2026-01-06");
    EXPECT_EQ(table.exit, 2);
    EXPECT_EQ(table.err, "inspectonce: TABLE: table must be enterprises, departments, plans or demands, found 'visits'\n");
    auto noDb = run("import " + (dir / "none.db").string() + " plans " + data("plans_ok.csv") + " --date 2026-01-06");
    EXPECT_EQ(noDb.exit, 2);
    EXPECT_NE(noDb.err.find("no such workspace file"), std::string::npos);
    EXPECT_EQ(digest(db, dir), before);
    fs::remove_all(dir);
}

TEST(CliExchange, ExportImportExportIsByteIdenticalThroughTheBinary) {
    fs::path dir = scratch("roundtrip");
    fs::path a = generated(dir);
    // A fresh workspace with the same departments and items only: the JSON archive, emptied.
    ASSERT_EQ(run("workspace export " + a.string() + " --out " + (dir / "a.json").string() + " --format json").exit, 0);
    auto archive = nlohmann::json::parse(binary(dir / "a.json"));
    for (const char* key : {"enterprises", "plans", "history", "events", "visits", "cases"}) archive["workspace"][key] = nlohmann::json::array();
    {
        std::ofstream out(dir / "fresh.json");
        out << archive.dump(1);
    }
    fs::path b = dir / "b.db";
    auto fresh = run("workspace import " + (dir / "fresh.json").string() + " --out " + b.string());
    ASSERT_EQ(fresh.exit, 0) << fresh.err;
    for (const std::string headers : {"zh", "en"}) {
        for (const std::string table : {"departments", "enterprises", "plans"}) {
            std::string first = (dir / (table + "-" + headers + "-1.csv")).string();
            std::string second = (dir / (table + "-" + headers + "-2.csv")).string();
            auto e1 = run("export " + a.string() + " " + table + " --out " + first + " --headers " + headers + " --bom");
            ASSERT_EQ(e1.exit, 0) << e1.err;
            if (headers == "zh") {
                auto i = run("import " + b.string() + " " + table + " " + first + " --date 2026-01-06");
                ASSERT_EQ(i.exit, 0) << i.err;
            }
            auto e2 = run("export " + b.string() + " " + table + " --out " + second + " --headers " + headers + " --bom");
            ASSERT_EQ(e2.exit, 0) << e2.err;
            EXPECT_EQ(binary(second), binary(first)) << table << " " << headers;
        }
    }
    auto stdoutCsv = run("export " + a.string() + " departments --headers en");
    EXPECT_EQ(stdoutCsv.out.substr(0, 42), "id,name,name_en,level,units,inspectors_per");
    fs::remove_all(dir);
}

TEST(CliExchange, WorkspaceArchivesKeepTheDigestAndRefuseDamage) {
    fs::path dir = scratch("archive");
    fs::path a = generated(dir);
    for (const std::string format : {"binary", "json"}) {
        fs::path archive = dir / ("a." + format);
        auto e = run("workspace export " + a.string() + " --out " + archive.string() + " --format " + format + " --digest --json");
        ASSERT_EQ(e.exit, 0) << e.err;
        auto i = run("workspace import " + archive.string() + " --out " + (dir / (format + ".db")).string() + " --digest --json");
        ASSERT_EQ(i.exit, 0) << i.err;
        EXPECT_EQ(nlohmann::json::parse(i.out)["digest"], nlohmann::json::parse(e.out)["digest"]);
        EXPECT_EQ(nlohmann::json::parse(i.out)["enterprises"], 40);
    }
    std::string bytes = binary(dir / "a.binary");
    {
        std::ofstream out(dir / "cut.binary", std::ios::binary);
        out << bytes.substr(0, bytes.size() / 2);
    }
    auto cut = run("workspace import " + (dir / "cut.binary").string() + " --out " + (dir / "cut.db").string());
    EXPECT_EQ(cut.exit, 2);
    EXPECT_NE(cut.err.find("inspectonce: " + (dir / "cut.binary").string() + ": workspace."), std::string::npos) << cut.err;
    EXPECT_FALSE(fs::exists(dir / "cut.db"));
    auto csv = run("--lang en workspace import " + data("plans_ok.csv") + " --out " + (dir / "x.db").string());
    EXPECT_EQ(csv.exit, 2);
    EXPECT_NE(csv.err.find("not an InspectOnce workspace archive"), std::string::npos) << csv.err;
    auto exists = run("workspace import " + (dir / "a.binary").string() + " --out " + a.string());
    EXPECT_EQ(exists.exit, 2);
    EXPECT_NE(exists.err.find("already exists"), std::string::npos);
    fs::remove_all(dir);
}

}  // namespace
