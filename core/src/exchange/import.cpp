// Importing a checked CSV file into a workspace file: what exists is read first (References),
// every row is checked (rows.cpp), and only a file without problems is written, in one
// transaction with one audit entry per row.
#include <algorithm>
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

Status importEnterprises(store::Database& db, const Rows<WorkspaceEnterprise>& rows, const ImportOptions& options,
                         ImportReport& report, bool write) {
    IO_TRY(find, db.prepare("SELECT name, grade, lists, town, industry, above_scale FROM enterprises WHERE uscc = ?"));
    IO_TRY(insert, db.prepare("INSERT INTO enterprises (uscc, name, grade, lists, town, industry, above_scale) VALUES (?,?,?,?,?,?,?)"));
    IO_TRY(update, db.prepare("UPDATE enterprises SET name = ?2, grade = ?3, lists = ?4, town = ?5, industry = ?6, above_scale = ?7 WHERE uscc = ?1"));
    for (const auto& row : rows.records) {
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

Status importDepartments(store::Database& db, const Rows<WorkspaceDepartment>& rows, const ImportOptions& options,
                         ImportReport& report, bool write) {
    IO_TRY(find, db.prepare("SELECT name_zh, name_en, level, units, inspectors_per_day FROM departments WHERE id = ?"));
    IO_TRY(insert, db.prepare("INSERT INTO departments (id, name_zh, name_en, level, units, inspectors_per_day) VALUES (?,?,?,?,?,?)"));
    IO_TRY(update, db.prepare("UPDATE departments SET name_zh = ?2, name_en = ?3, level = ?4, units = ?5, inspectors_per_day = ?6 WHERE id = ?1"));
    for (const auto& row : rows.records) {
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

Status importPlans(store::Database& db, const Rows<Plan>& rows, const ImportOptions& options, ImportReport& report, bool write) {
    report.added = static_cast<int64_t>(rows.records.size());
    for (const auto& p : rows.records) report.planIds.push_back(p.id);
    if (!write) return Ok{};
    IO_TRY(insert, db.prepare("INSERT INTO plans (id, department, unit, enterprise, kind, method, window_first, window_last, "
                              "exception, filed_on, inspectors) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    IO_TRY(items, db.prepare("INSERT INTO plan_items (plan, item) VALUES (?,?)"));
    for (const auto& p : rows.records) {
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

Result<ImportReport> importCsv(store::Database& db, Table table, std::string_view bytes, const ImportOptions& options) {
    IO_TRY(refs, References::load(db));
    ImportReport report;
    report.table = table;
    const std::string& file = options.file;
    auto finish = [&](auto rows, auto&& write) -> Result<ImportReport> {
        report.rows = static_cast<int64_t>(rows.records.size());
        if (!report.problems.empty()) {
            report.rows = 0;
            return report;
        }
        IO_CHECK(write(rows, false));  // count what would be added and updated
        if (options.dryRun) return report;
        report.added = report.updated = report.unchanged = 0;
        report.planIds.clear();
        IO_CHECK(db.transaction([&]() -> Status { return write(rows, true); }));
        report.written = true;
        return report;
    };
    switch (table) {
        case Table::Enterprises:
            return finish(readEnterprises(bytes, file, report.problems), [&](const auto& rows, bool write) {
                return importEnterprises(db, rows, options, report, write);
            });
        case Table::Departments:
            return finish(readDepartments(bytes, file, refs, report.problems), [&](const auto& rows, bool write) {
                return importDepartments(db, rows, options, report, write);
            });
        case Table::Plans:
            return finish(readPlans(bytes, file, refs, report.problems), [&](const auto& rows, bool write) {
                return importPlans(db, rows, options, report, write);
            });
        case Table::Demands: {
            auto rows = readDemands(bytes, file, refs, report.problems);
            if (report.problems.empty()) {
                report.rows = static_cast<int64_t>(rows.records.size());
                report.demands = std::move(rows.records);
            }
            return report;
        }
    }
    return report;
}

}  // namespace inspectonce::exchange
