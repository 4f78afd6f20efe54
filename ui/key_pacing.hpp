// Dear ImGui 1.86 reads the keyboard as a state sampled once per frame (io.KeysDown), not
// as a queue of events: a key pressed and released between two frames is never seen down.
// On a slow frame (a large workspace, a busy machine) a quick Backspace or Ctrl+A was lost.
// KeyPacing hands each frame the events up to the release of a key that went down in the
// same frame; that release, and everything after it, waits for the next frame, so order is
// kept and every press is seen for at least one frame.
#pragma once

#include <SDL.h>

#include <deque>
#include <vector>

namespace inspectonce::ui {

class KeyPacing {
public:
    void add(const SDL_Event& event);  // in arrival order
    // The events the coming frame may see, in order; the rest stay queued.
    std::vector<SDL_Event> takeFrame();
    bool empty() const { return queued_.empty(); }

private:
    std::deque<SDL_Event> queued_;
};

// ImGui's SDL backend sets io.KeyCtrl/KeyShift/KeyAlt/KeySuper from SDL_GetModState(),
// the keyboard as it is now, not as it was when the event happened: with events held back,
// or several in one frame, a Ctrl released later would already read as up. The event's own
// modifiers are the ones that go with it.
void applyEventModifiers(const SDL_Event& keyEvent);

}  // namespace inspectonce::ui
