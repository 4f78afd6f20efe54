// `inspectonce finding assess`, `penalty decide` and `grade` driven through the real binary:
// answers with clauses in Chinese and English, JSON, determinism, and precise bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace inspectonce {
namespace {

using test::run;

const std::string kYunhe = std::string(INSPECTONCE_SOURCE_DIR) + "/tests/data/grading/yunhe-2026.db";
const std::string kWuxi = std::string(INSPECTONCE_SOURCE_DIR) + "/tests/data/grading/wuxi-2026.db";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(GradeCli, FindingAssessGradesWithClauses_DH2) {
    auto r = run("finding assess --county dinghai --facts slight,no-consequence,no-intent");
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_TRUE(has(r.out, "定海区 问题定级：轻微问题  —  000 二(二)1")) << r.out;
    EXPECT_TRUE(has(r.out, "【依据】符合轻微问题的认定条件：情节轻微；尚未造成后果；无主观故意  —  000 二(二)1")) << r.out;
    auto en = run("--lang en finding assess --county dinghai --facts prominent --area food-safety");
    EXPECT_EQ(en.exit, 0) << en.err;
    EXPECT_TRUE(has(en.out, "finding severity: outside the error-tolerance mechanism  —  000 附则")) << en.out;
    EXPECT_TRUE(has(en.out, "[because] touches food safety  —  000 附则")) << en.out;
}

TEST(GradeCli, UnknownFactNamesWhatTheCountyAccepts) {
    auto r = run("finding assess --county dinghai --facts slight,rainy");
    EXPECT_EQ(r.exit, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_TRUE(has(r.err, "inspectonce: --facts: unknown fact \"rainy\" for dinghai; it accepts: ")) << r.err;
    EXPECT_TRUE(has(r.err, "no-intent (无主观故意 / no intent)")) << r.err;
    auto help = run("finding assess --help");
    EXPECT_EQ(help.exit, 0);
    EXPECT_TRUE(has(help.out, "dinghai: facts: ")) << help.out;
    EXPECT_TRUE(has(help.out, "slight 情节轻微")) << help.out;
    EXPECT_TRUE(has(help.out, "areas: ")) << help.out;
    auto penaltyHelp = run("penalty decide --help");
    EXPECT_TRUE(has(penaltyHelp.out, "hardship 确有经济困难")) << penaltyHelp.out;
    EXPECT_TRUE(has(penaltyHelp.out, "matters: license-not-displayed")) << penaltyHelp.out;
    auto county = run("penalty decide --county hangzhou");
    EXPECT_EQ(county.exit, 2);
    EXPECT_TRUE(has(county.err, "unknown county \"hangzhou\"")) << county.err;
}

TEST(GradeCli, PenaltyDecideJson_PY7) {
    auto r = run("penalty decide --county pingyang --facts serious-violation,hardship --json");
    ASSERT_EQ(r.exit, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["outcome"], "normal");
    EXPECT_EQ(j["legal_review"], true);
    EXPECT_EQ(j["collective_decision"], true);
    EXPECT_EQ(j["deferral"]["clause"], "001 三.6");
    auto spared = run("penalty decide --county pingyang --facts minor-violation,corrected-in-time,no-harm");
    EXPECT_EQ(spared.exit, 0);
    EXPECT_TRUE(has(spared.out, "平阳县 处罚决定：不予处罚  —  001 三.6")) << spared.out;
    EXPECT_TRUE(has(spared.out, "  —  001 四(二)")) << spared.out;
}

TEST(GradeCli, SameMatterAndFactsGiveTheSameBytes_WX9) {
    auto a = run("penalty decide --county wuxi --matter license-not-displayed --facts first-time,corrected-in-time");
    auto b = run("penalty decide --county wuxi --facts corrected-in-time --facts first-time --matter license-not-displayed");
    EXPECT_EQ(a.exit, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_TRUE(has(a.out, "处罚决定：不予处罚  —  003 二(七)")) << a.out;
    EXPECT_TRUE(has(a.out, "【首查负责制】")) << a.out;
    EXPECT_TRUE(has(a.out, "  —  003 二(九)")) << a.out;
}

TEST(GradeCli, GradeAWorkspace_YH6) {
    auto r = run("grade " + kYunhe);
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_TRUE(has(r.out, "云和模具厂 91331125MA2E000467 2026年，在册等级D  —  004 二(六)")) << r.out;
    EXPECT_TRUE(has(r.out, "【未提升】2025-02-14整改到位（D类，2024年）")) << r.out;
    EXPECT_TRUE(has(r.out, "【参数】")) << r.out;
    auto one = run("grade " + kYunhe + " --enterprise 91331125MA2E000467 --json");
    ASSERT_EQ(one.exit, 0) << one.err;
    auto j = nlohmann::json::parse(one.out);
    ASSERT_EQ(j["enterprises"].size(), 1u);
    EXPECT_EQ(j["county"], "yunhe");
    EXPECT_EQ(j["enterprises"][0]["portrait"]["grade"], "D");
    EXPECT_EQ(j["enterprises"][0]["rise_missed"], true);
    auto wuxi = run("--lang en grade " + kWuxi);
    EXPECT_EQ(wuxi.exit, 0) << wuxi.err;
    EXPECT_TRUE(has(wuxi.out, "[white list] on the white list: non-site, triggered and reminder supervision first  —  003 二(五)")) << wuxi.out;
}

TEST(GradeCli, GradeBadInput) {
    auto code = run("grade " + kYunhe + " --enterprise 91331125MA2E000468");
    EXPECT_EQ(code.exit, 2);
    EXPECT_TRUE(has(code.err, "inspectonce: --enterprise")) << code.err;
    auto absent = run("grade " + kYunhe + " --enterprise 91350100M000100Y43");
    EXPECT_EQ(absent.exit, 2);
    EXPECT_TRUE(has(absent.err, "no enterprise 91350100M000100Y43 in the workspace")) << absent.err;
    auto missing = run("grade /nonexistent/workspace.db");
    EXPECT_EQ(missing.exit, 2);
    EXPECT_TRUE(has(missing.err, "/nonexistent/workspace.db")) << missing.err;
}

}  // namespace
}  // namespace inspectonce
