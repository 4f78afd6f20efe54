// A month of the working-day calendar with the selected county's blackout days shaded and
// the clause that makes them blackout days shown beneath.
#include <imgui.h>

#include <array>
#include <string>

#include "inspectonce/calendar_names.hpp"
#include "inspectonce/policy.hpp"
#include "screens.hpp"

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

void drawDayCell(const AppState& state, const DayInfo& day, const BlackoutDay* blackout) {
    if (blackout) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kBlackoutShade);
    else if (day.kind == DayKind::Holiday) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kHolidayShade);
    bool restDay = !day.isWorkday;
    if (restDay) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::Text("%d", day.date.day());
    if (restDay) ImGui::PopStyleColor();
    if (day.kind == DayKind::Holiday) ImGui::TextColored(kHolidayText, "%s", state.tr(day.name));
    else if (day.kind == DayKind::AdjustedWorkday) ImGui::TextColored(kAdjustedText, "%s", state.tr({"调休上班", "work day"}));
    else ImGui::TextUnformatted(" ");
    if (blackout) {
        ImGui::TextUnformatted(state.tr(blackout->rule->name));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", state.tr({"依据", "Clause"}), blackout->rule->clause.text().c_str());
    } else {
        ImGui::TextUnformatted(" ");
    }
}

void drawMonthGrid(const AppState& state, const MonthBlackouts& blackouts) {
    const auto& calendar = WorkCalendar::official();
    std::array<const BlackoutDay*, 32> byDay{};
    for (const auto& d : blackouts.days) byDay[static_cast<std::size_t>(d.day.date.day())] = &d;

    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("month", 7, flags)) return;
    for (int w = 1; w <= 7; ++w) ImGui::TableSetupColumn(state.tr(weekdayName(static_cast<Weekday>(w))));
    ImGui::TableHeadersRow();

    Date first = state.month.first();
    int leading = static_cast<int>(first.weekday()) - 1;
    int days = daysInMonth(state.month.year, state.month.month);
    for (int cell = 0; cell < leading + days; ++cell) {
        if (cell % 7 == 0) ImGui::TableNextRow(0, ImGui::GetTextLineHeightWithSpacing() * 3.2f);
        ImGui::TableNextColumn();
        if (cell < leading) continue;
        int dayOfMonth = cell - leading + 1;
        auto day = calendar.day(first.plusDays(dayOfMonth - 1));
        if (!day) continue;  // the navigation keeps the month inside the calendar
        ImGui::PushID(dayOfMonth);
        drawDayCell(state, *day, byDay[static_cast<std::size_t>(dayOfMonth)]);
        ImGui::PopID();
    }
    ImGui::EndTable();
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
    drawMonthNavigation(state);

    auto blackouts = blackoutDays(plugin->policy, state.month);
    if (!blackouts) {
        ImGui::TextColored(kHolidayText, "%s", blackouts.error().message().c_str());
        return;
    }
    drawMonthGrid(state, *blackouts);
    drawBlackoutRules(state, *plugin, *blackouts);
}

}  // namespace inspectonce::ui
