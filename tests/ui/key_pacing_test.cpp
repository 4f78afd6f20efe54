// KeyPacing: every key press is seen by ImGui for at least one frame, and the order of
// events is kept, however many arrive between two frames.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

#include "key_pacing.hpp"

namespace inspectonce::ui {
namespace {

SDL_Event key(Uint32 type, SDL_Scancode scancode, Uint16 mod = KMOD_NONE) {
    SDL_Event event{};
    event.type = type;
    event.key.keysym.scancode = scancode;
    event.key.keysym.mod = mod;
    return event;
}

SDL_Event text(const char* typed) {
    SDL_Event event{};
    event.type = SDL_TEXTINPUT;
    std::snprintf(event.text.text, sizeof event.text.text, "%s", typed);
    return event;
}

// Each event as "down:<scancode>", "up:<scancode>" or "text:<text>".
std::vector<std::string> described(const std::vector<SDL_Event>& events) {
    std::vector<std::string> out;
    for (const SDL_Event& event : events) {
        if (event.type == SDL_KEYDOWN) out.push_back("down:" + std::to_string(event.key.keysym.scancode));
        else if (event.type == SDL_KEYUP) out.push_back("up:" + std::to_string(event.key.keysym.scancode));
        else if (event.type == SDL_TEXTINPUT) out.push_back(std::string("text:") + event.text.text);
        else out.push_back("other");
    }
    return out;
}

const std::string backspace = std::to_string(SDL_SCANCODE_BACKSPACE);
const std::string a = std::to_string(SDL_SCANCODE_A);
const std::string ctrl = std::to_string(SDL_SCANCODE_LCTRL);

TEST(KeyPacing, AKeyPressedAndReleasedBetweenTwoFramesIsDownForOneFrame) {
    KeyPacing pacing;
    pacing.add(key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE));
    pacing.add(key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE));
    EXPECT_EQ(described(pacing.takeFrame()), std::vector<std::string>{"down:" + backspace});
    EXPECT_EQ(described(pacing.takeFrame()), std::vector<std::string>{"up:" + backspace});
    EXPECT_TRUE(pacing.empty());
    EXPECT_TRUE(pacing.takeFrame().empty());
}

TEST(KeyPacing, WhatFollowsAHeldReleaseWaitsWithItInOrder) {
    KeyPacing pacing;
    // "a" typed, then Backspace, all between two frames: four frames, the order kept.
    for (const SDL_Event& event : {key(SDL_KEYDOWN, SDL_SCANCODE_A), text("a"), key(SDL_KEYUP, SDL_SCANCODE_A),
                                   key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE), key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE)})
        pacing.add(event);
    EXPECT_EQ(described(pacing.takeFrame()), (std::vector<std::string>{"down:" + a, "text:a"}));
    EXPECT_EQ(described(pacing.takeFrame()), (std::vector<std::string>{"up:" + a, "down:" + backspace}));
    EXPECT_EQ(described(pacing.takeFrame()), std::vector<std::string>{"up:" + backspace});
    EXPECT_TRUE(pacing.empty());
}

TEST(KeyPacing, AReleaseOfAKeyDownSinceAnEarlierFramePassesAtOnce) {
    KeyPacing pacing;
    pacing.add(key(SDL_KEYDOWN, SDL_SCANCODE_LCTRL, KMOD_LCTRL));
    EXPECT_EQ(pacing.takeFrame().size(), 1u);
    // Ctrl held across frames, then A pressed with it and everything released.
    for (const SDL_Event& event : {key(SDL_KEYDOWN, SDL_SCANCODE_A, KMOD_LCTRL), key(SDL_KEYUP, SDL_SCANCODE_LCTRL),
                                   key(SDL_KEYUP, SDL_SCANCODE_A)})
        pacing.add(event);
    EXPECT_EQ(described(pacing.takeFrame()), (std::vector<std::string>{"down:" + a, "up:" + ctrl}));
    EXPECT_EQ(described(pacing.takeFrame()), std::vector<std::string>{"up:" + a});
}

TEST(KeyPacing, ModifiersAreThoseOfTheEventNotOfTheKeyboardNow) {
    ImGuiContext* context = ImGui::CreateContext();
    applyEventModifiers(key(SDL_KEYDOWN, SDL_SCANCODE_V, KMOD_LCTRL | KMOD_RSHIFT));
    EXPECT_TRUE(ImGui::GetIO().KeyCtrl);
    EXPECT_TRUE(ImGui::GetIO().KeyShift);
    EXPECT_FALSE(ImGui::GetIO().KeyAlt);
    applyEventModifiers(text("v"));  // not a key event: leaves them
    EXPECT_TRUE(ImGui::GetIO().KeyCtrl);
    applyEventModifiers(key(SDL_KEYUP, SDL_SCANCODE_LCTRL, KMOD_RSHIFT));
    EXPECT_FALSE(ImGui::GetIO().KeyCtrl);
    EXPECT_TRUE(ImGui::GetIO().KeyShift);
    ImGui::DestroyContext(context);
}

}  // namespace
}  // namespace inspectonce::ui
