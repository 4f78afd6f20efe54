#include "sdl_runner.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <sys/stat.h>

#if defined(IMGUI_IMPL_OPENGL_ES3)
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace inspectonce::ui {
namespace {

bool fileExists(const std::string& path) {
    struct stat info{};
    return !path.empty() && ::stat(path.c_str(), &info) == 0;
}

// The subset font holds exactly the glyphs the app needs (see tools/font/subset-font), so
// the whole Basic Multilingual Plane is asked for and ImGui keeps what the font has.
bool loadFont(const std::string& file, float size) {
    static const ImWchar everything[] = {0x0020, 0xFFFF, 0};
    ImGuiIO& io = ImGui::GetIO();
    if (!fileExists(file)) {
        io.Fonts->AddFontDefault();
        return false;
    }
    ImFontConfig config;
    config.OversampleH = 1;  // keeps the atlas of ~4 000 CJK glyphs within 2048 × 2048
    return io.Fonts->AddFontFromFileTTF(file.c_str(), size, &config, everything) != nullptr;
}

void applyStyle() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.CellPadding = ImVec2(6, 4);
}

}  // namespace

Status SdlRunner::open(const RunnerConfig& config) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return makeError("SDL_Init", SDL_GetError());
    const char* glsl = nullptr;
    if (config.gles) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        glsl = "#version 300 es";
    } else {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        glsl = "#version 130";
    }
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    window_ = SDL_CreateWindow(config.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, config.width,
                               config.height, flags);
    if (!window_) return makeError("SDL_CreateWindow", SDL_GetError());
    glContext_ = SDL_GL_CreateContext(window_);
    if (!glContext_) return makeError("SDL_GL_CreateContext", SDL_GetError());
    SDL_GL_MakeCurrent(window_, glContext_);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is the app's, not a file's
    applyStyle();
    ImGui_ImplSDL2_InitForOpenGL(window_, glContext_);
    ImGui_ImplOpenGL3_Init(glsl);
    fontLoaded_ = loadFont(config.fontFile, config.fontSize);
    SDL_StartTextInput();
    return Ok{};
}

bool SdlRunner::frame(AppState& state, const std::function<void()>& beforePresent) {
    if (!handleEvents()) return false;
    drawFrame(state, beforePresent);
    return true;
}

bool SdlRunner::handleEvents() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) pacing_.add(event);
    for (const SDL_Event& paced : pacing_.takeFrame()) {
        ImGui_ImplSDL2_ProcessEvent(&paced);
        applyEventModifiers(paced);
        if (paced.type == SDL_QUIT) return false;
        if (paced.type == SDL_WINDOWEVENT && paced.window.event == SDL_WINDOWEVENT_CLOSE &&
            paced.window.windowID == SDL_GetWindowID(window_))
            return false;
    }
    return true;
}

void SdlRunner::drawFrame(AppState& state, const std::function<void()>& beforePresent) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    drawApp(state);
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (beforePresent) beforePresent();
    SDL_GL_SwapWindow(window_);
}

void SdlRunner::resize(int width, int height) {
    int current[2];
    SDL_GetWindowSize(window_, &current[0], &current[1]);
    if (current[0] != width || current[1] != height) SDL_SetWindowSize(window_, width, height);
}

void SdlRunner::setSwapInterval(int interval) { SDL_GL_SetSwapInterval(interval); }

void SdlRunner::close() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    if (glContext_) SDL_GL_DeleteContext(glContext_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

}  // namespace inspectonce::ui
