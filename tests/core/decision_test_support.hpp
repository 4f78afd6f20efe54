// Helpers for the decision tests: the counties' parameter files from the source tree and a
// request builder.
#pragma once

#include <algorithm>
#include <deque>
#include <string>

#include "inspectonce/decision.hpp"
#include "test_support.hpp"

namespace inspectonce::test {

inline const PolicyData& countyPolicy(const std::string& id) {
    static std::deque<std::pair<std::string, PolicyData>> cache;  // a deque: references stay valid as it grows
    for (const auto& [key, value] : cache)
        if (key == id) return value;
    auto policy = PolicyData::fromJson(readFile(sourcePath("policies/" + id + ".json")), id + ".json");
    if (!policy) ADD_FAILURE() << policy.error().message();
    cache.emplace_back(id, policy.value());
    return cache.back().second;
}

inline DecisionRequest inspection(const char* day, CreditGrade grade = CreditGrade::C) {
    DecisionRequest r;
    r.date = date(day);
    r.grade = grade;
    r.department = "market";
    r.item = "fire";
    return r;
}

inline bool cites(const Decision& d, const std::string& clause) {
    auto all = d.clauses();
    return std::find(all.begin(), all.end(), clause) != all.end();
}

inline const Obligation* obligation(const Decision& d, const std::string& id) {
    for (const auto& o : d.obligations)
        if (o.id == id) return &o;
    return nullptr;
}

inline HistoryEntry visit(const char* day, const char* department, const char* item, Method method = Method::OnSite) {
    HistoryEntry e;
    e.date = date(day);
    e.department = department;
    e.item = item;
    e.method = method;
    return e;
}

}  // namespace inspectonce::test
