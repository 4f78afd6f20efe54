// inspectonce simulate --county ID|all|none --enterprises N --seed S --year Y
//                      [--quiet-days N] [--cap N] [--days] [--happenings N] [--timing]
// A county-year under one county's policy, or under all five, beside the same year under
// no policy (simulate.hpp). The county is generated once, as Yunhe when its plugin is
// loaded (else as the first county), and every policy meets the same year. Progress goes
// to stderr on long runs (from 50 000 enterprises), the figures to stdout.
#include <chrono>
#include <cstdio>

#include "cli.hpp"
#include "inspectonce/simulate.hpp"

namespace inspectonce::cli {
namespace {

struct SimulateArgs {
    std::string county;
    int64_t enterprises = 5000;
    uint64_t seed = 1;
    int year = 0;
    std::optional<int> quietDays;
    std::optional<int> cap;
    bool days = false;
    int happenings = 0;
    bool timing = false;
};

constexpr int64_t kProgressFrom = 50000;

nlohmann::json figuresJson(const simulate::Figures& f) {
    auto rate = [](const std::optional<double>& r) { return r ? nlohmann::json(*r) : nlohmann::json(nullptr); };
    return {{"enterprises", f.enterprises},
            {"plans", f.plans},
            {"visits", f.visits},
            {"visits_per_enterprise", f.visitsPerEnterprise},
            {"most_visits_one_enterprise", f.mostVisitsOneEnterprise},
            {"plans_on_site", f.plansOnSite},
            {"joint_visits", f.jointVisits},
            {"joint_rate", rate(f.jointRate)},
            {"non_site_plans", f.nonSitePlans},
            {"non_site_share", rate(f.nonSiteShare)},
            {"exception_visits", f.exceptionVisits},
            {"blackout_exceptions", f.blackoutExceptions},
            {"refused_plans", f.refusedPlans},
            {"refused_inspections", f.refusedInspections},
            {"demands", f.demands},
            {"demands_on_time", f.demandsOnTime},
            {"demands_on_time_rate", rate(f.demandsOnTimeRate)},
            {"complaints", f.complaints},
            {"complaints_on_time", f.complaintsOnTime},
            {"complaints_on_time_rate", rate(f.complaintsOnTimeRate)},
            {"routed_as_written", f.routedAsWritten},
            {"needs_person", f.needsPerson},
            {"findings", f.findings},
            {"findings_without_penalty", f.findingsWithoutPenalty},
            {"without_penalty_rate", rate(f.withoutPenaltyRate)},
            {"cases", f.cases},
            {"cases_on_time", f.casesOnTime},
            {"cases_open_at_year_end", f.casesOpenAtYearEnd},
            {"cases_escalated", f.casesEscalated},
            {"load_per_department_week", f.loadPerDepartmentWeek},
            {"peak_department_week", f.peakDepartmentWeek},
            {"grade_changes", f.gradeChanges}};
}

nlohmann::json runJson(const simulate::Run& run, const SimulateArgs& a) {
    nlohmann::json out = {{"policy", run.policy},
                          {"name", {{"zh", run.name.zh}, {"en", run.name.en}}},
                          {"what_if", run.whatIf},
                          {"figures", figuresJson(run.figures)}};
    nlohmann::json targets = nlohmann::json::array();
    for (const auto& t : run.targets)
        targets.push_back({{"metric", t.metric},
                           {"min_percent", t.minPercent},
                           {"achieved_percent", t.achievedPercent ? nlohmann::json(*t.achievedPercent) : nlohmann::json(nullptr)},
                           {"clause", t.clause.clause}});
    out["targets"] = targets;
    nlohmann::json load = nlohmann::json::array();
    for (const auto& l : run.load) load.push_back({{"department", l.department}, {"plans", l.plans}, {"peak_week", l.peakWeek}});
    out["load"] = load;
    if (a.days) {
        nlohmann::json days = nlohmann::json::array();
        for (const auto& d : run.days)
            days.push_back({{"date", d.date.iso()}, {"visits", d.visits}, {"joint_visits", d.jointVisits},
                            {"plans_on_site", d.plansOnSite}, {"exception_visits", d.exceptionVisits},
                            {"blackout_exceptions", d.blackoutExceptions}, {"refused", d.refused}, {"demands", d.demands},
                            {"complaints", d.complaints}, {"findings", d.findings}, {"open_cases", d.openCases},
                            {"overdue_cases", d.overdueCases}});
        out["days"] = days;
    }
    if (a.happenings > 0) {
        nlohmann::json list = nlohmann::json::array();
        for (std::size_t i = 0; i < run.happenings.size() && static_cast<int>(i) < a.happenings; ++i) {
            const auto& h = run.happenings[i];
            list.push_back({{"date", h.date.iso()}, {"kind", h.kind}, {"enterprise", h.enterprise}, {"department", h.department},
                            {"text", {{"zh", h.text.zh}, {"en", h.text.en}}}, {"clause", h.clause}});
        }
        out["happenings"] = list;
    }
    return out;
}

void printTable(const std::vector<simulate::Run>& runs, const SimulateArgs& a, const Options& options) {
    bool en = options.lang() == Language::English;
    const simulate::Run& first = runs.front();
    if (en)
        std::cout << a.enterprises << " enterprises, " << a.year << ", seed " << a.seed << " (generated as " << first.generatedAs
                  << "; every policy meets the same year)\n\n";
    else
        std::cout << a.year << " 年，企业 " << a.enterprises << " 家，种子 " << a.seed << "（按 " << first.generatedAs
                  << " 生成；各政策面对同一年）\n\n";
    std::cout << "| " << (en ? "figure" : "指标");
    for (const auto& run : runs) std::cout << " | " << options.say(run.name) << (run.whatIf ? (en ? " (what-if)" : "（假设）") : "");
    std::cout << " |\n|---";
    for (std::size_t i = 0; i < runs.size(); ++i) std::cout << "|---:";
    std::cout << "|\n";
    for (const auto& row : simulate::figureRows(runs)) {
        std::cout << "| " << options.say(row.name);
        for (const auto& value : row.values) std::cout << " | " << value;
        std::cout << " |\n";
    }
    for (const auto& run : runs)
        for (const auto& t : run.targets) {
            std::cout << "\n" << options.say(run.name) << (en ? " target " : " 目标 ") << t.clause.clause << " " << options.say(t.name)
                      << " ≥ " << t.minPercent << "%: ";
            if (!t.achievedPercent) {
                std::cout << (en ? "not measured by the simulation" : "模拟不测量此项");
            } else {
                double gap = *t.achievedPercent - t.minPercent;
                std::cout << simulate::formatPercent(*t.achievedPercent / 100) << (en ? (gap >= 0 ? ", met" : ", short by ") : (gap >= 0 ? "，达标" : "，差 "))
                          << (gap >= 0 ? "" : simulate::formatPercent(-gap / 100));
            }
        }
    std::cout << "\n";
    if (a.happenings > 0)
        for (const auto& run : runs) {
            std::cout << "\n" << options.say(run.name) << (en ? ": what happened\n" : "：大事记\n");
            for (std::size_t i = 0; i < run.happenings.size() && static_cast<int>(i) < a.happenings; ++i) {
                const auto& h = run.happenings[i];
                std::string clause = h.clause.empty() ? "" : en ? " (" + h.clause + ")" : "（" + h.clause + "）";
                std::cout << h.date.iso() << " " << options.say(h.text) << clause << "\n";
            }
        }
}

int simulateYear(const SimulateArgs& a, const Options& options) {
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    std::vector<const LoadedPlugin*> counties;
    if (a.county == "all") {
        for (const auto& plugin : host.plugins()) counties.push_back(&plugin);
        if (counties.empty()) return fail(makeError("--county", "no county plugin is loaded"));
    } else if (a.county != "none") {
        Error unknown;
        const LoadedPlugin* plugin = findCounty(host, a.county, unknown);
        if (!plugin) return fail(unknown);
        counties.push_back(plugin);
    }
    const LoadedPlugin* generatedAs = host.find("yunhe") && a.county == "all" ? host.find("yunhe")
                                      : !counties.empty()                     ? counties.front()
                                      : host.find("yunhe")                    ? host.find("yunhe")
                                                                              : nullptr;
    if (!generatedAs && !host.plugins().empty()) generatedAs = &host.plugins().front();
    if (!generatedAs) return fail(makeError("--county", "no county plugin is loaded to generate the county"));

    simulate::WhatIf whatIf{a.quietDays, a.cap};
    simulate::Options o;
    o.enterprises = a.enterprises;
    o.seed = a.seed;
    o.year = a.year;
    o.county = &generatedAs->policy;
    if (a.enterprises >= kProgressFrom)
        o.progress = [](const std::string& policy, int month) {
            std::fprintf(stderr, month > 12 ? "simulate %s: done\n" : "simulate %s: month %d\n", policy.c_str(), month);
        };

    auto started = std::chrono::steady_clock::now();
    std::string timings;  // per run, for --timing
    auto lap = [&, last = started](const std::string& policy) mutable {
        auto now = std::chrono::steady_clock::now();
        char line[96];
        std::snprintf(line, sizeof line, "%s %.3f s; ", policy.c_str(), std::chrono::duration<double>(now - last).count());
        timings += line;
        last = now;
    };
    std::vector<simulate::Run> runs;
    std::vector<PolicyData> changed;  // kept alive while their runs are made
    changed.reserve(counties.size());
    for (const LoadedPlugin* plugin : counties) {
        const PolicyData* policy = &plugin->policy;
        bool applied = false;
        if (!whatIf.empty()) {
            auto modified = simulate::applyWhatIf(*policy, whatIf);
            // With one county the change must apply; across all, each county takes what it can.
            if (!modified && a.county != "all") return fail(makeError(modified.error().where == "quiet days" ? "--quiet-days" : "--cap", modified.error().why));
            if (modified) {
                changed.push_back(std::move(modified).value());
                policy = &changed.back();
                applied = true;
            }
        }
        auto run = simulate::run(policy, o);
        if (!run) return fail(makeError(run.error().where == "year" ? "--year" : run.error().where, run.error().why));
        runs.push_back(std::move(run).value());
        runs.back().whatIf = applied;
        lap(plugin->id);
    }
    auto none = simulate::run(nullptr, o);
    if (!none) return fail(makeError(none.error().where == "year" ? "--year" : none.error().where, none.error().why));
    runs.push_back(std::move(none).value());
    lap("none");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (options.json) {
        nlohmann::json out = {{"year", a.year}, {"seed", a.seed}, {"enterprises", a.enterprises}, {"generated_as", generatedAs->id}};
        nlohmann::json list = nlohmann::json::array();
        for (const auto& run : runs) list.push_back(runJson(run, a));
        out["runs"] = list;
        printJson(out);
    } else {
        printTable(runs, a, options);
    }
    if (a.timing) std::fprintf(stderr, "simulated %zu county-years in %.3f s (%s)\n", runs.size(), seconds, timings.c_str());
    return kOk;
}

}  // namespace

void addSimulateCommand(CLI::App& app, const Options& options, int& exitCode) {
    auto args = std::make_shared<SimulateArgs>();
    auto* command = app.add_subcommand("simulate", "Simulate a county-year under a county's policy, or all five, beside no policy");
    command->add_option("--county", args->county, "a loaded county id, all (every county side by side) or none")->required();
    command->add_option("--enterprises", args->enterprises, "number of enterprises (default 5000)");
    command->add_option("--seed", args->seed, "seed: the same options give the same year")->required();
    command->add_option("--year", args->year, "the year simulated (the working-day calendar must know it)")->required();
    command->add_option("--quiet-days", args->quietDays, "what if every blackout were the last N days of each month (0: none; 4-21)");
    command->add_option("--cap", args->cap, "what if every on-site cap allowed N inspections a year (1-50)");
    command->add_flag("--days", args->days, "with --json: every day's figures (for charts)");
    command->add_option("--happenings", args->happenings, "list the first N things that happened, each with its clause");
    command->add_flag("--timing", args->timing, "print the time taken on stderr");
    command->callback([args, &options, &exitCode] { exitCode = simulateYear(*args, options); });
}

}  // namespace inspectonce::cli
