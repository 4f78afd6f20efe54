// A whole workspace replaced under the long-work overlay, a slice at a time: a demo county
// of 100 000 enterprises, or an archive of one, is seconds of writing, and the page keeps
// drawing its progress meanwhile.
#pragma once

#include <functional>

#include "app_state.hpp"

namespace inspectonce::ui {

// The first slice makes the new workspace (`make`: a demo county generated, an archive
// read); then it is written beside the workspace's file (WorkspaceSession::startReplacing)
// `kRowsPerStep`-ish rows a slice, takes the file's place and is opened, and `done` is said.
// Cancel, or a failure, leaves the current workspace as it was.
void replaceWorkspaceInSlices(AppState& state, Text what, Text done, std::function<Result<Workspace>(AppState&)> make);

}  // namespace inspectonce::ui
