// Reads the import and export sections of a WebAssembly side module, so that the host can
// refuse a plugin that needs a function the host does not export *before* instantiating it
// (a missing import otherwise fails later, at call time, with an unreadable message).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"

namespace inspectonce::plugin {

struct WasmImport {
    std::string module;  // "env", "GOT.mem", "GOT.func"
    std::string name;
    uint8_t kind;        // 0 function, 1 table, 2 memory, 3 global
};

struct WasmInterface {
    std::vector<WasmImport> imports;
    std::vector<std::string> exports;
};

Result<WasmInterface> readWasmInterface(std::string_view bytes, const std::string& source);

// What the host's main module exports to plugins: plugins/sdk/host_exports.txt, compiled in.
std::vector<std::string> hostExports();

// Names every import the host cannot satisfy; empty when the plugin may be loaded.
std::vector<std::string> unsatisfiedImports(const WasmInterface& plugin,
                                            const std::vector<std::string>& hostExports);

// Names every export besides the entry point and the linker's own (`__…`). Emscripten's
// symbol table is shared by all side modules, so an exported global of one plugin would
// stand in for the same-named global of every plugin loaded after it.
std::vector<std::string> unexpectedExports(const WasmInterface& plugin);

}  // namespace inspectonce::plugin
