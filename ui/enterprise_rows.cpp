#include "enterprise_rows.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace inspectonce::ui {
namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> words(std::string_view search) {
    std::vector<std::string> out;
    std::string current;
    for (char c : search) {
        if (c == ' ' || c == '\t') {
            if (!current.empty()) out.push_back(lowered(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(lowered(current));
    return out;
}

bool matches(const WorkspaceEnterprise& e, const std::vector<std::string>& wanted) {
    if (wanted.empty()) return true;
    std::string haystack = lowered(e.enterprise.code.str() + " " + e.enterprise.name + " " + e.town + " " + e.industry);
    for (const auto& word : wanted)
        if (haystack.find(word) == std::string::npos) return false;
    return true;
}

int countIn(EnterpriseColumn column, const EnterpriseCounts& counts) {
    if (column == EnterpriseColumn::Plans) return counts.plans;
    if (column == EnterpriseColumn::Visits) return counts.visits;
    return counts.openCases;
}

}  // namespace

std::unordered_map<std::string, EnterpriseCounts> countByEnterprise(const Workspace& workspace) {
    std::unordered_map<std::string, EnterpriseCounts> counts;
    counts.reserve(workspace.enterprises.size());
    for (const auto& plan : workspace.plans) ++counts[plan.enterprise].plans;
    for (const auto& visit : workspace.visits) ++counts[visit.enterprise].visits;
    for (const auto& item : workspace.cases)
        if (!item.closed && !item.enterprise.empty()) ++counts[item.enterprise].openCases;
    return counts;
}

std::vector<int32_t> enterpriseRows(const Workspace& workspace, const std::unordered_map<std::string, EnterpriseCounts>& counts,
                                    std::string_view search, EnterpriseColumn column, bool ascending) {
    const auto& all = workspace.enterprises;
    std::vector<std::string> wanted = words(search);
    std::vector<int32_t> rows;
    rows.reserve(all.size());
    for (int32_t i = 0; i < static_cast<int32_t>(all.size()); ++i)
        if (matches(all[static_cast<std::size_t>(i)], wanted)) rows.push_back(i);

    auto countOf = [&](const WorkspaceEnterprise& e) {
        auto found = counts.find(e.enterprise.code.str());
        return found == counts.end() ? EnterpriseCounts{} : found->second;
    };
    // Compares on the column, then by code, so equal keys keep one order everywhere.
    auto less = [&](int32_t left, int32_t right) {
        const auto& a = all[static_cast<std::size_t>(left)];
        const auto& b = all[static_cast<std::size_t>(right)];
        const std::string& codeA = a.enterprise.code.str();
        const std::string& codeB = b.enterprise.code.str();
        switch (column) {
            case EnterpriseColumn::Name: return std::tie(a.enterprise.name, codeA) < std::tie(b.enterprise.name, codeB);
            case EnterpriseColumn::Grade: return std::tie(a.enterprise.grade, codeA) < std::tie(b.enterprise.grade, codeB);
            case EnterpriseColumn::Town: return std::tie(a.town, codeA) < std::tie(b.town, codeB);
            case EnterpriseColumn::Industry: return std::tie(a.industry, codeA) < std::tie(b.industry, codeB);
            case EnterpriseColumn::Plans:
            case EnterpriseColumn::Visits:
            case EnterpriseColumn::OpenCases: {
                int countA = countIn(column, countOf(a)), countB = countIn(column, countOf(b));
                return std::tie(countA, codeA) < std::tie(countB, codeB);
            }
            case EnterpriseColumn::Code:
            case EnterpriseColumn::Count: break;
        }
        return codeA < codeB;
    };
    std::sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) { return ascending ? less(a, b) : less(b, a); });
    return rows;
}

}  // namespace inspectonce::ui
