// Parsing and validating a county parameter file (policies/<county>.json).
#include "inspectonce/policy.hpp"

#include <cctype>

#include "json/json_reader.hpp"

namespace inspectonce {
namespace {

Result<Date> readDate(const json::Cursor& at) {
    IO_TRY(text, at.string());
    auto date = Date::parse(text);
    if (!date) return makeError(at.where(), date.error().message());
    return date.value();
}

Result<std::optional<Date>> readOptionalDate(const json::Cursor& parent, std::string_view key) {
    auto field = parent.optionalField(key);
    if (!field) return std::optional<Date>{};
    IO_TRY(date, readDate(*field));
    return std::optional<Date>{date};
}

// Clauses are written as the seed's three digits, a space and the clause: "004 二(三)".
Result<Citation> readClause(const json::Cursor& at) {
    IO_TRY(text, at.string());
    bool wellFormed = text.size() > 4 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                      std::isdigit(static_cast<unsigned char>(text[1])) &&
                      std::isdigit(static_cast<unsigned char>(text[2])) && text[3] == ' ';
    if (!wellFormed) return at.fail("a clause such as \"004 二(三)\" (seed number, space, clause)");
    return Citation{text};
}

bool validCountyId(const std::string& id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    return true;
}

Result<PolicyDocument> readDocument(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"seed", "file", "number", "title", "issued", "in_force_from", "in_force_until"}));
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

Result<BlackoutRule> readBlackout(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "name", "period", "clause", "rule"}));
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
    IO_TRY(citation, readClause(clause));
    rule.clause = citation;
    IO_TRY(ruleField, at.field("rule"));
    IO_TRY(ruleText, ruleField.text());
    rule.rule = ruleText;
    return rule;
}

}  // namespace

bool PolicyDocument::inForceOn(Date day) const {
    if (inForceFrom && day < *inForceFrom) return false;
    if (inForceUntil && *inForceUntil < day) return false;
    return true;
}

Result<PolicyData> PolicyData::fromJson(std::string_view text, const std::string& source) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    IO_CHECK(root.onlyKeys({"schema", "county", "name", "region", "document", "blackouts"}));
    IO_TRY(schema, root.field("schema"));
    IO_TRY(schemaVersion, schema.integer(1, 1));
    (void)schemaVersion;

    PolicyData policy;
    IO_TRY(county, root.field("county"));
    IO_TRY(countyId, county.string());
    if (!validCountyId(countyId)) return county.fail("a county id of lowercase letters, digits and '-'");
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
    return policy;
}

}  // namespace inspectonce
