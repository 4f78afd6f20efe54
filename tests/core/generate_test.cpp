// The workspace generator: deterministic, valid, and drawn from the distributions it
// documents (core/src/generate/). Runs natively and in wasm; the native ≡ wasm check of the
// saved content is the CLI parity line (tests/parity/commands.txt, --digest).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "decision_test_support.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;
using test::date;

GenerateOptions options(const std::string& county, int64_t enterprises, uint64_t seed, int year = 2026) {
    GenerateOptions o;
    o.county = county;
    o.enterprises = enterprises;
    o.seed = seed;
    o.year = year;
    return o;
}

Workspace make(const GenerateOptions& o) {
    auto w = generateWorkspace(o, countyPolicy(o.county));
    EXPECT_TRUE(w) << w.error().message();
    return w ? std::move(w).value() : Workspace{};
}

// Every field of a workspace, in order: two workspaces with the same text are the same.
std::string fingerprint(const Workspace& w) {
    std::ostringstream s;
    s << w.county << ' ' << w.year << ' ' << w.planningDate.iso() << '\n';
    for (const auto& d : w.departments) {
        s << d.id << '|' << d.name.zh << '|' << d.name.en << '|' << toString(d.level) << '|' << d.inspectorsPerDay;
        for (const auto& u : d.units) s << '|' << u;
        s << '\n';
    }
    for (const auto& i : w.inspectors) s << i.id << '|' << i.department << '|' << i.unit << '|' << i.name << '\n';
    for (const auto& i : w.items)
        s << i.id << '|' << i.name.zh << '|' << i.kind << '|' << i.department << i.onSite << i.nonSite << i.delegable << '\n';
    for (const auto& e : w.enterprises) {
        s << e.enterprise.code.str() << '|' << e.enterprise.name << '|' << toString(e.enterprise.grade) << '|' << e.town << '|'
          << e.industry << '|' << e.aboveScale;
        for (const auto& l : e.enterprise.lists) s << '|' << l;
        s << '\n';
    }
    for (const auto& p : w.plans) {
        s << p.id << '|' << p.department << '|' << p.unit << '|' << p.enterprise << '|' << p.window.first.iso() << '|'
          << p.window.last.iso() << '|' << toString(p.kind) << '|' << toString(p.method) << '|' << p.exception.value_or("-") << '|'
          << (p.filedOn ? p.filedOn->iso() : "-") << '|' << p.inspectors;
        for (const auto& i : p.items) s << '|' << i;
        s << '\n';
    }
    for (const auto& [code, h] : w.history)
        s << code << '|' << h.date.iso() << '|' << h.department << '|' << toString(h.level) << '|' << h.item << '|'
          << toString(h.method) << h.joint << h.unified << h.violation << '\n';
    for (const auto& e : w.events) s << e.enterprise << '|' << e.date.iso() << '|' << e.kind << '|' << e.detail << '\n';
    return s.str();
}

std::string tempPath(const std::string& name) {
    std::string path = std::string(INSPECTONCE_TEST_TMP_DIR) + "/" + name;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
    return path;
}

double share(int64_t part, int64_t whole) { return whole == 0 ? 0 : static_cast<double>(part) / static_cast<double>(whole); }

// One large county workspace for the distribution tests (made once).
const Workspace& yunhe20k() {
    static const Workspace w = make(options("yunhe", 20000, 42));
    return w;
}

TEST(Generate, SameOptionsGiveTheSameWorkspace) {
    auto o = options("yunhe", 1500, 7);
    std::string first = fingerprint(make(o));
    EXPECT_EQ(first, fingerprint(make(o)));
    EXPECT_GT(first.size(), 100000u);  // not trivially equal: a real workspace
}

// A demo county is made a step at a time under the browser's overlay: each step moves the
// progress on, the result is the one-go workspace, and the policy it was started with may be
// gone before the steps run (a plugin unloaded meanwhile).
TEST(Generate, AWorkspaceMadeStepByStepIsTheOneMadeInOneGo) {
    GenerateOptions o = options("yuancheng", 400, 11);
    Result<WorkspaceGeneration> generation = makeError("test", "not started");
    {
        PolicyData policy = countyPolicy("yuancheng");
        generation = WorkspaceGeneration::start(o, policy);
        ASSERT_TRUE(generation) << generation.error().message();
    }
    EXPECT_EQ(generation->fraction(), 0.0);
    int steps = 0;
    double last = 0;
    for (;;) {
        auto made = generation->step();
        ASSERT_TRUE(made) << made.error().message();
        ++steps;
        if (*made) break;
        EXPECT_FALSE(generation->done());
        EXPECT_GT(generation->fraction(), last) << "step " << steps;
        EXPECT_LT(generation->fraction(), 1.0);
        last = generation->fraction();
    }
    EXPECT_EQ(steps, 5) << "organisation, enterprises, plans, records, capacity with the validation";
    EXPECT_TRUE(generation->done());
    EXPECT_EQ(generation->fraction(), 1.0);
    EXPECT_EQ(fingerprint(generation->takeWorkspace()), fingerprint(make(o)));

    auto refused = WorkspaceGeneration::start(options("yuancheng", 0, 11), countyPolicy("yuancheng"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().where, "enterprises");
}

// Units are given as English ids; each has a name to show in both languages, so no screen
// shows "市场监管局 · food-safety".
TEST(Generate, EveryUnitGivenHasANameInBothLanguages) {
    auto o = options("yunhe", 300, 3);
    o.departments = 82;  // every bureau at the city's three levels
    Workspace w = make(o);
    std::size_t units = 0;
    for (const auto& d : w.departments)
        for (const auto& unit : d.units) {
            ++units;
            const Text* name = generatedUnitName(unit);
            ASSERT_NE(name, nullptr) << d.id << " · " << unit;
            EXPECT_GE(name->zh.size(), 9u) << unit;  // three or more Chinese characters
            EXPECT_FALSE(name->en.empty()) << unit;
            EXPECT_NE(name->en, unit);
        }
    EXPECT_GE(units, 27u);
    EXPECT_EQ(generatedUnitName("食品科"), nullptr);  // a county's own unit: shown as keyed in
}

TEST(Generate, AnotherSeedGivesAnotherWorkspace) {
    Workspace a = make(options("yunhe", 1500, 7));
    Workspace b = make(options("yunhe", 1500, 8));
    EXPECT_NE(fingerprint(a), fingerprint(b));
    std::set<std::string> codes;
    for (const auto& e : a.enterprises) codes.insert(e.enterprise.code.str());
    int shared = 0;
    for (const auto& e : b.enterprises) shared += codes.count(e.enterprise.code.str()) ? 1 : 0;
    EXPECT_LT(shared, 10);  // the codes themselves differ, not only their order
}

TEST(Generate, AMeanOfPlansLeavesTheEnterprisesAsTheyWere) {
    auto o = options("yunhe", 800, 3);
    Workspace a = make(o);
    o.plansPerEnterprise = 4.0;
    Workspace b = make(o);
    ASSERT_EQ(a.enterprises.size(), b.enterprises.size());
    for (std::size_t i = 0; i < a.enterprises.size(); ++i) EXPECT_EQ(a.enterprises[i].enterprise.code, b.enterprises[i].enterprise.code);
    EXPECT_GT(b.plans.size(), a.plans.size() * 3 / 2);
}

TEST(Generate, TheWorkspaceIsValid) {
    for (const char* county : {"yunhe", "pingyang", "wuxi", "dinghai", "yuancheng"}) {
        Workspace w = make(options(county, 1000, 11));
        Status valid = validate(w);
        EXPECT_TRUE(valid) << county << ": " << (valid ? "" : valid.error().message());
        EXPECT_EQ(w.county, county);
        EXPECT_EQ(w.enterprises.size(), 1000u);
    }
}

TEST(Generate, EveryCodeIsAValidUniqueCreditCode) {
    const Workspace& w = yunhe20k();
    std::set<std::string> codes;
    int individual = 0, cooperative = 0;
    for (const auto& e : w.enterprises) {
        const std::string& code = e.enterprise.code.str();
        UsccCheck check = checkUscc(code);
        EXPECT_TRUE(check.valid) << code << ": " << check.summary();
        EXPECT_TRUE(codes.insert(code).second) << code << " twice";
        EXPECT_EQ(code.substr(2, 6), "331125") << "Yunhe's division code";
        individual += code[1] == '2';
        cooperative += code[1] == '3';
    }
    EXPECT_GT(individual, 2000);  // trade and catering are mostly individual businesses
    EXPECT_GT(cooperative, 50);
}

TEST(Generate, GradesListsAndSizeFollowTheDocumentedShares) {
    const Workspace& w = yunhe20k();
    WorkspaceSummary s = summarize(w);
    ASSERT_EQ(s.enterprises, 20000);
    const double expected[] = {0.15, 0.45, 0.32, 0.08};
    for (int g = 0; g < 4; ++g) EXPECT_NEAR(share(s.byGrade[static_cast<std::size_t>(g)], s.enterprises), expected[g], 0.015) << "grade " << g;
    // White list: half of A and 12 % of B ≈ 12.9 %; exempt: 60 % of A (Yunhe has the rule) ≈ 9 %.
    EXPECT_NEAR(share(s.whiteList, s.enterprises), 0.129, 0.015);
    EXPECT_NEAR(share(s.exempt, s.enterprises), 0.09, 0.015);
    EXPECT_NEAR(share(s.seriousDishonesty, s.enterprises), 0.008, 0.004);
    EXPECT_GT(s.keySupervision, s.byGrade[3] * 4 / 10);
    EXPECT_GT(share(s.aboveScale, s.enterprises), 0.04);
    EXPECT_LT(share(s.aboveScale, s.enterprises), 0.15);
    for (const auto& e : w.enterprises) {
        if (e.enterprise.isOn(lists::kExempt)) { EXPECT_EQ(e.enterprise.grade, CreditGrade::A); }
        if (e.enterprise.isOn(lists::kSeriousDishonesty)) { EXPECT_EQ(e.enterprise.grade, CreditGrade::D); }
        if (e.enterprise.isOn(lists::kWhiteList)) { EXPECT_TRUE(e.enterprise.grade <= CreditGrade::B); }
    }
}

TEST(Generate, OnlyACountyWithAnExemptRuleHasAnExemptList) {
    EXPECT_EQ(summarize(make(options("wuxi", 3000, 5))).exempt, 0);
    EXPECT_GT(summarize(make(options("yunhe", 3000, 5))).exempt, 100);
}

TEST(Generate, PlansFollowTheDocumentedShares) {
    WorkspaceSummary s = summarize(yunhe20k());
    // ≈ 3 plan items per enterprise: 400 000 enterprises give the 1.2 million.
    EXPECT_NEAR(share(s.planItems, s.enterprises), 3.0, 0.2);
    EXPECT_GE(share(s.nonSitePlans, s.plans), 0.15);
    EXPECT_LE(share(s.nonSitePlans, s.plans), 0.25);
    EXPECT_NEAR(share(s.exceptionPlans, s.plans), 0.03, 0.01);
    EXPECT_NEAR(share(s.unfiledPlans, s.plans - s.exceptionPlans), 0.02, 0.007);
    EXPECT_NEAR(share(s.surveys, s.plans), 0.03, 0.01);
    EXPECT_GT(s.history, 500);
    EXPECT_GT(s.events, s.enterprises / 2);
}

TEST(Generate, WatchedEnterprisesGetMorePlansThanTrustedOnes) {
    const Workspace& w = yunhe20k();
    std::map<std::string, int> plans;
    for (const auto& p : w.plans) ++plans[p.enterprise];
    int64_t count[4] = {}, total[4] = {};
    for (const auto& e : w.enterprises) {
        auto g = static_cast<std::size_t>(e.enterprise.grade);
        ++count[g];
        total[g] += plans[e.enterprise.code.str()];
    }
    double a = share(total[0], count[0]), d = share(total[3], count[3]);
    EXPECT_GT(d, 2.5 * a) << "A " << a << ", D " << d;
    EXPECT_GT(share(total[2], count[2]), share(total[1], count[1]));
}

TEST(Generate, WindowsFilingAndExceptionsAreWellFormed) {
    const Workspace& w = yunhe20k();
    const PolicyData& policy = countyPolicy("yunhe");
    EXPECT_EQ(w.planningDate, date("2025-12-31"));  // the last working day of 2025 (Wednesday; 1 January is a holiday)
    for (const auto& p : w.plans) {
        ASSERT_EQ(p.window.first.year(), 2026) << p.id;
        ASSERT_EQ(p.window.last.year(), 2026) << p.id;
        ASSERT_LE(p.window.first, p.window.last) << p.id;
        ASSERT_GT(p.window.first, w.planningDate) << p.id;
        if (p.exception) {
            EXPECT_EQ(p.window.days(), 1) << p.id;
            EXPECT_TRUE(*WorkCalendar::official().isWorkday(p.window.first)) << p.id;
            EXPECT_FALSE(p.filedOn) << p.id << ": an exception is filed afterwards";
            EXPECT_EQ(p.items.size(), 1u);
            bool accepted = false;
            for (const auto& r : policy.rules)
                if (r.exceptions && std::count(r.exceptions->allowed.begin(), r.exceptions->allowed.end(), *p.exception)) accepted = true;
            for (const auto& b : policy.blackouts)
                if (b.exceptions && std::count(b.exceptions->allowed.begin(), b.exceptions->allowed.end(), *p.exception)) accepted = true;
            EXPECT_TRUE(accepted) << *p.exception << " is not one Yunhe accepts";
            EXPECT_NE(*p.exception, "serious-dishonesty") << "raised by the list, never claimed";
        } else {
            EXPECT_GE(p.window.days(), 1);
            EXPECT_LE(p.window.days(), 92);
            if (p.filedOn) { EXPECT_LT(*p.filedOn, p.window.first) << p.id; }
        }
        // The plan's unit inspects every item it names.
        for (const auto& id : p.items) EXPECT_EQ(w.item(id)->department, p.department) << p.id;
    }
}

TEST(Generate, PlansOfOneEnterpriseOverlapSoMergingMatters) {
    const Workspace& w = yunhe20k();
    std::map<std::string, std::vector<const Plan*>> byEnterprise;
    for (const auto& p : w.plans)
        if (p.method == Method::OnSite && !p.exception && p.kind == InspectionKind::Inspection) byEnterprise[p.enterprise].push_back(&p);
    int several = 0, overlapping = 0;
    for (const auto& [code, plans] : byEnterprise) {
        if (plans.size() < 2) continue;
        ++several;
        bool found = false;
        for (std::size_t i = 0; i < plans.size() && !found; ++i)
            for (std::size_t j = i + 1; j < plans.size() && !found; ++j)
                found = plans[i]->department != plans[j]->department && plans[i]->window.first <= plans[j]->window.last &&
                        plans[j]->window.first <= plans[i]->window.last;
        overlapping += found;
    }
    EXPECT_GT(several, 2000);
    EXPECT_GT(share(overlapping, several), 0.5) << overlapping << " of " << several;
}

TEST(Generate, HistoryGivesTheRulesAboutEarlierInspectionsSomethingToDecide) {
    const Workspace& w = yunhe20k();
    int joint = 0, nonSiteClean = 0, otherLevel = 0, unified = 0;
    for (const auto& [code, h] : w.history) {
        EXPECT_EQ(h.date.year(), 2026);
        EXPECT_TRUE(*WorkCalendar::official().isWorkday(h.date)) << h.date.iso();
        joint += h.joint;
        nonSiteClean += h.method == Method::NonSite && !h.violation;
        otherLevel += h.level != DepartmentLevel::County;
        unified += h.unified;
    }
    EXPECT_GT(joint, 100);
    EXPECT_GT(nonSiteClean, 100);
    EXPECT_GT(otherLevel, 30);
    EXPECT_GT(unified, 20);
    // A non-site clean result comes before an on-site plan of the same department and kind.
    std::map<std::string, std::vector<const Plan*>> plansOf;
    for (const auto& p : w.plans) plansOf[p.enterprise].push_back(&p);
    int followed = 0;
    for (const auto& [code, h] : w.history) {
        if (h.method != Method::NonSite) continue;
        for (const Plan* p : plansOf[code])
            if (p->department == h.department && p->method == Method::OnSite && h.date < p->window.first &&
                w.item(p->items.front())->kind == h.item) {
                ++followed;
                break;
            }
    }
    EXPECT_EQ(followed, nonSiteClean);
}

TEST(Generate, CapacityIsAmpleOrTheRoster) {
    auto o = options("pingyang", 3000, 9);
    Workspace ample = make(o);
    o.capacity = CapacityLevel::Tight;
    Workspace tight = make(o);
    ASSERT_EQ(ample.departments.size(), tight.departments.size());
    for (std::size_t d = 0; d < tight.departments.size(); ++d) {
        int roster = 0;
        for (const auto& i : tight.inspectors) roster += i.department == tight.departments[d].id;
        EXPECT_GE(roster, 2);
        EXPECT_LE(roster, 8);
        EXPECT_EQ(tight.departments[d].inspectorsPerDay, roster);
        // Ample: at least what every plan whose window holds the busiest day would need.
        std::map<int32_t, int> need;
        for (const auto& p : ample.plans)
            if (p.department == ample.departments[d].id && p.method == Method::OnSite &&
                (p.kind == InspectionKind::Inspection || p.kind == InspectionKind::Survey))
                for (Date day = p.window.first; day <= p.window.last; day = day.plusDays(1)) need[day.dayNumber()] += p.inspectors;
        int peak = 0;
        for (const auto& [day, n] : need) peak = std::max(peak, n);
        EXPECT_EQ(ample.departments[d].inspectorsPerDay, std::max(peak, roster)) << ample.departments[d].id;
    }
    for (std::size_t d = 0; d < tight.departments.size(); ++d) tight.departments[d].inspectorsPerDay = ample.departments[d].inspectorsPerDay;
    EXPECT_EQ(fingerprint(ample), fingerprint(tight));  // only the capacities differ
}

TEST(Generate, ACountyHasSixteenBureausACityThreeLevels) {
    Workspace county = make(options("yunhe", 500, 1));
    EXPECT_EQ(county.departments.size(), 16u);
    for (const auto& d : county.departments) {
        EXPECT_EQ(d.level, DepartmentLevel::County);
        int items = 0;
        for (const auto& i : county.items) items += i.department == d.id;
        EXPECT_GE(items, 3) << d.id;
        EXPECT_LE(items, 6) << d.id;
    }
    EXPECT_EQ(county.departments[0].name.zh, "市场监管局");

    auto o = options("wuxi", 2000, 1);
    o.departments = 60;
    Workspace city = make(o);
    std::map<DepartmentLevel, int> levels;
    for (const auto& d : city.departments) ++levels[d.level];
    EXPECT_EQ(levels[DepartmentLevel::City], 20);
    EXPECT_EQ(levels[DepartmentLevel::County], 20);
    EXPECT_EQ(levels[DepartmentLevel::Town], 20);
    // Same kinds at several levels, so the cross-level rule (003 二(四)) applies.
    std::map<std::string, std::set<DepartmentLevel>> kindLevels;
    for (const auto& i : city.items) kindLevels[i.kind].insert(city.department(i.department)->level);
    EXPECT_EQ(kindLevels["fire-safety"].size(), 3u);
    std::map<DepartmentLevel, int> planned;
    for (const auto& p : city.plans) ++planned[city.department(p.department)->level];
    EXPECT_GT(planned[DepartmentLevel::City], 0);
    EXPECT_GT(planned[DepartmentLevel::Town], 0);
    EXPECT_GT(planned[DepartmentLevel::County], planned[DepartmentLevel::City]);
}

TEST(Generate, BadOptionsAreErrorsNamingTheOption) {
    auto year = generateWorkspace(options("yunhe", 10, 1, 2030), countyPolicy("yunhe"));
    ASSERT_FALSE(year);
    EXPECT_EQ(year.error().where, "year");
    EXPECT_NE(year.error().why.find("2022"), std::string::npos) << year.error().why;  // the calendar's years
    auto county = generateWorkspace(options("wuxi", 10, 1), countyPolicy("yunhe"));
    ASSERT_FALSE(county);
    EXPECT_EQ(county.error().where, "county");
    auto none = generateWorkspace(options("yunhe", 0, 1), countyPolicy("yunhe"));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().where, "enterprises");
    auto o = options("yunhe", 10, 1);
    o.departments = 83;
    auto departments = generateWorkspace(o, countyPolicy("yunhe"));
    ASSERT_FALSE(departments);
    EXPECT_EQ(departments.error().where, "departments");
    // 2022's planning date would fall in 2021, which the calendar does not know.
    auto early = generateWorkspace(options("yunhe", 10, 1, 2022), countyPolicy("yunhe"));
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().where, "planning-date");
    o = options("yunhe", 10, 1, 2022);
    o.planningDate = date("2022-01-04");
    EXPECT_TRUE(generateWorkspace(o, countyPolicy("yunhe")));
}

TEST(Generate, ALaterPlanningDateLeavesEarlierDaysOut) {
    auto o = options("yunhe", 1000, 2);
    o.planningDate = date("2026-06-30");
    Workspace w = make(o);
    for (const auto& p : w.plans) EXPECT_GT(p.window.first, date("2026-06-30")) << p.id;
}

TEST(Generate, SavedTwiceTheContentIsTheSame) {
    Workspace w = make(options("yuancheng", 1200, 4));
    std::string a = tempPath("generated-a.db"), b = tempPath("generated-b.db");
    ASSERT_TRUE(store::saveWorkspace(w, a));
    ASSERT_TRUE(store::saveWorkspace(make(options("yuancheng", 1200, 4)), b));
    auto da = workspaceFileDigest(a), db = workspaceFileDigest(b);
    ASSERT_TRUE(da) << da.error().message();
    ASSERT_TRUE(db) << db.error().message();
    EXPECT_EQ(*da, *db);
    EXPECT_EQ(da->size(), 64u);
    auto loaded = store::loadWorkspace(a);
    ASSERT_TRUE(loaded) << loaded.error().message();
    WorkspaceSummary original = summarize(w), back = summarize(*loaded);
    EXPECT_EQ(back.plans, original.plans);
    EXPECT_EQ(back.planItems, original.planItems);
    EXPECT_EQ(back.history, original.history);
    EXPECT_EQ(back.events, original.events);
    EXPECT_EQ(back.byGrade, original.byGrade);

    std::string c = tempPath("generated-c.db");
    ASSERT_TRUE(store::saveWorkspace(make(options("yuancheng", 1200, 5)), c));
    EXPECT_NE(*workspaceFileDigest(c), *da);
    EXPECT_FALSE(workspaceFileDigest(tempPath("missing.db")));
}

}  // namespace
}  // namespace inspectonce
