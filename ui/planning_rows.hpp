// Which plans and visits the planning screens list, in which order: the official's search
// and sort over the workspace, as pure functions (tested without drawing).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/text.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

// The plans table's columns, in the order drawn; every one sorts.
enum class PlanColumn { Id, Department, Enterprise, Window, Kind, Method, Filed };
inline constexpr int kPlanColumns = 7;

// True when `text` contains `search` (ASCII letters compared without case; Chinese as is).
bool containsText(std::string_view text, std::string_view search);

// Indices into workspace.plans whose enterprise (code or name) or department (id, Chinese or
// English name, unit) contains `search`, sorted by `column` (ties by plan id, ascending).
std::vector<int32_t> planRows(const Workspace& workspace, std::string_view search, PlanColumn column, bool ascending);

// Indices into workspace.visits whose enterprise (code or name) contains `enterprise` and
// whose date (YYYY-MM-DD) starts with `date` ("2026-03" for a month), in stored order.
std::vector<int32_t> visitRows(const Workspace& workspace, std::string_view enterprise, std::string_view date);

// The enterprise's name for a USCC, or the code itself when it is unknown.
std::string enterpriseName(const Workspace& workspace, const std::string& uscc);
// The department's name in `language` (with its unit), or the id when it is unknown.
std::string departmentName(const Workspace& workspace, const std::string& id, const std::string& unit, Language language);

}  // namespace inspectonce::ui
