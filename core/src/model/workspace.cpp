// Lookups and the consistency check of a Workspace: every reference resolves and every
// value is in range, so engines can trust what they are given.
#include "inspectonce/workspace.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "inspectonce/exceptions.hpp"

namespace inspectonce {
namespace {

constexpr std::array<std::string_view, 7> kEventKinds{"penalty", "reward", "dishonesty", "complaint",
                                                       "inspection-clean", "inspection-violation", "rectified"};

Error at(const std::string& where, std::string why) { return makeError(where, std::move(why)); }

template <typename Record>
const Record* findById(const std::vector<Record>& records, int64_t id) {
    auto byId = [](const Record& r, int64_t wanted) { return r.id < wanted; };
    auto it = std::lower_bound(records.begin(), records.end(), id, byId);
    if (it != records.end() && it->id == id) return &*it;
    it = std::find_if(records.begin(), records.end(), [id](const Record& r) { return r.id == id; });
    return it == records.end() ? nullptr : &*it;
}

}  // namespace

const WorkspaceDepartment* Workspace::department(std::string_view id) const {
    for (const auto& d : departments)
        if (d.id == id) return &d;
    return nullptr;
}

const InspectionItem* Workspace::item(std::string_view id) const {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

const WorkspaceEnterprise* Workspace::enterprise(std::string_view uscc) const {
    // A loaded workspace keeps its enterprises in code order: a binary search (a report over
    // 50 000 cases of a 100 000-enterprise county names them all); a linear scan otherwise.
    if (uscc.empty()) return nullptr;
    auto byCode = [](const WorkspaceEnterprise& e, std::string_view wanted) { return e.enterprise.code.str() < wanted; };
    auto it = std::lower_bound(enterprises.begin(), enterprises.end(), uscc, byCode);
    if (it != enterprises.end() && it->enterprise.code.str() == uscc) return &*it;
    auto found = std::find_if(enterprises.begin(), enterprises.end(),
                              [uscc](const WorkspaceEnterprise& e) { return e.enterprise.code.str() == uscc; });
    return found == enterprises.end() ? nullptr : &*found;
}

const Plan* Workspace::plan(int64_t id) const { return findById(plans, id); }
const Visit* Workspace::visit(int64_t id) const { return findById(visits, id); }

Status validate(const Workspace& w) {
    if (!isCountyId(w.county)) return at("meta county", "'" + w.county + "' is not a county id");
    if (w.planningDate.year() != w.year && w.planningDate.year() != w.year - 1)
        return at("meta planning_date", w.planningDate.iso() + " is neither in " + std::to_string(w.year) + " nor the year before");

    std::unordered_map<std::string_view, const WorkspaceDepartment*> departments;
    for (const auto& d : w.departments) {
        if (d.id.empty()) return at("departments", "a department without an id");
        if (!departments.emplace(d.id, &d).second) return at("departments " + d.id, "the id is used twice");
        if (d.inspectorsPerDay < 0) return at("departments " + d.id, "inspectors_per_day is negative");
    }
    for (const auto& i : w.inspectors)
        if (!departments.count(i.department)) return at("inspectors " + i.id, "unknown department '" + i.department + "'");
    std::unordered_map<std::string_view, const InspectionItem*> items;
    for (const auto& i : w.items) {
        if (!items.emplace(i.id, &i).second) return at("items " + i.id, "the id is used twice");
        if (!departments.count(i.department)) return at("items " + i.id, "unknown department '" + i.department + "'");
        if (!i.onSite && !i.nonSite) return at("items " + i.id, "neither on-site nor non-site");
        if (i.kind.empty()) return at("items " + i.id, "no kind (same-kind group)");
    }
    std::unordered_set<std::string_view> enterprises;
    for (const auto& e : w.enterprises)
        if (!enterprises.insert(e.enterprise.code.str()).second)
            return at("enterprises " + e.enterprise.code.str(), "the code is listed twice");

    std::unordered_set<int64_t> planIds;
    for (const auto& p : w.plans) {
        std::string where = "plans " + std::to_string(p.id);
        if (!planIds.insert(p.id).second) return at(where, "the id is used twice");
        auto d = departments.find(p.department);
        if (d == departments.end()) return at(where, "unknown department '" + p.department + "'");
        const auto& units = d->second->units;
        if (!p.unit.empty() && std::find(units.begin(), units.end(), p.unit) == units.end())
            return at(where, "department '" + p.department + "' has no unit '" + p.unit + "'");
        if (!enterprises.count(p.enterprise)) return at(where, "unknown enterprise '" + p.enterprise + "'");
        if (p.items.empty()) return at(where, "no items");
        for (const auto& item : p.items) {
            auto found = items.find(item);
            if (found == items.end()) return at(where, "unknown item '" + item + "'");
            if (p.method == Method::OnSite && !found->second->onSite) return at(where, "item '" + item + "' is not inspected on site");
            if (p.method == Method::NonSite && !found->second->nonSite) return at(where, "item '" + item + "' has no non-site inspection");
        }
        if (p.window.last < p.window.first) return at(where, "the window ends (" + p.window.last.iso() + ") before it starts (" + p.window.first.iso() + ")");
        if (p.window.first.year() != w.year || p.window.last.year() != w.year)
            return at(where, "the window " + p.window.first.iso() + "…" + p.window.last.iso() + " is not within " + std::to_string(w.year));
        if (p.exception && !findException(*p.exception)) return at(where, "unknown exception '" + *p.exception + "'");
        if (p.inspectors < 1) return at(where, "needs at least one inspector");
    }
    for (const auto& [code, h] : w.history)
        if (!enterprises.count(code)) return at("history", "unknown enterprise '" + code + "'");
    for (const auto& e : w.events) {
        if (!enterprises.count(e.enterprise)) return at("events", "unknown enterprise '" + e.enterprise + "'");
        if (std::find(kEventKinds.begin(), kEventKinds.end(), e.kind) == kEventKinds.end())
            return at("events " + e.enterprise + " " + e.date.iso(), "unknown kind '" + e.kind + "'");
    }
    for (const auto& v : w.visits)
        for (int64_t plan : v.plans)
            if (!planIds.count(plan)) return at("visits " + std::to_string(v.id), "unknown plan " + std::to_string(plan));
    return Ok{};
}

}  // namespace inspectonce
