// What the demands, complaints, findings and reports screens remember between frames: the
// workflow shown, the filter, the case opened, the forms being filled, and what was derived
// from the workspace (kept until its version or the working day moves).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/classify.hpp"
#include "inspectonce/report.hpp"
#include "case_logic.hpp"

namespace inspectonce::ui {

// One transition being filled in: for a case (a step) or a new case (an opening).
struct StepForm {
    int64_t caseId = 0;                         // the case it is for; 0: a new case
    std::string transition;                     // the transition chosen; empty: none yet
    std::string role;                           // who acts (one of the transition's roles)
    std::array<char, 128> actorName{};          // the person or office, optional
    std::map<std::string, std::string> values;  // key → value typed or picked
    std::optional<std::string> refusal;         // the engine's answer when it said no (ends with the clause)

    void reset() { *this = StepForm{}; }
};

// A new case's own data besides the opening transition's fields.
struct OpenForm {
    bool shown = false;
    std::string words;                          // the enterprise's own words (the case title)
    std::string enterprise;                     // USCC, or a name being searched
    std::string department;                     // department id; empty: none
    std::string category;                       // the category accepted or changed; empty: none
    std::string classifiedWords;                // the words the suggestion below is for
    std::string suggestion;                     // the classifier's category id
    int confidencePermille = -1;                // -1: no suggestion
    bool needsPerson = false;
    std::string classifyError;
    std::vector<std::string> facts, areas;      // findings: facts for the grading (grading.hpp)
    StepForm step;                              // the opening transition and its fields
};

struct InboxView {
    std::string workflow;                       // the workflow shown ("demand", "complaint" …)
    CaseShow show = CaseShow::Open;
    std::array<char, 128> search{};
    int64_t selected = 0;                       // case id; 0: none
    OpenForm open;
    StepForm step;
    // Derived: indices into workspace.cases.
    std::vector<int32_t> rows;
    uint64_t rowsVersion = ~uint64_t{0};
    CaseKey rowsKey;
    // The classifier of the county and kind last used (building one reads the model).
    std::optional<classify::Classifier> classifier;
    std::string classifierFor;                  // "<county>/<kind>"
};

struct FindingsView {
    int64_t selected = 0;
    bool onlyLate = false;
    OpenForm open;
    StepForm step;
    std::vector<std::vector<int32_t>> columns;  // per board column: indices into workspace.cases
    uint64_t columnsVersion = ~uint64_t{0};
    Date columnsDay;
    std::optional<report::ClosureList> closure;
    uint64_t closureVersion = ~uint64_t{0};
};

struct ReportsView {
    uint64_t version = ~uint64_t{0};
    Date day;
    std::optional<report::DueReport> due;
    std::string dueError;
    std::optional<report::TrackedFigures> figures;
    std::optional<report::FeedbackList> feedback;
};

struct CaseViews {
    InboxView inbox;
    FindingsView findings;
    ReportsView reports;
};

}  // namespace inspectonce::ui
