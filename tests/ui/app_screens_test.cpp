// Every screen over a real demo workspace, in Chinese and in English: it draws, says
// something of its own, and every glyph it draws is in the subset font.
#include <gtest/gtest.h>

#include "screens.hpp"
#include "ui_harness.hpp"

namespace inspectonce::test {

TEST(AppScreens, EveryScreenDrawsWithEveryGlyphInTheFont) {
    HeadlessApp app("yunhe");
    for (Language language : {Language::Chinese, Language::English}) {
        app.state.language = language;
        for (const auto& screen : ui::screenIds()) {
            app.show(screen);
            EXPECT_FALSE(app.texts().empty()) << screen;
            EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{}) << screen;
        }
    }
}

TEST(AppScreens, SettingsShowTheOpenWorkspace) {
    HeadlessApp app("yunhe");
    app.show("settings");
    EXPECT_TRUE(app.shows("云和县 · 2026"));
    EXPECT_TRUE(app.shows("企业 300"));
    app.state.language = Language::English;
    app.frame();
    EXPECT_TRUE(app.shows("enterprises 300"));
}

}  // namespace inspectonce::test

namespace inspectonce::test {

// The glyph check itself: a character the subset font lacks is reported.
TEST(AppScreens, AGlyphMissingFromTheFontIsReported) {
    HeadlessApp app("yunhe");
    app.state.say({"雪人 ☃", "snowman ☃"});
    app.show("settings");
    EXPECT_EQ(app.missingGlyphs(), std::vector<std::string>{"☃"});
}

}  // namespace inspectonce::test
