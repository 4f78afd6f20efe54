// inspectonce — headless access to the InspectOnce core.
#include "cli.hpp"

namespace inspectonce::cli {

int fail(const Error& error) {
    std::cerr << "inspectonce: " << error.message() << "\n";
    return kBadInput;
}

void printJson(const nlohmann::json& document) { std::cout << document.dump(2) << "\n"; }

}  // namespace inspectonce::cli

int main(int argc, char** argv) {
    using namespace inspectonce::cli;
    CLI::App app{"InspectOnce: county policies on inspecting enterprises, decided and cited"};
    app.name("inspectonce");
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the subcommand: `inspectonce policy list --json`

    Options options;
    app.add_flag("--json", options.json, "Print JSON instead of text");
    app.add_option("--plugin-dir", options.pluginDir,
                   "Where county plugins are loaded from (default: $INSPECTONCE_PLUGIN_DIR, else the build's plugins/)");
    app.add_option("--lang", options.language, "Language of text output: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->envname("INSPECTONCE_LANG");

    int exitCode = kOk;
    addCalendarCommands(app, options, exitCode);
    addUsccCommands(app, options, exitCode);
    addPolicyCommands(app, options, exitCode);
    addPolicyCheckCommand(*app.get_subcommand("policy"), options, exitCode);
    addGenerateCommand(app, options, exitCode);
    addSimulateCommand(app, options, exitCode);
    addScheduleCommands(app, options, exitCode);
    addBenchCommands(app, options, exitCode);
    addClassifyCommands(app, options, exitCode);
    addDrawCommands(app, options, exitCode);
    addCodeCommands(app, options, exitCode);
    addGradingCommands(app, options, exitCode);
    addExchangeCommands(app, options, exitCode);
    addAuditCommands(app, options, exitCode);
    addCaseCommands(app, options, exitCode);
    addReportCommands(app, options, exitCode);
    addExerciseCommands(app, options, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? kOk : kBadInput;
    }
    return exitCode;
}
