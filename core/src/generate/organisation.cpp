// The county's make-up: which towns it has, its departments (a county's bureaus, or a
// city's three levels), their units, inspectors and item catalogue, and who plans
// inspections in which industry.
#include <algorithm>

#include "generate/generator.hpp"

namespace inspectonce::generate_detail {
namespace {

constexpr int kCountyTowns = 12;
constexpr int kDefaultCountyDepartments = 16;
constexpr int kDefaultCityDepartments = 60;
constexpr int64_t kCityScaleEnterprises = 100000;

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool concerns(const ItemTemplate& item, std::string_view industry) {
    if (item.sectors.empty()) return true;
    for (const auto& w : words(item.sectors))
        if (w == industry) return true;
    return false;
}

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Towns: a county has 12 (its seat's three subdistricts and nine others drawn from the
// list), a city all 40. Earlier towns hold more enterprises (see enterprises.cpp).
void chooseTowns(Generation& g, Rng& rng) {
    int all = static_cast<int>(towns().size());
    std::vector<int> order(static_cast<std::size_t>(all));
    for (int i = 0; i < all; ++i) order[static_cast<std::size_t>(i)] = i;
    for (int i = all - 1; i > 3; --i) std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(3 + rng.below(i - 2))]);
    int count = g.cityScale ? all : kCountyTowns;
    g.towns.assign(order.begin(), order.begin() + count);
    g.townTeam.assign(g.towns.size(), -1);
}

void addDepartment(Generation& g, Rng& rng, WorkspaceDepartment department, int templateIndex, int town,
                   std::span<const ItemTemplate> items) {
    DepartmentInfo info;
    info.templateIndex = templateIndex;
    info.town = town;
    for (const auto& item : items) {
        if (templateIndex >= 0 && item.department != departmentTemplates()[static_cast<std::size_t>(templateIndex)].id) continue;
        info.items.push_back(static_cast<int>(g.w.items.size()));
        info.sources.push_back(&item);
        g.itemUnit.push_back(item.unit);
        g.w.items.push_back({department.id + "." + std::string(item.id), {std::string(item.zh), std::string(item.en)},
                             std::string(item.kind), department.id, item.onSite, item.nonSite, item.delegable});
    }
    // 2–8 inspectors, spread over the units: the department's roster.
    info.roster = rng.between(2, 8);
    for (int i = 0; i < info.roster; ++i) {
        std::string unit = department.units.empty() ? "" : department.units[static_cast<std::size_t>(i) % department.units.size()];
        // Two statements: the operands of + are evaluated in an unspecified order (GCC and
        // clang differ), and native ≡ wasm needs the surname drawn first.
        auto surname = static_cast<std::size_t>(rng.below(static_cast<int>(surnames().size())));
        auto given = static_cast<std::size_t>(rng.below(static_cast<int>(givenNames().size())));
        std::string name = std::string(surnames()[surname]) + std::string(givenNames()[given]);
        g.w.inspectors.push_back({department.id + "-" + twoDigits(i + 1), department.id, unit, name});
    }
    g.departments.push_back(std::move(info));
    g.w.departments.push_back(std::move(department));
}

WorkspaceDepartment bureau(const DepartmentTemplate& t, DepartmentLevel level, bool cityScale) {
    WorkspaceDepartment d;
    bool city = level == DepartmentLevel::City;
    d.id = (city ? "city-" : "") + std::string(t.id);
    d.name = city ? Text{std::string(t.cityZh), std::string(t.cityEn)} : Text{std::string(t.zh), std::string(t.en)};
    if (cityScale && !city) d.name = {"区" + d.name.zh, "District " + d.name.en};
    d.level = level;
    d.units = words(t.units);
    return d;
}

}  // namespace

Status buildOrganisation(Generation& g) {
    Rng rng(g.options.seed, kOrganisationStream);
    int templates = static_cast<int>(departmentTemplates().size());
    int requested = g.options.departments;
    if (requested == 0) requested = g.options.enterprises >= kCityScaleEnterprises ? kDefaultCityDepartments : kDefaultCountyDepartments;
    int maxDepartments = 2 * templates + static_cast<int>(towns().size());
    if (requested < 1 || requested > maxDepartments)
        return makeError("departments", std::to_string(requested) + " is out of range: 1 to " + std::to_string(templates) +
                                            " gives a county's bureaus, up to " + std::to_string(maxDepartments) +
                                            " a city's three levels (0: the default)");
    g.cityScale = requested > templates;
    chooseTowns(g, rng);
    g.countyInstance.assign(static_cast<std::size_t>(templates), -1);
    g.cityInstance.assign(static_cast<std::size_t>(templates), -1);

    // A county: its first `requested` bureaus. A city: a third city bureaus, the district's
    // bureaus, and the rest town teams (60 → 20 + 20 + 20).
    int city = g.cityScale ? std::min(templates, requested / 3) : 0;
    int county = g.cityScale ? std::min(templates, (requested - city + 1) / 2) : requested;
    int teams = requested - city - county;
    for (int t = 0; t < city; ++t) {
        g.cityInstance[static_cast<std::size_t>(t)] = static_cast<int>(g.w.departments.size());
        addDepartment(g, rng, bureau(departmentTemplates()[static_cast<std::size_t>(t)], DepartmentLevel::City, true), t, -1, itemTemplates());
    }
    for (int t = 0; t < county; ++t) {
        g.countyInstance[static_cast<std::size_t>(t)] = static_cast<int>(g.w.departments.size());
        addDepartment(g, rng, bureau(departmentTemplates()[static_cast<std::size_t>(t)], DepartmentLevel::County, g.cityScale), t, -1,
                      itemTemplates());
    }
    for (int k = 0; k < teams; ++k) {
        const Town& town = towns()[static_cast<std::size_t>(g.towns[static_cast<std::size_t>(k)])];
        WorkspaceDepartment d;
        d.id = "town-" + twoDigits(k + 1) + "-enforcement";
        d.name = {std::string(town.zh) + "综合行政执法队", std::string(town.en) + " Comprehensive Enforcement Team"};
        d.level = DepartmentLevel::Town;
        g.townTeam[static_cast<std::size_t>(k)] = static_cast<int>(g.w.departments.size());
        addDepartment(g, rng, std::move(d), -1, k, townTeamItems());
    }

    // Who plans where: an industry's affinities, kept when the department exists here.
    for (const auto& industry : industries()) {
        std::vector<Planner> planners;
        for (const auto& a : industry.affinities) {
            if (a.department.empty()) continue;
            if (a.department == "town") {
                if (teams > 0) planners.push_back({-1, a.weight});
                continue;
            }
            for (int t = 0; t < templates; ++t)
                if (departmentTemplates()[static_cast<std::size_t>(t)].id == a.department &&
                    (g.countyInstance[static_cast<std::size_t>(t)] >= 0 || g.cityInstance[static_cast<std::size_t>(t)] >= 0))
                    planners.push_back({t, a.weight});
        }
        g.planners.push_back(std::move(planners));
    }

    // The items each department may put in a plan for an enterprise of each industry, by method.
    std::size_t industryCount = industries().size();
    g.candidates.assign(g.w.departments.size() * industryCount * 2, {});
    for (std::size_t d = 0; d < g.w.departments.size(); ++d) {
        const DepartmentInfo& info = g.departments[d];
        for (std::size_t k = 0; k < industryCount; ++k)
            for (std::size_t i = 0; i < info.items.size(); ++i) {
                const ItemTemplate& source = *info.sources[i];
                if (!concerns(source, industries()[k].id)) continue;
                if (source.onSite) g.candidatesFor(static_cast<int>(d), static_cast<int>(k), Method::OnSite).push_back(info.items[i]);
                if (source.nonSite) g.candidatesFor(static_cast<int>(d), static_cast<int>(k), Method::NonSite).push_back(info.items[i]);
            }
    }
    return Ok{};
}

}  // namespace inspectonce::generate_detail
