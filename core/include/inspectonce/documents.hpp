// Printable documents as standalone HTML pages in Chinese (an official prints them from the
// browser): the advance notice of a visit (检查预告通知书, 004 二(五)), the enterprise's
// rectification commitment (整改承诺书, 000 二(三)1) and the closure list (销号清单,
// 000 二(三)3). Each page names the clause it serves and carries its own print styles.
#pragma once

#include <string>

#include "inspectonce/report.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::documents {

// `county` is the issuing county's name ("云和县").
std::string adviceNoticeHtml(const Notice& notice, const std::string& county);
// The commitment an enterprise signs for a finding: the problem, the deadline it commits to
// (the case's current deadline, or its "deadline" attribute) and the measures, when given.
std::string commitmentHtml(const Workspace& workspace, const workflow::Definition& findings,
                           const workflow::Case& finding, const std::string& county);
std::string closureListHtml(const report::ClosureList& list, const std::string& county);

// Escapes text for HTML element content and attribute values.
std::string escapeHtml(std::string_view text);

}  // namespace inspectonce::documents
