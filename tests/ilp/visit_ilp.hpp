// The exact minimum number of visits as an integer linear program, solved by GLPK
// (branch and cut, presolve on) — the reference the scheduler is compared with.
//
//   x[p,d] ∈ {0,1}   plan p is carried out on day d, for every open day d of p (plan_days.hpp)
//   y[e,k,d] ∈ {0,1} a visit of kind k to enterprise e on day d
//   Σ_d x[p,d] = 1                 every plan exactly once
//   x[p,d] ≤ y[e(p),k(p),d]        a plan needs its enterprise's visit that day
//   minimise Σ y
//
// With capacity: a department sends to one visit as many inspectors as the most any of its
// plans in that visit needs (the scheduler's rule), and no more than its daily limit in all:
//   w[e,k,t,d] ≥ 0,  w[e,k,t,d] ≥ inspectors(p)·x[p,d] for p of department t,
//   Σ_{e,k} w[e,k,t,d] ≤ limit(t) − fixed load of t on d (exception visits, never moved).
// w is continuous: it only has to reach the max over the plans present, and the objective
// does not involve it, so a solution with w = that max exists whenever any does.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ilp {

struct IlpPlan {
    int64_t id = 0;
    std::string enterprise;
    InspectionKind kind = InspectionKind::Inspection;
    std::string department;
    int inspectors = 2;
    std::vector<Date> days;  // the open days
};

// Inspectors a department already sends on a day (an exception visit's, which is fixed).
struct FixedLoad {
    std::string department;
    Date day;
    int inspectors = 0;
};

struct IlpOptions {
    bool capacity = false;      // add the department capacity constraints
    double timeLimitSeconds = 300;
};

struct IlpSolution {
    bool optimal = false;       // GLPK proved optimality (glp_mip_status == GLP_OPT)
    int glpkReturn = 0;         // glp_intopt's return code
    int mipStatus = 0;          // glp_mip_status
    int64_t visits = 0;         // the optimum (Σ y)
    int columns = 0, rows = 0, nonzeros = 0;
    double seconds = 0;         // glp_intopt only
    std::map<int64_t, Date> dayOf;  // the day the solution gives each plan
};

// `departments` gives the daily limits (0: none). A plan without open days is an error.
Result<IlpSolution> minimiseVisits(const std::vector<IlpPlan>& plans, const std::vector<WorkspaceDepartment>& departments,
                                   const std::vector<FixedLoad>& fixed, const IlpOptions& options);

}  // namespace inspectonce::ilp
