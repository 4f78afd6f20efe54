#include "visit_ilp.hpp"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <tuple>

namespace inspectonce::ilp {
namespace {

// The model as GLPK wants it: columns with bounds and kinds, rows with bounds, and the
// matrix as (row, column, value) triplets (1-based, index 0 unused).
class Model {
public:
    Model() : lp_(glp_create_prob(), glp_delete_prob) {
        glp_set_obj_dir(lp_.get(), GLP_MIN);
        ia_.push_back(0), ja_.push_back(0), ar_.push_back(0);
    }
    int binary(double cost) {
        int j = glp_add_cols(lp_.get(), 1);
        glp_set_col_kind(lp_.get(), j, GLP_BV);
        glp_set_obj_coef(lp_.get(), j, cost);
        return j;
    }
    int continuous() {
        int j = glp_add_cols(lp_.get(), 1);
        glp_set_col_bnds(lp_.get(), j, GLP_LO, 0.0, 0.0);
        return j;
    }
    int row(int type, double lo, double hi) {
        int i = glp_add_rows(lp_.get(), 1);
        glp_set_row_bnds(lp_.get(), i, type, lo, hi);
        return i;
    }
    void set(int row, int column, double value) {
        ia_.push_back(row), ja_.push_back(column), ar_.push_back(value);
    }
    glp_prob* load() {
        glp_load_matrix(lp_.get(), static_cast<int>(ia_.size()) - 1, ia_.data(), ja_.data(), ar_.data());
        return lp_.get();
    }
    int nonzeros() const { return static_cast<int>(ia_.size()) - 1; }

private:
    std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp_;
    std::vector<int> ia_, ja_;
    std::vector<double> ar_;
};

using VisitKey = std::tuple<std::string, int, int32_t>;                // enterprise, kind, day
using SendKey = std::tuple<std::string, int, std::string, int32_t>;    // enterprise, kind, department, day
using LoadKey = std::pair<std::string, int32_t>;                       // department, day

}  // namespace

Result<IlpSolution> minimiseVisits(const std::vector<IlpPlan>& plans, const std::vector<WorkspaceDepartment>& departments,
                                   const std::vector<FixedLoad>& fixed, const IlpOptions& options) {
    std::map<std::string, int> limit;
    for (const auto& d : departments) limit[d.id] = d.inspectorsPerDay;
    std::map<LoadKey, int> fixedLoad;
    for (const auto& f : fixed) fixedLoad[{f.department, f.day.dayNumber()}] += f.inspectors;

    Model m;
    std::map<VisitKey, int> y;
    std::map<SendKey, int> w;
    std::map<LoadKey, std::vector<int>> sends;  // the w columns of each department and day
    std::vector<std::vector<std::pair<int, Date>>> x(plans.size());
    for (std::size_t p = 0; p < plans.size(); ++p) {
        const IlpPlan& plan = plans[p];
        if (plan.days.empty()) return makeError("plan " + std::to_string(plan.id), "no open day: it cannot be in the ILP");
        int kind = static_cast<int>(plan.kind);
        int once = m.row(GLP_FX, 1.0, 1.0);
        for (Date d : plan.days) {
            int xj = m.binary(0.0);
            x[p].emplace_back(xj, d);
            m.set(once, xj, 1.0);
            VisitKey vk{plan.enterprise, kind, d.dayNumber()};
            auto found = y.find(vk);
            if (found == y.end()) found = y.emplace(vk, m.binary(1.0)).first;
            int link = m.row(GLP_UP, 0.0, 0.0);  // x − y ≤ 0
            m.set(link, xj, 1.0);
            m.set(link, found->second, -1.0);
            if (!options.capacity || limit[plan.department] == 0) continue;
            SendKey sk{plan.enterprise, kind, plan.department, d.dayNumber()};
            auto sent = w.find(sk);
            if (sent == w.end()) {
                sent = w.emplace(sk, m.continuous()).first;
                sends[{plan.department, d.dayNumber()}].push_back(sent->second);
            }
            int enough = m.row(GLP_UP, 0.0, 0.0);  // inspectors·x − w ≤ 0
            m.set(enough, xj, plan.inspectors);
            m.set(enough, sent->second, -1.0);
        }
    }
    for (const auto& [key, columns] : sends) {
        auto f = fixedLoad.find(key);
        int left = std::max(0, limit[key.first] - (f == fixedLoad.end() ? 0 : f->second));
        int cap = m.row(GLP_UP, 0.0, left);
        for (int j : columns) m.set(cap, j, 1.0);
    }

    glp_prob* lp = m.load();
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = static_cast<int>(options.timeLimitSeconds * 1000);
    IlpSolution out;
    out.columns = glp_get_num_cols(lp);
    out.rows = glp_get_num_rows(lp);
    out.nonzeros = m.nonzeros();
    auto start = std::chrono::steady_clock::now();
    out.glpkReturn = glp_intopt(lp, &parm);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.mipStatus = glp_mip_status(lp);
    out.optimal = out.glpkReturn == 0 && out.mipStatus == GLP_OPT;
    if (!out.optimal) return out;
    out.visits = static_cast<int64_t>(glp_mip_obj_val(lp) + 0.5);
    for (std::size_t p = 0; p < plans.size(); ++p)
        for (const auto& [column, day] : x[p])
            if (glp_mip_col_val(lp, column) > 0.5) out.dayOf[plans[p].id] = day;
    return out;
}

}  // namespace inspectonce::ilp
