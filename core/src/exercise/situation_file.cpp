// A merge question's situation: a handful of plans for one or two enterprises, the
// departments that filed them and the enterprises' earlier inspections, read into a small
// workspace the scheduler takes as it takes a county's. Items are named by their same-kind
// group ("fire-safety"): an exercise needs no item catalogue.
#include <algorithm>
#include <set>

#include "exercise/exercise_internal.hpp"
#include "inspectonce/exceptions.hpp"
#include "policy/history_json.hpp"

namespace inspectonce::exercise_detail {
namespace {

Result<std::string> requiredId(const json::Cursor& parent, std::string_view key) {
    IO_TRY(f, parent.field(key));
    IO_TRY(text, f.string());
    if (text.empty()) return f.fail("a non-empty id");
    return text;
}

Result<WorkspaceDepartment> readDepartment(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "name", "level", "units", "inspectors_per_day"}));
    WorkspaceDepartment d;
    IO_TRY(id, requiredId(at, "id"));
    d.id = id;
    IO_TRY(name, at.field("name"));
    IO_TRY(nameText, name.text());
    d.name = nameText;
    if (auto f = at.optionalField("level")) {
        IO_TRY(level, f->parsed<DepartmentLevel>(parseDepartmentLevel));
        d.level = level;
    }
    if (auto f = at.optionalField("units")) {
        IO_TRY(units, f->items());
        for (const auto& unit : units) {
            IO_TRY(text, unit.string());
            d.units.push_back(text);
        }
    }
    if (auto f = at.optionalField("inspectors_per_day")) {
        IO_TRY(n, f->integer(0, 1000));
        d.inspectorsPerDay = static_cast<int>(n);
    }
    return d;
}

Result<WorkspaceEnterprise> readEnterprise(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"code", "name", "grade", "lists"}));
    IO_TRY(codeField, at.field("code"));
    IO_TRY(code, codeField.parsed<Uscc>(Uscc::parse));
    IO_TRY(name, at.field("name"));
    IO_TRY(nameText, name.string());
    IO_TRY(gradeField, at.field("grade"));
    IO_TRY(grade, gradeField.parsed<CreditGrade>(parseCreditGrade));
    WorkspaceEnterprise e{Enterprise{code, nameText, grade, {}}, "", "", false};
    if (auto f = at.optionalField("lists")) {
        IO_TRY(lists, f->items());
        for (const auto& list : lists) {
            IO_TRY(text, list.string());
            e.enterprise.lists.push_back(text);
        }
    }
    return e;
}

Result<Plan> readPlan(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "department", "unit", "enterprise", "items", "from", "to", "kind", "method", "exception",
                          "filed_on", "inspectors"}));
    Plan p;
    IO_TRY(id, at.field("id"));
    IO_TRY(idValue, id.integer(1, 1'000'000'000));
    p.id = idValue;
    IO_TRY(department, requiredId(at, "department"));
    p.department = department;
    if (auto f = at.optionalField("unit")) {
        IO_TRY(unit, f->string());
        p.unit = unit;
    }
    IO_TRY(enterprise, requiredId(at, "enterprise"));
    p.enterprise = enterprise;
    IO_TRY(items, at.field("items"));
    IO_TRY(itemList, items.items());
    if (itemList.empty()) return items.fail("at least one item (its same-kind group, e.g. \"fire-safety\")");
    for (const auto& item : itemList) {
        IO_TRY(text, item.string());
        if (!isCountyId(text)) return item.fail("an item id of lowercase letters, digits and '-'");
        p.items.push_back(text);
    }
    IO_TRY(from, at.field("from"));
    IO_TRY(first, from.date());
    IO_TRY(to, at.field("to"));
    IO_TRY(last, to.date());
    if (last < first) return to.fail("a day on or after \"from\" (" + first.iso() + ")");
    p.window = DateRange{first, last};
    if (auto f = at.optionalField("kind")) {
        IO_TRY(kind, f->parsed<InspectionKind>(parseInspectionKind));
        p.kind = kind;
    }
    if (auto f = at.optionalField("method")) {
        IO_TRY(method, f->parsed<Method>(parseMethod));
        p.method = method;
    }
    if (auto f = at.optionalField("exception")) {
        IO_TRY(text, f->string());
        auto known = parseException(text);
        if (!known) return makeError(f->where(), known.error().why);
        p.exception = text;
    }
    if (auto f = at.optionalField("filed_on")) {
        IO_TRY(filed, f->date());
        p.filedOn = filed;
    }
    if (auto f = at.optionalField("inspectors")) {
        IO_TRY(n, f->integer(1, 100));
        p.inspectors = static_cast<int>(n);
    }
    return p;
}

Result<std::pair<std::string, HistoryEntry>> readHistory(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"enterprise", "date", "department", "level", "item", "method", "joint", "unified", "violation"}));
    IO_TRY(enterprise, requiredId(at, "enterprise"));
    IO_TRY(h, policy_detail::readHistoryEntry(at));
    IO_CHECK(requiredId(at, "item"));  // a situation names the group its item belongs to
    return std::make_pair(enterprise, h);
}

// Reads every element of the array `key` with `read`, appending to `out`.
template <class T, class Read>
Status readAll(const json::Cursor& at, std::string_view key, bool required, Read read, std::vector<T>& out) {
    auto f = at.optionalField(key);
    if (!f) {
        if (required) return makeError(at.where(), "missing required field \"" + std::string(key) + "\"");
        return Ok{};
    }
    IO_TRY(items, f->items());
    if (required && items.empty()) return f->fail("at least one entry");
    for (const auto& item : items) {
        IO_TRY(value, read(item));
        out.push_back(std::move(value));
    }
    return Ok{};
}

}  // namespace

Result<Workspace> readSituation(const json::Cursor& at, const std::string& county) {
    IO_CHECK(at.onlyKeys({"year", "planning_date", "departments", "enterprises", "plans", "history"}));
    Workspace w;
    w.county = county;
    IO_TRY(planning, at.field("planning_date"));
    IO_TRY(planningDay, planning.date());
    w.planningDate = planningDay;
    w.year = planningDay.year();
    if (auto f = at.optionalField("year")) {
        IO_TRY(year, f->integer(2000, 2100));
        w.year = static_cast<int>(year);
    }
    IO_CHECK(readAll(at, "departments", true, readDepartment, w.departments));
    IO_CHECK(readAll(at, "enterprises", true, readEnterprise, w.enterprises));
    IO_CHECK(readAll(at, "plans", true, readPlan, w.plans));
    IO_CHECK(readAll(at, "history", false, readHistory, w.history));
    // Plans and visits are looked up by binary search: keep them in id order.
    std::sort(w.plans.begin(), w.plans.end(), [](const Plan& a, const Plan& b) { return a.id < b.id; });
    // The catalogue: one item per same-kind group the plans name, owned by the first department naming it.
    std::set<std::string> seen;
    for (const auto& plan : w.plans)
        for (const auto& item : plan.items)
            if (seen.insert(item).second)
                w.items.push_back(InspectionItem{item, same(item), item, plan.department, true, true, false});
    if (Status valid = validate(w); !valid) return makeError(at.where(), valid.error().message());
    return w;
}

}  // namespace inspectonce::exercise_detail
