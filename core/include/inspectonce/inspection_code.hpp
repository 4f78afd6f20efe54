// Inspection codes (亮码检查, 004 二(十)): "查前备案、查时亮码，严禁无码入企". Every on-site
// visit whose plans were all filed before it gets a short token; the inspectors show it at
// the door and anyone — the enterprise, the enforcement office — checks it against the
// filing. The token carries a hash of the filing, so a plan changed after the code was
// issued (another day, other items, a withdrawn filing) no longer matches.
//
// Token: IO1-<county>-<visit id>-<16 base32 characters>
//   IO1        the format (version 1)
//   county     the workspace's county id (lowercase letters, digits, '-')
//   visit id   the visit's id, decimal
//   16 chars   RFC 4648 base32 (A–Z, 2–7) of the first 10 bytes of BLAKE2b over the
//              canonical filing (canonicalFiling below)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce {

// The clause the codes carry out.
inline const Citation kInspectionCodeClause{"004 二(十)"};

// The canonical filing a code hashes, one line per fact: the county, the visit's id,
// enterprise, date, kind and lead department, then each member plan in ascending id with its
// department, unit, method, sorted items, window and filing date. An error when the visit
// names a plan the workspace does not have.
Result<std::string> canonicalFiling(const Workspace& workspace, const Visit& visit);

// The token for `visit`, or an empty string when it gets none: a plan not filed, filed after
// the visit's day, or missing, or a visit without plans (no filing, no code).
std::string issueCode(const Workspace& workspace, const Visit& visit);
// Why `visit` gets no code (the first plan not filed by its day …); nullopt when it gets one.
std::optional<Text> whyNoCode(const Workspace& workspace, const Visit& visit);

enum class CodeStatus {
    Valid,          // the filing is as it was when the code was issued
    Malformed,      // not a token of this format (CodeCheck::part says which part)
    UnknownCounty,  // another county's code, or a workspace of another county
    UnknownVisit,   // no visit with that id
    NotFiled,       // the visit's plans are not (all) filed before the visit
    FilingChanged,  // the filing differs from the one the code was issued for
};
std::string_view toString(CodeStatus status);  // valid, malformed, unknown-county, …

// What a token stands for, for the person at the door.
struct CodeFiling {
    struct Member {
        int64_t plan = 0;
        std::string department;
        Text departmentName;
        std::string unit;
        Method method = Method::OnSite;
        std::vector<std::string> items;
        std::vector<Text> itemNames;
        std::optional<Date> filedOn;
    };
    std::string county;
    int64_t visit = 0;
    std::string enterprise;  // USCC
    std::string enterpriseName;
    Date date;
    InspectionKind kind = InspectionKind::Inspection;
    std::string lead;
    Text leadName;
    std::vector<Member> plans;
};

struct CodeCheck {
    CodeStatus status = CodeStatus::Malformed;
    std::string token;
    std::string part;  // Malformed: "prefix", "county", "visit id" or "hash"
    Text why;          // one sentence: valid, or why not
    std::optional<CodeFiling> filing;  // set whenever the visit is known
    bool valid() const { return status == CodeStatus::Valid; }
};

// Checks `token` against the workspace's current filing.
CodeCheck verifyCode(std::string_view token, const Workspace& workspace);

nlohmann::json toJson(const CodeCheck& check);
// A few lines: the verdict, then what the code stands for (enterprise, date, departments, items).
std::string describe(const CodeCheck& check, Language language);

}  // namespace inspectonce
