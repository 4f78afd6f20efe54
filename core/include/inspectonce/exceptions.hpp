// The vocabulary of exceptions (特殊情形): the reasons a department may give for inspecting
// when a county's rule would otherwise stop it (ALL-4). The seeds name the same reasons in
// different words (安全生产, 食药安全, 投诉举报, 上级交办/部署/安排 …); one id per reason lets a
// county's parameter file say which of them each of its rules accepts, and lets the engines
// refuse a reason the county does not list, with the list it does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce {

struct ExceptionReason {
    std::string_view id;   // "complaint-report"
    Text name;             // 投诉举报 / complaint or report
    std::string_view fromList;  // an enterprise list that raises this reason by itself ("serious-dishonesty"), or empty
};

// Every exception any county may accept, in a fixed order (the order listings use).
const std::vector<ExceptionReason>& exceptionVocabulary();
// The reason with `id`, or nullptr.
const ExceptionReason* findException(std::string_view id);
// Like findException, but an unknown id is an error that lists the known ones.
Result<const ExceptionReason*> parseException(std::string_view id);

}  // namespace inspectonce
