// Cases of the county's workflows (workflow.hpp), kept in a workspace file:
//   inspectonce case open FILE --workflow W --as ROLE[:NAME] --date D [--transition T]
//                             [--enterprise USCC] [--department ID] [--title TEXT] [--set KEY=VALUE]…
//   inspectonce case step FILE ID TRANSITION --as ROLE[:NAME] --date D [--set KEY=VALUE]…
//   inspectonce case show FILE ID [--date D]
//   inspectonce case list FILE [--workflow W] [--date D] [--open]
//   inspectonce case workflows --county ID          the county's workflows with their clauses
// `demand` and `finding` carry the same open/step/list for their workflow, and
//   inspectonce demand import FILE CSV --date D [--dry-run]   opens a case per demand row.
// Every step is printed with its clause; a refusal says why (exit 1) and writes nothing.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"
#include "workflow_cli.hpp"

namespace inspectonce::cli {
namespace {

struct CaseArgs {
    std::string file, workflow, transition, as, date, enterprise, department, title, csv;
    std::vector<std::string> set;
    int64_t id = 0;
    bool open = false, dryRun = false;
};

Result<workflow::Actor> parseActor(const std::string& text) {
    if (text.empty()) return makeError("--as", "who acts is needed: ROLE or ROLE:NAME, e.g. service-center:王芳");
    auto colon = text.find(':');
    workflow::Actor actor;
    actor.role = text.substr(0, colon);
    if (colon != std::string::npos) actor.name = text.substr(colon + 1);
    return actor;
}

Result<workflow::Attributes> parseData(const std::vector<std::string>& pairs) {
    workflow::Attributes data;
    for (const std::string& pair : pairs) {
        auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0)
            return makeError("--set " + pair, "expected KEY=VALUE, e.g. deadline=2025-06-30");
        workflow::set(data, pair.substr(0, equals), pair.substr(equals + 1));
    }
    return data;
}

// What every step is given: a day the calendar knows, who acts, and the data.
struct StepInput {
    Date date;
    workflow::Actor actor;
    workflow::Attributes data;
};

Result<StepInput> parseStep(const CaseArgs& a) {
    auto date = Date::parse(a.date);
    if (!date) return makeError("--date", date.error().message());
    if (auto known = WorkCalendar::official().day(*date); !known) return makeError("--date", known.error().message());
    IO_TRY(actor, parseActor(a.as));
    IO_TRY(data, parseData(a.set));
    return StepInput{*date, std::move(actor), std::move(data)};
}

Result<store::Database> openForCases(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return makeError(path, "no such workspace file");
    IO_TRY(db, store::Database::open(path, store::Database::Mode::ReadWrite));
    IO_CHECK(store::migrate(db));
    return std::move(db);
}

// A department named in the data must be one of the workspace's (routing to a typo loses the case).
Status checkDepartments(const Workspace& workspace, const workflow::Attributes& data, const std::string& file) {
    const std::string* department = workflow::find(data, "department");
    if (department && !workspace.department(*department))
        return makeError("--set department=" + *department, "no such department in " + file);
    return Ok{};
}

void printApplied(const workflow::Applied& applied, const workflow::Definition& definition, const Workspace& workspace,
                  const Options& options) {
    const workflow::Case& item = applied.after;
    if (options.json) {
        printJson({{"case", caseJson(item, definition, item.entered)}, {"notify", applied.notify}, {"clause", applied.clause.clause}});
        return;
    }
    bool en = options.lang() == Language::English;
    const workflow::Step& step = item.steps.back();
    const workflow::Transition* transition = definition.transition(step.transition);
    std::cout << (en ? "case " : "案件 ") << item.id << " " << (transition ? options.say(transition->name) : step.transition)
              << " → " << stateName(definition, item.state, options) << clauseSuffix(step.clause, options) << "\n";
    if (item.deadline)
        std::cout << (en ? "  deadline " : "  期限 ") << item.deadline->iso() << (en ? ", held by " : "，由 ")
                  << holderName(workspace, definition, workflow::holderOf(definition, item), options) << (en ? "" : " 办理") << "\n";
    if (item.closed) std::cout << (en ? "  closed" : "  已办结") << "\n";
    if (!applied.notify.empty()) {
        std::cout << (en ? "  notify: " : "  告知：");
        for (std::size_t i = 0; i < applied.notify.size(); ++i)
            std::cout << (i ? (en ? ", " : "、") : "") << roleName(definition, applied.notify[i], options);
        std::cout << "\n";
    }
}

// A refusal by the engine is the answer "no" (exit 1); anything else is bad input (exit 2).
int refuse(const Error& error) {
    std::cerr << "inspectonce: " << error.message() << "\n";
    return kNo;
}

int openCommand(const CaseArgs& a, const Options& options) {
    auto input = parseStep(a);
    if (!input) return fail(input.error());
    const StepInput& step = *input;  // not a structured binding: clang 14 cannot capture one
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        IO_CLI_TRY(definition, workflowOf(policy, a.workflow));
        if (!a.enterprise.empty() && !workspace.enterprise(a.enterprise))
            return fail(makeError("--enterprise " + a.enterprise, "no such enterprise in " + a.file));
        if (!a.department.empty() && !workspace.department(a.department))
            return fail(makeError("--department " + a.department, "no such department in " + a.file));
        Status known = checkDepartments(workspace, step.data, a.file);
        if (!known) return fail(known.error());
        IO_CLI_TRY(db, openForCases(a.file));
        workflow::Case subject;
        subject.enterprise = a.enterprise;
        subject.department = a.department;
        subject.title = a.title;
        auto applied = store::openCase(db, *definition, WorkCalendar::official(), subject, a.transition, step.actor, step.date, step.data);
        if (!applied) return refuse(applied.error());
        printApplied(*applied, *definition, workspace, options);
        return int(kOk);
    });
}

int stepCommand(const CaseArgs& a, const Options& options) {
    auto input = parseStep(a);
    if (!input) return fail(input.error());
    const StepInput& step = *input;  // not a structured binding: clang 14 cannot capture one
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        const workflow::Case* stored = caseById(workspace, a.id);
        if (!stored) return fail(makeError(a.file, "no case " + std::to_string(a.id)));
        if (!a.workflow.empty() && stored->workflow != a.workflow)
            return fail(makeError("case " + std::to_string(a.id), "is a " + stored->workflow + " case, not a " + a.workflow));
        IO_CLI_TRY(definition, workflowOf(policy, stored->workflow));
        Status known = checkDepartments(workspace, step.data, a.file);
        if (!known) return fail(known.error());
        IO_CLI_TRY(db, openForCases(a.file));
        auto applied = store::applyToCase(db, *definition, WorkCalendar::official(), a.id, a.transition, step.actor, step.date, step.data);
        if (!applied) return refuse(applied.error());
        printApplied(*applied, *definition, workspace, options);
        return int(kOk);
    });
}

int showCommand(const CaseArgs& a, const Options& options) {
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        const workflow::Case* stored = caseById(workspace, a.id);
        if (!stored) return fail(makeError(a.file, "no case " + std::to_string(a.id)));
        IO_CLI_TRY(definition, workflowOf(policy, stored->workflow));
        Date day = stored->entered;
        if (!a.date.empty()) {
            auto date = Date::parse(a.date);
            if (!date) return fail(makeError("--date", date.error().message()));
            day = *date;
        }
        if (options.json) {
            printJson(caseJson(*stored, *definition, day));
            return int(kOk);
        }
        std::cout << describeCase(*stored, *definition, workspace, day, options);
        return int(kOk);
    });
}

int listCommand(const CaseArgs& a, const Options& options) {
    return withWorkspace(a.file, options, [&](const Workspace& workspace, const PolicyData& policy) {
        Date day;
        bool dated = !a.date.empty();
        if (dated) {
            auto date = Date::parse(a.date);
            if (!date) return fail(makeError("--date", date.error().message()));
            day = *date;
        }
        nlohmann::json cases = nlohmann::json::array();
        for (const auto& item : workspace.cases) {
            if (!a.workflow.empty() && item.workflow != a.workflow) continue;
            if (a.open && item.closed) continue;
            IO_CLI_TRY(definition, workflowOf(policy, item.workflow));
            Date asOf = dated ? day : item.entered;
            if (options.json) {
                cases.push_back(caseJson(item, *definition, asOf));
                continue;
            }
            std::cout << caseLine(item, *definition, workspace, asOf, dated, options) << "\n";
        }
        if (options.json) printJson({{"file", a.file}, {"cases", cases}});
        return int(kOk);
    });
}

int workflowsCommand(const std::string& county, const Options& options) {
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, county, unknown);
    if (!plugin) return fail(unknown);
    if (options.json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& definition : plugin->policy.workflows) all.push_back(definitionJson(definition));
        printJson({{"county", county}, {"workflows", all}});
        return kOk;
    }
    for (const auto& definition : plugin->policy.workflows) std::cout << describeDefinition(definition, options) << "\n";
    if (plugin->policy.workflows.empty())
        std::cout << (options.lang() == Language::English ? "no workflows defined\n" : "未定义工作流程\n");
    return kOk;
}

Result<std::string> readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path, "cannot read the file (is it there?)");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Demands from a CSV file: the rows are checked by the exchange reader, then each opens a
// case of the county's demand workflow; all are written in one transaction or none is.
int importDemands(const CaseArgs& a, const Options& options) {
    auto date = Date::parse(a.date);
    if (!date) return fail(makeError("--date", date.error().message()));
    auto bytes = readWholeFile(a.csv);
    if (!bytes) return fail(bytes.error());
    return withWorkspace(a.file, options, [&](const Workspace&, const PolicyData& policy) {
        IO_CLI_TRY(definition, workflowOf(policy, "demand"));
        IO_CLI_TRY(db, openForCases(a.file));
        exchange::ImportOptions o;
        o.file = a.csv;
        o.date = *date;
        o.dryRun = true;  // the exchange layer only reads demands; the workflow opens them
        auto read = exchange::importCsv(db, exchange::Table::Demands, *bytes, o);
        if (!read) return fail(read.error());
        if (!read->problems.empty()) {
            for (const auto& p : read->problems.listed) std::cerr << "inspectonce: " << p.where() << ": " << options.say(p.why) << "\n";
            return int(kBadInput);
        }
        auto opened = store::openDemands(db, *definition, read->demands, a.csv, *date, a.dryRun);
        if (!opened) return fail(opened.error());
        bool en = options.lang() == Language::English;
        if (options.json) {
            printJson({{"file", a.file}, {"csv", a.csv}, {"opened", opened->size()}, {"dry_run", a.dryRun}, {"cases", *opened}});
        } else if (en) {
            std::cout << "demands: " << opened->size() << (a.dryRun ? " checked, dry run: nothing written" : " cases opened in " + a.file)
                      << clauseSuffix(definition->clause, options) << "\n";
        } else {
            std::cout << "诉求：" << (a.dryRun ? "检查 " : "立案 ") << opened->size() << " 件" << (a.dryRun ? "，试运行：未写入" : "，已写入 " + a.file)
                      << clauseSuffix(definition->clause, options) << "\n";
        }
        return int(kOk);
    });
}

// open / step / list for one workflow (or any, with --workflow) under `parent`.
void addCaseSubcommands(CLI::App& parent, const std::string& workflow, const Options& options, int& exitCode) {
    auto args = std::make_shared<CaseArgs>();
    args->workflow = workflow;
    bool any = workflow.empty();

    auto* open = parent.add_subcommand("open", "Open a case: the engine picks or checks the opening step, with its clause");
    open->add_option("file", args->file, "the workspace file")->required();
    if (any) open->add_option("--workflow", args->workflow, "demand, finding, inspection, guidance, leader-visit, complaint …")->required();
    open->add_option("--transition", args->transition, "the opening step (default: the one the data selects)");
    open->add_option("--as", args->as, "who acts: ROLE or ROLE:NAME (e.g. service-center:王芳)")->required();
    open->add_option("--date", args->date, "the business date, YYYY-MM-DD")->required();
    open->add_option("--enterprise", args->enterprise, "the enterprise's 统一社会信用代码");
    open->add_option("--department", args->department, "the department holding it");
    open->add_option("--title", args->title, "the demand or problem in its own words");
    open->add_option("--set", args->set, "data the step needs, KEY=VALUE (repeatable)");
    open->callback([args, &options, &exitCode] { exitCode = openCommand(*args, options); });

    auto* step = parent.add_subcommand("step", "Take a step on a case; refused with the clause when the rules do not allow it");
    step->add_option("file", args->file, "the workspace file")->required();
    step->add_option("id", args->id, "the case number")->required();
    step->add_option("transition", args->transition, "the step, e.g. transfer, answer, close")->required();
    step->add_option("--as", args->as, "who acts: ROLE or ROLE:NAME")->required();
    step->add_option("--date", args->date, "the business date, YYYY-MM-DD")->required();
    step->add_option("--set", args->set, "data the step needs, KEY=VALUE (repeatable)");
    step->callback([args, &options, &exitCode] { exitCode = stepCommand(*args, options); });

    auto* show = parent.add_subcommand("show", "One case with every step, its clause, deadline and standing");
    show->add_option("file", args->file, "the workspace file")->required();
    show->add_option("id", args->id, "the case number")->required();
    show->add_option("--date", args->date, "where it stands on this day (default: its last step's)");
    show->callback([args, &options, &exitCode] { exitCode = showCommand(*args, options); });

    auto* list = parent.add_subcommand("list", "The cases, with state, deadline and standing");
    list->add_option("file", args->file, "the workspace file")->required();
    if (any) list->add_option("--workflow", args->workflow, "only this workflow");
    list->add_option("--date", args->date, "standings on this day");
    list->add_flag("--open", args->open, "only cases not closed");
    list->callback([args, &options, &exitCode] { exitCode = listCommand(*args, options); });
}

}  // namespace

void addCaseCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* cases = app.add_subcommand("case", "Workflow cases: demands, findings, inspections, bookings, visits, complaints");
    cases->require_subcommand(1);
    addCaseSubcommands(*cases, "", options, exitCode);
    auto county = std::make_shared<std::string>();
    auto* workflows = cases->add_subcommand("workflows", "A county's workflows: states, steps, roles, deadlines, clauses");
    workflows->add_option("--county", *county, "county id")->required();
    workflows->callback([county, &options, &exitCode] { exitCode = workflowsCommand(*county, options); });

    auto* demand = app.add_subcommand("demand", "Enterprise demands (诉求): received, routed, answered, visited back, closed");
    demand->require_subcommand(1);
    addCaseSubcommands(*demand, "demand", options, exitCode);
    auto args = std::make_shared<CaseArgs>();
    auto* import = demand->add_subcommand("import", "Open a demand case for each row of a CSV file, all or none");
    import->add_option("file", args->file, "the workspace file")->required();
    import->add_option("csv", args->csv, "the demands CSV (Chinese or English headers)")->required();
    import->add_option("--date", args->date, "the business date of the import, YYYY-MM-DD")->required();
    import->add_flag("--dry-run", args->dryRun, "check and count, write nothing");
    import->callback([args, &options, &exitCode] { exitCode = importDemands(*args, options); });

    // `finding` exists (finding assess, grade_command.cpp): its workflow joins it.
    CLI::App* finding = nullptr;
    try {
        finding = app.get_subcommand("finding");
    } catch (const CLI::OptionNotFound&) {
        finding = app.add_subcommand("finding", "Findings of inspections");
    }
    addCaseSubcommands(*finding, "finding", options, exitCode);
}

}  // namespace inspectonce::cli
