// Files the official picks (browser) or names (desktop), by purpose: a CSV of enterprises,
// departments or plans goes through exchange::ImportRun in slices, in one transaction — every
// bad row reported with its line and column, nothing written — and a workspace archive
// replaces the workspace. Demands open workflow cases (case_import.cpp).
#include <memory>
#include <optional>
#include <string>

#include "app_state.hpp"
#include "inspectonce/exchange.hpp"

namespace inspectonce::ui {

void importDemandsCsv(AppState& state, const std::string& name, const std::string& bytes);  // case_import.cpp

namespace {

// Rows a slice checks, counts or writes: a few milliseconds of work, so the slice's time is kept.
constexpr std::size_t kRowsPerStep = 200;

void sayReport(AppState& state, const std::string& name, const exchange::ImportReport& report) {
    if (!report.problems.empty()) {
        // Every listed problem goes to the log; the status line shows the first and the count.
        for (auto it = report.problems.listed.rbegin(); it != report.problems.listed.rend(); ++it)
            state.say({it->where() + "：" + it->why.zh, it->where() + ": " + it->why.en}, true);
        std::string count = std::to_string(report.problems.total);
        state.say({name + "：" + count + " 处错误，未写入任何内容（悬停查看）",
                   name + ": " + count + " problems, nothing written (hover to see them)"},
                  true);
        return;
    }
    std::string rows = std::to_string(report.rows), added = std::to_string(report.added),
                updated = std::to_string(report.updated), unchanged = std::to_string(report.unchanged);
    state.say({name + "：" + rows + " 行，新增 " + added + "，更新 " + updated + "，未变 " + unchanged,
               name + ": " + rows + " rows, " + added + " added, " + updated + " updated, " + unchanged + " unchanged"});
}

void importTable(AppState& state, exchange::Table table, const std::string& name, const std::string& bytes) {
    auto report = state.workspace.importCsv(table, bytes, name, state.today);
    if (!report) state.sayError(report.error());
    else sayReport(state, name, *report);
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
            if (Status read = s.workspace.importFinished(run.report()); !read) s.sayError(read.error());
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

// CSV tables other than demands go in by slices; demands (each opens a workflow case) and
// workspace archives in one go, after the overlay is shown.
void AppState::receiveFile(const std::string& purpose, const std::string& name, const std::string& bytes) {
    if (purpose.rfind("csv:", 0) == 0)
        if (auto table = exchange::parseTable(purpose.substr(4)); table && *table != exchange::Table::Demands) {
            importTableInSlices(*this, *table, name, bytes);
            return;
        }
    runLong({"正在导入 " + name, "Importing " + name},
            [purpose, name, bytes](AppState& state) { state.importFile(purpose, name, bytes); });
}

void AppState::importFile(const std::string& purpose, const std::string& name, const std::string& bytes) {
    if (purpose == "archive") {
        if (Status replaced = workspace.importArchive(bytes, name); !replaced) sayError(replaced.error());
        else say({name + "：工作区已导入", name + ": workspace imported"});
        return;
    }
    if (purpose.rfind("csv:", 0) == 0) {
        auto table = exchange::parseTable(purpose.substr(4));
        if (!table) {
            sayError(table.error());
            return;
        }
        if (*table == exchange::Table::Demands) importDemandsCsv(*this, name, bytes);
        else importTable(*this, *table, name, bytes);
        return;
    }
    say({name + "：不认识的文件用途“" + purpose + "”", name + ": unknown purpose \"" + purpose + "\""}, true);
}

}  // namespace inspectonce::ui
