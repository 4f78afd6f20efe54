// The audit log: every decision and state change, append-only, with its actor, date,
// clause and the record before and after. Each entry's hash covers its content and the
// previous entry's hash (BLAKE2b), so an edit, an insertion or a deletion anywhere breaks
// the chain at that point; the head (count and last hash) is kept beside the log and can be
// published, so cutting entries off the end shows too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/calendar.hpp"

namespace inspectonce::audit {

struct Entry {
    int64_t seq = 0;          // 1, 2, 3 … without gaps
    Date date;                // the business date the change is made on (an input, never the clock)
    std::string actor;        // "department:market-supervision", "service-center:王芳", "import"
    std::string action;       // "demand.transfer", "import.enterprises", "schedule.save" …
    std::string subject;      // "case 12", "enterprise 91331125MA2E000467", "plans"
    std::string clause;       // "002 三(一)1"; empty when no document rules it
    std::string before;       // compact JSON of the record before; empty when it did not exist
    std::string after;        // compact JSON after; empty when removed
    std::string previous;     // the previous entry's hash (empty for the first)
    std::string hash;         // BLAKE2b-256 hex of the fields above
};

// The hash an entry must carry: over every field but `hash`, each length-prefixed.
std::string hashOf(const Entry& entry);

struct Problem {
    // What kind of break (so a reader can say it in its own language); `what` has the detail.
    enum class Kind {
        Edited,        // the entry's content no longer matches its hash
        BrokenLink,    // its `previous` is not the hash of the entry before it
        Missing,       // a seq is missing between two entries (deleted)
        Duplicate,     // a seq repeats or goes backwards (inserted)
        Truncated,     // entries up to the recorded count are missing at the end
        BeyondHead,    // entries after the recorded count (appended outside the log)
        HeadMismatch,  // the recorded head hash is not the hash of the entry it counts
        BadValue,      // a stored value cannot be read (a date that is not a date, a bad head)
    };
    int64_t seq = 0;          // the entry where the chain breaks (0: the log as a whole)
    std::string what;
    Kind kind = Kind::Edited;
};
std::string_view toString(Problem::Kind kind);  // "edited", "broken-link" …

struct Verdict {
    int64_t entries = 0;
    std::string head;         // the last entry's hash
    std::vector<Problem> problems;  // empty: intact
};

// Checks a log read in seq order against its recorded head (count and hash).
Verdict verify(const std::vector<Entry>& entries, int64_t recordedCount, const std::string& recordedHead);

}  // namespace inspectonce::audit
