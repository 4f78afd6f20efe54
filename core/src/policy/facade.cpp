// The Policy façade: what engines ask of a county, answered from its parameter file.
#include <algorithm>

#include "inspectonce/policy.hpp"

namespace inspectonce {

Result<std::vector<const BlackoutRule*>> Policy::blackoutsOn(Date day, std::optional<CreditGrade> grade) const {
    std::vector<const BlackoutRule*> out;
    if (!inForceOn(day)) return out;
    YearMonth month = YearMonth::of(day);
    for (const auto& rule : data_->blackouts) {
        IO_TRY(range, rule.period.in(month));
        Date first = range.first;
        if (grade)
            for (const auto& extension : rule.extensions)
                if (extension.grade == *grade) first = first.plusDays(-extension.daysBefore);
        if (first < month.first()) first = month.first();
        Date last = range.last < month.last() ? range.last : month.last();
        if (first <= day && day <= last) out.push_back(&rule);
    }
    return out;
}

const ExceptionClause* Policy::exceptionsOf(std::string_view ruleId) const {
    for (const auto& rule : data_->blackouts)
        if (rule.id == ruleId && rule.exceptions) return &*rule.exceptions;
    for (const auto& rule : data_->rules) {
        if (rule.id != ruleId) continue;
        if (rule.exceptions) return &*rule.exceptions;
    }
    return nullptr;
}

std::vector<const PolicyRule*> Policy::rulesOf(PolicyRule::Type type) const {
    std::vector<const PolicyRule*> out;
    for (const auto& rule : data_->rules)
        if (rule.type == type) out.push_back(&rule);
    return out;
}

const PolicyRule* Policy::onSiteCap(CreditGrade grade) const {
    const PolicyRule* best = nullptr;
    for (const auto* rule : rulesOf(PolicyRule::Type::Cap)) {
        const auto& grades = rule->appliesTo.grades;
        if (!grades.empty() && std::find(grades.begin(), grades.end(), grade) == grades.end()) continue;
        if (!best || rule->max < best->max) best = rule;
    }
    return best;
}

const SamplingRule* Policy::samplingFor(CreditGrade grade) const {
    if (!data_->sampling) return nullptr;
    for (const auto& rule : data_->sampling->byGrade)
        if (rule.grade == grade) return &rule;
    return nullptr;
}

std::vector<const YearlyTarget*> Policy::targetsFor(int year) const {
    std::vector<const YearlyTarget*> out;
    for (const auto& target : data_->targets)
        if (target.year == year) out.push_back(&target);
    return out;
}

Result<Policy::FindingGrade> Policy::gradeFinding(const std::vector<std::string>& facts,
                                                  const std::vector<std::string>& areas) const {
    FindingGrade out;
    if (!data_->severity) return makeError(data_->county, "this county's parameter file grades no findings");
    const auto& s = *data_->severity;
    auto has = [&](const std::string& fact) { return std::find(facts.begin(), facts.end(), fact) != facts.end(); };
    for (const auto& fact : facts)
        if (std::none_of(s.facts.begin(), s.facts.end(), [&](const auto& f) { return f.first == fact; }))
            return makeError("finding", "unknown fact \"" + fact + "\" for " + data_->county);
    for (const auto& area : areas) {
        if (std::none_of(s.outsideAreas.begin(), s.outsideAreas.end(), [&](const auto& a) { return a.first == area; }))
            return makeError("finding", "unknown area \"" + area + "\" for " + data_->county);
        out.outside = true;
    }
    if (out.outside) {
        out.clauses.push_back(*s.outsideClause);
        return out;
    }
    for (const auto& id : s.precedence) {
        const auto& level = *std::find_if(s.levels.begin(), s.levels.end(), [&](const SeverityLevel& l) { return l.id == id; });
        bool all = std::all_of(level.allOf.begin(), level.allOf.end(), has);
        bool any = level.anyOf.empty() || std::any_of(level.anyOf.begin(), level.anyOf.end(), has);
        if (!(all && any)) continue;
        out.level = level.id;
        out.clauses.push_back(level.clause);
        for (const auto& d : data_->dispositions)
            if (d.severity == level.id) {
                out.disposition = &d;
                if (!(d.clause == level.clause)) out.clauses.push_back(d.clause);
                break;
            }
        return out;
    }
    out.clauses.push_back(s.clause);
    return out;
}

}  // namespace inspectonce
