// The workspace schema and its migrations. Version N is reached by applying migration N to
// a file at version N-1; a migration never changes once released (later issues add new ones).
#include <array>
#include <string>

#include "inspectonce/store.hpp"

namespace inspectonce::store {
namespace {

// Migration 1: the first workspace schema. Dates are ISO strings (sortable, readable in
// any SQLite tool); lists inside a row (units, enterprise lists) are comma-separated.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE departments (
    id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, level TEXT NOT NULL,
    units TEXT NOT NULL DEFAULT '', inspectors_per_day INTEGER NOT NULL DEFAULT 0);
CREATE TABLE inspectors (
    id TEXT PRIMARY KEY, department TEXT NOT NULL REFERENCES departments(id),
    unit TEXT NOT NULL DEFAULT '', name TEXT NOT NULL);
CREATE TABLE items (
    id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, kind TEXT NOT NULL,
    department TEXT NOT NULL REFERENCES departments(id),
    on_site INTEGER NOT NULL, non_site INTEGER NOT NULL, delegable INTEGER NOT NULL);
CREATE TABLE enterprises (
    uscc TEXT PRIMARY KEY, name TEXT NOT NULL, grade TEXT NOT NULL, lists TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL DEFAULT '', industry TEXT NOT NULL DEFAULT '', above_scale INTEGER NOT NULL DEFAULT 0);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY, department TEXT NOT NULL REFERENCES departments(id), unit TEXT NOT NULL DEFAULT '',
    enterprise TEXT NOT NULL REFERENCES enterprises(uscc), kind TEXT NOT NULL, method TEXT NOT NULL,
    window_first TEXT NOT NULL, window_last TEXT NOT NULL, exception TEXT, filed_on TEXT,
    inspectors INTEGER NOT NULL DEFAULT 2);
CREATE TABLE plan_items (
    plan INTEGER NOT NULL REFERENCES plans(id), item TEXT NOT NULL REFERENCES items(id),
    PRIMARY KEY (plan, item)) WITHOUT ROWID;
CREATE TABLE history (
    enterprise TEXT NOT NULL REFERENCES enterprises(uscc), date TEXT NOT NULL, department TEXT NOT NULL,
    level TEXT NOT NULL, item TEXT NOT NULL, method TEXT NOT NULL,
    joint INTEGER NOT NULL, unified INTEGER NOT NULL, violation INTEGER NOT NULL);
CREATE TABLE events (
    enterprise TEXT NOT NULL REFERENCES enterprises(uscc), date TEXT NOT NULL, kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '');
CREATE TABLE visits (
    id INTEGER PRIMARY KEY, enterprise TEXT NOT NULL REFERENCES enterprises(uscc), date TEXT NOT NULL,
    kind TEXT NOT NULL, lead TEXT NOT NULL, notice_date TEXT, code TEXT NOT NULL DEFAULT '');
CREATE TABLE visit_plans (
    visit INTEGER NOT NULL REFERENCES visits(id), plan INTEGER NOT NULL REFERENCES plans(id),
    PRIMARY KEY (visit, plan)) WITHOUT ROWID;
CREATE INDEX plans_by_enterprise ON plans(enterprise);
CREATE INDEX history_by_enterprise ON history(enterprise);
CREATE INDEX events_by_enterprise ON events(enterprise);
)sql";

// Migration 2: published random draws (draw.hpp, draw_store.hpp). Each draw keeps its JSON
// record as published (the source of truth for verification) and, for the next draws of
// the year, whom it drew and who went (inspector ids comma-separated, as lists are in 1).
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE draws (
    id INTEGER PRIMARY KEY, date TEXT NOT NULL, departments TEXT NOT NULL, joint INTEGER NOT NULL,
    seed TEXT NOT NULL, input_hash TEXT NOT NULL, result_hash TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE draw_picks (
    draw INTEGER NOT NULL REFERENCES draws(id), enterprise TEXT NOT NULL, inspectors TEXT NOT NULL,
    PRIMARY KEY (draw, enterprise)) WITHOUT ROWID;
CREATE INDEX draws_by_date ON draws(date);
CREATE INDEX draw_picks_by_enterprise ON draw_picks(enterprise);
)sql";

// Migration 3: workflow cases (workflow.hpp) with their steps, and the audit log
// (audit.hpp). A case's attributes and a step's data are compact JSON objects, keys sorted.
// The log refuses UPDATE and DELETE through this schema; its head (count and last hash)
// sits in meta so that cutting entries off the end shows as well.
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE cases (
    id INTEGER PRIMARY KEY, workflow TEXT NOT NULL, enterprise TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,
    opened TEXT NOT NULL, entered TEXT NOT NULL, deadline TEXT, remind_on TEXT, escalate_on TEXT,
    closed INTEGER NOT NULL DEFAULT 0, attributes TEXT NOT NULL DEFAULT '{}');
CREATE TABLE case_steps (
    case_id INTEGER NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, date TEXT NOT NULL,
    transition TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, actor_role TEXT NOT NULL,
    actor_name TEXT NOT NULL DEFAULT '', data TEXT NOT NULL DEFAULT '{}', clause TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, seq)) WITHOUT ROWID;
CREATE INDEX cases_open_by_reminder ON cases(remind_on) WHERE closed = 0;
CREATE INDEX cases_by_enterprise ON cases(enterprise);
CREATE INDEX cases_by_workflow ON cases(workflow, state);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY, date TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    subject TEXT NOT NULL, clause TEXT NOT NULL DEFAULT '', before TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT '', previous TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
INSERT OR IGNORE INTO meta (key, value) VALUES ('audit_count', '0'), ('audit_head', '');
)sql";

constexpr std::array<std::string_view, 3> kMigrations{kMigration1, kMigration2, kMigration3};

}  // namespace

int currentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Status migrate(Database& db) {
    IO_TRY(version, db.version());
    if (version > currentSchemaVersion())
        return makeError(db.path(), "the workspace has schema version " + std::to_string(version) +
                                        ", newer than this build's " + std::to_string(currentSchemaVersion()) +
                                        ": open it with a newer InspectOnce");
    for (int next = version + 1; next <= currentSchemaVersion(); ++next) {
        Status applied = db.transaction([&]() -> Status {
            IO_CHECK(db.exec(kMigrations[static_cast<std::size_t>(next - 1)]));
            return db.exec("PRAGMA user_version = " + std::to_string(next));
        });
        if (!applied) return applied.error();
    }
    return Ok{};
}

}  // namespace inspectonce::store
