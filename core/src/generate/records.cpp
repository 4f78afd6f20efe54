// What is on record for an enterprise: inspections earlier in the year (history) and the
// events its grade is made from.
//
// History: 15 % of the enterprises with a regular on-site inspection planned had an
// inspection before that plan's window, chosen so that the rules about earlier inspections
// have cases to decide:
//   35 % a joint inspection of the plan's kind with another department — a separate
//        inspection of the same kind is then a repeat (003 二(三));
//   30 % a non-site inspection of the kind by the plan's department that found nothing — an
//        on-site one is then unnecessary (004 二(四));
//   15 % an on-site inspection by the plan's department — counts toward the caps (004 二(二)(六));
//   12 % the same kind inspected at the other level (the city's bureau for the district's,
//        and back) — the cross-level rule (003 二(四));
//    8 % a department-wide unified inspection of the kind (003 二(三)).
// 10 % of on-site ones found a violation. Each leaves an inspection-clean or -violation event.
//
// Events of the year before, for grading (004 二(六)), by grade:
//   A  a reward 60 %, a clean inspection 70 %
//   B  a clean inspection 60 %, a reward 15 %, a complaint 8 %, a violation 5 %
//   C  a violation 40 % (rectified in 3 of 4 cases), a penalty 25 %, a complaint 20 %, a clean inspection 30 %
//   D  1–3 penalties 80 %, a violation 70 % (rectified in 1 of 4), a complaint 50 %,
//      dishonesty 30 % (always on the serious-dishonesty list)
// and a complaint a few days before every complaint-report exception plan.
#include <algorithm>

#include "generate/generator.hpp"

namespace inspectonce::generate_detail {
namespace {

constexpr std::string_view kPenalties[] = {"行政处罚：未按规定开展安全生产教育培训", "行政处罚：污染物排放超标",
                                           "行政处罚：消防设施未保持完好有效", "行政处罚：超范围经营",
                                           "行政处罚：未按规定明码标价", "行政处罚：拖欠劳动者工资"};
constexpr std::string_view kRewards[] = {"获评守合同重信用企业", "纳税信用A级", "安全生产标准化达标", "获评绿色工厂"};
constexpr std::string_view kComplaints[] = {"12345热线投诉：噪声扰民", "消费者投诉：价格欺诈", "群众举报：夜间偷排废水",
                                            "12345热线投诉：油烟扰民", "职工投诉：未签订劳动合同"};
constexpr std::string_view kViolations[] = {"检查发现：消防通道堵塞", "检查发现：危险废物台账不全", "检查发现：特种设备未定期检验",
                                            "检查发现：食品标签不规范", "检查发现：安全培训记录缺失"};

class Records {
public:
    explicit Records(Generation& g) : g_(g), rng_(g.options.seed, kRecordStream) {}

    void enterprise(std::size_t e, std::size_t firstPlan, std::size_t endPlan) {
        const WorkspaceEnterprise& we = g_.w.enterprises[e];
        code_ = &we.enterprise.code.str();
        history(firstPlan, endPlan);
        grading(we.enterprise);
        for (std::size_t i = firstPlan; i < endPlan; ++i) {
            const Plan& p = g_.w.plans[i];
            if (p.exception && *p.exception == "complaint-report") {
                Date day = std::max(g_.yearFirst, p.window.first.plusDays(-rng_.between(1, 5)));
                event(day, "complaint", pick(kComplaints));
            }
        }
    }

private:
    template <std::size_t N>
    std::string pick(const std::string_view (&from)[N]) {
        return std::string(from[static_cast<std::size_t>(rng_.below(static_cast<int>(N)))]);
    }

    void event(Date day, const char* kind, std::string detail) { g_.w.events.push_back({*code_, day, kind, std::move(detail)}); }
    Date lastYear() { return Date::fromDayNumber(g_.yearFirst.dayNumber() - 365 + rng_.below(365)); }
    // An event of last year with a detail from `from`: the day is drawn before the detail, in
    // two statements, as the order a call's arguments are evaluated in is unspecified (GCC
    // and clang differ) and native ≡ wasm needs one order.
    template <std::size_t N>
    void pastEvent(const char* kind, const std::string_view (&from)[N]) {
        Date day = lastYear();
        event(day, kind, pick(from));
    }

    void record(Date day, const WorkspaceDepartment& d, const std::string& kind, Method method, bool joint, bool unified,
                bool violation, std::string_view department = {}, std::optional<DepartmentLevel> level = std::nullopt) {
        HistoryEntry h;
        h.date = day;
        h.department = department.empty() ? d.id : std::string(department);
        h.level = level.value_or(d.level);
        h.item = kind;
        h.method = method;
        h.joint = joint;
        h.unified = unified;
        h.violation = violation;
        g_.w.history.emplace_back(*code_, h);
        if (violation) event(day, "inspection-violation", pick(kViolations));
        else event(day, "inspection-clean", "检查未发现问题：" + kind);
    }

    void history(std::size_t firstPlan, std::size_t endPlan) {
        // A regular on-site inspection with room before its window.
        std::vector<std::size_t> targets;
        for (std::size_t i = firstPlan; i < endPlan; ++i) {
            const Plan& p = g_.w.plans[i];
            if (p.kind == InspectionKind::Inspection && p.method == Method::OnSite && !p.exception &&
                p.window.first.dayNumber() - 7 >= g_.yearFirst.dayNumber() + 3)
                targets.push_back(i);
        }
        if (targets.empty() || !rng_.chance(150)) return;
        std::size_t i = targets[static_cast<std::size_t>(rng_.below(static_cast<int>(targets.size())))];
        const Plan& p = g_.w.plans[i];
        auto dept = static_cast<std::size_t>(g_.planDepartment[i]);
        const WorkspaceDepartment& d = g_.w.departments[dept];
        const std::string& kind = g_.w.item(p.items.front())->kind;
        Date day = Date::fromDayNumber(g_.workdayBetween(rng_, g_.yearFirst.dayNumber() + 2, p.window.first.dayNumber() - 7));
        bool violation = rng_.chance(100);
        switch (rng_.weighted(std::initializer_list<int>{35, 30, 15, 12, 8})) {
            case 0: {  // joint, with another department
                std::size_t other = static_cast<std::size_t>(rng_.below(static_cast<int>(g_.w.departments.size())));
                if (other == dept) other = (other + 1) % g_.w.departments.size();
                record(day, d, kind, Method::OnSite, true, false, violation);
                if (other != dept) {
                    const DepartmentInfo& info = g_.departments[other];
                    const std::string& otherKind = g_.w.items[static_cast<std::size_t>(info.items.front())].kind;
                    record(day, g_.w.departments[other], otherKind, Method::OnSite, true, false, false);
                }
                break;
            }
            case 1:
                record(day, d, kind, Method::NonSite, false, false, false);
                break;
            case 2:
                record(day, d, kind, Method::OnSite, false, false, violation);
                break;
            case 3: {  // the other level: the city's bureau for the county's, the county's for the city's or a town team's
                int t = g_.departments[dept].templateIndex;
                if (t < 0)
                    record(day, d, kind, Method::OnSite, false, false, violation, "comprehensive-enforcement", DepartmentLevel::County);
                else if (d.level == DepartmentLevel::City)
                    record(day, d, kind, Method::OnSite, false, false, violation, departmentTemplates()[static_cast<std::size_t>(t)].id,
                           DepartmentLevel::County);
                else
                    record(day, d, kind, Method::OnSite, false, false, violation,
                           "city-" + std::string(departmentTemplates()[static_cast<std::size_t>(t)].id), DepartmentLevel::City);
                break;
            }
            default:
                record(day, d, kind, Method::OnSite, false, true, violation);
                break;
        }
    }

    void grading(const Enterprise& e) {
        switch (e.grade) {
            case CreditGrade::A:
                if (rng_.chance(600)) pastEvent("reward", kRewards);
                if (rng_.chance(700)) event(lastYear(), "inspection-clean", "检查未发现问题");
                break;
            case CreditGrade::B:
                if (rng_.chance(600)) event(lastYear(), "inspection-clean", "检查未发现问题");
                if (rng_.chance(150)) pastEvent("reward", kRewards);
                if (rng_.chance(80)) pastEvent("complaint", kComplaints);
                if (rng_.chance(50)) pastEvent("inspection-violation", kViolations);
                break;
            case CreditGrade::C:
                if (rng_.chance(400)) violationAndRectification(750);
                if (rng_.chance(250)) pastEvent("penalty", kPenalties);
                if (rng_.chance(200)) pastEvent("complaint", kComplaints);
                if (rng_.chance(300)) event(lastYear(), "inspection-clean", "检查未发现问题");
                break;
            case CreditGrade::D: {
                if (rng_.chance(800))
                    for (int n = rng_.between(1, 3); n > 0; --n) pastEvent("penalty", kPenalties);
                if (rng_.chance(700)) violationAndRectification(250);
                if (rng_.chance(500)) pastEvent("complaint", kComplaints);
                if (e.isOn(lists::kSeriousDishonesty)) event(lastYear(), "dishonesty", "列入严重违法失信名单");
                else if (rng_.chance(300)) event(lastYear(), "dishonesty", "列入经营异常名录");
                break;
            }
        }
    }

    void violationAndRectification(int rectifiedPerMille) {
        Date found = lastYear();
        event(found, "inspection-violation", pick(kViolations));
        if (rng_.chance(rectifiedPerMille)) event(found.plusDays(rng_.between(7, 45)), "rectified", "已按期整改销号");
    }

    Generation& g_;
    Rng rng_;
    const std::string* code_ = nullptr;
};

}  // namespace

void buildRecords(Generation& g) {
    Records records(g);
    std::size_t plan = 0;
    for (std::size_t e = 0; e < g.w.enterprises.size(); ++e) {
        std::size_t end = plan;
        const std::string& code = g.w.enterprises[e].enterprise.code.str();
        while (end < g.w.plans.size() && g.w.plans[end].enterprise == code) ++end;
        records.enterprise(e, plan, end);
        plan = end;
    }
}

}  // namespace inspectonce::generate_detail
