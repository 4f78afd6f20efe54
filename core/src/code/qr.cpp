// QR symbols through libqrencode, and their text rendering for terminals.
#include "inspectonce/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace inspectonce {

namespace {
constexpr std::size_t kMaxBytesAtLevelM = 2331;  // version 40, 8-bit mode (ISO/IEC 18004 table 7)
}

Result<QrMatrix> qrFor(const std::string& text) {
    if (text.empty()) return makeError("qr", "nothing to encode: the text is empty");
    if (text.size() > kMaxBytesAtLevelM)
        return makeError("qr", "the text has " + std::to_string(text.size()) + " bytes; a QR code at level M holds at most " +
                                   std::to_string(kMaxBytesAtLevelM));
    errno = 0;
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
        QRcode_free);
    if (!code) return makeError("qr", std::string("libqrencode could not encode the text: ") + std::strerror(errno));
    QrMatrix m;
    m.version = code->version;
    m.size = code->width;
    std::size_t cells = static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size);
    m.modules.resize(cells);
    // libqrencode: bit 0 of each byte is the module's colour (1 = dark); the others describe
    // what the module belongs to.
    for (std::size_t i = 0; i < cells; ++i) m.modules[i] = (code->data[i] & 1) != 0;
    return m;
}

std::string qrText(const QrMatrix& matrix, bool invert, int quiet) {
    int total = matrix.size + 2 * quiet;
    auto ink = [&](int x, int y) {
        int mx = x - quiet, my = y - quiet;
        bool dark = mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size && matrix.dark(mx, my);
        return dark != invert;
    };
    std::string out;
    for (int y = 0; y < total; y += 2) {
        for (int x = 0; x < total; ++x) {
            bool top = ink(x, y), bottom = y + 1 < total && ink(x, y + 1);
            out += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
        }
        out += "\n";
    }
    return out;
}

}  // namespace inspectonce
