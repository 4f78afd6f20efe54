// A simulated finding in a county's words (finding_facts.hpp). The words each trait may be
// stated in are collected from the counties' parameter files; a county keeps the ones it
// declares, so a new county's plugin using the same words is understood without a change.
#include "simulate/finding_facts.hpp"

#include <algorithm>
#include <set>

namespace inspectonce::simulate_detail {
namespace {

const std::vector<std::string> kSlight = {"slight", "minor-violation"};
const std::vector<std::string> kHarmless = {"no-consequence", "no-harm", "no-obvious-harm", "no-social-impact"};
const std::vector<std::string> kLittleHarm = {"no-obvious-harm", "minor-harm"};
const std::vector<std::string> kNoIntent = {"no-intent", "rectifiable"};
const std::vector<std::string> kFirstTime = {"first-time", "first-time-light"};
const std::vector<std::string> kSerious = {"prominent", "serious-violation", "large-impact"};
const std::vector<std::string> kHistorical = {"historical-issue"};
const std::vector<std::string> kRectified = {"rectified", "corrected-in-time"};
const std::vector<std::string> kNotRectified = {"not-rectified"};

}  // namespace

FindingProfile drawFinding(generate_detail::Rng& rng) {
    FindingProfile p;
    int nature = rng.below(100);
    p.nature = nature < 45 ? Nature::Slight : nature < 80 ? Nature::General : nature < 95 ? Nature::Serious : Nature::Historical;
    p.firstTime = rng.chance(750);
    p.rectified = rng.chance(850);
    p.matterDraw = rng.below(1000);
    return p;
}

PenaltyFacts factsFor(const PolicyData& policy, const FindingProfile& profile) {
    std::set<std::string> declared;
    for (const auto& [id, name] : penaltyFacts(policy)) declared.insert(id);
    PenaltyFacts out;
    auto add = [&](const std::vector<std::string>& words) {
        for (const auto& word : words)
            if (declared.count(word) && std::find(out.facts.begin(), out.facts.end(), word) == out.facts.end())
                out.facts.push_back(word);
    };
    switch (profile.nature) {
        case Nature::Slight:
            add(kSlight);
            add(kHarmless);
            add(kNoIntent);
            break;
        case Nature::General:
            add(kLittleHarm);
            add(kNoIntent);
            break;
        case Nature::Serious: add(kSerious); break;
        case Nature::Historical: add(kHistorical); break;
    }
    bool light = profile.nature == Nature::Slight || profile.nature == Nature::General;
    if (light && profile.firstTime) add(kFirstTime);
    add(profile.rectified ? kRectified : kNotRectified);
    auto matters = penaltyMatters(policy);
    if (light && !matters.empty()) out.matter = matters[static_cast<std::size_t>(profile.matterDraw) % matters.size()].first;
    return out;
}

}  // namespace inspectonce::simulate_detail
