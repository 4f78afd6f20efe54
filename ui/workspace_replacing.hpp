// A whole workspace replaced under the long-work overlay, a slice at a time: a demo county
// of 100 000 enterprises, or an archive of one, is seconds of writing and reading, and the
// page keeps drawing its progress meanwhile.
#pragma once

#include <functional>

#include "app_state.hpp"

namespace inspectonce::ui {

// The first slice makes the new workspace (`make`: a demo county generated, an archive
// read); the next ones write it beside the workspace's file (WorkspaceSession::
// startReplacing), 500 rows a slice, then read that file back as the screens will see it
// (store::WorkspaceReading), 2 000 rows a slice; the last puts it in the file's place and
// opens it, and `done` is said. Cancel, or a failure, leaves the current workspace as it was.
void replaceWorkspaceInSlices(AppState& state, Text what, Text done, std::function<Result<Workspace>(AppState&)> make);

}  // namespace inspectonce::ui
