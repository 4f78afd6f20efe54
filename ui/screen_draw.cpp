// The random draw (双随机、一公开): configure it (departments, population, ratio, seed), run
// it (strata by credit grade with their ratios and clauses, the drawn enterprises and their
// inspectors), publish it (kept in the workspace for the year's next draws, and its record
// exported), and verify it or any draw kept earlier by re-running it (draw.hpp).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "planning_draw.hpp"
#include "planning_rows.hpp"
#include "planning_store.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

const ImVec4 kClauseColour(0.15f, 0.35f, 0.75f, 1);

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

// A step's heading with the clauses it carries out on the same line.
void stepTitle(const AppState& state, const Text& title, const std::vector<std::string>& clauses) {
    ImGui::Spacing();
    ImGui::TextUnformatted(state.tr(title));
    if (!clauses.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(kClauseColour, "%s %s", state.tr({"依据", "Clause"}), joined(clauses, "、").c_str());
    }
    ImGui::Separator();
}

// The clauses the county's sampling rules rest on (the ratio's, the fewer-repeats one).
std::vector<std::string> samplingClauses(const PolicyData& policy) {
    std::vector<std::string> out;
    if (!policy.sampling) return out;
    out.push_back(policy.sampling->clause.text());
    if (policy.sampling->fewerRepeats && policy.sampling->fewerRepeats->text() != out.front())
        out.push_back(policy.sampling->fewerRepeats->text());
    return out;
}

// How many choices fit side by side in a list at the current width (inside its frame), each
// column as wide as the longest label (English department names run long).
std::size_t choiceColumns(const std::vector<std::string>& labels) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float inner = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2 - style.ScrollbarSize;
    float widest = ImGui::GetFontSize() * 6;
    for (const auto& label : labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
    float column = widest + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + style.CellPadding.x * 2 + style.ItemSpacing.x;
    return std::max<std::size_t>(1, static_cast<std::size_t>(inner / column));
}

void checkboxList(const char* id, std::vector<std::string>& chosen, const std::vector<std::string>& values,
                  const std::vector<std::string>& labels, float height) {
    int columns = static_cast<int>(choiceColumns(labels));
    ImGui::BeginChild(id, ImVec2(0, height), true);
    if (ImGui::BeginTable("choices", columns)) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            ImGui::TableNextColumn();
            bool on = std::find(chosen.begin(), chosen.end(), values[i]) != chosen.end();
            std::string text = labels[i] + "##" + values[i];
            if (ImGui::Checkbox(text.c_str(), &on)) toggle(chosen, values[i], on);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

void refreshStored(AppState& state, const Workspace& w) {
    DrawView& view = state.planning.draw;
    if (!view.storedStale && view.storedVersion == state.workspace.version()) return;
    auto stored = storedDraws(state.workspace.path(), w.year);
    if (stored) view.stored = std::move(*stored);
    else view.error = stored.error();
    view.storedVersion = state.workspace.version();
    view.storedStale = false;
}

void drawConfigure(AppState& state, const Workspace& w, const PolicyData& policy) {
    DrawView& view = state.planning.draw;
    if (view.choicesVersion != state.workspace.version()) {
        view.industryChoices = industriesOf(w);
        view.townChoices = townsOf(w);
        view.choicesVersion = state.workspace.version();
        if (!view.date[0]) std::snprintf(view.date.data(), view.date.size(), "%s", state.today.iso().c_str());
        if (!view.ratio[0]) std::snprintf(view.ratio.data(), view.ratio.size(), "5");
    }
    stepTitle(state, {"1 配置抽查", "1 Configure the draw"}, samplingClauses(policy));
    if (!policy.sampling)
        ImGui::TextDisabled("%s", state.tr({"本县区文件未规定按信用等级的抽查比例：各等级按基础比例抽取",
                                             "The county's documents set no ratios by credit grade: every grade is drawn at the base ratio"}));
    else if (policy.sampling->note) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", state.tr(*policy.sampling->note));
        ImGui::PopTextWrapPos();
    }

    ImGui::TextUnformatted(state.tr({"参与部门（多个部门即跨部门联合抽查）", "Departments (several: a joint task)"}));
    std::vector<std::string> ids, names;
    for (const auto& d : w.departments) {
        ids.push_back(d.id);
        names.push_back(d.name.in(state.language));
    }
    float line = ImGui::GetFrameHeightWithSpacing();
    // Every department in view: as many rows as the columns the list will have need.
    std::size_t columns = choiceColumns(names);
    float rows = static_cast<float>((ids.size() + columns - 1) / columns);
    checkboxList("departments", view.departments, ids, names, line * std::min(6.0f, rows) + ImGui::GetStyle().WindowPadding.y * 2 + 4);

    std::string industries = std::string(state.tr({"行业（不选即全部）", "Industries (none chosen: all)"})) + " · " +
                             std::to_string(view.industries.size()) + "###industries";
    if (ImGui::CollapsingHeader(industries.c_str())) checkboxList("industry-list", view.industries, view.industryChoices, view.industryChoices, line * 4);
    std::string towns = std::string(state.tr({"镇街（不选即全部）", "Towns (none chosen: all)"})) + " · " + std::to_string(view.towns.size()) + "###towns";
    if (ImGui::CollapsingHeader(towns.c_str())) checkboxList("town-list", view.towns, view.townChoices, view.townChoices, line * 4);
    std::string items = std::string(state.tr({"检查事项（记录在案，可不选）", "Items inspected (recorded, optional)"})) + " · " +
                        std::to_string(view.items.size()) + "###items";
    if (ImGui::CollapsingHeader(items.c_str())) {
        std::vector<std::string> itemIds, itemNames;
        for (const auto& item : w.items)
            if (std::find(view.departments.begin(), view.departments.end(), item.department) != view.departments.end()) {
                itemIds.push_back(item.id);
                itemNames.push_back(item.name.in(state.language));
            }
        if (itemIds.empty()) ImGui::TextDisabled("%s", state.tr({"先选择参与部门", "Choose the departments first"}));
        else checkboxList("item-list", view.items, itemIds, itemNames, line * 4);
    }
    // Items of departments no longer taking part would be refused by the draw.
    view.items.erase(std::remove_if(view.items.begin(), view.items.end(),
                                    [&](const std::string& id) {
                                        const InspectionItem* item = w.item(id);
                                        return !item || std::find(view.departments.begin(), view.departments.end(), item->department) ==
                                                            view.departments.end();
                                    }),
                     view.items.end());

    float field = ImGui::GetFontSize() * 4;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"抽查日期", "Date"}));
    ImGui::SameLine();
    dateField("##draw-date", view.date.data(), view.date.size());
    ImGui::SameLine();
    ImGui::TextUnformatted(state.tr({"基础比例 %", "Base ratio %"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("##ratio", view.ratio.data(), view.ratio.size(), ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::TextUnformatted(state.tr({"每家检查人员", "Inspectors each"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 1.5f);
    ImGui::InputInt("##inspectors", &view.inspectors);
    view.inspectors = std::clamp(view.inspectors, 2, 20);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"“适当降低”为基础比例的 %", "\"Lower\" is the base ratio ×%"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 1.5f);
    ImGui::InputInt("##lower", &view.lower);
    view.lower = std::clamp(view.lower, 1, 100);
    ImGui::SameLine();
    ImGui::TextUnformatted(state.tr({"“适当提高”为 %", "\"higher\" ×%"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 1.5f);
    ImGui::InputInt("##higher", &view.higher);
    view.higher = std::clamp(view.higher, 100, 1000);
    ImGui::Checkbox(state.tr({"降低重复抽取：先抽本年度未被抽中的企业", "Fewer repeats: draw enterprises not drawn this year first"}), &view.preferNotYetDrawn);
    if (policy.sampling && policy.sampling->fewerRepeats) {
        ImGui::SameLine();
        clauseText(state, *policy.sampling->fewerRepeats);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr({"随机种子（随结果公开）", "Seed (published with the result)"}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##seed", state.tr({"如：当日公开的摇号数字", "e.g. numbers drawn in public that day"}), view.seed.data(), view.seed.size());
}

void drawResult(AppState& state, const Workspace& w, const DrawRecord& r) {
    stepTitle(state, {"2 抽查结果", "2 The draw"}, r.clauses());
    ImGui::Text("%s %s · %s %d · %s %d · %s %zu", state.tr(r.joint() ? Text{"跨部门联合抽查", "joint task"} : Text{"单部门抽查", "single-department task"}),
                r.request.date.iso().c_str(), state.tr({"对象", "population"}), r.population, state.tr({"可抽", "eligible"}), r.eligible,
                state.tr({"抽中", "drawn"}), r.drawn.size());
    if (ImGui::BeginTable("strata", 8, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        const Text headers[] = {{"等级", "Grade"}, {"对象", "Population"}, {"免检", "Exempt"}, {"可抽", "Eligible"},
                                {"比例", "Ratio"},  {"抽中", "Drawn"},      {"重复", "Repeats"}, {"依据与说明", "Clause and basis"}};
        for (int c = 0; c < 8; ++c) ImGui::TableSetupColumn(state.tr(headers[c]), 0, c == 7 ? 6.0f : 1.0f);
        ImGui::TableHeadersRow();
        for (const auto& s : r.strata) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(toString(s.grade)).c_str());
            for (int value : {s.population, s.exempt, s.eligible}) {
                ImGui::TableNextColumn();
                ImGui::Text("%d", value);
            }
            ImGui::TableNextColumn();
            ImGui::Text("%s%%", formatBp(s.ratioBp).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", s.count);
            ImGui::TableNextColumn();
            ImGui::Text("%d", s.repeats);
            ImGui::TableNextColumn();
            if (s.clause) {
                ImGui::TextColored(kClauseColour, "[%s]", s.clause->text().c_str());
                ImGui::SameLine();
            }
            ImGui::TextWrapped("%s", state.tr(s.text));
            if (s.note) ImGui::TextWrapped("%s", state.tr(*s.note));
        }
        ImGui::EndTable();
    }
    ImGui::PushTextWrapPos(0);
    for (const auto& e : r.exemptions) {
        ImGui::TextColored(kClauseColour, "[%s]", e.clause.text().c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s %d：%s", state.tr({"免检", "exempt"}), e.count, state.tr(e.text));
    }
    for (const auto& note : r.notes) ImGui::TextWrapped("%s %s", state.tr({"说明：", "Note:"}), state.tr(note));
    const JointShare& j = r.jointShare;
    ImGui::Text("%s %d / %d", state.tr({"本年度联合抽查任务", "Joint draw tasks this year"}), j.jointTasks, j.tasks);
    if (j.target) {
        ImGui::SameLine();
        ImGui::TextColored(j.met() ? kGoodColour : kWarningColour, "%s ≥ %d%%：%s", state.tr({"目标", "target"}), j.target->minPercent,
                           j.met() ? state.tr({"已达到", "met"}) : state.tr({"未达到", "not met"}));
        ImGui::SameLine();
        clauseText(state, j.target->clause);
    }
    ImGui::PopTextWrapPos();

    float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(r.drawn.size()) + 1.5f),
                            ImGui::GetTextLineHeightWithSpacing() * 10);
    if (ImGui::BeginTable("drawn", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(state.tr({"抽中企业", "Enterprise drawn"}), 0, 3.0f);
        ImGui::TableSetupColumn(state.tr({"等级", "Grade"}), 0, 0.5f);
        ImGui::TableSetupColumn(state.tr({"检查人员", "Inspectors"}), 0, 4.0f);
        ImGui::TableSetupColumn(state.tr({"本年已抽中", "Drawn before"}), 0, 1.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(r.drawn.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const DrawnEnterprise& d = r.drawn[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(d.name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(std::string(toString(d.grade)).c_str());
                ImGui::TableNextColumn();
                std::string inspectors;
                for (const auto& x : d.inspectors)
                    inspectors += (inspectors.empty() ? "" : state.tr({"、", ", "})) + x.name + "（" + departmentName(w, x.department, "", state.language) + "）";
                if (!d.departmentsWithoutInspector.empty())
                    inspectors += std::string(state.tr({" · 无可派人员：", " · none eligible of: "})) + joined(d.departmentsWithoutInspector, "、");
                ImGui::TextUnformatted(inspectors.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%d", d.earlierDraws);
            }
        ImGui::EndTable();
    }
    if (!r.exclusions.empty()) ImGui::TextDisabled("%s %zu", state.tr({"回避（上次检查过或申报利害关系）：", "Excluded (inspected it last time or declared a conflict):"}), r.exclusions.size());
    ImGui::TextDisabled("%s %s", state.tr({"输入哈希", "Input hash"}), r.hashes.input.c_str());
    ImGui::TextDisabled("%s %s", state.tr({"结果哈希", "Result hash"}), r.hashes.result.c_str());
    ImGui::TextDisabled("%s %s", state.tr({"随机种子", "Seed"}), r.request.seed.c_str());
}

void verifyJson(AppState& state, const Workspace& w, const PolicyData& policy, const std::string& json, const std::string& what) {
    DrawView& view = state.planning.draw;
    auto verified = verifyDrawJson(state.workspace.path(), w, policy, json, what);
    if (!verified) {
        state.sayError(verified.error());
        return;
    }
    view.verification = std::move(*verified);
    view.verified = what;
}

void drawPublish(AppState& state, const PolicyData& policy, DrawRecord& r) {
    DrawView& view = state.planning.draw;
    stepTitle(state, {"3 公开", "3 Publish"}, samplingClauses(policy));
    if (r.id) {
        ImGui::TextColored(kGoodColour, "%s %lld", state.tr({"已公开并保存为第", "Published and kept as draw no."}), static_cast<long long>(*r.id));
    } else {
        bool publish = ImGui::Button(state.tr({"公开并保存到工作区", "Publish and keep in the workspace"}));
        markItem(state, "publish-draw");
        if (publish) {
            auto id = publishDraw(state.workspace.path(), r);
            if (!id) {
                state.sayError(id.error());
            } else {
                view.storedStale = true;
                state.say({"抽查已公开：第 " + std::to_string(*id) + " 号", "Draw published: no. " + std::to_string(*id)});
            }
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"导出公开记录（JSON）", "Export the record (JSON)"}))) {
        std::string name = "draw-" + (r.id ? std::to_string(*r.id) : r.request.date.iso()) + ".json";
        saveFile(state, name, "application/json", toJson(r).dump(2));
    }
    ImGui::TextDisabled("%s", state.tr({"记录含种子与输入、结果的哈希，任何人可据此重算核验", "The record holds the seed and the hashes of inputs and result: anyone can re-run it"}));
}

void drawVerify(AppState& state, const Workspace& w, const PolicyData& policy) {
    DrawView& view = state.planning.draw;
    stepTitle(state, {"4 核验", "4 Verify"}, samplingClauses(policy));
    bool verify = view.record && ImGui::Button(state.tr({"核验本次抽查", "Verify this draw"}));
    if (view.record) markItem(state, "verify-draw");
    if (verify)
        verifyJson(state, w, policy, toJson(*view.record).dump(), view.record->id ? "draw " + std::to_string(*view.record->id) : "this draw");
    refreshStored(state, w);
    if (!view.stored.empty()) {
        ImGui::TextUnformatted(state.tr({"本年度已公开的抽查：", "Draws kept this year:"}));
        for (const auto& past : view.stored) {
            ImGui::PushID(static_cast<int>(past.id));
            std::vector<std::string> departments;
            for (const auto& d : past.departments) departments.push_back(departmentName(w, d, "", state.language));
            ImGui::BulletText("%s %lld · %s · %s · %s %zu", state.tr({"第", "no."}), static_cast<long long>(past.id), past.date.iso().c_str(),
                              joined(departments, "、").c_str(), state.tr({"抽中", "drawn"}), past.drawn.size());
            ImGui::SameLine();
            if (ImGui::SmallButton(state.tr({"核验", "Verify"}))) {
                auto json = storedDrawJson(state.workspace.path(), past.id);
                if (!json) state.sayError(json.error());
                else verifyJson(state, w, policy, *json, "draw " + std::to_string(past.id));
            }
            ImGui::PopID();
        }
    }
    if (view.verification) {
        const DrawVerification& v = *view.verification;
        bool confirmed = v.outcome == DrawVerification::Outcome::Confirmed;
        Text outcome = confirmed ? Text{"核验通过：相同输入重算得到相同结果", "Confirmed: the same inputs give the recorded result"}
                       : v.outcome == DrawVerification::Outcome::InputsChanged ? Text{"输入已变化（哈希不符）", "The inputs changed (hash mismatch)"}
                                                                                : Text{"输入一致，但结果与记录不同", "Same inputs, but the result differs"};
        ImGui::TextColored(confirmed ? kGoodColour : kProblemColour, "%s — %s", view.verified.c_str(), state.tr(outcome));
        ImGui::PushTextWrapPos(0);
        for (const auto& d : v.differences) ImGui::BulletText("%s", state.tr(d));
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("%s %s", state.tr({"记录的输入哈希", "Recorded input hash"}), v.recordedInputHash.c_str());
        ImGui::TextDisabled("%s %s", state.tr({"重算的输入哈希", "Re-run input hash"}), v.rerunInputHash.c_str());
    }
}

}  // namespace

void drawDrawScreen(AppState& state) {
    if (noWorkspace(state)) return;
    const Workspace& w = *state.workspace.workspace();
    const PolicyData& policy = state.workspacePlugin()->policy;
    DrawView& view = state.planning.draw;

    drawConfigure(state, w, policy);

    auto request = drawRequestFrom(view, state.language);
    if (!request) ImGui::TextColored(kWarningColour, "%s", request.error().message().c_str());
    ImGui::BeginDisabled(!request);
    if (ImGui::Button(state.tr({"抽取", "Run the draw"})) && request) {
        auto record = runWorkspaceDraw(state.workspace.path(), w, policy, *request);
        view.verification.reset();
        if (!record) {
            view.record.reset();
            view.error = record.error();
            state.sayError(record.error());
        } else {
            view.record = std::move(*record);
            view.error.reset();
            state.say({"已抽取 " + std::to_string(view.record->drawn.size()) + " 家企业", "Drew " + std::to_string(view.record->drawn.size()) + " enterprises"});
        }
    }
    markItem(state, "run-draw");
    ImGui::EndDisabled();
    if (view.error) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kProblemColour, "%s", view.error->message().c_str());
        ImGui::PopTextWrapPos();
    }
    if (view.record) {
        drawResult(state, w, *view.record);
        drawPublish(state, policy, *view.record);
    }
    drawVerify(state, w, policy);
}

}  // namespace inspectonce::ui
