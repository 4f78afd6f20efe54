// A small line chart drawn with ImGui's draw list (this ImGui has no multi-line plots):
// several series over the same days, each in its colour, a legend, the largest value, and
// a line at the replay's day.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace inspectonce::ui {

struct ChartSeries {
    std::string name;
    std::vector<float> values;  // one per day from the first
    ImU32 colour = 0;
};

// The colour of the n-th series: distinct for the six runs of a comparison.
ImU32 seriesColour(int index);

// `days`: how many days the x axis spans (the year), whatever the series hold so far.
void lineChart(const char* id, const std::string& title, const std::vector<ChartSeries>& series, int days, ImVec2 size);

}  // namespace inspectonce::ui
