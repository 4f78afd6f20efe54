// Parsing and validating a county parameter file (policies/<county>.json).
#include "inspectonce/policy.hpp"

#include <algorithm>
#include <cctype>

#include "inspectonce/exceptions.hpp"

#include "json/json_reader.hpp"
#include "policy/classifier_hints.hpp"
#include "policy/grading_data.hpp"
#include "policy/workflow_data.hpp"

namespace inspectonce {
namespace {

Result<std::optional<Date>> readOptionalDate(const json::Cursor& parent, std::string_view key) {
    auto field = parent.optionalField(key);
    if (!field) return std::optional<Date>{};
    IO_TRY(date, field->date());
    return std::optional<Date>{date};
}

Result<PolicyDocument> readDocument(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"seed", "file", "number", "title", "issued", "in_force_from", "in_force_until", "in_force_clause"}));
    PolicyDocument doc;
    IO_TRY(seed, at.field("seed"));
    IO_TRY(seedText, seed.string());
    if (seedText.size() != 3) return seed.fail("a three-digit seed number such as \"004\"");
    doc.seed = seedText;
    IO_TRY(file, at.field("file"));
    IO_TRY(fileText, file.string());
    if (fileText.rfind(seedText + "_", 0) != 0) return file.fail("a seed file name starting with \"" + seedText + "_\"");
    doc.file = fileText;
    if (auto number = at.optionalField("number")) {
        IO_TRY(numberText, number->string());
        doc.number = numberText;
    }
    IO_TRY(title, at.field("title"));
    IO_TRY(titleText, title.text());
    doc.title = titleText;
    IO_TRY(issued, readOptionalDate(at, "issued"));
    IO_TRY(from, readOptionalDate(at, "in_force_from"));
    IO_TRY(until, readOptionalDate(at, "in_force_until"));
    doc.issued = issued;
    doc.inForceFrom = from;
    doc.inForceUntil = until;
    if (auto clause = at.optionalField("in_force_clause")) {
        IO_TRY(citation, clause->clause());
        doc.inForceClause = citation;
    }
    if (from && until && *until < *from)
        return makeError(at.where(), "in_force_until " + until->iso() + " is before in_force_from " + from->iso());
    return doc;
}

Result<MonthlyPeriod> readPeriod(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"dekad", "week", "first_week", "days"}));
    MonthlyPeriod period;
    int kinds = at.has("dekad") + at.has("week") + at.has("days");
    if (kinds != 1) return at.fail("exactly one of \"dekad\", \"week\" or \"days\"");
    if (auto dekad = at.optionalField("dekad")) {
        IO_TRY(value, dekad->integer(1, 3));
        period.kind = MonthlyPeriod::Kind::Dekad;
        period.dekad = static_cast<Dekad>(value);
    } else if (auto week = at.optionalField("week")) {
        IO_TRY(value, week->integer(1, 4));
        period.kind = MonthlyPeriod::Kind::NthWeek;
        period.week = static_cast<int>(value);
        if (auto rule = at.optionalField("first_week")) {
            IO_TRY(ruleText, rule->string());
            if (ruleText == "iso") period.firstWeek = FirstWeekRule::Iso;
            else if (ruleText == "contains-day-1") period.firstWeek = FirstWeekRule::ContainsFirstDay;
            else return rule->fail("\"iso\" or \"contains-day-1\"");
        }
    } else {
        IO_TRY(days, at.field("days"));
        IO_TRY(bounds, days.items());
        if (bounds.size() != 2) return days.fail("[first day, last day]");
        IO_TRY(first, bounds[0].integer(1, 31));
        IO_TRY(last, bounds[1].integer(first, 31));
        period.kind = MonthlyPeriod::Kind::DayRange;
        period.fromDay = static_cast<int>(first);
        period.toDay = static_cast<int>(last);
    }
    if (at.has("first_week") && period.kind != MonthlyPeriod::Kind::NthWeek)
        return at.fail("\"first_week\" only together with \"week\"");
    return period;
}

Result<std::optional<Text>> readOptionalText(const json::Cursor& parent, std::string_view key) {
    auto field = parent.optionalField(key);
    if (!field) return std::optional<Text>{};
    IO_TRY(text, field->text());
    return std::optional<Text>{text};
}

Result<std::string> readId(const json::Cursor& parent, std::string_view key = "id") {
    IO_TRY(field, parent.field(key));
    IO_TRY(text, field.string());
    if (!isCountyId(text)) return field.fail("an id of lowercase letters, digits and '-'");
    return text;
}

Result<CreditGrade> readGrade(const json::Cursor& at) {
    IO_TRY(text, at.string());
    auto grade = parseCreditGrade(text);
    if (!grade) return at.fail("a credit grade \"A\", \"B\", \"C\" or \"D\"");
    return grade.value();
}

// A list of strings, each turned into a value by `parse`; `expected` names them in errors.
template <class T, class Parse>
Result<std::vector<T>> readList(const json::Cursor& at, Parse parse, const std::string& expected) {
    IO_TRY(items, at.items());
    std::vector<T> out;
    for (const auto& item : items) {
        IO_TRY(text, item.string());
        auto value = parse(text);
        if (!value) return item.fail(expected);
        out.push_back(value.value());
    }
    return out;
}

Result<std::vector<std::string>> readStrings(const json::Cursor& at) {
    return readList<std::string>(at, [](const std::string& s) { return Result<std::string>(s); }, "a string");
}

Result<Applicability> readApplicability(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"kinds", "methods", "levels", "grades", "lists", "joint"}));
    Applicability a;
    if (auto f = at.optionalField("kinds")) {
        IO_TRY(v, (readList<InspectionKind>(*f, parseInspectionKind, "\"inspection\", \"survey\", \"guidance\" or \"leader-visit\"")));
        a.kinds = v;
    }
    if (auto f = at.optionalField("methods")) {
        IO_TRY(v, (readList<Method>(*f, parseMethod, "\"on-site\" or \"non-site\"")));
        a.methods = v;
    }
    if (auto f = at.optionalField("levels")) {
        IO_TRY(v, (readList<DepartmentLevel>(*f, parseDepartmentLevel, "\"province\", \"city\", \"county\" or \"town\"")));
        a.levels = v;
    }
    if (auto f = at.optionalField("grades")) {
        IO_TRY(v, (readList<CreditGrade>(*f, parseCreditGrade, "a credit grade \"A\", \"B\", \"C\" or \"D\"")));
        a.grades = v;
    }
    if (auto f = at.optionalField("lists")) {
        IO_TRY(v, readStrings(*f));
        a.lists = v;
    }
    if (auto f = at.optionalField("joint")) {
        IO_TRY(v, f->boolean());
        a.joint = v;
    }
    return a;
}

Result<Strength> readStrength(const json::Cursor& at) {
    IO_TRY(text, at.string());
    if (text == "must") return Strength::Must;
    if (text == "should") return Strength::Should;
    return at.fail("\"must\" or \"should\"");
}

Result<Due> readDue(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"anchor", "working_days", "calendar_days"}));
    Due due;
    IO_TRY(anchor, at.field("anchor"));
    IO_TRY(anchorText, anchor.string());
    if (anchorText == "before") due.anchor = Due::Anchor::Before;
    else if (anchorText == "after") due.anchor = Due::Anchor::After;
    else if (anchorText == "during") due.anchor = Due::Anchor::During;
    else return anchor.fail("\"before\", \"after\" or \"during\"");
    if (at.has("working_days") && at.has("calendar_days")) return at.fail("at most one of \"working_days\" and \"calendar_days\"");
    if (auto f = at.optionalField("working_days")) {
        IO_TRY(n, f->integer(0, 60));
        due.workingDays = static_cast<int>(n);
    }
    if (auto f = at.optionalField("calendar_days")) {
        IO_TRY(n, f->integer(0, 90));
        due.calendarDays = static_cast<int>(n);
    }
    if (due.anchor == Due::Anchor::During && (due.workingDays || due.calendarDays))
        return at.fail("no day count with \"during\"");
    return due;
}

Result<ObligationRule> readObligation(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "text", "clause", "due", "checks", "strength", "note", "applies_to"}));
    ObligationRule o;
    IO_TRY(id, readId(at));
    o.id = id;
    IO_TRY(text, at.field("text"));
    IO_TRY(textValue, text.text());
    o.text = textValue;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    o.clause = citation;
    if (auto due = at.optionalField("due")) {
        IO_TRY(dueValue, readDue(*due));
        o.due = dueValue;
    }
    if (auto checks = at.optionalField("checks")) {
        IO_TRY(checksText, checks->string());
        if (checksText == "notice_date") o.checks = ObligationRule::Checks::NoticeDate;
        else if (checksText == "filing_date") o.checks = ObligationRule::Checks::FilingDate;
        else return checks->fail("\"notice_date\" or \"filing_date\"");
    }
    if (auto strength = at.optionalField("strength")) {
        IO_TRY(value, readStrength(*strength));
        o.strength = value;
    }
    IO_TRY(note, readOptionalText(at, "note"));
    o.note = note;
    if (auto f = at.optionalField("applies_to")) {
        IO_TRY(a, readApplicability(*f));
        o.appliesTo = a;
    }
    return o;
}

Result<std::vector<ObligationRule>> readObligations(const json::Cursor& at) {
    IO_TRY(items, at.items());
    std::vector<ObligationRule> out;
    for (const auto& item : items) {
        IO_TRY(o, readObligation(item));
        out.push_back(o);
    }
    return out;
}

Result<ExceptionClause> readExceptionClause(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "allowed", "obliges", "note"}));
    ExceptionClause e;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    e.clause = citation;
    IO_TRY(allowed, at.field("allowed"));
    IO_TRY(items, allowed.items());
    for (const auto& item : items) {
        IO_TRY(id, item.string());
        auto known = parseException(id);
        if (!known) return makeError(item.where(), known.error().why);
        if (std::find(e.allowed.begin(), e.allowed.end(), id) != e.allowed.end())
            return makeError(item.where(), "exception \"" + id + "\" listed twice");
        e.allowed.push_back(id);
    }
    if (auto obliges = at.optionalField("obliges")) {
        IO_TRY(list, readObligations(*obliges));
        e.obliges = list;
    }
    IO_TRY(note, readOptionalText(at, "note"));
    e.note = note;
    return e;
}

Result<BlackoutRule> readBlackout(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "name", "period", "clause", "rule", "forbids", "necessary", "exceptions", "extensions"}));
    BlackoutRule rule;
    IO_TRY(id, at.field("id"));
    IO_TRY(idText, id.string());
    rule.id = idText;
    IO_TRY(name, at.field("name"));
    IO_TRY(nameText, name.text());
    rule.name = nameText;
    IO_TRY(period, at.field("period"));
    IO_TRY(periodValue, readPeriod(period));
    rule.period = periodValue;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    rule.clause = citation;
    IO_TRY(ruleField, at.field("rule"));
    IO_TRY(ruleText, ruleField.text());
    rule.rule = ruleText;
    if (auto forbids = at.optionalField("forbids")) {
        IO_TRY(applicability, readApplicability(*forbids));
        rule.forbids = applicability;
    }
    if (auto necessary = at.optionalField("necessary")) {
        IO_TRY(list, readObligations(*necessary));
        rule.necessary = list;
    }
    if (auto exceptions = at.optionalField("exceptions")) {
        IO_TRY(clauseValue, readExceptionClause(*exceptions));
        rule.exceptions = clauseValue;
    }
    if (auto extensions = at.optionalField("extensions")) {
        IO_TRY(items, extensions->items());
        for (const auto& item : items) {
            IO_CHECK(item.onlyKeys({"grade", "days_before", "clause", "note"}));
            BlackoutExtension extension;
            IO_TRY(grade, item.field("grade"));
            IO_TRY(gradeValue, readGrade(grade));
            extension.grade = gradeValue;
            IO_TRY(days, item.field("days_before"));
            IO_TRY(daysValue, days.integer(0, 20));
            extension.daysBefore = static_cast<int>(daysValue);
            IO_TRY(extClause, item.field("clause"));
            IO_TRY(extCitation, extClause.clause());
            extension.clause = extCitation;
            IO_TRY(note, readOptionalText(item, "note"));
            extension.note = note;
            rule.extensions.push_back(extension);
        }
    }
    return rule;
}

Result<PolicyRule::Type> readRuleType(const json::Cursor& at) {
    IO_TRY(text, at.string());
    static const std::pair<const char*, PolicyRule::Type> types[] = {
        {"obligation", PolicyRule::Type::Obligation}, {"cap", PolicyRule::Type::Cap},
        {"exempt", PolicyRule::Type::Exempt},         {"no-repeat", PolicyRule::Type::NoRepeat},
        {"cross-level", PolicyRule::Type::CrossLevel}, {"non-site-first", PolicyRule::Type::NonSiteFirst},
        {"merge", PolicyRule::Type::Merge},           {"inform", PolicyRule::Type::Inform}};
    for (const auto& [name, type] : types)
        if (text == name) return type;
    return at.fail("a rule type: obligation, cap, exempt, no-repeat, cross-level, non-site-first, merge or inform");
}

Result<PolicyRule> readRule(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"type", "id", "name", "clause", "rule", "applies_to", "exceptions", "note", "obligation", "max",
                          "unified", "same_department", "window_days"}));
    PolicyRule r;
    IO_TRY(type, at.field("type"));
    IO_TRY(typeValue, readRuleType(type));
    r.type = typeValue;
    IO_TRY(id, readId(at));
    r.id = id;
    IO_TRY(name, at.field("name"));
    IO_TRY(nameText, name.text());
    r.name = nameText;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    r.clause = citation;
    IO_TRY(ruleField, at.field("rule"));
    IO_TRY(ruleText, ruleField.text());
    r.rule = ruleText;
    if (auto f = at.optionalField("applies_to")) {
        IO_TRY(a, readApplicability(*f));
        r.appliesTo = a;
    }
    if (auto f = at.optionalField("exceptions")) {
        IO_TRY(e, readExceptionClause(*f));
        r.exceptions = e;
    }
    IO_TRY(note, readOptionalText(at, "note"));
    r.note = note;

    using T = PolicyRule::Type;
    auto only = [&](std::string_view key, bool allowed, const char* types) -> Status {
        if (at.has(key) && !allowed)
            return makeError(at.where(), "field \"" + std::string(key) + "\" only with type " + types);
        if (!at.has(key) && allowed) return makeError(at.where(), "missing required field \"" + std::string(key) + "\"");
        return Ok{};
    };
    IO_CHECK(only("obligation", r.type == T::Obligation, "obligation"));
    IO_CHECK(only("max", r.type == T::Cap, "cap"));
    IO_CHECK(only("window_days", r.type == T::Merge, "merge"));
    IO_CHECK(only("same_department", r.type == T::Merge, "merge"));
    if (at.has("unified") && r.type != T::NoRepeat) return makeError(at.where(), "field \"unified\" only with type no-repeat");
    if (r.exceptions && (r.type == T::Merge || r.type == T::Inform))
        return makeError(at.where(), "field \"exceptions\" only with a rule that refuses or obliges");

    if (auto f = at.optionalField("obligation")) {
        IO_TRY(o, readObligation(*f));
        r.obligation = o;
    }
    if (auto f = at.optionalField("max")) {
        IO_TRY(n, f->integer(0, 100));
        r.max = static_cast<int>(n);
    }
    if (auto f = at.optionalField("unified")) {
        IO_TRY(v, f->boolean());
        r.unified = v;
    }
    if (auto f = at.optionalField("same_department")) {
        IO_TRY(v, f->boolean());
        r.sameDepartment = v;
    }
    if (auto f = at.optionalField("window_days")) {
        IO_TRY(n, f->integer(1, 366));
        r.windowDays = static_cast<int>(n);
    }
    return r;
}

Result<SamplingRules> readSampling(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "by_grade", "note", "fewer_repeats_clause"}));
    SamplingRules s;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    s.clause = citation;
    if (auto fewer = at.optionalField("fewer_repeats_clause")) {
        IO_TRY(fewerClause, fewer->clause());
        s.fewerRepeats = fewerClause;
    }
    IO_TRY(note, readOptionalText(at, "note"));
    s.note = note;
    IO_TRY(byGrade, at.field("by_grade"));
    IO_TRY(items, byGrade.items());
    for (const auto& item : items) {
        IO_CHECK(item.onlyKeys({"grade", "level", "percent", "text"}));
        SamplingRule rule;
        IO_TRY(grade, item.field("grade"));
        IO_TRY(gradeValue, readGrade(grade));
        rule.grade = gradeValue;
        for (const auto& existing : s.byGrade)
            if (existing.grade == rule.grade) return grade.fail("each grade once");
        IO_TRY(level, item.field("level"));
        IO_TRY(levelText, level.string());
        if (levelText == "lower") rule.level = SamplingRule::Level::Lower;
        else if (levelText == "normal") rule.level = SamplingRule::Level::Normal;
        else if (levelText == "higher") rule.level = SamplingRule::Level::Higher;
        else return level.fail("\"lower\", \"normal\" or \"higher\"");
        if (auto percent = item.optionalField("percent")) {
            IO_TRY(p, percent->integer(0, 100));
            rule.percent = static_cast<int>(p);
        }
        IO_TRY(text, item.field("text"));
        IO_TRY(textValue, text.text());
        rule.text = textValue;
        s.byGrade.push_back(rule);
    }
    return s;
}

Result<CategoryList> readCategories(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "items"}));
    CategoryList list;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    list.clause = citation;
    IO_TRY(itemsField, at.field("items"));
    IO_TRY(items, itemsField.items());
    for (const auto& item : items) {
        IO_CHECK(item.onlyKeys({"id", "name", "clause", "examples"}));
        Category c;
        IO_TRY(id, readId(item));
        for (const auto& existing : list.items)
            if (existing.id == id) return makeError(item.where(), "duplicate category id \"" + id + "\"");
        c.id = id;
        IO_TRY(name, item.field("name"));
        IO_TRY(nameText, name.text());
        c.name = nameText;
        IO_TRY(itemClause, item.field("clause"));
        IO_TRY(itemCitation, itemClause.clause());
        c.clause = itemCitation;
        IO_TRY(examples, item.field("examples"));
        IO_TRY(examplesText, examples.text());
        c.examples = examplesText;
        list.items.push_back(c);
    }
    return list;
}

Result<std::vector<std::pair<std::string, Text>>> readNamedTexts(const json::Cursor& at) {
    if (!at.raw().is_object()) return at.fail("an object of id: {\"zh\", \"en\"}");
    std::vector<std::pair<std::string, Text>> out;
    for (const auto& [key, value] : at.raw().items()) {
        (void)value;
        IO_TRY(field, at.field(key));
        if (!isCountyId(key)) return makeError(field.where(), "expected an id of lowercase letters, digits and '-'");
        IO_TRY(text, field.text());
        out.emplace_back(key, text);
    }
    return out;
}

Result<SeverityRules> readSeverity(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"clause", "facts", "levels", "precedence", "outside"}));
    SeverityRules s;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    s.clause = citation;
    IO_TRY(facts, at.field("facts"));
    IO_TRY(factList, readNamedTexts(facts));
    s.facts = factList;
    auto knownFact = [&](const std::string& id) {
        return std::any_of(s.facts.begin(), s.facts.end(), [&](const auto& f) { return f.first == id; });
    };
    IO_TRY(levels, at.field("levels"));
    IO_TRY(levelItems, levels.items());
    for (const auto& item : levelItems) {
        IO_CHECK(item.onlyKeys({"id", "name", "clause", "all_of", "any_of"}));
        SeverityLevel level;
        IO_TRY(id, readId(item));
        level.id = id;
        IO_TRY(name, item.field("name"));
        IO_TRY(nameText, name.text());
        level.name = nameText;
        IO_TRY(levelClause, item.field("clause"));
        IO_TRY(levelCitation, levelClause.clause());
        level.clause = levelCitation;
        for (const char* key : {"all_of", "any_of"}) {
            auto f = item.optionalField(key);
            if (!f) continue;
            IO_TRY(list, f->items());
            for (const auto& factItem : list) {
                IO_TRY(fact, factItem.string());
                if (!knownFact(fact)) return factItem.fail("a fact declared under /facts");
                (std::string_view(key) == "all_of" ? level.allOf : level.anyOf).push_back(fact);
            }
        }
        if (level.allOf.empty() && level.anyOf.empty()) return item.fail("\"all_of\" or \"any_of\" with at least one fact");
        s.levels.push_back(level);
    }
    IO_TRY(precedence, at.field("precedence"));
    IO_TRY(order, precedence.items());
    for (const auto& item : order) {
        IO_TRY(id, item.string());
        if (std::none_of(s.levels.begin(), s.levels.end(), [&](const SeverityLevel& l) { return l.id == id; }))
            return item.fail("a level id declared under /levels");
        s.precedence.push_back(id);
    }
    if (s.precedence.size() != s.levels.size())
        return precedence.fail("every level id once (" + std::to_string(s.levels.size()) + " levels)");
    if (auto outside = at.optionalField("outside")) {
        IO_CHECK(outside->onlyKeys({"clause", "areas"}));
        IO_TRY(outsideClause, outside->field("clause"));
        IO_TRY(outsideCitation, outsideClause.clause());
        s.outsideClause = outsideCitation;
        IO_TRY(areas, outside->field("areas"));
        IO_TRY(areaList, readNamedTexts(areas));
        s.outsideAreas = areaList;
    }
    return s;
}

Result<Disposition> readDisposition(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"severity", "clause", "summary", "steps"}));
    Disposition d;
    IO_TRY(severity, readId(at, "severity"));
    d.severity = severity;
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    d.clause = citation;
    IO_TRY(summary, at.field("summary"));
    IO_TRY(summaryText, summary.text());
    d.summary = summaryText;
    IO_TRY(steps, at.field("steps"));
    IO_TRY(items, steps.items());
    for (const auto& item : items) {
        IO_CHECK(item.onlyKeys({"id", "text"}));
        IO_TRY(id, readId(item));
        IO_TRY(text, item.field("text"));
        IO_TRY(textValue, text.text());
        d.steps.push_back({id, textValue});
    }
    return d;
}

Result<YearlyTarget> readTarget(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"year", "metric", "name", "min_percent", "strength", "clause"}));
    YearlyTarget t;
    IO_TRY(year, at.field("year"));
    IO_TRY(yearValue, year.integer(2000, 2100));
    t.year = static_cast<int>(yearValue);
    IO_TRY(metric, readId(at, "metric"));
    t.metric = metric;
    IO_TRY(name, at.field("name"));
    IO_TRY(nameText, name.text());
    t.name = nameText;
    IO_TRY(min, at.field("min_percent"));
    IO_TRY(minValue, min.integer(0, 100));
    t.minPercent = static_cast<int>(minValue);
    if (auto strength = at.optionalField("strength")) {
        IO_TRY(value, readStrength(*strength));
        t.strength = value;
    }
    IO_TRY(clause, at.field("clause"));
    IO_TRY(citation, clause.clause());
    t.clause = citation;
    return t;
}

}  // namespace

bool isCountyId(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    return true;
}

bool PolicyDocument::inForceOn(Date day) const {
    if (inForceFrom && day < *inForceFrom) return false;
    if (inForceUntil && *inForceUntil < day) return false;
    return true;
}

Result<PolicyData> PolicyData::fromJson(std::string_view text, const std::string& source) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    IO_CHECK(root.onlyKeys({"schema", "county", "name", "region", "document", "blackouts", "rules", "sampling",
                            "demand_categories", "complaint_categories", "severity", "dispositions", "targets",
                            "classifier_hints", "penalties", "grading", "workflows"}));
    IO_TRY(schema, root.field("schema"));
    IO_TRY(schemaVersion, schema.integer(2, 2));
    (void)schemaVersion;

    PolicyData policy;
    IO_TRY(county, root.field("county"));
    IO_TRY(countyId, county.string());
    if (!isCountyId(countyId)) return county.fail("a county id of lowercase letters, digits and '-'");
    policy.county = countyId;
    IO_TRY(name, root.field("name"));
    IO_TRY(nameText, name.text());
    policy.name = nameText;
    IO_TRY(region, root.field("region"));
    IO_TRY(regionText, region.text());
    policy.region = regionText;
    IO_TRY(doc, root.field("document"));
    IO_TRY(docValue, readDocument(doc));
    policy.document = docValue;

    if (auto blackouts = root.optionalField("blackouts")) {
        IO_TRY(items, blackouts->items());
        for (const auto& item : items) {
            IO_TRY(rule, readBlackout(item));
            for (const auto& existing : policy.blackouts)
                if (existing.id == rule.id) return makeError(item.where(), "duplicate blackout id \"" + rule.id + "\"");
            policy.blackouts.push_back(rule);
        }
    }
    if (auto rules = root.optionalField("rules")) {
        IO_TRY(items, rules->items());
        for (const auto& item : items) {
            IO_TRY(rule, readRule(item));
            bool duplicate = std::any_of(policy.rules.begin(), policy.rules.end(), [&](const PolicyRule& r) { return r.id == rule.id; }) ||
                             std::any_of(policy.blackouts.begin(), policy.blackouts.end(), [&](const BlackoutRule& r) { return r.id == rule.id; });
            if (duplicate) return makeError(item.where(), "duplicate rule id \"" + rule.id + "\"");
            policy.rules.push_back(rule);
        }
    }
    if (auto sampling = root.optionalField("sampling")) {
        IO_TRY(value, readSampling(*sampling));
        policy.sampling = value;
    }
    if (auto categories = root.optionalField("demand_categories")) {
        IO_TRY(value, readCategories(*categories));
        policy.demandCategories = value;
    }
    if (auto categories = root.optionalField("complaint_categories")) {
        IO_TRY(value, readCategories(*categories));
        policy.complaintCategories = value;
    }
    if (auto severity = root.optionalField("severity")) {
        IO_TRY(value, readSeverity(*severity));
        policy.severity = value;
    }
    if (auto dispositions = root.optionalField("dispositions")) {
        IO_TRY(items, dispositions->items());
        for (const auto& item : items) {
            IO_TRY(value, readDisposition(item));
            if (policy.severity && std::none_of(policy.severity->levels.begin(), policy.severity->levels.end(),
                                                [&](const SeverityLevel& l) { return l.id == value.severity; }))
                return makeError(item.where() + "/severity", "expected a level id declared under /severity/levels, found \"" + value.severity + "\"");
            policy.dispositions.push_back(value);
        }
    }
    if (auto targets = root.optionalField("targets")) {
        IO_TRY(items, targets->items());
        for (const auto& item : items) {
            IO_TRY(value, readTarget(item));
            for (const auto& existing : policy.targets)
                if (existing.year == value.year && existing.metric == value.metric)
                    return makeError(item.where(), "a second target for " + value.metric + " in " + std::to_string(value.year));
            policy.targets.push_back(value);
        }
    }
    if (auto hints = root.optionalField("classifier_hints")) {
        IO_TRY(value, readClassifierHints(*hints, policy));
        policy.classifierHints = value;
    }
    IO_CHECK(readGradingSections(root, policy));
    IO_CHECK(readWorkflowSection(root, policy));
    return policy;
}

const workflow::Definition* PolicyData::findWorkflow(std::string_view id) const {
    for (const auto& definition : workflows)
        if (definition.id == id) return &definition;
    return nullptr;
}

}  // namespace inspectonce
