// inspectonce policy list | blackout --county ID --month YYYY-MM
#include <unistd.h>

#include "cli.hpp"
#include "inspectonce/calendar_names.hpp"
#include "inspectonce/plugin_host.hpp"

namespace inspectonce::cli {

// Natively: <dir of the executable>/../plugins, where the build puts them. The wasm CLI
// has no executable path; the build compiles its plugin folder in.
static std::string defaultPluginDirectory() {
#ifdef INSPECTONCE_DEFAULT_PLUGIN_DIR
    return INSPECTONCE_DEFAULT_PLUGIN_DIR;
#else
    char buffer[4096];
    ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0) return "plugins";
    std::string exe(buffer, static_cast<std::size_t>(length));
    std::string dir = exe.substr(0, exe.rfind('/'));
    return dir.substr(0, dir.rfind('/')) + "/plugins";
#endif
}

std::string pluginDirectory(const Options& options) {
    return resolvePluginDirectory(options.pluginDir, defaultPluginDirectory());
}

// Loads the plugin directory; refused files are reported on stderr, never fatal.
Result<PluginHost::DirectoryReport> loadPlugins(PluginHost& host, const Options& options) {
    auto report = host.loadDirectory(pluginDirectory(options));
    if (report && !options.json)
        for (const auto& error : report->refused) std::cerr << "inspectonce: refused plugin " << error.message() << "\n";
    return report;
}

const LoadedPlugin* findCounty(const PluginHost& host, const std::string& county, Error& error) {
    if (const LoadedPlugin* plugin = host.find(county)) return plugin;
    std::string known;
    for (const auto& p : host.plugins()) known += (known.empty() ? "" : ", ") + p.id;
    error = makeError("--county", "unknown county \"" + county + "\" (loaded: " + (known.empty() ? "none" : known) + ")");
    return nullptr;
}

namespace {

nlohmann::json textJson(const Text& text) { return {{"zh", text.zh}, {"en", text.en}}; }

int list(const Options& options) {
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    if (options.json) {
        nlohmann::json plugins = nlohmann::json::array();
        for (const auto& p : host.plugins())
            plugins.push_back({{"id", p.id}, {"name", textJson(p.policy.name)}, {"version", p.version},
                               {"abi_version", p.abiVersion}, {"file", p.file},
                               {"document", {{"seed", p.policy.document.seed}, {"file", p.policy.document.file},
                                             {"number", p.policy.document.number},
                                             {"title", textJson(p.policy.document.title)}}}});
        nlohmann::json refused = nlohmann::json::array();
        for (const auto& e : report->refused) refused.push_back({{"where", e.where}, {"why", e.why}});
        printJson({{"plugins", plugins}, {"refused", refused}});
        return kOk;
    }
    for (const auto& p : host.plugins()) {
        std::cout << p.id << "\t" << p.policy.name.zh << "\t" << p.policy.name.en << "\tv" << p.version << "\tABI "
                  << p.abiVersion << "\t" << p.file << "\n";
    }
    // Where they came from, on stderr so stdout stays one plugin per line: a county missing
    // from the list is then explained by the folder it was not in.
    std::string count = std::to_string(host.plugins().size());
    if (options.lang() == Language::English) std::cerr << "inspectonce: " << count << " plugin(s) loaded from " << pluginDirectory(options) << "\n";
    else std::cerr << "inspectonce: 从 " << pluginDirectory(options) << " 加载了 " << count << " 个插件\n";
    return kOk;
}

int blackout(const std::string& county, const std::string& monthText, const Options& options) {
    auto month = YearMonth::parse(monthText);
    if (!month) return fail(makeError("--month", month.error().message()));
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, county, unknown);
    if (!plugin) return fail(unknown);
    auto days = blackoutDays(plugin->policy, *month);
    if (!days) return fail(days.error());

    if (options.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& d : days->days)
            list.push_back({{"date", d.day.date.iso()}, {"weekday", weekdayName(d.day.date.weekday()).en},
                            {"day_kind", dayKindName(d.day.kind).en}, {"rule", d.rule->id},
                            {"name", textJson(d.rule->name)}, {"clause", d.rule->clause.text()}});
        nlohmann::json out{{"county", county}, {"month", month->iso()}, {"days", list}};
        if (days->note) out["note"] = textJson(*days->note);
        printJson(out);
        return kOk;
    }
    std::cout << options.say(plugin->policy.name) << " " << month->iso() << "\n";
    for (const auto& d : days->days) {
        std::cout << d.day.date.iso() << "\t" << options.say(weekdayName(d.day.date.weekday())) << "\t"
                  << options.say(dayKindName(d.day.kind)) << "\t" << options.say(d.rule->name) << "\t"
                  << d.rule->clause.text() << "\n";
    }
    if (days->days.empty()) {
        if (days->note) std::cout << options.say(*days->note) << "\n";
        else std::cout << (options.lang() == Language::English ? "no blackout days\n" : "无禁止检查日\n");
    }
    return kOk;
}

}  // namespace

void addPolicyCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* policy = app.add_subcommand("policy", "County policy plugins");
    policy->require_subcommand(1);

    auto* listCommand = policy->add_subcommand("list", "The loaded county plugins");
    listCommand->callback([&options, &exitCode] { exitCode = list(options); });

    struct BlackoutArgs { std::string county, month; };
    auto args = std::make_shared<BlackoutArgs>();
    auto* blackoutCommand = policy->add_subcommand("blackout", "A county's blackout days in a month, with their clause");
    blackoutCommand->add_option("--county", args->county, "county id, e.g. yunhe")->required();
    blackoutCommand->add_option("--month", args->month, "YYYY-MM")->required();
    blackoutCommand->callback([args, &options, &exitCode] { exitCode = blackout(args->county, args->month, options); });

    addDecideCommand(*policy, options, exitCode);
    addPolicyTestCommand(*policy, options, exitCode);
}

}  // namespace inspectonce::cli
