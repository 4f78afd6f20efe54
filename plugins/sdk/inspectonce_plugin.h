/*
 * InspectOnce plugin ABI — the only header a county policy plugin includes.
 *
 * A plugin is a shared library: a `.so` natively, an Emscripten SIDE_MODULE `.wasm` in the
 * browser, built from the same C source. It exports one entry point,
 * `inspectonce_plugin_entry`, returning a pointer to a static, immutable descriptor.
 *
 * Only C types and byte buffers cross this boundary: no C++ classes, no exceptions, no
 * memory allocated on one side and freed on the other. The host copies what it needs.
 *
 * What a plugin may import from the host in wasm is listed in host_exports.txt beside this
 * file (a few libc functions); anything else makes the host refuse the plugin at load time.
 */
#ifndef INSPECTONCE_PLUGIN_H
#define INSPECTONCE_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on any incompatible change of InspectoncePlugin below. */
#define INSPECTONCE_PLUGIN_ABI_VERSION 1u
#define INSPECTONCE_PLUGIN_ENTRY_NAME "inspectonce_plugin_entry"

/*
 * Optional hook for rules the parameter file cannot express. The host calls it with the
 * name of a hook (e.g. "decide") and a UTF-8 JSON request; the plugin writes a UTF-8 JSON
 * response into `response` (at most `response_capacity` bytes) and returns its length.
 * Return -1 when the plugin does not implement `hook`: the host then answers from data.
 * Return -2 - needed when the buffer is too small (the host retries with `needed` bytes).
 */
typedef int32_t (*InspectonceHookFn)(const char* hook, const char* request, uint32_t request_size,
                                     char* response, uint32_t response_capacity);

typedef struct InspectoncePlugin {
    uint32_t abi_version;         /* must be INSPECTONCE_PLUGIN_ABI_VERSION: checked first */
    uint32_t descriptor_size;     /* sizeof(InspectoncePlugin) as the plugin was built */
    const char* id;               /* county id: lowercase a-z, 0-9, '-'; equals the parameter file's "county" */
    const char* version;          /* the plugin's own version, e.g. "1.0.0" */
    const char* policy_json;      /* the county's parameter file (policies/<id>.json), UTF-8 */
    uint32_t policy_json_size;    /* its length in bytes, without a terminating NUL */
    InspectonceHookFn hook;       /* NULL when every rule is expressed as data */
} InspectoncePlugin;

typedef const InspectoncePlugin* (*InspectoncePluginEntryFn)(void);

#if defined(__EMSCRIPTEN__)
#define INSPECTONCE_EXPORT __attribute__((used, visibility("default")))
#else
#define INSPECTONCE_EXPORT __attribute__((visibility("default")))
#endif
/*
 * Everything else in a plugin must stay inside it: `static`, or INSPECTONCE_HIDDEN when it
 * spans files. In wasm the dynamic linker's symbol table (GOT) is shared by all modules, so
 * an exported global of one county would silently stand in for another county's; the host
 * refuses plugins that export anything but the entry point.
 */
#define INSPECTONCE_HIDDEN __attribute__((visibility("hidden")))

/*
 * Declares the plugin in one line:
 *   INSPECTONCE_DECLARE_PLUGIN("yunhe", "1.0.0", NULL)   (no semicolon after it)
 * The parameter file is compiled in by the build as `inspectonce_policy_json` (see
 * cmake/Plugins.cmake); pass a hook function instead of NULL to override rules in code.
 */
#define INSPECTONCE_DECLARE_PLUGIN(ID, VERSION, HOOK)                                   \
    extern INSPECTONCE_HIDDEN const char inspectonce_policy_json[];                     \
    extern INSPECTONCE_HIDDEN const unsigned inspectonce_policy_json_size;              \
    INSPECTONCE_EXPORT const InspectoncePlugin* inspectonce_plugin_entry(void) {        \
        static InspectoncePlugin descriptor;                                            \
        descriptor.abi_version = INSPECTONCE_PLUGIN_ABI_VERSION;                        \
        descriptor.descriptor_size = (uint32_t)sizeof(InspectoncePlugin);               \
        descriptor.id = (ID);                                                           \
        descriptor.version = (VERSION);                                                 \
        descriptor.policy_json = inspectonce_policy_json;                               \
        descriptor.policy_json_size = inspectonce_policy_json_size;                     \
        descriptor.hook = (HOOK);                                                       \
        return &descriptor;                                                             \
    }

#ifdef __cplusplus
}
#endif

#endif /* INSPECTONCE_PLUGIN_H */
