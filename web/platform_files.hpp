// The browser's PlatformFiles (files.js does the page's part): the file picker, downloads
// and the print window. Picked files reach the app on a later frame: takePickedFiles hands
// them to AppState::receiveFile with the purpose the screen asked for.
#pragma once

#include "app_state.hpp"

namespace inspectonce::web {

// Sets state.files.pick, save and print.
void installBrowserFiles(ui::AppState& state);
// Each frame: the files picked since the last call, to state.receiveFile (then removed from
// the virtual file system: the app keeps what it imported, not the file).
void takePickedFiles(ui::AppState& state);

}  // namespace inspectonce::web
