#include "widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

namespace inspectonce::ui {

void sectionTitle(const AppState& state, const Text& title) {
    ImGui::Spacing();
    ImGui::TextUnformatted(state.tr(title));
    ImGui::Separator();
}

void clauseText(const AppState& state, const Citation& clause) {
    if (clause.text().empty()) return;
    ImGui::TextDisabled("%s %s", state.tr({"依据", "Clause"}), clause.text().c_str());
}

void fileChooser(AppState& state, const char* id, const Text& label, const std::string& purpose, const std::string& accept) {
    ImGui::PushID(id);
    if (state.files.pick) {
        if (ImGui::Button(state.tr(label))) state.files.pick(purpose, accept);
        ImGui::PopID();
        markItem(state, id);
        return;
    }
    // The desktop has no file dialog in SDL 2: the path is typed (or pasted).
    static std::map<std::string, std::string> typed;  // per chooser, while the app runs
    std::string& path = typed[purpose];
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", path.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::InputTextWithHint("##path", state.tr({"文件路径", "file path"}), buffer, sizeof buffer)) path = buffer;
    ImGui::SameLine();
    if (ImGui::Button(state.tr(label)) && !path.empty()) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            state.say({path + "：无法读取该文件", path + ": cannot read this file"}, true);
        } else {
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            state.receiveFile(purpose, path, bytes);
        }
    }
    ImGui::PopID();
    markItem(state, id);
}

std::optional<Date> dateField(const char* label, char* buffer, std::size_t size) {
    // As wide as the hint, the widest thing the field shows.
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("YYYY-MM-DD").x + ImGui::GetStyle().FramePadding.x * 2 + 4);
    ImGui::InputTextWithHint(label, "YYYY-MM-DD", buffer, size, ImGuiInputTextFlags_CharsNoBlank);
    auto date = Date::parse(buffer);
    if (!date) return std::nullopt;
    const auto& calendar = WorkCalendar::official();
    if (date->year() < calendar.firstYear() || date->year() > calendar.lastYear()) return std::nullopt;
    return *date;
}

void fittedText(const std::string& text) {
    ImVec2 size = ImGui::CalcTextSize(text.c_str());
    float width = ImGui::GetContentRegionAvail().x;
    if (size.x <= width) {
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 end(at.x + std::max(width, 0.0f), at.y + size.y);
    ImGui::Dummy(ImVec2(std::max(width, 1.0f), size.y));
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, end, end.x, end.x, text.c_str(), nullptr, &size);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

std::string grouped(int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", std::isfinite(share) ? share * 100 : 0.0);
    return buffer;
}

void saveFile(AppState& state, const std::string& name, const std::string& mime, const std::string& bytes) {
    if (!state.files.save) {
        state.say({"此平台不能保存文件", "This platform cannot save files"}, true);
        return;
    }
    auto where = state.files.save(name, mime, bytes);
    if (!where) state.sayError(where.error());
    else state.say({"已保存 " + *where, "Saved " + *where});
}

void printPage(AppState& state, const std::string& name, const std::string& html) {
    if (!state.files.print) {
        state.say({"此平台不能打印", "This platform cannot print"}, true);
        return;
    }
    auto where = state.files.print(name, html);
    if (!where) state.sayError(where.error());
    else state.say({"打印页面：" + *where, "Printable page: " + *where});
}

void markItem(AppState& state, const std::string& name) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.marks[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

bool noWorkspace(AppState& state) {
    if (state.workspace.isOpen() && state.workspacePlugin()) return false;
    if (!state.workspace.isOpen()) {
        ImGui::TextUnformatted(state.tr({"尚未打开工作区。", "No workspace is open."}));
        if (state.workspace.error()) ImGui::TextColored(kProblemColour, "%s", state.workspace.error()->message().c_str());
    } else {
        ImGui::TextColored(kProblemColour, "%s %s", state.tr({"没有该县区的插件：", "No plugin for the workspace's county:"}),
                           state.workspace.workspace()->county.c_str());
    }
    if (ImGui::Button(state.tr({"到“设置与数据”导入或新建工作区", "Import or create one in Settings and data"})))
        state.screen = "settings";
    return true;
}

}  // namespace inspectonce::ui
