// Parsing "workflows" of a county parameter file with errors that name the JSON path:
// "yunhe.json at /workflows/0/transitions/3/roles/0: expected a role declared under
// /workflows/0/roles, found \"leader\"".
#include "policy/workflow_data.hpp"

#include <algorithm>
#include <deque>

namespace inspectonce {
namespace {

using workflow::Definition;
using workflow::DeadlineRule;
using workflow::Escalation;
using workflow::Role;
using workflow::State;
using workflow::Transition;

// The longest limit a file may give, in working days: a little over two working years.
constexpr int64_t kMaxWorkingDays = 500;

// The JSON pointer of a cursor, without the file name ("/workflows/0/roles").
std::string pointerOf(const json::Cursor& at) {
    std::string where = at.where();
    auto cut = where.rfind(" at ");
    return cut == std::string::npos ? where : where.substr(cut + 4);
}

Result<Citation> ownClause(const PolicyData& policy, const json::Cursor& parent, std::string_view key = "clause") {
    IO_TRY(field, parent.field(key));
    IO_TRY(citation, field.clause());
    if (citation.clause.compare(0, 3, policy.document.seed) != 0)
        return field.fail("a clause of this county's document " + policy.document.seed);
    return citation;
}

Result<std::string> readId(const json::Cursor& parent, std::string_view key = "id") {
    IO_TRY(field, parent.field(key));
    IO_TRY(text, field.string());
    if (!isCountyId(text)) return field.fail("an id of lowercase letters, digits and '-'");
    return text;
}

Result<Text> readName(const json::Cursor& parent) {
    IO_TRY(field, parent.field("name"));
    IO_TRY(text, field.text());
    if (text.zh.empty() || text.en.empty()) return field.fail("a name in Chinese and English");
    return text;
}

// A list of distinct ids, each of which `known` accepts; `expected` says what they must be.
template <class Known>
Result<std::vector<std::string>> readRefs(const json::Cursor& at, Known known, const std::string& expected) {
    IO_TRY(items, at.items());
    std::vector<std::string> out;
    for (const auto& item : items) {
        IO_TRY(text, item.string());
        if (!known(text)) return item.fail(expected);
        if (std::find(out.begin(), out.end(), text) != out.end()) return makeError(item.where(), "\"" + text + "\" listed twice");
        out.push_back(text);
    }
    return out;
}

Result<int> readDays(const json::Cursor& parent, std::string_view key, int64_t min = 1) {
    IO_TRY(field, parent.field(key));
    IO_TRY(days, field.integer(min, kMaxWorkingDays));
    return static_cast<int>(days);
}

Result<DeadlineRule> readDeadline(const PolicyData& policy, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"working_days", "set_by", "max_working_days", "longer", "clause", "parameter"}));
    DeadlineRule rule;
    IO_TRY(clause, ownClause(policy, at));
    rule.clause = clause;
    IO_TRY(parameter, at.flag("parameter"));
    rule.parameter = parameter;
    if (at.has("working_days") == at.has("set_by"))
        return at.fail("either \"working_days\" (a fixed limit) or \"set_by\" (the key of a date the actor sets)");
    if (at.has("working_days")) {
        if (at.has("max_working_days")) return makeError(at.where() + "/max_working_days", "only a deadline with \"set_by\" has a maximum");
        IO_TRY(days, readDays(at, "working_days"));
        rule.workingDays = days;
    } else {
        IO_TRY(key, readId(at, "set_by"));
        rule.setBy = key;
        if (at.has("max_working_days")) {
            IO_TRY(days, readDays(at, "max_working_days"));
            rule.maxWorkingDays = days;
        }
    }
    if (auto longer = at.optionalField("longer")) {
        IO_CHECK(longer->onlyKeys({"attribute", "value", "working_days", "clause"}));
        DeadlineRule::Longer l;
        IO_TRY(attribute, readId(*longer, "attribute"));
        l.attribute = attribute;
        IO_TRY(valueField, longer->field("value"));
        IO_TRY(value, valueField.string());
        if (value.empty()) return valueField.fail("the attribute's value that gives the longer limit");
        l.value = value;
        IO_TRY(days, readDays(*longer, "working_days"));
        l.workingDays = days;
        int base = rule.setBy.empty() ? rule.workingDays : rule.maxWorkingDays;
        if (base > 0 && l.workingDays <= base)
            return makeError(longer->where() + "/working_days", "expected more than the ordinary " + std::to_string(base) +
                                                                    " working days, found " + std::to_string(l.workingDays));
        IO_TRY(longerClause, ownClause(policy, *longer));
        l.clause = longerClause;
        rule.longer = l;
    }
    return rule;
}

Result<Definition> readDefinition(const PolicyData& policy, const json::Cursor& at) {
    IO_CHECK(at.onlyKeys({"id", "name", "clause", "roles", "states", "transitions", "remind_working_days", "escalation"}));
    Definition d;
    IO_TRY(id, readId(at));
    d.id = id;
    IO_TRY(name, readName(at));
    d.name = name;
    IO_TRY(clause, ownClause(policy, at));
    d.clause = clause;

    IO_TRY(rolesField, at.field("roles"));
    IO_TRY(roleItems, rolesField.items());
    if (roleItems.empty()) return rolesField.fail("at least one role");
    for (const auto& item : roleItems) {
        IO_CHECK(item.onlyKeys({"id", "name"}));
        Role role;
        IO_TRY(roleId, readId(item));
        role.id = roleId;
        IO_TRY(roleName, readName(item));
        role.name = roleName;
        if (d.role(role.id)) return makeError(item.where() + "/id", "duplicate role id \"" + role.id + "\"");
        d.roles.push_back(role);
    }
    auto isRole = [&](const std::string& r) { return d.role(r) != nullptr; };
    const std::string roleExpected = "a role declared under " + pointerOf(rolesField);

    IO_TRY(statesField, at.field("states"));
    IO_TRY(stateItems, statesField.items());
    if (stateItems.empty()) return statesField.fail("at least one state");
    for (const auto& item : stateItems) {
        IO_CHECK(item.onlyKeys({"id", "name", "holder", "deadline", "final", "notify", "clause"}));
        State state;
        IO_TRY(stateId, readId(item));
        state.id = stateId;
        if (d.state(state.id)) return makeError(item.where() + "/id", "duplicate state id \"" + state.id + "\"");
        IO_TRY(stateName, readName(item));
        state.name = stateName;
        IO_TRY(isFinal, item.flag("final"));
        state.final = isFinal;
        if (auto holder = item.optionalField("holder")) {
            IO_TRY(holderId, holder->string());
            if (!isRole(holderId)) return holder->fail(roleExpected);
            state.holder = holderId;
        } else if (!state.final) {
            return makeError(item.where() + "/holder", "a state that is not final needs a holder (the role that acts next)");
        }
        if (auto deadline = item.optionalField("deadline")) {
            if (state.final) return makeError(deadline->where(), "a final state has no deadline");
            IO_TRY(rule, readDeadline(policy, *deadline));
            state.deadline = rule;
        }
        if (auto notify = item.optionalField("notify")) {
            IO_TRY(roles, readRefs(*notify, isRole, roleExpected));
            state.notify = roles;
        }
        IO_TRY(stateClause, ownClause(policy, item));
        state.clause = stateClause;
        d.states.push_back(state);
    }
    if (std::none_of(d.states.begin(), d.states.end(), [](const State& s) { return s.final; }))
        return statesField.fail("at least one final state (\"final\": true)");
    auto isState = [&](const std::string& s) { return d.state(s) != nullptr; };
    const std::string stateExpected = "a state declared under " + pointerOf(statesField);

    IO_TRY(transitionsField, at.field("transitions"));
    IO_TRY(transitionItems, transitionsField.items());
    for (const auto& item : transitionItems) {
        IO_CHECK(item.onlyKeys({"id", "name", "from", "to", "roles", "needs", "when", "only_when_overdue",
                                 "not_before_working_days", "clause"}));
        Transition t;
        IO_TRY(transitionId, readId(item));
        t.id = transitionId;
        if (d.transition(t.id)) return makeError(item.where() + "/id", "duplicate transition id \"" + t.id + "\"");
        IO_TRY(transitionName, readName(item));
        t.name = transitionName;
        if (auto from = item.optionalField("from")) {
            IO_TRY(states, readRefs(*from, isState, stateExpected));
            if (states.empty()) return from->fail("at least one state (leave \"from\" out for an opening transition)");
            for (std::size_t i = 0; i < states.size(); ++i)
                if (d.state(states[i])->final)
                    return makeError(from->where() + "/" + std::to_string(i), "\"" + states[i] + "\" is final: a closed case takes no step");
            t.from = states;
        }
        IO_TRY(toField, item.field("to"));
        IO_TRY(to, toField.string());
        if (!isState(to)) return toField.fail(stateExpected);
        t.to = to;
        IO_TRY(rolesAt, item.field("roles"));
        IO_TRY(roles, readRefs(rolesAt, isRole, roleExpected));
        if (roles.empty()) return rolesAt.fail("at least one role that may take the transition");
        t.roles = roles;
        if (auto needs = item.optionalField("needs")) {
            IO_TRY(keys, readRefs(*needs, isCountyId, "a data key of lowercase letters, digits and '-'"));
            t.needs = keys;
        }
        if (auto when = item.optionalField("when")) {
            if (!when->raw().is_object() || when->raw().empty())
                return when->fail("an object of attribute: [accepted values]");
            for (const auto& member : when->raw().items()) {
                IO_TRY(values, when->field(member.key()));
                if (!isCountyId(member.key())) return makeError(values.where(), "expected an attribute id of lowercase letters, digits and '-'");
                IO_TRY(accepted, readRefs(values, [](const std::string& v) { return !v.empty(); }, "a non-empty value"));
                if (accepted.empty()) return values.fail("at least one accepted value");
                t.when.emplace_back(member.key(), accepted);
            }
        }
        IO_TRY(overdue, item.flag("only_when_overdue"));
        t.onlyWhenOverdue = overdue;
        if (t.onlyWhenOverdue) {
            if (t.from.empty()) return makeError(item.where() + "/only_when_overdue", "an opening transition has no deadline to miss");
            for (const auto& s : t.from)
                if (!d.state(s)->deadline)
                    return makeError(item.where() + "/only_when_overdue", "\"" + s + "\" has no deadline to miss");
        }
        if (auto notBefore = item.optionalField("not_before_working_days")) {
            if (t.from.empty()) return notBefore->fail("no limit on an opening transition (nothing precedes it)");
            IO_TRY(days, notBefore->integer(1, kMaxWorkingDays));
            t.notBeforeWorkingDays = static_cast<int>(days);
        }
        const State* target = d.state(t.to);
        if (target->deadline && !target->deadline->setBy.empty() &&
            std::find(t.needs.begin(), t.needs.end(), target->deadline->setBy) == t.needs.end())
            return makeError(item.where() + "/needs", "\"" + t.to + "\" takes its deadline from " + target->deadline->setBy +
                                                          ": list it among the data the transition needs");
        IO_TRY(transitionClause, ownClause(policy, item));
        t.clause = transitionClause;
        d.transitions.push_back(t);
    }
    if (d.openings().empty()) return transitionsField.fail("at least one opening transition (one without \"from\")");

    // Every state reachable from an opening, and a final state reachable from every state.
    std::vector<std::string> reached;
    std::deque<std::string> queue;
    for (const auto* t : d.openings()) queue.push_back(t->to);
    while (!queue.empty()) {
        std::string s = queue.front();
        queue.pop_front();
        if (std::find(reached.begin(), reached.end(), s) != reached.end()) continue;
        reached.push_back(s);
        for (const auto* t : d.from(s)) queue.push_back(t->to);
    }
    for (std::size_t i = 0; i < d.states.size(); ++i)
        if (std::find(reached.begin(), reached.end(), d.states[i].id) == reached.end())
            return makeError(stateItems[i].where(), "no transition from an opening reaches \"" + d.states[i].id + "\"");
    std::vector<std::string> ending;
    for (const auto& s : d.states)
        if (s.final) ending.push_back(s.id);
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& t : d.transitions) {
            if (std::find(ending.begin(), ending.end(), t.to) == ending.end()) continue;
            for (const auto& s : t.from)
                if (std::find(ending.begin(), ending.end(), s) == ending.end()) {
                    ending.push_back(s);
                    grew = true;
                }
        }
    }
    for (std::size_t i = 0; i < d.states.size(); ++i)
        if (std::find(ending.begin(), ending.end(), d.states[i].id) == ending.end())
            return makeError(stateItems[i].where(), "no final state can be reached from \"" + d.states[i].id + "\"");

    if (auto remind = at.optionalField("remind_working_days")) {
        IO_TRY(days, remind->integer(0, 30));
        d.remindWorkingDays = static_cast<int>(days);
    }
    if (auto escalation = at.optionalField("escalation")) {
        IO_CHECK(escalation->onlyKeys({"working_days_overdue", "to", "clause", "parameter"}));
        Escalation e;
        IO_TRY(days, readDays(*escalation, "working_days_overdue"));
        e.workingDaysOverdue = days;
        IO_TRY(toField, escalation->field("to"));
        IO_TRY(to, toField.string());
        if (!isRole(to)) return toField.fail(roleExpected);
        e.to = to;
        IO_TRY(escalationClause, ownClause(policy, *escalation));
        e.clause = escalationClause;
        IO_TRY(parameter, escalation->flag("parameter"));
        e.parameter = parameter;
        d.escalation = e;
    }
    return d;
}

}  // namespace

Status readWorkflowSection(const json::Cursor& root, PolicyData& policy) {
    auto section = root.optionalField("workflows");
    if (!section) return Ok{};
    IO_TRY(items, section->items());
    for (const auto& item : items) {
        IO_TRY(definition, readDefinition(policy, item));
        for (const auto& existing : policy.workflows)
            if (existing.id == definition.id) return makeError(item.where() + "/id", "duplicate workflow id \"" + definition.id + "\"");
        policy.workflows.push_back(std::move(definition));
    }
    return Ok{};
}

}  // namespace inspectonce
