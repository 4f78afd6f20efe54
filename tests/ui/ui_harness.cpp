#include "ui_harness.hpp"

#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <cstdio>
#include <unistd.h>
#include <stdexcept>

#include "screens.hpp"

namespace inspectonce::test {
namespace {

std::vector<std::string> g_texts;

// Splits ImGui's log buffer (one line per rendered text, roughly) into pieces.
std::vector<std::string> lines(const char* buffer) {
    std::vector<std::string> out;
    std::string current;
    for (const char* c = buffer; *c; ++c) {
        if (*c == '\n') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += *c;
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

}  // namespace

HeadlessApp::HeadlessApp(const std::string& county, int64_t enterprises, const char* today) {
    static int counter = 0;
    // The process id too: CTest runs the tests of this binary in parallel processes.
    path_ = std::string(INSPECTONCE_TEST_TMP_DIR) + "/ui-" + county + "-" + std::to_string(::getpid()) + "-" +
            std::to_string(++counter) + ".db";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path_ + suffix).c_str());

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    static const ImWchar everything[] = {0x0020, 0xFFFF, 0};
    ImFontConfig config;
    config.OversampleH = 1;
    if (!io.Fonts->AddFontFromFileTTF(INSPECTONCE_FONT_FILE, 18.0f, &config, everything))
        throw std::runtime_error("cannot load " + std::string(INSPECTONCE_FONT_FILE));
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

    state.county = county;
    state.today = Date::parse(today).value();
    state.loadPluginDirectory(INSPECTONCE_PLUGIN_DIR);
    const LoadedPlugin* plugin = state.plugins.find(county);
    if (!plugin) throw std::runtime_error("no plugin " + county);
    auto demo = ui::demoWorkspace(plugin->policy, state.today, enterprises);
    if (!demo) throw std::runtime_error(demo.error().message());
    if (Status made = state.workspace.create(path_, *demo); !made) throw std::runtime_error(made.error().message());
}

HeadlessApp::~HeadlessApp() {
    state.workspace.close();
    ImGui::DestroyContext();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path_ + suffix).c_str());
}

void HeadlessApp::frame(int count) {
    // ImGui stops logging at the end of the app's window (and then clears a log buffer), so
    // the text goes to a file, read back after the frame.
    std::string log = path_ + ".log";
    for (int i = 0; i < count; ++i) {
        ImGui::NewFrame();
        ImGui::LogToFile(-1, log.c_str());
        ui::drawApp(state);
        ImGui::LogFinish();  // when the window did not end it
        ImGui::Render();
    }
    std::string text;
    if (FILE* file = std::fopen(log.c_str(), "rb")) {
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
        std::fclose(file);
    }
    std::remove(log.c_str());
    g_texts = lines(text.c_str());
}

void HeadlessApp::show(const std::string& screen) {
    state.screen = screen;
    frame(2);
}

void HeadlessApp::click(const std::string& mark) {
    auto found = state.marks.find(mark);
    ASSERT_NE(found, state.marks.end()) << "no widget marked " << mark << " was drawn";
    const auto& r = found->second;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(r[0] + r[2] / 2, r[1] + r[3] / 2);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();
}

void HeadlessApp::settle() {
    // Bounded, so a work that never ends fails the test instead of hanging it.
    for (int i = 0; i < 100000 && !state.longWork.empty(); ++i) frame();
    EXPECT_TRUE(state.longWork.empty()) << "long work still running after 100 000 frames";
    frame();
}

const ui::StatusMessage& HeadlessApp::lastMessage() const {
    static const ui::StatusMessage none{{"（没有消息）", "(no message)"}, true};
    if (state.messages.empty()) {
        ADD_FAILURE() << "no status message was given";
        return none;
    }
    return state.messages.back();
}

const std::vector<std::string>& HeadlessApp::texts() const { return g_texts; }

bool HeadlessApp::shows(const std::string& part) const {
    for (const auto& text : g_texts)
        if (text.find(part) != std::string::npos) return true;
    return false;
}

std::vector<std::string> HeadlessApp::missingGlyphs() const {
    std::vector<std::string> missing;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (const auto& text : g_texts) {
        const char* c = text.c_str();
        const char* end = c + text.size();
        while (c < end) {
            unsigned int codepoint = 0;
            const char* start = c;
            c += ImTextCharFromUtf8(&codepoint, c, end);
            if (codepoint < 0x20 || codepoint == 0xFFFD) continue;
            if (!font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint))) {
                std::string glyph(start, c);
                bool seen = false;
                for (const auto& m : missing) seen = seen || m == glyph;
                if (!seen) missing.push_back(glyph);
            }
        }
    }
    return missing;
}

std::vector<double> risingProgress(const std::vector<double>& seen) {
    std::vector<double> rising;
    for (double f : seen)
        if (f > 0 && f < 1 && (rising.empty() || f > rising.back())) rising.push_back(f);
    return rising;
}

}  // namespace inspectonce::test
