// A headless app for the screen tests: the real AppState with the county plugins and a demo
// workspace in a temporary file, and ImGui frames drawn without a GPU (the font atlas is
// built, draw lists are made, nothing is rendered). `frame()` draws the whole app once;
// `click(label)` presses the widget whose label was drawn last frame (found through the
// text ImGui was asked to draw, see ui_harness.cpp).
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"

namespace inspectonce::test {

class HeadlessApp {
public:
    // county: the plugin the demo workspace is made for; enterprises: its size.
    explicit HeadlessApp(const std::string& county = "yunhe", int64_t enterprises = 300, const char* today = "2026-03-16");
    ~HeadlessApp();
    HeadlessApp(const HeadlessApp&) = delete;
    HeadlessApp& operator=(const HeadlessApp&) = delete;

    ui::AppState state;

    // Draws `count` frames of the whole app.
    void frame(int count = 1);
    // Shows `screen` (a screen id) and draws two frames.
    void show(const std::string& screen);
    // Presses the widget drawn under `mark` last frame (widgets.hpp markItem) with the mouse,
    // as an official does: over it for a frame, down, up (the widget acts), one more frame so
    // texts() shows what followed. A missing mark fails the test.
    void click(const std::string& mark);
    // Draws frames until every queued long work is done (AppState::runSteps), then one more.
    void settle();
    // The newest status message. None yet fails the test (and gives an empty problem
    // message), so a test reads it without first checking that there is one.
    const ui::StatusMessage& lastMessage() const;
    // Every piece of text drawn in the last frame, in drawing order.
    const std::vector<std::string>& texts() const;
    // True when some text drawn in the last frame contains `part`.
    bool shows(const std::string& part) const;
    // Glyphs drawn in the last frame that the loaded font does not have (shown as '?').
    std::vector<std::string> missingGlyphs() const;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// The progress values seen part-way (0 < f < 1) that rose above the one before: how many
// frames showed a long work moving on.
std::vector<double> risingProgress(const std::vector<double>& seen);

}  // namespace inspectonce::test
