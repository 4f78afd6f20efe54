#include "inspectonce/model.hpp"

#include <algorithm>
#include <array>

namespace inspectonce {
namespace {

// Shows the rejected text as given, or says it was empty: "found ''" reads like a typo.
std::string found(std::string_view text) {
    return text.empty() ? "found nothing" : "found '" + std::string(text) + "'";
}

constexpr std::array<std::string_view, 4> kGradeNames{"A", "B", "C", "D"};
constexpr std::array<std::string_view, 4> kLevelNames{"province", "city", "county", "town"};

}  // namespace

Result<CreditGrade> parseCreditGrade(std::string_view text) {
    for (std::size_t i = 0; i < kGradeNames.size(); ++i)
        if (text == kGradeNames[i]) return static_cast<CreditGrade>(i);
    return makeError("", "credit grade must be A, B, C or D, " + found(text));
}

std::string_view toString(CreditGrade grade) { return kGradeNames[static_cast<std::size_t>(grade)]; }

Result<DepartmentLevel> parseDepartmentLevel(std::string_view text) {
    for (std::size_t i = 0; i < kLevelNames.size(); ++i)
        if (text == kLevelNames[i]) return static_cast<DepartmentLevel>(i);
    return makeError("", "department level must be province, city, county or town, " + found(text));
}

std::string_view toString(DepartmentLevel level) { return kLevelNames[static_cast<std::size_t>(level)]; }

Text label(DepartmentLevel level) {
    switch (level) {
        case DepartmentLevel::Province: return {"省级", "Province"};
        case DepartmentLevel::City: return {"市级", "City"};
        case DepartmentLevel::County: return {"县级", "County"};
        case DepartmentLevel::Town: return {"乡镇级", "Town"};
    }
    return {};
}

bool Enterprise::isOn(std::string_view list) const {
    return std::find(lists.begin(), lists.end(), list) != lists.end();
}

}  // namespace inspectonce
