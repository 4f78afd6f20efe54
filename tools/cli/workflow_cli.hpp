// What the case, due and report commands share: the workspace with its county's workflows,
// and cases and definitions as text (Chinese or English) and JSON.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::cli {

// `auto& name = value of expr`, or report the error (exit 2) from the enclosing lambda.
#define IO_CLI_TRY(name, expr)                                      \
    auto IO_CONCAT(name, _result) = (expr);                         \
    if (!IO_CONCAT(name, _result)) return fail(IO_CONCAT(name, _result).error()); \
    auto& name = IO_CONCAT(name, _result).value()

// The county's workflow `id`; an error lists the ones it has.
Result<const workflow::Definition*> workflowOf(const PolicyData& policy, const std::string& id);

// Loads the workspace (cases included) and its county's plugin, then runs
// `run(workspace, policy)` and returns its exit status.
int withWorkspace(const std::string& file, const Options& options,
                  const std::function<int(const Workspace&, const PolicyData&)>& run);

// The workspace's case `id`, or null.
const workflow::Case* caseById(const Workspace& workspace, int64_t id);

std::string clauseSuffix(const Citation& clause, const Options& options);  // "（002 三(一)1）", " (…)" in English; empty without one
std::string stateName(const workflow::Definition& definition, const std::string& state, const Options& options);
std::string roleName(const workflow::Definition& definition, const std::string& role, const Options& options);
// A department's or role's name for whoever holds a case.
std::string holderName(const Workspace& workspace, const workflow::Definition& definition, const std::string& holder,
                       const Options& options);

nlohmann::json caseJson(const workflow::Case& item, const workflow::Definition& definition, Date day);
nlohmann::json definitionJson(const workflow::Definition& definition);
std::string describeDefinition(const workflow::Definition& definition, const Options& options);
std::string describeCase(const workflow::Case& item, const workflow::Definition& definition, const Workspace& workspace,
                         Date day, const Options& options);
// One line: number, workflow, state, deadline, standing (when `dated`), holder, title.
std::string caseLine(const workflow::Case& item, const workflow::Definition& definition, const Workspace& workspace,
                     Date day, bool dated, const Options& options);

}  // namespace inspectonce::cli
