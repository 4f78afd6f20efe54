// The generator's pseudo-random numbers: the core's engine (random/xoshiro.hpp), one
// stream per purpose, with the draws the generator needs.
#pragma once

#include <cstdint>
#include <vector>

#include "random/xoshiro.hpp"

namespace inspectonce::generate_detail {

// One Rng per purpose ("stream"), so that, say, a different mean number of plans leaves the
// enterprises as they were.
class Rng {
public:
    Rng(uint64_t seed, uint64_t stream) : s_(random_detail::xoshiroSeeded(seed ^ (0xD1B54A32D192ED03ULL * (stream + 1)))) {}

    uint64_t next() { return random_detail::xoshiroNext(s_); }
    uint64_t below64(uint64_t n) { return random_detail::xoshiroBelow(s_, n); }
    int below(int n) { return static_cast<int>(below64(static_cast<uint64_t>(n))); }
    // Uniform in [lo, hi].
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    // True with probability perMille / 1000.
    bool chance(int perMille) { return below(1000) < perMille; }
    // True with probability p / 2^32 (p ≤ 2^32).
    bool chance32(uint64_t p) { return (next() >> 32) < p; }
    // An index drawn with the given non-negative integer weights (their sum > 0).
    template <class Weights>
    int weighted(const Weights& weights) {
        int64_t total = 0;
        for (auto w : weights) total += w;
        int64_t r = static_cast<int64_t>(below64(static_cast<uint64_t>(total)));
        int index = 0;
        for (auto w : weights) {
            if (r < w) return index;
            r -= w;
            ++index;
        }
        return index - 1;  // not reached when the weights sum to total
    }

private:
    random_detail::XoshiroState s_;
};

}  // namespace inspectonce::generate_detail
