#include "workspace_replacing.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace inspectonce::ui {
namespace {

// Rows written a slice: a few milliseconds of SQLite inserts in the browser.
constexpr std::size_t kWorkspaceRowsPerStep = 500;

}  // namespace

void replaceWorkspaceInSlices(AppState& state, Text what, Text done, std::function<Result<Workspace>(AppState&)> make) {
    auto writing = std::make_shared<std::optional<store::WorkspaceWriting>>();
    auto drop = [writing](AppState& s) {
        if (*writing) s.workspace.replacingDropped(std::move(**writing));
        writing->reset();
    };
    state.runSteps(
        std::move(what),
        [writing, drop, done = std::move(done), make = std::move(make)](AppState& s) -> AppState::WorkStep {
            if (!*writing) {
                auto made = make(s);
                if (!made) {
                    s.sayError(made.error());
                    return {};
                }
                auto started = s.workspace.startReplacing(std::move(*made));
                if (!started) {
                    s.sayError(started.error());
                    return {};
                }
                writing->emplace(std::move(*started));
                return {false, 0};
            }
            store::WorkspaceWriting& run = **writing;
            auto finished = run.step(kWorkspaceRowsPerStep);
            if (!finished) {
                drop(s);
                s.sayError(finished.error());
                return {};
            }
            if (!*finished) return {false, run.fraction()};
            Status opened = s.workspace.replacingWritten(std::move(run));
            writing->reset();
            if (!opened) s.sayError(opened.error());
            else s.say(done);
            return {};
        },
        drop);
}

}  // namespace inspectonce::ui
