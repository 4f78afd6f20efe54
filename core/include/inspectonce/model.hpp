// The first domain types: who inspects (departments) and who is inspected (enterprises).
// Deliberately small; later issues add fields as the inspection rules need them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/uscc.hpp"

namespace inspectonce {

// An enterprise's credit grade under the credit-based supervision rules: A is the best.
enum class CreditGrade { A, B, C, D };

Result<CreditGrade> parseCreditGrade(std::string_view text);  // exactly "A", "B", "C" or "D"
std::string_view toString(CreditGrade grade);                 // "A" … "D"

// Where in the administrative hierarchy a department sits.
enum class DepartmentLevel { Province, City, County, Town };

Result<DepartmentLevel> parseDepartmentLevel(std::string_view text);  // "province", "city", "county", "town"
std::string_view toString(DepartmentLevel level);
Text label(DepartmentLevel level);  // 省级 / Province …

struct Department {
    std::string id;  // stable identifier used in data files, e.g. "yunhe-market"
    Text name;
    DepartmentLevel level;
};

// Names of the lists an enterprise can be on; data files use these exact spellings.
namespace lists {
inline constexpr std::string_view kWhiteList = "white-list";
inline constexpr std::string_view kExempt = "exempt";
inline constexpr std::string_view kKeySupervision = "key-supervision";
inline constexpr std::string_view kSeriousDishonesty = "serious-dishonesty";
}  // namespace lists

struct Enterprise {
    Uscc code;  // always a valid code: Uscc can only be made by Uscc::parse
    std::string name;
    CreditGrade grade;
    std::vector<std::string> lists;  // e.g. lists::kWhiteList

    bool isOn(std::string_view list) const;
};

}  // namespace inspectonce
