// Cases and workflow definitions as the CLI prints them (workflow_cli.hpp).
#include "workflow_cli.hpp"

#include <algorithm>
#include <sstream>

namespace inspectonce::cli {
namespace {

nlohmann::json attributesJson(const workflow::Attributes& attributes) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : attributes) out[key] = value;
    return out;
}

nlohmann::json optionalDate(const std::optional<Date>& date) {
    return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr);
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
    return out;
}

}  // namespace

Result<const workflow::Definition*> workflowOf(const PolicyData& policy, const std::string& id) {
    std::vector<std::string> ids;
    for (const auto& definition : policy.workflows) {
        if (definition.id == id) return &definition;
        ids.push_back(definition.id);
    }
    return makeError("workflow " + id, "the county " + policy.county + " does not define it; it defines: " +
                                           (ids.empty() ? std::string("none") : joined(ids, ", ")));
}

int withWorkspace(const std::string& file, const Options& options,
                  const std::function<int(const Workspace&, const PolicyData&)>& run) {
    auto workspace = store::loadWorkspace(file);
    if (!workspace) return fail(workspace.error());
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, workspace->county, unknown);
    if (!plugin) return fail(unknown);
    return run(*workspace, plugin->policy);
}

const workflow::Case* caseById(const Workspace& workspace, int64_t id) {
    auto found = std::lower_bound(workspace.cases.begin(), workspace.cases.end(), id,
                                  [](const workflow::Case& item, int64_t wanted) { return item.id < wanted; });
    return found != workspace.cases.end() && found->id == id ? &*found : nullptr;
}

std::string clauseSuffix(const Citation& clause, const Options& options) {
    if (clause.clause.empty()) return "";
    return options.lang() == Language::English ? " (" + clause.clause + ")" : "（" + clause.clause + "）";
}

std::string stateName(const workflow::Definition& definition, const std::string& state, const Options& options) {
    const workflow::State* found = definition.state(state);
    return found ? options.say(found->name) : state;
}

std::string roleName(const workflow::Definition& definition, const std::string& role, const Options& options) {
    const workflow::Role* found = definition.role(role);
    return found ? options.say(found->name) : role;
}

std::string holderName(const Workspace& workspace, const workflow::Definition& definition, const std::string& holder,
                       const Options& options) {
    if (const WorkspaceDepartment* department = workspace.department(holder)) return options.say(department->name);
    return roleName(definition, holder, options);
}

nlohmann::json caseJson(const workflow::Case& item, const workflow::Definition& definition, Date day) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& step : item.steps)
        steps.push_back({{"date", step.date.iso()},
                         {"transition", step.transition},
                         {"from", step.from},
                         {"to", step.to},
                         {"actor", {{"role", step.actor.role}, {"name", step.actor.name}}},
                         {"data", attributesJson(step.data)},
                         {"clause", step.clause.clause}});
    return {{"id", item.id},
            {"workflow", item.workflow},
            {"enterprise", item.enterprise},
            {"department", item.department},
            {"title", item.title},
            {"state", item.state},
            {"holder", workflow::holderOf(definition, item)},
            {"opened", item.opened.iso()},
            {"entered", item.entered.iso()},
            {"deadline", optionalDate(item.deadline)},
            {"remind_on", optionalDate(item.remindOn)},
            {"escalate_on", optionalDate(item.escalateOn)},
            {"closed", item.closed},
            {"standing", std::string(workflow::toString(workflow::standingOn(item, day)))},
            {"on", day.iso()},
            {"attributes", attributesJson(item.attributes)},
            {"steps", steps}};
}

nlohmann::json definitionJson(const workflow::Definition& definition) {
    nlohmann::json states = nlohmann::json::array();
    for (const auto& state : definition.states) {
        nlohmann::json s = {{"id", state.id}, {"name", state.name.zh}, {"name_en", state.name.en}, {"holder", state.holder},
                            {"final", state.final}, {"notify", state.notify}, {"clause", state.clause.clause}};
        if (state.deadline) {
            const auto& d = *state.deadline;
            s["deadline"] = {{"working_days", d.workingDays}, {"set_by", d.setBy}, {"max_working_days", d.maxWorkingDays},
                             {"clause", d.clause.clause}, {"parameter", d.parameter}};
            if (d.longer)
                s["deadline"]["longer"] = {{"attribute", d.longer->attribute}, {"value", d.longer->value},
                                           {"working_days", d.longer->workingDays}, {"clause", d.longer->clause.clause}};
        }
        states.push_back(s);
    }
    nlohmann::json transitions = nlohmann::json::array();
    for (const auto& t : definition.transitions) {
        nlohmann::json when = nlohmann::json::object();
        for (const auto& [key, values] : t.when) when[key] = values;
        transitions.push_back({{"id", t.id}, {"name", t.name.zh}, {"name_en", t.name.en}, {"from", t.from}, {"to", t.to},
                               {"roles", t.roles}, {"needs", t.needs}, {"when", when},
                               {"only_when_overdue", t.onlyWhenOverdue}, {"clause", t.clause.clause}});
    }
    nlohmann::json out = {{"id", definition.id}, {"name", definition.name.zh}, {"name_en", definition.name.en},
                          {"clause", definition.clause.clause}, {"remind_working_days", definition.remindWorkingDays},
                          {"states", states}, {"transitions", transitions}};
    if (definition.escalation)
        out["escalation"] = {{"working_days_overdue", definition.escalation->workingDaysOverdue},
                             {"to", definition.escalation->to}, {"clause", definition.escalation->clause.clause}};
    return out;
}

std::string describeDefinition(const workflow::Definition& definition, const Options& options) {
    bool en = options.lang() == Language::English;
    std::ostringstream out;
    out << options.say(definition.name) << " [" << definition.id << "]" << clauseSuffix(definition.clause, options) << "\n";
    for (const auto& state : definition.states) {
        out << "  " << (en ? "state " : "状态 ") << options.say(state.name) << " [" << state.id << "]";
        if (!state.holder.empty()) out << (en ? ", held by " : "，办理：") << roleName(definition, state.holder, options);
        if (state.deadline) {
            const auto& d = *state.deadline;
            if (d.workingDays > 0) out << (en ? ", " + std::to_string(d.workingDays) + " working days" : "，" + std::to_string(d.workingDays) + " 个工作日");
            else if (d.maxWorkingDays > 0)
                out << (en ? ", a set date within " + std::to_string(d.maxWorkingDays) + " working days"
                           : "，限定日期，不超过 " + std::to_string(d.maxWorkingDays) + " 个工作日");
            else out << (en ? ", a set date" : "，限定日期");
            if (d.longer) out << (en ? " (" : "（") << d.longer->attribute << "=" << d.longer->value << ": " << d.longer->workingDays << (en ? ")" : "）");
            out << clauseSuffix(d.clause, options);
            if (d.parameter) out << (en ? " [county parameter]" : " [本县参数]");
        }
        if (state.final) out << (en ? ", final" : "，办结");
        out << clauseSuffix(state.clause, options) << "\n";
    }
    for (const auto& t : definition.transitions) {
        out << "  " << (en ? "step " : "步骤 ") << options.say(t.name) << " [" << t.id << "] "
            << (t.from.empty() ? std::string(en ? "(opens)" : "（立案）") : joined(t.from, "|")) << " → " << t.to;
        std::vector<std::string> roles;
        for (const auto& role : t.roles) roles.push_back(roleName(definition, role, options));
        out << (en ? "; by " : "；由 ") << joined(roles, en ? ", " : "、");
        if (!t.needs.empty()) out << (en ? "; needs " : "；需提供 ") << joined(t.needs, ", ");
        if (t.onlyWhenOverdue) out << (en ? "; only when overdue" : "；仅逾期时");
        out << clauseSuffix(t.clause, options) << "\n";
    }
    if (definition.escalation)
        out << "  " << (en ? "escalated to " : "逾期 ") << (en ? "" : std::to_string(definition.escalation->workingDaysOverdue) + " 个工作日后升级至 ")
            << roleName(definition, definition.escalation->to, options)
            << (en ? " " + std::to_string(definition.escalation->workingDaysOverdue) + " working days after the deadline" : "")
            << clauseSuffix(definition.escalation->clause, options) << "\n";
    return out.str();
}

std::string caseLine(const workflow::Case& item, const workflow::Definition& definition, const Workspace& workspace,
                     Date day, bool dated, const Options& options) {
    bool en = options.lang() == Language::English;
    std::ostringstream out;
    out << item.id << "  " << options.say(definition.name) << "  " << stateName(definition, item.state, options);
    if (item.deadline) out << (en ? "  due " : "  期限 ") << item.deadline->iso();
    if (dated) out << "  " << options.say(workflow::label(workflow::standingOn(item, day)));
    if (!item.closed) out << (en ? "  held by " : "  办理：") << holderName(workspace, definition, workflow::holderOf(definition, item), options);
    if (!item.enterprise.empty()) {
        const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise);
        out << "  " << (enterprise ? enterprise->enterprise.name : item.enterprise);
    }
    if (!item.title.empty()) out << "  " << item.title;
    return out.str();
}

std::string describeCase(const workflow::Case& item, const workflow::Definition& definition, const Workspace& workspace,
                         Date day, const Options& options) {
    bool en = options.lang() == Language::English;
    std::ostringstream out;
    out << (en ? "case " : "案件 ") << item.id << "  " << options.say(definition.name) << clauseSuffix(definition.clause, options) << "\n";
    if (!item.title.empty()) out << "  " << item.title << "\n";
    if (!item.enterprise.empty()) {
        const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise);
        out << (en ? "  enterprise " : "  企业 ") << (enterprise ? enterprise->enterprise.name + " " : "") << item.enterprise << "\n";
    }
    out << (en ? "  state " : "  状态 ") << stateName(definition, item.state, options);
    if (item.deadline) out << (en ? ", due " : "，期限 ") << item.deadline->iso();
    out << (en ? ", on " : "，") << day.iso() << (en ? ": " : "：") << options.say(workflow::label(workflow::standingOn(item, day)));
    if (!item.closed) out << (en ? ", held by " : "，办理：") << holderName(workspace, definition, workflow::holderOf(definition, item), options);
    out << "\n";
    for (const auto& step : item.steps) {
        const workflow::Transition* t = definition.transition(step.transition);
        out << "  " << step.date.iso() << "  " << (t ? options.say(t->name) : step.transition) << " → "
            << stateName(definition, step.to, options) << (en ? "  by " : "  ") << roleName(definition, step.actor.role, options)
            << (step.actor.name.empty() ? "" : " " + step.actor.name) << clauseSuffix(step.clause, options);
        for (const auto& [key, value] : step.data) out << "  " << key << "=" << value;
        out << "\n";
    }
    return out.str();
}

}  // namespace inspectonce::cli
