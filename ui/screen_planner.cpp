// The joint-visit planner: run the scheduler and see its visits against the lower bound,
// each step and refusal with its clause; the visits in a table that stays smooth however
// many there are; one visit's members, its advance notice (printable) and its inspection
// code as a QR code; and a visit moved by hand, the whole schedule re-checked at once, saved
// only when the move breaks no rule.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "inspectonce/documents.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/inspection_code.hpp"
#include "inspectonce/qr.hpp"
#include "planning_rows.hpp"
#include "planning_visits.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const ImVec4 kClauseColour(0.15f, 0.35f, 0.75f, 1);

std::string joinedClauses(const std::vector<std::string>& clauses) {
    std::string out;
    for (const auto& c : clauses) out += (out.empty() ? "" : "、") + c;
    return out;
}

// Enterprises a slice places, codes a slice issues and visits a slice writes: a few
// milliseconds of work each, so the slice's time is kept.
constexpr std::size_t kEnterprisesPerStep = 25;
constexpr std::size_t kCodesPerStep = 1000;
constexpr std::size_t kVisitsPerStep = 500;
// The progress bar: placing the enterprises, then issuing the codes, then writing the visits.
constexpr double kPlacedAt = 0.6, kCodedAt = 0.8;

void finishScheduling(AppState& state, Schedule made) {
    PlannerView& view = state.planning.planner;
    const auto& f = made.figures;
    state.say({"排期完成：" + grouped(f.visits) + " 次入企检查，下界 " + grouped(f.lowerBound),
               "Scheduled: " + grouped(f.visits) + " visits, lower bound " + grouped(f.lowerBound)});
    view.lastRun = std::move(made);
    view.move = VisitMove{};
    view.baselineVersion = ~uint64_t{0};
}

// The scheduler in slices (ScheduleRun: enterprises placed, then codes issued) under the
// long-work overlay, then its visits written in slices (store::VisitWriting): a county of
// 100 000 enterprises takes seconds, and the page keeps drawing its progress. The visits land
// together with the last slice, so a cancelled run leaves the workspace as it was.
void startScheduling(AppState& state) {
    struct Running {
        std::optional<ScheduleRun> run;
        std::optional<Schedule> made;                // the schedule, while its visits are written
        std::optional<store::VisitWriting> writing;  // its visits, a slice at a time
        uint64_t version = 0;  // the workspace the run reads; the overlay keeps it unchanged
    };
    auto running = std::make_shared<Running>();
    state.runSteps(
        {"正在排期", "Scheduling"},
        [running](AppState& s) -> AppState::WorkStep {
            const Workspace* w = s.workspace.workspace();
            const LoadedPlugin* plugin = s.workspacePlugin();
            if (!w || !plugin) return {};  // the workspace went while the run waited its turn
            if (!running->run) {
                auto started = ScheduleRun::start(*w, plugin->policy);
                if (!started) {
                    s.sayError(started.error());
                    return {};
                }
                running->run = std::move(started).value();
                running->version = s.workspace.version();
                return {false, 0};
            }
            if (s.workspace.version() != running->version) {
                s.say({"工作区在排期时被修改，排期已停止", "The workspace changed while scheduling: the run stopped"}, true);
                return {};
            }
            if (running->writing) {
                store::VisitWriting& writing = *running->writing;
                auto more = writing.step(kVisitsPerStep);
                if (!more) {
                    s.sayError(more.error());
                    return {};
                }
                if (!*more) return {false, kCodedAt + (1 - kCodedAt) * writing.fraction()};
                running->made->visits = writing.takeVisits();
                s.workspace.visitsWritten(running->made->visits);
                finishScheduling(s, std::move(*running->made));
                return {};
            }
            ScheduleRun& run = *running->run;
            bool placing = run.placed() < run.enterprises();
            auto more = placing ? run.step(kEnterprisesPerStep) : run.issueCodes(kCodesPerStep);
            if (!more) {
                s.sayError(more.error());
                return {};
            }
            auto share = [](std::size_t part, std::size_t whole) {
                return static_cast<double>(part) / static_cast<double>(std::max<std::size_t>(whole, 1));
            };
            if (placing) return {false, kPlacedAt * share(run.placed(), run.enterprises())};
            if (*more) return {false, kPlacedAt + (kCodedAt - kPlacedAt) * share(run.coded(), run.visits())};
            auto made = run.finish();
            if (!made) {
                s.sayError(made.error());
                return {};
            }
            auto writing = s.workspace.startWritingVisits(std::move(made->visits));
            if (!writing) {
                s.sayError(writing.error());
                return {};
            }
            running->made = std::move(made).value();
            running->writing.emplace(std::move(writing).value());
            return {false, kCodedAt};
        },
        [running](AppState&) { running->writing.reset(); });  // rolls the visits written so far back
}

void drawFigures(AppState& state, const Workspace& w, const PolicyData& policy, const Schedule& run) {
    const ScheduleFigures& f = run.figures;
    sectionTitle(state, {"排期结果（对照下界）", "The schedule against its lower bound"});
    if (ImGui::BeginTable("figures", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
        // Two figure pairs per row keeps the block short.
        const std::pair<Text, std::string> cells[] = {
            {{"入企检查次数", "Visits"}, grouped(f.visits)},
            {{"下界（最少次数）", "Lower bound (fewest visits)"}, grouped(f.lowerBound)},
            {{"次数 / 下界", "Visits / lower bound"}, [&] { char b[32]; std::snprintf(b, sizeof b, "%.3f", f.ratio); return std::string(b); }()},
            {{"联合检查率", "Joint inspection rate"}, percent(f.jointRate)},
            {{"非现场占比", "Non-site share"}, percent(f.nonSiteShare)},
            {{"例外情形检查", "Exception visits"}, grouped(f.exceptionVisits)},
            {{"计划 / 已安排", "Plans / scheduled"}, grouped(f.plans) + " / " + grouped(f.scheduledPlans)},
            {{"联合检查次数", "Joint visits"}, grouped(f.jointVisits)},
        };
        for (std::size_t i = 0; i < std::size(cells); ++i) {
            if (i % 2 == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(state.tr(cells[i].first));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(cells[i].second.c_str());
        }
        ImGui::EndTable();
    }
    for (const YearlyTarget* target : Policy(policy).targetsFor(w.year)) {
        if (target->metric != "joint-inspection-rate") continue;
        bool met = f.jointRate * 100 >= target->minPercent;
        ImGui::TextColored(met ? kGoodColour : kWarningColour, "%s %s ≥ %d%%：%s", state.tr(target->name), state.tr({"目标", "target"}),
                           target->minPercent, met ? state.tr({"已达到", "met"}) : state.tr({"未达到", "not met"}));
        ImGui::SameLine();
        clauseText(state, target->clause);
    }
    if (!f.refusedByClause.empty()) {
        ImGui::TextUnformatted(state.tr({"未安排的计划（按依据）：", "Plans not scheduled, by clause:"}));
        for (const auto& [clause, count] : f.refusedByClause) {
            ImGui::SameLine();
            ImGui::TextColored(kClauseColour, "%s", clause.c_str());
            ImGui::SameLine(0, 2);
            ImGui::Text("× %s", grouped(count).c_str());
        }
    }
    if (ImGui::CollapsingHeader(state.tr({"排期步骤说明", "How each step went"}))) {
        ImGui::PushTextWrapPos(0);
        for (const auto& note : run.notes) {
            ImGui::TextColored(kClauseColour, "[%s]", note.clause.text().c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s", state.tr(note.text));
        }
        ImGui::PopTextWrapPos();
    }
    std::string refusals = std::string(state.tr({"未安排的计划及理由", "Plans refused, with their reasons"})) + " (" +
                           grouped(static_cast<int64_t>(run.refusals.size())) + ")###refusals";
    if (ImGui::CollapsingHeader(refusals.c_str()) && !run.refusals.empty()) {
        float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(run.refusals.size()) + 1.5f),
                                ImGui::GetTextLineHeightWithSpacing() * 10);
        if (ImGui::BeginTable("refusals", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, ImVec2(0, height))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(state.tr({"计划", "Plan"}), 0, 0.6f);
            ImGui::TableSetupColumn(state.tr({"企业", "Enterprise"}), 0, 2.0f);
            ImGui::TableSetupColumn(state.tr({"依据", "Clause"}), 0, 1.0f);
            ImGui::TableSetupColumn(state.tr({"理由", "Reason"}), 0, 5.0f);
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(run.refusals.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const Refusal& r = run.refusals[static_cast<std::size_t>(i)];
                    const Plan* plan = w.plan(r.plan);
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::Text("%lld", static_cast<long long>(r.plan));
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(plan ? enterpriseName(w, plan->enterprise).c_str() : "");
                    ImGui::TableNextColumn();
                    ImGui::TextColored(kClauseColour, "%s", r.clause.text().empty() ? "—" : r.clause.text().c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(state.tr(r.text));
                }
            ImGui::EndTable();
        }
    }
    if (!run.owed.empty()) {
        std::string owed = std::string(state.tr({"例外检查事后应办", "Owed after exception visits"})) + " (" +
                           grouped(static_cast<int64_t>(run.owed.size())) + ")###owed";
        if (ImGui::CollapsingHeader(owed.c_str())) {
            ImGui::PushTextWrapPos(0);
            for (std::size_t i = 0; i < run.owed.size() && i < 200; ++i) {
                const Owed& o = run.owed[i];
                ImGui::Text("%s %lld · %s %lld", state.tr({"计划", "plan"}), static_cast<long long>(o.plan), state.tr({"检查", "visit"}),
                            static_cast<long long>(o.visit));
                ImGui::SameLine();
                ImGui::TextColored(kClauseColour, "[%s]", o.obligation.clause.text().c_str());
                ImGui::SameLine();
                ImGui::TextWrapped("%s — %s", state.tr(o.obligation.text), state.tr(o.obligation.when));
            }
            ImGui::PopTextWrapPos();
        }
    }
}

void refreshRows(AppState& state, const Workspace& w) {
    PlannerView& view = state.planning.planner;
    std::string enterprise = view.enterpriseFilter.data(), date = view.dateFilter.data();
    if (view.rowsVersion == state.workspace.version() && view.rowsEnterprise == enterprise && view.rowsDate == date) return;
    view.rows = visitRows(w, enterprise, date);
    view.rowsVersion = state.workspace.version();
    view.rowsEnterprise = enterprise;
    view.rowsDate = date;
}

void drawVisitTable(AppState& state, const Workspace& w) {
    PlannerView& view = state.planning.planner;
    refreshRows(state, w);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s %s / %s", state.tr({"入企检查", "Visits"}), grouped(static_cast<int64_t>(view.rows.size())).c_str(),
                grouped(static_cast<int64_t>(w.visits.size())).c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("##visit-enterprise", state.tr({"企业名称或信用代码", "enterprise name or code"}), view.enterpriseFilter.data(),
                             view.enterpriseFilter.size());
    ImGui::SameLine();
    const Text dateHintText{"日期，如 2026-04", "date, e.g. 2026-04"};
    const char* dateHint = state.tr(dateHintText);
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 7, ImGui::CalcTextSize(dateHint).x + ImGui::GetStyle().FramePadding.x * 2));
    ImGui::InputTextWithHint("##visit-date", dateHint, view.dateFilter.data(), view.dateFilter.size());
    refreshRows(state, w);

    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    // With a visit chosen, half the space left (at least 11 rows): its details go below;
    // otherwise all of it but the line that says so.
    float line = ImGui::GetTextLineHeightWithSpacing();
    float left = ImGui::GetContentRegionAvail().y;
    float height = std::max(line * 11, view.selected ? left * 0.5f : left - line - ImGui::GetStyle().ItemSpacing.y);
    if (!ImGui::BeginTable("visits", 6, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Dates, counts and the lead department at their own width (the lead's longest name —
    // long in English — up to a third of the table); the enterprise and the code share the
    // rest, cut with "…" (the whole text on hover) only when the window is narrow.
    float tableWidth = ImGui::GetContentRegionAvail().x;
    auto fixed = [&](const Text& header, float widest) {
        const char* title = state.tr(header);
        ImGui::TableSetupColumn(title, ImGuiTableColumnFlags_WidthFixed, std::max(ImGui::CalcTextSize(title).x, widest));
    };
    float leadWidth = 0;
    for (const WorkspaceDepartment& d : w.departments) leadWidth = std::max(leadWidth, ImGui::CalcTextSize(state.tr(d.name)).x);
    fixed({"日期", "Date"}, ImGui::CalcTextSize("0000-00-00").x);
    ImGui::TableSetupColumn(state.tr({"企业", "Enterprise"}), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    fixed({"牵头部门", "Lead"}, std::min(leadWidth, tableWidth / 3));
    fixed({"计划数", "Plans"}, ImGui::CalcTextSize("000").x);
    fixed({"预告日", "Notice"}, ImGui::CalcTextSize(state.tr({"例外，不预告", "exception, none"})).x);
    ImGui::TableSetupColumn(state.tr({"检查码", "Code"}), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Visit& v = w.visits[static_cast<std::size_t>(view.rows[static_cast<std::size_t>(row)])];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(v.id));
            if (ImGui::Selectable(v.date.iso().c_str(), view.selected == v.id, ImGuiSelectableFlags_SpanAllColumns)) view.selected = v.id;
            ImGui::PopID();
            ImGui::TableNextColumn();
            fittedText(enterpriseName(w, v.enterprise));
            ImGui::TableNextColumn();
            fittedText(departmentName(w, v.lead, "", state.language));
            ImGui::TableNextColumn();
            ImGui::Text("%zu", v.plans.size());
            ImGui::TableNextColumn();
            if (v.noticeDate) ImGui::TextUnformatted(v.noticeDate->iso().c_str());
            else ImGui::TextDisabled("%s", state.tr({"例外，不预告", "exception, none"}));
            ImGui::TableNextColumn();
            if (v.code.empty()) ImGui::TextDisabled("—");
            else fittedText(v.code);
        }
    ImGui::EndTable();
}

// The QR symbol: dark modules as filled squares on white, inside a quiet zone of 4 modules.
void drawQr(const QrMatrix& qr, float module) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float side = static_cast<float>(qr.size + 8) * module;
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y)) {
                ImVec2 a(origin.x + static_cast<float>(x + 4) * module, origin.y + static_cast<float>(y + 4) * module);
                draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(side, side));
}

void drawCode(AppState& state, const Workspace& w, const Visit& v) {
    PlannerView& view = state.planning.planner;
    ImGui::TextUnformatted(state.tr({"检查码（亮码）", "Inspection code"}));
    if (v.code.empty()) {
        auto why = whyNoCode(w, v);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kWarningColour, "%s", why ? state.tr(*why) : state.tr({"无检查码", "no code"}));
        ImGui::PopTextWrapPos();
        clauseText(state, kInspectionCodeClause);
        return;
    }
    if (view.qrFor != v.code) {
        auto made = qrFor(v.code);
        view.qr = made ? std::optional<QrMatrix>(*made) : std::nullopt;
        view.qrFor = v.code;
    }
    if (view.qr) drawQr(*view.qr, std::max(3.0f, std::floor(ImGui::GetFontSize() * 0.22f)));
    ImGui::TextUnformatted(v.code.c_str());
    clauseText(state, kInspectionCodeClause);
}

void drawMembers(AppState& state, const Workspace& w, const Visit& v) {
    if (!ImGui::BeginTable("members", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn(state.tr({"计划", "Plan"}), 0, 0.6f);
    ImGui::TableSetupColumn(state.tr({"部门", "Department"}), 0, 2.0f);
    ImGui::TableSetupColumn(state.tr({"检查事项", "Items"}), 0, 4.0f);
    ImGui::TableSetupColumn(state.tr({"备案", "Filed"}), 0, 1.2f);
    ImGui::TableHeadersRow();
    for (int64_t id : v.plans) {
        const Plan* p = w.plan(id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(id));
        if (!p) continue;
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", departmentName(w, p->department, p->unit, state.language).c_str());
        ImGui::TableNextColumn();
        std::string items;
        for (const auto& item : p->items) {
            const InspectionItem* found = w.item(item);
            items += (items.empty() ? "" : state.tr({"、", ", "})) + (found ? found->name.in(state.language) : item);
        }
        ImGui::TextWrapped("%s", items.c_str());
        ImGui::TableNextColumn();
        if (p->exception) ImGui::TextColored(kWarningColour, "%s", state.tr({"例外", "exception"}));
        else ImGui::TextUnformatted(p->filedOn ? p->filedOn->iso().c_str() : "—");
    }
    ImGui::EndTable();
}

void drawNotice(AppState& state, const Workspace& w, const PolicyData& policy, const Visit& v) {
    Notice notice = noticeFor(w, policy, v);
    ImGui::PushTextWrapPos(0);
    if (notice.sentOn)
        ImGui::Text("%s %s · %s %s · %s %s", state.tr({"检查预告：", "Advance notice:"}), notice.sentOn->iso().c_str(), state.tr({"检查日", "visit"}),
                    notice.date.iso().c_str(), state.tr({"牵头", "lead"}), state.tr(notice.leadName));
    else
        ImGui::Text("%s %s", state.tr({"例外情形检查，不预告；检查日", "Exception visit, not announced; on"}), notice.date.iso().c_str());
    if (notice.clause) {
        ImGui::SameLine();
        clauseText(state, *notice.clause);
    }
    for (const auto& line : notice.lines) {
        std::string inspectors;
        for (const auto& name : line.inspectors) inspectors += (inspectors.empty() ? "" : state.tr({"、", ", "})) + name;
        const Text* unitName = generatedUnitName(line.unit);
        std::string unit = unitName ? unitName->in(state.language) : line.unit;
        ImGui::BulletText("%s%s%s — %s %s", state.tr(line.departmentName), unit.empty() ? "" : " · ", unit.c_str(),
                          state.tr({"检查人员", "inspectors"}), inspectors.empty() ? "—" : inspectors.c_str());
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button(state.tr({"打印预告通知书", "Print notice"})))
        printPage(state, "notice-" + std::to_string(v.id) + ".html", documents::adviceNoticeHtml(notice, policy.name.zh));
}

// Re-checks the schedule with the selected visit on the typed day, once per change.
void recheck(AppState& state, const Workspace& w, const PolicyData& policy, const Visit& v, Date day, std::optional<Date> notice) {
    PlannerView& view = state.planning.planner;
    VisitMove& move = view.move;
    std::string noticeText = notice ? notice->iso() : "";
    if (move.checkedDate == day.iso() && move.checkedNotice == noticeText && move.checkedVersion == state.workspace.version()) return;
    move.checkedDate = day.iso();
    move.checkedNotice = noticeText;
    move.checkedVersion = state.workspace.version();
    move.introduced.clear();
    move.error.reset();
    if (view.baselineVersion != state.workspace.version()) {
        auto before = checkSchedule(w, policy, scheduleToCheck(view.lastRun, w.visits));
        if (!before) {
            move.error = before.error();
            return;
        }
        view.baseline = std::move(*before);
        view.baselineVersion = state.workspace.version();
    }
    auto moved = movedVisits(w, v.id, day, notice);
    if (!moved) {
        move.error = moved.error();
        return;
    }
    auto after = checkSchedule(w, policy, scheduleToCheck(view.lastRun, *moved));
    if (!after) {
        move.error = after.error();
        return;
    }
    move.moved = std::move(*moved);
    move.introduced = introducedViolations(view.baseline, *after);
    move.existing = static_cast<int64_t>(view.baseline.size());
}

void drawAdjust(AppState& state, const Workspace& w, const PolicyData& policy, const Visit& v) {
    PlannerView& view = state.planning.planner;
    VisitMove& move = view.move;
    sectionTitle(state, {"调整检查日期", "Adjust the visit"});
    if (move.visit != v.id) {
        move = VisitMove{};
        move.visit = v.id;
        std::snprintf(move.date.data(), move.date.size(), "%s", v.date.iso().c_str());
        if (v.noticeDate) std::snprintf(move.notice.data(), move.notice.size(), "%s", v.noticeDate->iso().c_str());
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"新检查日", "New day"}));
    ImGui::SameLine();
    std::string typedBefore = move.date.data();
    auto day = dateField("##move-date", move.date.data(), move.date.size());
    if (day && typedBefore != move.date.data()) {
        // The notice keeps its lead in working days; the official may still change it.
        auto shifted = shiftedNotice(v, *day);
        if (shifted && *shifted) std::snprintf(move.notice.data(), move.notice.size(), "%s", (*shifted)->iso().c_str());
    }
    std::optional<Date> notice;
    bool noticeOk = true;
    if (v.noticeDate) {
        ImGui::SameLine();
        ImGui::TextUnformatted(state.tr({"预告日", "Notice on"}));
        ImGui::SameLine();
        notice = dateField("##move-notice", move.notice.data(), move.notice.size());
        noticeOk = notice.has_value();
    }
    if (!day || !noticeOk) {
        ImGui::TextColored(kProblemColour, "%s", state.tr({"请输入日历年份内的日期", "Type a date of the calendar's years"}));
        return;
    }
    if (*day == v.date && notice == v.noticeDate) {
        ImGui::TextDisabled("%s", state.tr({"输入新的日期，规则将立即重新核查整个排期", "Type another day: the whole schedule is re-checked at once"}));
        return;
    }
    recheck(state, w, policy, v, *day, notice);
    if (move.error) {
        ImGui::TextColored(kProblemColour, "%s", move.error->message().c_str());
        return;
    }
    ImGui::PushTextWrapPos(0);
    if (move.introduced.empty()) {
        ImGui::TextColored(kGoodColour, "%s", state.tr({"改期后排期仍符合全部规则", "Moved, the schedule still keeps every rule"}));
    } else {
        ImGui::TextColored(kProblemColour, "%s %zu", state.tr({"改期违反规则：", "The move breaks rules:"}), move.introduced.size());
        for (const auto& violation : move.introduced) {
            std::string where = violation.plan ? std::string(state.tr({"计划 ", "plan "})) + std::to_string(violation.plan)
                                               : std::string(state.tr({"检查 ", "visit "})) + std::to_string(violation.visit);
            ImGui::TextColored(kProblemColour, "×");
            ImGui::SameLine();
            if (!violation.clauses.empty()) {
                ImGui::TextColored(kClauseColour, "[%s]", joinedClauses(violation.clauses).c_str());
                ImGui::SameLine();
            }
            ImGui::TextWrapped("%s: %s", where.c_str(), state.tr(violation.text));
        }
    }
    if (move.existing > 0)
        ImGui::TextDisabled("%s %lld", state.tr({"（不计改期前已有的问题：", "(not counting what the schedule had before: "}),
                            static_cast<long long>(move.existing));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!move.introduced.empty());
    if (ImGui::Button(state.tr({"保存改期", "Save"})) && move.introduced.empty()) {
        int64_t id = v.id;  // `v` is replaced by the save
        std::string date = day->iso();
        Status saved = state.workspace.saveVisits(move.moved);
        if (!saved) {
            state.sayError(saved.error());
        } else {
            state.say({"检查 " + std::to_string(id) + " 改至 " + date + "，检查码已重新生成",
                       "Visit " + std::to_string(id) + " moved to " + date + "; its code was issued again"});
            move = VisitMove{};
        }
    }
    ImGui::EndDisabled();
}

void drawVisit(AppState& state, const Workspace& w, const PolicyData& policy, const Visit& v) {
    std::string title = std::string(state.tr({"检查 ", "Visit "})) + std::to_string(v.id) + " · " + enterpriseName(w, v.enterprise) +
                        " · " + v.date.iso() + " · " + state.tr(label(v.kind));
    sectionTitle(state, {title, title});
    // Wide enough for the symbol and the code under it, which must read whole.
    float qrWidth = std::max(ImGui::GetFontSize() * 10, ImGui::CalcTextSize(v.code.c_str()).x + ImGui::GetStyle().CellPadding.x * 2);
    if (!ImGui::BeginTable("visit", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("code", ImGuiTableColumnFlags_WidthFixed, qrWidth);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    drawMembers(state, w, v);
    drawNotice(state, w, policy, v);
    int64_t id = v.id;
    drawAdjust(state, w, policy, v);
    ImGui::TableNextColumn();
    // A save above replaced the visits: draw the code of the stored visit.
    if (const Visit* stored = state.workspace.workspace()->visit(id)) drawCode(state, *state.workspace.workspace(), *stored);
    ImGui::EndTable();
}

}  // namespace

void drawPlannerScreen(AppState& state) {
    if (noWorkspace(state)) return;
    PlannerView& view = state.planning.planner;
    const Workspace& w = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;

    // A large workspace takes seconds: the run goes in slices under a progress overlay (startScheduling).
    if (ImGui::Button(state.tr({"运行排期", "Run the scheduler"}))) startScheduling(state);
    markItem(state, "run-scheduler");
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s · %s %s", state.tr({"计划", "plans"}), grouped(static_cast<int64_t>(w.plans.size())).c_str(),
                            state.tr({"合并为最少的入企次数（进一次门、查多项事）", "merged into the fewest visits (one door, many items)"}),
                            "ALL-3");

    if (view.lastRun) drawFigures(state, w, policy, *view.lastRun);
    else if (!w.visits.empty())
        ImGui::TextDisabled("%s", state.tr({"显示已保存的排期（本次未运行排期，无下界对照）", "Showing the stored visits (no run yet, so no lower bound)"}));
    else
        ImGui::TextDisabled("%s", state.tr({"尚无入企检查：运行排期", "No visits yet: run the scheduler"}));

    sectionTitle(state, {"入企检查", "Visits"});
    drawVisitTable(state, w);
    if (view.selected) {
        if (const Visit* v = w.visit(view.selected)) drawVisit(state, w, policy, *v);
        else view.selected = 0;
    } else if (!w.visits.empty()) {
        ImGui::TextDisabled("%s", state.tr({"点选一次检查：看它的计划与规则、调整日期、打印预告、出示检查码",
                                            "Choose a visit to see its plans and rules, move it, print its notice and show its code"}));
    }
}

}  // namespace inspectonce::ui
