// The SDL2 + OpenGL + Dear ImGui frame loop shared by the desktop (OpenGL 3) and the
// browser (WebGL 2 through Emscripten). web/ and desktop/ only choose the GL flavour and
// drive the loop their platform's way.
#pragma once

#include <functional>
#include <string>

#include "app_state.hpp"
#include "key_pacing.hpp"

namespace inspectonce::ui {

struct RunnerConfig {
    const char* title = "InspectOnce";
    int width = 1280;
    int height = 800;
    bool gles = false;                    // true: OpenGL ES 3.0 / WebGL 2
    std::string fontFile;                 // the subset CJK font; empty or missing: ImGui's default
    float fontSize = 18.0f;
};

class SdlRunner {
public:
    Status open(const RunnerConfig& config);
    // Handles pending events, draws and presents one frame; false once the user quit.
    // `beforePresent` runs after rendering, while the frame is still in the back buffer.
    bool frame(AppState& state, const std::function<void()>& beforePresent = {});
    // The two halves of a frame, for a platform that acts between them (the browser hands
    // ImGui the text its input method committed once this frame's keys are known).
    bool handleEvents();  // false once the user quit
    void drawFrame(AppState& state, const std::function<void()>& beforePresent = {});
    void resize(int width, int height);
    void setSwapInterval(int interval);  // 0: present without waiting for the display
    void close();

    SDL_Window* window() const { return window_; }
    bool fontLoaded() const { return fontLoaded_; }

private:
    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
    bool fontLoaded_ = false;
    KeyPacing pacing_;
};

}  // namespace inspectonce::ui
