// Mirrors what the page shows into `window.inspectonce`, so that tests (and curious users
// in the console) can see whether the app is ready, which plugins it loaded and why any
// were refused, the screen shown, where named widgets are (marks), the workspace's counts,
// the status bar's last message and the text field being edited, without reading pixels.
#pragma once

#include <string>

#include "app_state.hpp"

namespace inspectonce::web {

class StateBridge {
public:
    // Publishes when something changed since the last call; cheap otherwise. `opening`: the
    // kept workspace is still being read (the page is ready once it is open, or could not be).
    void publish(const ui::AppState& state, bool fontLoaded, bool opening);

private:
    std::string last_;
    int framesSinceLoad_ = 0;
};

}  // namespace inspectonce::web
