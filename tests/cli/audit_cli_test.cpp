// `inspectonce audit verify|log`: an intact log (exit 0) in Chinese, English and JSON; a
// tampered one (exit 1) with the entry named; bad input (exit 2). The log is written by a
// real CSV import (one entry per row) and tampered with by the sqlite3 shell.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using inspectonce::test::run;

fs::path scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-audit-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A workspace whose log holds three entries: two enterprises added, then one updated.
fs::path audited(const fs::path& dir) {
    fs::path db = dir / "a.db";
    auto g = run("generate --county yunhe --enterprises 10 --seed 2 --year 2026 --out " + db.string());
    EXPECT_EQ(g.exit, 0) << g.err;
    std::string csv = (dir / "e.csv").string();
    {
        std::ofstream out(csv);
        out << "统一社会信用代码,企业名称,信用等级\n913311250291977677,云和县正鑫机械有限公司,A\n91350100M000100Y43,云和木玩厂,B\n";
    }
    auto first = run("import " + db.string() + " enterprises " + csv + " --date 2026-01-06");
    EXPECT_EQ(first.exit, 0) << first.err;
    {
        std::ofstream out(csv);
        out << "统一社会信用代码,企业名称,信用等级\n913311250291977677,云和县正鑫机械有限公司,C\n";
    }
    auto second = run("import " + db.string() + " enterprises " + csv + " --date 2026-01-07");
    EXPECT_EQ(second.exit, 0) << second.err;
    return db;
}

int sqlite(const fs::path& db, const std::string& sql) {
    std::string command = "sqlite3 '" + db.string() + "' \"" + sql + "\"";
    return std::system(command.c_str());
}

TEST(CliAudit, AnIntactLogVerifiesInChineseEnglishAndJson) {
    fs::path dir = scratch("intact");
    fs::path db = audited(dir);
    auto zh = run("audit verify " + db.string());
    ASSERT_EQ(zh.exit, 0) << zh.out << zh.err;
    EXPECT_NE(zh.out.find("审计日志完整，共 3 条"), std::string::npos) << zh.out;
    auto en = run("audit verify " + db.string() + " --lang en");
    ASSERT_EQ(en.exit, 0) << en.err;
    EXPECT_NE(en.out.find("audit log intact, 3 entries"), std::string::npos) << en.out;
    auto json = run("audit verify " + db.string() + " --json");
    ASSERT_EQ(json.exit, 0) << json.err;
    auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["intact"], true);
    EXPECT_EQ(doc["entries"], 3);
    EXPECT_EQ(doc["head"].get<std::string>().size(), 64u);
    EXPECT_TRUE(doc["problems"].empty());
}

TEST(CliAudit, TheLogListsEntriesBySubject) {
    fs::path dir = scratch("log");
    fs::path db = audited(dir);
    auto all = run("audit log " + db.string() + " --json");
    ASSERT_EQ(all.exit, 0) << all.err;
    auto entries = nlohmann::json::parse(all.out);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0]["seq"], 1);
    EXPECT_EQ(entries[0]["action"], "import.enterprise");
    EXPECT_EQ(entries[2]["date"], "2026-01-07");
    EXPECT_EQ(entries[1]["previous"], entries[0]["hash"]);
    auto one = run("audit log " + db.string() + " --subject 'enterprise 913311250291977677' --lang en");
    ASSERT_EQ(one.exit, 0) << one.err;
    EXPECT_NE(one.out.find("2 of 3 entries"), std::string::npos) << one.out;
    auto zh = run("audit log " + db.string());
    ASSERT_EQ(zh.exit, 0);
    EXPECT_NE(zh.out.find("共 3 条，显示 3 条"), std::string::npos) << zh.out;
}

TEST(CliAudit, ATamperedLogIsBrokenAndNamesTheEntry) {
    fs::path dir = scratch("tampered");
    fs::path db = audited(dir);
    ASSERT_EQ(sqlite(db, "DROP TRIGGER audit_append_only_update; UPDATE audit SET after = '{}' WHERE seq = 2;"), 0);
    auto en = run("audit verify " + db.string() + " --lang en");
    EXPECT_EQ(en.exit, 1) << en.out << en.err;
    EXPECT_NE(en.out.find("audit log BROKEN"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("entry 2: "), std::string::npos) << en.out;
    EXPECT_EQ(en.out.find("entry 1:"), std::string::npos) << en.out;
    auto zh = run("audit verify " + db.string());
    EXPECT_EQ(zh.exit, 1);
    EXPECT_NE(zh.out.find("第 2 条："), std::string::npos) << zh.out;
    auto json = run("audit verify " + db.string() + " --json");
    EXPECT_EQ(json.exit, 1);
    auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["intact"], false);
    ASSERT_EQ(doc["problems"].size(), 1u);
    EXPECT_EQ(doc["problems"][0]["seq"], 2);
    EXPECT_EQ(doc["problems"][0]["kind"], "edited");

    // Cutting the last entry off shows against the recorded head.
    ASSERT_EQ(sqlite(db, "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE seq = 3;"), 0);
    auto cut = run("audit verify " + db.string() + " --lang en");
    EXPECT_EQ(cut.exit, 1);
    EXPECT_NE(cut.out.find("entry 3: "), std::string::npos) << cut.out;
}

TEST(CliAudit, BadInputExitsTwo) {
    fs::path dir = scratch("bad");
    auto missing = run("audit verify " + (dir / "none.db").string());
    EXPECT_EQ(missing.exit, 2);
    EXPECT_NE(missing.err.find("no such workspace file"), std::string::npos) << missing.err;
    fs::path junk = dir / "junk.db";
    {
        std::ofstream out(junk);
        out << "this is not a database, just some text long enough to be looked at by SQLite's header check\n";
    }
    auto notDb = run("audit verify " + junk.string());
    EXPECT_EQ(notDb.exit, 2) << notDb.out;
    EXPECT_FALSE(notDb.err.empty());
    auto noFile = run("audit verify");
    EXPECT_EQ(noFile.exit, 2);
}

}  // namespace
