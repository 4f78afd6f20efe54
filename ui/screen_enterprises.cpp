// Enterprises: a searchable, sortable table of the workspace's enterprises (clipped, so
// 100 000 rows stay smooth), and one enterprise's page: its grade and why, with clauses; its
// plans, visits and cases; its line of Yunhe's annual feedback list (004 二(八)).
#include <imgui.h>

#include <cstdio>

#include "inspectonce/grading.hpp"
#include "inspectonce/report.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const Text kColumns[] = {{"统一社会信用代码", "Credit code"}, {"名称", "Name"},     {"等级", "Grade"},
                         {"乡镇", "Town"},                   {"行业", "Industry"}, {"计划", "Plans"},
                         {"检查", "Visits"},                 {"未结案件", "Open cases"}};
static_assert(std::size(kColumns) == static_cast<std::size_t>(EnterpriseColumn::Count));

void refreshRows(EnterprisesView& view, const Workspace& workspace, uint64_t version) {
    if (view.countsVersion != version) {
        view.counts = countByEnterprise(workspace);
        view.countsVersion = version;
        view.rowsVersion = ~uint64_t{0};
    }
    std::string search = view.search.data();
    if (view.rowsVersion == version && view.rowsSearch == search && view.rowsSortColumn == view.sortColumn &&
        view.rowsSortAscending == view.sortAscending)
        return;
    view.rows = enterpriseRows(workspace, view.counts, search, static_cast<EnterpriseColumn>(view.sortColumn), view.sortAscending);
    view.rowsVersion = version;
    view.rowsSearch = search;
    view.rowsSortColumn = view.sortColumn;
    view.rowsSortAscending = view.sortAscending;
}

void drawTable(AppState& state, const Workspace& workspace) {
    auto& view = state.views.enterprises;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    ImGui::InputTextWithHint("##search", state.tr({"搜索代码、名称、乡镇、行业", "Search code, name, town, industry"}),
                             view.search.data(), view.search.size());
    markItem(state, "enterprise-search");
    refreshRows(view, workspace, state.workspace.version());
    ImGui::SameLine();
    ImGui::TextDisabled("%s / %s %s", grouped(static_cast<int64_t>(view.rows.size())).c_str(),
                        grouped(static_cast<int64_t>(workspace.enterprises.size())).c_str(), state.tr({"家", "enterprises"}));

    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("enterprises", static_cast<int>(EnterpriseColumn::Count), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int i = 0; i < static_cast<int>(EnterpriseColumn::Count); ++i) {
        ImGuiTableColumnFlags columnFlags = i == 1 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
        if (i == 0) columnFlags |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(state.tr(kColumns[i]), columnFlags, 0, static_cast<ImGuiID>(i));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty && sort->SpecsCount > 0) {
        view.sortColumn = static_cast<int>(sort->Specs[0].ColumnUserID);
        view.sortAscending = sort->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        sort->SpecsDirty = false;
        refreshRows(view, workspace, state.workspace.version());
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& e = workspace.enterprises[static_cast<std::size_t>(view.rows[static_cast<std::size_t>(row)])];
            const std::string& code = e.enterprise.code.str();
            auto found = view.counts.find(code);
            EnterpriseCounts counts = found == view.counts.end() ? EnterpriseCounts{} : found->second;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(row);
            if (ImGui::Selectable(code.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) view.opened = code;
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.enterprise.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(toString(e.enterprise.grade)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.town.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.industry.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", counts.plans);
            ImGui::TableNextColumn();
            ImGui::Text("%d", counts.visits);
            ImGui::TableNextColumn();
            if (counts.openCases) ImGui::TextColored(kWarningColour, "%d", counts.openCases);
            else ImGui::TextDisabled("0");
        }
    }
    ImGui::EndTable();
}

std::string departmentName(const AppState& state, const Workspace& workspace, const std::string& id) {
    const WorkspaceDepartment* department = workspace.department(id);
    return department ? department->name.in(state.language) : id;
}

void drawGrading(AppState& state, const Workspace& workspace, const PolicyData& policy, const std::string& code) {
    auto& view = state.views.enterprises;
    if (view.gradingFor != code || view.gradingVersion != state.workspace.version() || view.gradingLanguage != state.language) {
        auto graded = gradeWorkspace(policy, workspace, code);
        if (!graded) view.grading = graded.error().message();
        else if (graded->empty()) view.grading = state.tr({"无评级结果", "No grading"});
        else view.grading = describe(graded->front(), policy, state.language);
        view.gradingFor = code;
        view.gradingVersion = state.workspace.version();
        view.gradingLanguage = state.language;
    }
    sectionTitle(state, {"信用等级与依据", "Grade and why"});
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(view.grading.c_str());
    ImGui::PopTextWrapPos();
}

void drawPlans(AppState& state, const Workspace& workspace, const std::string& code) {
    sectionTitle(state, {"检查计划", "Plans"});
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("plans", 5, flags)) return;
    for (const Text& title : {Text{"编号", "No."}, Text{"部门", "Department"}, Text{"事项", "Items"}, Text{"时间窗", "Window"},
                              Text{"报备", "Filed"}})
        ImGui::TableSetupColumn(state.tr(title));
    ImGui::TableHeadersRow();
    for (const auto& plan : workspace.plans) {
        if (plan.enterprise != code) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(plan.id));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(departmentName(state, workspace, plan.department).c_str());
        ImGui::TableNextColumn();
        std::string items;
        for (const auto& id : plan.items) {
            const InspectionItem* item = workspace.item(id);
            items += (items.empty() ? "" : "、") + (item ? item->name.in(state.language) : id);
        }
        ImGui::TextUnformatted(items.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s – %s", plan.window.first.iso().c_str(), plan.window.last.iso().c_str());
        ImGui::TableNextColumn();
        if (plan.filedOn) ImGui::TextUnformatted(plan.filedOn->iso().c_str());
        else ImGui::TextDisabled("%s", state.tr({"未报备", "not filed"}));
    }
    ImGui::EndTable();
}

void drawVisits(AppState& state, const Workspace& workspace, const std::string& code) {
    sectionTitle(state, {"入企检查", "Visits"});
    int shown = 0;
    for (const auto& visit : workspace.visits) {
        if (visit.enterprise != code) continue;
        ++shown;
        ImGui::Text("%s · %s · %s %zu %s", visit.date.iso().c_str(), departmentName(state, workspace, visit.lead).c_str(),
                    state.tr({"合并", "merging"}), visit.plans.size(), state.tr({"项计划", "plans"}));
        if (!visit.code.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s", state.tr({"检查码", "code"}), visit.code.c_str());
        }
    }
    if (!shown) ImGui::TextDisabled("%s", state.tr({"尚无排定的检查（在“联合检查”中排程）", "No visits scheduled yet (schedule them under Joint visits)"}));
}

void drawCases(AppState& state, const Workspace& workspace, const PolicyData& policy, const std::string& code) {
    sectionTitle(state, {"诉求、投诉与问题", "Demands, complaints and findings"});
    int shown = 0;
    for (const auto& item : workspace.cases) {
        if (item.enterprise != code) continue;
        ++shown;
        const workflow::Definition* definition = policy.findWorkflow(item.workflow);
        const workflow::State* current = definition ? definition->state(item.state) : nullptr;
        workflow::Standing standing = workflow::standingOn(item, state.today);
        ImGui::Text("#%lld %s · %s", static_cast<long long>(item.id),
                    definition ? definition->name.in(state.language).c_str() : item.workflow.c_str(),
                    current ? current->name.in(state.language).c_str() : item.state.c_str());
        ImGui::SameLine();
        const ImVec4 colour = standing == workflow::Standing::Overdue || standing == workflow::Standing::Escalated ? kProblemColour
                              : standing == workflow::Standing::DueSoon || standing == workflow::Standing::DueToday ? kWarningColour
                                                                                                                  : kGoodColour;
        ImGui::TextColored(colour, "%s", state.tr(workflow::label(standing)));
        if (item.deadline) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s", state.tr({"期限", "due"}), item.deadline->iso().c_str());
        }
        ImGui::TextDisabled("   %s", item.title.c_str());
    }
    if (!shown) ImGui::TextDisabled("%s", state.tr({"无", "None"}));
}

void drawFeedbackLine(AppState& state, const Workspace& workspace, const std::string& code) {
    report::FeedbackList list = report::feedbackList(workspace, workspace.year);
    for (const auto& line : list.lines) {
        if (line.enterprise != code) continue;
        sectionTitle(state, {"年度企业合规经营互助清单", "Annual feedback list"});
        ImGui::Text("%s %d · %s %d · %s %d · %s %d", state.tr({"指导服务", "guidance"}), line.guidance, state.tr({"调研走访", "surveys"}),
                    line.surveys, state.tr({"入企检查", "on-site inspections"}), line.onSiteInspections,
                    state.tr({"投诉", "complaints"}), line.complaints);
        for (const auto& opinion : line.opinions) ImGui::BulletText("%s", opinion.c_str());
        clauseText(state, list.clause);
        return;
    }
}

void drawPage(AppState& state, const Workspace& workspace, const PolicyData& policy) {
    auto& view = state.views.enterprises;
    const WorkspaceEnterprise* e = workspace.enterprise(view.opened);
    if (ImGui::Button(state.tr({"← 返回企业列表", "← Back to the list"})) || !e) {
        view.opened.clear();
        return;
    }
    markItem(state, "enterprise-back");
    ImGui::SameLine();
    ImGui::Text("%s  %s", e->enterprise.name.c_str(), e->enterprise.code.str().c_str());
    ImGui::TextDisabled("%s · %s · %s %s%s", e->town.c_str(), e->industry.c_str(), state.tr({"在册等级", "grade on record"}),
                        std::string(toString(e->enterprise.grade)).c_str(), e->aboveScale ? state.tr({" · 规上企业", " · above scale"}) : "");
    for (const auto& list : e->enterprise.lists) {
        ImGui::SameLine();
        ImGui::TextColored(kWarningColour, "[%s]", list.c_str());
    }
    ImGui::BeginChild("page");
    drawGrading(state, workspace, policy, view.opened);
    drawPlans(state, workspace, view.opened);
    drawVisits(state, workspace, view.opened);
    drawCases(state, workspace, policy, view.opened);
    drawFeedbackLine(state, workspace, view.opened);
    ImGui::EndChild();
}

}  // namespace

void drawEnterprisesScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& workspace = *state.workspace.workspace();
    if (state.views.enterprises.opened.empty()) drawTable(state, workspace);
    else drawPage(state, workspace, state.workspacePlugin()->policy);
}

}  // namespace inspectonce::ui
