// Enterprise grades: Yunhe's portrait A/B/C/D and the rise rule (YH-6 004 二(六)), Wuxi's white
// list (WX-5 003 二(五)), credit risk classes that set sampling (YC-7 002 三(二)2), and what
// Dinghai and Pingyang say. Scores are worked out by hand from yunhe.json's parameters:
// base 80; penalty -20, reward +10, dishonesty -40, complaint -5, clean inspection +2,
// violation found -10, rectified +5; A≥90, B≥75, C≥60; a penalty caps at B, dishonesty at C.
#include <gtest/gtest.h>

#include "decision_test_support.hpp"
#include "grading_fixtures.hpp"
#include "inspectonce/grading.hpp"

namespace inspectonce {
namespace {

using test::countyPolicy;
using test::date;

struct Yunhe {
    WorkspaceEnterprise enterprise = test::enterpriseOf("91331125MA2E00011L", "云和木玩一厂", CreditGrade::B);
    GradingInput input;

    Yunhe() {
        input.enterprise = &enterprise;
        input.year = 2026;
    }
    Yunhe& event(const char* day, const char* kind) {
        input.events.push_back({"91331125MA2E00011L", date(day), kind, ""});
        return *this;
    }
    Result<EnterpriseGrading> grade() { return gradeEnterprise(countyPolicy("yunhe"), input); }
};

bool says(const std::vector<Ground>& grounds, const std::string& zh, const std::string& clause) {
    return std::any_of(grounds.begin(), grounds.end(),
                       [&](const Ground& g) { return g.text.zh.find(zh) != std::string::npos && g.clause.text() == clause; });
}

TEST(GradingEnterprise, NoRecordsGiveTheBaseScore_YH6_004_2_6) {
    auto g = Yunhe().grade();
    ASSERT_TRUE(g) << g.error().message();
    ASSERT_TRUE(g->portrait);
    EXPECT_EQ(g->portrait->score, 80);
    EXPECT_EQ(g->portrait->grade, CreditGrade::B);
    EXPECT_TRUE(says(g->portrait->grounds, "画像期内无记录", "004 二(六)"));
    EXPECT_TRUE(says(g->portrait->grounds, "B类：信用等级较高，现场检查原则上每年不得高于1次", "004 二(六)"));
    // The numbers are the county's: the grade says the document fixes none.
    EXPECT_TRUE(says(g->notes, "未规定分值、分数线和统计年限", "004 二(六)"));
    EXPECT_FALSE(g->whiteList);
    EXPECT_FALSE(g->creditRisk);
}

TEST(GradingEnterprise, ThresholdsAreInclusive_YH6) {
    auto sixty = Yunhe().event("2026-03-01", "penalty").grade();  // 80-20 = 60: C exactly
    ASSERT_TRUE(sixty);
    EXPECT_EQ(sixty->portrait->score, 60);
    EXPECT_EQ(sixty->portrait->grade, CreditGrade::C);
    auto below = Yunhe().event("2026-03-01", "penalty").event("2026-04-01", "complaint").grade();  // 55: D
    ASSERT_TRUE(below);
    EXPECT_EQ(below->portrait->grade, CreditGrade::D);
    EXPECT_TRUE(says(below->portrait->grounds, "D类：列入年度重点监管", "004 二(六)"));
    auto ninety = Yunhe().event("2026-03-01", "reward").grade();  // 90: A exactly
    ASSERT_TRUE(ninety);
    EXPECT_EQ(ninety->portrait->grade, CreditGrade::A);
    EXPECT_TRUE(says(ninety->portrait->grounds, "纳入免检清单", "004 二(六)"));
}

TEST(GradingEnterprise, EveryRecordIsListedWithItsPoints_YH6) {
    auto g = Yunhe().event("2026-05-02", "complaint").event("2026-03-01", "reward").event("2026-03-01", "inspection-clean").grade();
    ASSERT_TRUE(g);
    const auto& c = g->portrait->contributions;
    ASSERT_EQ(c.size(), 3u);
    // In date order, then kind: reproducible whatever order the records came in.
    EXPECT_EQ(c[0].kind, "inspection-clean");
    EXPECT_EQ(c[0].points, 2);
    EXPECT_EQ(c[1].kind, "reward");
    EXPECT_EQ(c[2].kind, "complaint");
    EXPECT_EQ(c[2].points, -5);
    EXPECT_EQ(g->portrait->score, 87);
    EXPECT_TRUE(says(g->portrait->grounds, "2026-05-02 投诉举报 -5", "004 二(六)"));
    EXPECT_TRUE(says(g->portrait->grounds, "得分87（A≥90，B≥75，C≥60，其下为D）→ B", "004 二(六)"));
}

TEST(GradingEnterprise, APenaltyOrDishonestyCapsTheGrade_YH6) {
    // 80+10+10+10-20 = 90 would be A; the penalty allows B at best.
    auto g = Yunhe().event("2026-01-05", "reward").event("2026-02-05", "reward").event("2026-03-05", "reward").event("2026-04-05", "penalty").grade();
    ASSERT_TRUE(g);
    EXPECT_EQ(g->portrait->byScore, CreditGrade::A);
    EXPECT_EQ(g->portrait->grade, CreditGrade::B);
    EXPECT_TRUE(says(g->portrait->grounds, "有行政处罚记录（2026-04-05）：至多B", "004 二(六)"));
}

TEST(GradingEnterprise, RecordsOutsideTheYearDoNotCount_YH6) {
    auto g = Yunhe().event("2025-12-31", "dishonesty").event("2027-01-01", "penalty").grade();
    ASSERT_TRUE(g);
    EXPECT_EQ(g->portrait->score, 80);
    EXPECT_EQ(g->portrait->windowFrom, 2026);
    EXPECT_EQ(g->portrait->windowTo, 2026);
}

TEST(GradingEnterprise, InspectionsCountFromHistoryAndOnceWhenRecordedTwice_YH6) {
    Yunhe y;
    y.input.history.push_back(test::inspectionOn("2026-03-10", true));
    y.input.history.push_back(test::inspectionOn("2026-06-10", false));
    y.event("2026-03-10", "inspection-violation");  // the same inspection, also an event
    auto g = y.grade();
    ASSERT_TRUE(g);
    EXPECT_EQ(g->portrait->score, 80 - 10 + 2);
    EXPECT_EQ(g->portrait->contributions.size(), 2u);
    EXPECT_EQ(g->portrait->contributions[0].source, "history");
    EXPECT_TRUE(says(g->portrait->grounds, "只计一次", "004 二(六)"));
}

TEST(GradingEnterprise, RiseRuleMetPendingAndMissed_YH6_004_2_6) {
    // D in 2024, rectified in 2025.
    Yunhe met;
    met.input.previous = {{2024, CreditGrade::D}, {2025, CreditGrade::C}};
    met.event("2025-03-02", "rectified");
    auto g = met.grade();  // 2026: 80 → B
    ASSERT_TRUE(g);
    ASSERT_EQ(g->portrait->rise.size(), 1u);
    const RiseCheck& r = g->portrait->rise[0];
    EXPECT_EQ(r.status, RiseCheck::Status::Met);
    EXPECT_EQ(r.metIn, std::optional<int>(2025));
    EXPECT_EQ(r.from, CreditGrade::D);
    EXPECT_EQ(r.target, CreditGrade::C);
    EXPECT_EQ(r.deadlineYear, 2026);
    EXPECT_FALSE(g->riseMissed());

    Yunhe pending;  // graded in 2025 itself, still D: the rise is due by 2026's grading
    pending.input.year = 2025;
    pending.input.previous = {{2024, CreditGrade::D}};
    pending.event("2025-03-02", "rectified").event("2025-04-01", "penalty").event("2025-05-01", "penalty");  // 80+5-40 = 45
    auto p = pending.grade();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->portrait->grade, CreditGrade::D);
    ASSERT_EQ(p->portrait->rise.size(), 1u);
    EXPECT_EQ(p->portrait->rise[0].status, RiseCheck::Status::Pending);
    EXPECT_NE(p->portrait->rise[0].ground.text.zh.find("应不晚于2026年的分类提升至C类或以上"), std::string::npos);

    Yunhe missed;  // D in 2024 and 2025, D again in 2026
    missed.input.previous = {{2024, CreditGrade::D}, {2025, CreditGrade::D}};
    missed.event("2025-03-02", "rectified").event("2026-04-01", "dishonesty");  // 2026: 80-40 = 40, D
    auto m = missed.grade();
    ASSERT_TRUE(m);
    ASSERT_EQ(m->portrait->rise.size(), 1u);
    EXPECT_EQ(m->portrait->rise[0].status, RiseCheck::Status::Missed);
    EXPECT_TRUE(m->riseMissed());
    EXPECT_NE(m->portrait->rise[0].ground.text.zh.find("未在两个分类期限内（至2026年）提升至C类或以上"), std::string::npos);
    EXPECT_NE(describe(*m, countyPolicy("yunhe"), Language::Chinese).find("【未提升】"), std::string::npos);

    Yunhe notCD;  // B before rectifying: the rule is for C and D only
    notCD.input.previous = {{2025, CreditGrade::B}};
    notCD.event("2026-03-02", "rectified");
    auto n = notCD.grade();
    ASSERT_TRUE(n);
    EXPECT_TRUE(n->portrait->rise.empty());
}

TEST(GradingEnterprise, TheWorkspaceGradesEarlierYearsFirst_YH6) {
    Workspace w = test::yunheGradingWorkspace();
    auto all = gradeWorkspace(countyPolicy("yunhe"), w);
    ASSERT_TRUE(all) << all.error().message();
    ASSERT_EQ(all->size(), 6u);
    auto byCode = [&](const char* code) -> const EnterpriseGrading& {
        return *std::find_if(all->begin(), all->end(), [&](const EnterpriseGrading& g) { return g.code == code; });
    };
    EXPECT_EQ(byCode("91331125MA2E00011L").portrait->grade, CreditGrade::B);
    EXPECT_EQ(byCode("91331125MA2E0002XC").portrait->score, 92);
    EXPECT_EQ(byCode("91331125MA2E0002XC").portrait->grade, CreditGrade::A);
    const auto& rose = byCode("91331125MA2E00038C");
    EXPECT_EQ(rose.portrait->score, 82);
    ASSERT_EQ(rose.portrait->rise.size(), 1u);
    EXPECT_EQ(rose.portrait->rise[0].status, RiseCheck::Status::Met);
    EXPECT_EQ(rose.portrait->rise[0].metIn, std::optional<int>(2025));
    const auto& stuck = byCode("91331125MA2E000467");
    EXPECT_EQ(stuck.portrait->score, 55);
    ASSERT_EQ(stuck.portrait->rise.size(), 1u);
    EXPECT_EQ(stuck.portrait->rise[0].status, RiseCheck::Status::Missed);
    const auto& listed = byCode("91331125MA2E000542");
    EXPECT_EQ(listed.portrait->byScore, CreditGrade::A);
    EXPECT_EQ(listed.portrait->grade, CreditGrade::D);
    EXPECT_TRUE(says(listed.portrait->grounds, "列入名单serious-dishonesty：至多D", "004 二(六)"));
    const auto& due = byCode("91331125MA2E00062W");
    EXPECT_EQ(due.portrait->grade, CreditGrade::C);
    ASSERT_EQ(due.portrait->rise.size(), 1u);
    EXPECT_EQ(due.portrait->rise[0].status, RiseCheck::Status::Pending);
    EXPECT_EQ(due.portrait->rise[0].deadlineYear, 2027);

    auto one = gradeWorkspace(countyPolicy("yunhe"), w, "91331125MA2E000467");
    ASSERT_TRUE(one);
    ASSERT_EQ(one->size(), 1u);
    EXPECT_EQ(toJson(one->front()).dump(), toJson(stuck).dump());
    auto none = gradeWorkspace(countyPolicy("yunhe"), w, "91350100M000100Y43");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().where, "--enterprise");
    auto wrongCounty = gradeWorkspace(countyPolicy("wuxi"), w);
    ASSERT_FALSE(wrongCounty);
}

TEST(GradingEnterprise, WhiteListEligibilityAndKeyIndustries_WX5_003_2_5) {
    Workspace w = test::wuxiGradingWorkspace();
    auto all = gradeWorkspace(countyPolicy("wuxi"), w);
    ASSERT_TRUE(all) << all.error().message();
    ASSERT_EQ(all->size(), 4u);
    const auto& onList = (*all)[0];
    ASSERT_TRUE(onList.whiteList);
    EXPECT_TRUE(onList.whiteList->onList);
    EXPECT_TRUE(onList.whiteList->eligible);
    EXPECT_TRUE(says(onList.whiteList->grounds, "在白名单内：优先采用非现场监管、触发式监管、提示性监管", "003 二(五)"));
    EXPECT_FALSE(onList.portrait);  // Wuxi draws no portrait

    const auto& penalised = (*all)[1];
    EXPECT_FALSE(penalised.whiteList->eligible);
    EXPECT_TRUE(says(penalised.whiteList->grounds, "有行政处罚（2025-10-09）", "003 二(五)"));

    const auto& drugs = (*all)[2];
    EXPECT_TRUE(drugs.whiteList->eligible);
    EXPECT_TRUE(drugs.whiteList->keyIndustry);
    EXPECT_TRUE(says(drugs.whiteList->grounds, "药品、特种设备等重点行业领域实行重点监管", "003 二(五)"));
    EXPECT_TRUE(says(drugs.whiteList->grounds, "符合入选条件，可纳入白名单", "003 二(五)"));

    const auto& review = (*all)[3];
    EXPECT_TRUE(review.whiteList->onList);
    EXPECT_FALSE(review.whiteList->eligible);
    EXPECT_TRUE(says(review.whiteList->grounds, "不再符合入选条件，应复核", "003 二(五)"));
    EXPECT_TRUE(says(review.notes, "未规定入选条件", "003 二(五)"));

    // Credit classes set Wuxi's sampling too (A lower, C normal).
    EXPECT_EQ(onList.creditRisk->level, SamplingRule::Level::Lower);
    EXPECT_EQ(review.creditRisk->level, SamplingRule::Level::Normal);
}

TEST(GradingEnterprise, CreditRiskClassSetsSamplingAndDishonestyRaisesIt_YC7_002_3_2_2) {
    WorkspaceEnterprise honest = test::enterpriseOf("91331125MA2E00011L", "源城电子厂", CreditGrade::A);
    GradingInput in;
    in.enterprise = &honest;
    in.year = 2025;
    auto lower = gradeEnterprise(countyPolicy("yuancheng"), in);
    ASSERT_TRUE(lower) << lower.error().message();
    ASSERT_TRUE(lower->creditRisk);
    EXPECT_EQ(lower->creditRisk->level, SamplingRule::Level::Lower);
    EXPECT_FALSE(lower->creditRisk->raised);
    EXPECT_TRUE(says(lower->creditRisk->grounds, "自查自纠等承诺式检查", "002 三(二)2"));
    EXPECT_TRUE(says(lower->creditRisk->grounds, "信用风险分类（在册等级）A：抽查比例和频次较低", "002 三(二)2"));

    in.events.push_back({"91331125MA2E00011L", date("2025-06-01"), "dishonesty", "合同违约"});
    auto raised = gradeEnterprise(countyPolicy("yuancheng"), in);
    ASSERT_TRUE(raised);
    EXPECT_EQ(raised->creditRisk->level, SamplingRule::Level::Higher);
    EXPECT_TRUE(raised->creditRisk->raised);
    EXPECT_TRUE(says(raised->creditRisk->grounds, "有失信违法记录（2025-06-01 失信违约）：适当提高抽查比例和频次", "002 三(二)2"));

    WorkspaceEnterprise poor = test::enterpriseOf("91331125MA2E0002XC", "源城建材厂", CreditGrade::D);
    in.enterprise = &poor;
    in.events.clear();
    auto higher = gradeEnterprise(countyPolicy("yuancheng"), in);
    ASSERT_TRUE(higher);
    EXPECT_EQ(higher->creditRisk->level, SamplingRule::Level::Higher);
    EXPECT_FALSE(higher->creditRisk->raised);  // already higher by class
}

TEST(GradingEnterprise, CountiesWithoutAPortraitSayWhatTheirDocumentSays) {
    WorkspaceEnterprise e = test::enterpriseOf("91331125MA2E00011L", "某企业", CreditGrade::C);
    GradingInput in;
    in.enterprise = &e;
    in.year = 2026;
    auto dh = gradeEnterprise(countyPolicy("dinghai"), in);
    ASSERT_TRUE(dh);
    EXPECT_FALSE(dh->portrait);
    EXPECT_FALSE(dh->creditRisk);
    ASSERT_EQ(dh->grounds.size(), 1u);
    EXPECT_EQ(dh->grounds[0].clause.text(), "000 二(二)");
    EXPECT_NE(dh->grounds[0].text.zh.find("不对企业评定"), std::string::npos);
    auto py = gradeEnterprise(countyPolicy("pingyang"), in);
    ASSERT_TRUE(py);
    EXPECT_FALSE(py->portrait);
    ASSERT_TRUE(py->creditRisk);
    EXPECT_EQ(py->creditRisk->level, SamplingRule::Level::Normal);
    EXPECT_EQ(py->creditRisk->grounds[0].clause.text(), "001 三.4");
    EXPECT_TRUE(says(py->notes, "文件未规定各信用类别的抽查比例", "001 三.4"));
}

TEST(GradingEnterprise, GradingIsDeterministicAndEveryLineCitesItsClause) {
    Workspace w = test::yunheGradingWorkspace();
    std::reverse(w.events.begin(), w.events.end());  // the records' order must not matter
    auto a = gradeWorkspace(countyPolicy("yunhe"), test::yunheGradingWorkspace());
    auto b = gradeWorkspace(countyPolicy("yunhe"), w);
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    for (std::size_t i = 0; i < a->size(); ++i) {
        EXPECT_EQ(toJson((*a)[i]).dump(), toJson((*b)[i]).dump());
        for (auto language : {Language::Chinese, Language::English}) {
            std::string text = describe((*a)[i], countyPolicy("yunhe"), language);
            std::size_t start = 0;
            while (start < text.size()) {
                std::size_t end = text.find('\n', start);
                std::string line = text.substr(start, end - start);
                EXPECT_NE(line.find("  —  004 二("), std::string::npos) << line;
                start = end + 1;
            }
        }
    }
}

}  // namespace
}  // namespace inspectonce
