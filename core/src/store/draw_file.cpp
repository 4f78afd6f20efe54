// Draw records in the workspace file (draw_store.hpp, tables of schema migration 2).
#include <map>

#include "inspectonce/draw_store.hpp"
#include "store/lists.hpp"

namespace inspectonce::store {

Result<Database> openForDraws(const std::string& path, bool write) {
    IO_TRY(db, Database::open(path, write ? Database::Mode::ReadWrite : Database::Mode::ReadOnly));
    IO_TRY(version, db.version());
    if (version == 0) return makeError(path, "not a workspace (schema version 0)");
    if (write) {
        IO_CHECK(migrate(db));
    } else if (version < currentSchemaVersion()) {
        // Read an older file through a migrated private copy: a read never changes the file.
        IO_TRY(copy, Database::openCopy(path));
        IO_CHECK(migrate(copy));
        return std::move(copy);
    }
    return std::move(db);
}

Result<int64_t> saveDraw(Database& db, DrawRecord& record) {
    int64_t id = 0;
    Status saved = db.transaction([&]() -> Status {
        IO_TRY(d, db.prepare("INSERT INTO draws (date, departments, joint, seed, input_hash, result_hash, record) VALUES (?,?,?,?,?,?,'')"));
        IO_CHECK(d.bind(1, record.request.date.iso()).bind(2, joinList(record.request.departments)).bind(3, int64_t{record.joint()})
                     .bind(4, record.request.seed).bind(5, record.hashes.input).bind(6, record.hashes.result).run());
        id = db.lastInsertId();
        record.id = id;
        IO_TRY(r, db.prepare("UPDATE draws SET record = ? WHERE id = ?"));
        IO_CHECK(r.bind(1, toJson(record).dump(2)).bind(2, id).run());
        IO_TRY(p, db.prepare("INSERT INTO draw_picks (draw, enterprise, inspectors) VALUES (?,?,?)"));
        for (const auto& pick : record.drawn) {
            std::vector<std::string> ids;
            for (const auto& i : pick.inspectors) ids.push_back(i.id);
            IO_CHECK(p.bind(1, id).bind(2, pick.enterprise).bind(3, joinList(ids)).run());
        }
        return Ok{};
    });
    if (!saved) {
        record.id.reset();
        return saved.error();
    }
    return id;
}

Result<std::vector<PastDraw>> loadPastDraws(Database& db, int year, std::optional<Date> through) {
    std::string first = std::to_string(year) + "-01-01";
    std::string last = through ? through->iso() : std::to_string(year) + "-12-31";
    IO_TRY(d, db.prepare("SELECT id, date, departments FROM draws WHERE date >= ? AND date <= ? ORDER BY date, id"));
    d.bind(1, std::string_view(first)).bind(2, std::string_view(last));
    std::vector<PastDraw> out;
    std::map<int64_t, std::size_t> index;
    while (true) {
        IO_TRY(row, d.step());
        if (!row) break;
        PastDraw past;
        past.id = d.integer(0);
        auto date = Date::parse(d.text(1));
        if (!date) return makeError(db.path() + ": table draws, row " + std::to_string(past.id) + ", column date", date.error().why);
        past.date = *date;
        past.departments = splitList(d.text(2));
        index[past.id] = out.size();
        out.push_back(std::move(past));
    }
    IO_TRY(p, db.prepare("SELECT p.draw, p.enterprise, p.inspectors FROM draw_picks p JOIN draws d ON d.id = p.draw "
                         "WHERE d.date >= ? AND d.date <= ? ORDER BY p.draw, p.enterprise"));
    p.bind(1, std::string_view(first)).bind(2, std::string_view(last));
    while (true) {
        IO_TRY(row, p.step());
        if (!row) break;
        auto found = index.find(p.integer(0));
        if (found == index.end()) continue;
        out[found->second].drawn.push_back({p.text(1), splitList(p.text(2))});
    }
    return out;
}

Result<std::string> loadDrawRecord(Database& db, int64_t id) {
    IO_TRY(s, db.prepare("SELECT record FROM draws WHERE id = ?"));
    s.bind(1, id);
    IO_TRY(row, s.step());
    if (!row) return makeError(db.path() + ": table draws", "no draw with id " + std::to_string(id));
    return s.text(0);
}

}  // namespace inspectonce::store
