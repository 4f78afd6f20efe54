// The workspace the screens work on: one SQLite file (the browser's /data/workspace.db, the
// desktop's --workspace), read whole into memory for drawing and changed only through the
// store — one transaction per change, with its audit entry — after which the memory copy is
// read again. Screens never hold SQL; they call these operations and redraw.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/store.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::ui {

// The demo county (a fixed seed, so every first visit sees the same) for `policy`, in the
// year nearest `today` that the calendar knows: its options, and the county made in one go.
// The first visit's demo county is kDemoWorkspaceEnterprises large.
inline constexpr int64_t kDemoWorkspaceEnterprises = 300;
GenerateOptions demoOptions(const PolicyData& policy, Date today, int64_t enterprises);
Result<Workspace> demoWorkspace(const PolicyData& policy, Date today, int64_t enterprises = kDemoWorkspaceEnterprises);

class WorkspaceSession {
public:
    // Opens an existing workspace file for writing (migrating it) and reads it.
    Status open(const std::string& path);
    // The same in slices (the browser's kept workspace: seconds of reading at 100 000
    // enterprises, with nothing drawn meanwhile): startOpening closes the open workspace and
    // starts reading the file at `path`; each stepOpening reads `rows` more rows, and the last
    // opens the file for writing with what was read (true). A failure ends the opening and is
    // kept as error().
    Status startOpening(const std::string& path);
    Result<bool> stepOpening(std::size_t rows);
    bool opening() const { return opening_.has_value(); }
    double openingFraction() const { return opening_ ? opening_->fraction() : 0.0; }
    // Writes `workspace` to a new file at `path`, then opens it.
    Status create(const std::string& path, const Workspace& workspace);
    // Replaces the open workspace's file with `workspace`: written beside it first, so a
    // failure leaves the current workspace as it was.
    Status replace(const Workspace& workspace);
    // The same in slices (a demo county, an archive: seconds of writing and reading at
    // 100 000 enterprises): the caller steps the writing of the new file beside this one and
    // hands it to replacingWritten, which starts reading that file; the caller steps the
    // reading and hands it to replacingRead, which puts the file in this one's place and opens
    // it with what was read. A writing or reading that is cancelled or fails goes to
    // replacingDropped: the new file is removed and nothing changed.
    Result<store::WorkspaceWriting> startReplacing(Workspace workspace);
    Result<store::WorkspaceReading> replacingWritten(store::WorkspaceWriting writing);
    Status replacingRead(store::WorkspaceReading reading);
    void replacingDropped(store::WorkspaceWriting writing);
    void replacingDropped(store::WorkspaceReading reading);
    void close();

    bool isOpen() const { return workspace_.has_value(); }
    const Workspace* workspace() const { return workspace_ ? &*workspace_ : nullptr; }
    const std::string& path() const { return path_; }
    // Why the last open or change failed (cleared by the next one that works).
    const std::optional<Error>& error() const { return error_; }
    // Counts changes: screens keep what they derive (sorted rows, reports) until it moves.
    uint64_t version() const { return version_; }

    // ---- Changes, each one transaction (or none) and then a fresh read -----------------------
    // `day` is the business date of the change (the audit entry's).
    Result<exchange::ImportReport> importCsv(exchange::Table table, std::string_view bytes, const std::string& name, Date day);
    // The same import in slices (exchange::ImportRun, on this workspace's file), and demands
    // read from a file opened as cases in slices (store::DemandOpening): the caller steps it,
    // then calls slicesFinished, which reads the table's part of the workspace again when they
    // wrote (store::reloadPart: the rest is as it was).
    Result<exchange::ImportRun> startImport(exchange::Table table, std::string bytes, const std::string& name, Date day);
    Result<store::DemandOpening> startOpeningDemands(const workflow::Definition& definition,
                                                     std::vector<exchange::DemandRecord> demands, const std::string& name,
                                                     Date day);
    Status slicesFinished(exchange::Table table, bool written);
    // Runs the scheduler under `policy` and saves its visits.
    Result<Schedule> scheduleVisits(const PolicyData& policy);
    // The scheduler's visits written in slices (store::VisitWriting on this workspace's file):
    // the caller steps it to its end, then hands the written visits to visitsWritten.
    Result<store::VisitWriting> startWritingVisits(std::vector<Visit> visits);
    void visitsWritten(std::vector<Visit> visits);
    // Saves `visits` as they are (a visit moved by hand, after the rules were checked).
    Status saveVisits(const std::vector<Visit>& visits);
    // Any other change: `work` runs on the workspace's database (it makes its own
    // transaction), then the workspace is read again when it succeeded.
    Status change(const std::function<Status(store::Database&)>& work);
    Result<workflow::Applied> openCase(const workflow::Definition& definition, workflow::Case subject,
                                       std::string_view transition, const workflow::Actor& actor, Date day,
                                       const workflow::Attributes& data);
    Result<workflow::Applied> applyToCase(const workflow::Definition& definition, int64_t caseId,
                                          std::string_view transition, const workflow::Actor& actor, Date day,
                                          const workflow::Attributes& data);

private:
    Status reload();
    Status openFile(const std::string& path, std::optional<Workspace> read);
    std::string replacingPath() const { return path_ + ".replacing"; }
    Status takePlaceOf(const std::string& fresh, std::optional<Workspace> read = std::nullopt);
    void keepCase(const workflow::Case& stored);
    template <class T>
    T remember(T result) {
        if (!result) error_ = result.error();
        else error_.reset();
        return result;
    }

    std::string path_;
    std::optional<store::Database> db_;
    std::optional<store::WorkspaceReading> opening_;  // between startOpening and its last step
    std::optional<Workspace> workspace_;
    std::optional<Error> error_;
    uint64_t version_ = 0;
};

}  // namespace inspectonce::ui
