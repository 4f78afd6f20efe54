// Decisions to and from JSON, and as text: what the CLI prints and the policy tests read.
#include <algorithm>

#include "inspectonce/decision.hpp"
#include "inspectonce/exceptions.hpp"
#include "json/json_reader.hpp"
#include "policy/history_json.hpp"

namespace inspectonce {
namespace {

Result<HistoryEntry> readEntry(const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"date", "department", "level", "item", "method", "joint", "unified", "violation"}));
    return policy_detail::readHistoryEntry(at);
}

Result<std::vector<HistoryEntry>> readHistory(const json::Cursor& at) {
    IO_TRY(items, at.items());
    std::vector<HistoryEntry> out;
    for (const auto& item : items) {
        IO_TRY(entry, readEntry(item));
        out.push_back(entry);
    }
    return out;
}

nlohmann::json textJson(const Text& text) { return {{"zh", text.zh}, {"en", text.en}}; }

}  // namespace

Result<DecisionRequest> decisionRequestFromJson(const nlohmann::json& node, const std::string& source,
                                                const std::string& pointer) {
    json::Cursor at(node, source, pointer);
    IO_CHECK(at.onlyKeys({"date", "department", "level", "grade", "lists", "history", "kind", "item", "method", "joint",
                          "exception", "notice_date", "filing_date"}));
    DecisionRequest r;
    IO_TRY(date, at.field("date"));
    IO_TRY(dateValue, date.date());
    r.date = dateValue;
    IO_TRY(department, at.field("department"));
    IO_TRY(departmentText, department.string());
    if (departmentText.empty()) return department.fail("a department id");
    r.department = departmentText;
    if (auto f = at.optionalField("level")) {
        IO_TRY(level, f->parsed<DepartmentLevel>(parseDepartmentLevel));
        r.level = level;
    }
    IO_TRY(grade, at.field("grade"));
    IO_TRY(gradeValue, grade.parsed<CreditGrade>(parseCreditGrade));
    r.grade = gradeValue;
    if (auto f = at.optionalField("lists")) {
        IO_TRY(items, f->items());
        for (const auto& item : items) {
            IO_TRY(list, item.string());
            r.lists.push_back(list);
        }
    }
    if (auto f = at.optionalField("history")) {
        IO_TRY(history, readHistory(*f));
        r.history = history;
    }
    IO_TRY(kind, at.field("kind"));
    IO_TRY(kindValue, kind.parsed<InspectionKind>(parseInspectionKind));
    r.kind = kindValue;
    if (auto f = at.optionalField("item")) {
        IO_TRY(item, f->string());
        r.item = item;
    }
    if (auto f = at.optionalField("method")) {
        IO_TRY(method, f->parsed<Method>(parseMethod));
        r.method = method;
    }
    IO_TRY(joint, at.flag("joint"));
    r.joint = joint;
    if (auto f = at.optionalField("exception")) {
        IO_TRY(id, f->string());
        auto known = parseException(id);
        if (!known) return makeError(f->where(), known.error().why);
        r.exception = id;
    }
    if (auto f = at.optionalField("notice_date")) {
        IO_TRY(d, f->date());
        r.noticeDate = d;
    }
    if (auto f = at.optionalField("filing_date")) {
        IO_TRY(d, f->date());
        r.filingDate = d;
    }
    return r;
}

Result<std::vector<HistoryEntry>> historyFromJson(std::string_view text, const std::string& source) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    if (root.raw().is_object()) {
        IO_CHECK(root.onlyKeys({"history"}));
        IO_TRY(history, root.field("history"));
        return readHistory(history);
    }
    if (!root.raw().is_array()) return root.fail("an array of inspections or {\"history\": [...]}");
    return readHistory(root);
}

nlohmann::json toJson(const DecisionRequest& request) {
    nlohmann::json history = nlohmann::json::array();
    for (const auto& h : request.history)
        history.push_back({{"date", h.date.iso()}, {"department", h.department}, {"level", std::string(toString(h.level))},
                           {"item", h.item}, {"method", std::string(toString(h.method))}, {"joint", h.joint},
                           {"unified", h.unified}, {"violation", h.violation}});
    nlohmann::json out{{"date", request.date.iso()},
                       {"department", request.department},
                       {"level", std::string(toString(request.level))},
                       {"grade", std::string(toString(request.grade))},
                       {"lists", request.lists},
                       {"history", history},
                       {"kind", std::string(toString(request.kind))},
                       {"item", request.item},
                       {"method", std::string(toString(request.method))},
                       {"joint", request.joint}};
    if (request.exception) out["exception"] = *request.exception;
    if (request.noticeDate) out["notice_date"] = request.noticeDate->iso();
    if (request.filingDate) out["filing_date"] = request.filingDate->iso();
    return out;
}

nlohmann::json toJson(const Decision& decision) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& r : decision.reasons)
        reasons.push_back({{"effect", std::string(toString(r.effect))}, {"rule", r.rule}, {"clause", r.clause.text()},
                           {"text", textJson(r.text)}});
    nlohmann::json obligations = nlohmann::json::array();
    for (const auto& o : decision.obligations) {
        nlohmann::json item{{"id", o.id}, {"rule", o.rule}, {"clause", o.clause.text()}, {"text", textJson(o.text)},
                            {"when", textJson(o.when)}};
        item["due"] = o.due ? nlohmann::json(o.due->iso()) : nlohmann::json(nullptr);
        if (o.note) item["note"] = textJson(*o.note);
        obligations.push_back(item);
    }
    return {{"county", decision.county},
            {"date", decision.date.iso()},
            {"outcome", std::string(toString(decision.outcome))},
            {"in_force", decision.inForce},
            {"reasons", reasons},
            {"obligations", obligations},
            {"clauses", decision.clauses()}};
}

std::string describe(const Decision& decision, const PolicyData& policy, Language language) {
    bool en = language == Language::English;
    std::string out = policy.name.in(language) + " " + decision.date.iso() + ": " + label(decision.outcome).in(language) + "\n";
    for (const auto& r : decision.reasons) {
        const char* tag = "";
        switch (r.effect) {
            case Effect::Refuses: tag = en ? "[refuses] " : "【不允许】"; break;
            case Effect::Obliges: tag = en ? "[obliges] " : "【须】"; break;
            case Effect::Informs: tag = en ? "[informs] " : "【说明】"; break;
        }
        out += "  " + std::string(tag) + r.text.in(language) + "  —  " + r.clause.text() + "\n";
    }
    if (!decision.obligations.empty()) {
        out += en ? "Obligations:\n" : "须履行：\n";
        for (const auto& o : decision.obligations)
            out += "  - " + o.text.in(language) + (en ? ": " : "：") + o.when.in(language) + "  —  " + o.clause.text() + "\n";
    }
    return out;
}

}  // namespace inspectonce

namespace inspectonce::policy_detail {

Result<HistoryEntry> readHistoryEntry(const json::Cursor& at) {
    HistoryEntry e;
    IO_TRY(date, at.field("date"));
    IO_TRY(dateValue, date.date());
    e.date = dateValue;
    IO_TRY(department, at.field("department"));
    IO_TRY(departmentText, department.string());
    if (departmentText.empty()) return department.fail("a department id");
    e.department = departmentText;
    if (auto f = at.optionalField("level")) {
        IO_TRY(level, f->parsed<DepartmentLevel>(parseDepartmentLevel));
        e.level = level;
    }
    IO_TRY(item, at.field("item"));
    IO_TRY(itemText, item.string());
    e.item = itemText;
    if (auto f = at.optionalField("method")) {
        IO_TRY(method, f->parsed<Method>(parseMethod));
        e.method = method;
    }
    IO_TRY(joint, at.flag("joint"));
    IO_TRY(unified, at.flag("unified"));
    IO_TRY(violation, at.flag("violation"));
    e.joint = joint;
    e.unified = unified;
    e.violation = violation;
    return e;
}

}  // namespace inspectonce::policy_detail
