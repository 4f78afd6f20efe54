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
Status checkLinkage([[maybe_unused]] const std::string& path, [[maybe_unused]] PluginCheck& failed) {
#ifdef __EMSCRIPTEN__
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    failed = PluginCheck::Format;
    IO_TRY(interface, plugin::readWasmInterface(bytes, path));
    const auto& exports = interface.exports;
    failed = PluginCheck::EntryPoint;
    if (std::find(exports.begin(), exports.end(), INSPECTONCE_PLUGIN_ENTRY_NAME) == exports.end())
        return makeError(path, kNoEntryPoint);
    failed = PluginCheck::Imports;
    if (auto missing = plugin::unsatisfiedImports(interface, plugin::hostExports()); !missing.empty())
        return makeError(path, "the plugin imports " + joined(missing) +
                                   ", which the host does not provide; a plugin may import only "
                                   "what plugins/sdk/host_exports.txt lists");
    failed = PluginCheck::Exports;
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

// Everything we require of a descriptor, checked in an order that never reads past what an
// older or foreign plugin could have filled in.
Result<LoadedPlugin> readDescriptor(const InspectoncePlugin* d, const std::string& path, PluginCheck& failed) {
    failed = PluginCheck::EntryPoint;
    if (!d) return makeError(path, "inspectonce_plugin_entry() returned no descriptor");
    failed = PluginCheck::AbiVersion;
    if (d->abi_version != INSPECTONCE_PLUGIN_ABI_VERSION)
        return makeError(path, "built for plugin ABI version " + std::to_string(d->abi_version) +
                                   ", this InspectOnce needs version " +
                                   std::to_string(INSPECTONCE_PLUGIN_ABI_VERSION) +
                                   ": rebuild it against this version's plugins/sdk");
    failed = PluginCheck::DescriptorSize;
    if (d->descriptor_size < sizeof(InspectoncePlugin))
        return makeError(path, "descriptor is " + std::to_string(d->descriptor_size) + " bytes, expected " +
                                   std::to_string(sizeof(InspectoncePlugin)));
    failed = PluginCheck::Id;
    if (!d->id || !isCountyId(d->id))
        return makeError(path, std::string("plugin id \"") + (d->id ? d->id : "") +
                                   "\" is not a county id (lowercase letters, digits and '-')");
    failed = PluginCheck::Version;
    if (!d->version || !*d->version) return makeError(path, "plugin has no version");
    failed = PluginCheck::ParameterFile;
    if (!d->policy_json || d->policy_json_size == 0) return makeError(path, "plugin carries no parameter file");

    LoadedPlugin plugin;
    plugin.id = d->id;
    plugin.version = d->version;
    plugin.abiVersion = d->abi_version;
    plugin.file = path;
    plugin.hook = d->hook;
    auto policy = PolicyData::fromJson(std::string_view(d->policy_json, d->policy_json_size),
                                       path + " (policies/" + plugin.id + ".json)");
    if (!policy) return policy.error();
    failed = PluginCheck::County;
    if (policy->county != plugin.id)
        return makeError(path, "plugin id \"" + plugin.id + "\" differs from its parameter file's county \"" +
                                   policy->county + "\"");
    plugin.policy = std::move(policy).value();
    return plugin;
}

}  // namespace

const std::vector<PluginCheck>& pluginChecks() {
    using C = PluginCheck;
#ifdef __EMSCRIPTEN__
    static const std::vector<PluginCheck> checks = {C::File, C::Format, C::EntryPoint, C::Imports, C::Exports, C::Loads,
                                                    C::AbiVersion, C::DescriptorSize, C::Id, C::Version,
                                                    C::ParameterFile, C::County};
#else
    static const std::vector<PluginCheck> checks = {C::File, C::Loads, C::EntryPoint, C::AbiVersion, C::DescriptorSize,
                                                    C::Id, C::Version, C::ParameterFile, C::County};
#endif
    return checks;
}

std::string_view pluginCheckName(PluginCheck check) {
    switch (check) {
        case PluginCheck::File: return "file";
        case PluginCheck::Format: return "format";
        case PluginCheck::EntryPoint: return "entry point";
        case PluginCheck::Imports: return "imports";
        case PluginCheck::Exports: return "exports";
        case PluginCheck::Loads: return "loads";
        case PluginCheck::AbiVersion: return "ABI version";
        case PluginCheck::DescriptorSize: return "descriptor size";
        case PluginCheck::Id: return "id";
        case PluginCheck::Version: return "version";
        case PluginCheck::ParameterFile: return "parameter file";
        case PluginCheck::County: return "county";
    }
    return "?";
}

Text describePluginCheck(PluginCheck check) {
    switch (check) {
        case PluginCheck::File: return {"插件文件存在且可读", "the plugin file exists"};
        case PluginCheck::Format: return {"是 WebAssembly 模块", "it is a WebAssembly module"};
        case PluginCheck::EntryPoint:
            return {"导出入口 " INSPECTONCE_PLUGIN_ENTRY_NAME, "it exports " INSPECTONCE_PLUGIN_ENTRY_NAME};
        case PluginCheck::Imports:
            return {"只导入宿主提供的函数（plugins/sdk/host_exports.txt）",
                    "it imports only what the host provides (plugins/sdk/host_exports.txt)"};
        case PluginCheck::Exports: return {"入口之外不导出任何符号", "it exports nothing besides its entry point"};
        case PluginCheck::Loads: return {"动态加载器接受它", "the dynamic loader accepts it"};
        case PluginCheck::AbiVersion:
            return {"插件接口版本为 " + std::to_string(INSPECTONCE_PLUGIN_ABI_VERSION),
                    "it is built for plugin ABI version " + std::to_string(INSPECTONCE_PLUGIN_ABI_VERSION)};
        case PluginCheck::DescriptorSize: return {"描述结构大小与宿主一致", "its descriptor is as large as the host's"};
        case PluginCheck::Id: return {"插件标识由小写字母、数字和“-”组成", "its id is lowercase letters, digits and '-'"};
        case PluginCheck::Version: return {"注明插件版本", "it names its version"};
        case PluginCheck::ParameterFile: return {"所带参数文件有效", "its parameter file is valid"};
        case PluginCheck::County: return {"参数文件的县区与插件标识一致", "its parameter file's county is its id"};
    }
    return {"?", "?"};
}

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

Result<const LoadedPlugin*> PluginHost::load(const std::string& path, std::string* replaced, PluginCheck* failed) {
    PluginCheck check = PluginCheck::File;
    auto refuse = [&](Error error) -> Error {
        if (failed) *failed = check;
        return error;
    };
    if (!isRegularFile(path)) return refuse(makeError(path, "plugin file not found"));
    if (auto linked = checkLinkage(path, check); !linked) return refuse(linked.error());

    check = PluginCheck::Loads;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return refuse(makeError(path, "cannot load: " + lastDlError()));
    check = PluginCheck::EntryPoint;
    auto entry = reinterpret_cast<InspectoncePluginEntryFn>(dlsym(handle, INSPECTONCE_PLUGIN_ENTRY_NAME));
    if (!entry) {
        dlclose(handle);
        return refuse(makeError(path, kNoEntryPoint));
    }
    auto plugin = readDescriptor(entry(), path, check);
    if (!plugin) {
        dlclose(handle);
        return refuse(plugin.error());
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
