#include "plugin/wasm_module.hpp"

#include <algorithm>
#include <sstream>

#include "embedded/embedded.hpp"
#include "inspectonce_plugin.h"

namespace inspectonce::plugin {
namespace {

// A bounds-checked reader over the module's bytes.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    bool done() const { return pos_ >= bytes_.size(); }
    std::size_t position() const { return pos_; }
    bool failed() const { return failed_; }

    uint8_t byte() {
        if (pos_ >= bytes_.size()) { failed_ = true; return 0; }
        return static_cast<uint8_t>(bytes_[pos_++]);
    }
    uint32_t leb() {
        uint32_t result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            uint8_t b = byte();
            result |= static_cast<uint32_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return result;
        }
        failed_ = true;
        return 0;
    }
    std::string name() {
        uint32_t length = leb();
        if (failed_ || length > bytes_.size() - pos_) { failed_ = true; return {}; }
        std::string out(bytes_.substr(pos_, length));
        pos_ += length;
        return out;
    }
    void skip(std::size_t n) {
        if (n > bytes_.size() - pos_) { failed_ = true; pos_ = bytes_.size(); return; }
        pos_ += n;
    }
    void limits() {
        uint8_t flags = byte();
        leb();
        if (flags & 1) leb();
    }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

void readImport(Reader& r, WasmInterface& out) {
    WasmImport import;
    import.module = r.name();
    import.name = r.name();
    import.kind = r.byte();
    switch (import.kind) {
        case 0: r.leb(); break;                 // function: type index
        case 1: r.byte(); r.limits(); break;    // table: element type, limits
        case 2: r.limits(); break;              // memory: limits
        case 3: r.byte(); r.byte(); break;      // global: value type, mutability
        default: break;
    }
    out.imports.push_back(std::move(import));
}

}  // namespace

Result<WasmInterface> readWasmInterface(std::string_view bytes, const std::string& source) {
    static constexpr std::string_view kMagic{"\0asm\1\0\0\0", 8};
    if (bytes.substr(0, 8) != kMagic)
        return makeError(source, "not a WebAssembly module (no \\0asm version 1 header)");
    Reader r(bytes.substr(8));
    WasmInterface out;
    while (!r.done() && !r.failed()) {
        uint8_t section = r.byte();
        uint32_t size = r.leb();
        std::size_t end = r.position() + size;
        if (section == 2 || section == 7) {
            uint32_t count = r.leb();
            for (uint32_t i = 0; i < count && !r.failed(); ++i) {
                if (section == 2) {
                    readImport(r, out);
                } else {
                    out.exports.push_back(r.name());
                    r.byte();
                    r.leb();
                }
            }
            if (!r.failed() && r.position() != end) break;  // inconsistent section size
        } else {
            r.skip(size);
        }
        if (r.position() != end) {
            return makeError(source, "malformed WebAssembly module: section " + std::to_string(section) +
                                         " ends at byte " + std::to_string(r.position() + 8) +
                                         ", expected " + std::to_string(end + 8));
        }
    }
    if (r.failed()) return makeError(source, "malformed WebAssembly module: truncated");
    return out;
}

std::vector<std::string> hostExports() {
    std::vector<std::string> names;
    std::istringstream lines{std::string(embedded::sdkFiles.begin()->text())};
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] != '#') names.push_back(line);
    return names;
}

std::vector<std::string> unsatisfiedImports(const WasmInterface& plugin,
                                            const std::vector<std::string>& hostExports) {
    // What Emscripten's dynamic linker gives every side module by itself.
    static const std::vector<std::string> kLinkerProvided = {
        "memory", "__indirect_function_table", "__stack_pointer", "__memory_base", "__table_base"};
    auto contains = [](const std::vector<std::string>& list, const std::string& name) {
        return std::find(list.begin(), list.end(), name) != list.end();
    };
    std::vector<std::string> missing;
    for (const auto& import : plugin.imports) {
        bool got = import.module == "GOT.mem" || import.module == "GOT.func";
        if (import.module != "env" && !got) {
            missing.push_back(import.module + "." + import.name);
            continue;
        }
        if (import.module == "env" && contains(kLinkerProvided, import.name)) continue;
        // A GOT entry may point at the plugin's own symbol; the linker resolves it locally.
        if (got && contains(plugin.exports, import.name)) continue;
        if (!contains(hostExports, import.name)) missing.push_back(import.module + "." + import.name);
    }
    return missing;
}

std::vector<std::string> unexpectedExports(const WasmInterface& plugin) {
    std::vector<std::string> unexpected;
    for (const auto& name : plugin.exports)
        if (name != INSPECTONCE_PLUGIN_ENTRY_NAME && name.rfind("__", 0) != 0) unexpected.push_back(name);
    return unexpected;
}

}  // namespace inspectonce::plugin
