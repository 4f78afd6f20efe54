// Penalty decisions: 首违不罚 and legal review (001 三.6), the three lists (003 二(七)) and
// 首查负责制 (003 二(九)), warn-before-punish (000 二(二)), and what the other documents do
// say. The county's rules are tried in its file's order; the first that applies decides.
#include "grade/grading_internal.hpp"
#include "inspectonce/digest.hpp"

namespace inspectonce {

using namespace grading;

namespace {

struct MatterPlace {
    const PenaltyList* list = nullptr;
    const PenaltyMatter* matter = nullptr;
};

MatterPlace locate(const PenaltyRules& p, const std::string& matter) {
    for (const auto& list : p.lists)
        for (const auto& m : list.matters)
            if (m.id == matter) return {&list, &m};
    return {};
}

bool hasAll(const std::vector<std::string>& facts, const std::vector<std::string>& needed) {
    return std::all_of(needed.begin(), needed.end(), [&](const std::string& f) { return contains(facts, f); });
}

bool applies(const PenaltyCondition& when, const std::vector<std::string>& facts, const std::string& severity,
             const MatterPlace& place) {
    if (!hasAll(facts, when.allOf)) return false;
    if (!when.anyOf.empty() && std::none_of(when.anyOf.begin(), when.anyOf.end(), [&](const std::string& f) { return contains(facts, f); }))
        return false;
    if (std::any_of(when.noneOf.begin(), when.noneOf.end(), [&](const std::string& f) { return contains(facts, f); })) return false;
    if (!when.severities.empty() && !contains(when.severities, severity)) return false;
    if (!when.list.empty()) {
        if (!place.list || place.list->id != when.list) return false;
        if (!hasAll(facts, place.matter->needs)) return false;
    }
    return true;
}

bool mayFine(PenaltyOutcome outcome) {
    return outcome == PenaltyOutcome::Normal || outcome == PenaltyOutcome::Reduced || outcome == PenaltyOutcome::Lighter;
}

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}

}  // namespace

std::vector<std::string> PenaltyDecision::clauses() const {
    std::vector<std::string> out;
    auto add = [&](const Citation& c) {
        if (!contains(out, c.text())) out.push_back(c.text());
    };
    for (const auto& g : grounds) add(g.clause);
    for (const auto& s : steps) add(s.clause);
    if (otherwise) add(otherwise->clause);
    if (deferral) add(deferral->clause);
    if (consistency) add(consistency->clause);
    for (const auto& g : notes) add(g.clause);
    return out;
}

std::vector<std::pair<std::string, Text>> penaltyFacts(const PolicyData& policy) {
    Named out = findingFacts(policy);
    if (policy.penalties) out.insert(out.end(), policy.penalties->facts.begin(), policy.penalties->facts.end());
    return out;
}

std::vector<std::pair<std::string, Text>> penaltyMatters(const PolicyData& policy) {
    Named out;
    if (!policy.penalties) return out;
    for (const auto& list : policy.penalties->lists)
        for (const auto& m : list.matters) out.emplace_back(m.id, m.name);
    return out;
}

Result<PenaltyDecision> decidePenalty(const PolicyData& policy, const PenaltyFacts& in) {
    if (!policy.penalties) return makeError(policy.county, "the parameter file has no \"penalties\" section");
    const PenaltyRules& p = *policy.penalties;
    PenaltyDecision d;
    d.county = policy.county;
    d.facts = canonical(in.facts);
    d.areas = canonical(in.areas);
    d.matter = in.matter;
    d.covered = p.covered;
    Named facts = penaltyFacts(policy);
    IO_CHECK(checkKnown(d.facts, facts, "fact", "--facts", policy));
    IO_CHECK(checkKnown(d.areas, excludedAreas(policy), "area", "--area", policy));
    IO_CHECK(checkExclusive(d.facts, policy));
    if (!d.matter.empty() && !isCountyId(d.matter))
        return makeError("--matter", "\"" + d.matter + "\" is not a matter id (lowercase letters, digits and '-')");

    // The finding's severity first, from the severity facts alone.
    d.severity = "not-graded";
    if (policy.severity) {
        FindingFacts finding;
        for (const auto& f : d.facts)
            if (find(policy.severity->facts, f)) finding.facts.push_back(f);
        finding.areas = d.areas;
        IO_TRY(assessment, assessFinding(policy, finding));
        d.severity = assessment.severity;
        d.grounds.insert(d.grounds.end(), assessment.grounds.begin(), assessment.grounds.end());
        d.steps = assessment.steps;
    }

    MatterPlace place = locate(p, d.matter);
    if (!d.matter.empty()) {
        if (place.list) {
            Text name = concat({{"事项“", "matter \""}, place.matter->name, {"”在", "\" is on the "}, place.list->name,
                                place.matter->example ? Text{"内（示例条目）", " (an example entry)"} : Text{"内", ""}});
            d.grounds.push_back({name, place.list->clause});
            std::vector<std::string> lacking;
            for (const auto& f : place.matter->needs)
                if (!contains(d.facts, f)) lacking.push_back(f);
            if (!lacking.empty())
                d.grounds.push_back({concat({{"该清单条目还需：", "the entry also needs: "}, joinLabels(lacking, facts),
                                             {"；不具备的，不适用该清单", "; without them the list does not apply"}}),
                                     place.list->clause});
        } else {
            const Citation& clause = p.lists.empty() ? p.fallback.clause : p.lists.front().clause;
            d.grounds.push_back({concat({{"事项“", "matter \""}, same(d.matter),
                                         {"”不在本地的处罚清单内", "\" is on none of the county's penalty lists"}}),
                                 clause});
        }
    }

    const PenaltyRule* rule = &p.fallback;
    for (const auto& r : p.rules)
        if (applies(r.when, d.facts, d.severity, place)) {
            rule = &r;
            break;
        }
    d.rule = rule->id;
    d.outcome = rule->outcome;
    d.grounds.push_back({rule->text, rule->clause});
    d.steps.insert(d.steps.end(), rule->steps.begin(), rule->steps.end());
    d.legalReview = rule->legalReview;
    d.collectiveDecision = rule->collectiveDecision;
    if (rule->otherwise) d.otherwise = Ground{*rule->otherwise, rule->clause};
    if (rule->note) d.notes.push_back({*rule->note, rule->clause});
    for (const auto& addition : p.additions)
        if (applies(addition.when, d.facts, d.severity, place))
            d.steps.insert(d.steps.end(), addition.steps.begin(), addition.steps.end());

    if (p.hardship && contains(d.facts, p.hardship->fact)) {
        if (mayFine(d.outcome)) d.deferral = Ground{p.hardship->text, p.hardship->clause};
        else d.notes.push_back({{"不予处罚：不涉及罚款的延期或分期缴纳", "no penalty: deferral or instalments of a fine do not arise"},
                                p.hardship->clause});
    }
    d.consistency = p.consistency;
    if (place.list && place.list->note) d.notes.push_back({*place.list->note, place.list->clause});
    if (p.note) d.notes.push_back({*p.note, p.fallback.clause});

    // The same county, matter, facts and areas always give the same key (and decision).
    d.caseKey = blake2bHex("inspectonce-penalty-v1\n" + d.county + "\n" + d.matter + "\n" + joinIds(d.facts) + "\n" + joinIds(d.areas), 8);
    return d;
}

}  // namespace inspectonce
