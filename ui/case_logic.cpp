#include "case_logic.hpp"

#include <algorithm>
#include <utility>

namespace inspectonce::ui {
namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Keys holding a date besides the one a state's deadline is set by.
bool isDateKey(std::string_view key) {
    return key == "deadline" || key == "date" || key == "paid-on" ||
           (key.size() > 5 && key.substr(key.size() - 5) == "-date");
}

}  // namespace

std::vector<const workflow::Definition*> inboxWorkflows(const PolicyData& policy) {
    std::vector<const workflow::Definition*> out;
    for (const auto& definition : policy.workflows)
        if (definition.id != "finding") out.push_back(&definition);
    return out;
}

bool isLate(workflow::Standing standing) {
    return standing == workflow::Standing::Overdue || standing == workflow::Standing::Escalated;
}

bool isDueSoon(workflow::Standing standing) {
    return standing == workflow::Standing::DueSoon || standing == workflow::Standing::DueToday;
}

bool caseMatches(const Workspace& workspace, const workflow::Case& item, CaseShow show, std::string_view search, Date day) {
    switch (show) {
        case CaseShow::Open:
            if (item.closed) return false;
            break;
        case CaseShow::Closed:
            if (!item.closed) return false;
            break;
        case CaseShow::Overdue:
            if (!isLate(workflow::standingOn(item, day))) return false;
            break;
        case CaseShow::All: break;
    }
    if (search.empty()) return true;
    if (contains(std::to_string(item.id), search) || contains(item.title, search) || contains(item.enterprise, search) ||
        contains(item.state, search) || contains(item.department, search))
        return true;
    if (const WorkspaceEnterprise* enterprise = workspace.enterprise(item.enterprise);
        enterprise && contains(enterprise->enterprise.name, search))
        return true;
    if (const WorkspaceDepartment* department = workspace.department(item.department);
        department && (contains(department->name.zh, search) || contains(department->name.en, search)))
        return true;
    return false;
}

std::vector<int32_t> inboxRows(const Workspace& workspace, std::string_view workflow, CaseShow show,
                               std::string_view search, Date day) {
    std::vector<int32_t> rows;
    for (int32_t i = static_cast<int32_t>(workspace.cases.size()) - 1; i >= 0; --i) {
        const workflow::Case& item = workspace.cases[static_cast<std::size_t>(i)];
        if (item.workflow == workflow && caseMatches(workspace, item, show, search, day)) rows.push_back(i);
    }
    return rows;
}

std::vector<Field> transitionFields(const workflow::Definition& definition, const workflow::Transition& transition,
                                    const workflow::Case* current) {
    const workflow::State* target = definition.state(transition.to);
    std::string setBy = target && target->deadline ? target->deadline->setBy : "";
    std::vector<Field> fields;
    auto add = [&](const std::string& key) {
        if (std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; })) return;
        Field field{key, FieldKind::Text, {}};
        for (const auto& [whenKey, values] : transition.when)
            if (whenKey == key) {
                field.kind = FieldKind::Choice;
                field.choices = values;
            }
        if (field.kind == FieldKind::Text) {
            if (key == "department") field.kind = FieldKind::Department;
            else if (key == setBy || isDateKey(key)) field.kind = FieldKind::Date;
        }
        fields.push_back(std::move(field));
    };
    for (const auto& key : transition.needs) add(key);
    // A condition on an attribute the case already carries is the engine's to check.
    for (const auto& [key, values] : transition.when)
        if (!current || !workflow::find(current->attributes, key)) add(key);
    if (!setBy.empty()) add(setBy);  // entering the state needs the date it is due
    return fields;
}

std::vector<std::string> missingFields(const std::vector<Field>& fields, const std::map<std::string, std::string>& values) {
    std::vector<std::string> missing;
    for (const auto& field : fields) {
        auto found = values.find(field.key);
        if (found == values.end() || found->second.empty()) missing.push_back(field.key);
    }
    return missing;
}

workflow::Attributes fieldData(const std::vector<Field>& fields, const std::map<std::string, std::string>& values) {
    workflow::Attributes data;
    for (const auto& field : fields) {
        auto found = values.find(field.key);
        if (found != values.end() && !found->second.empty()) workflow::set(data, field.key, found->second);
    }
    return data;
}

std::string wordsKey(const workflow::Transition& transition) {
    for (const char* key : {"problem", "subject", "violation"})
        if (std::find(transition.needs.begin(), transition.needs.end(), key) != transition.needs.end()) return key;
    return "";
}

const workflow::Case* caseById(const Workspace& workspace, int64_t id) {
    auto found = std::lower_bound(workspace.cases.begin(), workspace.cases.end(), id,
                                  [](const workflow::Case& item, int64_t wanted) { return item.id < wanted; });
    return found != workspace.cases.end() && found->id == id ? &*found : nullptr;
}

std::vector<const workflow::Transition*> availableSteps(const workflow::Definition& definition, const workflow::Case& item) {
    if (item.closed) return {};
    return definition.from(item.state);
}

Text fieldLabel(std::string_view key) {
    static const std::vector<std::pair<std::string_view, Text>> kLabels = {
        {"advice", {"指导意见", "advice"}},
        {"approved-by", {"批准人", "approved by"}},
        {"basis", {"结果依据", "basis"}},
        {"category", {"类别", "category"}},
        {"channel", {"渠道", "channel"}},
        {"channel-written", {"原始渠道", "channel as written"}},
        {"check", {"核查情况", "check"}},
        {"code", {"检查码", "inspection code"}},
        {"commitment", {"整改承诺", "commitment"}},
        {"coordination", {"统筹意见", "coordination"}},
        {"corrected-in-time", {"及时纠正", "corrected in time"}},
        {"date", {"日期", "date"}},
        {"deadline", {"期限", "deadline"}},
        {"decision", {"决定", "decision"}},
        {"department", {"责任部门", "department"}},
        {"feedback", {"反馈情况", "feedback"}},
        {"first-time", {"首次违法", "first time"}},
        {"grounds", {"理由", "grounds"}},
        {"hardship", {"困难情况", "hardship"}},
        {"harm-mitigated", {"危害后果已消除", "harm mitigated"}},
        {"health-check", {"合规体检表", "health check"}},
        {"inspectors", {"检查人员", "inspectors"}},
        {"items", {"检查事项", "items"}},
        {"lead", {"牵头部门", "lead"}},
        {"major", {"重大事项", "major"}},
        {"matter", {"事项性质", "matter"}},
        {"merged-into", {"并入的检查", "merged into"}},
        {"method", {"检查方式", "method"}},
        {"minor", {"轻微", "minor"}},
        {"minor-harm", {"危害轻微", "minor harm"}},
        {"misconduct", {"问题性质", "misconduct"}},
        {"no-harm", {"无危害后果", "no harm"}},
        {"number", {"原编号", "number in the file"}},
        {"opinion", {"意见建议", "opinion"}},
        {"outcome", {"处理结果", "outcome"}},
        {"paid-on", {"缴款日期", "paid on"}},
        {"penalty", {"处罚", "penalty"}},
        {"period", {"报备周期", "period"}},
        {"planned-date", {"计划日期", "planned date"}},
        {"problem", {"问题", "problem"}},
        {"purpose", {"目的", "purpose"}},
        {"quiet-period", {"静默期", "quiet period"}},
        {"reason", {"理由", "reason"}},
        {"record", {"记录", "record"}},
        {"reinspection", {"复查情况", "re-inspection"}},
        {"related-to-business", {"与企业经营相关", "related to the business"}},
        {"report", {"报告", "report"}},
        {"result", {"办理结果", "result"}},
        {"review", {"审核意见", "review"}},
        {"reviewed-by", {"审核人", "reviewed by"}},
        {"satisfaction", {"满意度", "satisfaction"}},
        {"schedule", {"缓缴分期安排", "schedule"}},
        {"service-date", {"服务日期", "service date"}},
        {"severity", {"问题等级", "severity"}},
        {"signed-by", {"签字人", "signed by"}},
        {"subject", {"事由", "subject"}},
        {"violation", {"违法行为", "violation"}},
    };
    for (const auto& [id, label] : kLabels)
        if (id == key) return label;
    return {std::string(key), std::string(key)};
}

Text valueLabel(std::string_view value) {
    static const std::vector<std::pair<std::string_view, Text>> kLabels = {
        {"window", {"窗口", "window"}},
        {"hotline", {"热线", "hotline"}},
        {"online", {"网上", "online"}},
        {"offline", {"线下", "offline"}},
        {"letter", {"来信", "letter"}},
        {"other", {"其他", "other"}},
        {"platform", {"帮企云平台", "platform"}},
        {"liaison", {"助企联络员", "liaison officer"}},
        {"12345", {"12345 热线", "12345 hotline"}},
        {"xiqi-platform", {"锡企服务平台", "Xiqi platform"}},
        {"association", {"行业协会商会", "association"}},
        {"arbitrary-action", {"乱作为", "arbitrary action"}},
        {"arbitrary-penalty", {"乱处罚", "arbitrary penalty"}},
        {"legal", {"涉法", "legal"}},
        {"litigation", {"涉诉", "litigation"}},
        {"unlawful", {"违法", "unlawful"}},
        {"discipline", {"违纪", "discipline"}},
        {"yes", {"是", "yes"}},
        {"no", {"否", "no"}},
        {"satisfied", {"满意", "satisfied"}},
        {"basically-satisfied", {"基本满意", "basically satisfied"}},
        {"unsatisfied", {"不满意", "unsatisfied"}},
        {"superior", {"上级交办", "from a superior"}},
        {"urgent", {"紧急", "urgent"}},
        {"complaint", {"投诉举报", "complaint"}},
        {"unqualified-products", {"产品不合格", "unqualified products"}},
        {"life-safety", {"危及生命安全", "life safety"}},
        {"other-urgent", {"其他紧急情况", "other urgent"}},
        {"no-issues", {"未发现问题", "no issues"}},
        {"no-violation", {"无违法行为", "no violation"}},
        {"violation", {"有违法行为", "violation"}},
        {"guidance", {"指导服务", "guidance"}},
        {"minor", {"轻微问题", "minor"}},
        {"general", {"一般问题", "general"}},
        {"prominent", {"突出问题", "prominent"}},
    };
    for (const auto& [id, label] : kLabels)
        if (id == value) return label;
    return {std::string(value), std::string(value)};
}

std::vector<BoardColumn> boardColumns(const workflow::Definition& definition) {
    std::vector<BoardColumn> columns;
    BoardColumn done{{}, {"已办结", "Closed"}, true};
    for (const auto& state : definition.states) {
        if (state.final) done.states.push_back(state.id);
        else columns.push_back({{state.id}, state.name, false});
    }
    if (!done.states.empty()) columns.push_back(std::move(done));
    return columns;
}

std::vector<std::vector<int32_t>> boardRows(const Workspace& workspace, const workflow::Definition& definition,
                                            const std::vector<BoardColumn>& columns, Date day, bool onlyLate) {
    std::vector<std::vector<int32_t>> rows(columns.size());
    for (std::size_t i = 0; i < workspace.cases.size(); ++i) {
        const workflow::Case& item = workspace.cases[i];
        if (item.workflow != definition.id) continue;
        if (onlyLate && !isLate(workflow::standingOn(item, day))) continue;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (std::find(columns[c].states.begin(), columns[c].states.end(), item.state) != columns[c].states.end())
                rows[c].push_back(static_cast<int32_t>(i));
    }
    for (auto& column : rows)
        std::stable_sort(column.begin(), column.end(), [&](int32_t a, int32_t b) {
            const auto& x = workspace.cases[static_cast<std::size_t>(a)];
            const auto& y = workspace.cases[static_cast<std::size_t>(b)];
            // Without a deadline last; cases are already in ascending number.
            if (x.deadline.has_value() != y.deadline.has_value()) return x.deadline.has_value();
            return x.deadline && *x.deadline < *y.deadline;
        });
    return rows;
}

std::vector<const LoadedPlugin*> countiesWith(const PluginHost& plugins, std::string_view workflow) {
    std::vector<const LoadedPlugin*> counties;
    for (const auto& plugin : plugins.plugins())
        if (plugin.policy.findWorkflow(workflow)) counties.push_back(&plugin);
    return counties;
}

Text holderLabel(const Workspace& workspace, const workflow::Definition& definition, const std::string& holder) {
    if (const WorkspaceDepartment* department = workspace.department(holder)) return department->name;
    return roleLabel(definition, holder);
}

Text stateLabel(const workflow::Definition& definition, const std::string& state) {
    const workflow::State* found = definition.state(state);
    return found ? found->name : Text{state, state};
}

Text roleLabel(const workflow::Definition& definition, const std::string& role) {
    const workflow::Role* found = definition.role(role);
    return found ? found->name : Text{role, role};
}

}  // namespace inspectonce::ui
