// What an official has typed into the decision try-out, and the last answer.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "inspectonce/decision.hpp"

namespace inspectonce::ui {

struct DecisionForm {
    char date[16] = "2026-11-24";
    char department[64] = "market-supervision";
    char item[64] = "";
    char noticeDate[16] = "";
    char filingDate[16] = "";
    int level = static_cast<int>(DepartmentLevel::County);
    int grade = static_cast<int>(CreditGrade::C);
    int kind = static_cast<int>(InspectionKind::Inspection);
    bool onSite = true;
    bool joint = false;
    int exception = 0;  // 0: none; else 1 + index into exceptionVocabulary()
    bool whiteList = false, exempt = false, keySupervision = false, seriousDishonesty = false;

    std::optional<Decision> answer;      // the last decision, for the county it was asked of
    std::optional<Error> error;          // or why it could not be decided
    std::string answeredFor;             // county id of `answer`
    std::array<float, 4> decideButtonRect{};  // x, y, width, height: for end-to-end tests
};

}  // namespace inspectonce::ui
