// inspectonce draw run FILE --departments a,b --ratio 5 --seed S --date D [--save] …
// inspectonce draw verify FILE (--record R.json | --id N)
// 双随机、一公开 draws on a workspace file (003 二(二), 002 三(二)2): run prints the strata,
// ratios with their clauses, the drawn enterprises and inspectors, the input hash and the
// seed (--json: the publishable record); --save keeps it in the workspace for the year's
// next draws. verify re-runs a record: exit 0 confirmed, 1 it differs (what, on stdout),
// 2 bad input.
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "cli.hpp"
#include "inspectonce/draw.hpp"
#include "inspectonce/draw_store.hpp"

namespace inspectonce::cli {
namespace {

struct DrawArgs {
    std::string file, date, ratio, seed, record;
    std::vector<std::string> departments, industries, towns, items, conflicts;
    int lower = 50, higher = 200, inspectors = 2;
    int64_t id = 0;
    bool save = false, allowRepeats = false;
};

std::vector<std::string> splitCommas(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t comma = value.find(',', start);
            std::string part = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!part.empty()) out.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

Result<DrawRequest> request(const DrawArgs& a) {
    DrawRequest r;
    auto date = Date::parse(a.date);
    if (!date) return makeError("--date", date.error().message());
    r.date = *date;
    r.departments = splitCommas(a.departments);
    r.industries = splitCommas(a.industries);
    r.towns = splitCommas(a.towns);
    r.items = splitCommas(a.items);
    auto ratio = parsePercentBp(a.ratio);
    if (!ratio) return makeError("--ratio", ratio.error().why);
    r.baseRatioBp = *ratio;
    r.lowerMultiplierPercent = a.lower;
    r.higherMultiplierPercent = a.higher;
    r.inspectorsPerEnterprise = a.inspectors;
    r.preferNotYetDrawn = !a.allowRepeats;
    r.seed = a.seed;
    for (const auto& c : a.conflicts) {
        auto eq = c.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == c.size())
            return makeError("--conflict", "expected INSPECTOR=USCC, found \"" + c + "\"");
        r.conflicts.push_back({c.substr(0, eq), c.substr(eq + 1)});
    }
    return r;
}

// The workspace, its county's policy (from the plugins) and its draws of the year.
struct Opened {
    std::optional<store::Database> db;
    Workspace workspace;
    PluginHost host;
    const LoadedPlugin* plugin = nullptr;
};

Result<std::unique_ptr<Opened>> open(const std::string& file, bool write, const Options& options) {
    auto opened = std::make_unique<Opened>();
    IO_TRY(db, store::openForDraws(file, write));
    opened->db.emplace(std::move(db));
    IO_TRY(workspace, store::loadWorkspace(file));
    opened->workspace = std::move(workspace);
    IO_TRY(report, loadPlugins(opened->host, options));
    (void)report;
    Error unknown;
    opened->plugin = findCounty(opened->host, opened->workspace.county, unknown);
    if (!opened->plugin) return makeError(file + ": county", unknown.why);
    return opened;
}

int run(const DrawArgs& a, const Options& options) {
    auto req = request(a);
    if (!req) return fail(req.error());
    auto opened = open(a.file, a.save, options);
    if (!opened) return fail(opened.error());
    auto& o = **opened;
    auto earlier = store::loadPastDraws(*o.db, o.workspace.year, req->date);
    if (!earlier) return fail(earlier.error());
    auto record = runDraw(o.workspace, o.plugin->policy, *req, *earlier);
    if (!record) return fail(record.error());
    if (a.save) {
        auto id = store::saveDraw(*o.db, record.value());
        if (!id) return fail(id.error());
    }
    if (options.json) printJson(toJson(*record));
    else std::cout << describe(*record, o.workspace, options.lang());
    return kOk;
}

int verify(const DrawArgs& a, const Options& options) {
    if (a.record.empty() == (a.id == 0)) return fail(makeError("draw verify", "give either --record FILE or --id N"));
    auto opened = open(a.file, false, options);
    if (!opened) return fail(opened.error());
    auto& o = **opened;
    std::string text, source;
    if (!a.record.empty()) {
        std::ifstream in(a.record, std::ios::binary);
        if (!in) return fail(makeError(a.record, "record file not found or not readable"));
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        source = a.record;
    } else {
        auto stored = store::loadDrawRecord(*o.db, a.id);
        if (!stored) return fail(stored.error());
        text = *stored;
        source = a.file + ": draw " + std::to_string(a.id);
    }
    auto recorded = readDrawRecord(text, source);
    if (!recorded) return fail(recorded.error());
    auto past = store::loadPastDraws(*o.db, o.workspace.year);
    if (!past) return fail(past.error());
    auto verification = verifyDraw(o.workspace, o.plugin->policy, *recorded, *past);
    if (!verification) return fail(verification.error());
    if (options.json) printJson(toJson(*verification));
    else std::cout << describe(*verification, options.lang());
    return verification->outcome == DrawVerification::Outcome::Confirmed ? kOk : kNo;
}

}  // namespace

void addDrawCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* draw = app.add_subcommand("draw", "双随机、一公开 random draws: run one, verify a published one");
    draw->require_subcommand(1);

    auto a = std::make_shared<DrawArgs>();
    auto* runCommand = draw->add_subcommand("run", "Draw enterprises by credit grade and inspectors for them, reproducibly");
    runCommand->add_option("file", a->file, "the workspace file")->required();
    runCommand->add_option("--departments", a->departments, "taking-part department ids, comma-separated (several: a joint task)")->required();
    runCommand->add_option("--ratio", a->ratio, "the base ratio in percent, e.g. 5 or 2.5")->required();
    runCommand->add_option("--seed", a->seed, "the published seed (any text)")->required();
    runCommand->add_option("--date", a->date, "the day of the draw, YYYY-MM-DD")->required();
    runCommand->add_option("--industry", a->industries, "only enterprises of these industries (comma-separated, repeatable)");
    runCommand->add_option("--town", a->towns, "only enterprises of these towns (comma-separated, repeatable)");
    runCommand->add_option("--item", a->items, "the catalogue items the task inspects (comma-separated, repeatable)");
    runCommand->add_option("--lower", a->lower, "ratio of grades sampled 'lower' where the county gives no number, % of the base (default 50)");
    runCommand->add_option("--higher", a->higher, "ratio of grades sampled 'higher' where the county gives no number, % of the base (default 200)");
    runCommand->add_option("--inspectors", a->inspectors, "inspectors per enterprise (at least 2, the default)");
    runCommand->add_option("--conflict", a->conflicts, "INSPECTOR=USCC: an inspector who must not inspect that enterprise (repeatable)");
    runCommand->add_flag("--allow-repeats", a->allowRepeats, "do not prefer enterprises not drawn yet this year");
    runCommand->add_flag("--save", a->save, "keep the draw in the workspace (the year's next draws read it)");
    runCommand->callback([a, &options, &exitCode] { exitCode = run(*a, options); });

    auto v = std::make_shared<DrawArgs>();
    auto* verifyCommand = draw->add_subcommand("verify", "Re-run a published draw and confirm it, or say what differs");
    verifyCommand->add_option("file", v->file, "the workspace file")->required();
    verifyCommand->add_option("--record", v->record, "a record printed by draw run --json");
    verifyCommand->add_option("--id", v->id, "a draw saved in the workspace");
    verifyCommand->callback([v, &options, &exitCode] { exitCode = verify(*v, options); });
}

}  // namespace inspectonce::cli
