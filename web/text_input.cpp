#include "text_input.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <string>

EM_JS(char*, inspectonce_take_typed_text, (), {
    var text = Module['inspectonceTakeTypedText']();
    return text ? allocateUTF8(text) : 0;
});
EM_JS(void, inspectonce_follow_text_field, (int editing, float x, float y, float height), {
    Module['inspectonceFollowTextField'](editing, x, y, height);
});

EM_JS(void, inspectonce_copy_text, (const char* text), { Module['inspectonceCopyText'](UTF8ToString(text)); });

namespace inspectonce::web {
namespace {

void copyToBrowser(void*, const char* text) { inspectonce_copy_text(text); }
// Pastes come through the <input>'s paste event (text_input.js); ImGui's own reads nothing.
const char* nothingToPaste(void*) { return ""; }

// The text field ImGui is editing now (this ImGui, 1.86, has no public call for it): the
// active widget owns the one InputTextState.
const ImGuiInputTextState* editedField() {
    const ImGuiContext& g = *GImGui;
    if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) return nullptr;
    if (g.InputTextState.Flags & ImGuiInputTextFlags_ReadOnly) return nullptr;
    return &g.InputTextState;
}

}  // namespace

void TextInputBridge::useBrowserClipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = copyToBrowser;
    io.GetClipboardTextFn = nothingToPaste;
    io.ClipboardUserData = nullptr;
}

void TextInputBridge::deliverTypedText() {
    // ImGui drops characters typed while Ctrl (or Cmd) is down: a paste waits for its release.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeySuper) return;
    char* text = inspectonce_take_typed_text();
    if (!text) return;
    // Only into a field being edited: a commit that lands after the field closed is dropped.
    if (editedField()) ImGui::GetIO().AddInputCharactersUTF8(text);
    std::free(text);
}

void TextInputBridge::followActiveField() {
    const ImGuiContext& g = *GImGui;
    bool editing = editedField() != nullptr;
    // The caret's top-left, set while the field drew its caret this frame.
    float x = g.PlatformImePos.x, y = g.PlatformImePos.y, height = g.FontSize;
    if (editing == editing_ && (!editing || (x == x_ && y == y_ && height == height_))) return;
    editing_ = editing;
    x_ = x;
    y_ = y;
    height_ = height;
    inspectonce_follow_text_field(editing ? 1 : 0, x, y, height);
}

nlohmann::json activeTextField() {
    const ImGuiInputTextState* field = editedField();
    if (!field) return {{"editing", false}, {"text", ""}};
    std::string text(static_cast<std::size_t>(field->CurLenW) * 4 + 1, '\0');
    int length = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), field->TextW.Data, field->TextW.Data + field->CurLenW);
    text.resize(static_cast<std::size_t>(length));
    return {{"editing", true}, {"text", text}};
}

}  // namespace inspectonce::web
