// The first domain types: parsing and naming grades and levels, and building the records.
#include "inspectonce/model.hpp"

#include <gtest/gtest.h>

namespace inspectonce {
namespace {

TEST(ModelTest, CreditGradesRoundTrip) {
    for (auto grade : {CreditGrade::A, CreditGrade::B, CreditGrade::C, CreditGrade::D}) {
        auto parsed = parseCreditGrade(toString(grade));
        ASSERT_TRUE(parsed.ok()) << toString(grade);
        EXPECT_EQ(*parsed, grade);
    }
    EXPECT_EQ(toString(CreditGrade::A), "A");
    EXPECT_EQ(toString(CreditGrade::D), "D");
}

TEST(ModelTest, CreditGradeParseExplainsWhatItFound) {
    EXPECT_EQ(parseCreditGrade("E").error().message(), "credit grade must be A, B, C or D, found 'E'");
    EXPECT_EQ(parseCreditGrade("a").error().message(), "credit grade must be A, B, C or D, found 'a'");
    EXPECT_EQ(parseCreditGrade("AA").error().message(), "credit grade must be A, B, C or D, found 'AA'");
    EXPECT_EQ(parseCreditGrade(" A").error().message(), "credit grade must be A, B, C or D, found ' A'");
    EXPECT_EQ(parseCreditGrade("").error().message(), "credit grade must be A, B, C or D, found nothing");
}

TEST(ModelTest, DepartmentLevelsRoundTrip) {
    for (auto level : {DepartmentLevel::Province, DepartmentLevel::City, DepartmentLevel::County, DepartmentLevel::Town}) {
        auto parsed = parseDepartmentLevel(toString(level));
        ASSERT_TRUE(parsed.ok()) << toString(level);
        EXPECT_EQ(*parsed, level);
    }
    EXPECT_EQ(toString(DepartmentLevel::County), "county");
}

TEST(ModelTest, DepartmentLevelParseExplainsWhatItFound) {
    EXPECT_EQ(parseDepartmentLevel("village").error().message(),
              "department level must be province, city, county or town, found 'village'");
    EXPECT_EQ(parseDepartmentLevel("County").error().message(),
              "department level must be province, city, county or town, found 'County'");
}

TEST(ModelTest, DepartmentLevelsHaveBilingualLabels) {
    EXPECT_EQ(label(DepartmentLevel::Province).zh, "省级");
    EXPECT_EQ(label(DepartmentLevel::Town).zh, "乡镇级");
    EXPECT_EQ(label(DepartmentLevel::Town).in(Language::English), "Town");
}

TEST(ModelTest, DepartmentHoldsItsFields) {
    Department department{"yunhe-market", {"云和县市场监督管理局", "Yunhe County Market Supervision Bureau"},
                          DepartmentLevel::County};
    EXPECT_EQ(department.id, "yunhe-market");
    EXPECT_EQ(department.name.in(Language::Chinese), "云和县市场监督管理局");
    EXPECT_EQ(department.level, DepartmentLevel::County);
}

TEST(ModelTest, EnterpriseIsBuiltFromAParsedCode) {
    auto code = Uscc::parse("91350100M000100Y43");
    ASSERT_TRUE(code.ok());
    Enterprise enterprise{*code, "示例有限公司", CreditGrade::B, {std::string(lists::kWhiteList)}};
    EXPECT_EQ(enterprise.code.str(), "91350100M000100Y43");
    EXPECT_EQ(enterprise.grade, CreditGrade::B);
    EXPECT_TRUE(enterprise.isOn(lists::kWhiteList));
    EXPECT_FALSE(enterprise.isOn(lists::kKeySupervision));
    EXPECT_FALSE(enterprise.isOn("white"));
}

}  // namespace
}  // namespace inspectonce
