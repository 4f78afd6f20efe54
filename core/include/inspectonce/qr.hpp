// QR codes for inspection codes (亮码, 004 二(十)): the enterprise at the door scans the
// token. libqrencode (Debian's natively, its source compiled for wasm) makes the symbol; the
// core hands out a plain matrix so the CLI and the UI draw it the same way.
#pragma once

#include <string>
#include <vector>

#include "inspectonce/error.hpp"

namespace inspectonce {

// A square QR symbol without its quiet zone: `size` × `size` modules, row by row, true for a
// dark module.
struct QrMatrix {
    int version = 0;  // 1–40; size = 17 + 4 × version
    int size = 0;
    std::vector<bool> modules;

    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)]; }
};

// Encodes `text` as bytes (8-bit mode, so case and punctuation survive) at error
// correction level M (15 % of the symbol may be damaged), in the smallest version that holds
// it. An empty or too long text (over 2 331 bytes at level M) is an error.
Result<QrMatrix> qrFor(const std::string& text);

// The symbol as text for a terminal: two module rows per line with Unicode half blocks
// (▀ ▄ █), inside a quiet zone of `quiet` modules. Dark modules are printed as ink, which
// reads correctly on a light background; `invert` swaps them for dark terminals.
std::string qrText(const QrMatrix& matrix, bool invert = false, int quiet = 4);

}  // namespace inspectonce
