// SQLite storage: a small RAII layer over the C API that speaks Result, the versioned
// workspace schema with its migrations, and loading/saving a Workspace. Every multi-row
// change runs in one transaction, so a failure (or a killed process) leaves the file as it
// was before the change.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/audit.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace inspectonce::store {

class Statement;

class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    // Opens `path` (":memory:" for a private in-memory database). Create makes the file if
    // missing. Natively the journal is WAL; errors name the file.
    static Result<Database> open(const std::string& path, Mode mode);
    // A private in-memory copy of the database at `path` (errors still name `path`): an
    // older file is read by migrating the copy, never by changing the file on a read.
    static Result<Database> openCopy(const std::string& path);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    const std::string& path() const { return path_; }
    Status exec(std::string_view sql);                     // statements without results
    Result<Statement> prepare(std::string_view sql);
    int64_t lastInsertId() const;

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails.
    template <class F>
    Status transaction(F&& work) {
        IO_CHECK(begin());
        Status status = work();
        if (!status) {
            rollback();
            return status;
        }
        return commit();
    }
    // A transaction held open across calls (work done in slices between frames): begin, then
    // commit (rolled back when COMMIT fails) or roll back.
    Status begin();  // BEGIN IMMEDIATE
    Status commit();
    void rollback();

    // Called after every committed transaction on a file (not ":memory:"), with its path:
    // the browser copies the file to persistent storage there. One listener per process.
    using CommitListener = void (*)(const std::string& path);
    static void setCommitListener(CommitListener listener);

    // The schema version (PRAGMA user_version).
    Result<int> version();

private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    Error failure(std::string_view what) const;  // the SQLite message, with the file
    void notifyCommitted() const;
    friend class Statement;

    sqlite3* db_ = nullptr;
    std::string path_;
};

// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
class Statement {
public:
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    ~Statement();

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bindNull(int index);
    Statement& bindOptional(int index, const std::optional<std::string>& value);  // NULL when unset

    // Advances: true with a row, false when done; an error names the SQL.
    Result<bool> step();
    Status run();    // steps to the end, expecting no rows
    void reset();    // for the next binding

    int64_t integer(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    Statement(Database* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
    friend class Database;

    Database* db_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
};

// A transaction held open across slices of work done between frames: the first slice begins
// it, the last commits it, and a cancel, a failure or dropping it before then rolls it back,
// so the file has all of the work or none. The database must outlive it and take no other
// change while it is open.
class OpenTransaction {
public:
    explicit OpenTransaction(Database& db) : db_(&db) {}
    OpenTransaction(OpenTransaction&& other) noexcept;
    OpenTransaction& operator=(OpenTransaction&&) = delete;
    ~OpenTransaction() { rollback(); }

    Database& db() { return *db_; }
    Status begin();   // once; later calls do nothing
    Status commit();  // rolled back when COMMIT fails
    void rollback();  // when open

private:
    Database* db_;
    bool open_ = false;
};

// The workspace schema version this build writes; older files are migrated on open.
int currentSchemaVersion();
// Brings `db` to the current schema, one migration per version, each in its own
// transaction; a file newer than this build is an error.
Status migrate(Database& db);

// Loads a whole workspace (validated); errors name the file, the table and the row.
// WorkspaceReading is the same a slice at a time.
Result<Workspace> loadWorkspace(const std::string& path);

namespace detail {
struct WorkspaceRows;  // what a reading fills (workspace_file.cpp)
}  // namespace detail

// loadWorkspace a slice at a time (a county of 100 000 enterprises is over a second of
// reading in the browser): start opens the file and reads its meta; each step reads the next
// rows — departments, inspectors, items, enterprises, plans with their items, history, events,
// visits with their plans, then the cases as one — and the last validates. The file must not
// change while it is read. An error ends the reading and names the file, table and row.
class WorkspaceReading {
public:
    static Result<WorkspaceReading> start(const std::string& path);
    WorkspaceReading(WorkspaceReading&&) noexcept;
    WorkspaceReading& operator=(WorkspaceReading&&) noexcept;
    ~WorkspaceReading();

    // Reads the next `rows` rows (at least one); true once all are read and the workspace is
    // valid. After an error, further steps repeat that the reading failed.
    Result<bool> step(std::size_t rows);
    double fraction() const;
    bool done() const { return done_; }
    Workspace takeWorkspace();  // once done

private:
    // Opens and reads the meta; counts each part's rows when the progress will be asked for
    // (loadWorkspace reads in one go: counting would be reading the tables twice).
    static Result<WorkspaceReading> open(const std::string& path, bool countRows);
    friend Result<Workspace> loadWorkspace(const std::string& path);
    WorkspaceReading(std::unique_ptr<Database> db, std::unique_ptr<detail::WorkspaceRows> rows, std::vector<std::size_t> counts);

    std::unique_ptr<Database> db_;  // where it is stays put while the reading moves
    std::unique_ptr<detail::WorkspaceRows> rows_;
    std::optional<Statement> statement_;  // the part being read, between steps
    std::vector<std::size_t> counts_;     // rows of each part, for the progress (empty: not counted)
    std::size_t part_ = 0;
    std::size_t read_ = 0, total_ = 0;
    bool done_ = false;
    bool failed_ = false;
};
// The parts of a workspace an import writes, each read again on its own by reloadPart.
enum class WorkspacePart { Departments, Enterprises, Plans, Cases };
// Reads one part of the workspace again from `db` and replaces it in `workspace`, keeping the
// rest: after an import of 100 000 enterprises, reading them alone is a fraction of reading
// the whole file (the plans, the history). Departments come with their inspectors and items.
// Not validated as a whole: the import checked what it wrote against the workspace. An error
// names the table and row and leaves `workspace` as it was.
Status reloadPart(Database& db, Workspace& workspace, WorkspacePart part);
// Writes `workspace` to a new or empty file at `path` in one transaction (validated first).
Status saveWorkspace(const Workspace& workspace, const std::string& path);
// Replaces the visits of the workspace file (the scheduler's output) in one transaction.
Status saveVisits(Database& db, const std::vector<Visit>& visits);

// saveVisits a slice at a time (a county of 100 000 enterprises has 120 000 visits, seconds
// of writing): the first step removes the old visits, each step inserts the next ones, the
// last commits. Cancelled or dropped before that, the file keeps its old visits.
class VisitWriting {
public:
    VisitWriting(Database& db, std::vector<Visit> visits) : transaction_(db), visits_(std::move(visits)) {}

    // Writes the next `count` visits (at least one); true once all are written and committed.
    // An error rolls everything back and ends the writing, as cancel() does.
    Result<bool> step(std::size_t count);
    double fraction() const;
    bool done() const { return done_; }  // committed
    const std::vector<Visit>& visits() const { return visits_; }
    std::vector<Visit> takeVisits() { return std::move(visits_); }  // once done: they are the file's
    void cancel();  // before the end: the old visits stay

private:
    OpenTransaction transaction_;
    std::vector<Visit> visits_;
    std::size_t written_ = 0;
    bool done_ = false;
    bool cancelled_ = false;
};

// saveWorkspace a slice at a time (a demo county of 100 000 enterprises is seconds of
// writing). start validates the workspace and readies a new file at `path` (the schema, no
// workspace yet); each step inserts the next rows — the departments with their inspectors
// and items as one row, then enterprises, plans, history, events, visits and cases — in one
// open transaction, and the last commits. Cancelled, dropped or failing before that, the
// file holds no workspace (loadWorkspace refuses it): the caller removes it.
class WorkspaceWriting {
public:
    static Result<WorkspaceWriting> start(Workspace workspace, const std::string& path);

    // Writes the next `rows` rows (at least one); true once all are written and committed.
    // An error rolls everything back and ends the writing, as cancel() does.
    Result<bool> step(std::size_t rows);
    double fraction() const;
    bool done() const { return done_; }  // committed
    void cancel();

private:
    WorkspaceWriting(std::unique_ptr<Database> db, Workspace workspace);

    std::unique_ptr<Database> db_;  // where it is stays put while the writing moves
    OpenTransaction transaction_;
    Workspace workspace_;
    std::size_t part_ = 0, row_ = 0;  // where the next step starts
    std::size_t written_ = 0, total_ = 0;
    bool done_ = false;
    bool cancelled_ = false;
};

// Sets plan `plan`'s exception (an exceptions.hpp id, ALL-4) in one transaction with an audit
// entry "plan.exception" dated `day`, citing `clause` and carrying `note`; an unknown plan is
// an error and changes nothing.
Status requestPlanException(Database& db, int64_t plan, const std::string& exception, const std::string& clause,
                            const std::string& note, Date day);

// The audit log (audit.hpp). appendAudit gives the entry its seq, previous and hash and moves
// the head; call it inside the transaction of the change it records, so both or neither land.
Status appendAudit(Database& db, audit::Entry entry);
Result<std::vector<audit::Entry>> readAudit(Database& db);
// Reads the log and its head and checks the chain; problems name the entry.
Result<audit::Verdict> verifyAudit(Database& db);

// Cases (workflow.hpp). Each change is one transaction with its audit entry.
// Opens a case: the engine decides, the case and its first step are written, audited.
Result<workflow::Applied> openCase(Database& db, const workflow::Definition& definition, const WorkCalendar& calendar,
                                   workflow::Case subject, std::string_view transition, const workflow::Actor& actor,
                                   Date date, const workflow::Attributes& data);
// Takes a transition on a stored case, in one transaction with its audit entry.
Result<workflow::Applied> applyToCase(Database& db, const workflow::Definition& definition, const WorkCalendar& calendar,
                                      int64_t caseId, std::string_view transition, const workflow::Actor& actor,
                                      Date date, const workflow::Attributes& data);
// Writes an already decided case (new when its id is 0: the id is assigned) with its steps
// and one audit entry, inside the caller's transaction.
Status writeCase(Database& db, workflow::Case& item, const workflow::Case* before, const audit::Entry& entry);
Result<workflow::Case> loadCase(Database& db, int64_t id);
Result<std::vector<workflow::Case>> loadCases(Database& db, std::string_view workflow = {});
// Open cases that are due soon, due or overdue on `day` (an index on the reminder date),
// the earliest reminder first (then by id).
Result<std::vector<workflow::Case>> casesDueBy(Database& db, Date day);
// The compact JSON a case is audited as (state, deadline, holder, attributes; no steps).
std::string auditJson(const workflow::Case& item);

}  // namespace inspectonce::store

namespace inspectonce::exchange {
struct DemandRecord;
}

namespace inspectonce::store {

// Opens a case of `definition` for each demand read from a CSV file (exchange::importCsv,
// dated its day of receipt), all in one transaction, each with its audit entry; nothing is
// written when one is refused (the error names `csv` and the row's line) or when `dryRun`.
// The channel written in the file is kept and mapped to the workflow's ids (window, hotline,
// online, letter, other). Returns the case numbers (0 in a dry run).
Result<std::vector<int64_t>> openDemands(Database& db, const workflow::Definition& definition,
                                         const std::vector<exchange::DemandRecord>& demands, const std::string& csv,
                                         Date date, bool dryRun);

// openDemands a slice at a time, so a page keeps drawing while thousands of demands are
// opened: each step decides and writes the next demands inside one transaction, held open
// across steps and committed by the last. A refused demand, a cancel or dropping the opening
// before its end rolls everything back. The database must outlive the opening and take no
// other change while it is open.
class DemandOpening {
public:
    DemandOpening(Database& db, const workflow::Definition& definition, std::vector<exchange::DemandRecord> demands,
                  std::string csv, Date date);
    DemandOpening(DemandOpening&&) noexcept = default;
    DemandOpening& operator=(DemandOpening&&) = delete;

    // Opens the next `count` demands (at least one); true once all are opened and committed.
    // The error (a refused demand names the file and its line) ends the opening, nothing written.
    Result<bool> step(std::size_t count);
    bool done() const { return done_; }
    double fraction() const;
    const std::vector<int64_t>& ids() const { return ids_; }  // the case numbers, once done
    void cancel();

private:
    OpenTransaction transaction_;
    const workflow::Definition* definition_;
    std::vector<exchange::DemandRecord> demands_;
    std::string csv_;
    Date date_;
    std::vector<int64_t> ids_;
    bool done_ = false;
};

}  // namespace inspectonce::store
