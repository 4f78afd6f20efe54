/* A well-formed plugin for a fictitious county: the host must load it. */
#include "inspectonce_plugin.h"

INSPECTONCE_DECLARE_PLUGIN("fixture", "0.0.1", 0)
