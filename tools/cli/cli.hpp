// Shared pieces of the `inspectonce` command-line tool. Each command family lives in its
// own file (calendar_command.cpp, uscc_command.cpp, policy_command.cpp) and registers its
// subcommands on the app; the commands format what the core decides, nothing more.
#pragma once

#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "inspectonce/error.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::cli {

// Exit status: 0 success, 1 the answer is "no" (invalid, refused, not a working day),
// 2 bad usage or bad input.
enum Exit { kOk = 0, kNo = 1, kBadInput = 2 };

struct Options {
    bool json = false;
    std::string pluginDir;   // --plugin-dir
    std::string language = "zh";

    Language lang() const { return language == "en" ? Language::English : Language::Chinese; }
    const std::string& say(const Text& text) const { return text.in(lang()); }
};

// Reports a bad-input error on stderr and returns kBadInput.
int fail(const Error& error);
// Prints a JSON document (two-space indent, keys sorted: identical native and in wasm).
void printJson(const nlohmann::json& document);

// Each command family adds its subcommands; a command stores its exit status in `exitCode`.
void addCalendarCommands(CLI::App& app, const Options& options, int& exitCode);
void addUsccCommands(CLI::App& app, const Options& options, int& exitCode);
void addPolicyCommands(CLI::App& app, const Options& options, int& exitCode);
void addGenerateCommand(CLI::App& app, const Options& options, int& exitCode);  // generate_command.cpp
void addScheduleCommands(CLI::App& app, const Options& options, int& exitCode);  // schedule_command.cpp: schedule, notices
void addBenchCommands(CLI::App& app, const Options& options, int& exitCode);     // bench_command.cpp
void addClassifyCommands(CLI::App& app, const Options& options, int& exitCode);  // classify_command.cpp
void addDrawCommands(CLI::App& app, const Options& options, int& exitCode);      // draw_command.cpp
void addCodeCommands(CLI::App& app, const Options& options, int& exitCode);      // code_command.cpp
void addGradingCommands(CLI::App& app, const Options& options, int& exitCode);  // grade_command.cpp: grade, finding, penalty
void addExchangeCommands(CLI::App& app, const Options& options, int& exitCode);  // exchange_command.cpp: import, export, workspace
void addAuditCommands(CLI::App& app, const Options& options, int& exitCode);     // audit_command.cpp: audit verify, audit log
// case_command.cpp: case, demand, and finding's open/step/show/list (after addGradingCommands)
void addCaseCommands(CLI::App& app, const Options& options, int& exitCode);
void addReportCommands(CLI::App& app, const Options& options, int& exitCode);    // report_command.cpp: due, report
void addExerciseCommands(CLI::App& app, const Options& options, int& exitCode);  // exercise_command.cpp: list, show, check
void addSimulateCommand(CLI::App& app, const Options& options, int& exitCode);   // simulate_command.cpp
// Subcommands of `policy` in files of their own (decide_command.cpp, policy_test_command.cpp).
void addDecideCommand(CLI::App& policy, const Options& options, int& exitCode);
void addPolicyTestCommand(CLI::App& policy, const Options& options, int& exitCode);

// Shared by the policy commands (policy_command.cpp): the plugin directory (refused files
// reported on stderr unless --json), and a county looked up with an error naming the loaded ones.
Result<PluginHost::DirectoryReport> loadPlugins(PluginHost& host, const Options& options);
const LoadedPlugin* findCounty(const PluginHost& host, const std::string& county, Error& error);
void addPolicyCheckCommand(CLI::App& policy, const Options& options, int& exitCode);  // check_command.cpp

}  // namespace inspectonce::cli
