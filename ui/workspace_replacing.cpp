#include "workspace_replacing.hpp"

#include <memory>
#include <optional>
#include <utility>

#include "inspectonce/generate.hpp"

namespace inspectonce::ui {
namespace {

// Rows a slice: a few milliseconds of SQLite inserts, or of reading rows back, in the browser.
constexpr std::size_t kWorkspaceRowsWrittenPerStep = 500;
constexpr std::size_t kWorkspaceRowsReadPerStep = 2000;
// The shares of the progress bar: making, writing, and reading back (a 100 000-enterprise
// demo county, natively: about 0.8 s of generating, 4 s of writing, 1.5 s of reading).
constexpr double kMakingShare = 0.15;
constexpr double kWritingShare = 0.65;
constexpr double kWrittenAt = kMakingShare + kWritingShare;

// Where a replacement is: the new workspace being written beside the file, then read back.
struct Replacing {
    std::optional<store::WorkspaceWriting> writing;
    std::optional<store::WorkspaceReading> reading;
};

}  // namespace

void replaceWorkspaceInSlices(AppState& state, Text what, Text done, WorkspaceMaker make) {
    auto replacing = std::make_shared<Replacing>();
    auto drop = [replacing](AppState& s) {
        if (replacing->writing) s.workspace.replacingDropped(std::move(*replacing->writing));
        if (replacing->reading) s.workspace.replacingDropped(std::move(*replacing->reading));
        replacing->writing.reset();
        replacing->reading.reset();
    };
    auto fail = [drop](AppState& s, const Error& error) -> AppState::WorkStep {
        drop(s);
        s.sayError(error);
        return {};
    };
    state.runSteps(
        std::move(what),
        [replacing, fail, done = std::move(done), make = std::move(make)](AppState& s) -> AppState::WorkStep {
            if (replacing->reading) {
                store::WorkspaceReading& reading = *replacing->reading;
                auto finished = reading.step(kWorkspaceRowsReadPerStep);
                if (!finished) return fail(s, finished.error());
                if (!*finished) return {false, kWrittenAt + (1 - kWrittenAt) * reading.fraction()};
                Status opened = s.workspace.replacingRead(std::move(reading));
                replacing->reading.reset();
                if (!opened) s.sayError(opened.error());
                else s.say(done);
                return {};
            }
            if (replacing->writing) {
                store::WorkspaceWriting& writing = *replacing->writing;
                auto finished = writing.step(kWorkspaceRowsWrittenPerStep);
                if (!finished) return fail(s, finished.error());
                if (!*finished) return {false, kMakingShare + kWritingShare * writing.fraction()};
                auto reading = s.workspace.replacingWritten(std::move(writing));
                replacing->writing.reset();
                if (!reading) return fail(s, reading.error());
                replacing->reading.emplace(std::move(*reading));
                return {false, kWrittenAt};
            }
            auto made = make(s);
            if (!made) return fail(s, made.error());
            if (const double* fraction = std::get_if<double>(&*made)) return {false, kMakingShare * *fraction};
            auto started = s.workspace.startReplacing(std::move(std::get<Workspace>(*made)));
            if (!started) return fail(s, started.error());
            replacing->writing.emplace(std::move(*started));
            return {false, kMakingShare};
        },
        drop);
}

void openWorkspaceInSlices(AppState& state, const std::string& path) {
    state.runSteps({"正在打开工作区", "Opening the workspace"}, [path](AppState& s) -> AppState::WorkStep {
        if (!s.workspace.opening()) {
            Status started = s.workspace.startOpening(path);
            if (!started) s.sayError(started.error());
            return {!started, 0};
        }
        auto finished = s.workspace.stepOpening(kWorkspaceRowsReadPerStep);
        if (!finished) s.sayError(finished.error());
        if (finished && !*finished) return {false, s.workspace.openingFraction()};
        return {};
    });
}

void replaceWithDemoCounty(AppState& state, const std::string& county, const Text& name, int64_t enterprises) {
    auto generation = std::make_shared<std::optional<WorkspaceGeneration>>();
    replaceWorkspaceInSlices(
        state, {"正在生成示范工作区", "Generating the demo workspace"},
        {"已生成 " + name.zh + " 示范工作区", "Demo workspace of " + name.en + " generated"},
        [county, enterprises, generation](AppState& s) -> Result<MadeSoFar> {
            if (!*generation) {  // the plugin is read once: the generation keeps a copy of its policy
                const LoadedPlugin* plugin = s.plugins.find(county);
                if (!plugin) return makeError(county, "the plugin was unloaded before the demo could be made");
                IO_TRY(started, WorkspaceGeneration::start(demoOptions(plugin->policy, s.today, enterprises), plugin->policy));
                generation->emplace(std::move(started));
            }
            IO_TRY(made, (*generation)->step());
            if (!made) return MadeSoFar((*generation)->fraction());
            return MadeSoFar((*generation)->takeWorkspace());
        });
}

}  // namespace inspectonce::ui
