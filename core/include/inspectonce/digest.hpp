// Content hashes: BLAKE2b (RFC 7693, from libb2) over bytes, as lowercase hex. Used where
// anyone must be able to re-check a record — inspection codes, published draws, the audit
// chain — so the same bytes give the same digest natively and in wasm.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace inspectonce {

// BLAKE2b of `data` with a digest of `bytes` (1–64) bytes, as 2×bytes hex characters.
std::string blake2bHex(std::string_view data, std::size_t bytes = 32);

}  // namespace inspectonce
