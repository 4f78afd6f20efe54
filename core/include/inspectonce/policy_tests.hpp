// Policy tests as data (like OpenFisca's YAML tests): policies/tests/<county>/*.json hold
// cases, each a request ("given") and what the county's document requires ("expect"). They
// run through whatever plugin is loaded for the county, so a modified plugin changes results.
//
//   {"county": "yunhe",
//    "cases": [{"name": "…", "covers": ["YH-3"],
//               "given": {decision request, see decision.hpp} | {"finding": {"facts": [...], "areas": [...]}},
//               "expect": {"outcome": "refused", "clauses": ["004 二(三)"], "not_clauses": [...],
//                          "rules": ["quiet-period"], "due": {"obligation-id": "YYYY-MM-DD"},
//                          "severity": "minor" | "outside" | "none", "error": "text in the error"}}]}
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/plugin_host.hpp"
#include "inspectonce/policy.hpp"

namespace inspectonce {

struct PolicyTestResult {
    std::string file;
    std::string county;
    std::string name;
    std::vector<std::string> covers;
    std::vector<std::string> failures;  // empty when the case passed

    bool passed() const { return failures.empty(); }
};

// Runs the cases of one file. `findCounty` returns the loaded plugin for an id (nullptr when
// none is loaded): decisions go through its data and its hook. A malformed file is an error
// naming the file and JSON pointer.
Result<std::vector<PolicyTestResult>> runPolicyTests(std::string_view text, const std::string& source,
                                                     const std::function<const LoadedPlugin*(const std::string&)>& findCounty);

}  // namespace inspectonce
