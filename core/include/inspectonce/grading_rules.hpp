// A county's rules for penalties (处罚: 不予 / 减轻 / 从轻 / 依法) and for grading enterprises
// (画像 A/B/C/D, 白名单, 信用风险分类), as its parameter file states them under "penalties" and
// "grading". The engines of grading.hpp read these; every rule names its clause, and every
// number the document does not fix is marked as the county's own parameter with a note.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inspectonce/model.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce {

// A bilingual statement and the clause it comes from: one line of every explanation.
struct Ground {
    Text text;
    Citation clause;
};

// ---- Penalties ---------------------------------------------------------------------------

// What happens to a violation. NoPenaltyIfRectified is Dinghai's "整改到位后不予处罚" before the
// rectification is known (000 二(二)1-2).
enum class PenaltyOutcome { NoPenalty, NoPenaltyIfRectified, Reduced, Lighter, Normal };

// When a penalty rule applies: facts that must all hold, one of which must hold, none of which
// may hold; the finding's severity (a level id of "severity", "excluded" or "none"); the matter
// being on one of the county's lists (with that entry's own conditions).
struct PenaltyCondition {
    std::vector<std::string> allOf, anyOf, noneOf;
    std::vector<std::string> severities;
    std::string list;  // a PenaltyList id, or empty
};

struct PenaltyStep {
    std::string id;
    Text text;
    Citation clause;
};

struct PenaltyRule {
    std::string id;
    Text name;
    Citation clause;
    PenaltyOutcome outcome = PenaltyOutcome::Normal;
    PenaltyCondition when;
    Text text;                       // what the clause says, in short
    std::vector<PenaltyStep> steps;  // what the department does (commitment letter, soft enforcement …)
    bool legalReview = false;        // 法制审核 before the penalty
    bool collectiveDecision = false; // 集体决策 before the penalty
    std::optional<Text> otherwise;   // NoPenaltyIfRectified: what follows when not rectified
    std::optional<Text> note;
};

// One matter (事项) on a county list, with the facts its entry requires.
struct PenaltyMatter {
    std::string id;
    Text name;
    std::vector<std::string> needs;  // facts that must hold for the entry to apply
    bool example = false;                // shipped as an example, not the county's real list
};

// A list of matters (Wuxi's 不予处罚 / 减轻处罚 / 从轻处罚事项清单, 003 二(七)).
struct PenaltyList {
    std::string id;
    Text name;
    Citation clause;
    std::vector<PenaltyMatter> matters;
    std::optional<Text> note;
};

// Steps added to any decision whose conditions hold, without deciding the outcome
// (Yuancheng's observation period and working capital, 002 三(二)3).
struct PenaltyAddition {
    std::string id;
    Citation clause;
    PenaltyCondition when;
    std::vector<PenaltyStep> steps;
};

// Deferral or instalments of a fine on proven hardship (001 三.6).
struct HardshipRule {
    std::string fact;  // the fact that says the hardship is proven and applied for
    Citation clause;
    Text text;
};

struct PenaltyRules {
    bool covered = true;   // false: the document sets no penalty rule; `fallback` says what it does say
    std::vector<std::pair<std::string, Text>> facts;            // facts of penalties besides the severity facts
    std::vector<std::pair<std::string, std::string>> exclusive;  // facts that cannot both hold
    std::vector<PenaltyList> lists;
    std::vector<PenaltyRule> rules;  // tried in order: the first that applies decides
    PenaltyRule fallback;            // when none applies
    std::vector<PenaltyAddition> additions;
    std::optional<HardshipRule> hardship;
    std::optional<Ground> consistency;  // 首查负责制 (003 二(九)): one opinion for one matter
    std::optional<Text> note;
};

// ---- Grading enterprises -----------------------------------------------------------------

// Yunhe's yearly portrait (精准画像, 004 二(六)): points per record over a look-back window,
// grade thresholds, records and lists that cap the grade, and the rise rule for C and D.
struct PortraitRules {
    Citation clause;
    int lookbackYears = 1;  // records dated in the graded year and the years before it, this many in all
    int base = 0;
    std::vector<std::pair<std::string, int>> points;   // event kind → points per record
    int thresholdA = 0, thresholdB = 0, thresholdC = 0;  // at least this score; D below C's
    std::vector<std::pair<std::string, CreditGrade>> atBestAfter;  // event kind → the best grade it allows
    std::vector<std::pair<std::string, CreditGrade>> atBestOnList; // enterprise list → the best grade it allows
    std::array<Text, 4> consequences;                   // what each grade means (A..D)
    struct Rise {
        Citation clause;
        std::vector<CreditGrade> grades;  // C, D
        int withinPeriods = 2;
        int byGrades = 1;
    };
    std::optional<Rise> rise;
    std::optional<Text> note;
};

// Wuxi's white list (柔性监管白名单, 003 二(五)): who qualifies (a county parameter) and what
// it gives; key industries stay under key supervision.
struct WhiteListRules {
    Citation clause;
    std::string list = "white-list";  // the enterprise list that records membership
    Text gives;                        // 非现场监管、触发式监管、提示性监管优先
    std::vector<CreditGrade> grades;   // eligible grades on record
    std::vector<std::string> noneOf;   // event kinds that make an enterprise ineligible in the window
    int lookbackYears = 1;
    std::vector<std::string> keyIndustries;  // 药品、特种设备 …
    std::optional<Ground> keySupervision;
    std::optional<Text> note;
};

// Credit risk classes that set sampling (双随机抽查) ratios (002 三(二)2): the class is the
// grade on record; records in `raiseOn` (失信违法) raise sampling; sampling comes from the
// county's "sampling" data.
struct CreditRiskRules {
    Citation clause;
    std::vector<std::string> raiseOn;
    int lookbackYears = 1;
    std::optional<Text> lowerGives;  // what a lower level allows (自查自纠等承诺式检查)
    std::optional<Text> note;
};

struct GradingRules {
    std::optional<Ground> findings;  // what the document says where it grades no findings
    std::optional<Ground> none;      // what the document says where it grades no enterprises
    std::optional<PortraitRules> portrait;
    std::optional<WhiteListRules> whiteList;
    std::optional<CreditRiskRules> creditRisk;

    bool present() const { return findings || none || portrait || whiteList || creditRisk; }
};

}  // namespace inspectonce
