// A finding on site, drawn without regard to any county (simulate.hpp), stated in the
// words of the county's own penalty rules so that its rules can dispose of it.
#pragma once

#include "generate/random.hpp"
#include "inspectonce/grading.hpp"

namespace inspectonce::simulate_detail {

enum class Nature { Slight, General, Serious, Historical };

struct FindingProfile {
    Nature nature = Nature::General;
    bool firstTime = true;
    bool rectified = true;   // put right by the deadline set
    int matterDraw = 0;      // picks one of the county's listed matters (003 二(七)) for a slight or general one
};

// Slight 45 %, general 35 %, serious 15 %, historical 5 %; a first violation 75 %; put
// right in time 85 %.
FindingProfile drawFinding(generate_detail::Rng& rng);

// The facts the county declares that describe `profile` (its own vocabulary: "slight" and
// "no-consequence" in Dinghai, "minor-violation" and "corrected-in-time" in Pingyang …),
// and one of its listed matters where it keeps lists.
PenaltyFacts factsFor(const PolicyData& policy, const FindingProfile& profile);

}  // namespace inspectonce::simulate_detail
