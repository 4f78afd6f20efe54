// Counts over a workspace, and a digest of a workspace file's content.
#include <string>
#include <vector>

#include "inspectonce/digest.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce {

WorkspaceSummary summarize(const Workspace& w) {
    WorkspaceSummary s;
    s.enterprises = static_cast<int64_t>(w.enterprises.size());
    for (const auto& e : w.enterprises) {
        ++s.byGrade[static_cast<std::size_t>(e.enterprise.grade)];
        s.whiteList += e.enterprise.isOn(lists::kWhiteList);
        s.exempt += e.enterprise.isOn(lists::kExempt);
        s.keySupervision += e.enterprise.isOn(lists::kKeySupervision);
        s.seriousDishonesty += e.enterprise.isOn(lists::kSeriousDishonesty);
        s.aboveScale += e.aboveScale;
    }
    s.departments = static_cast<int64_t>(w.departments.size());
    s.inspectors = static_cast<int64_t>(w.inspectors.size());
    s.items = static_cast<int64_t>(w.items.size());
    s.plans = static_cast<int64_t>(w.plans.size());
    for (const auto& p : w.plans) {
        s.planItems += static_cast<int64_t>(p.items.size());
        s.exceptionPlans += p.exception.has_value();
        s.unfiledPlans += !p.exception && !p.filedOn;
        s.nonSitePlans += p.method == Method::NonSite;
        s.surveys += p.kind == InspectionKind::Survey;
    }
    s.history = static_cast<int64_t>(w.history.size());
    s.events = static_cast<int64_t>(w.events.size());
    return s;
}

namespace {

// Hashes a long text in 1 MiB pieces: the digest is BLAKE2b over the pieces' digests, so
// the dump never has to sit in memory whole.
class PieceHash {
public:
    void add(const std::string& text) {
        buffer_ += text;
        buffer_ += '\n';
        if (buffer_.size() >= (1u << 20)) flush();
    }
    std::string finish() {
        flush();
        return blake2bHex(pieces_);
    }

private:
    void flush() {
        if (buffer_.empty()) return;
        pieces_ += blake2bHex(buffer_);
        buffer_.clear();
    }
    std::string buffer_, pieces_;
};

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

}  // namespace

Result<std::string> workspaceFileDigest(const std::string& path) {
    // Read-write although nothing is written: a read-only connection to a WAL file leaves
    // its -wal and -shm files behind when it closes.
    IO_TRY(db, store::Database::open(path, store::Database::Mode::ReadWrite));
    PieceHash hash;
    IO_TRY(version, db.version());
    hash.add("user_version " + std::to_string(version));
    std::vector<std::string> tables;
    {
        IO_TRY(s, db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (true) {
            IO_TRY(row, s.step());
            if (!row) break;
            tables.push_back(s.text(0));
        }
    }
    for (const auto& table : tables) {
        std::vector<std::string> columns;
        IO_TRY(info, db.prepare("PRAGMA table_info(" + quoted(table) + ")"));
        while (true) {
            IO_TRY(row, info.step());
            if (!row) break;
            columns.push_back(info.text(1));
        }
        std::string select;
        for (const auto& c : columns) select += (select.empty() ? "" : " || '|' || ") + std::string("quote(") + quoted(c) + ")";
        hash.add("table " + table);
        if (columns.empty()) continue;
        IO_TRY(rows, db.prepare("SELECT " + select + " AS line FROM " + quoted(table) + " ORDER BY line"));
        while (true) {
            IO_TRY(row, rows.step());
            if (!row) break;
            hash.add(rows.text(0));
        }
    }
    return hash.finish();
}

}  // namespace inspectonce
