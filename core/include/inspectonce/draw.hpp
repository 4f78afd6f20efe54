// 双随机、一公开 draws: random enterprises, random inspectors, and the draw published so that
// anyone can re-run it (003 二(二), 002 三(二)2).
//
// How a draw works (runDraw):
//  1. Population: the workspace's enterprises, filtered (industry, town), sorted by USCC.
//     Enterprises the county exempts (a rule of type "exempt", e.g. Yunhe's grade A and
//     exempt list, 004 二(六)) are taken out, each counted under its rule and clause.
//  2. Strata by credit grade. Each grade's ratio comes from the county's sampling rules: its
//     percent where it sets one; where it only says lower / normal / higher, the base ratio
//     times a multiplier (50 % and 200 % unless the request says otherwise), shown with the
//     clause and a note that the document gives no number. A stratum draws
//     ceil(eligible × ratio) enterprises.
//  3. Fewer repeated draws: within a stratum, enterprises are drawn first among those not
//     drawn yet this year, then among those drawn once, and so on (tiers by earlier draws),
//     so an enterprise is drawn again only when its stratum has no fresher one left.
//  4. Inspectors: at least two per enterprise (and one from each taking-part department for
//     a joint task, when that department has an eligible one), never one who inspected the
//     same enterprise in its last earlier draw nor one with a declared conflict. Among the
//     eligible, those with the fewest assignments in this draw are preferred, then chosen at
//     random, so the work is spread.
//  5. Randomness: xoshiro256** seeded from the seed text (DrawRandom), consumed in a fixed
//     order (strata A→D, then enterprises by USCC). Same workspace, request and seed: the
//     same draw, natively and in wasm.
//  6. The record holds the seed and BLAKE2b hashes of the canonical inputs (request,
//     population, strata, inspectors, exclusions — not the seed, so the inputs' hash can be
//     published before the seed is chosen) and of the result. verifyDraw re-runs it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/model.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce {

// The draws' random numbers, identical on every platform (std distributions are not).
//   state:   SplitMix64 (Steele, Lea, Flood 2014) run from x = the first 8 bytes of
//            BLAKE2b-256("inspectonce-draw-seed 1\n" + seed) read little-endian; its first
//            four outputs are the four words of xoshiro256** (Blackman, Vigna 2018).
//   below(n): uniform in [0, n) by rejection: draw x until x ≥ (2^64 − n) mod n, return
//            x mod n (no modulo bias; the same method as OpenBSD's arc4random_uniform).
class DrawRandom {
public:
    explicit DrawRandom(std::string_view seed);
    uint64_t next();
    uint64_t below(uint64_t bound);  // bound ≥ 1

private:
    std::array<uint64_t, 4> s_{};
};

// An inspector who must not inspect an enterprise (关联、回避), declared with the request.
struct DrawConflict {
    std::string inspector;
    std::string enterprise;  // USCC
};

struct DrawRequest {
    Date date;
    std::vector<std::string> departments;  // one: a single-department task; several: a joint task
    std::vector<std::string> industries;   // population filter: any of these (empty: all)
    std::vector<std::string> towns;        // population filter: any of these (empty: all)
    std::vector<std::string> items;        // catalogue items the task inspects (recorded), each owned by a taking-part department
    int baseRatioBp = 0;                   // the base ratio in basis points: 500 = 5 %
    int lowerMultiplierPercent = 50;       // grades the county samples "lower": base × this %
    int higherMultiplierPercent = 200;     // grades the county samples "higher": base × this %
    int inspectorsPerEnterprise = 2;       // at least 2 (two officers, as enforcement law requires)
    bool preferNotYetDrawn = true;
    std::vector<DrawConflict> conflicts;
    std::string seed;                      // any text, 1–128 bytes, published with the draw
};

// "5" → 500, "2.5" → 250, "0.75" → 75: a percent with at most two decimals, in (0, 100].
Result<int> parsePercentBp(std::string_view text);
std::string formatBp(int basisPoints);  // 250 → "2.5", 500 → "5"

// A draw saved earlier in the year (draw_store.hpp): whom it drew and who went.
struct PastDraw {
    int64_t id = 0;
    Date date;
    std::vector<std::string> departments;
    struct Pick {
        std::string enterprise;
        std::vector<std::string> inspectors;
    };
    std::vector<Pick> drawn;

    bool joint() const { return departments.size() > 1; }
};

struct DrawStratum {
    enum class Source { CountyPercent, Multiplier, Base };
    CreditGrade grade = CreditGrade::C;
    int population = 0;   // in the filtered population
    int exempt = 0;       // taken out by the county's exemptions
    int eligible = 0;
    int notYetDrawn = 0;  // eligible and not drawn earlier this year
    int ratioBp = 0;
    Source source = Source::Base;
    int multiplierPercent = 100;  // Source::Multiplier
    std::optional<Citation> clause;
    Text text;                    // what the county says for this grade, or why the base ratio applies
    std::optional<Text> note;     // where the document gives no number
    int count = 0;                // drawn
    int repeats = 0;              // drawn although drawn earlier this year
};
std::string_view toString(DrawStratum::Source source);  // county-percent, multiplier, base

struct DrawnInspector {
    std::string id;
    std::string department;
    std::string name;
};

struct DrawnEnterprise {
    std::string enterprise;  // USCC
    std::string name;
    CreditGrade grade = CreditGrade::C;
    int earlierDraws = 0;    // drawn this many times earlier this year
    std::vector<DrawnInspector> inspectors;
    std::vector<std::string> departmentsWithoutInspector;  // joint task: no eligible inspector of these
};

struct DrawExemption {
    std::string rule;
    Citation clause;
    Text text;
    int count = 0;
};

struct DrawExclusion {
    enum class Reason { LastTime, Declared };
    std::string inspector;
    std::string enterprise;
    Reason reason = Reason::LastTime;
    int64_t lastDraw = 0;  // Reason::LastTime: the earlier draw
};

// Joint tasks among the year's draws (this one included), against the county's target
// (metric "joint-random-task-share", e.g. Wuxi's 25 %, 003 二(二)).
struct JointShare {
    int year = 0;
    int tasks = 0;
    int jointTasks = 0;
    std::optional<YearlyTarget> target;
    bool met() const { return target && jointTasks * 100 >= target->minPercent * tasks; }
};

struct DrawHashes {
    std::string request, population, strata, inspectors, exclusions;
    std::string input;   // BLAKE2b-256 over the five section hashes
    std::string result;  // BLAKE2b-256 over the seed, the input hash and the drawn enterprises and inspectors
};

struct DrawRecord {
    std::optional<int64_t> id;  // set once saved in the workspace
    std::string county;
    int year = 0;
    DrawRequest request;
    std::vector<int64_t> earlierDraws;  // the ids it took into account
    int population = 0;
    int eligible = 0;
    std::vector<DrawStratum> strata;        // A, B, C, D
    std::vector<DrawExemption> exemptions;
    std::vector<Text> notes;
    std::optional<Citation> fewerRepeatsClause;
    std::vector<DrawnEnterprise> drawn;     // by USCC
    std::vector<DrawExclusion> exclusions;  // those that concern the drawn enterprises
    int exclusionsInInputs = 0;             // all of them, drawn or not
    int repeats = 0;
    JointShare jointShare;
    DrawHashes hashes;

    bool joint() const { return request.departments.size() > 1; }
    std::vector<std::string> clauses() const;  // every clause cited, each once, in order
};

// Runs a draw. Errors: a date outside the workspace's year, an unknown department or item,
// a ratio or multiplier out of range, too few eligible inspectors for an enterprise (naming
// it, who is eligible and who is excluded and why).
Result<DrawRecord> runDraw(const Workspace& workspace, const PolicyData& policy, const DrawRequest& request,
                           const std::vector<PastDraw>& earlier);

// The published record (keys sorted when dumped); "format": "inspectonce-draw 1".
nlohmann::json toJson(const DrawRecord& record);
// Text for the CLI: strata, ratios with clauses, the drawn enterprises and inspectors,
// repeats, the joint share, the hashes and the seed.
std::string describe(const DrawRecord& record, const Workspace& workspace, Language language);

// A record read back from its JSON: what is needed to re-run it, and the JSON to compare.
struct RecordedDraw {
    nlohmann::json json;
    std::optional<int64_t> id;
    std::string county;
    DrawRequest request;
    std::vector<int64_t> earlierDraws;
};
Result<RecordedDraw> readDrawRecord(std::string_view text, const std::string& source);

struct DrawVerification {
    enum class Outcome { Confirmed, InputsChanged, ResultDiffers };
    Outcome outcome = Outcome::Confirmed;
    std::vector<Text> differences;  // what differs, most telling first
    std::string recordedInputHash, rerunInputHash;
};
std::string_view toString(DrawVerification::Outcome outcome);  // confirmed, inputs-changed, result-differs

// Re-runs `recorded` on the workspace and says whether it stands: the same inputs (hash by
// hash) and the same result, or what differs. `earlier` holds the past draws found among
// recorded.earlierDraws; one missing is an input change.
Result<DrawVerification> verifyDraw(const Workspace& workspace, const PolicyData& policy, const RecordedDraw& recorded,
                                    const std::vector<PastDraw>& earlier);
nlohmann::json toJson(const DrawVerification& verification);
std::string describe(const DrawVerification& verification, Language language);

}  // namespace inspectonce
