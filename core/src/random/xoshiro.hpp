// The one pseudo-random engine of the core, shared by the generator and the random draws:
// xoshiro256** 1.0 (Blackman, Vigna 2018) seeded through SplitMix64 (Steele, Lea, Flood 2014).
// Everything is 64-bit unsigned integer arithmetic, so one seed gives one stream on every
// platform: std::uniform_int_distribution and friends are implementation-defined (libstdc++
// and libc++ draw differently), and floating point would bring libm into it.
#pragma once

#include <array>
#include <cstdint>

namespace inspectonce::random_detail {

using XoshiroState = std::array<uint64_t, 4>;

inline uint64_t splitMix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// The 256-bit state spread from one 64-bit seed.
inline XoshiroState xoshiroSeeded(uint64_t seed) {
    XoshiroState s{};
    for (auto& word : s) word = splitMix64(seed);
    return s;
}

inline uint64_t xoshiroNext(XoshiroState& s) {
    auto rotl = [](uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

// Uniform in [0, n), n > 0, exactly: a draw r is kept when r >= 2^64 mod n (the values left
// form a whole number of blocks of n) and reduced modulo n; otherwise redrawn.
inline uint64_t xoshiroBelow(XoshiroState& s, uint64_t n) {
    const uint64_t threshold = (0 - n) % n;
    while (true) {
        uint64_t r = xoshiroNext(s);
        if (r >= threshold) return r % n;
    }
}

}  // namespace inspectonce::random_detail
