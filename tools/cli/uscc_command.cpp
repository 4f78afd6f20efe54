// inspectonce uscc check CODE...
#include "cli.hpp"
#include "inspectonce/uscc.hpp"

namespace inspectonce::cli {
namespace {

int check(const std::vector<std::string>& codes, const Options& options) {
    nlohmann::json results = nlohmann::json::array();
    bool allValid = true;
    for (const auto& code : codes) {
        UsccCheck result = checkUscc(code);
        allValid = allValid && result.valid;
        if (options.json) {
            nlohmann::json issues = nlohmann::json::array();
            for (const auto& issue : result.issues) issues.push_back({{"position", issue.position}, {"why", issue.why}});
            results.push_back({{"code", code}, {"valid", result.valid}, {"issues", issues}});
        } else if (options.lang() == Language::English) {
            std::cout << code << "\t" << (result.valid ? "valid" : "invalid: " + result.summary()) << "\n";
        } else {
            std::cout << code << "\t" << (result.valid ? "有效" : "无效：" + result.summaryZh()) << "\n";
        }
    }
    if (options.json) printJson(results);
    return allValid ? kOk : kNo;
}

}  // namespace

void addUsccCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* uscc = app.add_subcommand("uscc", "统一社会信用代码 (GB 32100-2015)");
    uscc->require_subcommand(1);
    auto codes = std::make_shared<std::vector<std::string>>();
    auto* checkCommand = uscc->add_subcommand("check", "Check credit codes; exit 1 if any is invalid");
    checkCommand->add_option("CODE", *codes, "18-character codes")->required();
    checkCommand->callback([codes, &options, &exitCode] { exitCode = check(*codes, options); });
}

}  // namespace inspectonce::cli
