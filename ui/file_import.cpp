// Files the official picks (browser) or names (desktop), by purpose: a CSV of enterprises,
// departments or plans goes through exchange::importCsv in one transaction — every bad row
// reported with its line and column, nothing written — and a workspace archive replaces the
// workspace. Demands open workflow cases (case_import.cpp).
#include <string>

#include "app_state.hpp"
#include "inspectonce/exchange.hpp"

namespace inspectonce::ui {

void importDemandsCsv(AppState& state, const std::string& name, const std::string& bytes);  // case_import.cpp

namespace {

void importTable(AppState& state, exchange::Table table, const std::string& name, const std::string& bytes) {
    auto report = state.workspace.importCsv(table, bytes, name, state.today);
    if (!report) {
        state.sayError(report.error());
        return;
    }
    if (!report->problems.empty()) {
        // Every listed problem goes to the log; the status line shows the first and the count.
        for (auto it = report->problems.listed.rbegin(); it != report->problems.listed.rend(); ++it)
            state.say({it->where() + "：" + it->why.zh, it->where() + ": " + it->why.en}, true);
        std::string count = std::to_string(report->problems.total);
        state.say({name + "：" + count + " 处错误，未写入任何内容（悬停查看）",
                   name + ": " + count + " problems, nothing written (hover to see them)"},
                  true);
        return;
    }
    std::string rows = std::to_string(report->rows), added = std::to_string(report->added),
                updated = std::to_string(report->updated), unchanged = std::to_string(report->unchanged);
    state.say({name + "：" + rows + " 行，新增 " + added + "，更新 " + updated + "，未变 " + unchanged,
               name + ": " + rows + " rows, " + added + " added, " + updated + " updated, " + unchanged + " unchanged"});
}

}  // namespace

void AppState::receiveFile(const std::string& purpose, const std::string& name, const std::string& bytes) {
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
