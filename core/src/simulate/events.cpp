// The year's draws (events.hpp). Distributions, per enterprise and year unless said:
//
//   demand        0.30: one working day and one enterprise uniformly; a category uniformly
//                 among the document's nine (002 二(一)) and one of its texts below
//   complaint     0.025 of a disturbance (002 二(二)): a category among the eight, a text
//   report        0.03 by the public, an inspection at once (投诉举报); enterprises by grade
//                 A : B : C : D = 2 : 3.2 : 4 : 10 (D-grade ones are reported most)
//   accident      0.005, the same weights; a safety item where the department has one
//   emergency     one in the year: one department visits up to 30 enterprises of one
//                 industry over the 5 working days from the day it happens
//   assignment    two in the year: a superior gives one department N / 250 enterprises
//                 (3 to 400) to inspect over 10 working days
//   grade change  on the first working day of April, July and October 2 % of enterprises
//                 move one grade, up or down alike (within A–D)
//
// A yearly count is the expected number rounded at random, then moved by up to ±10 %.
#include "simulate/events.hpp"

#include <algorithm>

#include "generate/random.hpp"

namespace inspectonce::simulate_detail {
namespace {

using generate_detail::Rng;

enum Stream : uint64_t { kEventStream = 101, kGradeStream };

constexpr int kDemandPerMille = 300;
constexpr int kComplaintPerMille = 25;
constexpr int kReportPerMille = 30;
constexpr int kAccidentPerMille = 5;
constexpr int kRiskWeight[] = {200, 320, 400, 1000};  // by grade, out of 1000: reports and accidents
constexpr int kGradeChangePerMille = 20;

int gradeIndex(CreditGrade grade) { return static_cast<int>(grade); }

// The expected count N × perMille / 1000, rounded at random, then moved by up to ±10 %.
int64_t yearlyCount(Rng& rng, int64_t enterprises, int perMille) {
    int64_t count = (enterprises * perMille + rng.below(1000)) / 1000;
    int64_t spread = count / 10;
    if (spread > 0) count += static_cast<int64_t>(rng.below64(static_cast<uint64_t>(2 * spread + 1))) - spread;
    return count;
}

struct Drawing {
    const Workspace& w;
    Rng rng;
    std::vector<Date> workdays;
    std::vector<std::vector<const InspectionItem*>> onSiteItems;  // by department
    std::vector<int> inspecting;                                  // departments with on-site items
    YearDraws out;

    int anyEnterprise() { return rng.below(static_cast<int>(w.enterprises.size())); }

    // An enterprise drawn by its risk (rejection sampling on the grade's weight).
    int riskyEnterprise() {
        while (true) {
            int e = anyEnterprise();
            if (rng.below(1000) < kRiskWeight[gradeIndex(w.enterprises[static_cast<std::size_t>(e)].enterprise.grade)])
                return e;
        }
    }

    Date anyWorkday() { return workdays[static_cast<std::size_t>(rng.below(static_cast<int>(workdays.size())))]; }

    // The working day `n` working days after `day` within the year, or the year's last.
    Date workdayAfter(Date day, int n) {
        auto at = std::lower_bound(workdays.begin(), workdays.end(), day);
        auto index = std::min<std::size_t>(static_cast<std::size_t>(at - workdays.begin()) + static_cast<std::size_t>(n),
                                           workdays.size() - 1);
        return workdays[index];
    }

    // An on-site item of `department`: a safety item for an accident where it has one.
    std::string itemOf(int department, bool safety) {
        const auto& items = onSiteItems[static_cast<std::size_t>(department)];
        if (safety)
            for (const auto* item : items)
                if (item->kind.find("safety") != std::string::npos) return item->id;
        return items[static_cast<std::size_t>(rng.below(static_cast<int>(items.size())))]->id;
    }

    Event inspection(EventKind kind, Date day, int enterprise, int department) {
        Event e;
        e.date = day;
        e.kind = kind;
        e.enterprise = enterprise;
        e.department = department;
        e.item = itemOf(department, kind == EventKind::Accident);
        e.seed = rng.next();
        return e;
    }

    void written(EventKind kind, int perMille, const std::vector<std::pair<std::string, std::vector<std::string>>>& texts) {
        int64_t count = yearlyCount(rng, static_cast<int64_t>(w.enterprises.size()), perMille);
        for (int64_t i = 0; i < count; ++i) {
            Event e;
            e.date = anyWorkday();
            e.kind = kind;
            e.enterprise = anyEnterprise();
            const auto& [category, lines] = texts[static_cast<std::size_t>(rng.below(static_cast<int>(texts.size())))];
            e.category = category;
            e.text = lines[static_cast<std::size_t>(rng.below(static_cast<int>(lines.size())))];
            e.seed = rng.next();
            out.events.push_back(std::move(e));
        }
    }

    void unplanned(EventKind kind, int perMille) {
        int64_t count = yearlyCount(rng, static_cast<int64_t>(w.enterprises.size()), perMille);
        for (int64_t i = 0; i < count; ++i) {
            Date day = anyWorkday();
            int enterprise = riskyEnterprise();
            int department = inspecting[static_cast<std::size_t>(rng.below(static_cast<int>(inspecting.size())))];
            out.events.push_back(inspection(kind, day, enterprise, department));
        }
    }

    void emergency() {
        Date day = anyWorkday();
        const std::string& industry = w.enterprises[static_cast<std::size_t>(anyEnterprise())].industry;
        int department = inspecting[static_cast<std::size_t>(rng.below(static_cast<int>(inspecting.size())))];
        int visited = 0;
        for (std::size_t e = 0; e < w.enterprises.size() && visited < 30; ++e)
            if (w.enterprises[e].industry == industry)
                out.events.push_back(inspection(EventKind::Emergency, workdayAfter(day, visited++ % 5), static_cast<int>(e), department));
    }

    void assignment() {
        Date day = anyWorkday();
        int department = inspecting[static_cast<std::size_t>(rng.below(static_cast<int>(inspecting.size())))];
        int64_t count = std::clamp<int64_t>(static_cast<int64_t>(w.enterprises.size()) / 250, 3, 400);
        for (int64_t i = 0; i < count; ++i)
            out.events.push_back(inspection(EventKind::Assignment, workdayAfter(day, static_cast<int>(i % 10)), anyEnterprise(), department));
    }

    void gradeChanges(int year) {
        Rng grades(rng.next(), kGradeStream);
        std::vector<CreditGrade> now;
        for (const auto& e : w.enterprises) now.push_back(e.enterprise.grade);
        for (int month : {4, 7, 10}) {
            Date day = workdayAfter(Date::fromYmd(year, month, 1).value().plusDays(-1), 1);
            int64_t count = (static_cast<int64_t>(w.enterprises.size()) * kGradeChangePerMille + 500) / 1000;
            for (int64_t i = 0; i < count; ++i) {
                int e = grades.below(static_cast<int>(w.enterprises.size()));
                int g = gradeIndex(now[static_cast<std::size_t>(e)]) + (grades.chance(500) ? -1 : 1);
                if (g < 0 || g > 3) continue;
                now[static_cast<std::size_t>(e)] = static_cast<CreditGrade>(g);
                out.gradeChanges.push_back({day, e, static_cast<CreditGrade>(g)});
            }
        }
    }
};

}  // namespace

const char* exceptionOf(EventKind kind) {
    switch (kind) {
        case EventKind::Report: return "complaint-report";
        case EventKind::Accident: return "work-safety";
        case EventKind::Emergency: return "emergency";
        case EventKind::Assignment: return "superior-assignment";
        case EventKind::Demand:
        case EventKind::Complaint: break;
    }
    return "";
}

const char* toString(EventKind kind) {
    switch (kind) {
        case EventKind::Demand: return "demand";
        case EventKind::Complaint: return "complaint";
        case EventKind::Report: return "report";
        case EventKind::Accident: return "accident";
        case EventKind::Emergency: return "emergency";
        case EventKind::Assignment: return "assignment";
    }
    return "";
}

Result<YearDraws> drawYear(const Workspace& workspace, uint64_t seed, const WorkCalendar& calendar) {
    Drawing d{workspace, Rng(seed, kEventStream), {}, {}, {}, {}};
    IO_TRY(first, Date::fromYmd(workspace.year, 1, 1));
    for (Date day = first; day.year() == workspace.year; day = day.plusDays(1)) {
        IO_TRY(working, calendar.isWorkday(day));
        if (working) d.workdays.push_back(day);
    }
    d.onSiteItems.resize(workspace.departments.size());
    for (const auto& item : workspace.items)
        for (std::size_t k = 0; k < workspace.departments.size(); ++k)
            if (item.onSite && workspace.departments[k].id == item.department) d.onSiteItems[k].push_back(&item);
    for (std::size_t k = 0; k < workspace.departments.size(); ++k)
        if (!d.onSiteItems[k].empty()) d.inspecting.push_back(static_cast<int>(k));
    if (workspace.enterprises.empty() || d.workdays.empty()) return d.out;

    d.written(EventKind::Demand, kDemandPerMille, demandTexts());
    d.written(EventKind::Complaint, kComplaintPerMille, complaintTexts());
    if (!d.inspecting.empty()) {
        d.unplanned(EventKind::Report, kReportPerMille);
        d.unplanned(EventKind::Accident, kAccidentPerMille);
        d.emergency();
        d.assignment();
        d.assignment();
    }
    d.gradeChanges(workspace.year);
    std::stable_sort(d.out.events.begin(), d.out.events.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
    return d.out;
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& demandTexts() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> texts = {
        {"government-services", {"我公司申请的食品经营许可证延续办理进度较慢，希望加快审批", "企业资质认定材料已提交一个月，请帮忙协调尽快办结"}},
        {"production-operations", {"厂区新建车间需要增加用电容量，申请协调供电部门扩容", "园区道路施工导致供水中断，影响正常生产，请协调恢复供水"}},
        {"contract-performance", {"项目签约时承诺的土地出让优惠政策至今未兑现，请帮助落实", "招商时约定的设备补助资金迟迟未拨付，请协调兑现"}},
        {"social-security", {"咨询新招聘员工的社会保险参保登记手续如何办理", "企业职工住房公积金缴存基数调整，请帮助解答办理流程"}},
        {"financial-services", {"企业流动资金紧张，希望协调银行提供贷款支持", "申请应急转贷资金周转，请帮忙对接融资担保机构"}},
        {"legal-aid", {"与供应商发生合同纠纷，需要法律援助和专业指导", "企业遭遇商标侵权，请求提供法律咨询帮助维权"}},
        {"living-support", {"引进的技术人才子女入学问题需要协调解决", "新投资企业高管家属就医保障问题请帮助协调"}},
        {"policy-consultation", {"想了解今年研发费用加计扣除政策的具体申报条件", "请解读最新出台的小微企业稳岗补贴政策"}},
        {"other-coordination", {"企业门前道路长期积水影响车辆进出，请协调相关部门处理", "厂房周边噪声扰民纠纷需要政府部门协调"}},
    };
    return texts;
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& complaintTexts() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> texts = {
        {"three-arbitrary", {"有部门要求我公司缴纳没有依据的费用并摊派赞助", "检查人员乱罚款，没有出具任何法律依据"}},
        {"arbitrary-inspection", {"同一个月内不同部门来厂检查了四次，没有任何通知", "检查人员未经批准随意进入企业检查，影响生产"}},
        {"coercive-measures", {"没有书面决定就要求我们停工停产", "税务部门违法强行要求补税并停止发票发放"}},
        {"evaluations", {"要求企业参加与经营无关的评比排名活动", "被强制要求参加各种创建考评，耗费大量精力"}},
        {"paperwork", {"各部门反复要求报送相同的报表和数据材料", "没有法定依据要求企业每周填报统计材料"}},
        {"forced-membership", {"被要求必须加入行业协会并缴纳会费", "某研究会强制企业入会，否则不予办理业务"}},
        {"surveys", {"频繁召集企业参加调研座谈会，对生产经营没有实际意义", "一周内接待了三批调研，影响正常工作"}},
        {"other-disturbance", {"有关人员多次到企业打扰正常生产经营秩序", "项目建设现场经常被无故叫停，影响施工进度"}},
    };
    return texts;
}

}  // namespace inspectonce::simulate_detail
