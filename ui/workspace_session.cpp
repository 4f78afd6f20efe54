#include "workspace_session.hpp"

#include <algorithm>
#include <cstdio>

namespace inspectonce::ui {
namespace {

void removeDatabaseFiles(const std::string& path) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// What an import of `table` writes: its own part of the workspace (demands open cases).
store::WorkspacePart partWrittenBy(exchange::Table table) {
    switch (table) {
    case exchange::Table::Enterprises: return store::WorkspacePart::Enterprises;
    case exchange::Table::Departments: return store::WorkspacePart::Departments;
    case exchange::Table::Plans: return store::WorkspacePart::Plans;
    case exchange::Table::Demands: return store::WorkspacePart::Cases;
    }
    return store::WorkspacePart::Cases;
}

}  // namespace

Status WorkspaceSession::open(const std::string& path) { return openFile(path, std::nullopt); }

Status WorkspaceSession::startOpening(const std::string& path) {
    close();
    path_ = path;
    auto reading = store::WorkspaceReading::start(path);
    if (reading) opening_.emplace(std::move(*reading));
    return remember(reading ? Status(Ok{}) : Status(reading.error()));
}

Result<bool> WorkspaceSession::stepOpening(std::size_t rows) {
    if (!opening_) return remember(Result<bool>(makeError(path_, "no workspace is being opened")));
    auto finished = opening_->step(rows);
    if (finished && !*finished) return false;
    std::optional<Workspace> read;
    if (finished) read = opening_->takeWorkspace();
    opening_.reset();  // read through: closed before the file is opened for writing
    if (!finished) return remember(Result<bool>(finished.error()));
    std::string path = path_;  // openFile sets path_ again
    IO_CHECK(openFile(path, std::move(read)));
    return true;
}

// Opens `path` for writing; its workspace is `read` when it was just read from the file,
// else it is read now.
Status WorkspaceSession::openFile(const std::string& path, std::optional<Workspace> read) {
    close();
    path_ = path;
    auto opened = [&]() -> Status {
        IO_TRY(db, store::Database::open(path, store::Database::Mode::ReadWrite));
        IO_CHECK(store::migrate(db));
        db_.emplace(std::move(db));
        if (!read) return reload();
        workspace_ = std::move(*read);
        ++version_;
        return Ok{};
    }();
    if (!opened) {
        db_.reset();
        workspace_.reset();
    }
    return remember(opened);
}

Status WorkspaceSession::create(const std::string& path, const Workspace& workspace) {
    close();
    Status saved = store::saveWorkspace(workspace, path);
    if (!saved) {
        removeDatabaseFiles(path);  // a half-written file would be taken for a workspace next time
        return remember(saved);
    }
    return open(path);
}

GenerateOptions demoOptions(const PolicyData& policy, Date today, int64_t enterprises) {
    const auto& calendar = WorkCalendar::official();
    GenerateOptions options;
    options.county = policy.county;
    options.enterprises = enterprises;
    options.seed = 1;
    // A year the calendar knows, with the year before it known too (the planning date).
    options.year = std::min(std::max(today.year(), calendar.firstYear() + 1), calendar.lastYear());
    return options;
}

Result<Workspace> demoWorkspace(const PolicyData& policy, Date today, int64_t enterprises) {
    return generateWorkspace(demoOptions(policy, today, enterprises), policy);
}

void WorkspaceSession::close() {
    opening_.reset();
    db_.reset();
    workspace_.reset();
    ++version_;
}

Status WorkspaceSession::reload() {
    auto loaded = store::loadWorkspace(path_);
    if (!loaded) return loaded.error();
    workspace_ = std::move(*loaded);
    ++version_;
    return Ok{};
}

Result<exchange::ImportReport> WorkspaceSession::importCsv(exchange::Table table, std::string_view bytes,
                                                           const std::string& name, Date day) {
    if (!db_) return makeError(path_, "no workspace is open");
    exchange::ImportOptions options;
    options.file = name;
    options.date = day;
    auto report = exchange::importCsv(*db_, table, bytes, options);
    if (!report) return remember(std::move(report));
    if (Status read = slicesFinished(table, report->written); !read) return Result<exchange::ImportReport>(read.error());
    return remember(std::move(report));
}

Result<exchange::ImportRun> WorkspaceSession::startImport(exchange::Table table, std::string bytes, const std::string& name,
                                                          Date day) {
    if (!db_) return remember(Result<exchange::ImportRun>(makeError(path_, "no workspace is open")));
    exchange::ImportOptions options;
    options.file = name;
    options.date = day;
    return remember(exchange::ImportRun::start(*db_, table, std::move(bytes), options));
}

Result<store::DemandOpening> WorkspaceSession::startOpeningDemands(const workflow::Definition& definition,
                                                                   std::vector<exchange::DemandRecord> demands,
                                                                   const std::string& name, Date day) {
    if (!db_) return remember(Result<store::DemandOpening>(makeError(path_, "no workspace is open")));
    return store::DemandOpening(*db_, definition, std::move(demands), name, day);
}

Status WorkspaceSession::slicesFinished(exchange::Table table, bool written) {
    if (!written) return remember(Status(Ok{}));
    if (!db_ || !workspace_) return remember(Status(makeError(path_, "no workspace is open")));
    Status read = store::reloadPart(*db_, *workspace_, partWrittenBy(table));
    if (read) ++version_;
    return remember(read);
}

Status WorkspaceSession::replace(const Workspace& workspace) {
    if (path_.empty()) return remember(Status(makeError("workspace", "no workspace file to replace")));
    std::string fresh = replacingPath();
    removeDatabaseFiles(fresh);
    if (Status saved = store::saveWorkspace(workspace, fresh); !saved) {
        removeDatabaseFiles(fresh);
        return remember(saved);
    }
    return takePlaceOf(fresh);
}

Result<store::WorkspaceWriting> WorkspaceSession::startReplacing(Workspace workspace) {
    if (path_.empty()) return remember(Result<store::WorkspaceWriting>(makeError("workspace", "no workspace file to replace")));
    std::string fresh = replacingPath();
    removeDatabaseFiles(fresh);
    auto writing = store::WorkspaceWriting::start(std::move(workspace), fresh);
    if (!writing) removeDatabaseFiles(fresh);
    return remember(std::move(writing));
}

Result<store::WorkspaceReading> WorkspaceSession::replacingWritten(store::WorkspaceWriting writing) {
    bool written = writing.done();
    { store::WorkspaceWriting closed = std::move(writing); }  // the new file is closed before it is read
    if (!written) {
        removeDatabaseFiles(replacingPath());
        return remember(Result<store::WorkspaceReading>(
            makeError(replacingPath(), "the new workspace was not written to its end; nothing changed")));
    }
    auto reading = store::WorkspaceReading::start(replacingPath());
    if (!reading) removeDatabaseFiles(replacingPath());
    return remember(std::move(reading));
}

Status WorkspaceSession::replacingRead(store::WorkspaceReading reading) {
    if (!reading.done()) {
        replacingDropped(std::move(reading));
        return remember(Status(makeError(replacingPath(), "the new workspace was not read to its end; nothing changed")));
    }
    Workspace read = reading.takeWorkspace();
    { store::WorkspaceReading closed = std::move(reading); }  // the new file is closed before it moves
    return takePlaceOf(replacingPath(), std::move(read));
}

void WorkspaceSession::replacingDropped(store::WorkspaceWriting writing) {
    writing.cancel();
    { store::WorkspaceWriting closed = std::move(writing); }
    removeDatabaseFiles(replacingPath());
}

void WorkspaceSession::replacingDropped(store::WorkspaceReading reading) {
    { store::WorkspaceReading closed = std::move(reading); }
    removeDatabaseFiles(replacingPath());
}

// The file written beside the workspace's takes its place and is opened, with `read` as its
// workspace when that was read from it already.
Status WorkspaceSession::takePlaceOf(const std::string& fresh, std::optional<Workspace> read) {
    std::string path = path_;
    close();
    removeDatabaseFiles(path);
    if (std::rename(fresh.c_str(), path.c_str()) != 0)
        return remember(Status(makeError(path, "cannot replace the workspace file with " + fresh)));
    // Natively a read-only connection leaves the file's WAL and its index behind: the WAL goes
    // with the file (whatever it holds is the file's), the index is rebuilt on open.
    std::rename((fresh + "-wal").c_str(), (path + "-wal").c_str());  // fails harmlessly when there is none
    std::remove((fresh + "-shm").c_str());
    return openFile(path, std::move(read));
}

Result<Schedule> WorkspaceSession::scheduleVisits(const PolicyData& policy) {
    if (!db_ || !workspace_) return makeError(path_, "no workspace is open");
    auto made = schedule(*workspace_, policy);
    if (!made) return remember(std::move(made));
    if (Status saved = store::saveVisits(*db_, made->visits); !saved) return remember(Result<Schedule>(saved.error()));
    workspace_->visits = made->visits;
    ++version_;
    return remember(std::move(made));
}

Result<store::VisitWriting> WorkspaceSession::startWritingVisits(std::vector<Visit> visits) {
    if (!db_ || !workspace_) return remember(Result<store::VisitWriting>(makeError(path_, "no workspace is open")));
    return store::VisitWriting(*db_, std::move(visits));
}

void WorkspaceSession::visitsWritten(std::vector<Visit> visits) {
    workspace_->visits = std::move(visits);
    ++version_;
    error_.reset();
}

Status WorkspaceSession::saveVisits(const std::vector<Visit>& visits) {
    if (!db_ || !workspace_) return makeError(path_, "no workspace is open");
    if (Status saved = store::saveVisits(*db_, visits); !saved) return remember(saved);
    workspace_->visits = visits;
    ++version_;
    return remember(Status(Ok{}));
}

Status WorkspaceSession::change(const std::function<Status(store::Database&)>& work) {
    if (!db_) return remember(Status(makeError(path_, "no workspace is open")));
    if (Status done = work(*db_); !done) return remember(done);
    return remember(reload());
}

// The stored case, written into the memory copy too (cases are kept in ascending id), so a
// step on a large workspace does not read it all again.
void WorkspaceSession::keepCase(const workflow::Case& stored) {
    auto& cases = workspace_->cases;
    auto at = std::lower_bound(cases.begin(), cases.end(), stored.id,
                               [](const workflow::Case& item, int64_t id) { return item.id < id; });
    if (at != cases.end() && at->id == stored.id) *at = stored;
    else cases.insert(at, stored);
    ++version_;
}

Result<workflow::Applied> WorkspaceSession::openCase(const workflow::Definition& definition, workflow::Case subject,
                                                     std::string_view transition, const workflow::Actor& actor,
                                                     Date day, const workflow::Attributes& data) {
    if (!db_ || !workspace_) return makeError(path_, "no workspace is open");
    auto applied = store::openCase(*db_, definition, WorkCalendar::official(), std::move(subject), transition, actor, day, data);
    if (applied) keepCase(applied->after);
    return remember(std::move(applied));
}

Result<workflow::Applied> WorkspaceSession::applyToCase(const workflow::Definition& definition, int64_t caseId,
                                                        std::string_view transition, const workflow::Actor& actor,
                                                        Date day, const workflow::Attributes& data) {
    if (!db_ || !workspace_) return makeError(path_, "no workspace is open");
    auto applied = store::applyToCase(*db_, definition, WorkCalendar::official(), caseId, transition, actor, day, data);
    if (applied) keepCase(applied->after);
    return remember(std::move(applied));
}

}  // namespace inspectonce::ui
