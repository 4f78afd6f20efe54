// Shared pieces of the `inspectonce` command-line tool. Each command family lives in its
// own file (calendar_command.cpp, uscc_command.cpp, policy_command.cpp) and registers its
// subcommands on the app; the commands format what the core decides, nothing more.
#pragma once

#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "inspectonce/error.hpp"
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

}  // namespace inspectonce::cli
