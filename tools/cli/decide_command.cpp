// inspectonce policy decide --county ID --date DATE --department DEPT --grade A|B|C|D --kind KIND …
// Asks the county's policy whether a department may do this in this enterprise on this day,
// and prints the answer with every reason's clause. Exit 0 allowed (with or without
// obligations), 1 refused, 2 bad input.
#include <fstream>
#include <iterator>

#include "cli.hpp"
#include "inspectonce/hooks.hpp"
#include "inspectonce/decision.hpp"
#include "inspectonce/exceptions.hpp"

namespace inspectonce::cli {
namespace {

struct DecideArgs {
    std::string county, date, department, level = "county", grade, kind, item, exception, history, noticeDate, filingDate;
    std::vector<std::string> lists;
    bool onSite = false, nonSite = false, joint = false;
};

// Parses one argument with a model parser; the error names the flag.
template <class T, class Parse>
Result<T> argument(const char* flag, const std::string& text, Parse parse) {
    auto value = parse(text);
    if (!value) return makeError(flag, value.error().message());
    return value.value();
}

Result<DecisionRequest> request(const DecideArgs& a) {
    DecisionRequest r;
    IO_TRY(date, argument<Date>("--date", a.date, Date::parse));
    r.date = date;
    if (a.department.empty()) return makeError("--department", "a department id is required");
    r.department = a.department;
    IO_TRY(level, argument<DepartmentLevel>("--level", a.level, parseDepartmentLevel));
    r.level = level;
    IO_TRY(grade, argument<CreditGrade>("--grade", a.grade, parseCreditGrade));
    r.grade = grade;
    IO_TRY(kind, argument<InspectionKind>("--kind", a.kind, parseInspectionKind));
    r.kind = kind;
    r.item = a.item;
    if (a.onSite && a.nonSite) return makeError("--on-site/--non-site", "give one of them, not both");
    r.method = a.nonSite ? Method::NonSite : Method::OnSite;
    r.joint = a.joint;
    r.lists = a.lists;
    if (!a.exception.empty()) {
        auto known = parseException(a.exception);
        if (!known) return makeError("--exception", known.error().why);
        r.exception = a.exception;
    }
    if (!a.noticeDate.empty()) {
        IO_TRY(notice, argument<Date>("--notice-date", a.noticeDate, Date::parse));
        r.noticeDate = notice;
    }
    if (!a.filingDate.empty()) {
        IO_TRY(filing, argument<Date>("--filing-date", a.filingDate, Date::parse));
        r.filingDate = filing;
    }
    if (!a.history.empty()) {
        std::ifstream in(a.history, std::ios::binary);
        if (!in) return makeError(a.history, "history file not found or not readable");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        IO_TRY(history, historyFromJson(text, a.history));
        r.history = history;
    }
    return r;
}

int run(const DecideArgs& a, const Options& options) {
    auto req = request(a);
    if (!req) return fail(req.error());
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, a.county, unknown);
    if (!plugin) return fail(unknown);
    auto decision = decideWith(*plugin, *req);
    if (!decision) return fail(decision.error());
    if (options.json) printJson(toJson(*decision));
    else std::cout << describe(*decision, plugin->policy, options.lang());
    return decision->outcome == Outcome::Refused ? kNo : kOk;
}

}  // namespace

void addDecideCommand(CLI::App& policy, const Options& options, int& exitCode) {
    auto a = std::make_shared<DecideArgs>();
    auto* c = policy.add_subcommand("decide", "May this department do this in this enterprise on this day? With every clause");
    c->add_option("--county", a->county, "county id, e.g. yunhe")->required();
    c->add_option("--date", a->date, "the day of the visit, YYYY-MM-DD")->required();
    c->add_option("--department", a->department, "the department's id")->required();
    c->add_option("--level", a->level, "the department's level: county (default), city, province or town");
    c->add_option("--grade", a->grade, "the enterprise's credit grade: A, B, C or D")->required();
    c->add_option("--kind", a->kind, "inspection, survey, guidance or leader-visit")->required();
    c->add_option("--item", a->item, "the kind of item inspected, e.g. fire-safety");
    c->add_flag("--on-site", a->onSite, "an on-site visit (the default)");
    c->add_flag("--non-site", a->nonSite, "a non-site inspection (data, remote)");
    c->add_flag("--joint", a->joint, "a joint inspection of several departments");
    c->add_option("--exception", a->exception, "the exception given, e.g. complaint-report");
    c->add_option("--list", a->lists, "a list the enterprise is on (white-list, exempt, key-supervision, serious-dishonesty …); repeatable");
    c->add_option("--history", a->history, "JSON file of this year's inspections of the enterprise");
    c->add_option("--notice-date", a->noticeDate, "when the enterprise is told (预告), YYYY-MM-DD");
    c->add_option("--filing-date", a->filingDate, "when the plan is filed (备案), YYYY-MM-DD");
    c->callback([a, &options, &exitCode] { exitCode = run(*a, options); });
}

}  // namespace inspectonce::cli
