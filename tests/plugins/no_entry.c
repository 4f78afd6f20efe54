/* A shared library that is not an InspectOnce plugin: it lacks the entry point. */
#include "inspectonce_plugin.h"

INSPECTONCE_EXPORT int some_other_function(void) { return 42; }
