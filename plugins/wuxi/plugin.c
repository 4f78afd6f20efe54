/* The wuxi county policy plugin. Every rule of the county is data, in
 * policies/wuxi.json, compiled into this plugin; code goes here only where data cannot
 * express a rule (see plugins/sdk/inspectonce_plugin.h, InspectonceHookFn). */
#include "inspectonce_plugin.h"

INSPECTONCE_DECLARE_PLUGIN("wuxi", "1.0.0", 0)
