// Files the official picks (browser) or names (desktop), by purpose: a CSV of enterprises,
// departments or plans goes through exchange::ImportRun in slices, in one transaction — every
// bad row reported with its line and column, nothing written — and a workspace archive
// replaces the workspace, written in slices too (workspace_replacing.cpp). Demands open
// workflow cases, also in slices (case_import.cpp).
#include "file_import.hpp"

#include <memory>
#include <optional>
#include <string>

#include "workspace_replacing.hpp"

namespace inspectonce::ui {

void sayImportProblems(AppState& state, const std::string& name, const exchange::Problems& problems) {
    for (auto it = problems.listed.rbegin(); it != problems.listed.rend(); ++it)
        state.say({it->where() + "：" + it->why.zh, it->where() + ": " + it->why.en}, true);
    std::string count = std::to_string(problems.total);
    state.say({name + "：" + count + " 处错误，未写入任何内容（悬停查看）",
               name + ": " + count + " problems, nothing written (hover to see them)"},
              true);
}

namespace {

void sayReport(AppState& state, const std::string& name, const exchange::ImportReport& report) {
    if (!report.problems.empty()) {
        sayImportProblems(state, name, report.problems);
        return;
    }
    std::string rows = std::to_string(report.rows), added = std::to_string(report.added),
                updated = std::to_string(report.updated), unchanged = std::to_string(report.unchanged);
    state.say({name + "：" + rows + " 行，新增 " + added + "，更新 " + updated + "，未变 " + unchanged,
               name + ": " + rows + " rows, " + added + " added, " + updated + " updated, " + unchanged + " unchanged"});
}

// A table's import in slices (exchange::ImportRun) under the long-work overlay: 100 000
// enterprises take seconds to check and write, and the page keeps drawing its progress. The
// writes stay in one open transaction until the last slice, so Cancel writes nothing.
void importTableInSlices(AppState& state, exchange::Table table, const std::string& name, const std::string& bytes) {
    auto running = std::make_shared<std::optional<exchange::ImportRun>>();
    state.runSteps(
        {"正在导入 " + name, "Importing " + name},
        [running, table, name, bytes](AppState& s) -> AppState::WorkStep {
            if (!*running) {
                auto started = s.workspace.startImport(table, bytes, name, s.today);
                if (!started) {
                    s.sayError(started.error());
                    return {};
                }
                running->emplace(std::move(started).value());
                return {false, 0};
            }
            exchange::ImportRun& run = **running;
            auto finished = run.step(kRowsPerStep);
            if (!finished) {
                s.sayError(finished.error());
                return {};
            }
            if (!*finished) return {false, run.fraction()};
            if (Status read = s.workspace.slicesFinished(table, run.report().written); !read) s.sayError(read.error());
            else sayReport(s, name, run.report());
            running->reset();
            return {};
        },
        [running](AppState&) {
            if (*running) (*running)->cancel();  // rolls the open transaction back
            running->reset();
        });
}

}  // namespace

// CSV files go in by slices; a workspace archive is read in one, then written in slices.
void AppState::receiveFile(const std::string& purpose, const std::string& name, const std::string& bytes) {
    if (purpose.rfind("csv:", 0) == 0) {
        auto table = exchange::parseTable(purpose.substr(4));
        if (!table) sayError(table.error());
        else if (*table == exchange::Table::Demands) importDemandsInSlices(*this, name, bytes);
        else importTableInSlices(*this, *table, name, bytes);
        return;
    }
    if (purpose != "archive") {
        say({name + "：不认识的文件用途“" + purpose + "”", name + ": unknown purpose \"" + purpose + "\""}, true);
        return;
    }
    replaceWorkspaceInSlices(*this, {"正在导入 " + name, "Importing " + name},
                             {name + "：工作区已导入", name + ": workspace imported"},
                             [name, bytes](AppState&) -> Result<MadeSoFar> {
                                 IO_TRY(read, exchange::readWorkspaceArchive(bytes, name));
                                 return MadeSoFar(std::move(read));
                             });
}

}  // namespace inspectonce::ui
