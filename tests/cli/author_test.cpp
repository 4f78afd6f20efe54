// The policy author's path through the real binary: `inspectonce policy check` on the
// template, on every broken fixture plugin and on broken parameter files, and a modified
// county plugin in another folder changing answers without rebuilding the CLI.
#include <gtest/gtest.h>

#include "cli_runner.hpp"
#include <sys/wait.h>
#include <unistd.h>

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
using inspectonce::test::slurp;

// `policy check --json` on one file: its report.
nlohmann::json checkJson(const std::string& file, int expectedExit) {
    auto r = run("policy check --json " + file);
    EXPECT_EQ(r.exit, expectedExit) << r.out << r.err;
    auto out = nlohmann::json::parse(r.out, nullptr, false);
    if (out.is_discarded() || out["files"].size() != 1) {
        ADD_FAILURE() << "not one report: " << r.out;
        return nlohmann::json::object();
    }
    return out["files"][0];
}

// The outcome of each check, in order: "file=passed", "ABI version=failed" …
std::vector<std::string> outcomes(const nlohmann::json& report) {
    std::vector<std::string> list;
    for (const auto& check : report["checks"])
        list.push_back(check["check"].get<std::string>() + "=" + check["outcome"].get<std::string>());
    return list;
}

std::string failedCheck(const nlohmann::json& report) {
    for (const auto& check : report["checks"])
        if (check["outcome"] == "failed") return check["check"];
    return "";
}

std::string testPlugin(const std::string& name) { return std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/" + name + ".so"; }

// A scratch file removed when the test ends.
struct TempFile {
    fs::path path;
    TempFile(const std::string& name, const std::string& text)
        : path(fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name)) {
        std::ofstream(path) << text;
    }
    ~TempFile() { fs::remove(path); }
};

std::string templatePolicy() { return slurp(INSPECTONCE_SOURCE_DIR "/plugins/template/policy.json"); }

TEST(PolicyCheck, AcceptsTheTemplatesParameterFile) {
    auto report = checkJson(INSPECTONCE_SOURCE_DIR "/plugins/template/policy.json", 0);
    EXPECT_EQ(report["kind"], "parameters");
    EXPECT_EQ(report["status"], "valid");
    EXPECT_EQ(report["county"]["id"], "my-county");
}

TEST(PolicyCheck, AcceptsTheTemplateBuiltAsAPluginAndListsEveryCheck) {
    auto report = checkJson(std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/template/my-county.so", 0);
    EXPECT_EQ(report["kind"], "plugin");
    EXPECT_EQ(report["plugin"]["id"], "my-county");
    EXPECT_EQ(report["plugin"]["abi_version"], 1);
    EXPECT_EQ(report["plugin"]["hook"], false);
    std::vector<std::string> expected = {"file=passed",    "loads=passed",          "entry point=passed",
                                         "ABI version=passed", "descriptor size=passed", "id=passed",
                                         "version=passed", "parameter file=passed", "county=passed"};
    EXPECT_EQ(outcomes(report), expected);
}

TEST(PolicyCheck, AcceptsTheTemplateWithItsExampleHookSwitchedOn) {
    auto report = checkJson(std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/template-hook/my-county.so", 0);
    EXPECT_EQ(report["plugin"]["hook"], true);
}

TEST(PolicyCheck, TheTemplatesPolicyTestsPassWithTheTemplatePlugin) {
    auto r = run("--lang en policy test --county my-county --dir " INSPECTONCE_SOURCE_DIR "/plugins/template/tests --plugin-dir "
                 INSPECTONCE_TEST_PLUGIN_DIR "/template");
    EXPECT_EQ(r.exit, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("3 passed, 0 failed"), std::string::npos) << r.out;
}

TEST(PolicyCheck, TextOutputNamesEachCheckAndTheVerdict) {
    auto r = run("--lang en policy check " INSPECTONCE_TEST_PLUGIN_DIR "/template/my-county.so");
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_NE(r.out.find("my-county.so: valid plugin my-county v0.1.0 (ABI 1)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  ok    ABI version: it is built for plugin ABI version 1\n"), std::string::npos) << r.out;
}

TEST(PolicyCheck, RefusesAFutureAbiVersionAndStopsThere) {
    auto report = checkJson(testPlugin("wrong_abi"), 1);
    EXPECT_EQ(failedCheck(report), "ABI version");
    EXPECT_NE(report["error"]["why"].get<std::string>().find("built for plugin ABI version 99"), std::string::npos);
    auto list = outcomes(report);
    EXPECT_EQ(list.back(), "county=not reached");
    EXPECT_EQ(list.front(), "file=passed");
}

TEST(PolicyCheck, RefusesALibraryWithoutEntryPoint) {
    auto report = checkJson(testPlugin("no_entry"), 1);
    EXPECT_EQ(failedCheck(report), "entry point");
    EXPECT_NE(report["error"]["why"].get<std::string>().find("no entry point inspectonce_plugin_entry"), std::string::npos);
}

TEST(PolicyCheck, RefusesAPluginWhoseIdDiffersFromItsParameterFile) {
    auto report = checkJson(testPlugin("id_mismatch"), 1);
    EXPECT_EQ(failedCheck(report), "county");
    EXPECT_NE(report["error"]["why"].get<std::string>().find("plugin id \"yunhe\" differs from its parameter file's county \"fixture\""),
              std::string::npos) << report["error"];
}

TEST(PolicyCheck, RefusesAPluginCarryingABadParameterFileWithTheField) {
    auto report = checkJson(testPlugin("bad_policy"), 1);
    EXPECT_EQ(failedCheck(report), "parameter file");
    EXPECT_EQ(report["error"]["field"], "/blackouts/0/period/dekad");
    EXPECT_EQ(report["error"]["expected"], "an integer from 1 to 3");
    EXPECT_EQ(report["error"]["found"], "4");
    EXPECT_EQ(report["error"]["file"], testPlugin("bad_policy") + " (policies/fixture.json)");
}

TEST(PolicyCheck, RefusesAPluginNeedingASymbolTheHostLacks) {
    auto report = checkJson(testPlugin("missing_import"), 1);
    EXPECT_EQ(failedCheck(report), "loads");
    EXPECT_NE(report["error"]["why"].get<std::string>().find("undefined symbol: inspectonce_function_nobody_exports"),
              std::string::npos) << report["error"];
}

TEST(PolicyCheck, NamesLineAndColumnOfMalformedJson) {
    TempFile file("malformed.json", "{\n  \"schema\": 2,\n  \"county\" \"x\"\n}\n");
    auto report = checkJson(file.path.string(), 1);
    EXPECT_EQ(report["error"]["file"], file.path.string());
    EXPECT_EQ(report["error"]["line"], 3);
    EXPECT_EQ(report["error"]["column"], 14);  // the end of the unexpected "x"
    auto r = run("policy check " + file.path.string());
    EXPECT_NE(r.out.find(file.path.string() + ":3:14: malformed JSON"), std::string::npos) << r.out;
}

TEST(PolicyCheck, NamesTheFieldPathExpectedAndFound) {
    std::string text = templatePolicy();
    text.replace(text.find("\"dekad\": 3"), 10, "\"dekad\": 4");
    TempFile file("dekad.json", text);
    auto report = checkJson(file.path.string(), 1);
    EXPECT_EQ(report["kind"], "parameters");
    EXPECT_EQ(report["error"]["field"], "/blackouts/0/period/dekad");
    EXPECT_EQ(report["error"]["expected"], "an integer from 1 to 3");
    EXPECT_EQ(report["error"]["found"], "4");
    auto r = run("--lang en policy check " + file.path.string());
    EXPECT_NE(r.out.find("    expected: an integer from 1 to 3\n    found:    4\n"), std::string::npos) << r.out;
}

TEST(PolicyCheck, NamesAMissingAndAMisspeltField) {
    std::string text = templatePolicy();
    text.replace(text.find("\"region\""), 8, "\"regoin\"");
    TempFile misspelt("misspelt.json", text);
    auto report = checkJson(misspelt.path.string(), 1);
    EXPECT_EQ(report["error"]["field"], "/");
    EXPECT_EQ(report["error"]["found"], "the field \"regoin\"");

    text = templatePolicy();
    auto at = text.find("      \"clause\": \"000 一(一)\",\n");
    ASSERT_NE(at, std::string::npos);
    text.erase(at, std::string("      \"clause\": \"000 一(一)\",\n").size());
    TempFile missing("missing.json", text);
    report = checkJson(missing.path.string(), 1);
    EXPECT_EQ(report["error"]["field"], "/blackouts/0");
    EXPECT_EQ(report["error"]["expected"], "the field \"clause\"");
}

TEST(PolicyCheck, UnreadableFilesExitWithTwo) {
    auto missing = checkJson("/nonexistent/yunhe.so", 2);
    EXPECT_EQ(missing["status"], "unreadable");
    auto wrongKind = checkJson(INSPECTONCE_SOURCE_DIR "/plugins/template/plugin.c", 2);
    EXPECT_NE(wrongKind["error"]["why"].get<std::string>().find("not a plugin (.so, .wasm) or a parameter file (.json)"),
              std::string::npos);
    auto wasm = checkJson("yunhe.wasm", 2);
    EXPECT_NE(wasm["error"]["why"].get<std::string>().find("check it with the wasm CLI"), std::string::npos);
    EXPECT_EQ(run("policy check").exit, 2);  // FILE is required
}

TEST(PolicyCheck, ChecksEveryFileAndExitsWithTheWorstVerdict) {
    std::string good = INSPECTONCE_SOURCE_DIR "/plugins/template/policy.json";
    auto r = run("policy check --json " + good + " " + testPlugin("wrong_abi") + " " + testPlugin("fixture"));
    EXPECT_EQ(r.exit, 1);
    auto out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["files"].size(), 3u);
    EXPECT_EQ(out["valid"], false);
    EXPECT_EQ(out["files"][0]["status"], "valid");
    EXPECT_EQ(out["files"][1]["status"], "invalid");
    EXPECT_EQ(out["files"][2]["status"], "valid");
    EXPECT_EQ(run("policy check " + good + " /nonexistent.json " + testPlugin("wrong_abi")).exit, 2);
}

TEST(PolicyCheck, AcceptsTheModifiedYunheAndTheFiveCounties) {
    auto modified = checkJson(std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/yunhe-modified/yunhe.so", 0);
    EXPECT_EQ(modified["plugin"]["id"], "yunhe");
    for (const char* id : {"dinghai", "pingyang", "wuxi", "yuancheng", "yunhe"})
        checkJson(std::string(INSPECTONCE_PLUGIN_DIR) + "/" + id + ".so", 0);
}

// The modified Yunhe (quiet period days 11–20) was built into another folder by
// tests/plugins; pointing --plugin-dir at it changes the answer, the CLI untouched.
TEST(AuthorLoop, AModifiedYunheInAnotherFolderChangesTheBlackoutDays) {
    auto original = run("policy blackout --county yunhe --month 2026-11 --json");
    auto modified = run("policy blackout --county yunhe --month 2026-11 --json --plugin-dir " INSPECTONCE_TEST_PLUGIN_DIR
                        "/yunhe-modified");
    ASSERT_EQ(original.exit, 0) << original.err;
    ASSERT_EQ(modified.exit, 0) << modified.err;
    auto days = [](const std::string& out) {
        std::vector<std::string> list;
        auto parsed = nlohmann::json::parse(out);
        for (const auto& d : parsed["days"]) list.push_back(d["date"]);
        return list;
    };
    std::vector<std::string> expected;
    for (int day = 11; day <= 20; ++day) expected.push_back("2026-11-" + std::to_string(day));
    EXPECT_EQ(days(modified.out), expected);
    EXPECT_EQ(days(original.out).front(), "2026-11-21");
    auto list = nlohmann::json::parse(run("policy list --json --plugin-dir " INSPECTONCE_TEST_PLUGIN_DIR "/yunhe-modified").out);
    ASSERT_EQ(list["plugins"].size(), 1u);
    EXPECT_EQ(list["plugins"][0]["file"], INSPECTONCE_TEST_PLUGIN_DIR "/yunhe-modified/yunhe.so");
}

}  // namespace
