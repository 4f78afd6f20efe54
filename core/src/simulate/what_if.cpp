// A trainer's "what if": the county's policy with its blackout length or its on-site caps
// changed, on a copy, so the same year can be run again and compared.
#include <string>

#include "inspectonce/simulate.hpp"

namespace inspectonce::simulate {

Result<PolicyData> applyWhatIf(const PolicyData& policy, const WhatIf& whatIf) {
    PolicyData changed = policy;
    if (whatIf.quietDays) {
        int days = *whatIf.quietDays;
        // Days (32 − N) to 31, clipped to the month: N days in a 31-day month. Below 4 the
        // first day would not exist in February.
        if (days != 0 && (days < 4 || days > 21))
            return makeError("quiet days", std::to_string(days) + " is out of range: 0 (none), or 4 to 21");
        if (policy.blackouts.empty())
            return makeError("quiet days", policy.county + " has no blackout period to change");
        if (days == 0) {
            changed.blackouts.clear();
        } else {
            for (auto& blackout : changed.blackouts) {
                blackout.period = MonthlyPeriod{};
                blackout.period.kind = MonthlyPeriod::Kind::DayRange;
                blackout.period.fromDay = 32 - days;
                blackout.period.toDay = 31;
                blackout.extensions.clear();  // a longer period for some grades: the trainer's length is the length
            }
        }
    }
    if (whatIf.onSiteCap) {
        int cap = *whatIf.onSiteCap;
        if (cap < 1 || cap > 50) return makeError("on-site cap", std::to_string(cap) + " is out of range: 1 to 50");
        bool any = false;
        for (auto& rule : changed.rules)
            if (rule.type == PolicyRule::Type::Cap) {
                rule.max = cap;
                any = true;
            }
        if (!any) return makeError("on-site cap", policy.county + " has no on-site cap to change");
    }
    return changed;
}

}  // namespace inspectonce::simulate
