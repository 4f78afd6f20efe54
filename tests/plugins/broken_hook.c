/* A plugin whose hook answers something that is not JSON: the host must say so, naming the
 * plugin and the hook, instead of deciding. */
#include <string.h>

#include "inspectonce_plugin.h"

static int32_t hook(const char* name, const char* request, uint32_t request_size, char* response,
                    uint32_t capacity) {
    static const char answer[] = "{\"reasons\": [oops";
    (void)request;
    (void)request_size;
    if (strcmp(name, "decide") != 0) return -1;
    if (capacity < sizeof answer) return -2 - (int32_t)sizeof answer;
    memcpy(response, answer, sizeof answer - 1);
    return (int32_t)(sizeof answer - 1);
}

INSPECTONCE_DECLARE_PLUGIN("fixture", "0.0.3", hook)
