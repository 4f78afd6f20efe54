#include "key_pacing.hpp"

#include <imgui.h>

#include <bitset>

namespace inspectonce::ui {

void KeyPacing::add(const SDL_Event& event) { queued_.push_back(event); }

std::vector<SDL_Event> KeyPacing::takeFrame() {
    std::bitset<SDL_NUM_SCANCODES> wentDown;
    std::vector<SDL_Event> frame;
    while (!queued_.empty()) {
        const SDL_Event& event = queued_.front();
        if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
            auto key = static_cast<std::size_t>(event.key.keysym.scancode);
            if (key < wentDown.size()) {
                if (event.type == SDL_KEYUP && wentDown[key]) break;
                if (event.type == SDL_KEYDOWN) wentDown[key] = true;
            }
        }
        frame.push_back(event);
        queued_.pop_front();
    }
    return frame;
}

void applyEventModifiers(const SDL_Event& keyEvent) {
    if (keyEvent.type != SDL_KEYDOWN && keyEvent.type != SDL_KEYUP) return;
    ImGuiIO& io = ImGui::GetIO();
    Uint16 mod = keyEvent.key.keysym.mod;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
}

}  // namespace inspectonce::ui
