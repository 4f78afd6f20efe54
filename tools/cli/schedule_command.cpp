// inspectonce schedule FILE [--save] [--check] [--refusals] [--visits] [--json]
// inspectonce notices FILE --enterprise USCC [--json]
// Schedules a workspace's plans under its county's policy and reports the figures of
// issue 4: plans, visits, the exact lower bound, the joint-inspection rate, the non-site
// share and the refusals by clause. Exit 0 scheduled, 1 the checker found a violation,
// 2 bad input.
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "cli.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::cli {
namespace {

struct ScheduleArgs {
    std::string file, enterprise;
    bool save = false, check = false, refusals = false, visits = false;
};

std::string percent(double share) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << share * 100 << "%";
    return out.str();
}

std::string fixed3(double value) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << value;
    return out.str();
}

// The workspace and its county's plugin, or the error that stops the command.
struct Loaded {
    Workspace workspace;
    const LoadedPlugin* plugin = nullptr;
};

Result<Loaded> loadWith(PluginHost& host, const Options& options, const std::string& file) {
    IO_TRY(workspace, store::loadWorkspace(file));
    IO_TRY(report, loadPlugins(host, options));
    (void)report;
    Error error;
    const LoadedPlugin* plugin = findCounty(host, workspace.county, error);
    if (!plugin) return makeError(file, error.message());
    return Loaded{std::move(workspace), plugin};
}

nlohmann::json figuresJson(const ScheduleFigures& f) {
    nlohmann::json refused = nlohmann::json::object();
    for (const auto& [clause, n] : f.refusedByClause) refused[clause] = n;
    return {{"plans", f.plans},
            {"plan_items", f.planItems},
            {"on_site_plans", f.onSitePlans},
            {"scheduled_plans", f.scheduledPlans},
            {"visits", f.visits},
            {"lower_bound", f.lowerBound},
            {"ratio", std::stod(fixed3(f.ratio))},
            {"joint_visits", f.jointVisits},
            {"joint_rate", std::stod(fixed3(f.jointRate))},
            {"non_site_plans", f.nonSitePlans},
            {"non_site_share", std::stod(fixed3(f.nonSiteShare))},
            {"exception_visits", f.exceptionVisits},
            {"refused", refused}};
}

int runSchedule(const ScheduleArgs& args, const Options& options) {
    PluginHost host;
    auto loaded = loadWith(host, options, args.file);
    if (!loaded) return fail(loaded.error());
    const Workspace& w = loaded->workspace;
    const PolicyData& policy = loaded->plugin->policy;

    auto started = std::chrono::steady_clock::now();
    auto result = schedule(w, policy);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!result) return fail(result.error());
    const Schedule& s = *result;

    std::vector<Violation> violations;
    if (args.check) {
        auto checked = checkSchedule(w, policy, s);
        if (!checked) return fail(checked.error());
        violations = *checked;
    }
    if (args.save) {
        auto db = store::Database::open(args.file, store::Database::Mode::ReadWrite);
        if (!db) return fail(db.error());
        auto saved = store::saveVisits(db.value(), s.visits);
        if (!saved) return fail(saved.error());
    }

    const auto& f = s.figures;
    if (options.json) {
        nlohmann::json out = figuresJson(f);
        out["county"] = w.county;
        out["year"] = w.year;
        out["seconds"] = std::stod(fixed3(seconds));
        if (args.check) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& v : violations)
                list.push_back({{"visit", v.visit}, {"plan", v.plan}, {"text", options.say(v.text)}, {"clauses", v.clauses}});
            out["violations"] = list;
        }
        if (args.refusals) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& r : s.refusals)
                list.push_back({{"plan", r.plan}, {"step", r.step}, {"clause", r.clause.text()}, {"text", options.say(r.text)},
                                {"clauses", r.clauses}});
            out["refusals"] = list;
        }
        nlohmann::json owed = nlohmann::json::array();
        for (const auto& o : s.owed)
            owed.push_back({{"plan", o.plan}, {"visit", o.visit}, {"rule", o.obligation.rule}, {"clause", o.obligation.clause.text()},
                            {"text", options.say(o.obligation.text)},
                            {"due", o.obligation.due ? nlohmann::json(o.obligation.due->iso()) : nlohmann::json(nullptr)},
                            {"when", options.say(o.obligation.when)}});
        out["owed"] = owed;
        if (args.visits) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& v : s.visits)
                list.push_back({{"id", v.id}, {"enterprise", v.enterprise}, {"date", v.date.iso()}, {"kind", toString(v.kind)},
                                {"lead", v.lead}, {"plans", v.plans},
                                {"notice_date", v.noticeDate ? nlohmann::json(v.noticeDate->iso()) : nlohmann::json(nullptr)},
                                {"code", v.code}});
            out["visits_list"] = list;
        }
        printJson(out);
        return violations.empty() ? kOk : kNo;
    }

    bool en = options.lang() == Language::English;
    const std::string& name = options.say(policy.name);
    auto line = [&](const std::string& zh, const std::string& english) { std::cout << (en ? english : zh) << "\n"; };
    line(name + " " + std::to_string(w.year) + "年排期（" + args.file + "）", name + ", " + std::to_string(w.year) + " schedule (" + args.file + ")");
    line("计划 " + std::to_string(f.plans) + " 项（检查事项 " + std::to_string(f.planItems) + " 个）：需入企 " +
             std::to_string(f.onSitePlans) + " 项，非现场 " + std::to_string(f.nonSitePlans) + " 项",
         std::to_string(f.plans) + " plans (" + std::to_string(f.planItems) + " items): " + std::to_string(f.onSitePlans) +
             " need a visit, " + std::to_string(f.nonSitePlans) + " non-site");
    line("入企检查 " + std::to_string(f.visits) + " 次，安排计划 " + std::to_string(f.scheduledPlans) + " 项；理论下界 " +
             std::to_string(f.lowerBound) + " 次，比值 " + fixed3(f.ratio),
         std::to_string(f.visits) + " visits carry " + std::to_string(f.scheduledPlans) + " plans; lower bound " +
             std::to_string(f.lowerBound) + ", ratio " + fixed3(f.ratio));
    line("联合检查 " + std::to_string(f.jointVisits) + " 次，联合检查率 " + percent(f.jointRate) +
             "（在多部门或多科室联合入企中完成的计划 ÷ 入企完成的计划，004 一、003 三(二)）",
         std::to_string(f.jointVisits) + " joint visits; joint-inspection rate " + percent(f.jointRate) +
             " (plans carried out in visits of several departments or units ÷ plans carried out on site, 004 一, 003 三(二))");
    line("非现场占比 " + percent(f.nonSiteShare) + "；例外情形直接入企 " + std::to_string(f.exceptionVisits) + " 次",
         "non-site share " + percent(f.nonSiteShare) + "; " + std::to_string(f.exceptionVisits) + " exception visits");
    for (const YearlyTarget* t : Policy(policy).targetsFor(w.year))
        if (t->metric == "joint-inspection-rate")
            line("  目标（" + t->clause.text() + "）：" + std::to_string(t->minPercent) + "%，" +
                     (f.jointRate * 100 >= t->minPercent ? "已达到" : "未达到"),
                 "  target (" + t->clause.text() + "): " + std::to_string(t->minPercent) + " %, " +
                     (f.jointRate * 100 >= t->minPercent ? "met" : "not met"));
    int64_t refused = static_cast<int64_t>(s.refusals.size());
    line("未安排 " + std::to_string(refused) + " 项" + (refused ? "，按条款：" : ""),
         std::to_string(refused) + " plan(s) not scheduled" + (refused ? ", by clause:" : ""));
    for (const auto& [clause, n] : f.refusedByClause)
        line("  " + clause + (clause == "capacity" ? "（检查人员不足）" : clause == "merge" ? "（窗口内无工作日）" : "") + "  " +
                 std::to_string(n) + " 项",
             "  " + clause + (clause == "capacity" ? " (no inspectors left)" : clause == "merge" ? " (no working day in the window)" : "") +
                 "  " + std::to_string(n));
    if (args.refusals)
        for (const auto& r : s.refusals)
            std::cout << "  #" << r.plan << " [" << r.step << "] " << r.clause.text() << " " << options.say(r.text) << "\n";
    if (args.visits)
        for (const auto& v : s.visits) {
            std::cout << "  " << v.date.iso() << " " << v.enterprise << " " << v.lead << " #";
            for (std::size_t i = 0; i < v.plans.size(); ++i) std::cout << (i ? "," : "") << v.plans[i];
            std::cout << (v.code.empty() ? "" : " " + v.code) << "\n";
        }
    if (!s.owed.empty()) {
        line("例外检查事后应办 " + std::to_string(s.owed.size()) + " 项（如事后备案）",
             std::to_string(s.owed.size()) + " obligation(s) owed after exception visits (after-the-fact filing …)");
        if (args.visits)
            for (const auto& o : s.owed)
                std::cout << "  #" << o.plan << " visit " << o.visit << " " << o.obligation.clause.text() << " "
                          << options.say(o.obligation.text) << " " << options.say(o.obligation.when) << "\n";
    }
    if (args.check) {
        line("检查结果：" + (violations.empty() ? std::string("全部检查符合规则") : std::to_string(violations.size()) + " 处违反规则"),
             "check: " + (violations.empty() ? std::string("every visit keeps every rule") : std::to_string(violations.size()) + " violation(s)"));
        for (const auto& v : violations) std::cout << "  visit " << v.visit << " plan " << v.plan << ": " << options.say(v.text) << "\n";
    }
    if (args.save) line("已保存 " + std::to_string(f.visits) + " 次检查到 " + args.file, "saved " + std::to_string(f.visits) + " visits to " + args.file);
    line("用时 " + fixed3(seconds) + " 秒", "took " + fixed3(seconds) + " s");
    return violations.empty() ? kOk : kNo;
}

int runNotices(const ScheduleArgs& args, const Options& options) {
    auto code = Uscc::parse(args.enterprise);
    if (!code) return fail(makeError("--enterprise", code.error().why));
    PluginHost host;
    auto loaded = loadWith(host, options, args.file);
    if (!loaded) return fail(loaded.error());
    const Workspace& w = loaded->workspace;
    const PolicyData& policy = loaded->plugin->policy;
    if (!w.enterprise(args.enterprise)) return fail(makeError("--enterprise", "no enterprise " + args.enterprise + " in " + args.file));
    // The saved schedule if there is one, else a fresh one.
    std::vector<Visit> visits = w.visits;
    if (visits.empty()) {
        auto result = schedule(w, policy);
        if (!result) return fail(result.error());
        visits = result->visits;
    }
    std::vector<Notice> notices;
    for (const auto& v : visits)
        if (v.enterprise == args.enterprise) notices.push_back(noticeFor(w, policy, v));

    if (options.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& n : notices) {
            nlohmann::json lines = nlohmann::json::array();
            for (const auto& l : n.lines) {
                std::vector<std::string> items;
                for (const auto& i : l.items) items.push_back(options.say(i));
                lines.push_back({{"department", l.department}, {"department_name", options.say(l.departmentName)},
                                 {"unit", l.unit}, {"items", items}, {"inspectors", l.inspectors}});
            }
            list.push_back({{"visit", n.visit}, {"enterprise", n.enterprise}, {"enterprise_name", n.enterpriseName},
                            {"date", n.date.iso()}, {"sent_on", n.sentOn ? nlohmann::json(n.sentOn->iso()) : nlohmann::json(nullptr)},
                            {"kind", toString(n.kind)}, {"lead", options.say(n.leadName)}, {"lines", lines}, {"code", n.code},
                            {"clause", n.clause ? nlohmann::json(n.clause->text()) : nlohmann::json(nullptr)}});
        }
        printJson(list);
        return kOk;
    }
    bool en = options.lang() == Language::English;
    if (notices.empty()) std::cout << (en ? "no visit is scheduled for " : "未安排对该企业的入企检查：") << args.enterprise << "\n";
    for (const auto& n : notices) {
        std::cout << (en ? "Advance notice of inspection" : "涉企检查预告通知书") << (n.clause ? "（" + n.clause->text() + "）" : "") << "\n";
        std::cout << (en ? "To: " : "致：") << n.enterpriseName << "（" << n.enterprise << "）\n";
        std::cout << (en ? "Date of the visit: " : "检查日期：") << n.date.iso() << "\n";
        if (n.sentOn) std::cout << (en ? "Notice sent on: " : "预告日期：") << n.sentOn->iso() << "\n";
        else std::cout << (en ? "Not announced: an exception that goes ahead directly" : "例外情形，直接入企，未预告") << "\n";
        std::cout << (en ? "Lead department: " : "牵头部门：") << options.say(n.leadName) << "\n";
        for (const auto& l : n.lines) {
            std::cout << "  " << options.say(l.departmentName) << (l.unit.empty() ? "" : "/" + l.unit) << (en ? ": " : "：");
            for (std::size_t i = 0; i < l.items.size(); ++i) std::cout << (i ? (en ? ", " : "、") : "") << options.say(l.items[i]);
            if (!l.inspectors.empty()) {
                std::cout << (en ? "; inspectors " : "；检查人员 ");
                for (std::size_t i = 0; i < l.inspectors.size(); ++i) std::cout << (i ? (en ? ", " : "、") : "") << l.inspectors[i];
            }
            std::cout << "\n";
        }
        std::cout << (en ? "Inspection code: " : "检查码：") << (n.code.empty() ? (en ? "(none: not every plan is filed)" : "（无：计划未全部备案）") : n.code)
                  << "\n\n";
    }
    return kOk;
}

}  // namespace

void addScheduleCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto args = std::make_shared<ScheduleArgs>();
    auto* schedule = app.add_subcommand("schedule", "Merge a workspace's plans into the fewest joint visits, with the lower bound");
    schedule->add_option("file", args->file, "The workspace (SQLite)")->required();
    schedule->add_flag("--save", args->save, "Write the visits into the workspace (replacing earlier ones)");
    schedule->add_flag("--check", args->check, "Re-validate every visit against the policy (exit 1 on a violation)");
    schedule->add_flag("--refusals", args->refusals, "List every plan not scheduled, with its clause");
    schedule->add_flag("--visits", args->visits, "List every visit");
    schedule->callback([args, &options, &exitCode] { exitCode = runSchedule(*args, options); });

    auto* notices = app.add_subcommand("notices", "Print the advance notices of one enterprise's visits (004 二(五))");
    notices->add_option("file", args->file, "The workspace (SQLite)")->required();
    notices->add_option("--enterprise", args->enterprise, "The enterprise's USCC")->required();
    notices->callback([args, &options, &exitCode] { exitCode = runNotices(*args, options); });
}

}  // namespace inspectonce::cli
