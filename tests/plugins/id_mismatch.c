/* Claims to be Yunhe but carries another county's parameter file. */
#include "inspectonce_plugin.h"

INSPECTONCE_DECLARE_PLUGIN("yunhe", "0.0.1", 0)
