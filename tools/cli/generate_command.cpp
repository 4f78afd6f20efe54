// inspectonce generate --county ID --enterprises N --seed S --year Y [--out FILE]
//                      [--departments N] [--plans-per-enterprise X] [--planning-date DATE]
//                      [--capacity ample|tight] [--digest]
// Generates a workspace (generate.hpp) and writes it to a new SQLite file; prints what it
// made. Without --out nothing is written (the summary alone, e.g. to time the generator).
#include <cstdio>
#include <filesystem>

#include "cli.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::cli {
namespace {

struct GenerateArgs {
    std::string county;
    int64_t enterprises = 0;
    uint64_t seed = 1;
    int year = 0;
    std::string out;
    int departments = 0;
    double plansPerEnterprise = 0;
    std::string planningDate;
    std::string capacity = "ample";
    bool digest = false;
};

// Removes what a failed save left behind: the file did not exist before.
void removeFile(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

nlohmann::json summaryJson(const WorkspaceSummary& s) {
    return {{"enterprises", s.enterprises},
            {"grades", {{"A", s.byGrade[0]}, {"B", s.byGrade[1]}, {"C", s.byGrade[2]}, {"D", s.byGrade[3]}}},
            {"lists", {{"white-list", s.whiteList}, {"exempt", s.exempt}, {"key-supervision", s.keySupervision},
                       {"serious-dishonesty", s.seriousDishonesty}}},
            {"above_scale", s.aboveScale},
            {"departments", s.departments},
            {"inspectors", s.inspectors},
            {"items", s.items},
            {"plans", s.plans},
            {"plan_items", s.planItems},
            {"exception_plans", s.exceptionPlans},
            {"unfiled_plans", s.unfiledPlans},
            {"non_site_plans", s.nonSitePlans},
            {"surveys", s.surveys},
            {"history", s.history},
            {"events", s.events}};
}

void printText(const Workspace& w, const WorkspaceSummary& s, const GenerateArgs& a, const LoadedPlugin& plugin,
               const std::string& digest, const Options& options) {
    auto n = [](int64_t v) { return std::to_string(v); };
    if (options.lang() == Language::English) {
        std::cout << plugin.policy.name.en << ", " << w.year << " (seed " << a.seed << ", planning date " << w.planningDate.iso()
                  << ", capacity " << a.capacity << ")" << (a.out.empty() ? ": not written\n" : ": written to " + a.out + "\n");
        std::cout << "enterprises " << n(s.enterprises) << ": A " << n(s.byGrade[0]) << ", B " << n(s.byGrade[1]) << ", C "
                  << n(s.byGrade[2]) << ", D " << n(s.byGrade[3]) << "; white list " << n(s.whiteList) << ", exempt "
                  << n(s.exempt) << ", key supervision " << n(s.keySupervision) << ", serious dishonesty "
                  << n(s.seriousDishonesty) << ", above scale " << n(s.aboveScale) << "\n";
        std::cout << "departments " << n(s.departments) << ", inspectors " << n(s.inspectors) << ", items " << n(s.items) << "\n";
        std::cout << "plans " << n(s.plans) << ", plan items " << n(s.planItems) << ", exceptions " << n(s.exceptionPlans)
                  << ", unfiled " << n(s.unfiledPlans) << ", non-site " << n(s.nonSitePlans) << ", surveys " << n(s.surveys)
                  << "\n";
        std::cout << "history " << n(s.history) << ", events " << n(s.events) << "\n";
        if (!digest.empty()) std::cout << "content digest " << digest << "\n";
        return;
    }
    std::cout << plugin.policy.name.zh << w.year << "年工作区（种子 " << a.seed << "，编制日 " << w.planningDate.iso() << "，检力 "
              << (a.capacity == "tight" ? "紧张" : "充足") << "）" << (a.out.empty() ? "：未写入文件\n" : "：已写入 " + a.out + "\n");
    std::cout << "企业 " << n(s.enterprises) << "：A 类 " << n(s.byGrade[0]) << "，B 类 " << n(s.byGrade[1]) << "，C 类 "
              << n(s.byGrade[2]) << "，D 类 " << n(s.byGrade[3]) << "；白名单 " << n(s.whiteList) << "，免检 " << n(s.exempt)
              << "，重点监管 " << n(s.keySupervision) << "，严重失信 " << n(s.seriousDishonesty) << "，规上 " << n(s.aboveScale) << "\n";
    std::cout << "部门 " << n(s.departments) << "，检查人员 " << n(s.inspectors) << "，检查事项 " << n(s.items) << "\n";
    std::cout << "检查计划 " << n(s.plans) << "，计划事项 " << n(s.planItems) << "，例外情形 " << n(s.exceptionPlans) << "，未备案 "
              << n(s.unfiledPlans) << "，非现场 " << n(s.nonSitePlans) << "，调研 " << n(s.surveys) << "\n";
    std::cout << "历史检查 " << n(s.history) << "，企业记录 " << n(s.events) << "\n";
    if (!digest.empty()) std::cout << "内容摘要 " << digest << "\n";
}

int generate(const GenerateArgs& a, const Options& options) {
    GenerateOptions o;
    o.county = a.county;
    o.enterprises = a.enterprises;
    o.seed = a.seed;
    o.year = a.year;
    o.departments = a.departments;
    o.plansPerEnterprise = a.plansPerEnterprise;
    if (!a.planningDate.empty()) {
        auto date = Date::parse(a.planningDate);
        if (!date) return fail(makeError("--planning-date", date.error().message()));
        o.planningDate = *date;
    }
    auto capacity = parseCapacityLevel(a.capacity);
    if (!capacity) return fail(makeError("--capacity", capacity.error().why));
    o.capacity = *capacity;
    if (a.digest && a.out.empty()) return fail(makeError("--digest", "needs --out: the digest is of the file written"));
    std::error_code ec;
    if (!a.out.empty() && std::filesystem::exists(a.out, ec))
        return fail(makeError("--out", a.out + " already exists: a workspace is written to a new file"));

    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, a.county, unknown);
    if (!plugin) return fail(unknown);

    auto workspace = generateWorkspace(o, plugin->policy);
    if (!workspace) {
        const Error& e = workspace.error();
        bool option = e.where.find(' ') == std::string::npos;  // "year", "departments" …: name the option
        return fail(option ? makeError("--" + e.where, e.why) : e);
    }
    std::string digest;
    if (!a.out.empty()) {
        Status saved = store::saveWorkspace(*workspace, a.out);
        if (!saved) {
            removeFile(a.out);
            return fail(saved.error());
        }
        if (a.digest) {
            auto d = workspaceFileDigest(a.out);
            if (!d) return fail(d.error());
            digest = *d;
        }
    }
    WorkspaceSummary s = summarize(*workspace);
    if (options.json) {
        nlohmann::json out = summaryJson(s);
        out["county"] = a.county;
        out["year"] = workspace->year;
        out["seed"] = a.seed;
        out["planning_date"] = workspace->planningDate.iso();
        out["capacity"] = a.capacity;
        out["written"] = !a.out.empty();
        if (!digest.empty()) out["digest"] = digest;
        printJson(out);
    } else {
        printText(*workspace, s, a, *plugin, digest, options);
    }
    return kOk;
}

}  // namespace

void addGenerateCommand(CLI::App& app, const Options& options, int& exitCode) {
    auto args = std::make_shared<GenerateArgs>();
    auto* command = app.add_subcommand("generate", "Generate a realistic workspace (enterprises, departments, plans) into a new file");
    command->add_option("--county", args->county, "county id of a loaded plugin, e.g. yunhe")->required();
    command->add_option("--enterprises", args->enterprises, "number of enterprises (400000: the city-scale benchmark)")->required();
    command->add_option("--seed", args->seed, "seed: the same options give the same workspace")->required();
    command->add_option("--year", args->year, "the year planned (the working-day calendar must know it)")->required();
    command->add_option("--out", args->out, "the new workspace file (SQLite); without it nothing is written");
    command->add_option("--departments", args->departments, "1-21: a county's bureaus; 22-82: a city's three levels (default 16, or 60 from 100000 enterprises)");
    command->add_option("--plans-per-enterprise", args->plansPerEnterprise, "mean plans per enterprise (default 2.35)");
    command->add_option("--planning-date", args->planningDate, "YYYY-MM-DD (default: the last working day of the year before)");
    command->add_option("--capacity", args->capacity, "inspectors a department sends a day: ample (never binding) or tight (its roster)")
        ->check(CLI::IsMember({"ample", "tight"}));
    command->add_flag("--digest", args->digest, "print the BLAKE2b of the written file's content (compares two runs)");
    command->callback([args, &options, &exitCode] { exitCode = generate(*args, options); });
}

}  // namespace inspectonce::cli
