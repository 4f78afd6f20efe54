// Grading (CLS): how serious a finding is (000 二(二), 附则), what penalty follows a violation
// (001 三.6, 003 二(七)(九), 000 二(二)), and which grade an enterprise earns (004 二(六),
// 003 二(五), 002 三(二)2). Every answer is a value built from the county's parameter file
// (grading_rules.hpp, policy.hpp), explains itself line by line, and cites its clauses.
//
// Determinism (首查负责制, 003 二(九)): inputs are put in a canonical order first (facts sorted
// and made unique), nothing depends on the clock or on hash order, so the same facts give the
// same answer, byte for byte, natively and in wasm.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "inspectonce/decision.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/grading_rules.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce {

Result<PenaltyOutcome> parsePenaltyOutcome(std::string_view text);  // no-penalty, no-penalty-if-rectified, reduced, lighter, normal
std::string_view toString(PenaltyOutcome outcome);
Text label(PenaltyOutcome outcome);  // 不予处罚 / no penalty …

// ---- Findings ------------------------------------------------------------------------------

struct FindingFacts {
    std::vector<std::string> facts;   // fact ids the county declares under "severity" (its document's words)
    std::vector<std::string> areas;   // excluded areas (附则) the finding touches
    std::optional<std::string> text;  // the finding as written: only used to flag excluded areas not given
};

// What the text classifier (classify.hpp) suggests about a finding's text. It never changes
// the severity; it asks a person to confirm an excluded area.
struct TextFlag {
    std::string label;         // the classifier's answer: minor, general, prominent or excluded
    int confidencePermille = 0;
    std::vector<std::string> words;  // the county's hint words for "excluded" found in the text
    bool suggestsExcluded = false;
    Ground ground;
};

struct FindingAssessment {
    std::string county;
    std::vector<std::string> facts, areas;  // as assessed: sorted, unique
    std::string severity;   // a level id of the county, "excluded", "none" (no level applies) or "not-graded"
    Text name;              // 轻微问题 / 不适用容错机制 …
    std::vector<Ground> grounds;   // the facts and areas that decided, with their clauses
    std::vector<Ground> missing;   // severity "none": what each level still lacks
    std::optional<Ground> summary; // the disposition in one line
    std::vector<PenaltyStep> steps;  // the disposition's steps
    std::optional<TextFlag> textFlag;
    std::vector<Ground> notes;

    std::vector<std::string> clauses() const;  // every clause cited, first mention order
};

// Unknown facts or areas, and facts the county declares as exclusive given together, are
// errors that list what the county accepts.
Result<FindingAssessment> assessFinding(const PolicyData& policy, const FindingFacts& facts);

// ---- Penalties -----------------------------------------------------------------------------

struct PenaltyFacts {
    std::vector<std::string> facts;  // severity facts and the county's penalty facts
    std::vector<std::string> areas;
    std::string matter;              // a matter on the county's lists (003 二(七)), or empty
};

struct PenaltyDecision {
    std::string county;
    std::vector<std::string> facts, areas;  // sorted, unique
    std::string matter;
    bool covered = true;           // false: the document sets no such rule; the decision says so
    PenaltyOutcome outcome = PenaltyOutcome::Normal;
    std::string rule;              // the rule that decided
    std::string severity;          // the finding's severity ("not-graded" where the county grades none)
    std::vector<Ground> grounds;   // why, each with its clause
    std::vector<PenaltyStep> steps;
    bool legalReview = false;        // 法制审核 required before the penalty
    bool collectiveDecision = false; // 集体决策 required before the penalty
    std::optional<Ground> otherwise;   // NoPenaltyIfRectified: what follows without rectification
    std::optional<Ground> deferral;    // a fine may be deferred or paid in instalments
    std::optional<Ground> consistency; // 首查负责制
    std::string caseKey;   // BLAKE2b-64 of county, matter, facts and areas: the same facts, the same key
    std::vector<Ground> notes;

    std::vector<std::string> clauses() const;
};

Result<PenaltyDecision> decidePenalty(const PolicyData& policy, const PenaltyFacts& facts);

// The facts a county accepts (id, label) for findings, or for penalties (severity facts plus
// its penalty facts); the excluded areas; the matters on its lists.
std::vector<std::pair<std::string, Text>> findingFacts(const PolicyData& policy);
std::vector<std::pair<std::string, Text>> penaltyFacts(const PolicyData& policy);
std::vector<std::pair<std::string, Text>> excludedAreas(const PolicyData& policy);
std::vector<std::pair<std::string, Text>> penaltyMatters(const PolicyData& policy);

// ---- Enterprises ---------------------------------------------------------------------------

struct PeriodGrade {
    int year = 0;  // a grading period is a year (004 二(六): 每年对企业进行精准画像)
    CreditGrade grade = CreditGrade::C;
};

struct GradingInput {
    const WorkspaceEnterprise* enterprise = nullptr;
    std::vector<EnterpriseEvent> events;  // the enterprise's records, any years
    std::vector<HistoryEntry> history;    // its earlier inspections
    std::vector<PeriodGrade> previous;    // grades of earlier periods (any order)
    int year = 0;                         // the period graded
};

// One record that moved the portrait's score.
struct Contribution {
    Date date;
    std::string kind;    // an event kind (penalty, reward …)
    std::string source;  // "event" or "history"
    std::string detail;
    int points = 0;
};

// 004 二(六): C and D rise at least one grade within two periods after rectification.
struct RiseCheck {
    enum class Status { Met, Pending, Missed };
    Status status = Status::Pending;
    Date rectified;
    int baseYear = 0;            // the period whose grade was in force when rectifying
    CreditGrade from = CreditGrade::D;
    CreditGrade target = CreditGrade::C;
    int deadlineYear = 0;        // the last period that may show the rise
    std::optional<int> metIn;
    Ground ground;
};

struct Portrait {
    CreditGrade grade = CreditGrade::C;
    CreditGrade byScore = CreditGrade::C;
    int score = 0;
    int windowFrom = 0, windowTo = 0;  // years of the records counted
    std::vector<Contribution> contributions;
    std::vector<Ground> grounds;
    std::vector<RiseCheck> rise;
};

struct WhiteListCheck {
    bool onList = false;
    bool eligible = false;
    bool keyIndustry = false;
    std::vector<Ground> grounds;
};

struct CreditRisk {
    CreditGrade creditClass = CreditGrade::C;  // the grade on record
    SamplingRule::Level level = SamplingRule::Level::Normal;
    std::optional<int> percent;
    bool raised = false;  // records of dishonesty or violations raised it (失信违法)
    std::vector<Ground> grounds;
};

struct EnterpriseGrading {
    std::string county;
    std::string code;
    std::string name;
    int year = 0;
    CreditGrade onRecord = CreditGrade::C;
    std::optional<Portrait> portrait;
    std::optional<WhiteListCheck> whiteList;
    std::optional<CreditRisk> creditRisk;
    std::vector<Ground> grounds;  // what the document says when it grades no enterprises
    std::vector<Ground> notes;    // which numbers are the county's parameters

    bool riseMissed() const;
    std::vector<std::string> clauses() const;
};

Result<EnterpriseGrading> gradeEnterprise(const PolicyData& policy, const GradingInput& input);

// Grades a workspace's enterprises (or the one with code `only`) for workspace.year. Earlier
// periods, from the year of the enterprise's first record, are graded first by the same rule
// and become its previous grades, so the rise rule can be checked from the file alone.
Result<std::vector<EnterpriseGrading>> gradeWorkspace(const PolicyData& policy, const Workspace& workspace,
                                                      const std::string& only = "");

// ---- Output --------------------------------------------------------------------------------

nlohmann::json toJson(const FindingAssessment& assessment);
nlohmann::json toJson(const PenaltyDecision& decision);
nlohmann::json toJson(const EnterpriseGrading& grading);
// Human-readable: one statement a line, each ending with its clause.
std::string describe(const FindingAssessment& assessment, const PolicyData& policy, Language language);
std::string describe(const PenaltyDecision& decision, const PolicyData& policy, Language language);
std::string describe(const EnterpriseGrading& grading, const PolicyData& policy, Language language);

}  // namespace inspectonce
