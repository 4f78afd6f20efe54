/* Calls a function the host does not provide: natively dlopen(RTLD_NOW) fails on the
 * undefined symbol, in wasm the host's import check refuses it before instantiation. */
#include "inspectonce_plugin.h"

extern int inspectonce_function_nobody_exports(void);

static int32_t hook(const char* name, const char* request, uint32_t request_size, char* response,
                    uint32_t capacity) {
    (void)name; (void)request; (void)request_size; (void)response; (void)capacity;
    return inspectonce_function_nobody_exports();
}

INSPECTONCE_DECLARE_PLUGIN("fixture", "0.0.1", hook)
