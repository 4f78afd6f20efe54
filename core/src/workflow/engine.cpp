// The workflow engine: opening a case and taking a transition, each checked against the
// county's definition, with deadlines counted in working days of the official calendar.
#include <algorithm>

#include "inspectonce/workflow.hpp"

namespace inspectonce::workflow {
namespace {

std::string list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

std::string withClause(std::string why, const Citation& clause) {
    return clause.clause.empty() ? why : why + " (" + clause.clause + ")";
}

std::string caseName(const Definition& definition, const Case& item) {
    return item.id ? definition.id + " case " + std::to_string(item.id) : "new " + definition.id + " case";
}

// The attributes a condition sees: the case's, with the data given in this step on top.
Attributes merged(const Attributes& attributes, const Attributes& data) {
    Attributes out = attributes;
    for (const auto& [key, value] : data) set(out, key, value);
    return out;
}

Status checkTransition(const Definition& definition, const WorkCalendar& calendar, const Case& item, const Transition& transition, const Actor& actor,
                       Date date, const Attributes& data) {
    std::string where = caseName(definition, item);
    if (std::find(transition.roles.begin(), transition.roles.end(), actor.role) == transition.roles.end())
        return makeError(where, withClause("\"" + transition.id + "\" is for " + list(transition.roles) + ", not " +
                                               (actor.role.empty() ? "an actor without a role" : actor.role),
                                           transition.clause));
    for (const auto& key : transition.needs) {
        const std::string* value = find(data, key);
        if (!value || value->empty())
            return makeError(where, withClause("\"" + transition.id + "\" needs " + key + " (given: " +
                                                   (data.empty() ? std::string("nothing") : [&] {
                                                       std::vector<std::string> keys;
                                                       for (const auto& d : data) keys.push_back(d.first);
                                                       return list(keys);
                                                   }()) + ")",
                                               transition.clause));
    }
    Attributes seen = merged(item.attributes, data);
    for (const auto& [key, accepted] : transition.when) {
        const std::string* value = find(seen, key);
        if (!value || std::find(accepted.begin(), accepted.end(), *value) == accepted.end())
            return makeError(where, withClause("\"" + transition.id + "\" applies when " + key + " is " + list(accepted) +
                                                   ", and it is " + (value ? "\"" + *value + "\"" : std::string("not set")),
                                               transition.clause));
    }
    if (!item.steps.empty() && date < item.steps.back().date)
        return makeError(where, "the date " + date.iso() + " is before the case's last step (" + item.steps.back().date.iso() + ")");
    if (transition.notBeforeWorkingDays > 0 && !item.steps.empty()) {
        IO_TRY(earliest, calendar.addWorkdays(item.entered, transition.notBeforeWorkingDays));
        if (date < earliest)
            return makeError(where, withClause("\"" + transition.id + "\" may be taken " + std::to_string(transition.notBeforeWorkingDays) +
                                                   " working days after " + item.entered.iso() + " at the earliest (" + earliest.iso() +
                                                   "), not on " + date.iso(),
                                               transition.clause));
    }
    if (transition.onlyWhenOverdue && !(item.deadline && *item.deadline < date))
        return makeError(where, withClause("\"" + transition.id + "\" follows a missed deadline, and " +
                                               (item.deadline ? "the deadline " + item.deadline->iso() + " has not passed on " + date.iso()
                                                              : std::string("the case has no deadline")),
                                           transition.clause));
    return Ok{};
}

// The deadline of `state` entered on `date`: fixed, or set by the actor within the limit.
Result<std::optional<Date>> deadlineOf(const Definition& definition, const WorkCalendar& calendar, const Case& item,
                                       const State& state, Date date, const Attributes& data) {
    if (state.final || !state.deadline) return std::optional<Date>{};
    const DeadlineRule& rule = *state.deadline;
    int limit = rule.setBy.empty() ? rule.workingDays : rule.maxWorkingDays;
    Citation clause = rule.clause;
    if (rule.longer) {
        const Attributes seen = merged(item.attributes, data);  // kept: find points into it
        const std::string* value = find(seen, rule.longer->attribute);
        if (value && *value == rule.longer->value) {
            limit = rule.longer->workingDays;
            clause = rule.longer->clause;
        }
    }
    std::string where = caseName(definition, item);
    if (rule.setBy.empty()) {
        IO_TRY(due, calendar.addWorkdays(date, limit));
        return std::optional<Date>(due);
    }
    const std::string* given = find(data, rule.setBy);
    if (!given) return makeError(where, withClause("entering \"" + state.id + "\" needs " + rule.setBy + " (a date)", clause));
    auto parsed = Date::parse(*given);
    if (!parsed) return makeError(where + ": " + rule.setBy, parsed.error().why);
    if (*parsed < date) return makeError(where + ": " + rule.setBy, "the date " + *given + " is before " + date.iso());
    if (limit > 0) {
        IO_TRY(latest, calendar.addWorkdays(date, limit));
        if (latest < *parsed)
            return makeError(where + ": " + rule.setBy,
                             withClause(*given + " is later than " + std::to_string(limit) + " working days after " + date.iso() +
                                            " (" + latest.iso() + ")",
                                        clause));
    }
    // The day itself must be known to the calendar, and a deadline falls on a working day.
    IO_TRY(working, calendar.isWorkday(*parsed));
    if (!working) return makeError(where + ": " + rule.setBy, *given + " is not a working day");
    return std::optional<Date>(*parsed);
}

Result<Applied> enter(const Definition& definition, const WorkCalendar& calendar, Case item, const Transition& transition,
                      const Actor& actor, Date date, const Attributes& data) {
    const State* target = definition.state(transition.to);
    if (!target) return makeError(caseName(definition, item), "the definition has no state \"" + transition.to + "\"");
    IO_TRY(deadline, deadlineOf(definition, calendar, item, *target, date, data));
    std::string from = item.state;
    for (const auto& [key, value] : data) set(item.attributes, key, value);
    item.state = target->id;
    item.entered = date;
    item.closed = target->final;
    item.deadline = deadline;
    item.remindOn.reset();
    item.escalateOn.reset();
    if (deadline) {
        IO_TRY(remind, calendar.addWorkdays(*deadline, -definition.remindWorkingDays));
        item.remindOn = std::max(remind, date);
        if (definition.escalation) {
            IO_TRY(escalate, calendar.addWorkdays(*deadline, definition.escalation->workingDaysOverdue));
            item.escalateOn = escalate;
        }
    }
    if (const std::string* department = find(data, "department")) item.department = *department;
    item.steps.push_back(Step{date, transition.id, from, target->id, actor, data, transition.clause});
    return Applied{std::move(item), target->notify, transition.clause};
}

// The data as given, sorted by key (a later duplicate wins): callers may list it in any order.
Attributes sortedData(const Attributes& data) {
    Attributes out;
    for (const auto& [key, value] : data) set(out, key, value);
    return out;
}

}  // namespace

const std::string* find(const Attributes& attributes, std::string_view key) {
    auto it = std::lower_bound(attributes.begin(), attributes.end(), key,
                               [](const auto& pair, std::string_view k) { return pair.first < k; });
    return it != attributes.end() && it->first == key ? &it->second : nullptr;
}

void set(Attributes& attributes, std::string key, std::string value) {
    auto it = std::lower_bound(attributes.begin(), attributes.end(), key,
                               [](const auto& pair, const std::string& k) { return pair.first < k; });
    if (it != attributes.end() && it->first == key) it->second = std::move(value);
    else attributes.emplace(it, std::move(key), std::move(value));
}

const State* Definition::state(std::string_view wanted) const {
    for (const auto& s : states)
        if (s.id == wanted) return &s;
    return nullptr;
}

const Transition* Definition::transition(std::string_view wanted) const {
    for (const auto& t : transitions)
        if (t.id == wanted) return &t;
    return nullptr;
}

const Role* Definition::role(std::string_view wanted) const {
    for (const auto& r : roles)
        if (r.id == wanted) return &r;
    return nullptr;
}

std::vector<const Transition*> Definition::openings() const {
    std::vector<const Transition*> out;
    for (const auto& t : transitions)
        if (t.from.empty()) out.push_back(&t);
    return out;
}

std::vector<const Transition*> Definition::from(std::string_view state) const {
    std::vector<const Transition*> out;
    for (const auto& t : transitions)
        if (std::find(t.from.begin(), t.from.end(), state) != t.from.end()) out.push_back(&t);
    return out;
}

Result<Applied> open(const Definition& definition, const WorkCalendar& calendar, Case subject, std::string_view transition,
                     const Actor& actor, Date date, const Attributes& given) {
    const Attributes data = sortedData(given);
    subject.workflow = definition.id;
    subject.attributes = sortedData(subject.attributes);
    subject.opened = date;
    subject.state.clear();
    subject.steps.clear();
    std::string where = caseName(definition, subject);
    const Transition* chosen = nullptr;
    if (!transition.empty()) {
        chosen = definition.transition(transition);
        if (!chosen || !chosen->from.empty()) {
            std::vector<std::string> ids;
            for (const auto* t : definition.openings()) ids.push_back(t->id);
            return makeError(where, "\"" + std::string(transition) + "\" does not open a case; these do: " + list(ids));
        }
    } else {
        // The opening whose conditions the data meets (a finding opens by its severity).
        std::vector<const Transition*> matching;
        Attributes seen = merged(subject.attributes, data);
        for (const auto* t : definition.openings()) {
            bool holds = std::all_of(t->when.begin(), t->when.end(), [&](const auto& condition) {
                const std::string* value = find(seen, condition.first);
                return value && std::find(condition.second.begin(), condition.second.end(), *value) != condition.second.end();
            });
            if (holds) matching.push_back(t);
        }
        if (matching.size() > 1) {
            std::vector<const Transition*> forActor;
            for (const auto* t : matching)
                if (std::find(t->roles.begin(), t->roles.end(), actor.role) != t->roles.end()) forActor.push_back(t);
            if (forActor.size() == 1) matching = forActor;
        }
        if (matching.size() != 1) {
            std::vector<std::string> ids;
            for (const auto* t : definition.openings()) ids.push_back(t->id);
            return makeError(where, std::string(matching.empty() ? "no" : "more than one") +
                                        " opening transition applies to the data given; name one of: " + list(ids));
        }
        chosen = matching.front();
    }
    IO_CHECK(checkTransition(definition, calendar, subject, *chosen, actor, date, data));
    return enter(definition, calendar, std::move(subject), *chosen, actor, date, data);
}

Result<Applied> apply(const Definition& definition, const WorkCalendar& calendar, const Case& current,
                      std::string_view transition, const Actor& actor, Date date, const Attributes& given) {
    const Attributes data = sortedData(given);
    std::string where = caseName(definition, current);
    if (current.workflow != definition.id)
        return makeError(where, "the case belongs to workflow \"" + current.workflow + "\", not \"" + definition.id + "\"");
    if (current.closed) return makeError(where, "the case was closed (" + current.state + ") on " + current.entered.iso());
    const Transition* chosen = definition.transition(transition);
    if (!chosen || std::find(chosen->from.begin(), chosen->from.end(), current.state) == chosen->from.end()) {
        std::vector<std::string> ids;
        for (const auto* t : definition.from(current.state)) ids.push_back(t->id);
        return makeError(where, "\"" + std::string(transition) + "\" cannot be taken in state \"" + current.state +
                                    "\"; these can: " + list(ids));
    }
    IO_CHECK(checkTransition(definition, calendar, current, *chosen, actor, date, data));
    return enter(definition, calendar, current, *chosen, actor, date, data);
}

std::string_view toString(Standing standing) {
    switch (standing) {
        case Standing::Closed: return "closed";
        case Standing::NoDeadline: return "no-deadline";
        case Standing::OnTime: return "on-time";
        case Standing::DueSoon: return "due-soon";
        case Standing::DueToday: return "due-today";
        case Standing::Overdue: return "overdue";
        case Standing::Escalated: return "escalated";
    }
    return "on-time";
}

Text label(Standing standing) {
    switch (standing) {
        case Standing::Closed: return {"已办结", "closed"};
        case Standing::NoDeadline: return {"无时限", "no deadline"};
        case Standing::OnTime: return {"在期限内", "on time"};
        case Standing::DueSoon: return {"即将到期", "due soon"};
        case Standing::DueToday: return {"今日到期", "due today"};
        case Standing::Overdue: return {"已逾期", "overdue"};
        case Standing::Escalated: return {"逾期已升级", "overdue, escalated"};
    }
    return {};
}

Standing standingOn(const Case& item, Date day) {
    if (item.closed) return Standing::Closed;
    if (!item.deadline) return Standing::NoDeadline;
    if (item.escalateOn && *item.escalateOn <= day) return Standing::Escalated;
    if (*item.deadline < day) return Standing::Overdue;
    if (*item.deadline == day) return Standing::DueToday;
    if (item.remindOn && *item.remindOn <= day) return Standing::DueSoon;
    return Standing::OnTime;
}

std::string holderOf(const Definition& definition, const Case& item) {
    const State* state = definition.state(item.state);
    if (!state) return "";
    if (state->holder == "department" && !item.department.empty()) return item.department;
    return state->holder;
}

}  // namespace inspectonce::workflow
