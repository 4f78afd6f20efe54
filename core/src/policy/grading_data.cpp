// Parsing "penalties" and "grading" of a county parameter file, with errors that name the
// JSON path and say what was expected: an undeclared fact or level, a clause of another
// county's document, thresholds out of order, an unknown event kind.
#include "policy/grading_data.hpp"

#include <algorithm>
#include <array>

namespace inspectonce {
namespace {

// The record kinds a workspace holds (workspace.cpp validates the same list).
constexpr std::array<std::string_view, 7> kEventKinds{"penalty", "reward", "dishonesty", "complaint",
                                                       "inspection-clean", "inspection-violation", "rectified"};

bool isEventKind(std::string_view kind) {
    return std::find(kEventKinds.begin(), kEventKinds.end(), kind) != kEventKinds.end();
}

std::string eventKindList() {
    std::string out;
    for (auto kind : kEventKinds) out += (out.empty() ? "" : ", ") + std::string(kind);
    return out;
}

template <class Pairs>
bool hasKey(const Pairs& pairs, const std::string& key) {
    return std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == key; });
}

// What a section's readers share: the county's document (its clauses must be its own) and
// the facts declared so far.
struct Context {
    const PolicyData& policy;
    std::vector<std::pair<std::string, Text>> facts;  // severity facts, then penalty facts

    Result<Citation> clause(const json::Cursor& parent, std::string_view key = "clause") const {
        IO_TRY(field, parent.field(key));
        IO_TRY(citation, field.clause());
        if (citation.clause.compare(0, 3, policy.document.seed) != 0)
            return field.fail("a clause of this county's document " + policy.document.seed);
        return citation;
    }
    bool knownFact(const std::string& id) const { return hasKey(facts, id); }
};

Result<std::string> readId(const json::Cursor& parent, std::string_view key = "id") {
    IO_TRY(field, parent.field(key));
    IO_TRY(text, field.string());
    if (!isCountyId(text)) return field.fail("an id of lowercase letters, digits and '-'");
    return text;
}

Result<Text> readText(const json::Cursor& parent, std::string_view key) {
    IO_TRY(field, parent.field(key));
    return field.text();
}

Result<std::optional<Text>> readOptionalText(const json::Cursor& parent, std::string_view key) {
    auto field = parent.optionalField(key);
    if (!field) return std::optional<Text>{};
    IO_TRY(text, field->text());
    return std::optional<Text>{text};
}

Result<Ground> readGround(const Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "text"}));
    IO_TRY(clause, c.clause(at));
    IO_TRY(text, readText(at, "text"));
    return Ground{text, clause};
}

Result<std::vector<std::pair<std::string, Text>>> readNamedTexts(const json::Cursor& at) {
    if (!at.raw().is_object()) return at.fail("an object of id: {\"zh\", \"en\"}");
    std::vector<std::pair<std::string, Text>> out;
    for (const auto& member : at.raw().items()) {
        IO_TRY(field, at.field(member.key()));
        if (!isCountyId(member.key())) return makeError(field.where(), "expected an id of lowercase letters, digits and '-'");
        IO_TRY(text, field.text());
        out.emplace_back(member.key(), text);
    }
    return out;
}

// A list of strings each accepted by `known`; `expected` says what they must be.
template <class Known>
Result<std::vector<std::string>> readNames(const json::Cursor& at, Known known, const std::string& expected) {
    IO_TRY(items, at.items());
    std::vector<std::string> out;
    for (const auto& item : items) {
        IO_TRY(text, item.string());
        if (!known(text)) return item.fail(expected);
        if (std::find(out.begin(), out.end(), text) != out.end()) return makeError(item.where(), "\"" + text + "\" listed twice");
        out.push_back(text);
    }
    return out;
}

Result<CreditGrade> readGrade(const json::Cursor& at) {
    IO_TRY(text, at.string());
    auto grade = parseCreditGrade(text);
    if (!grade) return at.fail("a credit grade \"A\", \"B\", \"C\" or \"D\"");
    return grade.value();
}

Result<std::vector<CreditGrade>> readGrades(const json::Cursor& at) {
    IO_TRY(items, at.items());
    std::vector<CreditGrade> out;
    for (const auto& item : items) {
        IO_TRY(grade, readGrade(item));
        out.push_back(grade);
    }
    return out;
}

Result<int> readYears(const json::Cursor& parent) {
    auto field = parent.optionalField("lookback_years");
    if (!field) return 1;
    IO_TRY(years, field->integer(1, 10));
    return static_cast<int>(years);
}

// ---- Penalties ----

Result<std::vector<PenaltyStep>> readSteps(const Context& c, const json::Cursor& parent, const Citation& defaultClause) {
    std::vector<PenaltyStep> out;
    auto field = parent.optionalField("steps");
    if (!field) return out;
    IO_TRY(items, field->items());
    for (const auto& item : items) {
        IO_CHECK(item.onlyKeys({"id", "text", "clause"}));
        PenaltyStep step;
        IO_TRY(id, readId(item));
        step.id = id;
        IO_TRY(text, readText(item, "text"));
        step.text = text;
        step.clause = defaultClause;
        if (item.has("clause")) {
            IO_TRY(clause, c.clause(item));
            step.clause = clause;
        }
        out.push_back(step);
    }
    return out;
}

Result<PenaltyCondition> readCondition(const Context& c, const json::Cursor& at, const std::vector<PenaltyList>& lists) {
    IO_CHECK(at.onlyKeys({"all_of", "any_of", "none_of", "severity", "list"}));
    PenaltyCondition when;
    auto fact = [&](const std::string& id) { return c.knownFact(id); };
    std::string facts = "a fact declared under /severity/facts or /penalties/facts";
    if (auto f = at.optionalField("all_of")) {
        IO_TRY(v, readNames(*f, fact, facts));
        when.allOf = v;
    }
    if (auto f = at.optionalField("any_of")) {
        IO_TRY(v, readNames(*f, fact, facts));
        when.anyOf = v;
    }
    if (auto f = at.optionalField("none_of")) {
        IO_TRY(v, readNames(*f, fact, facts));
        when.noneOf = v;
    }
    if (auto f = at.optionalField("severity")) {
        const auto& severity = c.policy.severity;
        auto level = [&](const std::string& id) {
            if (id == "excluded" || id == "none") return true;
            return severity && std::any_of(severity->levels.begin(), severity->levels.end(),
                                           [&](const SeverityLevel& l) { return l.id == id; });
        };
        IO_TRY(v, readNames(*f, level, "a level id under /severity/levels, \"excluded\" or \"none\""));
        when.severities = v;
    }
    if (auto f = at.optionalField("list")) {
        IO_TRY(id, f->string());
        if (std::none_of(lists.begin(), lists.end(), [&](const PenaltyList& l) { return l.id == id; }))
            return f->fail("a list id declared under /penalties/lists");
        when.list = id;
    }
    return when;
}

Result<PenaltyRule> readPenaltyRule(const Context& c, const json::Cursor& at, const std::vector<PenaltyList>& lists, bool fallback) {
    IO_CHECK(at.onlyKeys({"id", "name", "clause", "outcome", "when", "text", "steps", "legal_review", "collective_decision",
                          "otherwise", "note"}));
    PenaltyRule r;
    IO_TRY(id, readId(at));
    r.id = id;
    if (auto name = at.optionalField("name")) {
        IO_TRY(text, name->text());
        r.name = text;
    }
    IO_TRY(clause, c.clause(at));
    r.clause = clause;
    IO_TRY(outcome, at.field("outcome"));
    IO_TRY(outcomeText, outcome.string());
    if (outcomeText == "no-penalty") r.outcome = PenaltyOutcome::NoPenalty;
    else if (outcomeText == "no-penalty-if-rectified") r.outcome = PenaltyOutcome::NoPenaltyIfRectified;
    else if (outcomeText == "reduced") r.outcome = PenaltyOutcome::Reduced;
    else if (outcomeText == "lighter") r.outcome = PenaltyOutcome::Lighter;
    else if (outcomeText == "normal") r.outcome = PenaltyOutcome::Normal;
    else return outcome.fail("\"no-penalty\", \"no-penalty-if-rectified\", \"reduced\", \"lighter\" or \"normal\"");
    if (auto when = at.optionalField("when")) {
        if (fallback) return when->fail("no \"when\" on the fallback: it applies when no rule does");
        IO_TRY(condition, readCondition(c, *when, lists));
        r.when = condition;
    } else if (!fallback) {
        return at.fail("a \"when\" saying which violations the rule is for");
    }
    IO_TRY(text, readText(at, "text"));
    r.text = text;
    IO_TRY(steps, readSteps(c, at, r.clause));
    r.steps = steps;
    if (auto f = at.optionalField("legal_review")) {
        IO_TRY(v, f->boolean());
        r.legalReview = v;
    }
    if (auto f = at.optionalField("collective_decision")) {
        IO_TRY(v, f->boolean());
        r.collectiveDecision = v;
    }
    IO_TRY(otherwise, readOptionalText(at, "otherwise"));
    r.otherwise = otherwise;
    if (r.otherwise.has_value() != (r.outcome == PenaltyOutcome::NoPenaltyIfRectified))
        return at.fail("\"otherwise\" exactly when the outcome is \"no-penalty-if-rectified\"");
    IO_TRY(note, readOptionalText(at, "note"));
    r.note = note;
    return r;
}

Result<PenaltyList> readPenaltyList(const Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "name", "clause", "matters", "note"}));
    PenaltyList list;
    IO_TRY(id, readId(at));
    list.id = id;
    IO_TRY(name, readText(at, "name"));
    list.name = name;
    IO_TRY(clause, c.clause(at));
    list.clause = clause;
    IO_TRY(matters, at.field("matters"));
    IO_TRY(items, matters.items());
    for (const auto& item : items) {
        IO_CHECK(item.onlyKeys({"id", "name", "needs", "example"}));
        PenaltyMatter m;
        IO_TRY(matterId, readId(item));
        m.id = matterId;
        IO_TRY(matterName, readText(item, "name"));
        m.name = matterName;
        if (auto needs = item.optionalField("needs")) {
            IO_TRY(v, readNames(*needs, [&](const std::string& f) { return c.knownFact(f); }, "a fact declared under /penalties/facts"));
            m.needs = v;
        }
        if (auto example = item.optionalField("example")) {
            IO_TRY(v, example->boolean());
            m.example = v;
        }
        list.matters.push_back(m);
    }
    IO_TRY(note, readOptionalText(at, "note"));
    list.note = note;
    return list;
}

Result<PenaltyRules> readPenalties(Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"covered", "facts", "exclusive", "lists", "rules", "fallback", "additions", "hardship", "consistency", "note"}));
    PenaltyRules p;
    if (auto f = at.optionalField("covered")) {
        IO_TRY(v, f->boolean());
        p.covered = v;
    }
    if (auto f = at.optionalField("facts")) {
        IO_TRY(facts, readNamedTexts(*f));
        for (const auto& fact : facts)
            if (c.knownFact(fact.first)) return makeError(f->where() + "/" + fact.first, "already declared under /severity/facts");
        p.facts = facts;
        c.facts.insert(c.facts.end(), facts.begin(), facts.end());
    }
    if (auto f = at.optionalField("exclusive")) {
        IO_TRY(pairs, f->items());
        for (const auto& pair : pairs) {
            IO_TRY(v, readNames(pair, [&](const std::string& id) { return c.knownFact(id); }, "a declared fact"));
            if (v.size() != 2) return pair.fail("two facts that cannot both hold");
            p.exclusive.emplace_back(v[0], v[1]);
        }
    }
    if (auto f = at.optionalField("lists")) {
        IO_TRY(items, f->items());
        for (const auto& item : items) {
            IO_TRY(list, readPenaltyList(c, item));
            if (std::any_of(p.lists.begin(), p.lists.end(), [&](const PenaltyList& l) { return l.id == list.id; }))
                return makeError(item.where(), "duplicate list id \"" + list.id + "\"");
            for (const auto& m : list.matters)
                for (const auto& other : p.lists)
                    if (std::any_of(other.matters.begin(), other.matters.end(), [&](const PenaltyMatter& o) { return o.id == m.id; }))
                        return makeError(item.where(), "matter \"" + m.id + "\" is also on list \"" + other.id + "\"");
            p.lists.push_back(list);
        }
    }
    if (auto f = at.optionalField("rules")) {
        IO_TRY(items, f->items());
        for (const auto& item : items) {
            IO_TRY(rule, readPenaltyRule(c, item, p.lists, false));
            if (std::any_of(p.rules.begin(), p.rules.end(), [&](const PenaltyRule& r) { return r.id == rule.id; }))
                return makeError(item.where(), "duplicate rule id \"" + rule.id + "\"");
            p.rules.push_back(rule);
        }
    }
    IO_TRY(fallback, at.field("fallback"));
    IO_TRY(fallbackRule, readPenaltyRule(c, fallback, p.lists, true));
    p.fallback = fallbackRule;
    if (!p.covered && !p.rules.empty()) return at.fail("no \"rules\" where \"covered\" is false (the document sets none)");
    if (auto f = at.optionalField("additions")) {
        IO_TRY(items, f->items());
        for (const auto& item : items) {
            IO_CHECK(item.onlyKeys({"id", "clause", "when", "steps"}));
            PenaltyAddition a;
            IO_TRY(id, readId(item));
            a.id = id;
            IO_TRY(clause, c.clause(item));
            a.clause = clause;
            IO_TRY(when, item.field("when"));
            IO_TRY(condition, readCondition(c, when, p.lists));
            a.when = condition;
            IO_TRY(steps, readSteps(c, item, a.clause));
            if (steps.empty()) return item.fail("at least one step");
            a.steps = steps;
            p.additions.push_back(a);
        }
    }
    if (auto f = at.optionalField("hardship")) {
        IO_CHECK(f->onlyKeys({"fact", "clause", "text"}));
        HardshipRule h;
        IO_TRY(fact, f->field("fact"));
        IO_TRY(factId, fact.string());
        if (!c.knownFact(factId)) return fact.fail("a fact declared under /penalties/facts");
        h.fact = factId;
        IO_TRY(clause, c.clause(*f));
        h.clause = clause;
        IO_TRY(text, readText(*f, "text"));
        h.text = text;
        p.hardship = h;
    }
    if (auto f = at.optionalField("consistency")) {
        IO_TRY(ground, readGround(c, *f));
        p.consistency = ground;
    }
    IO_TRY(note, readOptionalText(at, "note"));
    p.note = note;
    return p;
}

// ---- Grading ----

Result<std::vector<std::string>> readEventKinds(const json::Cursor& at) {
    return readNames(at, [](const std::string& k) { return isEventKind(k); }, "an event kind (" + eventKindList() + ")");
}

Result<PortraitRules> readPortrait(const Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "lookback_years", "base", "points", "thresholds", "at_best_after", "at_best_on_list",
                          "consequences", "rise", "note"}));
    PortraitRules r;
    IO_TRY(clause, c.clause(at));
    r.clause = clause;
    IO_TRY(years, readYears(at));
    r.lookbackYears = years;
    IO_TRY(base, at.field("base"));
    IO_TRY(baseValue, base.integer(0, 1000));
    r.base = static_cast<int>(baseValue);
    IO_TRY(points, at.field("points"));
    if (!points.raw().is_object()) return points.fail("an object of event kind: points");
    for (const auto& member : points.raw().items()) {
        IO_TRY(field, points.field(member.key()));
        if (!isEventKind(member.key())) return makeError(field.where(), "expected an event kind (" + eventKindList() + ")");
        IO_TRY(value, field.integer(-1000, 1000));
        r.points.emplace_back(member.key(), static_cast<int>(value));
    }
    IO_TRY(thresholds, at.field("thresholds"));
    IO_CHECK(thresholds.onlyKeys({"A", "B", "C"}));
    int* slots[] = {&r.thresholdA, &r.thresholdB, &r.thresholdC};
    const char* names[] = {"A", "B", "C"};
    for (int i = 0; i < 3; ++i) {
        IO_TRY(field, thresholds.field(names[i]));
        IO_TRY(value, field.integer(-10000, 10000));
        *slots[i] = static_cast<int>(value);
    }
    if (!(r.thresholdA > r.thresholdB && r.thresholdB > r.thresholdC))
        return thresholds.fail("thresholds with A > B > C");
    if (auto f = at.optionalField("at_best_after")) {
        if (!f->raw().is_object()) return f->fail("an object of event kind: grade");
        for (const auto& member : f->raw().items()) {
            IO_TRY(field, f->field(member.key()));
            if (!isEventKind(member.key())) return makeError(field.where(), "expected an event kind (" + eventKindList() + ")");
            IO_TRY(grade, readGrade(field));
            r.atBestAfter.emplace_back(member.key(), grade);
        }
    }
    if (auto f = at.optionalField("at_best_on_list")) {
        if (!f->raw().is_object()) return f->fail("an object of enterprise list: grade");
        for (const auto& member : f->raw().items()) {
            IO_TRY(field, f->field(member.key()));
            if (!isCountyId(member.key())) return makeError(field.where(), "expected a list name such as \"serious-dishonesty\"");
            IO_TRY(grade, readGrade(field));
            r.atBestOnList.emplace_back(member.key(), grade);
        }
    }
    IO_TRY(consequences, at.field("consequences"));
    IO_CHECK(consequences.onlyKeys({"A", "B", "C", "D"}));
    const char* all[] = {"A", "B", "C", "D"};
    for (std::size_t i = 0; i < 4; ++i) {
        IO_TRY(text, readText(consequences, all[i]));
        r.consequences[i] = text;
    }
    if (auto f = at.optionalField("rise")) {
        IO_CHECK(f->onlyKeys({"clause", "grades", "within_periods", "by_grades"}));
        PortraitRules::Rise rise;
        IO_TRY(riseClause, c.clause(*f));
        rise.clause = riseClause;
        IO_TRY(grades, f->field("grades"));
        IO_TRY(gradeList, readGrades(grades));
        if (gradeList.empty()) return grades.fail("at least one grade");
        for (auto g : gradeList)
            if (g == CreditGrade::A) return grades.fail("grades that can rise (B, C or D)");
        rise.grades = gradeList;
        IO_TRY(within, f->field("within_periods"));
        IO_TRY(withinValue, within.integer(1, 10));
        rise.withinPeriods = static_cast<int>(withinValue);
        IO_TRY(by, f->field("by_grades"));
        IO_TRY(byValue, by.integer(1, 3));
        rise.byGrades = static_cast<int>(byValue);
        r.rise = rise;
    }
    IO_TRY(note, readOptionalText(at, "note"));
    r.note = note;
    return r;
}

Result<WhiteListRules> readWhiteList(const Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "list", "gives", "grades", "none_of", "lookback_years", "key_industries", "key_supervision", "note"}));
    WhiteListRules w;
    IO_TRY(clause, c.clause(at));
    w.clause = clause;
    if (auto f = at.optionalField("list")) {
        IO_TRY(list, f->string());
        if (!isCountyId(list)) return f->fail("a list name such as \"white-list\"");
        w.list = list;
    }
    IO_TRY(gives, readText(at, "gives"));
    w.gives = gives;
    IO_TRY(grades, at.field("grades"));
    IO_TRY(gradeList, readGrades(grades));
    w.grades = gradeList;
    if (auto f = at.optionalField("none_of")) {
        IO_TRY(kinds, readEventKinds(*f));
        w.noneOf = kinds;
    }
    IO_TRY(years, readYears(at));
    w.lookbackYears = years;
    if (auto f = at.optionalField("key_industries")) {
        IO_TRY(industries, readNames(*f, [](const std::string& s) { return !s.empty(); }, "an industry name"));
        w.keyIndustries = industries;
    }
    if (auto f = at.optionalField("key_supervision")) {
        IO_TRY(ground, readGround(c, *f));
        w.keySupervision = ground;
    }
    if (!w.keyIndustries.empty() && !w.keySupervision) return at.fail("\"key_supervision\" saying what key industries keep");
    IO_TRY(note, readOptionalText(at, "note"));
    w.note = note;
    return w;
}

Result<CreditRiskRules> readCreditRisk(const Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "raise_on", "lookback_years", "lower_gives", "note"}));
    if (!c.policy.sampling) return at.fail("a \"sampling\" section first: credit risk classes set its ratios");
    CreditRiskRules r;
    IO_TRY(clause, c.clause(at));
    r.clause = clause;
    if (auto f = at.optionalField("raise_on")) {
        IO_TRY(kinds, readEventKinds(*f));
        r.raiseOn = kinds;
    }
    IO_TRY(years, readYears(at));
    r.lookbackYears = years;
    IO_TRY(lower, readOptionalText(at, "lower_gives"));
    r.lowerGives = lower;
    IO_TRY(note, readOptionalText(at, "note"));
    r.note = note;
    return r;
}

Result<GradingRules> readGrading(const Context& c, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"findings", "none", "portrait", "white_list", "credit_risk"}));
    GradingRules g;
    if (auto f = at.optionalField("findings")) {
        if (c.policy.severity) return f->fail("no \"findings\" statement: this county grades findings under /severity");
        IO_TRY(ground, readGround(c, *f));
        g.findings = ground;
    }
    if (auto f = at.optionalField("portrait")) {
        IO_TRY(portrait, readPortrait(c, *f));
        g.portrait = portrait;
    }
    if (auto f = at.optionalField("white_list")) {
        IO_TRY(whiteList, readWhiteList(c, *f));
        g.whiteList = whiteList;
    }
    if (auto f = at.optionalField("credit_risk")) {
        IO_TRY(risk, readCreditRisk(c, *f));
        g.creditRisk = risk;
    }
    if (auto f = at.optionalField("none")) {
        if (g.portrait || g.whiteList || g.creditRisk) return f->fail("no \"none\" statement next to grading rules");
        IO_TRY(ground, readGround(c, *f));
        g.none = ground;
    }
    if (!g.none && !g.portrait && !g.whiteList && !g.creditRisk)
        return at.fail("a grading rule (\"portrait\", \"white_list\", \"credit_risk\") or a \"none\" statement");
    return g;
}

}  // namespace

Status readGradingSections(const json::Cursor& root, PolicyData& policy) {
    Context context{policy, policy.severity ? policy.severity->facts : std::vector<std::pair<std::string, Text>>{}};
    if (auto penalties = root.optionalField("penalties")) {
        IO_TRY(value, readPenalties(context, *penalties));
        policy.penalties = value;
    }
    if (auto grading = root.optionalField("grading")) {
        IO_TRY(value, readGrading(context, *grading));
        policy.grading = value;
    }
    return Ok{};
}

}  // namespace inspectonce
