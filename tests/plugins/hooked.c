/* A plugin whose code adds a rule its data cannot express: grade D enterprises of the
 * fixture county are refused on-site inspections by the hook, citing 004 二(六). */
#include <string.h>

#include "inspectonce_plugin.h"

/* Whether `needle` occurs in the first `size` bytes of `text` (no strstr: the host does not
 * export it, see plugins/sdk/host_exports.txt). */
static int contains(const char* text, uint32_t size, const char* needle) {
    uint32_t length = (uint32_t)strlen(needle);
    for (uint32_t i = 0; i + length <= size; ++i)
        if (memcmp(text + i, needle, length) == 0) return 1;
    return 0;
}

static int32_t hook(const char* name, const char* request, uint32_t request_size, char* response,
                    uint32_t capacity) {
    static const char answer[] =
        "{\"reasons\": [{\"effect\": \"refuses\", \"rule\": \"hook-grade-d\", \"clause\": \"004 二(六)\","
        " \"text\": {\"zh\": \"插件代码：D类企业由钩子拒绝\", \"en\": \"plugin code: grade D refused by the hook\"}}]}";
    uint32_t needed = (uint32_t)(sizeof answer - 1);
    if (strcmp(name, "decide") != 0) return -1;
    if (!contains(request, request_size, "\"grade\":\"D\"")) return -1;
    if (needed > capacity) return -2 - (int32_t)needed;
    memcpy(response, answer, needed);
    return (int32_t)needed;
}

INSPECTONCE_DECLARE_PLUGIN("fixture", "0.0.2", hook)
