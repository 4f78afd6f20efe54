// inspectonce policy check FILE... — what a policy author runs before shipping a file:
//   a plugin (.so natively, .wasm in the wasm CLI) is loaded by the real PluginHost and
//   every check the host applies is reported, passed or failed;
//   a parameter file (.json) is read by the real PolicyData::fromJson.
// Errors name the file, the field (JSON pointer) or line:column, what was expected and
// what was found. Exit status: 0 all valid, 1 any invalid, 2 any unreadable.
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

#include "cli.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/policy.hpp"

namespace inspectonce::cli {
namespace {

enum class Kind { Plugin, Parameters };
enum class Verdict { Valid = kOk, Invalid = kNo, Unreadable = kBadInput };

struct CheckLine {
    PluginCheck check;
    enum class Outcome { Passed, Failed, NotReached } outcome;
};

struct Summary {
    std::string id, version, hook;
    unsigned abi = 0;
    Text name;
    std::string document;
    std::size_t blackouts = 0;
    std::vector<std::string> workflows;  // ids, in file order
};

struct FileReport {
    std::string file;
    Kind kind = Kind::Parameters;
    Verdict verdict = Verdict::Valid;
    std::optional<Error> error;
    std::vector<CheckLine> checks;     // plugins only
    std::optional<Summary> summary;    // when valid
};

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::string> readWhole(const std::string& path) {
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Summary summarise(const PolicyData& policy) {
    Summary s;
    s.id = policy.county;
    s.name = policy.name;
    s.document = policy.document.seed + " " + policy.document.file;
    s.blackouts = policy.blackouts.size();
    for (const auto& w : policy.workflows) s.workflows.push_back(w.id);
    return s;
}

FileReport checkParameters(const std::string& path) {
    FileReport report;
    report.file = path;
    auto text = readWhole(path);
    if (!text) {
        report.verdict = Verdict::Unreadable;
        report.error = makeError(path, "cannot read the file");
        return report;
    }
    auto policy = PolicyData::fromJson(*text, path);
    if (!policy) {
        report.verdict = Verdict::Invalid;
        report.error = policy.error();
        return report;
    }
    report.summary = summarise(*policy);
    return report;
}

FileReport checkPlugin(const std::string& path) {
    FileReport report;
    report.file = path;
    report.kind = Kind::Plugin;
    std::string_view other = PluginHost::pluginSuffix() == ".so" ? ".wasm" : ".so";
    if (endsWith(path, other)) {
        report.verdict = Verdict::Unreadable;
        report.error = makeError(path, other == ".wasm"
            ? "a WebAssembly plugin: check it with the wasm CLI (node build/wasm/bin/inspectonce.js policy check FILE)"
            : "a native plugin: check it with the native CLI (build/native/bin/inspectonce policy check FILE)");
        return report;
    }
    if (!readWhole(path)) {
        report.verdict = Verdict::Unreadable;
        report.error = makeError(path, "cannot read the file");
        return report;
    }
    PluginHost host;
    PluginCheck failed = PluginCheck::File;
    auto loaded = host.load(path, nullptr, &failed);
    bool reached = true;
    for (PluginCheck check : pluginChecks()) {
        auto outcome = CheckLine::Outcome::Passed;
        if (!loaded && check == failed) outcome = CheckLine::Outcome::Failed;
        else if (!reached) outcome = CheckLine::Outcome::NotReached;
        if (!loaded && check == failed) reached = false;
        report.checks.push_back({check, outcome});
    }
    if (!loaded) {
        report.verdict = Verdict::Invalid;
        report.error = loaded.error();
        return report;
    }
    const LoadedPlugin& plugin = **loaded;
    report.summary = summarise(plugin.policy);
    report.summary->version = plugin.version;
    report.summary->abi = plugin.abiVersion;
    report.summary->hook = plugin.hasHook() ? "yes" : "none";
    return report;
}

FileReport checkFile(const std::string& path) {
    if (endsWith(path, ".json")) return checkParameters(path);
    if (endsWith(path, ".so") || endsWith(path, ".wasm")) return checkPlugin(path);
    FileReport report;
    report.file = path;
    report.verdict = Verdict::Unreadable;
    report.error = makeError(path, "not a plugin (.so, .wasm) or a parameter file (.json)");
    return report;
}

// Splits an error into the parts an author looks for: the file, the field (a JSON pointer)
// or line and column, what was expected and what was found.
nlohmann::json errorJson(const Error& error) {
    nlohmann::json out{{"where", error.where}, {"why", error.why}, {"message", error.message()}};
    std::string file = error.where;
    if (auto at = error.where.rfind(" at /"); at != std::string::npos) {
        file = error.where.substr(0, at);
        out["field"] = error.where.substr(at + 4);
    } else if (error.why.rfind("malformed JSON", 0) == 0) {
        auto lastColon = error.where.rfind(':');
        auto firstColon = lastColon == std::string::npos ? lastColon : error.where.rfind(':', lastColon - 1);
        if (firstColon != std::string::npos) {
            file = error.where.substr(0, firstColon);
            out["line"] = std::stoi(error.where.substr(firstColon + 1, lastColon - firstColon - 1));
            out["column"] = std::stoi(error.where.substr(lastColon + 1));
        }
    }
    out["file"] = file;
    const std::string& why = error.why;
    if (why.rfind("expected ", 0) == 0) {
        if (auto found = why.rfind(", found "); found != std::string::npos) {
            out["expected"] = why.substr(9, found - 9);
            out["found"] = why.substr(found + 8);
        }
    } else if (why.rfind("missing required field ", 0) == 0) {
        out["expected"] = "the field " + why.substr(23);
        out["found"] = "nothing";
    } else if (why.rfind("unknown field ", 0) == 0) {
        auto open = why.find(" (allowed: ");
        if (open != std::string::npos) {
            out["expected"] = "one of " + why.substr(open + 11, why.size() - open - 12);
            out["found"] = "the field " + why.substr(14, open - 14);
        }
    }
    return out;
}

const char* verdictName(Verdict verdict) {
    switch (verdict) {
        case Verdict::Valid: return "valid";
        case Verdict::Invalid: return "invalid";
        case Verdict::Unreadable: return "unreadable";
    }
    return "?";
}

const char* outcomeName(CheckLine::Outcome outcome) {
    switch (outcome) {
        case CheckLine::Outcome::Passed: return "passed";
        case CheckLine::Outcome::Failed: return "failed";
        case CheckLine::Outcome::NotReached: return "not reached";
    }
    return "?";
}

nlohmann::json reportJson(const FileReport& r) {
    nlohmann::json out{{"file", r.file},
                       {"kind", r.kind == Kind::Plugin ? "plugin" : "parameters"},
                       {"status", verdictName(r.verdict)},
                       {"valid", r.verdict == Verdict::Valid}};
    if (r.kind == Kind::Plugin && !r.checks.empty()) {
        nlohmann::json checks = nlohmann::json::array();
        for (const auto& line : r.checks) {
            Text text = describePluginCheck(line.check);
            nlohmann::json check{{"check", pluginCheckName(line.check)},
                                 {"description", {{"zh", text.zh}, {"en", text.en}}},
                                 {"outcome", outcomeName(line.outcome)}};
            if (line.outcome == CheckLine::Outcome::Failed && r.error) check["error"] = r.error->why;
            checks.push_back(check);
        }
        out["checks"] = checks;
    }
    if (r.error) out["error"] = errorJson(*r.error);
    if (r.summary) {
        const Summary& s = *r.summary;
        nlohmann::json county{{"id", s.id}, {"name", {{"zh", s.name.zh}, {"en", s.name.en}}},
                              {"document", s.document}, {"blackouts", s.blackouts},
                              {"workflows", s.workflows}};
        out["county"] = county;
        if (r.kind == Kind::Plugin)
            out["plugin"] = {{"id", s.id}, {"version", s.version}, {"abi_version", s.abi}, {"hook", s.hook != "none"}};
    }
    return out;
}

void printText(const FileReport& r, const Options& options) {
    bool en = options.lang() == Language::English;
    const char* what = r.kind == Kind::Plugin ? (en ? "plugin" : "插件") : (en ? "parameter file" : "参数文件");
    std::cout << r.file << ": ";
    if (r.verdict == Verdict::Valid) {
        const Summary& s = *r.summary;
        std::cout << (en ? "valid " : "有效") << what << " " << s.id;
        if (r.kind == Kind::Plugin) std::cout << " v" << s.version << " (ABI " << s.abi << ")";
        std::cout << "\n";
    } else if (r.verdict == Verdict::Invalid) {
        std::cout << (en ? "invalid " : "无效") << what << "\n";
    } else {
        std::cout << (en ? "unreadable: " : "无法读取：") << r.error->why << "\n";
        return;
    }
    for (const auto& line : r.checks) {
        const char* mark = line.outcome == CheckLine::Outcome::Passed   ? "  ok    "
                           : line.outcome == CheckLine::Outcome::Failed ? "  FAIL  "
                                                                        : "  --    ";
        std::cout << mark << pluginCheckName(line.check) << ": " << options.say(describePluginCheck(line.check));
        if (line.outcome == CheckLine::Outcome::NotReached) std::cout << (en ? " (not reached)" : "（未检查）");
        std::cout << "\n";
    }
    if (r.error) {
        std::cout << "  " << (en ? "error: " : "错误：") << r.error->message() << "\n";
        auto parts = errorJson(*r.error);
        if (parts.contains("expected"))
            std::cout << "    " << (en ? "expected: " : "应为：") << parts["expected"].get<std::string>() << "\n"
                      << "    " << (en ? "found:    " : "实为：") << parts["found"].get<std::string>() << "\n";
    }
    if (r.summary) {
        const Summary& s = *r.summary;
        std::cout << "  " << options.say(s.name) << " · " << (en ? "document " : "文件 ") << s.document << " · "
                  << s.blackouts << (en ? " blackout rule(s)" : " 条禁止检查期规则");
        if (!s.workflows.empty()) {
            std::cout << " · " << (en ? "workflows: " : "流程：");
            for (std::size_t i = 0; i < s.workflows.size(); ++i) std::cout << (i ? ", " : "") << s.workflows[i];
        }
        if (r.kind == Kind::Plugin) std::cout << " · hook: " << s.hook;
        std::cout << "\n";
    }
}

int check(const std::vector<std::string>& files, const Options& options) {
    std::vector<FileReport> reports;
    int exit = kOk;
    for (const auto& file : files) {
        reports.push_back(checkFile(file));
        exit = std::max(exit, static_cast<int>(reports.back().verdict));
    }
    if (options.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& r : reports) list.push_back(reportJson(r));
        printJson({{"files", list}, {"valid", exit == kOk}});
        return exit;
    }
    for (const auto& r : reports) printText(r, options);
    return exit;
}

}  // namespace

void addPolicyCheckCommand(CLI::App& policy, const Options& options, int& exitCode) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto* command = policy.add_subcommand(
        "check", "Validate plugin files (" + std::string(PluginHost::pluginSuffix()) +
                     ") and parameter files (.json): every check, with precise errors");
    command->add_option("FILE", *files, "plugin or parameter files")->required();
    command->callback([files, &options, &exitCode] { exitCode = check(*files, options); });
}

}  // namespace inspectonce::cli
