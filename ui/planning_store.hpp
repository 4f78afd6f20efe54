// Writes the planning screens make that WorkspaceSession has no operation for, each in one
// transaction on the open workspace's file with its audit entry: an exception requested for a
// stored plan, and the random draws (draw_store.hpp) — published, listed and verified. The
// caller reopens the session after a plan changes (WorkspaceSession::open), so the memory
// copy is read again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/draw.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/store.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

// The draws of `year` kept in the workspace file, dated on or before `through` when set.
Result<std::vector<PastDraw>> storedDraws(const std::string& path, int year, std::optional<Date> through = std::nullopt);

// Runs a draw on `workspace` with the file's earlier draws of the year (up to the draw's day).
Result<DrawRecord> runWorkspaceDraw(const std::string& path, const Workspace& workspace, const PolicyData& policy,
                                    const DrawRequest& request);

// Keeps `record` in the workspace file (the year's next draws read it); sets record.id.
Result<int64_t> publishDraw(const std::string& path, DrawRecord& record);

// Re-runs a record (its published JSON) against the workspace and the file's draws.
Result<DrawVerification> verifyDrawJson(const std::string& path, const Workspace& workspace, const PolicyData& policy,
                                        const std::string& json, const std::string& source);
// The JSON record of draw `id` kept in the file.
Result<std::string> storedDrawJson(const std::string& path, int64_t id);

}  // namespace inspectonce::ui
