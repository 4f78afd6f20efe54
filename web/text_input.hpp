// The input-method bridge (text_input.js does the page's part): while an ImGui text field is
// edited, a real HTML <input> sits over its caret with the keyboard focus, so the system's
// input method composes Chinese there; what it commits is typed into the ImGui field on the
// next frame. Pastes from the system clipboard come the same way.
#pragma once

#include <nlohmann/json.hpp>

namespace inspectonce::web {

class TextInputBridge {
public:
    // After ImGui's backend is set up: copy and cut go to the browser's clipboard, and a paste
    // arrives as typed text through the <input> (SDL's clipboard is the page's own).
    static void useBrowserClipboard();
    // Between the frame's events and its drawing: the text committed in the <input> since
    // the last frame, to ImGui (held while Ctrl is down, which makes ImGui drop characters).
    void deliverTypedText();
    // After the frame: puts the <input> over the edited field's caret, or takes it away.
    void followActiveField();

private:
    bool editing_ = false;
    float x_ = -1, y_ = -1, height_ = 0;
};

// The ImGui text field being edited, for tests: {editing, text}.
nlohmann::json activeTextField();

}  // namespace inspectonce::web
