#include "random_workspace.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "inspectonce/uscc.hpp"

namespace inspectonce::ilp {

uint64_t Rng::next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int Rng::below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
int Rng::between(int lo, int hi) { return lo + below(hi - lo + 1); }
bool Rng::chance(int percent) { return below(100) < percent; }

namespace {

struct ItemSpec {
    const char* id;
    const char* kind;  // same-kind group; hazardous-waste is shared by a city and a county department
    bool nonSite;
};

struct DepartmentSpec {
    const char* id;
    const char* zh;
    DepartmentLevel level;
    std::vector<std::string> units;
    std::vector<ItemSpec> items;
};

const std::vector<DepartmentSpec>& departmentPool() {
    static const std::vector<DepartmentSpec> pool = {
        {"market-supervision", "市场监管局", DepartmentLevel::County, {"food", "pricing", "quality"},
         {{"food-production", "food-safety", true}, {"price-marking", "pricing", false}, {"product-quality", "quality", false}}},
        {"fire-rescue", "消防救援大队", DepartmentLevel::County, {},
         {{"fire-routine", "fire-safety", false}, {"fire-exits", "fire-safety", false}}},
        {"ecology-environment", "生态环境局", DepartmentLevel::City, {"water", "air"},
         {{"hazardous-waste", "hazardous-waste", true}, {"emissions", "air-emissions", true}}},
        {"emergency-management", "应急管理局", DepartmentLevel::County, {"chemicals"},
         {{"chemical-storage", "hazardous-waste", false}, {"work-safety", "work-safety", false}}},
        {"health", "卫生健康局", DepartmentLevel::County, {"sanitation"}, {{"public-sanitation", "sanitation", false}}},
        {"agriculture", "农业农村局", DepartmentLevel::Town, {}, {{"pesticide", "pesticide", true}}},
        {"housing", "住建局", DepartmentLevel::County, {"construction"}, {{"site-safety", "construction-safety", false}}},
    };
    return pool;
}

std::string regionOf(const std::string& county) {
    if (county == "yunhe") return "331125";
    if (county == "pingyang") return "330326";
    if (county == "dinghai") return "330902";
    return "320200";
}

Date day2026(int offset) { return Date::fromYmd(2026, 1, 1).value().plusDays(offset); }

}  // namespace

std::string enterpriseCode(const std::string& county, int n) {
    // 91 (an enterprise registered by market regulation), the county's region, and an
    // organization code MA + 6 digits with its own check character (GB 11714).
    std::string digits = std::to_string(n);
    std::string organization = "MA" + std::string(6 - digits.size(), '0') + digits;
    std::string body = "91" + regionOf(county) + organization + organizationCodeCheckCharacter(organization);
    return body + usccCheckCharacter(body);
}

Workspace randomWorkspace(const InstanceShape& shape, Rng& rng) {
    Workspace w;
    w.county = shape.county;
    w.year = 2026;
    w.planningDate = day2026(4 + rng.below(50));  // early January to late February

    // Departments: a random subset of the pool, in pool order.
    std::vector<const DepartmentSpec*> chosen;
    for (const auto& d : departmentPool()) chosen.push_back(&d);
    for (std::size_t i = chosen.size() - 1; i > 0; --i)
        std::swap(chosen[i], chosen[static_cast<std::size_t>(rng.below(static_cast<int>(i) + 1))]);
    chosen.resize(static_cast<std::size_t>(std::min<int>(shape.departments, static_cast<int>(chosen.size()))));
    for (const DepartmentSpec* d : chosen) {
        int perDay = shape.tightCapacity ? rng.between(2, 3) : 0;
        w.departments.push_back({d->id, {d->zh, d->id}, d->level, d->units, perDay});
        for (const auto& item : d->items)
            w.items.push_back({item.id, {item.id, item.id}, item.kind, d->id, true, item.nonSite, false});
    }

    for (int n = 1; n <= shape.enterprises; ++n) {
        Enterprise e{Uscc::parse(enterpriseCode(shape.county, n)).value(), "企业" + std::to_string(n),
                     static_cast<CreditGrade>(rng.below(4)), {}};
        if (rng.chance(12)) e.lists.push_back("serious-dishonesty");  // lifts Yunhe's quiet period (004 二(三))
        if (rng.chance(10)) e.lists.push_back("exempt");
        if (rng.chance(10)) e.lists.push_back("white-list");
        w.enterprises.push_back({std::move(e), "town-" + std::to_string(rng.between(1, 3)), "manufacturing", rng.chance(40)});
    }

    const int lengths[] = {1, 3, 5, 7, 10, 14, 21, 30, 45};
    for (int i = 0; i < shape.plans; ++i) {
        Plan p;
        p.id = i + 1;
        const WorkspaceDepartment& dept = w.departments[static_cast<std::size_t>(rng.below(static_cast<int>(w.departments.size())))];
        p.department = dept.id;
        if (!dept.units.empty() && rng.chance(70)) p.unit = dept.units[static_cast<std::size_t>(rng.below(static_cast<int>(dept.units.size())))];
        p.enterprise = w.enterprises[static_cast<std::size_t>(rng.below(shape.enterprises))].enterprise.code.str();

        int kind = rng.below(100);
        p.kind = kind < 78 ? InspectionKind::Inspection : kind < 94 ? InspectionKind::Survey : InspectionKind::Guidance;
        std::vector<std::string> onSite, nonSite;
        for (const auto& item : w.items) {
            if (item.department != dept.id) continue;
            onSite.push_back(item.id);
            if (item.nonSite) nonSite.push_back(item.id);
        }
        bool remote = !nonSite.empty() && rng.chance(8);
        p.method = remote ? Method::NonSite : Method::OnSite;
        const auto& pick = remote ? nonSite : onSite;
        p.items.push_back(pick[static_cast<std::size_t>(rng.below(static_cast<int>(pick.size())))]);
        const std::string& second = pick[static_cast<std::size_t>(rng.below(static_cast<int>(pick.size())))];
        if (rng.chance(30) && second != p.items.front()) p.items.push_back(second);

        int first = std::min(364, shape.firstStart + rng.below(shape.startDays));
        int length = lengths[rng.below(static_cast<int>(std::size(lengths)))];
        p.window = {day2026(first), day2026(std::min(364, first + length - 1))};
        if (p.kind == InspectionKind::Inspection && rng.chance(3)) p.exception = "complaint-report";
        if (!rng.chance(6)) p.filedOn = rng.chance(85) ? p.window.first.plusDays(-rng.between(1, 30))
                                                       : p.window.first.plusDays(rng.between(0, 8));  // filed late
        int need = rng.below(100);
        p.inspectors = need < 25 ? 1 : need < 85 ? 2 : 3;
        w.plans.push_back(std::move(p));
    }
    return w;
}

}  // namespace inspectonce::ilp
