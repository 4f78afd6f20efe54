// The draws' own random numbers and ratio arithmetic: integers only, so every platform
// draws the same enterprises from the same seed.
#include "inspectonce/digest.hpp"
#include "inspectonce/draw.hpp"
#include "random/xoshiro.hpp"

namespace inspectonce {

DrawRandom::DrawRandom(std::string_view seed) {
    std::string hex = blake2bHex("inspectonce-draw-seed 1\n" + std::string(seed), 32);
    uint64_t x = 0;
    for (int byte = 7; byte >= 0; --byte) {  // little-endian: byte 0 is the lowest
        auto nibble = [](char c) { return static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10); };
        x = (x << 8) | (nibble(hex[static_cast<std::size_t>(2 * byte)]) << 4) | nibble(hex[static_cast<std::size_t>(2 * byte + 1)]);
    }
    s_ = random_detail::xoshiroSeeded(x);
}

uint64_t DrawRandom::next() { return random_detail::xoshiroNext(s_); }

uint64_t DrawRandom::below(uint64_t bound) { return bound <= 1 ? 0 : random_detail::xoshiroBelow(s_, bound); }

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
