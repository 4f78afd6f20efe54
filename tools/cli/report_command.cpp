// What is due, and the reports officials print:
//   inspectonce due FILE --date D [--holder ID]                due soon / today / overdue, by holder
//   inspectonce report closure FILE --date D [--html OUT]      the closure list of findings (销号清单)
//   inspectonce report feedback FILE --year Y                  Yunhe's annual feedback list (004 二(八))
//   inspectonce report figures FILE --year Y                   Wuxi's tracked figures (003 三(二))
//   inspectonce report notice FILE --visit N --html OUT        the advance notice of a visit (004 二(五))
//   inspectonce report commitment FILE --case N --html OUT     a finding's rectification commitment
// The date is always given: nothing here reads the clock.
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "inspectonce/documents.hpp"
#include "inspectonce/report.hpp"
#include "workflow_cli.hpp"

namespace inspectonce::cli {
namespace {

struct ReportArgs {
    std::string file, date, holder, html;
    int year = 0;
    int64_t visit = 0, caseId = 0;
};

Status writeHtml(const std::string& path, const std::string& html) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(path, "cannot write the file (is the folder there and writable?)");
    out << html;
    out.close();
    if (!out) return makeError(path, "writing failed");
    return Ok{};
}

int wrote(const std::string& path, const Options& options) {
    if (options.json) printJson({{"html", path}});
    else std::cout << (options.lang() == Language::English ? "written to " : "已写入 ") << path << "\n";
    return kOk;
}

std::string percent(double share) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << share * 100 << "%";
    return out.str();
}

int dueCommand(const ReportArgs& a, const Options& options) {
    auto day = Date::parse(a.date);
    if (!day) return fail(makeError("--date", day.error().message()));
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        IO_CLI_TRY(report, report::dueReport(workspace, policy.workflows, WorkCalendar::official(), *day));
        bool en = options.lang() == Language::English;
        if (options.json) {
            nlohmann::json holders = nlohmann::json::array();
            for (const auto& group : report.holders) {
                if (!a.holder.empty() && group.holder != a.holder) continue;
                nlohmann::json items = nlohmann::json::array();
                for (const auto& item : group.items)
                    items.push_back({{"case", item.caseId}, {"workflow", item.workflow}, {"enterprise", item.enterprise},
                                     {"title", item.title}, {"state", item.state}, {"deadline", item.deadline.iso()},
                                     {"standing", std::string(workflow::toString(item.standing))},
                                     {"working_days_late", item.workingDaysLate}, {"working_days_left", item.workingDaysLeft},
                                     {"clause", item.clause.clause}});
                holders.push_back({{"holder", group.holder}, {"name", options.say(group.name)}, {"due_soon", group.dueSoon},
                                   {"due_today", group.dueToday}, {"overdue", group.overdue}, {"escalated", group.escalated},
                                   {"items", items}});
            }
            printJson({{"date", report.day.iso()}, {"due_soon", report.dueSoon}, {"due_today", report.dueToday},
                       {"overdue", report.overdue}, {"escalated", report.escalated}, {"holders", holders}});
            return int(kOk);
        }
        if (en)
            std::cout << report.day.iso() << ": " << report.overdue + report.escalated << " overdue (" << report.escalated
                      << " escalated), " << report.dueToday << " due today, " << report.dueSoon << " due soon\n";
        else
            std::cout << report.day.iso() << "：逾期 " << report.overdue + report.escalated << " 件（其中已升级 " << report.escalated
                      << " 件），今日到期 " << report.dueToday << " 件，即将到期 " << report.dueSoon << " 件\n";
        for (const auto& group : report.holders) {
            if (!a.holder.empty() && group.holder != a.holder) continue;
            std::cout << "\n" << options.say(group.name) << " [" << group.holder << "]\n";
            for (const auto& item : group.items) {
                std::cout << "  " << item.caseId << "  " << options.say(item.workflowName) << "  "
                          << options.say(item.stateName) << (en ? "  due " : "  期限 ") << item.deadline.iso() << "  "
                          << options.say(workflow::label(item.standing));
                if (item.workingDaysLate > 0)
                    std::cout << (en ? " by " + std::to_string(item.workingDaysLate) + " working days"
                                     : " " + std::to_string(item.workingDaysLate) + " 个工作日");
                else if (item.workingDaysLeft > 0)
                    std::cout << (en ? ", " + std::to_string(item.workingDaysLeft) + " working days left"
                                     : "，剩 " + std::to_string(item.workingDaysLeft) + " 个工作日");
                std::cout << clauseSuffix(item.clause, options);
                if (!item.enterpriseName.empty()) std::cout << "  " << item.enterpriseName;
                if (!item.title.empty()) std::cout << "  " << item.title;
                std::cout << "\n";
            }
        }
        return int(kOk);
    });
}

int closureCommand(const ReportArgs& a, const Options& options) {
    auto day = Date::parse(a.date);
    if (!day) return fail(makeError("--date", day.error().message()));
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        IO_CLI_TRY(findings, workflowOf(policy, "finding"));
        report::ClosureList list = report::closureList(workspace, *findings, *day);
        if (!a.html.empty()) {
            Status written = writeHtml(a.html, documents::closureListHtml(list, policy.name.zh));
            if (!written) return fail(written.error());
            return wrote(a.html, options);
        }
        if (options.json) {
            nlohmann::json lines = nlohmann::json::array();
            for (const auto& line : list.lines)
                lines.push_back({{"case", line.caseId}, {"enterprise", line.enterprise}, {"title", line.title},
                                 {"opened", line.opened.iso()}, {"state", line.state}, {"closed", line.closed},
                                 {"closed_on", line.closedOn ? nlohmann::json(line.closedOn->iso()) : nlohmann::json(nullptr)},
                                 {"deadline", line.deadline ? nlohmann::json(line.deadline->iso()) : nlohmann::json(nullptr)},
                                 {"standing", std::string(workflow::toString(line.standing))}, {"clause", line.clause.clause}});
            printJson({{"date", list.day.iso()}, {"clause", list.clause.clause}, {"closed", list.closed}, {"open", list.open},
                       {"overdue", list.overdue}, {"lines", lines}});
            return int(kOk);
        }
        bool en = options.lang() == Language::English;
        std::cout << (en ? "Closure list: " : "销号清单：") << options.say(list.workflowName)
                  << clauseSuffix(list.clause, options) << " " << list.day.iso() << (en ? ": " : "：") << list.closed
                  << (en ? " closed, " : " 项已销号，") << list.open << (en ? " open (" : " 项未销号（") << list.overdue
                  << (en ? " overdue)\n" : " 项逾期）\n");
        for (const auto& line : list.lines) {
            std::cout << "  " << line.caseId << "  " << (line.enterpriseName.empty() ? line.enterprise : line.enterpriseName)
                      << "  " << options.say(line.stateName);
            if (line.closedOn) std::cout << (en ? " on " : " ") << line.closedOn->iso();
            if (line.deadline) std::cout << (en ? "  due " : "  期限 ") << line.deadline->iso();
            if (!line.closed) std::cout << "  " << options.say(workflow::label(line.standing));
            std::cout << clauseSuffix(line.clause, options) << "  " << line.title << "\n";
        }
        return int(kOk);
    });
}

int feedbackCommand(const ReportArgs& a, const Options& options) {
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData&) {
        report::FeedbackList list = report::feedbackList(workspace, a.year);
        if (options.json) {
            nlohmann::json lines = nlohmann::json::array();
            for (const auto& line : list.lines)
                lines.push_back({{"enterprise", line.enterprise}, {"name", line.name}, {"above_scale", line.aboveScale},
                                 {"key", line.key}, {"guidance", line.guidance}, {"surveys", line.surveys},
                                 {"on_site_inspections", line.onSiteInspections}, {"complaints", line.complaints},
                                 {"opinions", line.opinions}});
            printJson({{"year", list.year}, {"clause", list.clause.clause}, {"lines", lines}});
            return int(kOk);
        }
        bool en = options.lang() == Language::English;
        std::cout << (en ? "Annual feedback list " : "年度企业合规经营互助清单 ") << list.year << clauseSuffix(list.clause, options) << "\n";
        std::cout << (en ? "  code  name  guidance  surveys  on-site inspections  complaints\n"
                         : "  信用代码  企业名称  指导服务  调研  入企检查  投诉\n");
        for (const auto& line : list.lines)
            std::cout << "  " << line.enterprise << "  " << line.name << "  " << line.guidance << "  " << line.surveys << "  "
                      << line.onSiteInspections << "  " << line.complaints << "\n";
        return int(kOk);
    });
}

int figuresCommand(const ReportArgs& a, const Options& options) {
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData&) {
        report::TrackedFigures f = report::trackedFigures(workspace, a.year);
        if (options.json) {
            printJson({{"year", f.year}, {"clause", f.clause.clause}, {"plans", f.plans}, {"filed_plans", f.filedPlans},
                       {"platform_use", f.platformUse}, {"visits", f.visits}, {"joint_visits", f.jointVisits},
                       {"joint_share", f.jointShare}, {"cross_level_visits", f.crossLevelVisits},
                       {"cross_level_share", f.crossLevelShare}, {"enterprises", f.enterprises},
                       {"enterprises_visited", f.enterprisesVisited}, {"visits_per_enterprise", f.visitsPerEnterprise}});
            return int(kOk);
        }
        bool en = options.lang() == Language::English;
        std::ostringstream perEnterprise;
        perEnterprise << std::fixed << std::setprecision(2) << f.visitsPerEnterprise;
        std::cout << (en ? "Tracked figures " : "跟踪督促指标 ") << f.year << clauseSuffix(f.clause, options) << "\n";
        std::cout << (en ? "  plans made: " : "  检查计划制订：") << f.plans << "\n";
        std::cout << (en ? "  platform use (plans filed): " : "  平台使用度（计划备案）：") << f.filedPlans << " / " << f.plans << " = "
                  << percent(f.platformUse) << "\n";
        std::cout << (en ? "  inspections per enterprise visited: " : "  企业检查频次（户均入企）：") << perEnterprise.str() << " ("
                  << f.visits << " / " << f.enterprisesVisited << ")\n";
        std::cout << (en ? "  joint-inspection share: " : "  联合检查比例：") << f.jointVisits << " / " << f.visits << " = "
                  << percent(f.jointShare) << "\n";
        std::cout << (en ? "  cross-level linkage: " : "  层级间联动：") << f.crossLevelVisits << " / " << f.visits << " = "
                  << percent(f.crossLevelShare) << "\n";
        return int(kOk);
    });
}

int noticeCommand(const ReportArgs& a, const Options& options) {
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        const Visit* visit = workspace.visit(a.visit);
        if (!visit) return fail(makeError(a.file, "no visit " + std::to_string(a.visit) + " (run schedule first)"));
        Status written = writeHtml(a.html, documents::adviceNoticeHtml(noticeFor(workspace, policy, *visit), policy.name.zh));
        if (!written) return fail(written.error());
        return wrote(a.html, options);
    });
}

int commitmentCommand(const ReportArgs& a, const Options& options) {
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        const workflow::Case* finding = caseById(workspace, a.caseId);
        if (!finding) return fail(makeError(a.file, "no case " + std::to_string(a.caseId)));
        IO_CLI_TRY(definition, workflowOf(policy, finding->workflow));
        Status written = writeHtml(a.html, documents::commitmentHtml(workspace, *definition, *finding, policy.name.zh));
        if (!written) return fail(written.error());
        return wrote(a.html, options);
    });
}

}  // namespace

void addReportCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto a = std::make_shared<ReportArgs>();
    auto* due = app.add_subcommand("due", "What is due soon, due today or overdue on a day, by who holds it");
    due->add_option("file", a->file, "the workspace file")->required();
    due->add_option("--date", a->date, "the day, YYYY-MM-DD")->required();
    due->add_option("--holder", a->holder, "only this department or role");
    due->callback([a, &options, &exitCode] { exitCode = dueCommand(*a, options); });

    auto* report = app.add_subcommand("report", "Reports and printable documents");
    report->require_subcommand(1);
    auto* closure = report->add_subcommand("closure", "The closure list of findings (销号清单)");
    closure->add_option("file", a->file, "the workspace file")->required();
    closure->add_option("--date", a->date, "as of this day, YYYY-MM-DD")->required();
    closure->add_option("--html", a->html, "write the printable page here");
    closure->callback([a, &options, &exitCode] { exitCode = closureCommand(*a, options); });

    auto* feedback = report->add_subcommand("feedback", "The annual feedback list per enterprise (004 二(八))");
    feedback->add_option("file", a->file, "the workspace file")->required();
    feedback->add_option("--year", a->year, "the year")->required();
    feedback->callback([a, &options, &exitCode] { exitCode = feedbackCommand(*a, options); });

    auto* figures = report->add_subcommand("figures", "The tracked figures (003 三(二))");
    figures->add_option("file", a->file, "the workspace file")->required();
    figures->add_option("--year", a->year, "the year")->required();
    figures->callback([a, &options, &exitCode] { exitCode = figuresCommand(*a, options); });

    auto* notice = report->add_subcommand("notice", "The advance notice of a visit as a printable page (004 二(五))");
    notice->add_option("file", a->file, "the workspace file")->required();
    notice->add_option("--visit", a->visit, "the visit number")->required();
    notice->add_option("--html", a->html, "where to write the page")->required();
    notice->callback([a, &options, &exitCode] { exitCode = noticeCommand(*a, options); });

    auto* commitment = report->add_subcommand("commitment", "A finding's rectification commitment as a printable page");
    commitment->add_option("file", a->file, "the workspace file")->required();
    commitment->add_option("--case", a->caseId, "the finding's case number")->required();
    commitment->add_option("--html", a->html, "where to write the page")->required();
    commitment->callback([a, &options, &exitCode] { exitCode = commitmentCommand(*a, options); });
}

}  // namespace inspectonce::cli
