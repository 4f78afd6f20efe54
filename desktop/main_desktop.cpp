// InspectOnce on the desktop: the shared ImGui screens in an SDL2 + OpenGL window.
// `--screenshot FILE --frames N` renders N frames, saves the window as PNG and exits
// (the smoke test under Xvfb uses it).
#include <SDL.h>
#include <SDL_opengl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>
#include <vector>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "sdl_runner.hpp"

namespace {

std::string executableDirectory() {
    char buffer[4096];
    ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0) return ".";
    std::string exe(buffer, static_cast<std::size_t>(length));
    return exe.substr(0, exe.rfind('/'));
}

bool saveScreenshot(SDL_Window* window, const std::string& file) {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window, &width, &height);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);  // OpenGL's rows start at the bottom
    return stbi_write_png(file.c_str(), width, height, 3, pixels.data(), width * 3) != 0;
}

inspectonce::YearMonth currentMonth() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1};
}

}  // namespace

int main(int argc, char** argv) {
    using namespace inspectonce;
    ui::LaunchOptions launch;
    launch.fontFile = INSPECTONCE_DEFAULT_FONT;
    std::string screenshot;
    int frames = 0;

    CLI::App cli{"InspectOnce desktop"};
    cli.add_option("--plugin-dir", launch.pluginDir, "Where county plugins are loaded from");
    std::vector<std::string> pluginFiles;
    cli.add_option("--plugin", pluginFiles,
                   "A plugin file loaded after the directory; it replaces the plugin of its county (repeatable)");
    cli.add_option("--county", launch.county, "County shown first");
    cli.add_option("--month", launch.month, "Month shown first, YYYY-MM");
    cli.add_option("--screen", launch.screen, "Screen shown first: calendar, rules or decision")
        ->check(CLI::IsMember({"calendar", "rules", "decision"}));
    cli.add_option("--lang", launch.language, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    cli.add_option("--font", launch.fontFile, "The CJK font file");
    cli.add_option("--screenshot", screenshot, "Save the window as PNG after --frames frames, then exit");
    cli.add_option("--frames", frames, "Frames to render before the screenshot")->check(CLI::PositiveNumber);
    CLI11_PARSE(cli, argc, argv);

    ui::AppState state;
    ui::applyLaunchOptions(state, launch, currentMonth());
    state.loadPluginDirectory(resolvePluginDirectory(launch.pluginDir, executableDirectory() + "/../plugins"));
    for (const auto& file : pluginFiles) state.loadPluginFile(file, file);

    ui::SdlRunner runner;
    ui::RunnerConfig config;
    config.fontFile = launch.fontFile;
    if (auto opened = runner.open(config); !opened) {
        std::cerr << "inspectonce-desktop: " << opened.error().message() << "\n";
        return 1;
    }
    if (!runner.fontLoaded()) std::cerr << "inspectonce-desktop: font " << launch.fontFile << " not found; Chinese text will not show\n";

    int rendered = 0;
    bool shot = false, saved = false;
    auto capture = [&] {
        if (screenshot.empty() || ++rendered < (frames > 0 ? frames : 10)) return;
        saved = saveScreenshot(runner.window(), screenshot);
        shot = true;
    };
    while (!shot && runner.frame(state, capture)) {
    }
    runner.close();
    if (shot && !saved) std::cerr << "inspectonce-desktop: cannot write " << screenshot << "\n";
    return shot && !saved ? 1 : 0;
}
