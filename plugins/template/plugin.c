/* The my-county policy plugin: a template to copy (tools/new-plugin ID does it for you).
 *
 * What goes where
 * ---------------
 * DATA (policy.json beside this file, compiled into the plugin by CMake): everything the
 *   county's document says that the parameter file can express: the document and its dates,
 *   blackout periods (企业安静期 …) and their exceptions, rules, sampling ratios, categories,
 *   targets; each with the clause that makes it ("004 二(三)"). Most counties need nothing
 *   else: policies/yunhe.json shows every section the current schema knows.
 * CODE (this file): only what data cannot express, e.g. a grading formula or an unusual
 *   window, answered by a hook (below). A plugin without a hook passes 0.
 *
 * Rules of the ABI (plugins/sdk/README.md):
 *   - include only "inspectonce_plugin.h" (and <string.h> for the functions the host lists
 *     in plugins/sdk/host_exports.txt: memcpy, memset, strcmp, strlen …); no malloc, no
 *     printf, no C++ runtime: the browser host refuses a plugin that imports anything else;
 *   - keep everything `static` (or INSPECTONCE_HIDDEN): only the entry point that
 *     INSPECTONCE_DECLARE_PLUGIN defines may be exported (in wasm every module shares one
 *     symbol table, so an exported global would collide with another county's);
 *   - the id here, the parameter file's "county" and the file name (<id>.so / <id>.wasm)
 *     are the same: lowercase letters, digits and '-'.
 */
#include <string.h>

#include "inspectonce_plugin.h"

/* Set to 1 (or build with -DPLUGIN_ENABLE_HOOK=1) to compile the example hook in. */
#ifndef PLUGIN_ENABLE_HOOK
#define PLUGIN_ENABLE_HOOK 0
#endif

#if PLUGIN_ENABLE_HOOK
/* An optional hook (see InspectonceHookFn in the SDK header). The host calls it with a hook
 * name and a UTF-8 JSON request; the plugin writes a UTF-8 JSON answer into `response`.
 *   return the answer's length      when it answers,
 *   return -1                       when it does not handle `hook` (the host answers from data),
 *   return -2 - needed              when `capacity` is too small (the host retries with `needed`).
 * Which hooks the host calls, with which request and answer, is listed in
 * plugins/sdk/README.md ("decide": add reasons, each with its clause, to a decision); a
 * hook name this plugin does not know must return -1. tests/plugins/hooked.c is a worked
 * "decide" hook. */
static int32_t county_hook(const char* hook, const char* request, uint32_t request_size, char* response,
                              uint32_t response_capacity) {
    static const char answer[] = "{\"note\": \"answered by the my-county plugin's code\"}";
    const uint32_t needed = (uint32_t)(sizeof answer - 1);
    (void)request;
    (void)request_size;
    if (strcmp(hook, "example") != 0) return -1;
    if (needed > response_capacity) return -2 - (int32_t)needed;
    memcpy(response, answer, needed);
    return (int32_t)needed;
}
#define PLUGIN_HOOK county_hook
#else
#define PLUGIN_HOOK 0
#endif

/* id, the plugin's own version (bump it with every change you ship), hook or 0. */
INSPECTONCE_DECLARE_PLUGIN("my-county", "0.1.0", PLUGIN_HOOK)
