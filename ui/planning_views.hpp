// What the plans, joint-visit planner and random-draw screens remember between frames.
#pragma once

namespace inspectonce::ui {

struct PlanningViews {
};

}  // namespace inspectonce::ui
