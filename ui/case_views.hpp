// What the demands, complaints, findings and reports screens remember between frames.
#pragma once

namespace inspectonce::ui {

struct CaseViews {
};

}  // namespace inspectonce::ui
