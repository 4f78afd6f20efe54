// Reading and writing a Workspace as rows of the schema (schema.cpp). Loading checks every
// value and names the table and row of the first bad one; saving validates first and
// writes everything in one transaction, in one go or a slice at a time (WorkspaceWriting).
#include <algorithm>
#include <map>
#include <span>

#include "inspectonce/store.hpp"
#include "store/lists.hpp"

namespace inspectonce::store {

namespace detail {
Status insertCase(Database& db, workflow::Case& item);  // case_file.cpp
}  // namespace detail

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

Status loadDepartments(Database& db, Workspace& w) {
    IO_TRY(s, db.prepare("SELECT id, name_zh, name_en, level, units, inspectors_per_day FROM departments ORDER BY id"));
    while (true) {
        IO_TRY(row, s.step());
        if (!row) break;
        RowPlace at{db.path(), "departments", s.text(0)};
        WorkspaceDepartment d;
        d.id = s.text(0);
        d.name = {s.text(1), s.text(2)};
        IO_TRY(level, at.check(parseDepartmentLevel(s.text(3)), "level"));
        d.level = level;
        d.units = splitList(s.text(4));
        d.inspectorsPerDay = static_cast<int>(s.integer(5));
        w.departments.push_back(std::move(d));
    }
    IO_TRY(i, db.prepare("SELECT id, department, unit, name FROM inspectors ORDER BY id"));
    while (true) {
        IO_TRY(row, i.step());
        if (!row) break;
        w.inspectors.push_back({i.text(0), i.text(1), i.text(2), i.text(3)});
    }
    IO_TRY(t, db.prepare("SELECT id, name_zh, name_en, kind, department, on_site, non_site, delegable FROM items ORDER BY id"));
    while (true) {
        IO_TRY(row, t.step());
        if (!row) break;
        w.items.push_back({t.text(0), {t.text(1), t.text(2)}, t.text(3), t.text(4), t.integer(5) != 0, t.integer(6) != 0,
                           t.integer(7) != 0});
    }
    return Ok{};
}

Status loadEnterprises(Database& db, Workspace& w) {
    IO_TRY(s, db.prepare("SELECT uscc, name, grade, lists, town, industry, above_scale FROM enterprises ORDER BY uscc"));
    while (true) {
        IO_TRY(row, s.step());
        if (!row) break;
        RowPlace at{db.path(), "enterprises", s.text(0)};
        IO_TRY(code, at.check(Uscc::parse(s.text(0)), "uscc"));
        IO_TRY(grade, at.check(parseCreditGrade(s.text(2)), "grade"));
        w.enterprises.push_back({Enterprise{code, s.text(1), grade, splitList(s.text(3))}, s.text(4), s.text(5), s.integer(6) != 0});
    }
    return Ok{};
}

Status loadPlans(Database& db, Workspace& w) {
    std::map<int64_t, std::vector<std::string>> items;
    IO_TRY(pi, db.prepare("SELECT plan, item FROM plan_items ORDER BY plan, item"));
    while (true) {
        IO_TRY(row, pi.step());
        if (!row) break;
        items[pi.integer(0)].push_back(pi.text(1));
    }
    IO_TRY(s, db.prepare("SELECT id, department, unit, enterprise, kind, method, window_first, window_last, exception, "
                         "filed_on, inspectors FROM plans ORDER BY id"));
    while (true) {
        IO_TRY(row, s.step());
        if (!row) break;
        RowPlace at{db.path(), "plans", std::to_string(s.integer(0))};
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
        if (auto found = items.find(p.id); found != items.end()) p.items = std::move(found->second);
        w.plans.push_back(std::move(p));
    }
    return Ok{};
}

Status loadRecords(Database& db, Workspace& w) {
    IO_TRY(h, db.prepare("SELECT enterprise, date, department, level, item, method, joint, unified, violation, rowid "
                         "FROM history ORDER BY rowid"));
    while (true) {
        IO_TRY(row, h.step());
        if (!row) break;
        RowPlace at{db.path(), "history", std::to_string(h.integer(9))};
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
        w.history.emplace_back(h.text(0), e);
    }
    IO_TRY(ev, db.prepare("SELECT enterprise, date, kind, detail, rowid FROM events ORDER BY rowid"));
    while (true) {
        IO_TRY(row, ev.step());
        if (!row) break;
        RowPlace at{db.path(), "events", std::to_string(ev.integer(4))};
        IO_TRY(date, at.check(Date::parse(ev.text(1)), "date"));
        w.events.push_back({ev.text(0), date, ev.text(2), ev.text(3)});
    }
    return Ok{};
}

Status loadVisits(Database& db, Workspace& w) {
    std::map<int64_t, std::vector<int64_t>> members;
    IO_TRY(vp, db.prepare("SELECT visit, plan FROM visit_plans ORDER BY visit, plan"));
    while (true) {
        IO_TRY(row, vp.step());
        if (!row) break;
        members[vp.integer(0)].push_back(vp.integer(1));
    }
    IO_TRY(s, db.prepare("SELECT id, enterprise, date, kind, lead, notice_date, code FROM visits ORDER BY id"));
    while (true) {
        IO_TRY(row, s.step());
        if (!row) break;
        RowPlace at{db.path(), "visits", std::to_string(s.integer(0))};
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
        v.plans = std::move(members[v.id]);
        w.visits.push_back(std::move(v));
    }
    return Ok{};
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
    Database& db = file;
    Workspace w;
    IO_TRY(county, meta(db, "county"));
    IO_TRY(year, meta(db, "year"));
    IO_TRY(planning, meta(db, "planning_date"));
    w.county = county;
    w.year = std::atoi(year.c_str());
    IO_TRY(planningDate, RowPlace({path, "meta", "planning_date"}).check(Date::parse(planning), "value"));
    w.planningDate = planningDate;
    IO_CHECK(loadDepartments(db, w));
    IO_CHECK(loadEnterprises(db, w));
    IO_CHECK(loadPlans(db, w));
    IO_CHECK(loadRecords(db, w));
    IO_CHECK(loadVisits(db, w));
    IO_TRY(cases, loadCases(db));
    w.cases = std::move(cases);
    Status valid = validate(w);
    if (!valid) return makeError(path + ": " + valid.error().where, valid.error().why);
    return w;
}

Status reloadPart(Database& db, Workspace& workspace, WorkspacePart part) {
    Workspace fresh;  // read aside: an error leaves `workspace` as it was
    switch (part) {
    case WorkspacePart::Departments:
        IO_CHECK(loadDepartments(db, fresh));
        workspace.departments = std::move(fresh.departments);
        workspace.inspectors = std::move(fresh.inspectors);
        workspace.items = std::move(fresh.items);
        return Ok{};
    case WorkspacePart::Enterprises:
        IO_CHECK(loadEnterprises(db, fresh));
        workspace.enterprises = std::move(fresh.enterprises);
        return Ok{};
    case WorkspacePart::Plans:
        IO_CHECK(loadPlans(db, fresh));
        workspace.plans = std::move(fresh.plans);
        return Ok{};
    case WorkspacePart::Cases: {
        IO_TRY(cases, loadCases(db));
        workspace.cases = std::move(cases);
        return Ok{};
    }
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
