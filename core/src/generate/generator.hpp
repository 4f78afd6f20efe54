// What the generator's steps share: the options, the county's make-up beside the
// workspace being filled, and per-enterprise facts the later steps draw on. Each step is
// one file: organisation.cpp (departments, items, inspectors, towns), enterprises.cpp,
// plans.cpp (plans and capacity), records.cpp (history and events).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generate/catalogue.hpp"
#include "generate/random.hpp"
#include "inspectonce/generate.hpp"

namespace inspectonce::generate_detail {

// The random streams, one per step, so that changing one step's options leaves the
// others' draws as they were.
enum Stream : uint64_t { kOrganisationStream = 1, kEnterpriseStream, kPlanStream, kRecordStream, kCodeStream };

struct DepartmentInfo {
    int templateIndex = -1;  // into departmentTemplates(); -1 for a town's enforcement team
    int town = -1;           // the town (index into Generation::towns) a town team serves
    std::vector<int> items;  // indices into Workspace::items
    std::vector<const ItemTemplate*> sources;  // the template of each item
    int roster = 0;          // inspectors on its books
};

// Who plans inspections in one industry: a department template (or the town team) and weight.
struct Planner {
    int templateIndex = -1;  // -1: the enterprise's town team
    int weight = 0;
};

struct EnterpriseInfo {
    int industry = 0;
    int town = 0;           // index into Generation::towns
    bool individual = false;
    int64_t planWeight = 0;  // relative number of plans (grade, lists, size)
    int32_t anchor = 0;      // the day (number) its departments' plans cluster around
};

struct Generation {
    Generation(const GenerateOptions& o, const PolicyData& p, const WorkCalendar& c, Workspace& workspace)
        : options(o), policy(p), calendar(c), w(workspace) {}

    const GenerateOptions& options;
    const PolicyData& policy;
    const WorkCalendar& calendar;
    Workspace& w;

    bool cityScale = false;
    std::vector<int> towns;                 // indices into towns(), most enterprises first
    std::vector<int> townTeam;              // per town: its team's department index, or -1
    std::vector<DepartmentInfo> departments;  // parallel to w.departments
    std::vector<int> countyInstance, cityInstance;  // per template: department index or -1
    std::vector<std::vector<Planner>> planners;     // per industry
    std::vector<std::vector<int>> candidates;       // [(department × industries + industry) × 2 + method] → items
    std::vector<std::string_view> itemUnit;         // parallel to w.items: the unit that inspects it
    std::vector<EnterpriseInfo> enterprises;        // parallel to w.enterprises
    std::vector<int> planDepartment;                // parallel to w.plans: index of its department

    Date yearFirst, yearLast;
    Date windowStart;                  // the first day a plan's window may hold (after the planning date)
    int32_t anchorFirst = 0, anchorLast = 0;
    std::vector<int32_t> workdays;     // the year's working days from windowStart on (day numbers)
    std::vector<std::string> exceptions;  // the exception ids plans may give, with their weights
    std::vector<int> exceptionWeights;
    bool exemptRule = false;           // the county has an exempt list (004 二(六))

    std::vector<int>& candidatesFor(int department, int industry, Method method) {
        std::size_t n = industries().size();
        return candidates[(static_cast<std::size_t>(department) * n + static_cast<std::size_t>(industry)) * 2 +
                          (method == Method::OnSite ? 0 : 1)];
    }
    // A working day drawn uniformly from [from, to] (day numbers), or `from` if none.
    int32_t workdayBetween(Rng& rng, int32_t from, int32_t to) const;
};

Status buildOrganisation(Generation& g);
Status buildEnterprises(Generation& g);
Status buildPlans(Generation& g);
void buildRecords(Generation& g);
void setCapacity(Generation& g);

}  // namespace inspectonce::generate_detail
