// The generator's pseudo-random numbers. Everything is 64-bit unsigned integer arithmetic,
// so one seed gives one stream on every platform: std::uniform_int_distribution and
// friends are implementation-defined (libstdc++ and libc++ draw differently), and floating
// point would bring libm into it.
#pragma once

#include <cstdint>
#include <vector>

namespace inspectonce::generate_detail {

// SplitMix64 (Steele, Lea, Flood 2014): spreads a seed over the 256-bit state below.
inline uint64_t splitMix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// xoshiro256** 1.0 (Blackman, Vigna 2018). One Rng per purpose ("stream"), so that, say,
// a different mean number of plans leaves the enterprises as they were.
class Rng {
public:
    Rng(uint64_t seed, uint64_t stream) {
        uint64_t sm = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
        for (auto& word : s_) word = splitMix64(sm);
    }

    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n), n > 0, exactly: a draw r is kept when r >= 2^64 mod n (the values
    // left form a whole number of blocks of n) and reduced modulo n; otherwise redrawn. For
    // the small n used here a redraw almost never happens.
    uint64_t below64(uint64_t n) {
        const uint64_t threshold = (0 - n) % n;
        while (true) {
            uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }
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
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

}  // namespace inspectonce::generate_detail
