// Cases in the workspace file (schema migration 3): `cases` and `case_steps`. The engine
// (workflow.hpp) decides; here a decided change is written with its steps and its one audit
// entry in one transaction, so a refused or failed change writes nothing at all.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "inspectonce/store.hpp"

namespace inspectonce::store {

namespace detail {
Status insertCase(Database& db, workflow::Case& item);  // also used by saveWorkspace (workspace_file.cpp)
}  // namespace detail

namespace {

// Compact, keys sorted (nlohmann's default object is a std::map); bad UTF-8 is replaced
// rather than thrown over (the core is built without exceptions).
std::string compact(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json attributesJson(const workflow::Attributes& attributes) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : attributes) out[key] = value;
    return out;
}

nlohmann::json dateJson(const std::optional<Date>& date) { return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr); }

void bindDate(Statement& s, int index, const std::optional<Date>& date) {
    if (date) s.bind(index, date->iso());
    else s.bindNull(index);
}

std::string actorName(const workflow::Actor& actor) { return actor.name.empty() ? actor.role : actor.role + ":" + actor.name; }

// Where a bad stored value sits: "file: table cases, row 12, column deadline".
Error at(const Database& db, std::string_view table, const std::string& row, std::string_view column, const std::string& why) {
    return makeError(db.path() + ": table " + std::string(table) + ", row " + row + ", column " + std::string(column), why);
}

Result<Date> dateAt(const Database& db, std::string_view table, const std::string& row, std::string_view column,
                    const std::string& text) {
    auto parsed = Date::parse(text);
    if (!parsed) return at(db, table, row, column, parsed.error().why);
    return *parsed;
}

Result<std::optional<Date>> optionalDateAt(const Database& db, const Statement& s, int column, const std::string& row,
                                           std::string_view name) {
    if (s.isNull(column)) return std::optional<Date>();
    IO_TRY(date, dateAt(db, "cases", row, name, s.text(column)));
    return std::optional<Date>(date);
}

Result<workflow::Attributes> attributesAt(const Database& db, std::string_view table, const std::string& row,
                                          std::string_view column, const std::string& text) {
    auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object())
        return at(db, table, row, column, "expected a JSON object of strings, found '" + text.substr(0, 60) + "'");
    workflow::Attributes out;
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
        if (!it.value().is_string())
            return at(db, table, row, column, "the value of \"" + it.key() + "\" is not a string");
        out.emplace_back(it.key(), it.value().get<std::string>());  // a std::map: already sorted by key
    }
    return out;
}

constexpr std::string_view kCaseColumns =
    "id, workflow, enterprise, department, title, state, opened, entered, deadline, remind_on, escalate_on, closed, attributes";

Result<workflow::Case> caseRow(const Database& db, const Statement& s) {
    workflow::Case item;
    item.id = s.integer(0);
    std::string row = std::to_string(item.id);
    item.workflow = s.text(1);
    item.enterprise = s.text(2);
    item.department = s.text(3);
    item.title = s.text(4);
    item.state = s.text(5);
    IO_TRY(opened, dateAt(db, "cases", row, "opened", s.text(6)));
    IO_TRY(entered, dateAt(db, "cases", row, "entered", s.text(7)));
    IO_TRY(deadline, optionalDateAt(db, s, 8, row, "deadline"));
    IO_TRY(remind, optionalDateAt(db, s, 9, row, "remind_on"));
    IO_TRY(escalate, optionalDateAt(db, s, 10, row, "escalate_on"));
    item.opened = opened;
    item.entered = entered;
    item.deadline = deadline;
    item.remindOn = remind;
    item.escalateOn = escalate;
    item.closed = s.integer(11) != 0;
    IO_TRY(attributes, attributesAt(db, "cases", row, "attributes", s.text(12)));
    item.attributes = std::move(attributes);
    return item;
}

// Cases matching `where` (SQL after WHERE, or empty), ordered as `order` says, with their
// steps; `bind` binds the parameters of `where` on both statements.
template <class Bind>
Result<std::vector<workflow::Case>> selectCases(Database& db, const std::string& where, const std::string& order, Bind&& bind) {
    std::string filter = where.empty() ? std::string() : " WHERE " + where;
    IO_TRY(s, db.prepare("SELECT " + std::string(kCaseColumns) + " FROM cases" + filter + " ORDER BY " + order));
    bind(s);
    std::vector<workflow::Case> out;
    std::map<int64_t, std::size_t> index;
    while (true) {
        IO_TRY(row, s.step());
        if (!row) break;
        IO_TRY(item, caseRow(db, s));
        index[item.id] = out.size();
        out.push_back(std::move(item));
    }
    if (out.empty()) return out;
    std::string stepFilter = where.empty() ? std::string() : " WHERE case_id IN (SELECT id FROM cases" + filter + ")";
    IO_TRY(t, db.prepare("SELECT case_id, seq, date, transition, from_state, to_state, actor_role, actor_name, data, clause "
                         "FROM case_steps" + stepFilter + " ORDER BY case_id, seq"));
    bind(t);
    while (true) {
        IO_TRY(row, t.step());
        if (!row) break;
        auto found = index.find(t.integer(0));
        if (found == index.end()) continue;  // a step of a case the filter left out
        std::string place = std::to_string(t.integer(0)) + "/" + std::to_string(t.integer(1));
        IO_TRY(date, dateAt(db, "case_steps", place, "date", t.text(2)));
        IO_TRY(data, attributesAt(db, "case_steps", place, "data", t.text(8)));
        workflow::Step step;
        step.date = date;
        step.transition = t.text(3);
        step.from = t.text(4);
        step.to = t.text(5);
        step.actor = {t.text(6), t.text(7)};
        step.data = std::move(data);
        step.clause = Citation{t.text(9)};
        out[found->second].steps.push_back(std::move(step));
    }
    return out;
}

Status insertSteps(Database& db, const workflow::Case& item, std::size_t from) {
    if (from >= item.steps.size()) return Ok{};
    IO_TRY(s, db.prepare("INSERT INTO case_steps (case_id, seq, date, transition, from_state, to_state, actor_role, actor_name, "
                         "data, clause) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (std::size_t i = from; i < item.steps.size(); ++i) {
        const workflow::Step& step = item.steps[i];
        s.reset();
        IO_CHECK(s.bind(1, item.id).bind(2, static_cast<int64_t>(i + 1)).bind(3, step.date.iso()).bind(4, step.transition)
                     .bind(5, step.from).bind(6, step.to).bind(7, step.actor.role).bind(8, step.actor.name)
                     .bind(9, compact(attributesJson(step.data))).bind(10, step.clause.clause).run());
    }
    return Ok{};
}

// The case row's values, bound from index 2 (1 is the id).
void bindCase(Statement& s, const workflow::Case& item) {
    s.bind(2, item.workflow).bind(3, item.enterprise).bind(4, item.department).bind(5, item.title).bind(6, item.state)
        .bind(7, item.opened.iso()).bind(8, item.entered.iso());
    bindDate(s, 9, item.deadline);
    bindDate(s, 10, item.remindOn);
    bindDate(s, 11, item.escalateOn);
    s.bind(12, int64_t{item.closed}).bind(13, compact(attributesJson(item.attributes)));
}

}  // namespace

namespace detail {

// Inserts a case and all its steps; a case without an id gets the next one.
Status insertCase(Database& db, workflow::Case& item) {
    IO_TRY(s, db.prepare("INSERT INTO cases (" + std::string(kCaseColumns) + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    if (item.id != 0) s.bind(1, item.id);
    else s.bindNull(1);
    bindCase(s, item);
    IO_CHECK(s.run());
    if (item.id == 0) item.id = db.lastInsertId();
    return insertSteps(db, item, 0);
}

}  // namespace detail

std::string auditJson(const workflow::Case& item) {
    nlohmann::json out = {{"id", item.id},
                          {"workflow", item.workflow},
                          {"enterprise", item.enterprise},
                          {"department", item.department},
                          {"title", item.title},
                          {"state", item.state},
                          {"opened", item.opened.iso()},
                          {"entered", item.entered.iso()},
                          {"deadline", dateJson(item.deadline)},
                          {"remind_on", dateJson(item.remindOn)},
                          {"escalate_on", dateJson(item.escalateOn)},
                          {"closed", item.closed},
                          {"attributes", attributesJson(item.attributes)}};
    return compact(out);
}

Status writeCase(Database& db, workflow::Case& item, const workflow::Case* before, const audit::Entry& entry) {
    if (before == nullptr || item.id == 0) {
        IO_CHECK(detail::insertCase(db, item));
    } else {
        IO_TRY(s, db.prepare("UPDATE cases SET workflow = ?2, enterprise = ?3, department = ?4, title = ?5, state = ?6, opened = ?7, "
                             "entered = ?8, deadline = ?9, remind_on = ?10, escalate_on = ?11, closed = ?12, attributes = ?13 "
                             "WHERE id = ?1"));
        s.bind(1, item.id);
        bindCase(s, item);
        IO_CHECK(s.run());
        IO_TRY(changed, db.prepare("SELECT changes()"));
        IO_TRY(row, changed.step());
        if (!row || changed.integer(0) != 1) return makeError(db.path() + ": case " + std::to_string(item.id), "no such case to update");
        if (before->steps.size() > item.steps.size())
            return makeError(db.path() + ": case " + std::to_string(item.id), "a change may add steps, never remove them");
        IO_CHECK(insertSteps(db, item, before->steps.size()));
    }
    // The entry as given; what it leaves empty is filled from the case.
    audit::Entry e = entry;
    if (e.subject.empty()) e.subject = "case " + std::to_string(item.id);
    if (e.before.empty() && before != nullptr) e.before = auditJson(*before);
    if (e.after.empty()) e.after = auditJson(item);
    return appendAudit(db, std::move(e));
}

Result<workflow::Case> loadCase(Database& db, int64_t id) {
    IO_TRY(found, selectCases(db, "id = ?", "id", [&](Statement& s) { s.bind(1, id); }));
    if (found.empty()) return makeError(db.path() + ": case " + std::to_string(id), "no such case");
    return std::move(found.front());
}

Result<std::vector<workflow::Case>> loadCases(Database& db, std::string_view workflow) {
    if (workflow.empty()) return selectCases(db, "", "id", [](Statement&) {});
    std::string wanted(workflow);
    return selectCases(db, "workflow = ?", "id", [&](Statement& s) { s.bind(1, wanted); });
}

Result<std::vector<workflow::Case>> casesDueBy(Database& db, Date day) {
    // `closed = 0` as written in the partial index cases_open_by_reminder, so SQLite uses it;
    // a NULL remind_on (no deadline) never compares <= and is left out.
    std::string iso = day.iso();
    // Ordered by the index (soonest reminder first, then id): ordering by id alone makes
    // SQLite scan the whole table instead.
    return selectCases(db, "closed = 0 AND remind_on <= ?", "remind_on, id", [&](Statement& s) { s.bind(1, iso); });
}

namespace {

audit::Entry caseEntry(const workflow::Definition& definition, const workflow::Applied& applied, const workflow::Actor& actor, Date date) {
    audit::Entry e;
    e.date = date;
    e.actor = actorName(actor);
    const workflow::Step& step = applied.after.steps.back();
    e.action = definition.id + "." + step.transition;
    e.clause = step.clause.clause;
    return e;
}

}  // namespace

Result<workflow::Applied> openCase(Database& db, const workflow::Definition& definition, const WorkCalendar& calendar,
                                   workflow::Case subject, std::string_view transition, const workflow::Actor& actor, Date date,
                                   const workflow::Attributes& data) {
    subject.id = 0;  // a new case: the file assigns its id
    IO_TRY(applied, workflow::open(definition, calendar, std::move(subject), transition, actor, date, data));
    if (applied.after.steps.empty()) return makeError(definition.id, "the engine opened a case without a step");
    Status written = db.transaction([&]() -> Status {
        return writeCase(db, applied.after, nullptr, caseEntry(definition, applied, actor, date));
    });
    if (!written) return written.error();
    return std::move(applied);
}

Result<workflow::Applied> applyToCase(Database& db, const workflow::Definition& definition, const WorkCalendar& calendar,
                                      int64_t caseId, std::string_view transition, const workflow::Actor& actor, Date date,
                                      const workflow::Attributes& data) {
    std::optional<workflow::Applied> result;
    // The case is read inside the transaction (BEGIN IMMEDIATE), so no other writer changes
    // it between the engine's decision and the write.
    Status written = db.transaction([&]() -> Status {
        IO_TRY(current, loadCase(db, caseId));
        IO_TRY(applied, workflow::apply(definition, calendar, current, transition, actor, date, data));
        if (applied.after.steps.size() != current.steps.size() + 1)
            return makeError(definition.id + " case " + std::to_string(caseId), "the engine did not add exactly one step");
        IO_CHECK(writeCase(db, applied.after, &current, caseEntry(definition, applied, actor, date)));
        result = std::move(applied);
        return Ok{};
    });
    if (!written) return written.error();
    return std::move(*result);
}

}  // namespace inspectonce::store
