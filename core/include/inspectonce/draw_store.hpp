// Draws in the workspace file (schema migration 2): each published record, and whom it drew
// and who went, which the year's next draws read to draw fewer repeats and to exclude the
// inspectors who went last time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspectonce/draw.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::store {

// Opens a workspace file for draws. To write, read-write and brought to the current schema
// (a file of schema 1 gets the draw tables). To read only, as it is (nothing written, no
// journal files made), which needs a file of the current schema: an older one is an error
// that says how to migrate it.
Result<Database> openForDraws(const std::string& path, bool write);

// Saves `record` and its picks in one transaction; assigns record.id (also written into the
// stored JSON) and returns it.
Result<int64_t> saveDraw(Database& db, DrawRecord& record);

// The draws of `year` dated on or before `through` (every one of the year when unset), in
// date and id order.
Result<std::vector<PastDraw>> loadPastDraws(Database& db, int year, std::optional<Date> through = std::nullopt);

// The stored JSON record of draw `id`; an error names the id when there is none.
Result<std::string> loadDrawRecord(Database& db, int64_t id);

}  // namespace inspectonce::store
