/* The yuancheng county policy plugin. Every rule of the county is data, in
 * policies/yuancheng.json, compiled into this plugin; code goes here only where data cannot
 * express a rule (see plugins/sdk/inspectonce_plugin.h, InspectonceHookFn). */
#include "inspectonce_plugin.h"

INSPECTONCE_DECLARE_PLUGIN("yuancheng", "1.0.0", 0)
