// The draws' own random numbers and ratio arithmetic: integers only, so every platform
// draws the same enterprises from the same seed.
#include "inspectonce/digest.hpp"
#include "inspectonce/draw.hpp"

namespace inspectonce {
namespace {

uint64_t splitMix64(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

DrawRandom::DrawRandom(std::string_view seed) {
    std::string hex = blake2bHex("inspectonce-draw-seed 1\n" + std::string(seed), 32);
    uint64_t x = 0;
    for (int byte = 7; byte >= 0; --byte) {  // little-endian: byte 0 is the lowest
        auto nibble = [](char c) { return static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10); };
        x = (x << 8) | (nibble(hex[static_cast<std::size_t>(2 * byte)]) << 4) | nibble(hex[static_cast<std::size_t>(2 * byte + 1)]);
    }
    for (auto& word : s_) word = splitMix64(x);
}

uint64_t DrawRandom::next() {
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

uint64_t DrawRandom::below(uint64_t bound) {
    if (bound <= 1) return 0;
    const uint64_t threshold = (0 - bound) % bound;  // (2^64 − bound) mod bound
    while (true) {
        uint64_t x = next();
        if (x >= threshold) return x % bound;
    }
}

Result<int> parsePercentBp(std::string_view text) {
    const std::string expected = "a percent from 0.01 to 100 with at most two decimals (\"5\", \"2.5\"), found \"" + std::string(text) + "\"";
    std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 3 || (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2)))
        return makeError("ratio", expected);
    int value = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return makeError("ratio", expected);
        value = value * 10 + (c - '0');
    }
    value *= 100;
    int scale = 10;
    for (char c : fraction) {
        if (c < '0' || c > '9') return makeError("ratio", expected);
        value += (c - '0') * scale;
        scale /= 10;
    }
    if (value < 1 || value > 10000) return makeError("ratio", expected);
    return value;
}

std::string formatBp(int basisPoints) {
    std::string out = std::to_string(basisPoints / 100);
    int rest = basisPoints % 100;
    if (rest != 0) {
        out += "." + std::string(1, static_cast<char>('0' + rest / 10));
        if (rest % 10 != 0) out += static_cast<char>('0' + rest % 10);
    }
    return out;
}

}  // namespace inspectonce
