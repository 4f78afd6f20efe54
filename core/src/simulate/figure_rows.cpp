// The figures of several runs side by side (simulate.hpp: figureRows), as the CLI's table
// and the UI's comparison show them. Rates as percentages with one decimal, rounded from
// the exact fraction the same way natively and in wasm.
#include <cmath>

#include "inspectonce/simulate.hpp"

namespace inspectonce::simulate {
namespace {

std::string count(int64_t n) { return std::to_string(n); }

// value × 10^decimals rounded, written with the decimal point put back.
std::string decimal(double value, int decimals) {
    int64_t scale = decimals == 1 ? 10 : 100;
    int64_t scaled = std::llround(value * static_cast<double>(scale));
    std::string sign = scaled < 0 ? "-" : "";
    scaled = std::llabs(scaled);
    std::string fraction = std::to_string(scaled % scale);
    while (static_cast<int>(fraction.size()) < decimals) fraction = "0" + fraction;
    return sign + std::to_string(scaled / scale) + "." + fraction;
}

std::string percent(const std::optional<double>& rate) { return rate ? decimal(*rate * 100, 1) + "%" : "—"; }

struct Column {
    const char* id;
    Text name;
    std::string (*value)(const Run&);
};

const Column kColumns[] = {
    {"enterprises", {"企业", "enterprises"}, [](const Run& r) { return count(r.figures.enterprises); }},
    {"plans", {"年度检查计划", "plans of the year"}, [](const Run& r) { return count(r.figures.plans); }},
    {"visits", {"现场检查（入企次数）", "on-site visits"}, [](const Run& r) { return count(r.figures.visits); }},
    {"visits-per-enterprise", {"每家企业平均入企次数", "visits per enterprise"},
     [](const Run& r) { return decimal(r.figures.visitsPerEnterprise, 2); }},
    {"most-visits", {"单家企业最多入企次数", "most visits to one enterprise"},
     [](const Run& r) { return count(r.figures.mostVisitsOneEnterprise); }},
    {"plans-on-site", {"现场完成的检查事项（计划）", "plans carried out on site"}, [](const Run& r) { return count(r.figures.plansOnSite); }},
    {"joint-visits", {"联合检查次数", "joint visits"}, [](const Run& r) { return count(r.figures.jointVisits); }},
    {"joint-rate", {"联合检查实施率", "joint-inspection rate"}, [](const Run& r) { return percent(r.figures.jointRate); }},
    {"non-site", {"非现场检查", "non-site inspections"}, [](const Run& r) { return count(r.figures.nonSitePlans); }},
    {"non-site-share", {"非现场检查占比", "non-site share"}, [](const Run& r) { return percent(r.figures.nonSiteShare); }},
    {"exception-visits", {"例外情形检查", "exception visits"}, [](const Run& r) { return count(r.figures.exceptionVisits); }},
    {"blackout-exceptions", {"安静期（服务周）内的例外检查", "exceptions in a blackout period"},
     [](const Run& r) { return count(r.figures.blackoutExceptions); }},
    {"refused-plans", {"未准许的计划", "plans refused"}, [](const Run& r) { return count(r.figures.refusedPlans); }},
    {"refused-inspections", {"未准许的临时检查", "unplanned inspections refused"},
     [](const Run& r) { return count(r.figures.refusedInspections); }},
    {"demands", {"企业诉求", "demands"}, [](const Run& r) { return count(r.figures.demands); }},
    {"demands-on-time", {"诉求按期办结率", "demands handled on time"}, [](const Run& r) { return percent(r.figures.demandsOnTimeRate); }},
    {"complaints", {"干扰投诉", "disturbance complaints"}, [](const Run& r) { return count(r.figures.complaints); }},
    {"complaints-on-time", {"投诉按期办结率", "complaints handled on time"},
     [](const Run& r) { return percent(r.figures.complaintsOnTimeRate); }},
    {"routed-as-written", {"自动归类与原类别一致", "classified as written"}, [](const Run& r) { return count(r.figures.routedAsWritten); }},
    {"needs-person", {"待人工确认归类", "left to a person to classify"}, [](const Run& r) { return count(r.figures.needsPerson); }},
    {"findings", {"检查发现问题", "findings"}, [](const Run& r) { return count(r.figures.findings); }},
    {"without-penalty", {"不予处罚（整改销号）比例", "closed without penalty"},
     [](const Run& r) { return percent(r.figures.withoutPenaltyRate); }},
    {"cases", {"流程案件", "workflow cases"}, [](const Run& r) { return count(r.figures.cases); }},
    {"cases-on-time", {"按期办理的案件", "cases kept to their deadlines"}, [](const Run& r) { return count(r.figures.casesOnTime); }},
    {"cases-open", {"年末未办结案件", "cases open at year end"}, [](const Run& r) { return count(r.figures.casesOpenAtYearEnd); }},
    {"cases-escalated", {"逾期上报案件", "cases escalated"}, [](const Run& r) { return count(r.figures.casesEscalated); }},
    {"load", {"每部门每周现场检查事项", "plans on site per department-week"},
     [](const Run& r) { return decimal(r.figures.loadPerDepartmentWeek, 2); }},
    {"peak-load", {"单部门单周最多", "busiest department-week"}, [](const Run& r) { return count(r.figures.peakDepartmentWeek); }},
    {"grade-changes", {"信用等级变动", "grade changes"}, [](const Run& r) { return count(r.figures.gradeChanges); }},
};

}  // namespace

std::string formatPercent(const std::optional<double>& fraction) { return percent(fraction); }

std::vector<FigureRow> figureRows(const std::vector<Run>& runs) {
    std::vector<FigureRow> rows;
    for (const Column& column : kColumns) {
        FigureRow row{column.id, column.name, {}};
        for (const Run& run : runs) row.values.push_back(column.value(run));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace inspectonce::simulate
