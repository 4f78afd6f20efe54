// Loads county policy plugins at run time: shared libraries natively (dlopen), Emscripten
// side modules in wasm. A plugin is checked before it is used (file, imports, entry point,
// ABI version, id, parameter file); a plugin that fails any check is refused with the
// reason and leaves the plugins already loaded untouched.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"

struct InspectoncePlugin;

namespace inspectonce {

// The checks load() applies to a plugin file, in the order it applies them; the first one
// that fails refuses the plugin. `inspectonce policy check` reports them one by one.
enum class PluginCheck {
    File,            // the path is a regular file
    Format,          // wasm: a readable WebAssembly module
    EntryPoint,      // it exports inspectonce_plugin_entry
    Imports,         // wasm: it imports only what plugins/sdk/host_exports.txt lists
    Exports,         // wasm: it exports nothing besides its entry point
    Loads,           // the dynamic loader accepts it (natively: every symbol resolves)
    AbiVersion,      // its descriptor's abi_version is this host's
    DescriptorSize,  // its descriptor is as large as this host's
    Id,              // its id is a county id
    Version,         // it names its own version
    ParameterFile,   // it carries a parameter file that PolicyData::fromJson accepts
    County,          // the parameter file's county is the plugin's id
};

// The checks this platform applies, in order (natively there is no Format, Imports or
// Exports step: dlopen itself refuses a bad file or an unresolved symbol).
const std::vector<PluginCheck>& pluginChecks();
// "imports", "ABI version" …: a short name, the same in both languages, for output keys.
std::string_view pluginCheckName(PluginCheck check);
// What the check makes sure of, e.g. 只导入宿主提供的函数 / imports only what the host provides.
Text describePluginCheck(PluginCheck check);

struct LoadedPlugin {
    std::string id;
    std::string version;
    unsigned abiVersion = 0;
    std::string file;     // the path it was loaded from
    PolicyData policy;
    // The plugin's code for what its data cannot express (InspectonceHookFn of the SDK);
    // null when every rule is data. Valid while the host lives: it keeps plugins open.
    int32_t (*hook)(const char* name, const char* request, uint32_t requestSize, char* response,
                    uint32_t responseCapacity) = nullptr;

    bool hasHook() const { return hook != nullptr; }
};

class PluginHost {
public:
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // The file suffix plugins have on this platform: ".so" natively, ".wasm" in wasm.
    static std::string_view pluginSuffix();

    // Loads one plugin file. A plugin with the id of one already loaded replaces it
    // (a policy author's modified county); `replaced` tells which file it replaced.
    // On refusal, `failed` (if given) tells which check failed.
    Result<const LoadedPlugin*> load(const std::string& path, std::string* replaced = nullptr,
                                     PluginCheck* failed = nullptr);

    struct DirectoryReport {
        std::vector<std::string> loaded;   // ids, in file-name order
        std::vector<Error> refused;        // one per file that failed its checks
    };
    // Loads every plugin file in `directory` (sorted by name). A missing directory is an
    // error; a bad file is reported and skipped; two files with one id: the second is refused.
    Result<DirectoryReport> loadDirectory(const std::string& directory);

    const std::vector<LoadedPlugin>& plugins() const { return plugins_; }  // sorted by id
    const LoadedPlugin* find(std::string_view id) const;

private:
    std::vector<LoadedPlugin> plugins_;
    std::vector<void*> handles_;  // kept open for the process lifetime: hooks run inside them
};

// Where plugins come from: `flag` if given, else $INSPECTONCE_PLUGIN_DIR, else `fallback`.
std::string resolvePluginDirectory(const std::string& flag, const std::string& fallback);

}  // namespace inspectonce
