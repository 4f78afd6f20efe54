#include "platform_files.hpp"

#include <emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

EM_JS(void, inspectonce_pick_file, (const char* purpose, const char* accept), {
    Module['inspectoncePickFile'](UTF8ToString(purpose), UTF8ToString(accept));
});
EM_JS(char*, inspectonce_take_picked_files, (), {
    var taken = Module['inspectonceTakePickedFiles']();
    return taken ? allocateUTF8(taken) : 0;
});
EM_JS(void, inspectonce_save_file, (const char* name, const char* mime, const char* bytes, int length), {
    Module['inspectonceSaveFile'](UTF8ToString(name), UTF8ToString(mime), bytes, length);
});
EM_JS(char*, inspectonce_print, (const char* name, const char* html), {
    return allocateUTF8(Module['inspectoncePrint'](UTF8ToString(name), UTF8ToString(html)));
});

namespace inspectonce::web {

void installBrowserFiles(ui::AppState& state) {
    state.files.pick = [](const std::string& purpose, const std::string& accept) {
        inspectonce_pick_file(purpose.c_str(), accept.c_str());
    };
    state.files.save = [](const std::string& name, const std::string& mime, const std::string& bytes) -> Result<std::string> {
        inspectonce_save_file(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
        return name;  // the browser's download list shows where it went
    };
    state.files.print = [](const std::string& name, const std::string& html) -> Result<std::string> {
        char* how = inspectonce_print(name.c_str(), html.c_str());
        std::string shown = std::string(how) == "window" ? name : name + " (print frame: pop-ups are blocked)";
        std::free(how);
        return shown;
    };
}

void takePickedFiles(ui::AppState& state) {
    char* text = inspectonce_take_picked_files();
    if (!text) return;
    auto picked = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    std::free(text);
    if (!picked.is_array()) return;
    for (const auto& file : picked) {
        if (!file.is_object()) continue;
        std::string path = file.value("path", ""), name = file.value("name", ""), purpose = file.value("purpose", "");
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            state.say({name + "：无法读取所选文件", name + ": the picked file cannot be read"}, true);
            continue;
        }
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        in.close();
        std::remove(path.c_str());
        state.receiveFile(purpose, name, bytes);
    }
}

}  // namespace inspectonce::web
