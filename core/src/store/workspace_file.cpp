// Reading and writing a Workspace as rows of the schema (schema.cpp). Loading checks every
// value and names the table and row of the first bad one, in one go or a slice at a time
// (WorkspaceReading); saving validates first and writes everything in one transaction, in
// one go or a slice at a time (WorkspaceWriting).
#include <algorithm>
#include <limits>
#include <map>
#include <span>
#include <vector>

#include "inspectonce/store.hpp"
#include "store/lists.hpp"

namespace inspectonce::store {

namespace detail {
Status insertCase(Database& db, workflow::Case& item);  // case_file.cpp

// What a reading fills: the workspace, and the rows read ahead of the ones that take them.
struct WorkspaceRows {
    std::string path;  // errors name it
    Workspace w;
    std::map<int64_t, std::vector<std::string>> planItems;  // plan id → its items, until the plan is read
    std::map<int64_t, std::vector<int64_t>> visitPlans;     // visit id → its plans, until the visit is read
};
}  // namespace detail
using detail::WorkspaceRows;

namespace {

// Where a bad value sits: "file: table plans, row 17, column window_first".
struct RowPlace {
    const std::string& path;
    std::string table;
    std::string row;

    template <class T>
    Result<T> check(Result<T> value, std::string_view column) const {
        if (value) return value;
        return makeError(path + ": table " + table + ", row " + row + ", column " + std::string(column), value.error().why);
    }
};

Result<std::string> meta(Database& db, std::string_view key) {
    IO_TRY(statement, db.prepare("SELECT value FROM meta WHERE key = ?"));
    statement.bind(1, key);
    IO_TRY(row, statement.step());
    if (!row) return makeError(db.path() + ": table meta", "the key '" + std::string(key) + "' is missing");
    return statement.text(0);
}

// ---- Reading: one function per row of each table, in the order a workspace is read ----------

Status departmentRow(const Statement& s, WorkspaceRows& r) {
    RowPlace at{r.path, "departments", s.text(0)};
    WorkspaceDepartment d;
    d.id = s.text(0);
    d.name = {s.text(1), s.text(2)};
    IO_TRY(level, at.check(parseDepartmentLevel(s.text(3)), "level"));
    d.level = level;
    d.units = splitList(s.text(4));
    d.inspectorsPerDay = static_cast<int>(s.integer(5));
    r.w.departments.push_back(std::move(d));
    return Ok{};
}

Status inspectorRow(const Statement& s, WorkspaceRows& r) {
    r.w.inspectors.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
    return Ok{};
}

Status itemRow(const Statement& s, WorkspaceRows& r) {
    r.w.items.push_back({s.text(0), {s.text(1), s.text(2)}, s.text(3), s.text(4), s.integer(5) != 0, s.integer(6) != 0,
                         s.integer(7) != 0});
    return Ok{};
}

Status enterpriseRow(const Statement& s, WorkspaceRows& r) {
    RowPlace at{r.path, "enterprises", s.text(0)};
    IO_TRY(code, at.check(Uscc::parse(s.text(0)), "uscc"));
    IO_TRY(grade, at.check(parseCreditGrade(s.text(2)), "grade"));
    r.w.enterprises.push_back({Enterprise{code, s.text(1), grade, splitList(s.text(3))}, s.text(4), s.text(5), s.integer(6) != 0});
    return Ok{};
}

// The rows read ahead for `id` (a plan's items, a visit's plans), handed over once.
template <class T>
std::vector<T> takeAhead(std::map<int64_t, std::vector<T>>& ahead, int64_t id) {
    auto found = ahead.find(id);
    if (found == ahead.end()) return {};
    std::vector<T> rows = std::move(found->second);
    ahead.erase(found);
    return rows;
}

// Read before the plans, which take them.
Status planItemRow(const Statement& s, WorkspaceRows& r) {
    r.planItems[s.integer(0)].push_back(s.text(1));
    return Ok{};
}

Status planRow(const Statement& s, WorkspaceRows& r) {
    RowPlace at{r.path, "plans", std::to_string(s.integer(0))};
    Plan p;
    p.id = s.integer(0);
    p.department = s.text(1);
    p.unit = s.text(2);
    p.enterprise = s.text(3);
    IO_TRY(kind, at.check(parseInspectionKind(s.text(4)), "kind"));
    IO_TRY(method, at.check(parseMethod(s.text(5)), "method"));
    IO_TRY(first, at.check(Date::parse(s.text(6)), "window_first"));
    IO_TRY(last, at.check(Date::parse(s.text(7)), "window_last"));
    p.kind = kind;
    p.method = method;
    p.window = {first, last};
    if (!s.isNull(8)) p.exception = s.text(8);
    if (!s.isNull(9)) {
        IO_TRY(filed, at.check(Date::parse(s.text(9)), "filed_on"));
        p.filedOn = filed;
    }
    p.inspectors = static_cast<int>(s.integer(10));
    p.items = takeAhead(r.planItems, p.id);
    r.w.plans.push_back(std::move(p));
    return Ok{};
}

Status historyRow(const Statement& h, WorkspaceRows& r) {
    RowPlace at{r.path, "history", std::to_string(h.integer(9))};
    HistoryEntry e;
    IO_TRY(date, at.check(Date::parse(h.text(1)), "date"));
    IO_TRY(level, at.check(parseDepartmentLevel(h.text(3)), "level"));
    IO_TRY(method, at.check(parseMethod(h.text(5)), "method"));
    e.date = date;
    e.department = h.text(2);
    e.level = level;
    e.item = h.text(4);
    e.method = method;
    e.joint = h.integer(6) != 0;
    e.unified = h.integer(7) != 0;
    e.violation = h.integer(8) != 0;
    r.w.history.emplace_back(h.text(0), e);
    return Ok{};
}

Status eventRow(const Statement& s, WorkspaceRows& r) {
    RowPlace at{r.path, "events", std::to_string(s.integer(4))};
    IO_TRY(date, at.check(Date::parse(s.text(1)), "date"));
    r.w.events.push_back({s.text(0), date, s.text(2), s.text(3)});
    return Ok{};
}

// Read before the visits, which take them.
Status visitPlanRow(const Statement& s, WorkspaceRows& r) {
    r.visitPlans[s.integer(0)].push_back(s.integer(1));
    return Ok{};
}

Status visitRow(const Statement& s, WorkspaceRows& r) {
    RowPlace at{r.path, "visits", std::to_string(s.integer(0))};
    Visit v;
    v.id = s.integer(0);
    v.enterprise = s.text(1);
    IO_TRY(date, at.check(Date::parse(s.text(2)), "date"));
    IO_TRY(kind, at.check(parseInspectionKind(s.text(3)), "kind"));
    v.date = date;
    v.kind = kind;
    v.lead = s.text(4);
    if (!s.isNull(5)) {
        IO_TRY(notice, at.check(Date::parse(s.text(5)), "notice_date"));
        v.noticeDate = notice;
    }
    v.code = s.text(6);
    v.plans = takeAhead(r.visitPlans, v.id);
    r.w.visits.push_back(std::move(v));
    return Ok{};
}

// Cases come whole, with their steps (loadCases): a county has few beside its plans.
Status readCases(Database& db, WorkspaceRows& r) {
    IO_TRY(cases, loadCases(db));
    r.w.cases = std::move(cases);
    return Ok{};
}

// The parts of a workspace file in the order they are read: a SELECT and what each row
// adds, or (`whole`) a part read in one go. Its table's rows count for the progress.
struct ReadPart {
    std::string_view table;
    std::string_view select;
    Status (*row)(const Statement&, WorkspaceRows&);
    Status (*whole)(Database&, WorkspaceRows&);
};
constexpr ReadPart kReadParts[] = {
    {"departments", "SELECT id, name_zh, name_en, level, units, inspectors_per_day FROM departments ORDER BY id", departmentRow, nullptr},
    {"inspectors", "SELECT id, department, unit, name FROM inspectors ORDER BY id", inspectorRow, nullptr},
    {"items", "SELECT id, name_zh, name_en, kind, department, on_site, non_site, delegable FROM items ORDER BY id", itemRow, nullptr},
    {"enterprises", "SELECT uscc, name, grade, lists, town, industry, above_scale FROM enterprises ORDER BY uscc", enterpriseRow, nullptr},
    {"plan_items", "SELECT plan, item FROM plan_items ORDER BY plan, item", planItemRow, nullptr},
    {"plans", "SELECT id, department, unit, enterprise, kind, method, window_first, window_last, exception, filed_on, inspectors "
              "FROM plans ORDER BY id", planRow, nullptr},
    {"history", "SELECT enterprise, date, department, level, item, method, joint, unified, violation, rowid FROM history ORDER BY rowid",
     historyRow, nullptr},
    {"events", "SELECT enterprise, date, kind, detail, rowid FROM events ORDER BY rowid", eventRow, nullptr},
    {"visit_plans", "SELECT visit, plan FROM visit_plans ORDER BY visit, plan", visitPlanRow, nullptr},
    {"visits", "SELECT id, enterprise, date, kind, lead, notice_date, code FROM visits ORDER BY id", visitRow, nullptr},
    {"cases", {}, nullptr, readCases},
};

// The parts a WorkspacePart is read from: [first, last) of kReadParts.
std::pair<std::size_t, std::size_t> readPartsOf(WorkspacePart part) {
    switch (part) {
    case WorkspacePart::Departments: return {0, 3};
    case WorkspacePart::Enterprises: return {3, 4};
    case WorkspacePart::Plans: return {4, 6};
    case WorkspacePart::Cases: return {10, 11};
    }
    return {0, 0};
}

// Reads up to `rows` rows from part `part` on (a part read whole counts all its rows, and
// `counts` holds them), up to part `last`; `open` is the part's statement between calls.
// Returns how many rows were read.
Result<std::size_t> readRows(Database& db, WorkspaceRows& r, std::optional<Statement>& open, std::size_t& part,
                             std::size_t last, std::size_t rows, const std::vector<std::size_t>& counts) {
    std::size_t read = 0;
    while (read < rows && part < last) {
        const ReadPart& p = kReadParts[part];
        if (p.whole) {
            IO_CHECK(p.whole(db, r));
            read += counts.empty() ? 1 : counts[part];
            ++part;
            continue;
        }
        if (!open) {
            IO_TRY(statement, db.prepare(p.select));
            open.emplace(std::move(statement));
        }
        IO_TRY(row, open->step());
        if (!row) {
            open.reset();
            ++part;
            continue;
        }
        IO_CHECK(p.row(*open, r));
        ++read;
    }
    return read;
}

Status insertVisits(Database& db, std::span<const Visit> visits) {
    IO_TRY(v, db.prepare("INSERT INTO visits (id, enterprise, date, kind, lead, notice_date, code) VALUES (?,?,?,?,?,?,?)"));
    IO_TRY(vp, db.prepare("INSERT INTO visit_plans (visit, plan) VALUES (?,?)"));
    for (const auto& visit : visits) {
        v.bind(1, visit.id).bind(2, visit.enterprise).bind(3, visit.date.iso()).bind(4, toString(visit.kind)).bind(5, visit.lead);
        if (visit.noticeDate) v.bind(6, visit.noticeDate->iso()); else v.bindNull(6);
        IO_CHECK(v.bind(7, visit.code).run());
        for (int64_t plan : visit.plans) IO_CHECK(vp.bind(1, visit.id).bind(2, plan).run());
    }
    return Ok{};
}

Status insertOrganisation(Database& db, const Workspace& w, std::size_t, std::size_t) {
    IO_TRY(m, db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)"));
    IO_CHECK(m.bind(1, "county").bind(2, w.county).run());
    IO_CHECK(m.bind(1, "year").bind(2, std::to_string(w.year)).run());
    IO_CHECK(m.bind(1, "planning_date").bind(2, w.planningDate.iso()).run());

    IO_TRY(d, db.prepare("INSERT INTO departments VALUES (?,?,?,?,?,?)"));
    for (const auto& x : w.departments)
        IO_CHECK(d.bind(1, x.id).bind(2, x.name.zh).bind(3, x.name.en).bind(4, toString(x.level)).bind(5, joinList(x.units))
                     .bind(6, x.inspectorsPerDay).run());
    IO_TRY(i, db.prepare("INSERT INTO inspectors VALUES (?,?,?,?)"));
    for (const auto& x : w.inspectors) IO_CHECK(i.bind(1, x.id).bind(2, x.department).bind(3, x.unit).bind(4, x.name).run());
    IO_TRY(t, db.prepare("INSERT INTO items VALUES (?,?,?,?,?,?,?,?)"));
    for (const auto& x : w.items)
        IO_CHECK(t.bind(1, x.id).bind(2, x.name.zh).bind(3, x.name.en).bind(4, x.kind).bind(5, x.department)
                     .bind(6, int64_t{x.onSite}).bind(7, int64_t{x.nonSite}).bind(8, int64_t{x.delegable}).run());
    return Ok{};
}

Status insertEnterprises(Database& db, const Workspace& w, std::size_t begin, std::size_t end) {
    IO_TRY(e, db.prepare("INSERT INTO enterprises VALUES (?,?,?,?,?,?,?)"));
    for (const auto& x : std::span(w.enterprises).subspan(begin, end - begin))
        IO_CHECK(e.bind(1, x.enterprise.code.str()).bind(2, x.enterprise.name).bind(3, toString(x.enterprise.grade))
                     .bind(4, joinList(x.enterprise.lists)).bind(5, x.town).bind(6, x.industry).bind(7, int64_t{x.aboveScale}).run());
    return Ok{};
}

Status insertPlans(Database& db, const Workspace& w, std::size_t begin, std::size_t end) {
    IO_TRY(p, db.prepare("INSERT INTO plans VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    IO_TRY(pi, db.prepare("INSERT INTO plan_items VALUES (?,?)"));
    for (const auto& x : std::span(w.plans).subspan(begin, end - begin)) {
        p.bind(1, x.id).bind(2, x.department).bind(3, x.unit).bind(4, x.enterprise).bind(5, toString(x.kind))
            .bind(6, toString(x.method)).bind(7, x.window.first.iso()).bind(8, x.window.last.iso()).bindOptional(9, x.exception);
        if (x.filedOn) p.bind(10, x.filedOn->iso()); else p.bindNull(10);
        IO_CHECK(p.bind(11, int64_t{x.inspectors}).run());
        for (const auto& item : x.items) IO_CHECK(pi.bind(1, x.id).bind(2, item).run());
    }
    return Ok{};
}

Status insertHistory(Database& db, const Workspace& w, std::size_t begin, std::size_t end) {
    IO_TRY(h, db.prepare("INSERT INTO history VALUES (?,?,?,?,?,?,?,?,?)"));
    for (const auto& [code, x] : std::span(w.history).subspan(begin, end - begin))
        IO_CHECK(h.bind(1, code).bind(2, x.date.iso()).bind(3, x.department).bind(4, toString(x.level)).bind(5, x.item)
                     .bind(6, toString(x.method)).bind(7, int64_t{x.joint}).bind(8, int64_t{x.unified}).bind(9, int64_t{x.violation}).run());
    return Ok{};
}

Status insertEvents(Database& db, const Workspace& w, std::size_t begin, std::size_t end) {
    IO_TRY(ev, db.prepare("INSERT INTO events VALUES (?,?,?,?)"));
    for (const auto& x : std::span(w.events).subspan(begin, end - begin))
        IO_CHECK(ev.bind(1, x.enterprise).bind(2, x.date.iso()).bind(3, x.kind).bind(4, x.detail).run());
    return Ok{};
}

Status insertVisitRows(Database& db, const Workspace& w, std::size_t begin, std::size_t end) {
    return insertVisits(db, std::span(w.visits).subspan(begin, end - begin));
}

// Cases with their steps, as they are (their audit entries belong to the file they were
// decided in; a new file starts its own log).
Status insertCases(Database& db, const Workspace& w, std::size_t begin, std::size_t end) {
    for (const auto& x : std::span(w.cases).subspan(begin, end - begin)) {
        workflow::Case item = x;
        IO_CHECK(detail::insertCase(db, item));
    }
    return Ok{};
}

// The parts of a workspace file in the order they are written: how many rows each has, and
// how rows [begin, end) of it are written. The organisation (a few hundred rows) is one.
struct RowPart {
    std::size_t (*count)(const Workspace&);
    Status (*insert)(Database&, const Workspace&, std::size_t begin, std::size_t end);
};
constexpr RowPart kRowParts[] = {
    {[](const Workspace&) -> std::size_t { return 1; }, insertOrganisation},
    {[](const Workspace& w) { return w.enterprises.size(); }, insertEnterprises},
    {[](const Workspace& w) { return w.plans.size(); }, insertPlans},
    {[](const Workspace& w) { return w.history.size(); }, insertHistory},
    {[](const Workspace& w) { return w.events.size(); }, insertEvents},
    {[](const Workspace& w) { return w.visits.size(); }, insertVisitRows},
    {[](const Workspace& w) { return w.cases.size(); }, insertCases},
};

std::size_t rowCount(const Workspace& w) {
    std::size_t total = 0;
    for (const RowPart& part : kRowParts) total += part.count(w);
    return total;
}

// Writes up to `rows` rows from (part, row) on, moving them past what was written; returns
// how many were.
Result<std::size_t> insertRows(Database& db, const Workspace& w, std::size_t& part, std::size_t& row, std::size_t rows) {
    std::size_t written = 0;
    while (written < rows && part < std::size(kRowParts)) {
        std::size_t count = kRowParts[part].count(w);
        std::size_t slice = std::min(count - row, rows - written);
        if (slice > 0) IO_CHECK(kRowParts[part].insert(db, w, row, row + slice));
        row += slice;
        written += slice;
        if (row == count) {
            ++part;
            row = 0;
        }
    }
    return written;
}

// A new file at `path` with the current schema, ready for `workspace` (validated first).
Result<Database> newWorkspaceFile(const Workspace& workspace, const std::string& path) {
    Status valid = validate(workspace);
    if (!valid) return makeError(path + ": " + valid.error().where, valid.error().why);
    IO_TRY(db, Database::open(path, Database::Mode::Create));
    IO_TRY(version, db.version());
    if (version != 0) return makeError(path, "already holds a database: write a workspace to a new file");
    IO_CHECK(migrate(db));
    return std::move(db);
}

}  // namespace

Result<Workspace> loadWorkspace(const std::string& path) {
    IO_TRY(reading, WorkspaceReading::open(path, /*countRows=*/false));
    IO_CHECK(reading.step(std::numeric_limits<std::size_t>::max()));
    return reading.takeWorkspace();
}

Result<WorkspaceReading> WorkspaceReading::start(const std::string& path) { return open(path, /*countRows=*/true); }

Result<WorkspaceReading> WorkspaceReading::open(const std::string& path, bool countRows) {
    IO_TRY(file, Database::open(path, Database::Mode::ReadOnly));
    IO_TRY(version, file.version());
    if (version == 0 || version > currentSchemaVersion())
        return makeError(path, "schema version " + std::to_string(version) + ", this build reads 1 to " +
                                   std::to_string(currentSchemaVersion()) + (version == 0 ? " (not a workspace?)" : ""));
    // An older file is read through a migrated private copy; the file itself is migrated
    // the first time it is opened for writing.
    if (version < currentSchemaVersion()) {
        IO_TRY(copy, Database::openCopy(path));
        IO_CHECK(migrate(copy));
        file = std::move(copy);
    }
    auto db = std::make_unique<Database>(std::move(file));
    auto rows = std::make_unique<WorkspaceRows>();
    rows->path = path;
    Workspace& w = rows->w;
    IO_TRY(county, meta(*db, "county"));
    IO_TRY(year, meta(*db, "year"));
    IO_TRY(planning, meta(*db, "planning_date"));
    w.county = county;
    w.year = std::atoi(year.c_str());
    IO_TRY(planningDate, RowPlace({path, "meta", "planning_date"}).check(Date::parse(planning), "value"));
    w.planningDate = planningDate;
    std::vector<std::size_t> counts;
    for (const ReadPart& part : kReadParts) {
        if (!countRows) break;
        IO_TRY(count, db->prepare("SELECT count(*) FROM " + std::string(part.table)));
        IO_CHECK(count.step());
        counts.push_back(static_cast<std::size_t>(count.integer(0)));
    }
    return WorkspaceReading(std::move(db), std::move(rows), std::move(counts));
}

WorkspaceReading::WorkspaceReading(std::unique_ptr<Database> db, std::unique_ptr<detail::WorkspaceRows> rows,
                                   std::vector<std::size_t> counts)
    : db_(std::move(db)), rows_(std::move(rows)), counts_(std::move(counts)) {
    for (std::size_t count : counts_) total_ += count;
}

WorkspaceReading::WorkspaceReading(WorkspaceReading&&) noexcept = default;
WorkspaceReading& WorkspaceReading::operator=(WorkspaceReading&&) noexcept = default;
WorkspaceReading::~WorkspaceReading() = default;

Result<bool> WorkspaceReading::step(std::size_t rows) {
    if (failed_) return makeError(rows_->path, "the workspace's reading failed before: read it again");
    if (done_) return true;
    auto read = [&]() -> Status {
        if (part_ < std::size(kReadParts)) {
            IO_TRY(count, readRows(*db_, *rows_, statement_, part_, std::size(kReadParts), std::max<std::size_t>(rows, 1), counts_));
            read_ += count;
            if (rows != std::numeric_limits<std::size_t>::max()) return Ok{};  // validated in a step of its own
        }
        Status valid = validate(rows_->w);
        if (!valid) return makeError(rows_->path + ": " + valid.error().where, valid.error().why);
        done_ = true;
        return Ok{};
    }();
    if (!read) {
        statement_.reset();
        failed_ = true;
        return read.error();
    }
    return done_;
}

double WorkspaceReading::fraction() const {
    if (done_) return 1.0;
    if (total_ == 0) return 0.0;
    // Below 1 until validated; the count may be off if the file changed since start.
    return std::min(0.99, static_cast<double>(read_) / static_cast<double>(total_));
}

Workspace WorkspaceReading::takeWorkspace() {
    statement_.reset();
    return std::move(rows_->w);
}

Status reloadPart(Database& db, Workspace& workspace, WorkspacePart part) {
    WorkspaceRows fresh;  // read aside: an error leaves `workspace` as it was
    fresh.path = db.path();
    auto [first, last] = readPartsOf(part);
    std::optional<Statement> open;
    IO_CHECK(readRows(db, fresh, open, first, last, std::numeric_limits<std::size_t>::max(), {}));
    switch (part) {
    case WorkspacePart::Departments:
        workspace.departments = std::move(fresh.w.departments);
        workspace.inspectors = std::move(fresh.w.inspectors);
        workspace.items = std::move(fresh.w.items);
        return Ok{};
    case WorkspacePart::Enterprises:
        workspace.enterprises = std::move(fresh.w.enterprises);
        return Ok{};
    case WorkspacePart::Plans:
        workspace.plans = std::move(fresh.w.plans);
        return Ok{};
    case WorkspacePart::Cases:
        workspace.cases = std::move(fresh.w.cases);
        return Ok{};
    }
    return makeError(db.path(), "unknown workspace part");
}

Status saveWorkspace(const Workspace& workspace, const std::string& path) {
    IO_TRY(db, newWorkspaceFile(workspace, path));
    return db.transaction([&]() -> Status {
        std::size_t part = 0, row = 0;
        IO_CHECK(insertRows(db, workspace, part, row, rowCount(workspace)));
        return Ok{};
    });
}

Result<WorkspaceWriting> WorkspaceWriting::start(Workspace workspace, const std::string& path) {
    IO_TRY(db, newWorkspaceFile(workspace, path));
    return WorkspaceWriting(std::make_unique<Database>(std::move(db)), std::move(workspace));
}

WorkspaceWriting::WorkspaceWriting(std::unique_ptr<Database> db, Workspace workspace)
    : db_(std::move(db)), transaction_(*db_), workspace_(std::move(workspace)), total_(rowCount(workspace_)) {}

Result<bool> WorkspaceWriting::step(std::size_t rows) {
    if (cancelled_) return makeError(db_->path(), "the workspace's writing was cancelled: no workspace was written");
    if (done_) return true;
    auto written = [&]() -> Status {
        IO_CHECK(transaction_.begin());
        IO_TRY(count, insertRows(*db_, workspace_, part_, row_, std::max<std::size_t>(rows, 1)));
        written_ += count;
        return Ok{};
    }();
    if (!written) {
        cancel();
        return written.error();
    }
    if (written_ < total_) return false;
    if (Status committed = transaction_.commit(); !committed) {
        cancelled_ = true;  // COMMIT failed and rolled back: no workspace in the file
        return committed.error();
    }
    done_ = true;
    return true;
}

double WorkspaceWriting::fraction() const {
    if (done_ || total_ == 0) return 1.0;
    return static_cast<double>(written_) / static_cast<double>(total_);
}

void WorkspaceWriting::cancel() {
    if (done_) return;
    transaction_.rollback();
    cancelled_ = true;
}

Status saveVisits(Database& db, const std::vector<Visit>& visits) {
    VisitWriting writing(db, visits);
    IO_CHECK(writing.step(visits.size()));
    return Ok{};
}

Result<bool> VisitWriting::step(std::size_t count) {
    if (cancelled_) return makeError(transaction_.db().path(), "the visits' writing was cancelled: nothing was written");
    if (done_) return true;
    Database& db = transaction_.db();
    auto written = [&]() -> Status {
        if (written_ == 0) {
            IO_CHECK(transaction_.begin());
            IO_CHECK(db.exec("DELETE FROM visit_plans; DELETE FROM visits;"));
        }
        std::size_t slice = std::min(visits_.size() - written_, std::max<std::size_t>(count, 1));
        IO_CHECK(insertVisits(db, std::span<const Visit>(visits_).subspan(written_, slice)));
        written_ += slice;
        return Ok{};
    }();
    if (!written) {
        cancel();
        return written.error();
    }
    if (written_ < visits_.size()) return false;
    if (Status committed = transaction_.commit(); !committed) {
        cancelled_ = true;  // COMMIT failed and rolled back: the old visits stay
        return committed.error();
    }
    done_ = true;
    return true;
}

double VisitWriting::fraction() const {
    if (done_ || visits_.empty()) return 1.0;
    return static_cast<double>(written_) / static_cast<double>(visits_.size());
}

void VisitWriting::cancel() {
    if (done_) return;
    transaction_.rollback();
    cancelled_ = true;
}

}  // namespace inspectonce::store
