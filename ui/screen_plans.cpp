// Plans and filing: every plan of the workspace in a table that stays smooth at 100 000 rows
// (searched and sorted once per change, drawn through a clipper); the selected plan's
// decision under the county's policy on a day the official picks, every reason with its
// clause; an exception requested with its reason and clause; a new plan entered, or a plans
// CSV imported, through the store (one transaction, audited).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>

#include "inspectonce/exceptions.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/generate.hpp"
#include "planning_decision.hpp"
#include "planning_form.hpp"
#include "planning_rows.hpp"
#include "planning_store.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const ImVec4 kClauseColour(0.15f, 0.35f, 0.75f, 1);

ImVec4 outcomeColour(Outcome outcome) {
    return outcome == Outcome::Refused ? kProblemColour : outcome == Outcome::AllowedWithObligations ? kWarningColour : kGoodColour;
}

Text effectLabel(Effect effect) {
    switch (effect) {
        case Effect::Refuses: return {"不得", "refuses"};
        case Effect::Obliges: return {"须办理", "obliges"};
        case Effect::Informs: return {"提示", "informs"};
    }
    return {"", ""};
}

std::string itemNames(const AppState& state, const Workspace& w, const Plan& plan, const std::string* kind = nullptr) {
    std::string out;
    for (const auto& id : plan.items) {
        const InspectionItem* item = w.item(id);
        if (kind && (!item || item->kind != *kind)) continue;
        out += (out.empty() ? "" : state.tr({"、", ", "})) + (item ? item->name.in(state.language) : id);
    }
    return out;
}

std::string clauseList(const std::vector<Citation>& clauses) {
    std::string out;
    for (const auto& c : clauses) out += (out.empty() ? "" : "、") + c.text();
    return out;
}

const Refusal* lastRunRefusal(const AppState& state, int64_t plan) {
    const auto& run = state.planning.planner.lastRun;
    if (!run) return nullptr;
    auto at = std::lower_bound(run->refusals.begin(), run->refusals.end(), plan,
                               [](const Refusal& r, int64_t id) { return r.plan < id; });
    return at != run->refusals.end() && at->plan == plan ? &*at : nullptr;
}

const Visit* storedVisit(const PlansView& view, const Workspace& w, int64_t plan) {
    auto at = std::lower_bound(view.planVisits.begin(), view.planVisits.end(), std::pair<int64_t, int32_t>{plan, -1});
    return at != view.planVisits.end() && at->first == plan ? &w.visits[static_cast<std::size_t>(at->second)] : nullptr;
}

void refreshRows(AppState& state, const Workspace& w) {
    PlansView& view = state.planning.plans;
    std::string search = view.search.data();
    if (view.rowsVersion == state.workspace.version() && view.rowsSearch == search && view.rowsSortColumn == view.sortColumn &&
        view.rowsSortAscending == view.sortAscending)
        return;
    if (view.rowsVersion != state.workspace.version()) {
        view.planVisits.clear();
        for (std::size_t i = 0; i < w.visits.size(); ++i)
            for (int64_t id : w.visits[i].plans) view.planVisits.emplace_back(id, static_cast<int32_t>(i));
        std::sort(view.planVisits.begin(), view.planVisits.end());
    }
    view.rows = planRows(w, search, static_cast<PlanColumn>(view.sortColumn), view.sortAscending);
    view.rowsVersion = state.workspace.version();
    view.rowsSearch = search;
    view.rowsSortColumn = view.sortColumn;
    view.rowsSortAscending = view.sortAscending;
}

// What happens to the plan: its stored visit, or why the last run refused it.
void drawPlanState(AppState& state, const Workspace& w, const Plan& plan) {
    if (const Visit* v = storedVisit(state.planning.plans, w, plan.id)) {
        ImGui::Text("#%lld · %s", static_cast<long long>(v->id), v->date.iso().substr(5).c_str());
    } else if (const Refusal* r = lastRunRefusal(state, plan.id)) {
        ImGui::TextColored(kProblemColour, "%s %s", state.tr({"未安排", "refused"}), r->clause.text().c_str());
    } else if (plan.method == Method::NonSite) {
        ImGui::TextDisabled("%s", state.tr({"非现场", "non-site"}));
    } else {
        ImGui::TextDisabled("—");
    }
}

void drawTable(AppState& state, const Workspace& w) {
    PlansView& view = state.planning.plans;
    refreshRows(state, w);  // a save above may have read the workspace again
    const Text headers[kPlanColumns] = {{"编号", "No."},      {"部门", "Department"}, {"企业", "Enterprise"}, {"窗口", "Window"},
                                        {"类型", "Kind"},     {"方式", "Method"},     {"备案", "Filed"}};
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable;
    float height = std::max(ImGui::GetTextLineHeightWithSpacing() * 8, ImGui::GetContentRegionAvail().y * (view.selected ? 0.42f : 0.95f));
    if (!ImGui::BeginTable("plans", kPlanColumns + 1, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Dates, kinds and methods keep their full width; department and enterprise share the rest.
    auto widest = [&](std::initializer_list<Text> texts) {
        float most = 0;
        for (const auto& t : texts) most = std::max(most, ImGui::CalcTextSize(state.tr(t)).x);
        return most + ImGui::GetFontSize();  // room for the sort arrow
    };
    const float fixed[kPlanColumns] = {
        ImGui::CalcTextSize("000000").x + ImGui::GetFontSize(), 0, 0, ImGui::CalcTextSize("00-00 ~ 00-00").x + ImGui::GetFontSize(),
        widest({headers[4], label(InspectionKind::Inspection), label(InspectionKind::Survey), label(InspectionKind::Guidance), label(InspectionKind::LeaderVisit)}),
        widest({headers[5], label(Method::OnSite), label(Method::NonSite)}),
        widest({headers[6], {"0000-00-00", "0000-00-00"}, {"未备案", "not filed"}})};
    for (int c = 0; c < kPlanColumns; ++c) {
        ImGuiTableColumnFlags columnFlags = c == 0 ? ImGuiTableColumnFlags_DefaultSort : ImGuiTableColumnFlags_None;
        if (fixed[c] > 0) ImGui::TableSetupColumn(state.tr(headers[c]), columnFlags | ImGuiTableColumnFlags_WidthFixed, fixed[c], static_cast<ImGuiID>(c));
        else ImGui::TableSetupColumn(state.tr(headers[c]), columnFlags | ImGuiTableColumnFlags_WidthStretch, c == 2 ? 1.6f : 1.2f, static_cast<ImGuiID>(c));
    }
    ImGui::TableSetupColumn(state.tr({"安排", "Scheduled"}), ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                            widest({{"安排", "Scheduled"}, {"#00000 · 00-00", "#00000 · 00-00"}, {"非现场", "non-site"}}), kPlanColumns);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            view.sortColumn = static_cast<int>(specs->Specs[0].ColumnUserID);
            view.sortAscending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
        refreshRows(state, w);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Plan& p = w.plans[static_cast<std::size_t>(view.rows[static_cast<std::size_t>(row)])];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(p.id));
            std::string id = std::to_string(p.id);
            if (ImGui::Selectable(id.c_str(), view.selected == p.id, ImGuiSelectableFlags_SpanAllColumns)) view.selected = p.id;
            ImGui::PopID();
            ImGui::TableNextColumn();
            fittedText(departmentName(w, p.department, p.unit, state.language));
            ImGui::TableNextColumn();
            fittedText(enterpriseName(w, p.enterprise));
            ImGui::TableNextColumn();
            // Windows lie in the workspace's year (the import checks it): month and day suffice.
            ImGui::Text("%s ~ %s", p.window.first.iso().substr(5).c_str(), p.window.last.iso().substr(5).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(state.tr(label(p.kind)));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(state.tr(label(p.method)));
            ImGui::TableNextColumn();
            if (p.exception) ImGui::TextColored(kWarningColour, "%s", state.tr({"例外", "exception"}));
            else if (p.filedOn) ImGui::TextUnformatted(p.filedOn->iso().c_str());
            else ImGui::TextColored(kProblemColour, "%s", state.tr({"未备案", "not filed"}));
            ImGui::TableNextColumn();
            drawPlanState(state, w, p);
        }
    }
    ImGui::EndTable();
}

void drawDecisions(AppState& state, const Workspace& w, const Plan& plan, const PlanDecisionView& shown) {
    if (shown.error) {
        ImGui::TextColored(kProblemColour, "%s", shown.error->message().c_str());
        return;
    }
    ImGui::PushTextWrapPos(0);
    for (const auto& [kind, decision] : shown.decisions) {
        std::string items = itemNames(state, w, plan, &kind);
        ImGui::TextColored(outcomeColour(decision.outcome), "%s", state.tr(label(decision.outcome)));
        ImGui::SameLine();
        ImGui::TextUnformatted(items.c_str());
        if (!decision.inForce) ImGui::TextDisabled("%s", state.tr({"文件尚未施行或已失效", "the document is not in force on this day"}));
        ImGui::Indent();
        for (const auto& reason : decision.reasons) {
            ImVec4 colour = reason.effect == Effect::Refuses ? kProblemColour : reason.effect == Effect::Obliges ? kWarningColour : ImGui::GetStyleColorVec4(ImGuiCol_Text);
            ImGui::TextColored(colour, "%s", state.tr(effectLabel(reason.effect)));
            ImGui::SameLine();
            ImGui::TextColored(kClauseColour, "[%s]", reason.clause.text().c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s", state.tr(reason.text));
        }
        for (const auto& obligation : decision.obligations) {
            // Most obligations are a reason already (with their due date): said once.
            bool said = std::any_of(decision.reasons.begin(), decision.reasons.end(),
                                    [&](const Reason& r) { return r.effect == Effect::Obliges && r.rule == obligation.rule && r.clause == obligation.clause; });
            if (said) continue;
            ImGui::TextColored(kWarningColour, "%s", state.tr({"须办理", "to do"}));
            ImGui::SameLine();
            ImGui::TextColored(kClauseColour, "[%s]", obligation.clause.text().c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s — %s", state.tr(obligation.text), state.tr(obligation.when));
        }
        ImGui::Unindent();
    }
    ImGui::PopTextWrapPos();
}

void drawExceptionRequest(AppState& state, const Plan& plan, const std::vector<CountyException>& exceptions) {
    PlansView& view = state.planning.plans;
    sectionTitle(state, {"申请例外情形", "Request an exception"});
    if (exceptions.empty()) {
        ImGui::TextDisabled("%s", state.tr({"本县区的文件未列出例外情形", "The county's documents list no exceptions"}));
        return;
    }
    if (plan.exception) {
        const auto* current = findException(*plan.exception);
        ImGui::Text("%s %s", state.tr({"已申请：", "Requested:"}), current ? state.tr(current->name) : plan.exception->c_str());
    }
    if (view.exception >= static_cast<int>(exceptions.size())) view.exception = -1;
    std::string preview = view.exception < 0 ? state.tr({"选择事由", "choose a reason"})
                                             : exceptions[static_cast<std::size_t>(view.exception)].name.in(state.language);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##exception", preview.c_str())) {
        for (std::size_t i = 0; i < exceptions.size(); ++i) {
            std::string itemLabel = exceptions[i].name.in(state.language) + "  [" + clauseList(exceptions[i].clauses) + "]";
            if (ImGui::Selectable(itemLabel.c_str(), view.exception == static_cast<int>(i))) view.exception = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##exception-note", state.tr({"说明（如投诉编号）", "note (e.g. the complaint's number)"}), view.exceptionNote.data(),
                             view.exceptionNote.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(view.exception < 0);
    bool request = ImGui::Button(state.tr({"申请例外", "Request exception"}));
    markItem(state, "request-exception");
    if (request && view.exception >= 0) {
        const CountyException& chosen = exceptions[static_cast<std::size_t>(view.exception)];
        int64_t id = plan.id;  // `plan` is gone once the workspace is read again
        std::string note = view.exceptionNote.data();
        Status saved = state.workspace.change([&](store::Database& db) {
            return store::requestPlanException(db, id, chosen.id, clauseList(chosen.clauses), note, state.today);
        });
        if (!saved) {
            state.sayError(saved.error());
        } else {
            state.say({"计划 " + std::to_string(id) + " 已申请例外：" + chosen.name.zh + "（重新排期后生效）",
                       "Plan " + std::to_string(id) + ": exception requested, " + chosen.name.en + " (run the scheduler again)"});
            view.exception = -1;
            view.exceptionNote.fill(0);
        }
    }
    ImGui::EndDisabled();
    if (view.exception >= 0) clauseText(state, {clauseList(exceptions[static_cast<std::size_t>(view.exception)].clauses)});
}

void drawPlanDetail(AppState& state, const Workspace& w, const PolicyData& policy, const Plan& plan) {
    PlansView& view = state.planning.plans;
    std::string title = std::string(state.tr({"计划 ", "Plan "})) + std::to_string(plan.id) + " · " + enterpriseName(w, plan.enterprise);
    sectionTitle(state, {title, title});
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%s %s · %s %s · %s %s · %s", state.tr({"企业", "Enterprise"}), plan.enterprise.c_str(), state.tr({"部门", "Department"}),
                departmentName(w, plan.department, plan.unit, state.language).c_str(), state.tr({"窗口", "Window"}),
                (plan.window.first.iso() + " ~ " + plan.window.last.iso()).c_str(), state.tr(label(plan.kind)));
    ImGui::TextWrapped("%s %s", state.tr({"检查事项：", "Items:"}), itemNames(state, w, plan).c_str());
    ImGui::Text("%s %s · %s %s · %s %d", state.tr({"方式", "Method"}), state.tr(label(plan.method)), state.tr({"备案", "Filed"}),
                plan.filedOn ? plan.filedOn->iso().c_str() : state.tr({"未备案", "not filed"}), state.tr({"检查人数", "Inspectors"}), plan.inspectors);
    const Visit* visit = storedVisit(view, w, plan.id);
    if (visit) {
        ImGui::Text("%s #%lld · %s", state.tr({"已安排在检查", "Scheduled in visit"}), static_cast<long long>(visit->id), visit->date.iso().c_str());
    } else if (const Refusal* r = lastRunRefusal(state, plan.id)) {
        ImGui::TextColored(kProblemColour, "%s %s", state.tr({"上次排期未安排：", "Not scheduled in the last run:"}), state.tr(r->text));
        clauseText(state, r->clause);
    }
    ImGui::PopTextWrapPos();

    // The decision day: the window's first lawful day unless the official picks another.
    if (view.dayFor != plan.id) {
        auto lawful = firstLawfulDay(w, policy, plan);
        Date day = lawful ? *lawful : (plan.window.contains(state.today) ? state.today : plan.window.first);
        std::snprintf(view.day.data(), view.day.size(), "%s", day.iso().c_str());
        view.dayFor = plan.id;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"判定日", "Decision day"}));
    ImGui::SameLine();
    auto day = dateField("##decision-day", view.day.data(), view.day.size());
    ImGui::SameLine();
    if (ImGui::SmallButton(state.tr({"首个合法日", "first lawful day"}))) {
        auto lawful = firstLawfulDay(w, policy, plan);
        if (lawful) std::snprintf(view.day.data(), view.day.size(), "%s", lawful->iso().c_str());
        else state.say({"窗口内没有合法检查日", "The window holds no lawful day"}, true);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(state.tr({"办公日", "working day"}))) std::snprintf(view.day.data(), view.day.size(), "%s", state.today.iso().c_str());
    if (visit) {
        ImGui::SameLine();
        if (ImGui::SmallButton(state.tr({"检查当日", "visit day"}))) std::snprintf(view.day.data(), view.day.size(), "%s", visit->date.iso().c_str());
    }
    if (!day) {
        ImGui::TextColored(kProblemColour, "%s", state.tr({"请输入日历年份内的日期", "Type a date of the calendar's years"}));
    } else {
        PlanDecisionView& shown = view.decision;
        if (shown.plan != plan.id || shown.day != day->iso() || shown.version != state.workspace.version()) {
            auto decided = planDecisions(w, policy, plan, *day);
            shown = PlanDecisionView{plan.id, day->iso(), state.workspace.version(), {}, std::nullopt};
            if (decided) shown.decisions = std::move(*decided);
            else shown.error = decided.error();
        }
        std::string heading = std::string(state.tr({"判定（", "Decision ("})) + policy.name.in(state.language) + " · " + day->iso() +
                              state.tr({"）", ")"});
        sectionTitle(state, {heading, heading});
        drawDecisions(state, w, plan, shown);
    }
    drawExceptionRequest(state, plan, countyExceptions(policy));
}

void combo(const AppState& state, const char* id, int& value, const std::vector<Text>& names, float width) {
    ImGui::SetNextItemWidth(width);
    const char* preview = value >= 0 && value < static_cast<int>(names.size()) ? state.tr(names[static_cast<std::size_t>(value)]) : "—";
    if (ImGui::BeginCombo(id, preview)) {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (ImGui::Selectable(state.tr(names[i]), value == static_cast<int>(i))) value = static_cast<int>(i);
        ImGui::EndCombo();
    }
}

void drawPlanForm(AppState& state, const Workspace& w, const PolicyData& policy) {
    PlansView& view = state.planning.plans;
    PlanDraft& draft = view.draft;
    sectionTitle(state, {"新建检查计划", "New inspection plan"});
    if (!draft.start[0]) {
        std::snprintf(draft.start.data(), draft.start.size(), "%s", state.today.iso().c_str());
        Date end = std::min(state.today.plusDays(30), Date::fromYmd(state.today.year(), 12, 31).value());
        std::snprintf(draft.end.data(), draft.end.size(), "%s", end.iso().c_str());
        std::snprintf(draft.filedOn.data(), draft.filedOn.size(), "%s", state.today.iso().c_str());
    }
    float field = ImGui::GetFontSize() * 12;
    std::vector<Text> departments;
    for (const auto& d : w.departments) departments.push_back(d.name);
    int before = draft.department;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"部门", "Department"}));
    ImGui::SameLine();
    combo(state, "##department", draft.department, departments, field);
    if (draft.department != before) {
        draft.unit = -1;
        draft.items.clear();
    }
    const WorkspaceDepartment* department =
        draft.department >= 0 && draft.department < static_cast<int>(w.departments.size()) ? &w.departments[static_cast<std::size_t>(draft.department)] : nullptr;
    if (department && !department->units.empty()) {
        std::vector<Text> units;
        for (const auto& u : department->units) {
            const Text* name = generatedUnitName(u);
            units.push_back(name ? *name : Text{u, u});
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(state.tr({"内设机构", "Unit"}));
        ImGui::SameLine();
        combo(state, "##unit", draft.unit, units, field * 0.8f);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"企业信用代码", "Enterprise USCC"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 1.3f);
    ImGui::InputTextWithHint("##enterprise", "91331125…", draft.enterprise.data(), draft.enterprise.size(), ImGuiInputTextFlags_CharsUppercase);
    if (draft.enterprise[0]) {
        ImGui::SameLine();
        if (const WorkspaceEnterprise* e = w.enterprise(draft.enterprise.data())) ImGui::TextUnformatted(e->enterprise.name.c_str());
        else ImGui::TextColored(kProblemColour, "%s", state.tr({"工作区中没有该企业", "not in the workspace"}));
    }
    if (department) {
        ImGui::TextUnformatted(state.tr({"检查事项（本部门目录）", "Items (the department's catalogue)"}));
        auto items = itemsOf(w, department->id);
        float rows = std::min(6.0f, static_cast<float>(items.size()) + 0.5f);
        ImGui::BeginChild("items", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * rows), true);
        for (const InspectionItem* item : items) {
            bool chosen = std::find(draft.items.begin(), draft.items.end(), item->id) != draft.items.end();
            std::string itemLabel = item->name.in(state.language) + "##" + item->id;
            if (ImGui::Checkbox(itemLabel.c_str(), &chosen)) {
                if (chosen) draft.items.push_back(item->id);
                else draft.items.erase(std::remove(draft.items.begin(), draft.items.end(), item->id), draft.items.end());
            }
            if (!item->onSite || item->nonSite) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", item->onSite ? state.tr({"可非现场", "non-site possible"}) : state.tr({"仅非现场", "non-site only"}));
            }
        }
        ImGui::EndChild();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"窗口", "Window"}));
    ImGui::SameLine();
    dateField("##start", draft.start.data(), draft.start.size());
    ImGui::SameLine();
    ImGui::TextUnformatted("~");
    ImGui::SameLine();
    dateField("##end", draft.end.data(), draft.end.size());
    ImGui::SameLine();
    ImGui::TextUnformatted(state.tr({"备案日期", "Filed on"}));
    ImGui::SameLine();
    dateField("##filed", draft.filedOn.data(), draft.filedOn.size());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"类型", "Kind"}));
    ImGui::SameLine();
    combo(state, "##kind", draft.kind,
          {label(InspectionKind::Inspection), label(InspectionKind::Survey), label(InspectionKind::Guidance), label(InspectionKind::LeaderVisit)},
          field * 0.7f);
    ImGui::SameLine();
    ImGui::TextUnformatted(state.tr({"方式", "Method"}));
    ImGui::SameLine();
    combo(state, "##method", draft.method, {label(Method::OnSite), label(Method::NonSite)}, field * 0.6f);
    ImGui::SameLine();
    ImGui::TextUnformatted(state.tr({"检查人数", "Inspectors"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 0.6f);
    ImGui::InputInt("##inspectors", &draft.inspectors);
    draft.inspectors = std::clamp(draft.inspectors, 1, 100);
    auto exceptions = countyExceptions(policy);
    std::vector<Text> reasons{{"无（常规计划）", "none (a regular plan)"}};
    for (const auto& e : exceptions) reasons.push_back({e.name.zh + " [" + clauseList(e.clauses) + "]", e.name.en + " [" + clauseList(e.clauses) + "]"});
    int reason = draft.exception + 1;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"例外情形", "Exception"}));
    ImGui::SameLine();
    combo(state, "##new-exception", reason, reasons, field * 1.6f);
    draft.exception = reason - 1;

    auto missing = draftMissing(draft, w);
    for (const auto& m : missing) ImGui::TextColored(kWarningColour, "· %s", state.tr(m));
    for (const auto& p : view.formProblems) ImGui::TextColored(kProblemColour, "%s %s", p.where().c_str(), state.tr(p.why));
    ImGui::BeginDisabled(!missing.empty());
    bool save = ImGui::Button(state.tr({"保存计划", "Save plan"}));
    markItem(state, "save-plan");
    if (save && missing.empty()) {
        auto report = state.workspace.importCsv(exchange::Table::Plans, draftCsv(draft, w, exceptions), "plan-form", state.today);
        if (!report) {
            state.sayError(report.error());
        } else if (!report->problems.empty()) {
            view.formProblems = report->problems.listed;
            state.say({"计划未保存：请按提示修改", "The plan was not saved: see the problems above"}, true);
        } else {
            view.formProblems.clear();
            int64_t id = report->planIds.empty() ? 0 : report->planIds.front();
            state.say({"计划 " + std::to_string(id) + " 已保存", "Plan " + std::to_string(id) + " saved"});
            view.selected = id;
            view.formOpen = false;
            view.draft = PlanDraft{};
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"取消", "Cancel"}))) view.formOpen = false;
}

}  // namespace

void drawPlansScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& w = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;
    PlansView& view = state.planning.plans;
    refreshRows(state, w);

    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s %s / %s", state.tr({"检查计划", "Plans"}), grouped(static_cast<int64_t>(view.rows.size())).c_str(),
                grouped(static_cast<int64_t>(w.plans.size())).c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##search", state.tr({"搜索企业名称、信用代码或部门", "search enterprise, code or department"}), view.search.data(),
                             view.search.size());
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"新建计划", "New plan"}))) view.formOpen = !view.formOpen;
    ImGui::SameLine();
    fileChooser(state, "import-plans", {"导入计划 CSV…", "Import plans CSV…"}, "csv:plans", ".csv");
    refreshRows(state, w);

    if (view.formOpen) drawPlanForm(state, w, policy);
    drawTable(state, w);
    if (view.selected) {
        if (const Plan* plan = state.workspace.workspace()->plan(view.selected)) drawPlanDetail(state, *state.workspace.workspace(), policy, *plan);
        else view.selected = 0;
    }
}

}  // namespace inspectonce::ui
