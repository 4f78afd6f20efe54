// Importing a checked CSV file into a workspace file: what exists is read first (References),
// every row is checked (rows.cpp), and only a file without problems is written, in one
// transaction with one audit entry per row.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <nlohmann/json.hpp>

#include "exchange/exchange_internal.hpp"
#include "inspectonce/store.hpp"
#include "store/lists.hpp"

namespace inspectonce::exchange {
namespace {

template <class F>
Status eachRow(store::Statement& s, F&& f) {
    while (true) {
        IO_TRY(row, s.step());
        if (!row) return Ok{};
        IO_CHECK(f(s));
    }
}

nlohmann::json enterpriseJson(const WorkspaceEnterprise& e) {
    return {{"uscc", e.enterprise.code.str()}, {"name", e.enterprise.name}, {"grade", toString(e.enterprise.grade)},
            {"lists", e.enterprise.lists}, {"town", e.town}, {"industry", e.industry}, {"above_scale", e.aboveScale}};
}

nlohmann::json departmentJson(const WorkspaceDepartment& d) {
    return {{"id", d.id}, {"name", d.name.zh}, {"name_en", d.name.en}, {"level", toString(d.level)},
            {"units", d.units}, {"inspectors_per_day", d.inspectorsPerDay}};
}

nlohmann::json planJson(const Plan& p) {
    return {{"id", p.id}, {"department", p.department}, {"unit", p.unit}, {"enterprise", p.enterprise}, {"items", p.items},
            {"start", p.window.first.iso()}, {"end", p.window.last.iso()}, {"kind", toString(p.kind)}, {"method", toString(p.method)},
            {"exception", p.exception ? nlohmann::json(*p.exception) : nlohmann::json(nullptr)},
            {"filed_on", p.filedOn ? nlohmann::json(p.filedOn->iso()) : nlohmann::json(nullptr)}, {"inspectors", p.inspectors}};
}

std::string baseName(const std::string& path) {
    std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

audit::Entry entry(const ImportOptions& options, std::string action, std::string subject, std::string before, std::string after) {
    audit::Entry e;
    e.date = options.date;
    e.actor = "import:" + baseName(options.file);
    e.action = std::move(action);
    e.subject = std::move(subject);
    e.before = std::move(before);
    e.after = std::move(after);
    return e;
}

Result<std::optional<WorkspaceEnterprise>> storedEnterprise(store::Statement& s, const std::string& uscc) {
    s.reset();
    s.bind(1, uscc);
    IO_TRY(row, s.step());
    if (!row) return std::optional<WorkspaceEnterprise>();
    auto grade = parseCreditGrade(s.text(1));
    auto code = Uscc::parse(uscc);
    if (!grade || !code) return makeError("table enterprises, row " + uscc, "the stored grade or code is not valid");
    return std::optional<WorkspaceEnterprise>(
        WorkspaceEnterprise{Enterprise{*code, s.text(0), *grade, store::splitList(s.text(2))}, s.text(3), s.text(4), s.integer(5) != 0});
}

Result<std::optional<WorkspaceDepartment>> storedDepartment(store::Statement& s, const std::string& id) {
    s.reset();
    s.bind(1, id);
    IO_TRY(row, s.step());
    if (!row) return std::optional<WorkspaceDepartment>();
    auto level = parseDepartmentLevel(s.text(2));
    if (!level) return makeError("table departments, row " + id, level.error().why);
    return std::optional<WorkspaceDepartment>(
        WorkspaceDepartment{id, {s.text(0), s.text(1)}, *level, store::splitList(s.text(3)), static_cast<int>(s.integer(4))});
}

// Each writer takes rows [from, to): counting them (write false) or writing them, with their audit
// entries, inside the caller's transaction.
Status importEnterprises(store::Database& db, const Rows<WorkspaceEnterprise>& rows, std::size_t from, std::size_t to,
                         const ImportOptions& options, ImportReport& report, bool write) {
    IO_TRY(find, db.prepare("SELECT name, grade, lists, town, industry, above_scale FROM enterprises WHERE uscc = ?"));
    IO_TRY(insert, db.prepare("INSERT INTO enterprises (uscc, name, grade, lists, town, industry, above_scale) VALUES (?,?,?,?,?,?,?)"));
    IO_TRY(update, db.prepare("UPDATE enterprises SET name = ?2, grade = ?3, lists = ?4, town = ?5, industry = ?6, above_scale = ?7 WHERE uscc = ?1"));
    for (std::size_t i = from; i < to; ++i) {
        const WorkspaceEnterprise& row = rows.records[i];
        const std::string& uscc = row.enterprise.code.str();
        IO_TRY(stored, storedEnterprise(find, uscc));
        WorkspaceEnterprise after = row;
        if (stored) {
            if (!rows.has("lists")) after.enterprise.lists = stored->enterprise.lists;
            if (!rows.has("town")) after.town = stored->town;
            if (!rows.has("industry")) after.industry = stored->industry;
            if (!rows.has("above_scale")) after.aboveScale = stored->aboveScale;
        }
        std::string before = stored ? enterpriseJson(*stored).dump() : "";
        std::string now = enterpriseJson(after).dump();
        if (stored && before == now) {  // nothing to write, nothing to audit
            ++report.unchanged;
            continue;
        }
        ++(stored ? report.updated : report.added);
        if (!write) continue;
        store::Statement& s = stored ? update : insert;
        s.reset();
        IO_CHECK(s.bind(1, uscc).bind(2, after.enterprise.name).bind(3, toString(after.enterprise.grade))
                     .bind(4, store::joinList(after.enterprise.lists)).bind(5, after.town).bind(6, after.industry)
                     .bind(7, int64_t{after.aboveScale}).run());
        IO_CHECK(store::appendAudit(db, entry(options, "import.enterprise", "enterprise " + uscc,
                                              before, now)));
    }
    return Ok{};
}

Status importDepartments(store::Database& db, const Rows<WorkspaceDepartment>& rows, std::size_t from, std::size_t to,
                         const ImportOptions& options, ImportReport& report, bool write) {
    IO_TRY(find, db.prepare("SELECT name_zh, name_en, level, units, inspectors_per_day FROM departments WHERE id = ?"));
    IO_TRY(insert, db.prepare("INSERT INTO departments (id, name_zh, name_en, level, units, inspectors_per_day) VALUES (?,?,?,?,?,?)"));
    IO_TRY(update, db.prepare("UPDATE departments SET name_zh = ?2, name_en = ?3, level = ?4, units = ?5, inspectors_per_day = ?6 WHERE id = ?1"));
    for (std::size_t i = from; i < to; ++i) {
        const WorkspaceDepartment& row = rows.records[i];
        IO_TRY(stored, storedDepartment(find, row.id));
        WorkspaceDepartment after = row;
        if (stored) {
            if (!rows.has("name_en")) after.name.en = stored->name.en;
            if (!rows.has("level")) after.level = stored->level;
            if (!rows.has("units")) after.units = stored->units;
            if (!rows.has("inspectors_per_day")) after.inspectorsPerDay = stored->inspectorsPerDay;
        }
        std::string before = stored ? departmentJson(*stored).dump() : "";
        std::string now = departmentJson(after).dump();
        if (stored && before == now) {  // nothing to write, nothing to audit
            ++report.unchanged;
            continue;
        }
        ++(stored ? report.updated : report.added);
        if (!write) continue;
        store::Statement& s = stored ? update : insert;
        s.reset();
        IO_CHECK(s.bind(1, after.id).bind(2, after.name.zh).bind(3, after.name.en).bind(4, toString(after.level))
                     .bind(5, store::joinList(after.units)).bind(6, int64_t{after.inspectorsPerDay}).run());
        IO_CHECK(store::appendAudit(db, entry(options, "import.department", "department " + after.id,
                                              before, now)));
    }
    return Ok{};
}

Status importPlans(store::Database& db, const Rows<Plan>& rows, std::size_t from, std::size_t to, const ImportOptions& options,
                   ImportReport& report, bool write) {
    report.added += static_cast<int64_t>(to - from);
    for (std::size_t i = from; i < to; ++i) report.planIds.push_back(rows.records[i].id);
    if (!write) return Ok{};
    IO_TRY(insert, db.prepare("INSERT INTO plans (id, department, unit, enterprise, kind, method, window_first, window_last, "
                              "exception, filed_on, inspectors) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    IO_TRY(items, db.prepare("INSERT INTO plan_items (plan, item) VALUES (?,?)"));
    for (std::size_t i = from; i < to; ++i) {
        const Plan& p = rows.records[i];
        insert.reset();
        insert.bind(1, p.id).bind(2, p.department).bind(3, p.unit).bind(4, p.enterprise).bind(5, toString(p.kind))
            .bind(6, toString(p.method)).bind(7, p.window.first.iso()).bind(8, p.window.last.iso()).bindOptional(9, p.exception);
        if (p.filedOn) insert.bind(10, p.filedOn->iso());
        else insert.bindNull(10);
        IO_CHECK(insert.bind(11, int64_t{p.inspectors}).run());
        for (const auto& item : p.items) {
            items.reset();
            IO_CHECK(items.bind(1, p.id).bind(2, item).run());
        }
        IO_CHECK(store::appendAudit(db, entry(options, "import.plan", "plan " + std::to_string(p.id), "", planJson(p).dump())));
    }
    return Ok{};
}

}  // namespace

Result<References> References::load(store::Database& db) {
    IO_TRY(version, db.version());
    if (version != store::currentSchemaVersion())
        return makeError(db.path(), "schema version " + std::to_string(version) + ", this build writes " +
                                        std::to_string(store::currentSchemaVersion()) + " (migrate it first)");
    References r;
    IO_TRY(meta, db.prepare("SELECT value FROM meta WHERE key = 'year'"));
    IO_TRY(hasYear, meta.step());
    if (!hasYear) return makeError(db.path() + ": table meta", "the key 'year' is missing (not a workspace?)");
    r.year = std::atoi(meta.text(0).c_str());
    IO_TRY(d, db.prepare("SELECT id, name_zh, name_en, level, units, inspectors_per_day FROM departments ORDER BY id"));
    IO_CHECK(eachRow(d, [&](store::Statement& s) -> Status {
        auto level = parseDepartmentLevel(s.text(3));
        if (!level) return makeError(db.path() + ": table departments, row " + s.text(0), level.error().why);
        r.departments.push_back({s.text(0), {s.text(1), s.text(2)}, *level, store::splitList(s.text(4)), static_cast<int>(s.integer(5))});
        return Ok{};
    }));
    IO_TRY(i, db.prepare("SELECT id, name_zh, name_en, kind, department, on_site, non_site, delegable FROM items ORDER BY id"));
    IO_CHECK(eachRow(i, [&](store::Statement& s) -> Status {
        r.items.push_back({s.text(0), {s.text(1), s.text(2)}, s.text(3), s.text(4), s.integer(5) != 0, s.integer(6) != 0, s.integer(7) != 0});
        return Ok{};
    }));
    IO_TRY(e, db.prepare("SELECT uscc FROM enterprises ORDER BY uscc"));
    IO_CHECK(eachRow(e, [&](store::Statement& s) -> Status {
        r.enterprises.push_back(s.text(0));
        return Ok{};
    }));
    std::sort(r.enterprises.begin(), r.enterprises.end());  // SQLite's order is bytewise too; kept explicit
    IO_TRY(p, db.prepare("SELECT id FROM plans ORDER BY id"));
    IO_CHECK(eachRow(p, [&](store::Statement& s) -> Status {
        r.planIds.push_back(s.integer(0));
        return Ok{};
    }));
    IO_TRY(c, db.prepare("SELECT id FROM cases ORDER BY id"));
    IO_CHECK(eachRow(c, [&](store::Statement& s) -> Status {
        r.caseIds.push_back(s.integer(0));
        return Ok{};
    }));
    IO_TRY(u, db.prepare("SELECT DISTINCT department, unit FROM plans WHERE unit != '' ORDER BY department, unit"));
    IO_CHECK(eachRow(u, [&](store::Statement& s) -> Status {
        r.unitsInUse.emplace_back(s.text(0), s.text(1));
        return Ok{};
    }));
    return r;
}

// ---- A run in slices ------------------------------------------------------------------------

struct ImportRun::State {
    enum class Phase { Parse, Check, Count, Write, Done };

    virtual ~State() = default;
    virtual Status advance(std::size_t rows) = 0;  // one slice of the current phase
    virtual double fraction() const = 0;

    store::Database* db = nullptr;
    std::string bytes;  // until parsed
    ImportOptions options;
    References refs;
    ImportReport report;
    Phase phase = Phase::Parse;
    bool inTransaction = false;
};

namespace {

template <class T>
using Writer = Status (*)(store::Database&, const Rows<T>&, std::size_t, std::size_t, const ImportOptions&, ImportReport&, bool);

// One table's run: parse, check every row, then (when there are no problems and the table is
// written) count and write the rows; demands are only read and checked (the workflow opens them).
template <class T>
struct TableImport final : ImportRun::State {
    explicit TableImport(Writer<T> w) : writer(w) {}

    Status advance(std::size_t count) override {
        switch (phase) {
            case Phase::Parse:
                check.emplace(bytes, options.file, refs, report.problems);
                bytes = std::string();
                phase = Phase::Check;
                return Ok{};
            case Phase::Check:
                check->check(count);
                if (check->done()) checked();
                return Ok{};
            case Phase::Count:
            case Phase::Write: {
                std::size_t to = std::min(rows.records.size(), next + count);
                IO_CHECK(writer(*db, rows, next, to, options, report, phase == Phase::Write));
                (phase == Phase::Count ? counted : written) += to - next;
                next = to;
                if (next == rows.records.size()) return phase == Phase::Count ? countedAll() : writtenAll();
                return Ok{};
            }
            case Phase::Done: return Ok{};
        }
        return Ok{};
    }

    void checked() {
        records = check->records();
        rows = check->take();
        check.reset();
        report.rows = report.problems.empty() ? static_cast<int64_t>(rows.records.size()) : 0;
        if (!report.problems.empty()) {
            phase = Phase::Done;
        } else if (!writer) {
            if constexpr (std::is_same_v<T, DemandRecord>) report.demands = std::move(rows.records);
            phase = Phase::Done;
        } else {
            phase = Phase::Count;
        }
    }
    Status countedAll() {
        if (options.dryRun) {
            phase = Phase::Done;
            return Ok{};
        }
        // Counted again as written (the same counts, unless the file changed under us).
        report.added = report.updated = report.unchanged = 0;
        report.planIds.clear();
        IO_CHECK(db->begin());
        inTransaction = true;
        next = 0;
        phase = Phase::Write;
        return Ok{};
    }
    Status writtenAll() {
        inTransaction = false;
        IO_CHECK(db->commit());
        report.written = true;
        phase = Phase::Done;
        return Ok{};
    }

    // Weights near the time each phase takes: writing (with its audit entries) costs about
    // three times as much as checking or counting a row.
    double fraction() const override {
        if (phase == Phase::Done) return 1.0;
        if (phase == Phase::Parse) return 0.0;
        std::size_t all = check ? check->records() : records;
        double total = static_cast<double>(all) * (writer ? (options.dryRun ? 2.0 : 5.0) : 1.0);
        double done = static_cast<double>(check ? check->checked() : all) + static_cast<double>(counted) +
                      3.0 * static_cast<double>(written);
        return total > 0 ? std::min(1.0, done / total) : 0.0;
    }

    Writer<T> writer;
    std::optional<detail::RowCheck<T>> check;
    Rows<T> rows;
    std::size_t records = 0;
    std::size_t next = 0;  // the next row to count or write
    std::size_t counted = 0;
    std::size_t written = 0;
};

std::unique_ptr<ImportRun::State> tableImport(Table table) {
    switch (table) {
        case Table::Enterprises: return std::make_unique<TableImport<WorkspaceEnterprise>>(&importEnterprises);
        case Table::Departments: return std::make_unique<TableImport<WorkspaceDepartment>>(&importDepartments);
        case Table::Plans: return std::make_unique<TableImport<Plan>>(&importPlans);
        case Table::Demands: return std::make_unique<TableImport<DemandRecord>>(nullptr);
    }
    return nullptr;
}

}  // namespace

ImportRun::ImportRun(std::unique_ptr<State> state) : state_(std::move(state)) {}
ImportRun::ImportRun(ImportRun&&) noexcept = default;
ImportRun& ImportRun::operator=(ImportRun&& other) noexcept {
    if (this != &other) {
        cancel();
        state_ = std::move(other.state_);
    }
    return *this;
}
ImportRun::~ImportRun() { cancel(); }

Result<ImportRun> ImportRun::start(store::Database& db, Table table, std::string bytes, ImportOptions options) {
    IO_TRY(refs, References::load(db));
    std::unique_ptr<State> state = tableImport(table);
    state->db = &db;
    state->bytes = std::move(bytes);
    state->options = std::move(options);
    state->refs = std::move(refs);
    state->report.table = table;
    return ImportRun(std::move(state));
}

Result<bool> ImportRun::step(std::size_t rows) {
    if (done()) return true;
    if (Status advanced = state_->advance(std::max<std::size_t>(rows, 1)); !advanced) {
        cancel();
        return advanced.error();
    }
    return done();
}

bool ImportRun::done() const { return !state_ || state_->phase == State::Phase::Done; }
double ImportRun::fraction() const { return state_ ? state_->fraction() : 1.0; }
const ImportReport& ImportRun::report() const { return state_->report; }

void ImportRun::cancel() {
    if (done()) return;
    if (state_->inTransaction) state_->db->rollback();
    state_->inTransaction = false;
    state_->report.written = false;
    state_->phase = State::Phase::Done;
}

Result<ImportReport> importCsv(store::Database& db, Table table, std::string_view bytes, const ImportOptions& options) {
    IO_TRY(run, ImportRun::start(db, table, std::string(bytes), options));
    while (true) {
        IO_TRY(finished, run.step(SIZE_MAX));
        if (finished) return run.report();
    }
}

}  // namespace inspectonce::exchange
