/* The pingyang county policy plugin. Every rule of the county is data, in
 * policies/pingyang.json, compiled into this plugin; code goes here only where data cannot
 * express a rule (see plugins/sdk/inspectonce_plugin.h, InspectonceHookFn). */
#include "inspectonce_plugin.h"

INSPECTONCE_DECLARE_PLUGIN("pingyang", "1.0.0", 0)
