// Finding severity (000 二(二) 轻微/一般/突出, 附则 excluded areas) from the facts established
// about a finding: the county's levels decide (Policy::gradeFinding), this explains.
#include "grade/grading_internal.hpp"

namespace inspectonce {

using namespace grading;

// finding_text.cpp: what the text classifier says about the text (never the severity).
Result<std::optional<TextFlag>> flagFindingText(const PolicyData& policy, const std::string& text, bool areasGiven);

namespace {

bool holds(const SeverityLevel& level, const std::vector<std::string>& facts) {
    bool all = std::all_of(level.allOf.begin(), level.allOf.end(), [&](const std::string& f) { return contains(facts, f); });
    bool any = level.anyOf.empty() || std::any_of(level.anyOf.begin(), level.anyOf.end(), [&](const std::string& f) { return contains(facts, f); });
    return all && any;
}

const SeverityLevel& levelOf(const SeverityRules& s, const std::string& id) {
    return *std::find_if(s.levels.begin(), s.levels.end(), [&](const SeverityLevel& l) { return l.id == id; });
}

// "符合轻微问题的条件：情节轻微；尚未造成后果；无主观故意" — the facts that made the level, in the
// level's own order.
Ground levelGround(const SeverityRules& s, const SeverityLevel& level, const std::vector<std::string>& facts) {
    std::vector<std::string> used = level.allOf;
    for (const auto& f : level.anyOf)
        if (contains(facts, f)) used.push_back(f);
    Text why = joinLabels(used, s.facts);
    return {concat({{"符合", "meets "}, level.name, {"的认定条件：", ": "}, why}), level.clause};
}

// "一般问题还需：能够通过整改措施予以整改；以及其一：…" for a level the facts do not reach.
Ground missingGround(const SeverityRules& s, const SeverityLevel& level, const std::vector<std::string>& facts) {
    std::vector<std::string> lacking;
    for (const auto& f : level.allOf)
        if (!contains(facts, f)) lacking.push_back(f);
    Text text = concat({level.name, {"还需：", " still needs: "}});
    if (!lacking.empty()) text = concat({text, joinLabels(lacking, s.facts)});
    bool anyMissing = !level.anyOf.empty() &&
                      std::none_of(level.anyOf.begin(), level.anyOf.end(), [&](const std::string& f) { return contains(facts, f); });
    if (anyMissing) text = concat({text, lacking.empty() ? Text{"其一：", "one of: "} : Text{"；以及其一：", "; and one of: "},
                                   joinLabels(level.anyOf, s.facts)});
    return {text, level.clause};
}

Text documentName(const PolicyData& policy) {
    const auto& d = policy.document;
    return d.number.empty() ? d.title : Text{d.number, d.number};
}

}  // namespace

std::vector<std::string> FindingAssessment::clauses() const {
    std::vector<std::string> out;
    auto add = [&](const Citation& c) {
        if (!contains(out, c.text())) out.push_back(c.text());
    };
    for (const auto& g : grounds) add(g.clause);
    if (summary) add(summary->clause);
    for (const auto& s : steps) add(s.clause);
    for (const auto& g : missing) add(g.clause);
    if (textFlag) add(textFlag->ground.clause);
    for (const auto& g : notes) add(g.clause);
    return out;
}

std::vector<std::pair<std::string, Text>> findingFacts(const PolicyData& policy) {
    return policy.severity ? policy.severity->facts : Named{};
}

std::vector<std::pair<std::string, Text>> excludedAreas(const PolicyData& policy) {
    return policy.severity ? policy.severity->outsideAreas : Named{};
}

Result<FindingAssessment> assessFinding(const PolicyData& policy, const FindingFacts& in) {
    FindingAssessment a;
    a.county = policy.county;
    a.facts = canonical(in.facts);
    a.areas = canonical(in.areas);
    IO_CHECK(checkKnown(a.facts, findingFacts(policy), "fact", "--facts", policy));
    IO_CHECK(checkKnown(a.areas, excludedAreas(policy), "area", "--area", policy));
    IO_CHECK(checkExclusive(a.facts, policy));

    if (!policy.severity) {
        if (!policy.grading.findings)
            return makeError(policy.county, "the parameter file neither grades findings (\"severity\") nor says why not (\"grading\"/\"findings\")");
        a.severity = "not-graded";
        a.name = {"本地文件不对问题分级", "the document grades no findings"};
        a.grounds.push_back(*policy.grading.findings);
        if (in.text) a.notes.push_back({{"未使用问题文本：本地文件不对问题分级", "the text is not used: the document grades no findings"},
                                        policy.grading.findings->clause});
        return a;
    }
    const SeverityRules& s = *policy.severity;
    IO_TRY(grade, Policy(policy).gradeFinding(a.facts, a.areas));

    if (grade.outside) {
        a.severity = "excluded";
        a.name = {"不适用容错机制", "outside the error-tolerance mechanism"};
        for (const auto& area : a.areas)
            a.grounds.push_back({concat({{"涉及", "touches "}, *find(s.outsideAreas, area)}), *s.outsideClause});
        a.summary = Ground{concat({{"属于", "an area that "}, documentName(policy),
                                   {"附则所列领域，不适用该文件：依法依规处理", "'s supplementary provision excludes: handled by law"}}),
                           *s.outsideClause};
    } else if (grade.level) {
        const SeverityLevel& level = levelOf(s, *grade.level);
        a.severity = level.id;
        a.name = level.name;
        a.grounds.push_back(levelGround(s, level, a.facts));
        // A level passed over by the order of precedence is said, so nobody wonders why.
        bool after = false;
        for (const auto& id : s.precedence) {
            if (id == level.id) {
                after = true;
                continue;
            }
            if (after && holds(levelOf(s, id), a.facts))
                a.grounds.push_back({concat({{"亦符合", "also meets "}, levelOf(s, id).name,
                                             {"的条件，按先后顺序定为", " conditions; by order of precedence graded "}, level.name}),
                                     s.clause});
        }
        if (const Disposition* d = grade.disposition) {
            a.summary = Ground{d->summary, d->clause};
            for (const auto& step : d->steps) a.steps.push_back({step.id, step.text, d->clause});
        }
    } else {
        a.severity = "none";
        a.name = {"不构成任何等级", "no level applies"};
        Text levels;
        for (const auto& level : s.levels) {
            levels.zh += (levels.zh.empty() ? "" : "、") + level.name.zh;
            levels.en += (levels.en.empty() ? "" : ", ") + level.name.en;
        }
        a.grounds.push_back({concat({{"所给事实不构成", "the facts given establish none of: "}, levels,
                                     {"中的任何一种", ""}}),
                             s.clause});
        for (const auto& level : s.levels) a.missing.push_back(missingGround(s, level, a.facts));
    }

    if (in.text) {
        IO_TRY(flag, flagFindingText(policy, *in.text, !a.areas.empty()));
        if (flag) a.textFlag = *flag;
        else a.notes.push_back({{"未使用问题文本：本地文件未列不适用的领域", "the text is not used: the document lists no excluded areas"}, s.clause});
    }
    return a;
}

}  // namespace inspectonce
