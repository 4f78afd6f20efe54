// The small workspaces the grading tests and the committed fixtures (tests/data/grading/*.db,
// read by the CLI tests and the native ≡ wasm parity lines) are made from. Each enterprise
// is there for one rule; the expected grades are worked out in grading_enterprise_test.cpp.
#pragma once

#include "inspectonce/workspace.hpp"
#include "test_support.hpp"

namespace inspectonce::test {

inline WorkspaceEnterprise enterpriseOf(const char* code, const char* name, CreditGrade grade, std::vector<std::string> lists = {},
                                        const char* industry = "manufacturing") {
    return {Enterprise{Uscc::parse(code).value(), name, grade, std::move(lists)}, "云和镇", industry, true};
}

inline HistoryEntry inspectionOn(const char* day, bool violation) {
    HistoryEntry h;
    h.date = date(day);
    h.department = "market";
    h.item = "product-quality";
    h.violation = violation;
    return h;
}

// Yunhe, 2026 (004 二(六)): base 80, thresholds A≥90 B≥75 C≥60 (yunhe.json).
inline Workspace yunheGradingWorkspace() {
    Workspace w;
    w.county = "yunhe";
    w.year = 2026;
    w.planningDate = date("2026-01-05");
    w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {}, 4});
    // No records: the base score, B.
    w.enterprises.push_back(enterpriseOf("91331125MA2E00011L", "云和木玩一厂", CreditGrade::B));
    // A reward and clean inspections (one recorded twice, counted once): 80+10+2 = 92, A.
    w.enterprises.push_back(enterpriseOf("91331125MA2E0002XC", "云和文具厂", CreditGrade::B));
    w.events.push_back({"91331125MA2E0002XC", date("2026-04-20"), "reward", "县级守合同重信用企业"});
    w.events.push_back({"91331125MA2E0002XC", date("2026-03-10"), "inspection-clean", "产品质量抽查合格"});
    w.history.emplace_back("91331125MA2E0002XC", inspectionOn("2026-03-10", false));
    // D in 2024 (80-20-40 = 20), rectified in 2025 (85, B): rose within two periods.
    w.enterprises.push_back(enterpriseOf("91331125MA2E00038C", "云和木制品公司", CreditGrade::D));
    w.events.push_back({"91331125MA2E00038C", date("2024-05-08"), "penalty", "无证生产"});
    w.events.push_back({"91331125MA2E00038C", date("2024-09-01"), "dishonesty", "列入经营异常名录"});
    w.events.push_back({"91331125MA2E00038C", date("2025-03-02"), "rectified", "补办许可证"});
    w.history.emplace_back("91331125MA2E00038C", inspectionOn("2026-02-03", false));
    // D in 2024 (45), rectified in 2025 but D in 2025 (55) and 2026 (55): did not rise.
    w.enterprises.push_back(enterpriseOf("91331125MA2E000467", "云和模具厂", CreditGrade::D));
    w.events.push_back({"91331125MA2E000467", date("2024-04-11"), "penalty", "环评手续不全"});
    w.events.push_back({"91331125MA2E000467", date("2024-06-19"), "complaint", "噪声扰民"});
    w.history.emplace_back("91331125MA2E000467", inspectionOn("2024-06-25", true));
    w.events.push_back({"91331125MA2E000467", date("2025-02-14"), "rectified", "补办环评"});
    w.events.push_back({"91331125MA2E000467", date("2025-07-30"), "penalty", "超标排放"});
    w.history.emplace_back("91331125MA2E000467", inspectionOn("2025-07-22", true));
    w.events.push_back({"91331125MA2E000467", date("2026-03-18"), "penalty", "危废台账缺失"});
    w.events.push_back({"91331125MA2E000467", date("2026-05-06"), "complaint", "夜间施工"});
    // On the serious-dishonesty list: 80+10 = 90 would be A, the list caps it at D.
    w.enterprises.push_back(enterpriseOf("91331125MA2E000542", "云和玩具贸易公司", CreditGrade::C, {"serious-dishonesty"}));
    w.events.push_back({"91331125MA2E000542", date("2026-06-01"), "reward", "出口创汇先进"});
    // C in 2025 (60), rectified in 2026 but C again (80+5-5-20 = 60): due by 2027.
    w.enterprises.push_back(enterpriseOf("91331125MA2E00062W", "云和竹木加工厂", CreditGrade::C));
    w.events.push_back({"91331125MA2E00062W", date("2025-08-12"), "penalty", "未按规定标注"});
    w.events.push_back({"91331125MA2E00062W", date("2026-01-20"), "rectified", "更换标签"});
    w.events.push_back({"91331125MA2E00062W", date("2026-02-11"), "complaint", "质量投诉"});
    w.events.push_back({"91331125MA2E00062W", date("2026-06-30"), "penalty", "标签不合格"});
    return w;
}

// Wuxi, 2026 (003 二(五)): white list for A/B on record without penalty, dishonesty or a
// violation in two years (wuxi.json's example criteria).
inline Workspace wuxiGradingWorkspace() {
    Workspace w;
    w.county = "wuxi";
    w.year = 2026;
    w.planningDate = date("2026-01-05");
    w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::City, {}, 6});
    w.enterprises.push_back(enterpriseOf("91320200MA1W00016F", "无锡精密机械公司", CreditGrade::A, {"white-list"}));
    w.enterprises.push_back(enterpriseOf("91320200MA1W00024A", "无锡纺织公司", CreditGrade::B));
    w.events.push_back({"91320200MA1W00024A", date("2025-10-09"), "penalty", "未明码标价"});
    w.enterprises.push_back(enterpriseOf("91320200MA1W000325", "无锡制药公司", CreditGrade::A, {}, "drugs"));
    w.enterprises.push_back(enterpriseOf("91320200MA1W000400", "无锡五金公司", CreditGrade::C, {"white-list"}));
    return w;
}

}  // namespace inspectonce::test
