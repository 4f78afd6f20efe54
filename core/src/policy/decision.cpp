// The decision engine: applies a county's rules, in the order of its parameter file, to one
// request, and builds the answer as a value. It never knows which county it serves.
#include "inspectonce/decision.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "inspectonce/exceptions.hpp"

namespace inspectonce {
namespace {

template <class T>
bool within(const std::vector<T>& allowed, const T& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool applies(const Applicability& a, const DecisionRequest& r) {
    if (!within(a.kinds, r.kind) || !within(a.methods, r.method) || !within(a.levels, r.level) ||
        !within(a.grades, r.grade))
        return false;
    if (!a.lists.empty() && std::none_of(a.lists.begin(), a.lists.end(), [&](const std::string& l) { return r.isOn(l); }))
        return false;
    if (a.joint && *a.joint != r.joint) return false;
    return true;
}

Text joinedExceptions(const std::vector<std::string>& ids) {
    Text out;
    for (const auto& id : ids) {
        const auto* reason = findException(id);
        out.zh += (out.zh.empty() ? "" : "、") + (reason ? reason->name.zh : id) + "（" + id + "）";
        out.en += (out.en.empty() ? "" : ", ") + id;
    }
    if (ids.empty()) out = {"无", "none"};
    return out;
}

Text exceptionName(const std::string& id) {
    const auto* reason = findException(id);
    return reason ? reason->name : Text{id, id};
}

Text what(const DecisionRequest& r) {
    Text kind = label(r.kind), method = label(r.method);
    return {method.zh + kind.zh, method.en + " " + kind.en};
}

class Engine {
public:
    Engine(const PolicyData& data, const DecisionRequest& request, const WorkCalendar& calendar)
        : policy_(data), data_(data), r_(request), calendar_(calendar) {}

    Result<Decision> run();

private:
    enum class ExceptionUse { None, Accepted, Rejected };

    void reason(Effect effect, const std::string& rule, const Citation& clause, Text text) {
        d_.reasons.push_back({effect, rule, clause, std::move(text)});
    }
    ExceptionUse useException(const ExceptionClause& ex, const std::string& ruleId, const Text& ruleName);
    Status oblige(const ObligationRule& o, const std::string& ruleId);
    Result<Date> dueDate(const Due& due) const;
    Text whenText(const Due& due, std::optional<Date> date) const;
    std::vector<const HistoryEntry*> thisYear() const;
    std::vector<const HistoryEntry*> thisYear_;  // computed once per decision: every rule reads it

    Status blackouts();
    Status rule(const PolicyRule& rule);

    Policy policy_;
    const PolicyData& data_;
    const DecisionRequest& r_;
    const WorkCalendar& calendar_;
    Decision d_;
    bool claimConsidered_ = false;
};

std::vector<const HistoryEntry*> Engine::thisYear() const {
    std::vector<const HistoryEntry*> out;
    for (const auto& entry : r_.history)
        if (entry.date.year() == r_.date.year() && entry.date < r_.date) out.push_back(&entry);
    return out;
}

// Which exception, if any, lifts the rule: one raised by a list the enterprise is on, or
// the one claimed. A claimed exception the rule does not accept is refused with the list.
Engine::ExceptionUse Engine::useException(const ExceptionClause& ex, const std::string& ruleId, const Text& ruleName) {
    auto accept = [&](const std::string& id, bool fromList) {
        Text name = exceptionName(id);
        reason(Effect::Informs, ruleId, ex.clause,
               {std::string(fromList ? "该企业" : "") + "“" + name.zh + "”属" + ex.clause.text() + "所列例外，不受" +
                    ruleName.zh + "限制",
                "\"" + id + "\"" + (fromList ? " (the enterprise is on that list)" : "") + " is an exception listed in " +
                    ex.clause.text() + ": the " + ruleName.en + " does not stop it"});
        if (ex.note) reason(Effect::Informs, ruleId, ex.clause, *ex.note);
    };
    for (const auto& id : ex.allowed) {
        const auto* listed = findException(id);
        if (listed && !listed->fromList.empty() && r_.isOn(listed->fromList)) {
            accept(id, true);
            return ExceptionUse::Accepted;
        }
    }
    if (!r_.exception) return ExceptionUse::None;
    claimConsidered_ = true;
    if (std::find(ex.allowed.begin(), ex.allowed.end(), *r_.exception) != ex.allowed.end()) {
        accept(*r_.exception, false);
        return ExceptionUse::Accepted;
    }
    Text allowed = joinedExceptions(ex.allowed);
    Text name = exceptionName(*r_.exception);
    reason(Effect::Refuses, ruleId, ex.clause,
           {"“" + name.zh + "”不是" + ruleName.zh + "所列的例外情形；" + ex.clause.text() + "所列：" + allowed.zh,
            "\"" + *r_.exception + "\" is not an exception to the " + ruleName.en + "; " + ex.clause.text() +
                " lists: " + allowed.en});
    return ExceptionUse::Rejected;
}

Result<Date> Engine::dueDate(const Due& due) const {
    switch (due.anchor) {
        case Due::Anchor::During: return r_.date;
        case Due::Anchor::Before:
            if (due.workingDays) return calendar_.addWorkdays(r_.date, -due.workingDays);
            return r_.date.plusDays(-due.calendarDays);
        case Due::Anchor::After:
            if (due.workingDays) return calendar_.addWorkdays(r_.date, due.workingDays);
            return r_.date.plusDays(due.calendarDays);
    }
    return r_.date;
}

Text Engine::whenText(const Due& due, std::optional<Date> date) const {
    std::string iso = date ? date->iso() : "";
    auto n = std::to_string(due.workingDays ? due.workingDays : due.calendarDays);
    bool working = due.workingDays > 0;
    switch (due.anchor) {
        case Due::Anchor::During: return {"检查时", "during the visit"};
        case Due::Anchor::Before:
            if (!due.workingDays && !due.calendarDays) return {"入企前（不晚于" + iso + "）", "before the visit (by " + iso + ")"};
            return {"提前" + n + (working ? "个工作日" : "日") + "（不晚于" + iso + "）",
                    n + (working ? " working" : "") + " day(s) ahead (by " + iso + ")"};
        case Due::Anchor::After:
            return {"事后" + n + (working ? "个工作日" : "日") + "内（不晚于" + iso + "）",
                    "within " + n + (working ? " working" : "") + " day(s) after (by " + iso + ")"};
    }
    return {};
}

// Adds an obligation, or, when the request already gives the date that shows it done,
// says whether that date is in time.
Status Engine::oblige(const ObligationRule& o, const std::string& ruleId) {
    if (!applies(o.appliesTo, r_)) return Ok{};
    bool open = o.due.anchor == Due::Anchor::After && !o.due.workingDays && !o.due.calendarDays;
    if (open) {  // the seed sets no deadline, or counts it from a day not known yet
        Text when{"事后（文件未规定以检查日计算的期限）", "afterwards (the document sets no deadline counted from the visit)"};
        d_.obligations.push_back({o.id, ruleId, o.clause, o.text, std::nullopt, when, o.note});
        reason(Effect::Obliges, ruleId, o.clause, {o.text.zh + "（" + when.zh + "）", o.text.en + " (" + when.en + ")"});
        if (o.note) reason(Effect::Informs, ruleId, o.clause, *o.note);
        return Ok{};
    }
    IO_TRY(due, dueDate(o.due));
    Text when = whenText(o.due, due);
    std::optional<Date> given;
    Text givenName;
    if (o.checks == ObligationRule::Checks::NoticeDate) given = r_.noticeDate, givenName = {"预告", "notice"};
    if (o.checks == ObligationRule::Checks::FilingDate) given = r_.filingDate, givenName = {"备案/报送", "filing"};
    if (given) {
        if (*given <= due) {
            reason(Effect::Informs, ruleId, o.clause,
                   {o.text.zh + "：" + givenName.zh + "日期" + given->iso() + "符合要求（" + when.zh + "）",
                    o.text.en + ": the " + givenName.en + " date " + given->iso() + " is in time (" + when.en + ")"});
            return Ok{};
        }
        Effect effect = o.strength == Strength::Must ? Effect::Refuses : Effect::Informs;
        std::string zhTail = o.strength == Strength::Must ? "" : "（文件用语为“可”或“原则上”，不据此拒绝）";
        std::string enTail = o.strength == Strength::Must ? "" : " (the document says \"may\" or \"in principle\": not a refusal)";
        reason(effect, ruleId, o.clause,
               {o.text.zh + "：" + givenName.zh + "日期" + given->iso() + "晚于" + due.iso() + "（" + when.zh + "）" + zhTail,
                o.text.en + ": the " + givenName.en + " date " + given->iso() + " is after " + due.iso() + " (" + when.en + ")" + enTail});
        return Ok{};
    }
    Obligation obligation{o.id, ruleId, o.clause, o.text, std::nullopt, when, o.note};
    if (o.due.anchor != Due::Anchor::During) obligation.due = due;
    d_.obligations.push_back(obligation);
    reason(Effect::Obliges, ruleId, o.clause, {o.text.zh + "（" + when.zh + "）", o.text.en + " (" + when.en + ")"});
    if (o.note) reason(Effect::Informs, ruleId, o.clause, *o.note);
    return Ok{};
}

Status Engine::blackouts() {
    IO_TRY(active, policy_.blackoutsOn(r_.date, r_.grade));
    for (const auto& rule : data_.blackouts)
        for (const auto& extension : rule.extensions)
            if (extension.grade == r_.grade && applies(rule.forbids, r_) && extension.note)
                reason(Effect::Informs, rule.id, extension.clause, *extension.note);
    for (const BlackoutRule* rule : active) {
        Text period = rule->period.describe();
        if (!applies(rule->forbids, r_)) {
            Text w = what(r_);
            reason(Effect::Informs, rule->id, rule->clause,
                   {r_.date.iso() + "在" + rule->name.zh + "（" + period.zh + "）内，但该期间不限制" + w.zh,
                    r_.date.iso() + " is in the " + rule->name.en + " (" + period.en + "), which does not restrict a " + w.en});
            continue;
        }
        if (rule->exceptions) {
            auto use = useException(*rule->exceptions, rule->id, rule->name);
            if (use == ExceptionUse::Rejected) continue;
            if (use == ExceptionUse::Accepted) {
                for (const auto& o : rule->exceptions->obliges) IO_CHECK(oblige(o, rule->id));
                continue;
            }
        }
        if (!rule->necessary.empty()) {
            reason(Effect::Informs, rule->id, rule->clause,
                   {r_.date.iso() + "在" + rule->name.zh + "（" + period.zh + "）内：" + rule->rule.zh,
                    r_.date.iso() + " is in the " + rule->name.en + " (" + period.en + "): " + rule->rule.en});
            for (const auto& o : rule->necessary) IO_CHECK(oblige(o, rule->id));
            continue;
        }
        Text allowed = joinedExceptions(rule->exceptions ? rule->exceptions->allowed : std::vector<std::string>{});
        reason(Effect::Refuses, rule->id, rule->clause,
               {r_.date.iso() + "在" + rule->name.zh + "（" + period.zh + "）内，不得入企" + label(r_.kind).zh +
                    "；可援引的例外：" + allowed.zh,
                r_.date.iso() + " is in the " + rule->name.en + " (" + period.en + "): no " + label(r_.kind).en +
                    " in enterprises; exceptions that may be given: " + allowed.en});
    }
    return Ok{};
}

Status Engine::rule(const PolicyRule& rule) {
    using T = PolicyRule::Type;
    // Exempt rules match by grade or list; the others need every condition.
    if (rule.type == T::Exempt) {
        Applicability a = rule.appliesTo;
        a.grades.clear();
        a.lists.clear();
        bool listed = within(rule.appliesTo.grades, r_.grade) && !rule.appliesTo.grades.empty();
        for (const auto& l : rule.appliesTo.lists) listed = listed || r_.isOn(l);
        if (!applies(a, r_) || !listed) return Ok{};
    } else if (!applies(rule.appliesTo, r_)) {
        return Ok{};
    }

    // A rule that would refuse: an accepted exception lifts it, a rejected one refuses.
    auto refuse = [&](Text text) -> Status {
        if (rule.exceptions) {
            auto use = useException(*rule.exceptions, rule.id, rule.name);
            if (use == ExceptionUse::Rejected) return Ok{};
            if (use == ExceptionUse::Accepted) {
                for (const auto& o : rule.exceptions->obliges) IO_CHECK(oblige(o, rule.id));
                return Ok{};
            }
        }
        reason(Effect::Refuses, rule.id, rule.clause, std::move(text));
        if (rule.note) reason(Effect::Informs, rule.id, rule.clause, *rule.note);
        return Ok{};
    };
    auto itemMissing = [&]() {
        reason(Effect::Informs, rule.id, rule.clause,
               {"未给出检查事项，无法核对：" + rule.rule.zh, "no item given, so this cannot be checked: " + rule.rule.en});
    };
    const auto& history = thisYear_;

    switch (rule.type) {
        case T::Obligation: {
            if (rule.exceptions) {
                auto use = useException(*rule.exceptions, rule.id, rule.name);
                if (use == ExceptionUse::Rejected) return Ok{};
                if (use == ExceptionUse::Accepted) {
                    for (const auto& o : rule.exceptions->obliges) IO_CHECK(oblige(o, rule.id));
                    return Ok{};
                }
            }
            IO_CHECK(oblige(*rule.obligation, rule.id));
            return Ok{};
        }
        case T::Cap: {
            int count = 0;
            for (const auto* e : history)
                if (e->department == r_.department && e->method == Method::OnSite) ++count;
            std::string n = std::to_string(count), max = std::to_string(rule.max);
            if (count >= rule.max)
                return refuse({"本部门今年已对该企业现场检查" + n + "次，上限" + max + "次：" + rule.rule.zh,
                               "this department has inspected the enterprise on site " + n + " time(s) this year, the cap is " +
                                   max + ": " + rule.rule.en});
            reason(Effect::Informs, rule.id, rule.clause,
                   {"本部门今年已现场检查" + n + "次，上限" + max + "次：" + rule.rule.zh,
                    n + " of at most " + max + " on-site inspection(s) this year by this department: " + rule.rule.en});
            if (rule.note) reason(Effect::Informs, rule.id, rule.clause, *rule.note);
            return Ok{};
        }
        case T::Exempt:
            return refuse({"该企业免检：" + rule.rule.zh, "the enterprise is exempt: " + rule.rule.en});
        case T::NoRepeat: {
            if (r_.item.empty()) return itemMissing(), Ok{};
            for (const auto* e : history) {
                if (e->item != r_.item) continue;
                if (rule.unified ? !(e->unified && e->department == r_.department) : !e->joint) continue;
                if (r_.joint) {
                    reason(Effect::Informs, rule.id, rule.clause,
                           {"本次为联合检查，不属单独进行的同类检查：" + rule.rule.zh,
                            "this is a joint inspection, not a separate one of the same kind: " + rule.rule.en});
                    return Ok{};
                }
                std::string how = rule.unified ? "部门统一监管检查" : "联合检查";
                std::string howEn = rule.unified ? "a department-wide unified inspection" : "a joint inspection";
                return refuse({"该企业已于" + e->date.iso() + "接受" + how + "（" + r_.item + "），本年度内不再单独进行同类检查：" + rule.rule.zh,
                               "the enterprise had " + howEn + " of " + r_.item + " on " + e->date.iso() +
                                   ": no separate inspection of the same kind this year: " + rule.rule.en});
            }
            return Ok{};
        }
        case T::CrossLevel: {
            if (r_.item.empty()) return itemMissing(), Ok{};
            for (const auto* e : history) {
                if (e->item != r_.item || e->level == r_.level) continue;
                return refuse({"同一事项（" + r_.item + "）已由" + label(e->level).zh + "部门于" + e->date.iso() +
                                   "检查，多层级只查一次、结果互认：" + rule.rule.zh,
                               "the same item (" + r_.item + ") was inspected at " + label(e->level).en + " level on " +
                                   e->date.iso() + "; one inspection across levels, results recognised: " + rule.rule.en});
            }
            return Ok{};
        }
        case T::NonSiteFirst: {
            if (r_.item.empty()) return itemMissing(), Ok{};
            for (const auto* e : history) {
                if (e->item != r_.item || e->department != r_.department || e->method != Method::NonSite || e->violation) continue;
                return refuse({"本部门已于" + e->date.iso() + "对该事项（" + r_.item + "）非现场检查且未发现违法行为，原则上不再现场检查：" + rule.rule.zh,
                               "this department inspected " + r_.item + " non-site on " + e->date.iso() +
                                   " and found no violation: in principle no on-site inspection: " + rule.rule.en});
            }
            return Ok{};
        }
        case T::Merge: {
            std::string dates;
            for (const auto& e : r_.history) {
                int gap = std::abs(e.date.dayNumber() - r_.date.dayNumber());
                if (gap > rule.windowDays || (e.department == r_.department) != rule.sameDepartment) continue;
                dates += (dates.empty() ? "" : ", ") + e.date.iso() + " " + e.department;
            }
            if (dates.empty()) return Ok{};
            std::string w = std::to_string(rule.windowDays);
            reason(Effect::Informs, rule.id, rule.clause,
                   {"前后" + w + "日内另有检查（" + dates + "）：" + rule.rule.zh,
                    "other inspections within " + w + " days (" + dates + "): " + rule.rule.en});
            if (rule.note) reason(Effect::Informs, rule.id, rule.clause, *rule.note);
            return Ok{};
        }
        case T::Inform:
            reason(Effect::Informs, rule.id, rule.clause, rule.rule);
            if (rule.note) reason(Effect::Informs, rule.id, rule.clause, *rule.note);
            return Ok{};
    }
    return Ok{};
}

Result<Decision> Engine::run() {
    d_.county = data_.county;
    d_.date = r_.date;
    thisYear_ = thisYear();
    IO_TRY(day, calendar_.day(r_.date));
    (void)day;
    if (r_.exception) {
        auto known = parseException(*r_.exception);
        if (!known) return makeError("exception", known.error().why);
    }
    const auto& doc = data_.document;
    Citation docClause = doc.inForceClause ? *doc.inForceClause : Citation{doc.seed + " 文件"};
    if (!doc.inForceOn(r_.date)) {
        d_.inForce = false;
        std::string from = doc.inForceFrom ? doc.inForceFrom->iso() : "", until = doc.inForceUntil ? doc.inForceUntil->iso() : "";
        Text period{from + "起施行" + (until.empty() ? "" : "，至" + until + "止"),
                    "in force from " + from + (until.empty() ? "" : " until " + until)};
        reason(Effect::Informs, "document", docClause,
               {data_.name.zh + "文件（" + period.zh + "）在" + r_.date.iso() + "不施行，不适用其规则",
                "the " + data_.name.en + " document (" + period.en + ") is not in force on " + r_.date.iso() +
                    ": none of its rules apply"});
        d_.outcome = Outcome::Allowed;
        return d_;
    }
    IO_CHECK(blackouts());
    for (const auto& rule : data_.rules) IO_CHECK(this->rule(rule));
    if (r_.kind == InspectionKind::Inspection) {
        if (const auto* sampling = policy_.samplingFor(r_.grade)) {
            reason(Effect::Informs, "sampling", data_.sampling->clause, sampling->text);
            if (data_.sampling->note) reason(Effect::Informs, "sampling", data_.sampling->clause, *data_.sampling->note);
        }
        for (const auto* target : policy_.targetsFor(r_.date.year())) {
            std::string p = std::to_string(target->minPercent);
            bool strive = target->strength == Strength::Should;
            reason(Effect::Informs, "target", target->clause,
                   {std::to_string(target->year) + "年目标：" + target->name.zh + (strive ? "力争" : "") + "达" + p + "%以上",
                    std::to_string(target->year) + " target: " + target->name.en + " at least " + p + " %" +
                        (strive ? " (striven for)" : "")});
        }
    }
    if (r_.exception && !claimConsidered_) {
        bool listed = false;
        for (const auto& b : data_.blackouts)
            if (b.exceptions && within(b.exceptions->allowed, *r_.exception)) listed = true;
        for (const auto& rule : data_.rules)
            if (rule.exceptions && within(rule.exceptions->allowed, *r_.exception)) listed = true;
        Text name = exceptionName(*r_.exception);
        reason(Effect::Informs, "exception", docClause,
               {"本次无需援引例外；已记录“" + name.zh + "”" + (listed ? "" : "（本文件未列此例外）"),
                "no rule needed an exception on this day; \"" + *r_.exception + "\" is recorded" +
                    (listed ? "" : " (the document does not list it)")});
    }
    bool refused = std::any_of(d_.reasons.begin(), d_.reasons.end(), [](const Reason& x) { return x.effect == Effect::Refuses; });
    d_.outcome = refused ? Outcome::Refused : d_.obligations.empty() ? Outcome::Allowed : Outcome::AllowedWithObligations;
    return d_;
}

}  // namespace

bool DecisionRequest::isOn(std::string_view list) const {
    return std::find(lists.begin(), lists.end(), list) != lists.end();
}

std::string_view toString(Outcome outcome) {
    switch (outcome) {
        case Outcome::Allowed: return "allowed";
        case Outcome::AllowedWithObligations: return "allowed-with-obligations";
        case Outcome::Refused: return "refused";
    }
    return "";
}

Result<Outcome> parseOutcome(std::string_view text) {
    for (Outcome o : {Outcome::Allowed, Outcome::AllowedWithObligations, Outcome::Refused})
        if (toString(o) == text) return o;
    return makeError("", "outcome must be allowed, allowed-with-obligations or refused, found '" + std::string(text) + "'");
}

std::string_view toString(Effect effect) {
    switch (effect) {
        case Effect::Refuses: return "refuses";
        case Effect::Obliges: return "obliges";
        case Effect::Informs: return "informs";
    }
    return "";
}

Text label(Outcome outcome) {
    switch (outcome) {
        case Outcome::Allowed: return {"允许", "allowed"};
        case Outcome::AllowedWithObligations: return {"允许，但须履行义务", "allowed with obligations"};
        case Outcome::Refused: return {"不允许", "refused"};
    }
    return {};
}

std::vector<std::string> Decision::clauses() const {
    std::vector<std::string> out;
    auto add = [&](const Citation& c) {
        if (std::find(out.begin(), out.end(), c.text()) == out.end()) out.push_back(c.text());
    };
    for (const auto& r : reasons) add(r.clause);
    for (const auto& o : obligations) add(o.clause);
    return out;
}

Result<Decision> decide(const PolicyData& policy, const DecisionRequest& request, const WorkCalendar& calendar) {
    return Engine(policy, request, calendar).run();
}

}  // namespace inspectonce
