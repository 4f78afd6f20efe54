// inspectonce grade FILE [--enterprise USCC]                         grades a workspace's enterprises
// inspectonce finding assess --county ID [--facts F,…] [--area A]… [--text T]   a finding's severity
// inspectonce penalty decide --county ID [--facts F,…] [--area A]… [--matter M] a penalty decision
// Every answer is printed with its clauses (text) or as JSON (--json). Exit 0 on an answer,
// 2 on bad input (an unknown fact names the ones the county accepts).
#include "cli.hpp"
#include "inspectonce/grading.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::cli {
namespace {

struct CountyArgs {
    std::string county, text, matter, file, enterprise;
    std::vector<std::string> facts, areas;
    bool textGiven = false;
};

// Loads the plugins and finds the county (the plugin's parameter file holds its rules).
template <class Run>
int withCounty(const std::string& county, const Options& options, Run run) {
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, county, unknown);
    if (!plugin) return fail(unknown);
    return run(plugin->policy);
}

std::string idsWithLabels(const std::vector<std::pair<std::string, Text>>& named) {
    std::string out;
    for (const auto& [id, text] : named) out += (out.empty() ? "" : ", ") + id + " " + text.zh;
    return out;
}

// The --help footer: every loaded county's facts, areas and matters, read from its plugin.
std::string acceptedFooter(const Options& options, bool penalties) {
    Options quiet = options;
    quiet.json = true;  // refused plugins are not this help's business
    PluginHost host;
    auto report = loadPlugins(host, quiet);
    if (!report) return "Facts: the county's own (no plugins loaded: " + report.error().message() + ")";
    std::string out = "Facts, areas and matters each county accepts (its document's words):\n";
    for (const auto& plugin : host.plugins()) {
        const PolicyData& policy = plugin.policy;
        auto facts = penalties ? penaltyFacts(policy) : findingFacts(policy);
        out += "  " + plugin.id + ": facts: " + (facts.empty() ? "none" : idsWithLabels(facts)) + "\n";
        auto areas = excludedAreas(policy);
        if (!areas.empty()) out += "    areas: " + idsWithLabels(areas) + "\n";
        auto matters = penaltyMatters(policy);
        if (penalties && !matters.empty()) out += "    matters: " + idsWithLabels(matters) + "\n";
    }
    return out;
}

int assess(const CountyArgs& a, const Options& options) {
    return withCounty(a.county, options, [&](const PolicyData& policy) {
        FindingFacts facts{a.facts, a.areas, std::nullopt};
        if (a.textGiven) facts.text = a.text;
        auto assessment = assessFinding(policy, facts);
        if (!assessment) return fail(assessment.error());
        if (options.json) printJson(toJson(*assessment));
        else std::cout << describe(*assessment, policy, options.lang());
        return int(kOk);
    });
}

int decide(const CountyArgs& a, const Options& options) {
    return withCounty(a.county, options, [&](const PolicyData& policy) {
        auto decision = decidePenalty(policy, {a.facts, a.areas, a.matter});
        if (!decision) return fail(decision.error());
        if (options.json) printJson(toJson(*decision));
        else std::cout << describe(*decision, policy, options.lang());
        return int(kOk);
    });
}

int grade(const CountyArgs& a, const Options& options) {
    if (!a.enterprise.empty()) {
        auto code = Uscc::parse(a.enterprise);
        if (!code) return fail(makeError("--enterprise", code.error().message()));
    }
    auto workspace = store::loadWorkspace(a.file);
    if (!workspace) return fail(workspace.error());
    return withCounty(workspace->county, options, [&](const PolicyData& policy) {
        auto gradings = gradeWorkspace(policy, *workspace, a.enterprise);
        if (!gradings) return fail(gradings.error());
        if (options.json) {
            nlohmann::json enterprises = nlohmann::json::array();
            for (const auto& g : *gradings) enterprises.push_back(toJson(g));
            printJson({{"county", workspace->county}, {"year", workspace->year}, {"enterprises", enterprises}});
        } else {
            bool first = true;
            for (const auto& g : *gradings) {
                if (!first) std::cout << "\n";
                first = false;
                std::cout << describe(g, policy, options.lang());
            }
        }
        return int(kOk);
    });
}

void addFactOptions(CLI::App& c, CountyArgs& a) {
    c.add_option("--county", a.county, "county id, e.g. dinghai")->required();
    c.add_option("--facts", a.facts, "facts established, comma-separated (the county's ids: see below)")->delimiter(',');
    c.add_option("--area", a.areas, "an excluded area the finding touches (附则); repeatable")->delimiter(',');
}

}  // namespace

void addGradingCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto a = std::make_shared<CountyArgs>();

    auto* finding = app.add_subcommand("finding", "Findings of inspections: how serious, and what follows");
    finding->require_subcommand(1);
    auto* assessCommand = finding->add_subcommand("assess", "Grade a finding from its facts (轻微/一般/突出, or outside the mechanism), with clauses");
    addFactOptions(*assessCommand, *a);
    assessCommand->add_option("--text", a->text, "the finding as written: used only to flag an excluded area not given");
    assessCommand->footer([&options] { return acceptedFooter(options, false); });
    assessCommand->callback([a, &options, &exitCode, assessCommand] {
        a->textGiven = assessCommand->count("--text") > 0;
        exitCode = assess(*a, options);
    });

    auto* penalty = app.add_subcommand("penalty", "Penalties: none, reduced, lighter or by law, with the procedure and clauses");
    penalty->require_subcommand(1);
    auto* decideCommand = penalty->add_subcommand("decide", "Decide the penalty for a violation from its facts (首违不罚, 三张清单, 预警整改)");
    addFactOptions(*decideCommand, *a);
    decideCommand->add_option("--matter", a->matter, "the matter (事项) on the county's lists, e.g. license-not-displayed");
    decideCommand->footer([&options] { return acceptedFooter(options, true); });
    decideCommand->callback([a, &options, &exitCode] { exitCode = decide(*a, options); });

    auto* gradeCommand = app.add_subcommand("grade", "Grade a workspace's enterprises (画像 A/B/C/D, 白名单, 信用风险分类), with clauses");
    gradeCommand->add_option("FILE", a->file, "a workspace file (SQLite); its county decides the rules")->required();
    gradeCommand->add_option("--enterprise", a->enterprise, "only this enterprise (统一社会信用代码)");
    gradeCommand->callback([a, &options, &exitCode] { exitCode = grade(*a, options); });
}

}  // namespace inspectonce::cli
