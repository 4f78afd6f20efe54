// The audit chain: each entry's hash covers its fields and the previous entry's hash, so
// checking the log in seq order finds an edited entry (its hash no longer matches), a
// re-hashed edit (the next entry's link breaks), a deleted or inserted entry (a gap or a
// repeat in seq) and a cut-off end (the recorded head counts more entries than are left).
#include <algorithm>

#include "inspectonce/audit.hpp"
#include "inspectonce/digest.hpp"

namespace inspectonce::audit {
namespace {

void field(std::string& out, std::string_view value) {
    out += std::to_string(value.size());
    out += ':';
    out.append(value.data(), value.size());
}

}  // namespace

std::string hashOf(const Entry& entry) {
    std::string bytes;
    bytes.reserve(64 + entry.actor.size() + entry.action.size() + entry.subject.size() + entry.clause.size() +
                  entry.before.size() + entry.after.size() + entry.previous.size());
    field(bytes, std::to_string(entry.seq));
    field(bytes, entry.date.iso());
    field(bytes, entry.actor);
    field(bytes, entry.action);
    field(bytes, entry.subject);
    field(bytes, entry.clause);
    field(bytes, entry.before);
    field(bytes, entry.after);
    field(bytes, entry.previous);
    return blake2bHex(bytes, 32);
}

std::string_view toString(Problem::Kind kind) {
    switch (kind) {
        case Problem::Kind::Edited: return "edited";
        case Problem::Kind::BrokenLink: return "broken-link";
        case Problem::Kind::Missing: return "missing";
        case Problem::Kind::Duplicate: return "duplicate";
        case Problem::Kind::Truncated: return "truncated";
        case Problem::Kind::BeyondHead: return "beyond-head";
        case Problem::Kind::HeadMismatch: return "head-mismatch";
        case Problem::Kind::BadValue: return "bad-value";
    }
    return "unknown";
}

Verdict verify(const std::vector<Entry>& entries, int64_t recordedCount, const std::string& recordedHead) {
    Verdict verdict;
    verdict.entries = static_cast<int64_t>(entries.size());
    verdict.head = entries.empty() ? std::string() : entries.back().hash;
    auto problem = [&](int64_t seq, Problem::Kind kind, std::string what) {
        verdict.problems.push_back(Problem{seq, std::move(what), kind});
    };

    int64_t expected = 1;       // the seq the next entry should carry
    std::string previous;       // the stored hash of the entry before
    const Entry* counted = nullptr;  // the entry whose seq is the recorded count
    for (const Entry& entry : entries) {
        bool gap = false;
        if (entry.seq > expected) {
            gap = true;
            problem(expected, Problem::Kind::Missing,
                    entry.seq == expected + 1
                        ? "missing: the log goes from " + std::to_string(expected - 1) + " to " + std::to_string(entry.seq) +
                              " (deleted?)"
                        : "entries " + std::to_string(expected) + " to " + std::to_string(entry.seq - 1) +
                              " are missing: the log goes from " + std::to_string(expected - 1) + " to " +
                              std::to_string(entry.seq) + " (deleted?)");
        } else if (entry.seq < expected) {
            gap = true;
            problem(entry.seq, Problem::Kind::Duplicate,
                    "a repeated or out-of-order seq after entry " + std::to_string(expected - 1) + " (inserted?)");
        }
        if (hashOf(entry) != entry.hash)
            problem(entry.seq, Problem::Kind::Edited,
                    "its content does not match its hash " + entry.hash.substr(0, 16) + "… (edited?)");
        // After a gap the link is broken by the gap itself: report it once, as the gap.
        if (!gap && entry.previous != previous)
            problem(entry.seq, Problem::Kind::BrokenLink,
                    expected == 1 ? std::string("the first entry must not link to a previous hash")
                                  : "its link is not the hash of entry " + std::to_string(entry.seq - 1) +
                                        " (an entry before it was replaced?)");
        if (entry.seq == recordedCount) counted = &entry;
        expected = std::max(expected, entry.seq + 1);
        previous = entry.hash;
    }

    // The head kept beside the log: cutting entries off the end, or adding some past it.
    int64_t last = expected - 1;
    if (recordedCount < 0) {
        problem(0, Problem::Kind::BadValue, "the recorded head count " + std::to_string(recordedCount) + " is negative");
    } else if (last < recordedCount) {
        problem(last + 1, Problem::Kind::Truncated,
                (last + 1 == recordedCount ? std::string("missing")
                                           : "entries " + std::to_string(last + 1) + " to " + std::to_string(recordedCount) +
                                                 " are missing") +
                    " at the end: the recorded head counts " + std::to_string(recordedCount) + " entries, the log has " +
                    std::to_string(last) + " (cut off?)");
    } else if (last > recordedCount) {
        problem(recordedCount + 1, Problem::Kind::BeyondHead,
                "the recorded head counts " + std::to_string(recordedCount) + " entries, and the log goes on to " +
                    std::to_string(last) + " (added outside the log?)");
    }
    if (recordedCount == 0) {
        if (!recordedHead.empty())
            problem(0, Problem::Kind::HeadMismatch, "the recorded head hash is set, but the head counts no entries");
    } else if (counted && counted->hash != recordedHead) {
        problem(recordedCount, Problem::Kind::HeadMismatch,
                "its hash is not the recorded head hash " + recordedHead.substr(0, 16) + "… (the entry or the head was changed)");
    }
    std::stable_sort(verdict.problems.begin(), verdict.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.seq < b.seq; });
    return verdict;
}

}  // namespace inspectonce::audit
