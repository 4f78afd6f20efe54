#include <blake2.h>

#include <array>
#include <cassert>
#include <cstdint>

#include "inspectonce/digest.hpp"

namespace inspectonce {

std::string blake2bHex(std::string_view data, std::size_t bytes) {
    assert(bytes >= 1 && bytes <= 64);
    std::array<uint8_t, 64> digest{};
    blake2b(digest.data(), data.data(), nullptr, bytes, data.size(), 0);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (std::size_t i = 0; i < bytes; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

}  // namespace inspectonce
