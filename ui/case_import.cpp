// A demands CSV opens one case of the county's demand workflow per row, in one transaction
// (store::openDemands, as the CLI's `demand import`): every bad row is reported with its
// line and nothing is written; a row the workflow refuses names its line and the clause.
#include "app_state.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::ui {
namespace {

// The rows read and opened, on the workspace's database; the error is what stopped it
// (nothing was written then).
Result<std::vector<int64_t>> openDemandsFile(store::Database& db, const workflow::Definition& definition, const std::string& name,
                                             const std::string& bytes, Date day, exchange::Problems& problems) {
    exchange::ImportOptions options;
    options.file = name;
    options.date = day;
    options.dryRun = true;  // the exchange layer only reads demands; the workflow opens them
    IO_TRY(read, exchange::importCsv(db, exchange::Table::Demands, bytes, options));
    if (!read.problems.empty()) {
        problems = read.problems;
        return std::vector<int64_t>{};
    }
    return store::openDemands(db, definition, read.demands, name, day, false);
}

}  // namespace

void importDemandsCsv(AppState& state, const std::string& name, const std::string& bytes) {
    const Workspace* workspace = state.workspace.workspace();
    const LoadedPlugin* plugin = state.workspacePlugin();
    if (!workspace || !plugin) {
        state.say({name + "：请先打开工作区", name + ": open a workspace first"}, true);
        return;
    }
    const workflow::Definition* definition = plugin->policy.findWorkflow("demand");
    if (!definition) {
        std::string offered;
        for (const auto& d : plugin->policy.workflows) offered += (offered.empty() ? "" : ", ") + d.id;
        state.say({name + "：" + plugin->policy.name.zh + "未定义诉求办理流程（demand），已定义：" + offered,
                   name + ": " + plugin->policy.name.en + " defines no demand workflow; it defines: " + offered},
                  true);
        return;
    }
    exchange::Problems problems;
    std::vector<int64_t> opened;
    Status done = state.workspace.change([&](store::Database& db) -> Status {
        IO_TRY(ids, openDemandsFile(db, *definition, name, bytes, state.today, problems));
        if (!problems.empty()) return makeError(name, "rows with problems, nothing written");
        opened = std::move(ids);
        return Ok{};
    });
    if (!done && problems.empty()) {
        state.say({done.error().message() + "（未写入任何内容）", done.error().message() + " (nothing written)"}, true);
        return;
    }
    if (!problems.empty()) {
        for (auto it = problems.listed.rbegin(); it != problems.listed.rend(); ++it)
            state.say({it->where() + "：" + it->why.zh, it->where() + ": " + it->why.en}, true);
        std::string count = std::to_string(problems.total);
        state.say({name + "：" + count + " 处错误，未写入任何内容（悬停查看）",
                   name + ": " + count + " problems, nothing written (hover to see them)"},
                  true);
        return;
    }
    std::string count = std::to_string(opened.size());
    state.say({name + "：立案 " + count + " 件（" + definition->clause.clause + "）",
               name + ": " + count + " demands opened (" + definition->clause.clause + ")"});
}

}  // namespace inspectonce::ui
