// The engines answer every question (never the file): decide() for inspections,
// assessFinding() and decidePenalty() for findings and penalties, the county's classifier for
// demands and complaints, schedule() for merging plans into joint visits. Each answer keeps
// the engine's reasons, every one with its clause: they explain a trainee's mistake.
#include <algorithm>
#include <map>
#include <set>

#include "exercise/exercise_internal.hpp"
#include "inspectonce/hooks.hpp"
#include "inspectonce/schedule.hpp"

namespace inspectonce::exercise_detail {
namespace {

const Outcome kOutcomes[] = {Outcome::Allowed, Outcome::AllowedWithObligations, Outcome::Refused};
const PenaltyOutcome kPenalties[] = {PenaltyOutcome::NoPenalty, PenaltyOutcome::NoPenaltyIfRectified, PenaltyOutcome::Reduced,
                                     PenaltyOutcome::Lighter, PenaltyOutcome::Normal};
const Text kYes{"是", "yes"};
const Text kNo{"否", "no"};

const CategoryList& categoriesFor(classify::Kind list, const PolicyData& policy) {
    const auto& own = list == classify::Kind::Demand ? policy.demandCategories : policy.complaintCategories;
    return own ? *own : classify::defaultCategories(list);
}

Text visitsLabel(int64_t n) { return {std::to_string(n) + " 次入企", std::to_string(n) + (n == 1 ? " visit" : " visits")}; }

// On-site plans of a visit kind: the most visits the plans could need.
int64_t visitPlans(const Workspace& w) {
    return std::count_if(w.plans.begin(), w.plans.end(), [](const Plan& p) {
        return p.method == Method::OnSite && (p.kind == InspectionKind::Inspection || p.kind == InspectionKind::Survey);
    });
}

std::string planList(const std::vector<int64_t>& plans, const char* separator) {
    std::string out;
    for (int64_t id : plans) out += (out.empty() ? "" : separator) + std::to_string(id);
    return out;
}

// ---- decide ----

Result<EngineAnswer> decideAnswer(const Question& q, const Decider& decider) {
    IO_TRY(decision, decider(q.request));
    EngineAnswer a{std::string(toString(decision.outcome)), label(decision.outcome), {}};
    // What decided: a refusal's reasons; else what the department must do and by when (the
    // obliging reasons say the same without the date); else what the county's rules say.
    auto reasons = [&](bool informs) {
        for (const auto& r : decision.reasons)
            if (informs || r.effect != Effect::Informs) a.why.push_back({r.text, r.clause});
    };
    if (decision.outcome == Outcome::Refused) {
        for (const auto& r : decision.reasons)
            if (r.effect == Effect::Refuses) a.why.push_back({r.text, r.clause});
    } else {
        for (const auto& o : decision.obligations)
            a.why.push_back({{o.text.zh + "（" + o.when.zh + "）", o.text.en + " (" + o.when.en + ")"}, o.clause});
    }
    if (a.why.empty()) reasons(false);
    if (a.why.empty()) reasons(true);
    return a;
}

// ---- grade and penalty ----

Result<EngineAnswer> gradeAnswer(const Question& q, const PolicyData& policy) {
    IO_TRY(assessment, assessFinding(policy, q.finding));
    EngineAnswer a{assessment.severity, assessment.name, assessment.grounds};
    if (assessment.summary) a.why.push_back(*assessment.summary);
    for (const auto& m : assessment.missing) a.why.push_back(m);
    return a;
}

Result<EngineAnswer> penaltyAnswer(const Question& q, const PolicyData& policy) {
    IO_TRY(decision, decidePenalty(policy, q.penalty));
    EngineAnswer a{std::string(toString(decision.outcome)), label(decision.outcome), decision.grounds};
    for (const auto& s : decision.steps) a.why.push_back({s.text, s.clause});
    return a;
}

// ---- route ----

Result<EngineAnswer> routeAnswer(const Question& q, const PolicyData& policy) {
    IO_TRY(classifier, classify::Classifier::forCounty(q.list, policy));
    IO_TRY(answer, classifier.classify(q.text));
    // A text the classifier is unsure of has no answer to score against: a person decides it.
    if (answer.needsPerson)
        return makeError("text", "the classifier is not sure of this text (" + classify::formatFraction(answer.confidencePermille / 1000.0) +
                                     ", runner-up " + answer.runnerUp + "): a person decides it, so it cannot be scored; write it more plainly");
    const Category& c = answer.category;
    EngineAnswer a{c.id, c.name, {}};  // the county's category id (the model's label is its number)
    a.why.push_back({{c.name.zh + "：" + c.examples.zh, c.name.en + ": " + c.examples.en}, c.clause});
    for (const auto& hint : answer.hints)
        if (hint.category == c.id)
            a.why.push_back({{"文中有「" + hint.word + "」", "the text says \"" + hint.word + "\""}, c.clause});
    return a;
}

// ---- merge ----

// The days of each plan's window that fall in a blackout the plan is subject to (not an
// exception): why visits avoid them.
Result<std::vector<Ground>> blackoutGrounds(const Workspace& w, const PolicyData& policy) {
    std::map<const BlackoutRule*, std::vector<int64_t>> touched;
    std::map<YearMonth, MonthBlackouts> months;
    for (const auto& p : w.plans) {
        if (p.exception || p.method != Method::OnSite) continue;
        std::set<const BlackoutRule*> rules;
        for (Date d = p.window.first; d <= p.window.last; d = d.plusDays(1)) {
            YearMonth month{d.year(), d.month()};
            if (!months.count(month)) {
                IO_TRY(days, blackoutDays(policy, month));
                months.emplace(month, days);
            }
            for (const auto& b : months.at(month).days)
                if (b.day.date == d) rules.insert(b.rule);
        }
        for (const auto* rule : rules) touched[rule].push_back(p.id);
    }
    std::vector<Ground> out;
    for (const auto& [rule, plans] : touched)
        out.push_back({{"计划 " + planList(plans, "、") + " 的窗口含" + rule->name.zh + "（" + rule->period.describe().zh + "）：" + rule->rule.zh,
                        "the window of plan(s) " + planList(plans, ", ") + " includes the " + rule->name.en + " (" + rule->period.describe().en +
                            "): " + rule->rule.en},
                       rule->clause});
    return out;
}

Result<EngineAnswer> mergeAnswer(const Question& q, const PolicyData& policy) {
    const MergeQuestion& m = *q.merge;
    IO_TRY(made, schedule(m.workspace, policy));
    EngineAnswer a;
    switch (m.ask) {
        case MergeAsk::Visits:
            a.choice = std::to_string(made.visits.size());
            a.label = visitsLabel(static_cast<int64_t>(made.visits.size()));
            break;
        case MergeAsk::Together: {
            bool together = std::any_of(made.visits.begin(), made.visits.end(), [&](const Visit& v) {
                auto has = [&](int64_t id) { return std::find(v.plans.begin(), v.plans.end(), id) != v.plans.end(); };
                return has(m.plans[0]) && has(m.plans[1]);
            });
            a.choice = together ? "yes" : "no";
            a.label = together ? kYes : kNo;
            break;
        }
        case MergeAsk::Refused: {
            bool refused = std::any_of(made.refusals.begin(), made.refusals.end(), [&](const Refusal& r) { return r.plan == m.plans[0]; });
            a.choice = refused ? "yes" : "no";
            a.label = refused ? kYes : kNo;
            break;
        }
    }
    // The county's merge rules, then the schedule itself: each visit, each refusal, what an
    // exception visit still owes.
    for (const auto& rule : policy.rules)
        if (rule.type == PolicyRule::Type::Merge) a.why.push_back({rule.rule, rule.clause});
    Citation mergeClause = a.why.empty() ? Citation{} : a.why.front().clause;
    IO_TRY(blackouts, blackoutGrounds(m.workspace, policy));
    a.why.insert(a.why.end(), blackouts.begin(), blackouts.end());
    for (const auto& v : made.visits) {
        bool joint = v.plans.size() > 1;
        a.why.push_back({{"入企 " + v.date.iso() + "：计划 " + planList(v.plans, "、") + (joint ? "（联合检查）" : ""),
                          "visit on " + v.date.iso() + ": plan(s) " + planList(v.plans, ", ") + (joint ? " (joint)" : "")},
                         mergeClause});
    }
    for (const auto& r : made.refusals)
        a.why.push_back({{"计划 " + std::to_string(r.plan) + " 不安排：" + r.text.zh, "plan " + std::to_string(r.plan) + " is refused: " + r.text.en},
                         r.clause});
    for (const auto& o : made.owed)
        a.why.push_back({{"计划 " + std::to_string(o.plan) + "（例外）单独进行，之后须" + o.obligation.text.zh + "（" + o.obligation.when.zh + "）",
                          "plan " + std::to_string(o.plan) + " (an exception) goes ahead alone and then owes: " + o.obligation.text.en + " (" +
                              o.obligation.when.en + ")"},
                         o.obligation.clause});
    return a;
}

}  // namespace

Result<EngineAnswer> answerWith(const Exercise& exercise, const Question& question, const PolicyData& policy, const Decider& decider) {
    if (policy.county != exercise.county)
        return makeError(exercise.source + " at /county",
                         "the exercise is for \"" + exercise.county + "\", the rules given are \"" + policy.county + "\"'s");
    Result<EngineAnswer> answer = [&]() -> Result<EngineAnswer> {
        switch (question.kind) {
            case QuestionKind::Decide: return decideAnswer(question, decider);
            case QuestionKind::Grade: return gradeAnswer(question, policy);
            case QuestionKind::Penalty: return penaltyAnswer(question, policy);
            case QuestionKind::Route: return routeAnswer(question, policy);
            case QuestionKind::Merge: return mergeAnswer(question, policy);
        }
        return makeError("kind", "unknown question kind");
    }();
    if (!answer) return questionError(exercise, question, answer.error().message());
    return answer;
}

}  // namespace inspectonce::exercise_detail

namespace inspectonce {

using namespace exercise_detail;

std::vector<Choice> choices(const Question& question, const PolicyData& policy) {
    std::vector<Choice> out;
    switch (question.kind) {
        case QuestionKind::Decide:
            for (Outcome o : kOutcomes) out.push_back({std::string(toString(o)), label(o)});
            break;
        case QuestionKind::Grade:
            if (policy.severity) {
                for (const auto& level : policy.severity->levels) out.push_back({level.id, level.name});
                if (!policy.severity->outsideAreas.empty()) out.push_back({"excluded", {"不适用容错机制", "outside the error-tolerance mechanism"}});
                out.push_back({"none", {"不构成任何等级", "no level applies"}});
            } else {
                out.push_back({"not-graded", {"本地文件不对问题分级", "the document grades no findings"}});
            }
            break;
        case QuestionKind::Penalty:
            for (PenaltyOutcome o : kPenalties) out.push_back({std::string(toString(o)), label(o)});
            break;
        case QuestionKind::Route:
            for (const auto& c : categoriesFor(question.list, policy).items) out.push_back({c.id, c.name});
            break;
        case QuestionKind::Merge:
            if (question.merge->ask == MergeAsk::Visits) {
                for (int64_t n = 0; n <= visitPlans(question.merge->workspace); ++n) out.push_back({std::to_string(n), visitsLabel(n)});
            } else {
                out.push_back({"yes", kYes});
                out.push_back({"no", kNo});
            }
            break;
    }
    return out;
}

Result<EngineAnswer> engineAnswer(const Exercise& exercise, const Question& question, const PolicyData& policy) {
    return answerWith(exercise, question, policy, [&](const DecisionRequest& r) { return decide(policy, r); });
}

Result<EngineAnswer> engineAnswer(const Exercise& exercise, const Question& question, const LoadedPlugin& plugin) {
    return answerWith(exercise, question, plugin.policy, [&](const DecisionRequest& r) { return decideWith(plugin, r); });
}

Status check(const Exercise& exercise, const PolicyData& policy) {
    for (const auto& q : exercise.questions) {
        IO_TRY(answer, engineAnswer(exercise, q, policy));
        auto offered = choices(q, policy);
        auto offers = [&](const std::string& id) {
            return std::any_of(offered.begin(), offered.end(), [&](const Choice& c) { return c.id == id; });
        };
        if (!offers(answer.choice))
            return questionError(exercise, q, "the engine answers \"" + answer.choice + "\", which is not one of the choices");
        if (q.expected && !offers(*q.expected))
            return makeError(exercise.source + " at " + q.pointer + "/expected", "\"" + *q.expected + "\" is not one of the choices");
    }
    return Ok{};
}

}  // namespace inspectonce
