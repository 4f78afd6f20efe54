#include "planning_rows.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "inspectonce/generate.hpp"

namespace inspectonce::ui {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

bool containsText(std::string_view text, std::string_view search) {
    if (search.empty()) return true;
    if (search.size() > text.size()) return false;
    auto found = std::search(text.begin(), text.end(), search.begin(), search.end(),
                             [](char a, char b) { return lower(a) == lower(b); });
    return found != text.end();
}

std::string enterpriseName(const Workspace& workspace, const std::string& uscc) {
    const WorkspaceEnterprise* e = workspace.enterprise(uscc);
    return e ? e->enterprise.name : uscc;
}

std::string departmentName(const Workspace& workspace, const std::string& id, const std::string& unit, Language language) {
    const WorkspaceDepartment* d = workspace.department(id);
    std::string name = d ? d->name.in(language) : id;
    if (unit.empty()) return name;
    const Text* unitName = generatedUnitName(unit);
    return name + " · " + (unitName ? unitName->in(language) : unit);
}

std::vector<int32_t> planRows(const Workspace& workspace, std::string_view search, PlanColumn column, bool ascending) {
    const auto& plans = workspace.plans;
    // The enterprise of each plan, looked up once (a binary search each) rather than per comparison.
    std::vector<const WorkspaceEnterprise*> enterprises(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) enterprises[i] = workspace.enterprise(plans[i].enterprise);

    std::vector<int32_t> rows;
    rows.reserve(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const Plan& p = plans[i];
        bool match = search.empty() || containsText(p.enterprise, search) || containsText(p.department, search) ||
                     containsText(p.unit, search) || (enterprises[i] && containsText(enterprises[i]->enterprise.name, search));
        if (!match) {
            if (const WorkspaceDepartment* d = workspace.department(p.department))
                match = containsText(d->name.zh, search) || containsText(d->name.en, search);
        }
        if (match) rows.push_back(static_cast<int32_t>(i));
    }

    auto name = [&](int32_t i) -> const std::string& {
        static const std::string none;
        return enterprises[static_cast<std::size_t>(i)] ? enterprises[static_cast<std::size_t>(i)]->enterprise.name : none;
    };
    // -1, 0, 1 for the chosen column; ties fall to the plan id so the order is total.
    auto compare = [&](int32_t a, int32_t b) -> int {
        const Plan& x = plans[static_cast<std::size_t>(a)];
        const Plan& y = plans[static_cast<std::size_t>(b)];
        auto three = [](const auto& l, const auto& r) { return l < r ? -1 : (r < l ? 1 : 0); };
        switch (column) {
            case PlanColumn::Id: return three(x.id, y.id);
            case PlanColumn::Department: {
                int c = three(x.department, y.department);
                return c ? c : three(x.unit, y.unit);
            }
            case PlanColumn::Enterprise: {
                int c = three(name(a), name(b));
                return c ? c : three(x.enterprise, y.enterprise);
            }
            case PlanColumn::Window: {
                int c = three(x.window.first, y.window.first);
                return c ? c : three(x.window.last, y.window.last);
            }
            case PlanColumn::Kind: return three(static_cast<int>(x.kind), static_cast<int>(y.kind));
            case PlanColumn::Method: return three(static_cast<int>(x.method), static_cast<int>(y.method));
            case PlanColumn::Filed: {
                // Not filed sorts first ascending: those are the ones to act on.
                if (x.filedOn.has_value() != y.filedOn.has_value()) return x.filedOn ? 1 : -1;
                return x.filedOn ? three(*x.filedOn, *y.filedOn) : 0;
            }
        }
        return 0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) {
        int c = compare(a, b);
        if (!ascending) c = -c;
        if (c) return c < 0;
        return plans[static_cast<std::size_t>(a)].id < plans[static_cast<std::size_t>(b)].id;
    });
    return rows;
}

std::vector<int32_t> visitRows(const Workspace& workspace, std::string_view enterprise, std::string_view date) {
    std::vector<int32_t> rows;
    for (std::size_t i = 0; i < workspace.visits.size(); ++i) {
        const Visit& v = workspace.visits[i];
        if (!date.empty() && v.date.iso().rfind(date, 0) != 0) continue;
        if (!enterprise.empty() && !containsText(v.enterprise, enterprise)) {
            const WorkspaceEnterprise* e = workspace.enterprise(v.enterprise);
            if (!e || !containsText(e->enterprise.name, enterprise)) continue;
        }
        rows.push_back(static_cast<int32_t>(i));
    }
    return rows;
}

}  // namespace inspectonce::ui
