// The published draw record as JSON, and reading back what a re-run needs.
#include "draw/draw_text.hpp"
#include "inspectonce/draw.hpp"
#include "json/json_reader.hpp"

namespace inspectonce {
namespace {

nlohmann::json textJson(const Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }
nlohmann::json optionalText(const std::optional<Text>& t) { return t ? textJson(*t) : nlohmann::json(); }
nlohmann::json optionalClause(const std::optional<Citation>& c) { return c ? nlohmann::json(c->text()) : nlohmann::json(); }

constexpr std::string_view kFormat = "inspectonce-draw 1";
constexpr std::string_view kPrng =
    "xoshiro256** seeded by SplitMix64 from the first 8 bytes (little-endian) of BLAKE2b-256(\"inspectonce-draw-seed 1\\n\" + seed); "
    "below(n) by rejection: x >= (2^64 - n) mod n, then x mod n";

Result<std::vector<std::string>> strings(const json::Cursor& at, std::string_view key) {
    std::vector<std::string> out;
    IO_TRY(field, at.field(key));
    IO_TRY(items, field.items());
    for (const auto& item : items) {
        IO_TRY(value, item.string());
        out.push_back(value);
    }
    return out;
}

Result<int> integerField(const json::Cursor& at, std::string_view key, int64_t min, int64_t max) {
    IO_TRY(field, at.field(key));
    IO_TRY(value, field.integer(min, max));
    return static_cast<int>(value);
}

}  // namespace

nlohmann::json toJson(const DrawRecord& r) {
    const auto& q = r.request;
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& c : q.conflicts) conflicts.push_back({{"inspector", c.inspector}, {"enterprise", c.enterprise}});
    nlohmann::json request{{"departments", q.departments},
                           {"industries", q.industries},
                           {"towns", q.towns},
                           {"items", q.items},
                           {"base_ratio", formatBp(q.baseRatioBp)},
                           {"lower_multiplier_percent", q.lowerMultiplierPercent},
                           {"higher_multiplier_percent", q.higherMultiplierPercent},
                           {"inspectors_per_enterprise", q.inspectorsPerEnterprise},
                           {"prefer_not_yet_drawn", q.preferNotYetDrawn},
                           {"conflicts", conflicts}};
    nlohmann::json strata = nlohmann::json::array();
    for (const auto& s : r.strata)
        strata.push_back({{"grade", toString(s.grade)}, {"population", s.population}, {"exempt", s.exempt}, {"eligible", s.eligible},
                          {"not_yet_drawn", s.notYetDrawn}, {"ratio", formatBp(s.ratioBp)}, {"source", toString(s.source)},
                          {"multiplier_percent", s.multiplierPercent}, {"clause", optionalClause(s.clause)},
                          {"text", textJson(s.text)}, {"note", optionalText(s.note)}, {"count", s.count}, {"repeats", s.repeats}});
    nlohmann::json exemptions = nlohmann::json::array();
    for (const auto& e : r.exemptions)
        exemptions.push_back({{"rule", e.rule}, {"clause", e.clause.text()}, {"text", textJson(e.text)}, {"count", e.count}});
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : r.notes) notes.push_back(textJson(n));
    nlohmann::json drawn = nlohmann::json::array();
    for (const auto& d : r.drawn) {
        nlohmann::json inspectors = nlohmann::json::array();
        for (const auto& i : d.inspectors) inspectors.push_back({{"id", i.id}, {"department", i.department}, {"name", i.name}});
        drawn.push_back({{"enterprise", d.enterprise}, {"name", d.name}, {"grade", toString(d.grade)}, {"earlier_draws", d.earlierDraws},
                         {"inspectors", inspectors}, {"departments_without_inspector", d.departmentsWithoutInspector}});
    }
    nlohmann::json exclusions = nlohmann::json::array();
    for (const auto& x : r.exclusions) {
        nlohmann::json e{{"inspector", x.inspector}, {"enterprise", x.enterprise},
                         {"reason", x.reason == DrawExclusion::Reason::LastTime ? "last-time" : "declared"}};
        if (x.reason == DrawExclusion::Reason::LastTime) e["last_draw"] = x.lastDraw;
        exclusions.push_back(e);
    }
    const auto& j = r.jointShare;
    nlohmann::json share{{"year", j.year}, {"tasks", j.tasks}, {"joint_tasks", j.jointTasks}, {"percent", draw_text::tenths(j.jointTasks, j.tasks)}};
    if (j.target) {
        share["target"] = {{"metric", j.target->metric}, {"name", textJson(j.target->name)}, {"min_percent", j.target->minPercent},
                           {"clause", j.target->clause.text()}, {"strength", j.target->strength == Strength::Must ? "must" : "should"}};
        share["met"] = j.met();
    } else {
        share["target"] = nullptr;
        share["met"] = nullptr;
    }
    const auto& h = r.hashes;
    return {{"format", kFormat},
            {"id", r.id ? nlohmann::json(*r.id) : nlohmann::json()},
            {"county", r.county},
            {"year", r.year},
            {"date", q.date.iso()},
            {"seed", q.seed},
            {"joint", r.joint()},
            {"request", request},
            {"earlier_draws", r.earlierDraws},
            {"population", r.population},
            {"eligible", r.eligible},
            {"strata", strata},
            {"exemptions", exemptions},
            {"notes", notes},
            {"fewer_repeats", {{"applied", q.preferNotYetDrawn}, {"clause", optionalClause(r.fewerRepeatsClause)}}},
            {"drawn", drawn},
            {"repeats", r.repeats},
            {"exclusions", exclusions},
            {"exclusions_in_inputs", r.exclusionsInInputs},
            {"joint_share", share},
            {"hashes", {{"request", h.request}, {"population", h.population}, {"strata", h.strata}, {"inspectors", h.inspectors},
                        {"exclusions", h.exclusions}, {"input", h.input}, {"result", h.result}}},
            {"prng", kPrng},
            {"clauses", r.clauses()}};
}

Result<RecordedDraw> readDrawRecord(std::string_view text, const std::string& source) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    RecordedDraw out;
    out.json = document;
    IO_TRY(format, root.field("format"));
    IO_TRY(formatText, format.string());
    if (formatText != kFormat) return format.fail("\"" + std::string(kFormat) + "\"");
    if (auto id = root.optionalField("id"); id && !id->raw().is_null()) {
        IO_TRY(value, id->integer(1, INT64_MAX));
        out.id = value;
    }
    IO_TRY(county, root.field("county"));
    IO_TRY(countyText, county.string());
    out.county = countyText;
    IO_TRY(date, root.field("date"));
    IO_TRY(day, date.date());
    out.request.date = day;
    IO_TRY(seed, root.field("seed"));
    IO_TRY(seedText, seed.string());
    out.request.seed = seedText;
    IO_TRY(earlier, root.field("earlier_draws"));
    IO_TRY(earlierItems, earlier.items());
    for (const auto& item : earlierItems) {
        IO_TRY(id, item.integer(1, INT64_MAX));
        out.earlierDraws.push_back(id);
    }

    IO_TRY(request, root.field("request"));
    IO_CHECK(request.onlyKeys({"departments", "industries", "towns", "items", "base_ratio", "lower_multiplier_percent",
                               "higher_multiplier_percent", "inspectors_per_enterprise", "prefer_not_yet_drawn", "conflicts"}));
    auto& q = out.request;
    IO_TRY(departments, strings(request, "departments"));
    q.departments = departments;
    IO_TRY(industries, strings(request, "industries"));
    q.industries = industries;
    IO_TRY(towns, strings(request, "towns"));
    q.towns = towns;
    IO_TRY(items, strings(request, "items"));
    q.items = items;
    IO_TRY(ratio, request.field("base_ratio"));
    IO_TRY(ratioText, ratio.string());
    auto bp = parsePercentBp(ratioText);
    if (!bp) return makeError(ratio.where(), bp.error().why);
    q.baseRatioBp = *bp;
    IO_TRY(lower, integerField(request, "lower_multiplier_percent", 1, 100));
    q.lowerMultiplierPercent = lower;
    IO_TRY(higher, integerField(request, "higher_multiplier_percent", 100, 1000));
    q.higherMultiplierPercent = higher;
    IO_TRY(team, integerField(request, "inspectors_per_enterprise", 2, 20));
    q.inspectorsPerEnterprise = team;
    IO_TRY(prefer, request.field("prefer_not_yet_drawn"));
    IO_TRY(preferValue, prefer.boolean());
    q.preferNotYetDrawn = preferValue;
    IO_TRY(conflicts, request.field("conflicts"));
    IO_TRY(conflictItems, conflicts.items());
    for (const auto& item : conflictItems) {
        IO_CHECK(item.onlyKeys({"inspector", "enterprise"}));
        IO_TRY(inspector, item.field("inspector"));
        IO_TRY(inspectorId, inspector.string());
        IO_TRY(enterprise, item.field("enterprise"));
        IO_TRY(enterpriseCode, enterprise.string());
        q.conflicts.push_back({inspectorId, enterpriseCode});
    }
    return out;
}

}  // namespace inspectonce
