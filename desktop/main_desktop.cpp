// InspectOnce on the desktop: the shared ImGui screens in an SDL2 + OpenGL window.
// `--screenshot FILE --frames N` renders N frames, saves the window as PNG and exits
// (the smoke test under Xvfb uses it). `--measure-frames N` renders N frames after a
// warm-up and prints their times (the README's frame-time figures).
#include <SDL.h>
#include <SDL_opengl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "screens.hpp"
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

std::tm localNow() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local;
}

// Where the workspace and exports live unless told: the XDG data directory.
std::filesystem::path dataDirectory() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "inspectonce";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".local/share/inspectonce";
    return "inspectonce-data";
}

// Files the official exports or prints go to `directory`; the status bar says where.
inspectonce::Result<std::string> writeExport(const std::filesystem::path& directory, const std::string& name,
                                             const std::string& bytes) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    std::filesystem::path file = directory / name;
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    out.close();
    if (!out) return inspectonce::makeError(file.string(), "cannot be written");
    return file.string();
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
    cli.add_option("--screen", launch.screen, "Screen shown first: " + ui::screenIdList())
        ->check(CLI::IsMember(ui::screenIds()));
    cli.add_option("--lang", launch.language, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    cli.add_option("--font", launch.fontFile, "The CJK font file");
    std::string workspaceFile = (dataDirectory() / "workspace.db").string();
    cli.add_option("--workspace", workspaceFile,
                   "The workspace file; made with the demo county when missing (default: " + workspaceFile + ")");
    std::string exportDir = (dataDirectory() / "exports").string();
    cli.add_option("--export-dir", exportDir, "Where exports and printable pages are written (default: " + exportDir + ")");
    std::string today;
    cli.add_option("--today", today, "The working day deadlines are counted to, YYYY-MM-DD (default: the clock's)");
    cli.add_option("--screenshot", screenshot, "Save the window as PNG after --frames frames, then exit");
    cli.add_option("--frames", frames, "Frames to render before the screenshot")->check(CLI::PositiveNumber);
    int measured = 0;
    cli.add_option("--measure-frames", measured, "Render this many frames, print their mean, 95th percentile and worst time, exit")
        ->check(CLI::PositiveNumber);
    CLI11_PARSE(cli, argc, argv);

    std::tm now = localNow();
    ui::AppState state;
    ui::applyLaunchOptions(state, launch, {now.tm_year + 1900, now.tm_mon + 1});
    state.loadPluginDirectory(resolvePluginDirectory(launch.pluginDir, executableDirectory() + "/../plugins"));
    for (const auto& file : pluginFiles) state.loadPluginFile(file, file);

    if (today.empty()) {
        auto clock = Date::fromYmd(now.tm_year + 1900, now.tm_mon + 1, now.tm_mday);
        if (clock) state.today = *clock;
    } else if (auto day = Date::parse(today); day) {
        state.today = *day;
    } else {
        std::cerr << "inspectonce-desktop: --today " << today << ": " << day.error().message() << "\n";
        return 2;
    }
    if (!std::filesystem::exists(workspaceFile)) {
        std::error_code ignored;
        std::filesystem::create_directories(std::filesystem::path(workspaceFile).parent_path(), ignored);
        const LoadedPlugin* plugin = state.selectedPlugin();
        auto demo = plugin ? ui::demoWorkspace(plugin->policy, state.today)
                           : Result<Workspace>(makeError(state.county, "no plugin for this county"));
        Status made = demo ? state.workspace.create(workspaceFile, *demo) : Status(demo.error());
        if (!made) std::cerr << "inspectonce-desktop: the demo workspace: " << made.error().message() << "\n";
    } else if (Status opened = state.workspace.open(workspaceFile); !opened) {
        std::cerr << "inspectonce-desktop: " << opened.error().message() << "\n";
    }
    std::filesystem::path exports = exportDir;
    state.files.save = [exports](const std::string& name, const std::string&, const std::string& bytes) {
        return writeExport(exports, name, bytes);
    };
    state.files.print = [exports](const std::string& name, const std::string& html) {
        return writeExport(exports, name, html);
    };

    ui::SdlRunner runner;
    ui::RunnerConfig config;
    config.fontFile = launch.fontFile;
    if (auto opened = runner.open(config); !opened) {
        std::cerr << "inspectonce-desktop: " << opened.error().message() << "\n";
        return 1;
    }
    if (!runner.fontLoaded()) std::cerr << "inspectonce-desktop: font " << launch.fontFile << " not found; Chinese text will not show\n";

    if (measured > 0) {
        runner.setSwapInterval(0);  // the frame's own work, not the display's refresh
        for (int i = 0; i < 10; ++i) runner.frame(state);  // warm-up: fonts, first layout, derived rows
        std::vector<double> millis;
        for (int i = 0; i < measured; ++i) {
            auto started = std::chrono::steady_clock::now();
            if (!runner.frame(state)) break;
            millis.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
        }
        runner.close();
        if (millis.empty()) return 1;
        std::vector<double> sorted = millis;
        std::sort(sorted.begin(), sorted.end());
        double mean = 0;
        for (double m : millis) mean += m / static_cast<double>(millis.size());
        std::printf("screen %s, %zu enterprises: %zu frames, mean %.2f ms, p95 %.2f ms, worst %.2f ms\n", state.screen.c_str(),
                    state.workspace.workspace() ? state.workspace.workspace()->enterprises.size() : std::size_t{0}, millis.size(),
                    mean, sorted[sorted.size() * 95 / 100], sorted.back());
        return 0;
    }

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
