#include "inspectonce/plugin_host.hpp"

#include <dlfcn.h>
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

#include "inspectonce_plugin.h"
#include "plugin/wasm_module.hpp"

namespace inspectonce {
namespace {

bool isRegularFile(const std::string& path) {
    struct stat info{};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

const char* const kNoEntryPoint = "no entry point " INSPECTONCE_PLUGIN_ENTRY_NAME
                                  ": not an InspectOnce plugin (declare it with INSPECTONCE_DECLARE_PLUGIN)";

[[maybe_unused]] std::string joined(const std::vector<std::string>& names) {
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    return list;
}

// In wasm, refuse a side module before instantiating it if it imports what the host does
// not export, or exports what would collide with other plugins. Natively dlopen(RTLD_NOW)
// reports undefined symbols itself and RTLD_LOCAL keeps plugins' symbols apart.
Status checkLinkage([[maybe_unused]] const std::string& path) {
#ifdef __EMSCRIPTEN__
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    IO_TRY(interface, plugin::readWasmInterface(bytes, path));
    const auto& exports = interface.exports;
    if (std::find(exports.begin(), exports.end(), INSPECTONCE_PLUGIN_ENTRY_NAME) == exports.end())
        return makeError(path, kNoEntryPoint);
    if (auto missing = plugin::unsatisfiedImports(interface, plugin::hostExports()); !missing.empty())
        return makeError(path, "the plugin imports " + joined(missing) +
                                   ", which the host does not provide; a plugin may import only "
                                   "what plugins/sdk/host_exports.txt lists");
    if (auto extra = plugin::unexpectedExports(interface); !extra.empty())
        return makeError(path, "the plugin exports " + joined(extra) +
                                   " besides its entry point; make them static or INSPECTONCE_HIDDEN");
#endif
    return Ok{};
}

std::string lastDlError() {
    const char* message = dlerror();
    return message ? message : "unknown dynamic loader error";
}

bool validId(const char* id) {
    if (!id || !*id) return false;
    for (const char* c = id; *c; ++c)
        if (!(std::islower(static_cast<unsigned char>(*c)) || std::isdigit(static_cast<unsigned char>(*c)) || *c == '-'))
            return false;
    return std::string_view(id).size() <= 32;
}

// Everything we require of a descriptor, checked in an order that never reads past what an
// older or foreign plugin could have filled in.
Result<LoadedPlugin> readDescriptor(const InspectoncePlugin* d, const std::string& path) {
    if (!d) return makeError(path, "inspectonce_plugin_entry() returned no descriptor");
    if (d->abi_version != INSPECTONCE_PLUGIN_ABI_VERSION)
        return makeError(path, "built for plugin ABI version " + std::to_string(d->abi_version) +
                                   ", this InspectOnce needs version " +
                                   std::to_string(INSPECTONCE_PLUGIN_ABI_VERSION) +
                                   ": rebuild it against this version's plugins/sdk");
    if (d->descriptor_size < sizeof(InspectoncePlugin))
        return makeError(path, "descriptor is " + std::to_string(d->descriptor_size) + " bytes, expected " +
                                   std::to_string(sizeof(InspectoncePlugin)));
    if (!validId(d->id))
        return makeError(path, std::string("plugin id \"") + (d->id ? d->id : "") +
                                   "\" is not a county id (lowercase letters, digits and '-')");
    if (!d->version || !*d->version) return makeError(path, "plugin has no version");
    if (!d->policy_json || d->policy_json_size == 0) return makeError(path, "plugin carries no parameter file");

    LoadedPlugin plugin;
    plugin.id = d->id;
    plugin.version = d->version;
    plugin.abiVersion = d->abi_version;
    plugin.file = path;
    plugin.hasHook = d->hook != nullptr;
    auto policy = PolicyData::fromJson(std::string_view(d->policy_json, d->policy_json_size),
                                       path + " (policies/" + plugin.id + ".json)");
    if (!policy) return policy.error();
    if (policy->county != plugin.id)
        return makeError(path, "plugin id \"" + plugin.id + "\" differs from its parameter file's county \"" +
                                   policy->county + "\"");
    plugin.policy = std::move(policy).value();
    return plugin;
}

}  // namespace

PluginHost::PluginHost() = default;

PluginHost::~PluginHost() {
    plugins_.clear();
    for (void* handle : handles_) dlclose(handle);
}

std::string_view PluginHost::pluginSuffix() {
#ifdef __EMSCRIPTEN__
    return ".wasm";
#else
    return ".so";
#endif
}

Result<const LoadedPlugin*> PluginHost::load(const std::string& path, std::string* replaced) {
    if (!isRegularFile(path)) return makeError(path, "plugin file not found");
    IO_CHECK(checkLinkage(path));

    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return makeError(path, "cannot load: " + lastDlError());
    auto entry = reinterpret_cast<InspectoncePluginEntryFn>(dlsym(handle, INSPECTONCE_PLUGIN_ENTRY_NAME));
    if (!entry) {
        dlclose(handle);
        return makeError(path, kNoEntryPoint);
    }
    auto plugin = readDescriptor(entry(), path);
    if (!plugin) {
        dlclose(handle);
        return plugin.error();
    }
    handles_.push_back(handle);

    auto existing = std::find_if(plugins_.begin(), plugins_.end(),
                                 [&](const LoadedPlugin& p) { return p.id == plugin->id; });
    if (existing != plugins_.end()) {
        if (replaced) *replaced = existing->file;
        *existing = std::move(plugin).value();
        return &*existing;
    }
    auto at = std::lower_bound(plugins_.begin(), plugins_.end(), plugin->id,
                               [](const LoadedPlugin& p, const std::string& id) { return p.id < id; });
    return &*plugins_.insert(at, std::move(plugin).value());
}

Result<PluginHost::DirectoryReport> PluginHost::loadDirectory(const std::string& directory) {
    DIR* dir = opendir(directory.c_str());
    if (!dir) return makeError(directory, "plugin directory not found or not readable");
    std::vector<std::string> files;
    while (dirent* entry = readdir(dir)) {
        std::string name = entry->d_name;
        auto suffix = pluginSuffix();
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            files.push_back(name);
    }
    closedir(dir);
    std::sort(files.begin(), files.end());

    DirectoryReport report;
    for (const auto& name : files) {
        std::string path = directory + "/" + name;
        std::string replaced;
        // Within one directory a second file with the same id is a mistake, not an override.
        std::vector<LoadedPlugin> before = plugins_;
        auto loaded = load(path, &replaced);
        if (!loaded) {
            report.refused.push_back(loaded.error());
            continue;
        }
        bool fromThisDirectory = std::find(report.loaded.begin(), report.loaded.end(), (*loaded)->id) != report.loaded.end();
        if (fromThisDirectory) {
            std::string id = (*loaded)->id;
            plugins_ = std::move(before);
            report.refused.push_back(makeError(path, "duplicate plugin id \"" + id + "\" (already loaded from " + replaced + ")"));
            continue;
        }
        report.loaded.push_back((*loaded)->id);
    }
    return report;
}

const LoadedPlugin* PluginHost::find(std::string_view id) const {
    for (const auto& plugin : plugins_)
        if (plugin.id == id) return &plugin;
    return nullptr;
}

std::string resolvePluginDirectory(const std::string& flag, const std::string& fallback) {
    if (!flag.empty()) return flag;
    if (const char* env = std::getenv("INSPECTONCE_PLUGIN_DIR"); env && *env) return env;
    return fallback;
}

}  // namespace inspectonce
