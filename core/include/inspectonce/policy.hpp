// A county's policy as data: what its parameter file (policies/<county>.json, compiled into
// the county's plugin) says. Engines ask these structures and never know which county
// they serve. Every rule carries the clause of the seed document that makes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/classifier_hints.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/grading_rules.hpp"
#include "inspectonce/model.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workflow.hpp"

namespace inspectonce {

// The document a county's rules come from (one of shared/seeds).
struct PolicyDocument {
    std::string seed;       // "004"
    std::string file;       // "004_70b066bc1e41dfca.txt"
    std::string number;     // "云政办发〔2025〕24号"; empty for an unnumbered draft
    Text title;
    std::optional<Date> issued;
    std::optional<Date> inForceFrom;   // no rule applies before this day
    std::optional<Date> inForceUntil;  // a trial's last day (inclusive)
    std::optional<Citation> inForceClause;  // the clause that sets those dates ("002 五"), if one does

    bool inForceOn(Date day) const;
};

// When, within every month, inspections pause (企业安静期, 执法助企服务周 …).
struct MonthlyPeriod {
    enum class Kind { Dekad, NthWeek, DayRange };
    Kind kind = Kind::Dekad;
    Dekad dekad = Dekad::Late;                       // Kind::Dekad
    int week = 0;                                    // Kind::NthWeek
    FirstWeekRule firstWeek = FirstWeekRule::Iso;    // Kind::NthWeek
    int fromDay = 0, toDay = 0;                      // Kind::DayRange, clipped to the month

    Result<DateRange> in(YearMonth month) const;
    Text describe() const;  // "每月下旬（21日至月末）" / "the last ten days of each month (21st to month end)"
};

// What a department proposes to do in an enterprise (检查、调研、行政指导、领导干部入企).
enum class InspectionKind { Inspection, Survey, Guidance, LeaderVisit };
enum class Method { OnSite, NonSite };  // 现场 / 非现场

Result<InspectionKind> parseInspectionKind(std::string_view text);  // inspection, survey, guidance, leader-visit
std::string_view toString(InspectionKind kind);
Text label(InspectionKind kind);
Result<Method> parseMethod(std::string_view text);  // on-site, non-site
std::string_view toString(Method method);
Text label(Method method);

// Which requests a rule speaks to. An empty list means "any"; `joint` unset means either.
struct Applicability {
    std::vector<InspectionKind> kinds;
    std::vector<Method> methods;
    std::vector<DepartmentLevel> levels;
    std::vector<CreditGrade> grades;
    std::vector<std::string> lists;  // the enterprise is on at least one of them
    std::optional<bool> joint;       // the inspection is (not) a joint one
};

// When an obligation falls due, counted from the day of the inspection: so many working
// days (PRC calendar, ALL-1) or calendar days before or after it, or during it.
struct Due {
    enum class Anchor { Before, After, During };
    Anchor anchor = Anchor::Before;
    int workingDays = 0;
    int calendarDays = 0;  // at most one of the two is non-zero; both 0: by the day itself (before), no deadline set (after)
};

// How firmly the seed says it: 不得/须 (must) or 可/原则上/力争 (should: a late date informs, never refuses).
enum class Strength { Must, Should };

// Something a rule requires of the department: an approval, a filing, a notice.
struct ObligationRule {
    std::string id;          // "head-approval"
    Text text;               // 报请本单位主要负责人批准 / approval by the department's head
    Citation clause;
    Due due;
    enum class Checks { Nothing, NoticeDate, FilingDate };
    Checks checks = Checks::Nothing;  // which planned date of the request shows it done
    Strength strength = Strength::Must;
    std::optional<Text> note;  // where the document is vague, what it leaves open
    Applicability appliesTo;   // within a rule, which requests this obligation is for (e.g. surveys only)
};

// The exceptions a rule accepts, the clause that lists them, and what an exception obliges
// instead of the rule (ALL-4).
struct ExceptionClause {
    Citation clause;
    std::vector<std::string> allowed;  // ids of exceptions.hpp, in the clause's order
    std::vector<ObligationRule> obliges;
    std::optional<Text> note;
};

// A longer blackout for some grades (004 二(六): B grade "延长企业安静期").
struct BlackoutExtension {
    CreditGrade grade = CreditGrade::B;
    int daysBefore = 0;  // the period starts this many days earlier; 0 when the document fixes no length
    Citation clause;
    std::optional<Text> note;
};

struct BlackoutRule {
    std::string id;       // "quiet-period"
    Text name;            // 企业安静期 / enterprise quiet period
    MonthlyPeriod period;
    Citation clause;      // "004 二(三)"
    Text rule;            // what the clause says, in short
    Applicability forbids;                 // what may not happen in the period (empty: anything)
    std::vector<ObligationRule> necessary; // if not empty, a necessary visit goes ahead with these instead of being refused
    std::optional<ExceptionClause> exceptions;
    std::vector<BlackoutExtension> extensions;
};

// Every other rule a decision applies. One struct with a type, because most rules share
// their shape (id, clause, text, what they apply to, their exceptions); the fields a type
// does not use stay empty, and the parser refuses them.
struct PolicyRule {
    enum class Type {
        Obligation,     // obliges something of every request it applies to (filing, approval, notice …)
        Cap,            // at most `max` on-site inspections a year by one department
        Exempt,         // the enterprise is exempt: refused
        NoRepeat,       // no separate inspection of the same item kind in the year after a joint/unified one
        CrossLevel,     // one item inspected once across levels in a year
        NonSiteFirst,   // a non-site inspection without violation makes an on-site one of the item unnecessary
        Merge,          // inspections in a close period should be merged (informs)
        Inform,         // says something the department should know (informs)
    };
    Type type = Type::Inform;
    std::string id;
    Text name;  // short: 现场检查次数上限 / on-site inspection cap
    Citation clause;
    Text rule;
    Applicability appliesTo;
    std::optional<ExceptionClause> exceptions;
    std::optional<Text> note;
    std::optional<ObligationRule> obligation;  // Type::Obligation
    int max = 0;                               // Type::Cap
    bool unified = false;                      // Type::NoRepeat: triggered by a department-wide unified inspection, not a joint one
    bool sameDepartment = false;               // Type::Merge: units of the same department (else: different departments)
    int windowDays = 0;                        // Type::Merge: what "a close period" (相近时段) is taken to be
};

// Sampling (双随机抽查) ratio by credit grade: the direction the seed gives and, where it
// gives one, a percentage.
struct SamplingRule {
    CreditGrade grade = CreditGrade::C;
    enum class Level { Lower, Normal, Higher };
    Level level = Level::Normal;
    std::optional<int> percent;
    Text text;
};

struct SamplingRules {
    Citation clause;
    std::vector<SamplingRule> byGrade;
    std::optional<Text> note;
    std::optional<Citation> fewerRepeats;  // the clause asking for fewer repeated draws (003 二(二)), if any
};

// A category of demand (诉求) or disturbance complaint (干扰行为) the seed enumerates.
struct Category {
    std::string id;
    Text name;
    Citation clause;
    Text examples;
};

struct CategoryList {
    Citation clause;
    std::vector<Category> items;
};

// Finding severity (轻微/一般/突出): each level is decided by facts established about a
// finding. A level applies when all of `allOf` hold and, if `anyOf` is not empty, one of
// it. Levels are tried in `precedence` order; `outside` lists areas the mechanism excludes.
struct SeverityLevel {
    std::string id;
    Text name;
    Citation clause;
    std::vector<std::string> allOf;
    std::vector<std::string> anyOf;
};

struct SeverityRules {
    Citation clause;
    std::vector<std::pair<std::string, Text>> facts;  // the facts a finding may establish
    std::vector<SeverityLevel> levels;                 // in the document's order
    std::vector<std::string> precedence;               // level ids, the first that applies wins
    std::optional<Citation> outsideClause;
    std::vector<std::pair<std::string, Text>> outsideAreas;  // excluded areas (附则)
};

// What follows a finding of a given severity: steps with their clause.
struct DispositionStep {
    std::string id;
    Text text;
};

struct Disposition {
    std::string severity;  // a severity level id, or a name of its own where the seed has no levels
    Citation clause;
    Text summary;
    std::vector<DispositionStep> steps;
};

// A yearly target (004 一): the year, the metric and the minimum.
struct YearlyTarget {
    int year = 0;
    std::string metric;  // "joint-inspection-rate", "joint-random-task-share"
    Text name;
    int minPercent = 0;
    Strength strength = Strength::Must;  // 力争 → should
    Citation clause;
};

// A county id (and any rule or category id): lowercase letters, digits and '-', at most 32.
bool isCountyId(std::string_view id);

struct PolicyData {
    std::string county;   // plugin id
    Text name;            // 云和县 / Yunhe County
    Text region;          // 浙江省丽水市 / Lishui, Zhejiang
    PolicyDocument document;
    std::vector<BlackoutRule> blackouts;
    std::vector<PolicyRule> rules;
    std::optional<SamplingRules> sampling;
    std::optional<CategoryList> demandCategories;     // 002 二(一)
    std::optional<CategoryList> complaintCategories;  // 002 二(二)
    std::optional<SeverityRules> severity;
    std::vector<Disposition> dispositions;
    std::vector<YearlyTarget> targets;
    ClassifierHints classifierHints;  // "classifier_hints": keyword evidence for classify.hpp
    std::optional<PenaltyRules> penalties;  // "penalties" (grading.hpp: decidePenalty)
    GradingRules grading;                   // "grading" (grading.hpp: assessFinding, gradeEnterprise)
    std::vector<workflow::Definition> workflows;  // "workflows" (workflow.hpp: open, apply)

    // The workflow with `id` ("demand", "finding" …); nullptr when the county defines none.
    const workflow::Definition* findWorkflow(std::string_view id) const;

    // Parses and validates a parameter file; `source` names it in errors.
    static Result<PolicyData> fromJson(std::string_view text, const std::string& source);
};

// The façade engines ask: answers about one county on one day, from its parameter file,
// without the engine knowing which county it is.
class Policy {
public:
    explicit Policy(const PolicyData& data) : data_(&data) {}

    const PolicyData& data() const { return *data_; }
    bool inForceOn(Date day) const { return data_->document.inForceOn(day); }

    // The blackout rules whose period (with any extension for `grade`) holds `day`; none
    // when the document is not in force on `day`.
    Result<std::vector<const BlackoutRule*>> blackoutsOn(Date day, std::optional<CreditGrade> grade = std::nullopt) const;
    // The exceptions the rule with `ruleId` accepts (a blackout or a rule); nullptr if none.
    const ExceptionClause* exceptionsOf(std::string_view ruleId) const;
    // The rules of one type, in file order.
    std::vector<const PolicyRule*> rulesOf(PolicyRule::Type type) const;
    // The tightest on-site cap for a department inspecting an enterprise of `grade`, if any.
    const PolicyRule* onSiteCap(CreditGrade grade) const;
    // The sampling rule for `grade`, if the county sets one.
    const SamplingRule* samplingFor(CreditGrade grade) const;
    // The targets of `year` (004 一: 60 % in 2025, 70 % in 2026, 80 % in 2027).
    std::vector<const YearlyTarget*> targetsFor(int year) const;

    // Grades a finding from the facts established about it and the areas it touches.
    struct FindingGrade {
        std::optional<std::string> level;  // a SeverityLevel id; unset when outside or no level applies
        bool outside = false;              // in an area the mechanism excludes
        std::vector<Citation> clauses;
        const Disposition* disposition = nullptr;
    };
    Result<FindingGrade> gradeFinding(const std::vector<std::string>& facts, const std::vector<std::string>& areas) const;

private:
    const PolicyData* data_;
};

struct BlackoutDay {
    DayInfo day;                 // the date and its working-day status
    const BlackoutRule* rule;    // points into the PolicyData asked
};

struct MonthBlackouts {
    YearMonth month;
    std::vector<BlackoutDay> days;   // in date order; empty when none apply
    std::optional<Text> note;        // why none apply although rules exist (not yet in force …)
};

// The blackout days of `month` under `policy`, each annotated from the official calendar.
// A month outside the calendar's known years is an error, never a guess.
Result<MonthBlackouts> blackoutDays(const PolicyData& policy, YearMonth month,
                                    const WorkCalendar& calendar = WorkCalendar::official());

}  // namespace inspectonce
