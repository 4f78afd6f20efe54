// The host reads a side module's imports and exports before instantiating it, so that a
// plugin needing a function the host lacks, or exporting a global that would collide with
// another plugin's, is refused with a reason instead of failing obscurely later.
#include <gtest/gtest.h>

#include "plugin/wasm_module.hpp"

namespace inspectonce::plugin {
namespace {

std::string section(uint8_t id, const std::string& payload) {
    return std::string(1, static_cast<char>(id)) + static_cast<char>(payload.size()) + payload;
}
std::string name(const std::string& n) { return static_cast<char>(n.size()) + n; }
const std::string kHeader("\0asm\1\0\0\0", 8);

TEST(WasmModule, ReadsImportsAndExports) {
    std::string imports = std::string(1, 3) + name("env") + name("memory") + '\2' + '\0' + '\1' +
                          name("env") + name("strlen") + '\0' + '\0' +
                          name("GOT.mem") + name("own_data") + '\3' + '\x7f' + '\1';
    std::string exports = std::string(1, 2) + name("inspectonce_plugin_entry") + '\0' + '\1' + name("own_data") + '\3' + '\0';
    auto module = readWasmInterface(kHeader + section(2, imports) + section(7, exports), "m.wasm");
    ASSERT_TRUE(module) << module.error().message();
    ASSERT_EQ(module->imports.size(), 3u);
    EXPECT_EQ(module->imports[1].module, "env");
    EXPECT_EQ(module->imports[1].name, "strlen");
    EXPECT_EQ(module->imports[1].kind, 0);
    EXPECT_EQ(module->exports, (std::vector<std::string>{"inspectonce_plugin_entry", "own_data"}));
    EXPECT_TRUE(unsatisfiedImports(*module, hostExports()).empty());  // strlen is allowed; own_data is its own
    EXPECT_EQ(unexpectedExports(*module), std::vector<std::string>{"own_data"});
}

TEST(WasmModule, NamesImportsTheHostDoesNotProvide) {
    WasmInterface module{{{"env", "memory", 2}, {"env", "printf", 0}, {"GOT.func", "malloc", 3}, {"wasi", "fd_write", 0}},
                         {"inspectonce_plugin_entry", "__wasm_call_ctors"}};
    EXPECT_EQ(unsatisfiedImports(module, hostExports()),
              (std::vector<std::string>{"env.printf", "GOT.func.malloc", "wasi.fd_write"}));
    EXPECT_TRUE(unexpectedExports(module).empty());
}

TEST(WasmModule, HostExportsAreTheSdkContract) {
    auto exports = hostExports();
    EXPECT_EQ(exports.front(), "memcpy");
    EXPECT_NE(std::find(exports.begin(), exports.end(), "strlen"), exports.end());
    EXPECT_EQ(std::find(exports.begin(), exports.end(), "malloc"), exports.end());
}

TEST(WasmModule, RejectsWhatIsNotWebAssembly) {
    auto notWasm = readWasmInterface("\x7f" "ELF\2\1\1\0", "x.so");
    ASSERT_FALSE(notWasm);
    EXPECT_EQ(notWasm.error().message(), "x.so: not a WebAssembly module (no \\0asm version 1 header)");
    auto truncated = readWasmInterface(kHeader + std::string("\2\x10\1", 3), "t.wasm");
    ASSERT_FALSE(truncated);
    EXPECT_NE(truncated.error().why.find("malformed WebAssembly module"), std::string::npos);
}

}  // namespace
}  // namespace inspectonce::plugin
