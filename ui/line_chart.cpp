#include "line_chart.hpp"

#include <algorithm>
#include <cstdio>

namespace inspectonce::ui {

ImU32 seriesColour(int index) {
    static const ImU32 colours[] = {IM_COL32(31, 119, 180, 255), IM_COL32(214, 39, 40, 255),  IM_COL32(44, 160, 44, 255),
                                    IM_COL32(148, 103, 189, 255), IM_COL32(255, 127, 14, 255), IM_COL32(90, 90, 90, 255),
                                    IM_COL32(23, 190, 207, 255)};
    return colours[static_cast<std::size_t>(index) % (sizeof colours / sizeof colours[0])];
}

void lineChart(const char* id, const std::string& title, const std::vector<ChartSeries>& series, int days, ImVec2 size) {
    ImGui::PushID(id);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##chart", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(250, 250, 250, 255));
    draw->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(200, 200, 200, 255));
    float top = 0;
    for (const auto& s : series)
        for (float v : s.values) top = std::max(top, v);
    if (top <= 0) top = 1;
    const float lineHeight = ImGui::GetTextLineHeight();
    const float plotTop = origin.y + lineHeight + 6, plotBottom = origin.y + size.y - 4;
    const float plotLeft = origin.x + 4, plotRight = origin.x + size.x - 4;
    auto x = [&](std::size_t day) { return plotLeft + (plotRight - plotLeft) * static_cast<float>(day) / static_cast<float>(std::max(days - 1, 1)); };
    auto y = [&](float v) { return plotBottom - (plotBottom - plotTop) * v / top; };
    std::size_t longest = 0;
    for (const auto& s : series) {
        longest = std::max(longest, s.values.size());
        std::vector<ImVec2> points;
        for (std::size_t i = 0; i < s.values.size(); ++i) points.emplace_back(x(i), y(s.values[i]));
        if (points.size() >= 2) draw->AddPolyline(points.data(), static_cast<int>(points.size()), s.colour, 0, 1.5f);
    }
    if (longest > 0) draw->AddLine(ImVec2(x(longest - 1), plotTop), ImVec2(x(longest - 1), plotBottom), IM_COL32(120, 120, 120, 160));
    char largest[32];
    std::snprintf(largest, sizeof largest, "%.0f", static_cast<double>(top));
    std::string heading = title + "  (" + largest + ")";
    draw->AddText(ImVec2(origin.x + 6, origin.y + 3), IM_COL32(60, 60, 60, 255), heading.c_str());
    ImGui::PopID();
}

}  // namespace inspectonce::ui
