// A month (or a week) of the working-day calendar with the selected county's blackout days
// shaded and the clause that makes them blackout days shown beneath; when the workspace is
// the selected county's, each day also counts its visits and the advance notices sent that
// day, and the week view lists them.
#include <imgui.h>

#include <array>
#include <string>

#include "inspectonce/calendar_names.hpp"
#include "inspectonce/policy.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const ImU32 kBlackoutShade = IM_COL32(250, 196, 92, 150);
const ImU32 kHolidayShade = IM_COL32(231, 111, 81, 60);
const ImVec4 kHolidayText(0.75f, 0.18f, 0.12f, 1);
const ImVec4 kAdjustedText(0.15f, 0.35f, 0.75f, 1);

std::string monthTitle(YearMonth month, Language language) {
    static const char* names[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
    if (language == Language::English) return std::string(names[month.month - 1]) + " " + std::to_string(month.year);
    return std::to_string(month.year) + "年" + std::to_string(month.month) + "月";
}

void drawMonthNavigation(AppState& state) {
    const auto& calendar = WorkCalendar::official();
    bool canGoBack = state.month.previous().year >= calendar.firstYear();
    bool canGoOn = state.month.next().year <= calendar.lastYear();
    ImGui::BeginDisabled(!canGoBack);
    if (ImGui::ArrowButton("previous", ImGuiDir_Left)) state.month = state.month.previous();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%s", monthTitle(state.month, state.language).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!canGoOn);
    if (ImGui::ArrowButton("next", ImGuiDir_Right)) state.month = state.month.next();
    ImGui::EndDisabled();
}

// Visits and advance notices of one day in the open workspace (when it is the county shown).
struct DayActivity {
    int visits = 0;
    int notices = 0;
};

const Workspace* shownWorkspace(const AppState& state) {
    const Workspace* w = state.workspace.workspace();
    return w && w->county == state.county ? w : nullptr;
}

// Per day of the month (index 1–31).
std::array<DayActivity, 32> monthActivity(const AppState& state) {
    std::array<DayActivity, 32> out{};
    const Workspace* w = shownWorkspace(state);
    if (!w) return out;
    auto inMonth = [&](Date d) { return d.year() == state.month.year && d.month() == state.month.month; };
    for (const auto& visit : w->visits) {
        if (inMonth(visit.date)) ++out[static_cast<std::size_t>(visit.date.day())].visits;
        if (visit.noticeDate && inMonth(*visit.noticeDate)) ++out[static_cast<std::size_t>(visit.noticeDate->day())].notices;
    }
    return out;
}

void drawActivity(const AppState& state, const DayActivity& activity) {
    if (!activity.visits && !activity.notices) return;
    std::string line;
    if (activity.visits) line += state.tr({"检查 ", "visits "}) + std::to_string(activity.visits);
    if (activity.notices) line += (line.empty() ? "" : " · ") + std::string(state.tr({"预告 ", "notices "})) + std::to_string(activity.notices);
    ImGui::TextColored(kGoodColour, "%s", line.c_str());
}

void drawDayCell(const AppState& state, const DayInfo& day, const BlackoutDay* blackout) {
    if (blackout) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kBlackoutShade);
    else if (day.kind == DayKind::Holiday) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kHolidayShade);
    bool restDay = !day.isWorkday;
    if (restDay) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::Text("%d", day.date.day());
    if (restDay) ImGui::PopStyleColor();
    if (day.kind == DayKind::Holiday) {
        ImGui::PushStyleColor(ImGuiCol_Text, kHolidayText);
        fittedText(state.tr(day.name));
        ImGui::PopStyleColor();
    } else if (day.kind == DayKind::AdjustedWorkday) {
        ImGui::TextColored(kAdjustedText, "%s", state.tr({"调休上班", "work day"}));
    } else {
        ImGui::TextUnformatted(" ");
    }
    if (blackout) {
        // A long English name ends in "…"; the tooltip gives it whole, with its clause.
        const char* name = state.tr(blackout->rule->name);
        fittedText(name);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s · %s %s", name, state.tr({"依据", "Clause"}), blackout->rule->clause.text().c_str());
    } else {
        ImGui::TextUnformatted(" ");
    }
}

void drawMonthGrid(AppState& state, const MonthBlackouts& blackouts) {
    const auto& calendar = WorkCalendar::official();
    std::array<const BlackoutDay*, 32> byDay{};
    for (const auto& d : blackouts.days) byDay[static_cast<std::size_t>(d.day.date.day())] = &d;

    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("month", 7, flags)) return;
    for (int w = 1; w <= 7; ++w) ImGui::TableSetupColumn(state.tr(weekdayName(static_cast<Weekday>(w))));
    ImGui::TableHeadersRow();

    auto activity = monthActivity(state);
    Date first = state.month.first();
    int leading = static_cast<int>(first.weekday()) - 1;
    int days = daysInMonth(state.month.year, state.month.month);
    for (int cell = 0; cell < leading + days; ++cell) {
        if (cell % 7 == 0) ImGui::TableNextRow(0, ImGui::GetTextLineHeightWithSpacing() * 4.2f);
        ImGui::TableNextColumn();
        if (cell < leading) continue;
        int dayOfMonth = cell - leading + 1;
        auto day = calendar.day(first.plusDays(dayOfMonth - 1));
        if (!day) continue;  // the navigation keeps the month inside the calendar
        ImGui::PushID(dayOfMonth);
        drawDayCell(state, *day, byDay[static_cast<std::size_t>(dayOfMonth)]);
        drawActivity(state, activity[static_cast<std::size_t>(dayOfMonth)]);
        // A day with visits opens its week.
        if (activity[static_cast<std::size_t>(dayOfMonth)].visits && ImGui::SmallButton(state.tr({"本周", "week"}))) {
            state.views.calendar.week = true;
            state.views.calendar.weekDay = day->date.dayNumber();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// The week of `weekDay`: each day with its kind, blackout and the visits and notices.
void drawWeek(AppState& state, const LoadedPlugin& plugin) {
    auto& view = state.views.calendar;
    const auto& calendar = WorkCalendar::official();
    Date any = Date::fromDayNumber(view.weekDay);
    Date monday = any.plusDays(-(static_cast<int>(any.weekday()) - 1));
    if (ImGui::ArrowButton("week-back", ImGuiDir_Left)) view.weekDay -= 7;
    ImGui::SameLine();
    ImGui::Text("%s – %s", monday.iso().c_str(), monday.plusDays(6).iso().c_str());
    ImGui::SameLine();
    if (ImGui::ArrowButton("week-on", ImGuiDir_Right)) view.weekDay += 7;
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"返回月视图", "Back to the month"}))) view.week = false;
    const Workspace* w = shownWorkspace(state);
    for (int i = 0; i < 7; ++i) {
        Date date = monday.plusDays(i);
        auto day = calendar.day(date);
        if (!day) continue;
        ImGui::Separator();
        ImGui::Text("%s %s", date.iso().c_str(), state.tr(weekdayName(date.weekday())));
        if (day->kind == DayKind::Holiday) {
            ImGui::SameLine();
            ImGui::TextColored(kHolidayText, "%s", state.tr(day->name));
        }
        if (auto rules = Policy(plugin.policy).blackoutsOn(date); rules)
            for (const BlackoutRule* rule : *rules) {
                ImGui::SameLine();
                ImGui::TextColored(kWarningColour, "%s", state.tr(rule->name));
                ImGui::SameLine();
                clauseText(state, rule->clause);
            }
        if (!w) continue;
        for (const auto& visit : w->visits) {
            const WorkspaceEnterprise* e = w->enterprise(visit.enterprise);
            const WorkspaceDepartment* lead = w->department(visit.lead);
            std::string who = e ? e->enterprise.name : visit.enterprise;
            std::string by = lead ? lead->name.in(state.language) : visit.lead;
            if (visit.date == date)
                ImGui::BulletText("%s %s · %s %s · %zu %s", state.tr({"入企检查", "Visit"}), who.c_str(), state.tr({"牵头", "led by"}),
                                  by.c_str(), visit.plans.size(), state.tr({"项计划", "plans"}));
            if (visit.noticeDate && *visit.noticeDate == date)
                ImGui::BulletText("%s %s（%s %s）", state.tr({"发出检查预告：", "Advance notice to"}), who.c_str(),
                                  state.tr({"检查日", "visit on"}), visit.date.iso().c_str());
        }
    }
}

void drawBlackoutRules(const AppState& state, const LoadedPlugin& plugin, const MonthBlackouts& blackouts) {
    ImGui::Spacing();
    ImGui::TextUnformatted(state.tr({"禁止入企检查期", "Blackout periods"}));
    ImGui::Separator();
    if (plugin.policy.blackouts.empty()) {
        ImGui::TextDisabled("%s", state.tr({"本县区文件未规定每月禁止检查期。", "This county's document sets no monthly blackout period."}));
        return;
    }
    if (blackouts.note) ImGui::TextColored(kHolidayText, "%s", state.tr(*blackouts.note));
    ImGui::PushTextWrapPos(0);
    for (const auto& rule : plugin.policy.blackouts) {
        ImGui::ColorButton("##shade", ImGui::ColorConvertU32ToFloat4(kBlackoutShade), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
        ImGui::SameLine();
        int count = 0;
        for (const auto& d : blackouts.days) count += d.rule == &rule;
        std::string days = state.language == Language::English ? std::to_string(count) + " days this month"
                                                               : "本月 " + std::to_string(count) + " 天";
        ImGui::Text("%s · %s · %s · %s %s", state.tr(rule.name), state.tr(rule.period.describe()), days.c_str(),
                    state.tr({"依据", "clause"}), rule.clause.text().c_str());
        ImGui::TextDisabled("%s", state.tr(rule.rule));
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void drawCalendarScreen(AppState& state) {
    const LoadedPlugin* plugin = state.selectedPlugin();
    if (!plugin) {
        ImGui::TextDisabled("%s", state.tr({"请选择县区", "Choose a county"}));
        return;
    }
    const auto& doc = plugin->policy.document;
    ImGui::Text("%s · %s", state.tr(plugin->policy.name), state.tr(plugin->policy.region));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s %s (%s)", doc.number.c_str(), state.tr(doc.title), doc.file.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (state.views.calendar.week) {
        drawWeek(state, *plugin);
        return;
    }
    drawMonthNavigation(state);
    if (const Workspace* w = state.workspace.workspace(); w && w->county != state.county) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", state.tr({"（工作区属另一县区：不显示其检查）", "(the workspace is another county's: its visits are not shown)"}));
    }

    auto blackouts = blackoutDays(plugin->policy, state.month);
    if (!blackouts) {
        ImGui::TextColored(kHolidayText, "%s", blackouts.error().message().c_str());
        return;
    }
    drawMonthGrid(state, *blackouts);
    drawBlackoutRules(state, *plugin, *blackouts);
}

}  // namespace inspectonce::ui
