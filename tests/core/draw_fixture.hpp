// A small Wuxi workspace for the draw and inspection-code tests, built in code (no generator):
// three departments with inspectors, an item catalogue, N enterprises with valid credit
// codes spread over the grades (20 % A, 30 % B, 40 % C, 10 % D), two visits (one filed, one
// not). The committed CLI fixture tests/data/draw/wuxi-2026.workspace is written from it
// (draw_test.cpp, DrawFixture).
#pragma once

#include <cstdio>
#include <string>

#include "inspectonce/inspection_code.hpp"
#include "inspectonce/uscc.hpp"
#include "inspectonce/workspace.hpp"
#include "test_support.hpp"

namespace inspectonce::test {

// A valid Wuxi (320200) enterprise credit code numbered n (0 ≤ n < 1 000 000).
inline std::string usccNumber(int n) {
    char body[16];
    std::snprintf(body, sizeof body, "%08d", 31000000 + n * 37);
    std::string first17 = std::string("91320200") + body + organizationCodeCheckCharacter(body);
    return first17 + usccCheckCharacter(first17);
}

inline CreditGrade gradeOf(int n) {
    int r = n % 10;
    return r < 2 ? CreditGrade::A : r < 5 ? CreditGrade::B : r < 9 ? CreditGrade::C : CreditGrade::D;
}

inline Workspace drawWorkspace(int enterprises = 60, const std::string& county = "wuxi") {
    Workspace w;
    w.county = county;
    w.year = 2026;
    w.planningDate = date("2026-01-05");
    w.departments.push_back({"emergency", {"应急管理局", "emergency management"}, DepartmentLevel::County, {}, 3});
    w.departments.push_back({"environment", {"生态环境局", "ecology and environment"}, DepartmentLevel::County, {}, 4});
    w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {"food", "pricing"}, 6});
    const char* digits[] = {"一", "二", "三", "四", "五", "六"};
    for (int i = 0; i < 6; ++i)
        w.inspectors.push_back({"m0" + std::to_string(i + 1), "market", i < 3 ? "food" : "pricing", std::string("市监") + digits[i]});
    for (int i = 0; i < 4; ++i) w.inspectors.push_back({"e0" + std::to_string(i + 1), "environment", "", std::string("环保") + digits[i]});
    for (int i = 0; i < 3; ++i) w.inspectors.push_back({"a0" + std::to_string(i + 1), "emergency", "", std::string("应急") + digits[i]});
    w.items.push_back({"food-label", {"食品标签", "food labels"}, "food-safety", "market", true, true, false});
    w.items.push_back({"price-tags", {"明码标价", "price tags"}, "pricing", "market", true, false, false});
    w.items.push_back({"emission", {"废气排放", "air emissions"}, "emission", "environment", true, true, false});
    w.items.push_back({"work-safety", {"安全生产", "work safety"}, "work-safety", "emergency", true, false, false});
    const char* industries[] = {"food", "chemicals", "machinery"};
    for (int n = 0; n < enterprises; ++n) {
        std::vector<std::string> onLists;
        if (n % 25 == 0) onLists.push_back("exempt");
        if (n % 20 == 3) onLists.push_back("white-list");
        w.enterprises.push_back({Enterprise{Uscc::parse(usccNumber(n)).value(), "测试企业" + std::to_string(n), gradeOf(n), onLists},
                                 n % 2 ? "梁溪区" : "滨湖区", industries[n % 3], n % 4 == 0});
    }
    if (enterprises >= 3) {
        Plan food;
        food.id = 1;
        food.department = "market";
        food.unit = "food";
        food.enterprise = usccNumber(1);
        food.items = {"food-label", "price-tags"};
        food.window = {date("2026-03-09"), date("2026-03-20")};
        food.filedOn = date("2026-03-02");
        w.plans.push_back(food);
        Plan air = food;
        air.id = 2;
        air.department = "environment";
        air.unit = "";
        air.items = {"emission"};
        air.filedOn = date("2026-03-03");
        w.plans.push_back(air);
        Plan safety = food;
        safety.id = 3;
        safety.department = "emergency";
        safety.unit = "";
        safety.enterprise = usccNumber(2);
        safety.items = {"work-safety"};
        safety.filedOn.reset();  // not filed: no code
        w.plans.push_back(safety);
        w.visits.push_back({1, usccNumber(1), date("2026-03-12"), InspectionKind::Inspection, "market", {1, 2}, date("2026-03-04"), ""});
        w.visits.push_back({2, usccNumber(2), date("2026-03-13"), InspectionKind::Inspection, "emergency", {3}, std::nullopt, ""});
        for (auto& v : w.visits) v.code = issueCode(w, v);
    }
    return w;
}

}  // namespace inspectonce::test
