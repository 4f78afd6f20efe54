// A whole workspace replaced, or opened, under the long-work overlay, a slice at a time: a
// demo county of 100 000 enterprises, or an archive of one, is seconds of writing and
// reading, and the page keeps drawing its progress meanwhile.
#pragma once

#include <functional>
#include <variant>

#include "app_state.hpp"

namespace inspectonce::ui {

// One step of making the new workspace: the workspace once it is made, else how far the
// making has gone (0–1).
using MadeSoFar = std::variant<Workspace, double>;
using WorkspaceMaker = std::function<Result<MadeSoFar>(AppState&)>;

// The first slices make the new workspace (`make`, called until it gives the workspace: a
// demo county generated a step at a time, an archive read); the next ones write it beside
// the workspace's file (WorkspaceSession::
// startReplacing), 500 rows a slice, then read that file back as the screens will see it
// (store::WorkspaceReading), 2 000 rows a slice; the last puts it in the file's place and
// opens it, and `done` is said. Cancel, or a failure, leaves the current workspace as it was.
void replaceWorkspaceInSlices(AppState& state, Text what, Text done, WorkspaceMaker make);

// Opens the workspace file at `path` (WorkspaceSession::startOpening), reading it 2 000 rows
// a slice; a file that cannot be read is said, and the app goes on without a workspace.
void openWorkspaceInSlices(AppState& state, const std::string& path);

// Replaces the workspace with the demo county of `county` (its plugin's id; `name` for the
// messages), `enterprises` large, generated a step at a time: replaceWorkspaceInSlices.
void replaceWithDemoCounty(AppState& state, const std::string& county, const Text& name, int64_t enterprises);

}  // namespace inspectonce::ui
