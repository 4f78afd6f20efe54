// The decision API: may this department do this in this enterprise on this day, under this
// county's policy? The answer is a value: an outcome, every reason with the clause of the
// seed behind it (ALL-5), in Chinese and English, and what the department must do with its
// due date counted in working days (ALL-1). Same request, same bytes: natively and in wasm.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/model.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce {

// One inspection of the enterprise earlier this year (or planned), as the history file says.
struct HistoryEntry {
    Date date;
    std::string department;
    DepartmentLevel level = DepartmentLevel::County;
    std::string item;          // the kind of item inspected, e.g. "fire-safety"
    Method method = Method::OnSite;
    bool joint = false;        // a joint inspection of several departments (联合检查)
    bool unified = false;      // a department-wide unified inspection (部门统一监管检查, 003 二(三))
    bool violation = false;    // a violation was found
};

struct DecisionRequest {
    Date date;
    // The enterprise
    CreditGrade grade = CreditGrade::C;
    std::vector<std::string> lists;  // model.hpp lists::…
    std::vector<HistoryEntry> history;
    // The department
    std::string department;
    DepartmentLevel level = DepartmentLevel::County;
    // The inspection
    InspectionKind kind = InspectionKind::Inspection;
    std::string item;  // empty: not given (rules about the same item then only inform)
    Method method = Method::OnSite;
    bool joint = false;
    std::optional<std::string> exception;  // an id of exceptions.hpp
    std::optional<Date> noticeDate;        // when the enterprise is (to be) told (预告)
    std::optional<Date> filingDate;        // when the plan is (to be) filed (备案 / 报送计划)

    bool isOn(std::string_view list) const;
};

enum class Outcome { Allowed, AllowedWithObligations, Refused };
enum class Effect { Refuses, Obliges, Informs };

std::string_view toString(Outcome outcome);  // allowed, allowed-with-obligations, refused
Result<Outcome> parseOutcome(std::string_view text);
std::string_view toString(Effect effect);    // refuses, obliges, informs
Text label(Outcome outcome);

struct Reason {
    Effect effect = Effect::Informs;
    std::string rule;   // the rule's id in the parameter file, or "document" / "exception"
    Citation clause;
    Text text;
};

struct Obligation {
    std::string id;
    std::string rule;
    Citation clause;
    Text text;
    std::optional<Date> due;  // unset when the seed fixes no date
    Text when;                // "3个工作日内（2026-03-26前）" / "within 3 working days (by 2026-03-26)"
    std::optional<Text> note;
};

struct Decision {
    std::string county;
    Date date;
    Outcome outcome = Outcome::Allowed;
    bool inForce = true;
    std::vector<Reason> reasons;          // in the order the rules were applied
    std::vector<Obligation> obligations;  // in the order they arose

    std::vector<std::string> clauses() const;  // every clause cited, each once, in order
};

// Decides `request` under `policy`. A date outside the calendar's known years is an error
// (ALL-1), as is an exception id outside the vocabulary.
Result<Decision> decide(const PolicyData& policy, const DecisionRequest& request,
                        const WorkCalendar& calendar = WorkCalendar::official());

// A request from JSON (policy tests, tools): {"date", "department", "level", "grade",
// "lists", "history", "kind", "item", "method", "joint", "exception", "notice_date",
// "filing_date"}. Errors name `source` and the JSON pointer.
Result<DecisionRequest> decisionRequestFromJson(const nlohmann::json& node, const std::string& source,
                                                const std::string& pointer = "");
// A history file: an array of entries, or {"history": [...]}.
Result<std::vector<HistoryEntry>> historyFromJson(std::string_view text, const std::string& source);

nlohmann::json toJson(const Decision& decision);
// The request in the form decisionRequestFromJson reads (what a plugin's "decide" hook gets).
nlohmann::json toJson(const DecisionRequest& request);
// Human-readable, one reason per line with its clause.
std::string describe(const Decision& decision, const PolicyData& policy, Language language);

}  // namespace inspectonce
