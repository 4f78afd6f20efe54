// The plans departments file, and each department's daily capacity.
//
// Distributions:
//   plans per enterprise  binomial with mean (the option's mean) × (its plan weight ÷ the mean
//                         weight), so D-grade and key-supervision enterprises get more, A and
//                         white-list ones fewer; about one enterprise in six gets none
//   exception             2.5 % of plans, 6 % for D-grade and key-supervision enterprises
//                         (≈ 3 % overall): one working day, an exception the county accepts
//                         (complaints most often), not filed beforehand (ALL-4)
//   kind                  surveys 3 %, guidance 1 %, the rest inspections
//   department            by the industry's affinities (catalogue.cpp); in a city, a bureau
//                         is the district's 70 % of the time, the city's 30 %
//   method                non-site by grade: A 40 %, B 27 %, C 20 %, D 13 %, +15 points on the
//                         white list (003 二(五), 004 二(四)), when the department has a non-site
//                         item for the industry (≈ 20 % of plans in all)
//   items                 one, plus 0–3 more draws of the same method (52/32/13/3 %); from
//                         several units, the plan is the department's as a whole
//   window                70 % around the enterprise's anchor day (so departments' windows
//                         overlap and merging matters), 30 % anywhere; the month of that day
//                         (45 %), 2–4 weeks holding it (40 %), or its quarter (15 %)
//   filing                3–20 working days before the window (never more than 30 days before
//                         the planning date); 2 % of regular plans not filed (001 三.3)
//   inspectors            2 on site (3 for 15 % of multi-item plans), 1 off site
#include <algorithm>

#include "generate/generator.hpp"

namespace inspectonce::generate_detail {
namespace {

constexpr int kExtraItemWeights[] = {520, 320, 130, 30};
constexpr int kNonSitePerMille[] = {400, 270, 200, 130};  // by grade

struct Planning {
    Generation& g;
    Rng rng;
    std::vector<int> weights;  // scratch

    // The department of one plan for enterprise `e`.
    int department(const EnterpriseInfo& e) {
        const auto& planners = g.planners[static_cast<std::size_t>(e.industry)];
        int team = g.townTeam[static_cast<std::size_t>(e.town)];
        weights.clear();
        int64_t total = 0;
        for (const auto& p : planners) {
            weights.push_back(p.templateIndex < 0 && team < 0 ? 0 : p.weight);
            total += weights.back();
        }
        if (total == 0) return rng.below(static_cast<int>(g.w.departments.size()));
        const Planner& p = planners[static_cast<std::size_t>(rng.weighted(weights))];
        if (p.templateIndex < 0) return team;
        int county = g.countyInstance[static_cast<std::size_t>(p.templateIndex)];
        int city = g.cityInstance[static_cast<std::size_t>(p.templateIndex)];
        if (county < 0) return city;
        if (city < 0) return county;
        return rng.chance(700) ? county : city;
    }

    DateRange window(int32_t anchorDay) {
        if (!rng.chance(700)) anchorDay = g.anchorFirst + rng.below(g.anchorLast - g.anchorFirst + 1);
        Date anchor = Date::fromDayNumber(anchorDay);
        DateRange r;
        switch (rng.weighted(std::initializer_list<int>{450, 400, 150})) {
            case 0: {
                YearMonth month = YearMonth::of(anchor);
                r = {month.first(), month.last()};
                break;
            }
            case 1: {
                int length = 7 * rng.between(2, 4);
                Date first = anchor.plusDays(-rng.below(length));
                r = {first, first.plusDays(length - 1)};
                break;
            }
            default: {
                int q = (anchor.month() - 1) / 3;
                Date first = YearMonth{anchor.year(), 3 * q + 1}.first();
                r = {first, YearMonth{anchor.year(), 3 * q + 3}.last()};
                break;
            }
        }
        // The window holds the anchor, which lies within [windowStart, yearLast]: clipping keeps it non-empty.
        r.first = std::max(r.first, g.windowStart);
        r.last = std::min(r.last, g.yearLast);
        return r;
    }

    Date filing(Date windowFirst) {
        Date floor = g.w.planningDate.plusDays(-30);
        auto filed = g.calendar.addWorkdays(windowFirst, -rng.between(3, 20));
        if (!filed || *filed < floor) return floor;
        return *filed;
    }
};

}  // namespace

Status buildPlans(Generation& g) {
    Planning planning{g, Rng(g.options.seed, kPlanStream), {}};
    Rng& rng = planning.rng;

    // The mean weight, so that each enterprise's expected plans are mean × weight / meanWeight.
    int64_t totalWeight = 0;
    for (const auto& e : g.enterprises) totalWeight += e.planWeight;
    double meanOption = g.options.plansPerEnterprise > 0 ? g.options.plansPerEnterprise : 2.35;
    auto milliPlans = static_cast<int64_t>(meanOption * 1000 + 0.5);  // the only floating point: rounded once
    int64_t enterprises = static_cast<int64_t>(g.enterprises.size());

    int64_t nextId = 1;
    g.w.plans.reserve(static_cast<std::size_t>(enterprises * milliPlans / 1000 + 16));
    g.planDepartment.reserve(g.w.plans.capacity());
    for (std::size_t e = 0; e < g.enterprises.size(); ++e) {
        const EnterpriseInfo& info = g.enterprises[e];
        const WorkspaceEnterprise& enterprise = g.w.enterprises[e];
        const Enterprise& ent = enterprise.enterprise;
        bool watched = ent.grade == CreditGrade::D || ent.isOn(lists::kKeySupervision);

        // Binomial(trials, expected / trials) with trials = 2⌈expected⌉ + 2: mean `expected`,
        // spread close to Poisson's, in integer arithmetic (probability in units of 2^-32).
        int64_t expectedMilli = milliPlans * enterprises * info.planWeight / totalWeight;
        int64_t trials = 2 * ((expectedMilli + 999) / 1000) + 2;
        uint64_t p32 = static_cast<uint64_t>((expectedMilli << 32) / (trials * 1000));
        int count = 0;
        for (int64_t t = 0; t < trials; ++t) count += rng.chance32(p32) ? 1 : 0;

        for (int k = 0; k < count; ++k) {
            Plan plan;
            plan.id = nextId++;
            plan.enterprise = ent.code.str();
            bool exception = rng.chance(watched ? 60 : 25);
            if (!exception) {
                int kind = rng.weighted(std::initializer_list<int>{960, 30, 10});
                plan.kind = kind == 0 ? InspectionKind::Inspection : kind == 1 ? InspectionKind::Survey : InspectionKind::Guidance;
            }
            int department = planning.department(info);
            const WorkspaceDepartment& dept = g.w.departments[static_cast<std::size_t>(department)];
            plan.department = dept.id;

            int nonSite = kNonSitePerMille[static_cast<int>(ent.grade)] + (ent.isOn(lists::kWhiteList) ? 150 : 0);
            bool regularInspection = !exception && plan.kind == InspectionKind::Inspection;
            plan.method = regularInspection && rng.chance(nonSite) ? Method::NonSite : Method::OnSite;
            std::vector<int>* items = &g.candidatesFor(department, info.industry, plan.method);
            if (items->empty() && plan.method == Method::NonSite) {
                plan.method = Method::OnSite;
                items = &g.candidatesFor(department, info.industry, Method::OnSite);
            }
            if (items->empty()) {  // nothing of this department concerns the industry: its general items
                std::vector<int>& general = g.candidatesFor(department, info.industry, plan.method);
                for (int item : g.departments[static_cast<std::size_t>(department)].items)
                    if (plan.method == Method::OnSite ? g.w.items[static_cast<std::size_t>(item)].onSite
                                                      : g.w.items[static_cast<std::size_t>(item)].nonSite)
                        general.push_back(item);
                items = &general;
            }
            int first = (*items)[static_cast<std::size_t>(rng.below(static_cast<int>(items->size())))];
            const InspectionItem& firstItem = g.w.items[static_cast<std::size_t>(first)];
            plan.items.push_back(firstItem.id);
            std::string_view unit = g.itemUnit[static_cast<std::size_t>(first)];
            plan.unit = std::string(unit);
            int extra = exception ? 0 : rng.weighted(kExtraItemWeights);
            for (int x = 0; x < extra; ++x) {
                int other = (*items)[static_cast<std::size_t>(rng.below(static_cast<int>(items->size())))];
                const std::string& id = g.w.items[static_cast<std::size_t>(other)].id;
                if (std::find(plan.items.begin(), plan.items.end(), id) != plan.items.end()) continue;
                plan.items.push_back(id);
                if (g.itemUnit[static_cast<std::size_t>(other)] != unit) plan.unit.clear();  // several units: the department's plan
            }
            std::sort(plan.items.begin(), plan.items.end());

            if (exception) {
                Date day = Date::fromDayNumber(g.workdayBetween(rng, g.windowStart.dayNumber(), g.yearLast.dayNumber()));
                plan.window = {day, day};
                plan.exception = g.exceptions[static_cast<std::size_t>(rng.weighted(g.exceptionWeights))];
            } else {
                plan.window = planning.window(info.anchor);
                if (!rng.chance(20)) plan.filedOn = planning.filing(plan.window.first);
            }
            bool multi = plan.items.size() > 1;
            int roster = g.departments[static_cast<std::size_t>(department)].roster;
            plan.inspectors = plan.method == Method::NonSite ? 1 : (multi && roster >= 3 && rng.chance(150) ? 3 : 2);
            g.w.plans.push_back(std::move(plan));
            g.planDepartment.push_back(department);
        }
    }
    return Ok{};
}

// Ample: the most inspectors the department's plans could need on one day if every plan
// whose window holds that day were carried out on it — no schedule can need more. Tight:
// its roster, 2–8 people.
void setCapacity(Generation& g) {
    int32_t first = g.yearFirst.dayNumber();
    auto days = static_cast<std::size_t>(g.yearLast.dayNumber() - first + 2);
    std::vector<std::vector<int64_t>> change(g.w.departments.size(), std::vector<int64_t>(days, 0));
    for (std::size_t i = 0; i < g.w.plans.size(); ++i) {
        const Plan& p = g.w.plans[i];
        if (p.method != Method::OnSite || (p.kind != InspectionKind::Inspection && p.kind != InspectionKind::Survey)) continue;
        auto d = static_cast<std::size_t>(g.planDepartment[i]);
        change[d][static_cast<std::size_t>(p.window.first.dayNumber() - first)] += p.inspectors;
        change[d][static_cast<std::size_t>(p.window.last.dayNumber() - first + 1)] -= p.inspectors;
    }
    for (std::size_t d = 0; d < g.w.departments.size(); ++d) {
        int64_t load = 0, peak = 0;
        for (int64_t c : change[d]) peak = std::max(peak, load += c);
        int roster = g.departments[d].roster;
        g.w.departments[d].inspectorsPerDay =
            g.options.capacity == CapacityLevel::Tight ? roster : static_cast<int>(std::max<int64_t>(roster, peak));
    }
}

}  // namespace inspectonce::generate_detail
