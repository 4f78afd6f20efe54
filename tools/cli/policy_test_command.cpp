// inspectonce policy test [--county ID] [--dir DIR]
// Runs the policy test cases (policies/tests/<county>/*.json) through the loaded plugins and
// reports each failure with its file and case name. Exit 1 on any failure, 2 on bad input.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "cli.hpp"
#include "inspectonce/policy_tests.hpp"

namespace inspectonce::cli {
namespace {

#ifndef INSPECTONCE_POLICY_TESTS_DIR
#define INSPECTONCE_POLICY_TESTS_DIR "policies/tests"
#endif

bool isDirectory(const std::string& path) {
    struct stat info{};
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// Names in `directory` (sorted), keeping directories or files ending in `suffix`.
Result<std::vector<std::string>> listDirectory(const std::string& directory, bool directories, const std::string& suffix) {
    DIR* dir = opendir(directory.c_str());
    if (!dir) return makeError(directory, "directory not found or not readable");
    std::vector<std::string> names;
    while (dirent* entry = readdir(dir)) {
        std::string name = entry->d_name;
        if (name.empty() || name[0] == '.') continue;
        bool isDir = isDirectory(directory + "/" + name);
        if (directories ? isDir : (!isDir && name.size() > suffix.size() &&
                                   name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0))
            names.push_back(name);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

int run(const std::string& county, const std::string& dirFlag, const Options& options) {
    std::string root = dirFlag.empty() ? INSPECTONCE_POLICY_TESTS_DIR : dirFlag;
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    std::vector<std::string> counties;
    if (!county.empty()) {
        Error unknown;
        if (!findCounty(host, county, unknown)) return fail(unknown);
        if (!isDirectory(root + "/" + county)) return fail(makeError(root + "/" + county, "no policy tests for this county"));
        counties.push_back(county);
    } else {
        auto dirs = listDirectory(root, true, "");
        if (!dirs) return fail(dirs.error());
        counties = dirs.value();
    }
    auto find = [&host](const std::string& id) { return host.find(id); };
    std::vector<PolicyTestResult> results;
    for (const auto& c : counties) {
        auto files = listDirectory(root + "/" + c, false, ".json");
        if (!files) return fail(files.error());
        for (const auto& file : files.value()) {
            std::ifstream in(root + "/" + c + "/" + file, std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            auto ran = runPolicyTests(text, c + "/" + file, find);
            if (!ran) return fail(ran.error());
            for (auto& r : ran.value()) results.push_back(std::move(r));
        }
    }
    int passed = 0, failed = 0;
    for (const auto& r : results) (r.passed() ? passed : failed)++;
    if (options.json) {
        nlohmann::json cases = nlohmann::json::array();
        for (const auto& r : results)
            cases.push_back({{"file", r.file}, {"county", r.county}, {"name", r.name}, {"covers", r.covers},
                             {"passed", r.passed()}, {"failures", r.failures}});
        printJson({{"cases", cases}, {"passed", passed}, {"failed", failed}});
    } else {
        for (const auto& r : results) {
            if (r.passed()) continue;
            std::cout << "FAIL " << r.file << ": " << r.name << "\n";
            for (const auto& f : r.failures) std::cout << "    " << f << "\n";
        }
        bool en = options.lang() == Language::English;
        std::cout << (en ? "policy tests: " : "政策测试：") << passed << (en ? " passed, " : " 通过，") << failed
                  << (en ? " failed" : " 失败") << "\n";
    }
    return failed == 0 ? kOk : kNo;
}

}  // namespace

void addPolicyTestCommand(CLI::App& policy, const Options& options, int& exitCode) {
    struct Args { std::string county, dir; };
    auto a = std::make_shared<Args>();
    auto* c = policy.add_subcommand("test", "Run the policy test cases through the loaded plugins");
    c->add_option("--county", a->county, "only this county's cases");
    c->add_option("--dir", a->dir, "the policy tests directory (default: the source tree's policies/tests)");
    c->callback([a, &options, &exitCode] { exitCode = run(a->county, a->dir, options); });
}

}  // namespace inspectonce::cli
