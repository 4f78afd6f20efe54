// The RAII layer over SQLite's C API: every failure becomes an Error naming the file and
// SQLite's own message.
#include <sqlite3.h>

#include "inspectonce/store.hpp"

namespace inspectonce::store {

namespace {
Database::CommitListener commitListener = nullptr;
}  // namespace

void Database::setCommitListener(CommitListener listener) { commitListener = listener; }

void Database::notifyCommitted() const {
    if (commitListener != nullptr && path_ != ":memory:") commitListener(path_);
}

Status Database::begin() { return exec("BEGIN IMMEDIATE"); }

Status Database::commit() {
    Status committed = exec("COMMIT");
    if (!committed) {
        rollback();
        return committed;
    }
    notifyCommitted();
    return committed;
}

// A failed statement may already have ended the transaction: ROLLBACK then fails harmlessly.
void Database::rollback() { (void)exec("ROLLBACK"); }

OpenTransaction::OpenTransaction(OpenTransaction&& other) noexcept : db_(other.db_), open_(other.open_) {
    other.open_ = false;  // the transaction is ours now
}

Status OpenTransaction::begin() {
    if (open_) return Ok{};
    IO_CHECK(db_->begin());
    open_ = true;
    return Ok{};
}

Status OpenTransaction::commit() {
    open_ = false;
    return db_->commit();
}

void OpenTransaction::rollback() {
    if (open_) db_->rollback();
    open_ = false;
}

Result<Database> Database::open(const std::string& path, Mode mode) {
    int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
              : mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE
                                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3* handle = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        sqlite3_close(handle);
        if (rc == SQLITE_CANTOPEN) why += mode == Mode::Create ? " (is the folder there and writable?)" : " (no such file?)";
        return makeError(path, "cannot open the database: " + why);
    }
    Database db(handle, path);
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, 5000);
    IO_CHECK(db.exec("PRAGMA foreign_keys = ON"));
    // A plain file natively: WAL, so readers never block the writer. Under Emscripten the
    // file lives in a memory filesystem synced to browser storage: WAL's shared memory is
    // unavailable there, the rollback journal is the safe choice.
#ifndef __EMSCRIPTEN__
    if (mode != Mode::ReadOnly && path != ":memory:") IO_CHECK(db.exec("PRAGMA journal_mode = WAL"));
#endif
    // Check that it really is a database: opening is lazy, the first read is not.
    IO_TRY(version, db.version());
    (void)version;
    return db;
}

Result<Database> Database::openCopy(const std::string& path) {
    IO_TRY(source, open(path, Mode::ReadOnly));
    IO_TRY(copy, open(":memory:", Mode::Create));
    sqlite3_backup* backup = sqlite3_backup_init(copy.db_, "main", source.db_, "main");
    if (!backup) return copy.failure("cannot copy " + path);
    sqlite3_backup_step(backup, -1);
    if (sqlite3_backup_finish(backup) != SQLITE_OK) return copy.failure("cannot copy " + path);
    copy.path_ = path;
    return std::move(copy);
}

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        other.db_ = nullptr;
    }
    return *this;
}

Database::~Database() { sqlite3_close(db_); }

namespace {
// What an official can act on, after SQLite's own words: a full disk and a read-only file are
// the usual reasons a write fails, and the change they stopped is rolled back whole.
std::string plainWords(sqlite3* db) {
    switch (sqlite3_errcode(db) & 0xff) {  // the primary code of an extended one
        case SQLITE_FULL: return " — the disk is full: free some space; this change was not written";
        case SQLITE_IOERR: return " — writing to the disk failed (full, over a size limit, or failing); this change was not written";
        case SQLITE_READONLY: return " — the file is read-only (check its permissions); nothing was changed";
        default: return "";
    }
}
}  // namespace

Error Database::failure(std::string_view what) const {
    return makeError(path_, std::string(what) + ": " + sqlite3_errmsg(db_) + plainWords(db_));
}

Status Database::exec(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = (message ? message : sqlite3_errmsg(db_)) + plainWords(db_);
        sqlite3_free(message);
        std::string head = text.substr(0, text.find_first_of("\n("));
        return makeError(path_, why + " (in: " + head + ")");
    }
    return Ok{};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK)
        return failure("cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
    return Statement(this, statement);
}

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Result<int> Database::version() {
    IO_TRY(statement, prepare("PRAGMA user_version"));
    IO_TRY(row, statement.step());
    if (!row) return failure("no user_version");
    return static_cast<int>(statement.integer(0));
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), statement_(other.statement_) {
    other.statement_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(statement_);
        db_ = other.db_;
        statement_ = other.statement_;
        other.statement_ = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(statement_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(statement_, index);
    return *this;
}

Statement& Statement::bindOptional(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bindNull(index);
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = sqlite3_sql(statement_);
    return db_->failure("'" + sql.substr(0, 60) + "' failed");
}

Status Statement::run() {
    IO_TRY(row, step());
    if (row) return db_->failure("'" + std::string(sqlite3_sql(statement_)).substr(0, 60) + "' returned rows");
    reset();
    return Ok{};
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::text(int column) const {
    const unsigned char* value = sqlite3_column_text(statement_, column);
    return value ? std::string(reinterpret_cast<const char*>(value), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
}

bool Statement::isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

}  // namespace inspectonce::store
