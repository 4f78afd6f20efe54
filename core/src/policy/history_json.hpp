// One earlier inspection (HistoryEntry) read from JSON: the decision requests' "history"
// and the exercises' situations share it. The caller checks which keys its object may hold.
#pragma once

#include "inspectonce/decision.hpp"
#include "json/json_reader.hpp"

namespace inspectonce::policy_detail {

// date, department (a non-empty id), item, and optional level, method, joint, unified and
// violation.
Result<HistoryEntry> readHistoryEntry(const json::Cursor& at);

}  // namespace inspectonce::policy_detail
