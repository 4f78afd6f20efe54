// Loads county policy plugins at run time: shared libraries natively (dlopen), Emscripten
// side modules in wasm. A plugin is checked before it is used (file, imports, entry point,
// ABI version, id, parameter file); a plugin that fails any check is refused with the
// reason and leaves the plugins already loaded untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"

struct InspectoncePlugin;

namespace inspectonce {

struct LoadedPlugin {
    std::string id;
    std::string version;
    unsigned abiVersion = 0;
    std::string file;     // the path it was loaded from
    PolicyData policy;
    bool hasHook = false;
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
    Result<const LoadedPlugin*> load(const std::string& path, std::string* replaced = nullptr);

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
