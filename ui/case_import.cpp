// A demands CSV opens one case of the county's demand workflow per row, in slices under the
// long-work overlay: the file is read and checked (exchange::ImportRun, writing nothing), then
// the cases are opened (store::DemandOpening, as the CLI's `demand import`) in one transaction
// the last slice commits. Every bad row is reported with its line and nothing is written; a
// row the workflow refuses names its line and the clause; Cancel writes nothing.
#include <memory>
#include <optional>
#include <variant>

#include "file_import.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::ui {
namespace {

// Reading a row costs about a fifth of opening its case (the workflow decides it, then the
// case, its step and its audit entry are written): the share of the bar reading takes.
constexpr double kReadingShare = 0.2;

// Where a demands import is: reading the file, then opening the cases.
using DemandImport = std::variant<std::monostate, exchange::ImportRun, store::DemandOpening>;

// The county's demand workflow, or why the file cannot be imported (said on the status line).
const workflow::Definition* demandWorkflow(AppState& state, const std::string& name) {
    const LoadedPlugin* plugin = state.workspacePlugin();
    if (!state.workspace.workspace() || !plugin) {
        state.say({name + "：请先打开工作区", name + ": open a workspace first"}, true);
        return nullptr;
    }
    if (const workflow::Definition* definition = plugin->policy.findWorkflow("demand")) return definition;
    std::string offered;
    for (const auto& d : plugin->policy.workflows) offered += (offered.empty() ? "" : ", ") + d.id;
    state.say({name + "：" + plugin->policy.name.zh + "未定义诉求办理流程（demand），已定义：" + offered,
               name + ": " + plugin->policy.name.en + " defines no demand workflow; it defines: " + offered},
              true);
    return nullptr;
}

// One slice of the import; done (an empty WorkStep) when it has ended, said how on the status line.
AppState::WorkStep stepDemandImport(AppState& state, DemandImport& import, const workflow::Definition& definition,
                                    const std::string& name, const std::string& bytes) {
    if (std::holds_alternative<std::monostate>(import)) {
        // The exchange layer only reads and checks demands; the workflow opens them.
        auto started = state.workspace.startImport(exchange::Table::Demands, bytes, name, state.today);
        if (!started) {
            state.sayError(started.error());
            return {};
        }
        import.emplace<exchange::ImportRun>(std::move(started).value());
        return {false, 0};
    }
    if (auto* reading = std::get_if<exchange::ImportRun>(&import)) {
        auto finished = reading->step(kRowsPerStep);
        if (!finished) {
            state.sayError(finished.error());
            return {};
        }
        if (!*finished) return {false, kReadingShare * reading->fraction()};
        exchange::ImportReport read = reading->report();
        if (!read.problems.empty()) {
            sayImportProblems(state, name, read.problems);
            return {};
        }
        auto opening = state.workspace.startOpeningDemands(definition, std::move(read.demands), name, state.today);
        if (!opening) {
            state.sayError(opening.error());
            return {};
        }
        import.emplace<store::DemandOpening>(std::move(opening).value());
        return {false, kReadingShare};
    }
    auto& opening = std::get<store::DemandOpening>(import);
    auto finished = opening.step(kRowsPerStep);
    if (!finished) {
        state.say({finished.error().message() + "（未写入任何内容）", finished.error().message() + " (nothing written)"}, true);
        return {};
    }
    if (!*finished) return {false, kReadingShare + (1 - kReadingShare) * opening.fraction()};
    if (Status read = state.workspace.slicesFinished(exchange::Table::Demands, true); !read) {
        state.sayError(read.error());
        return {};
    }
    std::string count = std::to_string(opening.ids().size());
    state.say({name + "：立案 " + count + " 件（" + definition.clause.clause + "）",
               name + ": " + count + " demands opened (" + definition.clause.clause + ")"});
    return {};
}

}  // namespace

void importDemandsInSlices(AppState& state, const std::string& name, const std::string& bytes) {
    const workflow::Definition* definition = demandWorkflow(state, name);
    if (!definition) return;
    auto import = std::make_shared<DemandImport>();
    state.runSteps(
        {"正在导入 " + name, "Importing " + name},
        [import, definition, name, bytes](AppState& s) {
            AppState::WorkStep step = stepDemandImport(s, *import, *definition, name, bytes);
            if (step.done) *import = std::monostate{};  // ends the run, freeing the file
            return step;
        },
        [import](AppState&) { *import = std::monostate{}; });  // rolls back what was opened
}

}  // namespace inspectonce::ui
