#include "planning_form.hpp"

#include "inspectonce/calendar.hpp"
#include "inspectonce/exchange.hpp"

namespace inspectonce::ui {
namespace {

const char* text(const std::array<char, 16>& field) { return field.data(); }

}  // namespace

std::vector<Text> draftMissing(const PlanDraft& draft, const Workspace& workspace) {
    std::vector<Text> missing;
    if (draft.department < 0 || draft.department >= static_cast<int>(workspace.departments.size()))
        missing.push_back({"选择部门", "choose the department"});
    if (!draft.enterprise[0]) missing.push_back({"填写企业统一社会信用代码", "enter the enterprise's USCC"});
    else if (!workspace.enterprise(draft.enterprise.data())) missing.push_back({"该信用代码不在工作区中", "no enterprise with this USCC in the workspace"});
    if (draft.items.empty()) missing.push_back({"至少选择一个检查事项", "choose at least one item"});
    auto start = Date::parse(text(draft.start));
    auto end = Date::parse(text(draft.end));
    if (!start) missing.push_back({"填写开始日期（YYYY-MM-DD）", "enter the start (YYYY-MM-DD)"});
    if (!end) missing.push_back({"填写结束日期（YYYY-MM-DD）", "enter the end (YYYY-MM-DD)"});
    if (start && end && *end < *start) missing.push_back({"结束日期早于开始日期", "the end is before the start"});
    if (draft.filedOn[0] && !Date::parse(text(draft.filedOn))) missing.push_back({"备案日期应为 YYYY-MM-DD 或留空", "the filing date is YYYY-MM-DD or empty"});
    return missing;
}

std::string draftCsv(const PlanDraft& draft, const Workspace& workspace, const std::vector<CountyException>& exceptions) {
    std::string department, unit, items, exception;
    if (draft.department >= 0 && draft.department < static_cast<int>(workspace.departments.size())) {
        const WorkspaceDepartment& d = workspace.departments[static_cast<std::size_t>(draft.department)];
        department = d.id;
        if (draft.unit >= 0 && draft.unit < static_cast<int>(d.units.size())) unit = d.units[static_cast<std::size_t>(draft.unit)];
    }
    for (const auto& item : draft.items) items += (items.empty() ? "" : ";") + item;
    if (draft.exception >= 0 && draft.exception < static_cast<int>(exceptions.size()))
        exception = exceptions[static_cast<std::size_t>(draft.exception)].id;
    std::string kind(toString(static_cast<InspectionKind>(draft.kind)));
    std::string method(toString(static_cast<Method>(draft.method)));
    return exchange::csvLine({"department", "unit", "enterprise", "items", "start", "end", "kind", "method", "exception",
                              "filed_on", "inspectors"}) +
           exchange::csvLine({department, unit, draft.enterprise.data(), items, draft.start.data(), draft.end.data(), kind, method,
                              exception, draft.filedOn.data(), std::to_string(draft.inspectors)});
}

std::vector<const InspectionItem*> itemsOf(const Workspace& workspace, const std::string& department) {
    std::vector<const InspectionItem*> out;
    for (const auto& item : workspace.items)
        if (item.department == department) out.push_back(&item);
    return out;
}

}  // namespace inspectonce::ui
