/* Declares a future ABI version: the host must refuse it before reading anything else. */
#include "inspectonce_plugin.h"

extern INSPECTONCE_HIDDEN const char inspectonce_policy_json[];
extern INSPECTONCE_HIDDEN const unsigned inspectonce_policy_json_size;

INSPECTONCE_EXPORT const InspectoncePlugin* inspectonce_plugin_entry(void) {
    static InspectoncePlugin descriptor;
    descriptor.abi_version = 99;
    descriptor.descriptor_size = (uint32_t)sizeof(InspectoncePlugin);
    descriptor.id = "fixture";
    descriptor.version = "0.0.1";
    descriptor.policy_json = inspectonce_policy_json;
    descriptor.policy_json_size = inspectonce_policy_json_size;
    return &descriptor;
}
