// Exchanging a workspace with the outside: CSV files of enterprises, departments, plans and
// demands in the columns officials keep (Chinese headers, or the English column ids), and
// whole workspaces as cereal archives (portable binary or JSON).
//
// CSV import checks every row before anything is written: each bad value is a Problem naming
// the file, the physical line its row starts on, the column as headed in the file and why (in
// Chinese and English); when any row is bad nothing is written. A good file goes into the
// workspace in one transaction, one audit entry per row. Export writes the same columns back
// (Chinese headers by default), so export → import → export is byte-identical.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::store {
class Database;
}

namespace inspectonce::exchange {

enum class Table { Enterprises, Departments, Plans, Demands };
Result<Table> parseTable(std::string_view text);  // enterprises, departments, plans, demands
std::string_view toString(Table table);

// One column of a table: its id (the English header), the Chinese header export writes, and
// the other headers import accepts for it.
struct Column {
    std::string_view id;
    std::string_view zh;
    std::vector<std::string_view> aliases;
    bool required = false;
    bool exportOnly = false;  // written by export, read back but not imported (a demand's state)
};
// The columns in the order export writes them.
const std::vector<Column>& columnsOf(Table table);

// ---- CSV text -------------------------------------------------------------------------

// A record of a CSV file: its fields and the physical line (1-based) it starts on.
struct CsvRecord {
    int64_t line = 0;
    std::vector<std::string> fields;
};

// Reads RFC 4180 CSV with libcsv (strict: a stray quote is an error). The text must be
// UTF-8; a leading BOM is skipped. Quoted fields may hold commas, quotes ("") and line
// breaks, and the lines of the records after them still count right. Unquoted fields lose
// surrounding spaces and tabs. Blank lines are skipped. The error's where is "file:line".
Result<std::vector<CsvRecord>> readCsv(std::string_view bytes, const std::string& file);
// The 1-based byte offset of the first byte that is not UTF-8, or 0 when all of it is.
std::size_t firstNonUtf8Byte(std::string_view bytes);
// One field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break,
// leading or trailing white space (import would trim it otherwise) or begins with a BOM.
std::string csvField(std::string_view value);
// Fields joined by commas, ended by CRLF.
std::string csvLine(const std::vector<std::string>& fields);

// ---- Problems ---------------------------------------------------------------------------

struct Problem {
    std::string file;
    int64_t line = 0;    // 0: the file as a whole
    std::string column;  // the header as the file writes it; empty: the row or the file
    Text why;

    std::string where() const;  // "plans.csv:7: 开始日期", "plans.csv:7", "plans.csv"
};

// Every problem is counted; the first kListedProblems are kept to be shown.
inline constexpr std::size_t kListedProblems = 50;
struct Problems {
    std::vector<Problem> listed;
    int64_t total = 0;

    void add(Problem problem);
    bool empty() const { return total == 0; }
    int64_t unlisted() const { return total - static_cast<int64_t>(listed.size()); }
};

// ---- Reading rows -----------------------------------------------------------------------

// What rows are checked against: the workspace they go into.
struct References {
    int year = 0;                                        // plan windows must lie in it
    std::vector<WorkspaceDepartment> departments;
    std::vector<InspectionItem> items;
    std::vector<std::string> enterprises;                // USCCs, sorted
    std::vector<int64_t> planIds;                        // sorted
    std::vector<int64_t> caseIds;                        // sorted
    std::vector<std::pair<std::string, std::string>> unitsInUse;  // (department, unit) of stored plans

    static References of(const Workspace& workspace);
    static Result<References> load(store::Database& db);  // a migrated workspace file

    const WorkspaceDepartment* department(std::string_view idOrName) const;  // by id, else by Chinese name
    const InspectionItem* item(std::string_view id) const;
    bool hasEnterprise(std::string_view uscc) const;
};

// A demand (诉求) as received: the workflow opens a case from it.
struct DemandRecord {
    int64_t line = 0;                       // where it is in its file
    std::optional<int64_t> id;              // 诉求编号; unset: assigned when the case opens
    std::string enterprise;                 // USCC of a known enterprise
    Date received;                          // 受理日期
    std::string channel;                    // 渠道: 12345 热线, 窗口, 线上 …
    std::string text;                       // 诉求内容
    std::optional<std::string> category;    // 类别 (the workflow checks it against the county's list)
    std::optional<std::string> department;  // 责任部门: a department id
    std::optional<std::string> state;       // 状态, as exported (the workflow decides it)
    std::optional<Date> deadline;           // 办理期限, as exported (the workflow decides it)
};

// A table's rows read and checked. `columns` are the ids of the columns the file has: on
// update, an absent optional column keeps the stored value.
template <class T>
struct Rows {
    std::vector<std::string> columns;
    std::vector<int64_t> lines;
    std::vector<T> records;

    bool has(std::string_view column) const { return std::find(columns.begin(), columns.end(), column) != columns.end(); }
};

// Each reads a whole file; bad rows add to `problems` (and are left out of the result).
Rows<WorkspaceEnterprise> readEnterprises(std::string_view bytes, const std::string& file, Problems& problems);
Rows<WorkspaceDepartment> readDepartments(std::string_view bytes, const std::string& file, const References& refs,
                                          Problems& problems);
// Plans without an id in the file get the next free ids, in file order.
Rows<Plan> readPlans(std::string_view bytes, const std::string& file, const References& refs, Problems& problems);
Rows<DemandRecord> readDemands(std::string_view bytes, const std::string& file, const References& refs,
                               Problems& problems);

// ---- Import -------------------------------------------------------------------------------

struct ImportOptions {
    std::string file;     // the file's name: in problems and the audit actor "import:<name>"
    Date date;            // the business date of the import (the audit entries')
    bool dryRun = false;  // check and count, write nothing
};

struct ImportReport {
    Table table = Table::Enterprises;
    int64_t rows = 0;
    int64_t added = 0;    // enterprises and departments: new ids; plans: every row
    int64_t updated = 0;  // enterprises and departments whose id was there, with other values
    int64_t unchanged = 0;  // … whose id was there with the same values: neither written nor audited
    bool written = false;
    Problems problems;                 // not empty: nothing was written
    std::vector<int64_t> planIds;      // the plans' ids, in file order
    std::vector<DemandRecord> demands; // demands are read and checked, not written (the workflow opens them)
};

// Imports a CSV file of `table` into a migrated workspace file in one transaction, one audit
// entry per row written (store::appendAudit; a row that changes nothing is not written). Bad input is in the report's problems; the error is
// for what is not the file's fault (SQLite).
Result<ImportReport> importCsv(store::Database& db, Table table, std::string_view bytes, const ImportOptions& options);

// importCsv a slice at a time, so a page keeps drawing while a large file goes in: each step
// parses the file (the first), or checks, counts or writes the next rows. The writes are held
// in one open transaction that the last step commits, so a run cancelled, failed or dropped
// before its end writes nothing. The database must outlive the run and take no other change
// while it is open.
class ImportRun {
public:
    static Result<ImportRun> start(store::Database& db, Table table, std::string bytes, ImportOptions options);
    ImportRun(ImportRun&&) noexcept;
    ImportRun& operator=(ImportRun&&) noexcept;
    ~ImportRun();  // rolls back an unfinished run

    // The next slice, of at most `rows` rows; true once the run is over (see report()). An
    // error (SQLite's, not the file's) ends the run with nothing written.
    Result<bool> step(std::size_t rows);
    bool done() const;
    double fraction() const;  // of the whole run, 0 … 1
    const ImportReport& report() const;  // complete once done
    void cancel();  // ends the run, rolling back what was written

    struct State;

private:
    explicit ImportRun(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// ---- Export -------------------------------------------------------------------------------

enum class Headers { Chinese, English };
Result<Headers> parseHeaders(std::string_view text);  // zh, en

struct ExportOptions {
    Headers headers = Headers::Chinese;  // English: column ids as headers and values as ids
    bool bom = false;                    // a UTF-8 BOM first (Excel reads UTF-8 then)
};

// Rows in id order (USCC, department id, plan id, case id), CRLF line ends, RFC 4180 quoting.
// Demands are the workspace's cases of the workflow "demand".
std::string exportCsv(const Workspace& workspace, Table table, const ExportOptions& options = {});
std::string exportDemands(const std::vector<workflow::Case>& cases, const ExportOptions& options = {});
// The case a demand row describes (for tests and for opening cases): workflow "demand",
// title = text, attributes channel, category, department; state and deadline as exported.
workflow::Case demandCase(const DemandRecord& demand);

// ---- Whole workspaces -------------------------------------------------------------------

enum class ArchiveFormat { Binary, Json };
Result<ArchiveFormat> parseArchiveFormat(std::string_view text);  // binary, json

inline constexpr std::string_view kArchiveMagic = "inspectonce-workspace";
inline constexpr uint32_t kArchiveVersion = 1;

// The whole workspace (every vector, cases included) as a cereal archive: portable binary
// (little-endian) or JSON, beginning with kArchiveMagic and kArchiveVersion.
std::string writeWorkspaceArchive(const Workspace& workspace, ArchiveFormat format);
// Reads either format (told apart by the first byte), checking every length against the
// bytes there are: a wrong, truncated or damaged file is an error naming what and where
// ("plans[17].window.first at byte 1234: …"), never a crash. The workspace is validated.
Result<Workspace> readWorkspaceArchive(std::string_view bytes, const std::string& file);

}  // namespace inspectonce::exchange
