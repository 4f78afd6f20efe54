// inspectonce bench schedule --county ID --enterprises N [--seed S] [--year Y] [--capacity ample|tight] [--json]
// The scheduling benchmark of issue 4: generates a workspace in memory, schedules it,
// re-validates every visit with the checker, and prints the time of each step, the peak
// memory and the quality figures. The same command runs natively and under Node (wasm), so
// tools/bench can put the two side by side. Times are measurements, never assertions.
#include <algorithm>
#include <chrono>
#include <iomanip>
#include <sstream>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include "cli.hpp"
#include "inspectonce/store.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/schedule.hpp"

namespace inspectonce::cli {
namespace {

struct BenchArgs {
    std::string county = "yunhe", capacity = "ample";
    int64_t enterprises = 10000;
    uint64_t seed = 1;
    int year = 2026;
};

// Peak memory in MiB: the resident set natively, the wasm heap's size under Emscripten
// (it only grows, so its size now is its peak).
double peakMiB() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0);
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
#endif
}

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

int runBench(const BenchArgs& args, const Options& options) {
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error error;
    const LoadedPlugin* plugin = findCounty(host, args.county, error);
    if (!plugin) return fail(error);
    auto capacity = parseCapacityLevel(args.capacity);
    if (!capacity) return fail(makeError("--capacity", capacity.error().why));

    GenerateOptions g;
    g.county = args.county;
    g.enterprises = args.enterprises;
    g.seed = args.seed;
    g.year = args.year;
    g.capacity = *capacity;
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); };

    auto t0 = Clock::now();
    auto workspace = generateWorkspace(g, plugin->policy);
    if (!workspace) return fail(workspace.error());
    double generateSeconds = seconds(t0);

    auto t1 = Clock::now();
    auto result = schedule(*workspace, plugin->policy);
    if (!result) return fail(result.error());
    double scheduleSeconds = seconds(t1);

    auto t2 = Clock::now();
    auto violations = checkSchedule(*workspace, plugin->policy, *result);
    if (!violations) return fail(violations.error());
    double checkSeconds = seconds(t2);

    const auto& f = result->figures;
    int64_t departments = static_cast<int64_t>(workspace->departments.size());
    if (options.json) {
        printJson({{"county", args.county},
                   {"enterprises", args.enterprises},
                   {"departments", departments},
                   {"plans", f.plans},
                   {"plan_items", f.planItems},
                   {"visits", f.visits},
                   {"lower_bound", f.lowerBound},
                   {"ratio", std::stod(fixed(f.ratio, 4))},
                   {"joint_rate", std::stod(fixed(f.jointRate, 3))},
                   {"non_site_share", std::stod(fixed(f.nonSiteShare, 3))},
                   {"refused", static_cast<int64_t>(result->refusals.size())},
                   {"violations", static_cast<int64_t>(violations->size())},
                   {"generate_seconds", std::stod(fixed(generateSeconds, 3))},
                   {"schedule_seconds", std::stod(fixed(scheduleSeconds, 3))},
                   {"check_seconds", std::stod(fixed(checkSeconds, 3))},
                   {"peak_mib", std::stod(fixed(peakMiB(), 1))}});
    } else {
        std::cout << args.county << ": " << args.enterprises << " enterprises, " << departments << " departments, " << f.plans
                  << " plans, " << f.planItems << " plan items\n"
                  << "  generate " << fixed(generateSeconds, 3) << " s, schedule " << fixed(scheduleSeconds, 3) << " s, check "
                  << fixed(checkSeconds, 3) << " s, peak " << fixed(peakMiB(), 1) << " MiB\n"
                  << "  visits " << f.visits << ", lower bound " << f.lowerBound << ", ratio " << fixed(f.ratio, 4)
                  << ", joint rate " << fixed(f.jointRate * 100, 1) << " %, non-site " << fixed(f.nonSiteShare * 100, 1)
                  << " %, refused " << result->refusals.size() << ", checker violations " << violations->size() << "\n";
    }
    return violations->empty() ? kOk : kNo;
}

// "What is due on day D": the store's indexed query (casesDueBy) against reading every case
// and filtering; both must give the same cases.
int runDueBench(const std::string& file, const std::string& dateText, const Options& options) {
    auto day = Date::parse(dateText);
    if (!day) return fail(makeError("--date", day.error().message()));
    auto db = store::Database::open(file, store::Database::Mode::ReadOnly);
    if (!db) return fail(db.error());
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); };
    auto listed = [&](const workflow::Case& item) {
        auto standing = workflow::standingOn(item, *day);
        return standing == workflow::Standing::DueSoon || standing == workflow::Standing::DueToday ||
               standing == workflow::Standing::Overdue || standing == workflow::Standing::Escalated;
    };
    auto t0 = Clock::now();
    auto due = store::casesDueBy(db.value(), *day);
    if (!due) return fail(due.error());
    double indexed = seconds(t0);
    t0 = Clock::now();
    auto all = store::loadCases(db.value());
    if (!all) return fail(all.error());
    std::vector<int64_t> scanned;
    for (const auto& item : *all)
        if (listed(item)) scanned.push_back(item.id);
    double scan = seconds(t0);
    std::vector<int64_t> fromIndex;
    for (const auto& item : *due)
        if (listed(item)) fromIndex.push_back(item.id);
    std::sort(fromIndex.begin(), fromIndex.end());
    bool agree = fromIndex == scanned;
    if (options.json) {
        printJson({{"cases", all->size()}, {"due", fromIndex.size()}, {"indexed_seconds", indexed},
                   {"scan_seconds", scan}, {"agree", agree}});
    } else {
        std::cout << all->size() << " cases, " << fromIndex.size() << " due on " << day->iso() << ": indexed query "
                  << indexed << " s, reading every case " << scan << " s" << (agree ? "" : " — THEY DIFFER") << "\n";
    }
    return agree ? kOk : kNo;
}

}  // namespace

void addBenchCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto args = std::make_shared<BenchArgs>();
    auto* bench = app.add_subcommand("bench", "Benchmarks (figures for the README; see tools/bench)");
    bench->require_subcommand(1);
    auto* schedule = bench->add_subcommand("schedule", "Generate a workspace, schedule it, check every visit; time each step");
    schedule->add_option("--county", args->county, "County plugin id")->capture_default_str();
    schedule->add_option("--enterprises", args->enterprises, "Enterprises to generate")->capture_default_str();
    schedule->add_option("--seed", args->seed, "Generator seed")->capture_default_str();
    schedule->add_option("--year", args->year, "Year")->capture_default_str();
    schedule->add_option("--capacity", args->capacity, "ample or tight")->capture_default_str();
    schedule->callback([args, &options, &exitCode] { exitCode = runBench(*args, options); });

    auto due = bench->add_subcommand("due", "Time the due list of a day: the indexed query against reading every case");
    auto dueArgs = std::make_shared<std::pair<std::string, std::string>>();
    due->add_option("file", dueArgs->first, "a workspace file with cases")->required();
    due->add_option("--date", dueArgs->second, "the day, YYYY-MM-DD")->required();
    due->callback([dueArgs, &options, &exitCode] { exitCode = runDueBench(dueArgs->first, dueArgs->second, options); });
}

}  // namespace inspectonce::cli
