#include "simulation_view.hpp"

#include <algorithm>

namespace inspectonce::ui {

simulate::WhatIf whatIfOf(const SimulationView& view) {
    simulate::WhatIf whatIf;
    if (view.changeQuiet) whatIf.quietDays = view.quietDays;
    if (view.changeCap) whatIf.onSiteCap = view.cap;
    return whatIf;
}

std::vector<PlannedRun> plannedRuns(const SimulationView& view, const PluginHost& plugins, const std::string& selected) {
    std::vector<PlannedRun> planned;
    bool whatIf = !whatIfOf(view).empty();
    for (const auto& plugin : plugins.plugins()) {
        if (!view.compareAll && plugin.id != selected) continue;
        planned.push_back({plugin.id, false});
        // The what-if is the selected county's, beside its own column.
        if (whatIf && plugin.id == selected && simulate::applyWhatIf(plugin.policy, whatIfOf(view))) planned.push_back({plugin.id, true});
    }
    planned.push_back({"", false});
    return planned;
}

const LoadedPlugin* generatedAs(const SimulationView& view, const PluginHost& plugins, const std::string& selected) {
    if (view.compareAll && plugins.find("yunhe")) return plugins.find("yunhe");
    if (const LoadedPlugin* plugin = plugins.find(selected)) return plugin;
    return plugins.plugins().empty() ? nullptr : &plugins.plugins().front();
}

Result<RunInMaking> startRun(const SimulationView& view, const PlannedRun& planned, const PluginHost& plugins,
                             const std::string& selected) {
    const LoadedPlugin* county = generatedAs(view, plugins, selected);
    if (!county) return makeError("county", "no county plugin is loaded");
    simulate::Options options;
    options.enterprises = kSimulationSizes[static_cast<std::size_t>(std::clamp(view.sizeIndex, 0, 2))];
    options.seed = static_cast<uint64_t>(std::max(view.seed, 0));
    options.year = view.year;
    options.county = &county->policy;
    RunInMaking making;
    making.planned = planned;
    const PolicyData* policy = nullptr;
    if (!planned.policy.empty()) {
        const LoadedPlugin* plugin = plugins.find(planned.policy);
        if (!plugin) return makeError(planned.policy, "the county's plugin is no longer loaded");
        policy = &plugin->policy;
        if (planned.whatIf) {
            IO_TRY(changed, simulate::applyWhatIf(plugin->policy, whatIfOf(view)));
            making.changed = std::make_unique<PolicyData>(std::move(changed));
            policy = making.changed.get();
        }
    }
    IO_TRY(year, simulate::YearRun::start(policy, options));
    making.year.emplace(std::move(year));
    return making;
}

Result<simulate::Run> finishRun(const SimulationView& view, RunInMaking& making) {
    IO_TRY(run, making.year->finish());
    if (!making.planned.whatIf) return run;
    run.whatIf = true;
    std::string zh = "（假设", en = " (what if";
    if (view.changeQuiet) {
        zh += view.quietDays == 0 ? "：无安静期" : "：安静期每月最后 " + std::to_string(view.quietDays) + " 天";
        en += view.quietDays == 0 ? ": no blackout" : ": blackout the last " + std::to_string(view.quietDays) + " days";
    }
    if (view.changeCap) {
        zh += (view.changeQuiet ? "，" : "：") + std::string("每年上限 ") + std::to_string(view.cap) + " 次";
        en += (view.changeQuiet ? ", " : ": ") + std::string("cap ") + std::to_string(view.cap) + " a year";
    }
    run.name = {run.name.zh + zh + "）", run.name.en + en + ")"};
    return run;
}

Result<simulate::Run> makeRun(const SimulationView& view, const PlannedRun& planned, const PluginHost& plugins,
                              const std::string& selected) {
    IO_TRY(making, startRun(view, planned, plugins, selected));
    for (;;) {
        IO_TRY(more, making.year->step(making.year->daysInYear()));
        if (!more) break;
    }
    return finishRun(view, making);
}

int lastDay(const SimulationView& view) {
    std::size_t days = 0;
    for (const auto& run : view.runs) days = std::max(days, run.days.size());
    return days == 0 ? 0 : static_cast<int>(days) - 1;
}

void advanceReplay(SimulationView& view, float seconds) {
    if (!view.playing) return;
    view.carried += seconds * static_cast<float>(kReplaySpeeds[static_cast<std::size_t>(std::clamp(view.speedIndex, 0, 2))]);
    int whole = static_cast<int>(view.carried);
    view.carried -= static_cast<float>(whole);
    view.day = std::min(view.day + whole, lastDay(view));
    if (view.day == lastDay(view)) view.playing = false;
}

bool jumpTo(SimulationView& view, Date date) {
    for (const auto& run : view.runs)
        for (std::size_t i = 0; i < run.days.size(); ++i)
            if (run.days[i].date == date) {
                view.day = static_cast<int>(i);
                return true;
            }
    return false;
}

std::vector<float> seriesOf(const simulate::Run& run, Series series, int upToDay) {
    std::vector<float> values;
    for (int i = 0; i <= upToDay && i < static_cast<int>(run.days.size()); ++i) {
        const auto& d = run.days[static_cast<std::size_t>(i)];
        switch (series) {
            case Series::VisitsSoFar: values.push_back(static_cast<float>(d.visitsSoFar)); break;
            case Series::OpenCases: values.push_back(static_cast<float>(d.openCases)); break;
            case Series::OverdueCases: values.push_back(static_cast<float>(d.overdueCases)); break;
        }
    }
    return values;
}

std::vector<const simulate::Happening*> happeningsOn(const simulate::Run& run, Date date) {
    auto first = std::lower_bound(run.happenings.begin(), run.happenings.end(), date,
                                  [](const simulate::Happening& h, Date d) { return h.date < d; });
    std::vector<const simulate::Happening*> out;
    for (auto at = first; at != run.happenings.end() && at->date == date; ++at) out.push_back(&*at);
    return out;
}

}  // namespace inspectonce::ui
