// libFuzzer target: the CSV reader and each table's row reader (exchange.hpp). The first
// byte picks the table; the rest is the file. Nothing may crash, and every record the reader
// returns must come back unchanged when written with csvLine and read again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "inspectonce/exchange.hpp"

namespace {

using namespace inspectonce;

const exchange::References& references() {
    static const exchange::References refs = [] {
        Workspace w;
        w.county = "yunhe";
        w.year = 2026;
        w.planningDate = Date::parse("2026-01-05").value();
        w.departments.push_back({"fire", {"消防救援大队", "fire brigade"}, DepartmentLevel::County, {}, 4});
        w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {"food", "pricing"}, 6});
        w.items.push_back({"fire-routine", {"消防日常检查", "fire routine"}, "fire-safety", "fire", true, false, true});
        w.items.push_back({"food-label", {"食品标签", "food labels"}, "food-safety", "market", true, true, false});
        for (const char* code : {"913311250291977677", "91331125049974279M"})
            w.enterprises.push_back({Enterprise{Uscc::parse(code).value(), "企业", CreditGrade::B, {}}, "", "", false});
        return exchange::References::of(w);
    }();
    return refs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    exchange::Problems problems;
    switch (data[0] % 5) {
        case 0: (void)exchange::readEnterprises(text, "f.csv", problems); break;
        case 1: (void)exchange::readDepartments(text, "f.csv", references(), problems); break;
        case 2: (void)exchange::readPlans(text, "f.csv", references(), problems); break;
        case 3: (void)exchange::readDemands(text, "f.csv", references(), problems); break;
        default: {
            auto records = exchange::readCsv(text, "f.csv");
            if (!records) break;
            std::string again;
            for (const auto& r : *records) again += exchange::csvLine(r.fields);
            auto back = exchange::readCsv(again, "again.csv");
            if (!back || back->size() != records->size()) std::abort();
            for (std::size_t i = 0; i < records->size(); ++i)
                if ((*back)[i].fields != (*records)[i].fields) std::abort();
        }
    }
    if (problems.listed.size() > exchange::kListedProblems) std::abort();
    return 0;
}
