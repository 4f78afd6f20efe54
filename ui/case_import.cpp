// Being built (issue 7): a demands CSV opens one case of the county's demand workflow per row.
#include "app_state.hpp"

namespace inspectonce::ui {

void importDemandsCsv(AppState& state, const std::string& name, const std::string&) {
    state.say({name + "：诉求导入尚未接入界面", name + ": importing demands is not in the app yet"}, true);
}

}  // namespace inspectonce::ui
