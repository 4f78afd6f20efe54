// Grading answers as JSON (keys sorted by nlohmann: identical natively and in wasm) and as
// text, one statement a line, each line ending with its clause.
#include "grade/grading_internal.hpp"

namespace inspectonce {

using namespace grading;

namespace {

nlohmann::json textJson(const Text& text) { return {{"zh", text.zh}, {"en", text.en}}; }

nlohmann::json groundJson(const Ground& g) { return {{"text", textJson(g.text)}, {"clause", g.clause.text()}}; }

nlohmann::json groundsJson(const std::vector<Ground>& grounds) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : grounds) out.push_back(groundJson(g));
    return out;
}

nlohmann::json stepsJson(const std::vector<PenaltyStep>& steps) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : steps) out.push_back({{"id", s.id}, {"text", textJson(s.text)}, {"clause", s.clause.text()}});
    return out;
}

nlohmann::json optionalGround(const std::optional<Ground>& g) { return g ? groundJson(*g) : nlohmann::json(nullptr); }

std::string_view toString(RiseCheck::Status status) {
    switch (status) {
        case RiseCheck::Status::Met: return "met";
        case RiseCheck::Status::Pending: return "pending";
        case RiseCheck::Status::Missed: return "missed";
    }
    return "pending";
}

std::string_view toString(SamplingRule::Level level) {
    switch (level) {
        case SamplingRule::Level::Lower: return "lower";
        case SamplingRule::Level::Normal: return "normal";
        case SamplingRule::Level::Higher: return "higher";
    }
    return "normal";
}

std::string grade(CreditGrade g) { return std::string(inspectonce::toString(g)); }

// "  text  —  clause"
std::string line(const std::string& indent, const std::string& tag, const Ground& g, Language language) {
    return indent + tag + g.text.in(language) + "  —  " + g.clause.text() + "\n";
}

struct Tags {
    bool en;
    const char* pick(const char* zh, const char* english) const { return en ? english : zh; }
};

}  // namespace

// ---- JSON ----

nlohmann::json toJson(const FindingAssessment& a) {
    nlohmann::json out{{"county", a.county},
                       {"facts", a.facts},
                       {"areas", a.areas},
                       {"severity", a.severity},
                       {"name", textJson(a.name)},
                       {"grounds", groundsJson(a.grounds)},
                       {"missing", groundsJson(a.missing)},
                       {"summary", optionalGround(a.summary)},
                       {"steps", stepsJson(a.steps)},
                       {"notes", groundsJson(a.notes)},
                       {"clauses", a.clauses()}};
    if (a.textFlag)
        out["text_flag"] = {{"label", a.textFlag->label},
                            {"confidence_permille", a.textFlag->confidencePermille},
                            {"words", a.textFlag->words},
                            {"suggests_excluded", a.textFlag->suggestsExcluded},
                            {"ground", groundJson(a.textFlag->ground)}};
    else
        out["text_flag"] = nullptr;
    return out;
}

nlohmann::json toJson(const PenaltyDecision& d) {
    return {{"county", d.county},
            {"facts", d.facts},
            {"areas", d.areas},
            {"matter", d.matter},
            {"covered", d.covered},
            {"outcome", std::string(toString(d.outcome))},
            {"outcome_name", textJson(label(d.outcome))},
            {"rule", d.rule},
            {"severity", d.severity},
            {"grounds", groundsJson(d.grounds)},
            {"steps", stepsJson(d.steps)},
            {"legal_review", d.legalReview},
            {"collective_decision", d.collectiveDecision},
            {"otherwise", optionalGround(d.otherwise)},
            {"deferral", optionalGround(d.deferral)},
            {"consistency", optionalGround(d.consistency)},
            {"case_key", d.caseKey},
            {"notes", groundsJson(d.notes)},
            {"clauses", d.clauses()}};
}

nlohmann::json toJson(const EnterpriseGrading& g) {
    nlohmann::json out{{"county", g.county}, {"code", g.code}, {"name", g.name}, {"year", g.year},
                       {"grade_on_record", grade(g.onRecord)}, {"grounds", groundsJson(g.grounds)},
                       {"notes", groundsJson(g.notes)}, {"rise_missed", g.riseMissed()}, {"clauses", g.clauses()}};
    out["portrait"] = nullptr;
    if (g.portrait) {
        const Portrait& p = *g.portrait;
        nlohmann::json contributions = nlohmann::json::array();
        for (const auto& c : p.contributions)
            contributions.push_back({{"date", c.date.iso()}, {"kind", c.kind}, {"source", c.source}, {"detail", c.detail}, {"points", c.points}});
        nlohmann::json rise = nlohmann::json::array();
        for (const auto& r : p.rise)
            rise.push_back({{"status", std::string(toString(r.status))}, {"rectified", r.rectified.iso()}, {"base_year", r.baseYear},
                            {"from", grade(r.from)}, {"target", grade(r.target)}, {"deadline_year", r.deadlineYear},
                            {"met_in", r.metIn ? nlohmann::json(*r.metIn) : nlohmann::json(nullptr)}, {"ground", groundJson(r.ground)}});
        out["portrait"] = {{"grade", grade(p.grade)}, {"by_score", grade(p.byScore)}, {"score", p.score},
                           {"window", {p.windowFrom, p.windowTo}}, {"contributions", contributions},
                           {"grounds", groundsJson(p.grounds)}, {"rise", rise}};
    }
    out["white_list"] = nullptr;
    if (g.whiteList)
        out["white_list"] = {{"on_list", g.whiteList->onList}, {"eligible", g.whiteList->eligible},
                             {"key_industry", g.whiteList->keyIndustry}, {"grounds", groundsJson(g.whiteList->grounds)}};
    out["credit_risk"] = nullptr;
    if (g.creditRisk)
        out["credit_risk"] = {{"class", grade(g.creditRisk->creditClass)}, {"level", std::string(toString(g.creditRisk->level))},
                              {"percent", g.creditRisk->percent ? nlohmann::json(*g.creditRisk->percent) : nlohmann::json(nullptr)},
                              {"raised", g.creditRisk->raised}, {"grounds", groundsJson(g.creditRisk->grounds)}};
    return out;
}

// ---- Text ----

std::string describe(const FindingAssessment& a, const PolicyData& policy, Language language) {
    Tags t{language == Language::English};
    Citation head = a.grounds.empty() ? Citation{policy.document.seed} : a.grounds.front().clause;
    std::string out = line("", "", {concat({policy.name, {" 问题定级：", " finding severity: "}, a.name}), head}, language);
    for (const auto& g : a.grounds) out += line("  ", t.pick("【依据】", "[because] "), g, language);
    for (const auto& g : a.missing) out += line("  ", t.pick("【缺少】", "[missing] "), g, language);
    if (a.summary) out += line("  ", t.pick("【处置】", "[handling] "), *a.summary, language);
    for (const auto& s : a.steps) out += line("    - ", "", {s.text, s.clause}, language);
    if (a.textFlag) out += line("  ", a.textFlag->suggestsExcluded ? t.pick("【请核实】", "[confirm] ") : t.pick("【文本】", "[text] "),
                                a.textFlag->ground, language);
    for (const auto& g : a.notes) out += line("  ", t.pick("【说明】", "[note] "), g, language);
    return out;
}

std::string describe(const PenaltyDecision& d, const PolicyData& policy, Language language) {
    Tags t{language == Language::English};
    const Ground& decisive = d.grounds.back();  // the deciding rule's text is always last among the grounds
    std::string out = line("", "", {concat({policy.name, {" 处罚决定：", " penalty decision: "}, label(d.outcome)}), decisive.clause}, language);
    for (const auto& g : d.grounds) out += line("  ", t.pick("【依据】", "[because] "), g, language);
    for (const auto& s : d.steps) out += line("  ", t.pick("【措施】", "[step] "), {s.text, s.clause}, language);
    if (d.legalReview) out += line("  ", t.pick("【须】", "[required] "), {{"处罚前严格履行法制审核", "legal review before the penalty"}, decisive.clause}, language);
    if (d.collectiveDecision)
        out += line("  ", t.pick("【须】", "[required] "), {{"处罚前集体决策", "a collective decision before the penalty"}, decisive.clause}, language);
    if (d.otherwise) out += line("  ", t.pick("【否则】", "[otherwise] "), *d.otherwise, language);
    if (d.deferral) out += line("  ", t.pick("【罚款】", "[fine] "), *d.deferral, language);
    if (d.consistency) out += line("  ", t.pick("【首查负责制】", "[first-check] "), *d.consistency, language);
    for (const auto& g : d.notes) out += line("  ", t.pick("【说明】", "[note] "), g, language);
    out += line("  ", t.pick("案件键（同样的事实得出同样的键和决定）：", "case key (the same facts give the same key and decision): "),
                {same(d.caseKey), d.consistency ? d.consistency->clause : decisive.clause}, language);
    return out;
}

std::string describe(const EnterpriseGrading& g, const PolicyData& policy, Language language) {
    Tags t{language == Language::English};
    auto clauses = g.clauses();
    Citation head{clauses.empty() ? policy.document.seed : clauses.front()};
    std::string out = line("", "",
                           {concat({same(g.name + " " + g.code + " "), {"", "year "}, same(std::to_string(g.year)), {"年，在册等级", ", grade on record "},
                                    same(grade(g.onRecord))}),
                            head},
                           language);
    for (const auto& x : g.grounds) out += line("  ", t.pick("【说明】", "[says] "), x, language);
    if (g.portrait) {
        const Portrait& p = *g.portrait;
        out += line("  ", t.pick("【画像】", "[portrait] "),
                    {concat({same(grade(p.grade)), {"类（得分", " (score "}, same(std::to_string(p.score)), {"）", ")"}}), p.grounds.back().clause},
                    language);
        for (const auto& x : p.grounds) out += line("    ", "", x, language);
        for (const auto& r : p.rise)
            out += line("    ", r.status == RiseCheck::Status::Missed ? t.pick("【未提升】", "[not risen] ") : t.pick("【提升】", "[rise] "), r.ground,
                        language);
    }
    if (g.whiteList) {
        const WhiteListCheck& w = *g.whiteList;
        for (const auto& x : w.grounds) out += line("  ", t.pick("【白名单】", "[white list] "), x, language);
    }
    if (g.creditRisk)
        for (const auto& x : g.creditRisk->grounds) out += line("  ", t.pick("【信用风险】", "[credit risk] "), x, language);
    for (const auto& x : g.notes) out += line("  ", t.pick("【参数】", "[parameter] "), x, language);
    return out;
}

}  // namespace inspectonce
