// The simulation screen (issue 8): a county-year under the five counties' policies and
// under none, on the same generated county and the same events; the year replayed day by
// day (play, pause, a day on, a date), charts of the year so far, the day's figures and
// what happened with its clause, the figures at the year's end against the targets; and
// a what-if on the selected county (its quiet period's days, its caps) run beside it.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "line_chart.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace inspectonce::ui {
namespace {

// Days a slice lives through: a few milliseconds at 5 000 enterprises, so the slice's time
// is kept.
constexpr int kDaysPerStep = 3;

// Queues the runs, each made in slices of long work, so the app keeps drawing between days
// and a run can be cancelled (the runs made before it stay, the rest are skipped).
void startRuns(AppState& state) {
    SimulationView& view = state.simulation;
    view.runs.clear();
    view.error.reset();
    view.day = 0;
    view.playing = false;
    view.shownRun = 0;
    auto planned = plannedRuns(view, state.plugins, state.county);
    view.queued = static_cast<int>(planned.size());
    int generation = ++view.generation;
    for (const PlannedRun& run : planned) {
        const LoadedPlugin* plugin = state.plugins.find(run.policy);
        Text name = plugin ? plugin->policy.name : Text{"无政策", "no policy"};
        Text what = {"模拟 " + name.zh + (run.whatIf ? "（假设）" : "") + " 的一年", "Simulating a year of " + name.en + (run.whatIf ? " (what if)" : "")};
        auto making = std::make_shared<std::optional<RunInMaking>>();
        auto fail = [](AppState& s, const Error& error) {
            s.simulation.error = error.message();
            s.sayError(error);
            return AppState::WorkStep{};
        };
        state.runSteps(
            what,
            [run, making, fail, generation](AppState& s) -> AppState::WorkStep {
                SimulationView& v = s.simulation;
                // An earlier run failed or was cancelled: the rest would not compare.
                if (v.error || v.cancelled == generation) {
                    --v.queued;
                    return {};
                }
                if (!*making) {
                    auto started = startRun(v, run, s.plugins, s.county);
                    if (!started) {
                        --v.queued;
                        return fail(s, started.error());
                    }
                    making->emplace(std::move(started).value());
                    return {false, 0};
                }
                simulate::YearRun& year = *(*making)->year;
                auto more = year.step(kDaysPerStep);
                if (!more) {
                    --v.queued;
                    return fail(s, more.error());
                }
                if (*more) return {false, static_cast<double>(year.daysDone()) / static_cast<double>(year.daysInYear())};
                --v.queued;
                auto made = finishRun(v, **making);
                if (!made) return fail(s, made.error());
                v.runs.push_back(std::move(made).value());
                if (v.queued == 0)
                    s.say({"模拟完成：" + std::to_string(v.runs.size()) + " 种情形，同一年", "Simulated: " + std::to_string(v.runs.size()) + " runs of the same year"});
                return {};
            },
            // Cancelling one run stops the comparison: the runs still queued are skipped.
            [generation](AppState& s) {
                --s.simulation.queued;
                s.simulation.cancelled = generation;
            });
    }
}

void drawOptions(AppState& state) {
    SimulationView& view = state.simulation;
    if (ImGui::RadioButton(state.tr({"五县政策与无政策对比", "The five counties and no policy"}), view.compareAll)) view.compareAll = true;
    markItem(state, "sim-compare-all");
    ImGui::SameLine();
    const LoadedPlugin* selected = state.selectedPlugin();
    std::string one = selected ? selected->policy.name.in(state.language) : state.county;
    std::string onlyLabel = state.tr({"仅所选县与无政策：", "The selected county and no policy: "}) + one;
    if (ImGui::RadioButton(onlyLabel.c_str(), !view.compareAll)) view.compareAll = false;
    markItem(state, "sim-compare-one");

    ImGui::SetNextItemWidth(110);
    std::string size = grouped(kSimulationSizes[static_cast<std::size_t>(view.sizeIndex)]);
    if (ImGui::BeginCombo(state.tr({"家企业", "enterprises"}), size.c_str())) {
        for (std::size_t i = 0; i < kSimulationSizes.size(); ++i)
            if (ImGui::Selectable(grouped(kSimulationSizes[i]).c_str(), static_cast<int>(i) == view.sizeIndex)) view.sizeIndex = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    const auto& calendar = WorkCalendar::official();
    ImGui::InputInt(state.tr({"年份", "year"}), &view.year);
    view.year = std::clamp(view.year, calendar.firstYear(), calendar.lastYear());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt(state.tr({"种子", "seed"}), &view.seed);
    view.seed = std::max(view.seed, 0);

    // The what-if applies to the selected county, when it has the rule to change.
    bool hasBlackout = selected && !selected->policy.blackouts.empty();
    bool hasCap = selected && std::any_of(selected->policy.rules.begin(), selected->policy.rules.end(),
                                          [](const PolicyRule& r) { return r.type == PolicyRule::Type::Cap; });
    ImGui::TextDisabled("%s", state.tr({"假设（对所选县，与原政策并列比较）：", "What if (for the selected county, beside its own policy):"}));
    ImGui::BeginDisabled(!hasBlackout);
    ImGui::Checkbox(state.tr({"安静期改为每月最后", "Blackout: the last"}), &view.changeQuiet);
    markItem(state, "sim-change-quiet");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    ImGui::SliderInt(state.tr({"天（0 为取消）", "days of each month (0: none)"}), &view.quietDays, 0, 21);
    if (view.quietDays > 0 && view.quietDays < 4) view.quietDays = 4;
    ImGui::EndDisabled();
    if (!hasBlackout) view.changeQuiet = false;
    ImGui::BeginDisabled(!hasCap);
    ImGui::Checkbox(state.tr({"每家企业每年现场检查上限改为", "On-site cap per enterprise a year:"}), &view.changeCap);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    ImGui::SliderInt(state.tr({"次", "inspections"}), &view.cap, 1, 10);
    ImGui::EndDisabled();
    if (!hasCap) view.changeCap = false;

    ImGui::BeginDisabled(view.queued > 0);
    if (ImGui::Button(state.tr({"运行模拟", "Run the simulation"}))) startRuns(state);
    markItem(state, "sim-run");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", state.tr({"同一种子生成同一个县、同一年的事件；各政策面对同一年",
                                        "One seed, one county and one year of events: every policy meets the same year"}));
    if (view.error) ImGui::TextColored(kProblemColour, "%s", view.error->c_str());
}

void drawReplayControls(AppState& state) {
    SimulationView& view = state.simulation;
    advanceReplay(view, ImGui::GetIO().DeltaTime);
    const auto& days = view.runs.front().days;
    if (ImGui::Button(view.playing ? state.tr({"暂停", "Pause"}) : state.tr({"播放", "Play"}))) {
        if (!view.playing && view.day >= lastDay(view)) view.day = 0;
        view.playing = !view.playing;
    }
    markItem(state, "sim-play");
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"下一天", "Next day"}))) {
        view.playing = false;
        view.day = std::min(view.day + 1, lastDay(view));
    }
    markItem(state, "sim-step");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(300);
    std::string dayLabel = days[static_cast<std::size_t>(view.day)].date.iso();
    ImGui::SliderInt("##day", &view.day, 0, lastDay(view), dayLabel.c_str());
    markItem(state, "sim-day");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    bool jump = ImGui::InputTextWithHint("##jump", "YYYY-MM-DD", view.jumpInput.data(), view.jumpInput.size(),
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    markItem(state, "sim-jump-date");
    ImGui::SameLine();
    if (ImGui::Button(state.tr({"跳到", "Go to"})) || jump) {
        auto date = Date::parse(view.jumpInput.data());
        if (!date || !jumpTo(view, *date))
            state.say({std::string("不在模拟的年份内：") + view.jumpInput.data(), std::string("not a day of the simulated year: ") + view.jumpInput.data()}, true);
        else
            view.playing = false;
    }
    markItem(state, "sim-jump");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    std::string speed = std::to_string(kReplaySpeeds[static_cast<std::size_t>(view.speedIndex)]) + state.tr({" 天/秒", " days/s"});
    if (ImGui::BeginCombo("##speed", speed.c_str())) {
        for (std::size_t i = 0; i < kReplaySpeeds.size(); ++i) {
            std::string option = std::to_string(kReplaySpeeds[i]) + state.tr({" 天/秒", " days/s"});
            if (ImGui::Selectable(option.c_str(), static_cast<int>(i) == view.speedIndex)) view.speedIndex = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
}

void drawCharts(AppState& state) {
    const SimulationView& view = state.simulation;
    for (std::size_t i = 0; i < view.runs.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(seriesColour(static_cast<int>(i))),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker, ImVec2(10, 10));
        ImGui::PopID();
        ImGui::SameLine();
        ImGui::TextUnformatted(state.tr(view.runs[i].name));
    }
    int days = static_cast<int>(view.runs.front().days.size());
    float width = std::max(200.0f, (ImGui::GetContentRegionAvail().x - 16) / 3);
    struct Chart {
        const char* id;
        Text title;
        Series series;
    };
    const Chart charts[] = {{"visits", {"累计入企次数", "visits so far"}, Series::VisitsSoFar},
                            {"open", {"在办案件", "open cases"}, Series::OpenCases},
                            {"overdue", {"逾期案件", "overdue cases"}, Series::OverdueCases}};
    for (std::size_t c = 0; c < 3; ++c) {
        if (c > 0) ImGui::SameLine();
        std::vector<ChartSeries> series;
        for (std::size_t i = 0; i < view.runs.size(); ++i)
            series.push_back({view.runs[i].policy, seriesOf(view.runs[i], charts[c].series, view.day), seriesColour(static_cast<int>(i))});
        lineChart(charts[c].id, state.tr(charts[c].title), series, days, ImVec2(width, 150));
    }
}

void drawTheDay(AppState& state) {
    SimulationView& view = state.simulation;
    Date date = view.runs.front().days[static_cast<std::size_t>(view.day)].date;
    sectionTitle(state, {date.iso() + " 当天", "On " + date.iso()});
    if (ImGui::BeginTable("##day-figures", 9, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const Text& heading : {Text{"政策", "Policy"}, Text{"入企", "Visits"}, Text{"联合", "Joint"}, Text{"例外", "Exceptions"},
                                    Text{"安静期内例外", "In a blackout"}, Text{"未准许", "Refused"}, Text{"诉求/投诉", "Demands/complaints"},
                                    Text{"在办", "Open cases"}, Text{"逾期", "Overdue"}})
            ImGui::TableSetupColumn(state.tr(heading));
        ImGui::TableHeadersRow();
        for (const auto& run : view.runs) {
            const auto& d = run.days[static_cast<std::size_t>(view.day)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(state.tr(run.name));
            for (int value : {d.visits, d.jointVisits, d.exceptionVisits, d.blackoutExceptions, d.refused, d.demands + d.complaints,
                              d.openCases, d.overdueCases}) {
                ImGui::TableNextColumn();
                ImGui::Text("%d", value);
            }
        }
        ImGui::EndTable();
    }
    ImGui::SetNextItemWidth(260);
    view.shownRun = std::clamp(view.shownRun, 0, static_cast<int>(view.runs.size()) - 1);
    if (ImGui::BeginCombo(state.tr({"大事记", "What happened"}), state.tr(view.runs[static_cast<std::size_t>(view.shownRun)].name))) {
        for (std::size_t i = 0; i < view.runs.size(); ++i)
            if (ImGui::Selectable(state.tr(view.runs[i].name), static_cast<int>(i) == view.shownRun)) view.shownRun = static_cast<int>(i);
        ImGui::EndCombo();
    }
    markItem(state, "sim-shown-run");
    auto happenings = happeningsOn(view.runs[static_cast<std::size_t>(view.shownRun)], date);
    if (happenings.empty()) ImGui::TextDisabled("%s", state.tr({"这一天没有需要说明的事", "Nothing to explain on this day"}));
    ImGui::BeginChild("##happenings", ImVec2(0, std::min(160.0f, 8 + ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::max<std::size_t>(happenings.size(), 1)))), false);
    for (const simulate::Happening* h : happenings) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", state.tr(h->text));
        if (!h->clause.empty()) {
            ImGui::SameLine();
            clauseText(state, Citation{h->clause});
        }
    }
    ImGui::EndChild();
}

void drawYearEnd(AppState& state) {
    const SimulationView& view = state.simulation;
    sectionTitle(state, {"全年指标（年末）", "The year's figures (at its end)"});
    auto rows = simulate::figureRows(view.runs);
    int columns = 1 + static_cast<int>(view.runs.size());
    if (ImGui::BeginTable("##year-figures", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(state.tr({"指标", "Figure"}));
        for (const auto& run : view.runs) ImGui::TableSetupColumn(state.tr(run.name));
        ImGui::TableHeadersRow();
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(state.tr(row.name));
            for (const auto& value : row.values) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(value.c_str());
            }
        }
        ImGui::EndTable();
    }
    for (const auto& run : view.runs)
        for (const auto& t : run.targets) {
            std::string line = std::string(state.tr(run.name)) + state.tr({" 目标：", " target: "}) + t.name.in(state.language) + " ≥ " +
                               std::to_string(t.minPercent) + "%";
            if (!t.achievedPercent) {
                ImGui::TextDisabled("%s — %s", line.c_str(), state.tr({"模拟不测量此项", "not measured by the simulation"}));
            } else {
                bool met = *t.achievedPercent >= t.minPercent;
                std::string achieved = simulate::formatPercent(*t.achievedPercent / 100);
                ImGui::TextColored(met ? kGoodColour : kWarningColour, "%s — %s %s", line.c_str(), achieved.c_str(),
                                   met ? state.tr({"达标", "met"}) : state.tr({"未达标", "short"}));
            }
            ImGui::SameLine();
            clauseText(state, t.clause);
        }
}

}  // namespace

void drawSimulationScreen(AppState& state) {
    SimulationView& view = state.simulation;
    sectionTitle(state, {"模拟一个县的一年", "Simulate a county-year"});
    drawOptions(state);
    if (view.runs.empty()) {
        if (view.queued == 0)
            ImGui::TextWrapped("%s", state.tr({"选择对比方式和规模后点“运行模拟”：同一个县、同一年的事件在各县政策下推演，逐日回放，并列比较入企次数、联合检查率、诉求按期办结等指标。",
                                               "Choose what to compare and the size, then Run: the same county and the same events go through each county's policy; replay the year day by day and compare visits, the joint-inspection rate, demands answered on time and more."}));
        return;
    }
    sectionTitle(state, {"逐日回放", "Replay"});
    drawReplayControls(state);
    drawCharts(state);
    drawTheDay(state);
    drawYearEnd(state);
}

}  // namespace inspectonce::ui
