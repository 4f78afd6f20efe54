// From free text to features: UTF-8 checking, normalisation, character n-grams.
#include <algorithm>
#include <cmath>

#include "inspectonce/classify.hpp"

namespace inspectonce::classify {
namespace {

// Decodes one code point at `at`; returns its length, or 0 when the bytes there are not
// UTF-8 (overlong forms, surrogates and values above U+10FFFF included).
std::size_t decode(std::string_view s, std::size_t at, char32_t& out) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b0 = byte(at);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (length == 0 || b0 > 0xF4 || at + length > s.size()) return 0;
    char32_t cp = b0 & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(at + i) & 0x3F);
    }
    static const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    out = cp;
    return length;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Punctuation, symbols, spaces and controls: they separate words, they are not words.
// Letters of any script, CJK ideographs and digits are kept.
bool isBreak(char32_t cp) {
    if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    if (cp < 0xC0) return true;                                  // Latin-1 controls, punctuation, signs
    if (cp == 0xD7 || cp == 0xF7) return true;                   // × ÷
    if (cp >= 0x2000 && cp <= 0x2BFF) return true;               // general punctuation … arrows, maths, shapes
    if (cp >= 0x3000 && cp <= 0x303F) return cp != 0x3005 && cp != 0x3007;  // CJK punctuation (keep 々 〇)
    if (cp >= 0xFE10 && cp <= 0xFE6F) return true;               // vertical and small forms
    if (cp >= 0xFF00 && cp <= 0xFFEF) return true;               // what is left of the full-width block
    if (cp >= 0xE000 && cp <= 0xF8FF) return true;               // private use
    if (cp >= 0x1F000) return true;                              // emoji and other symbols
    return false;
}

}  // namespace

std::optional<std::string> utf8Problem(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        char32_t cp = 0;
        std::size_t length = decode(text, at, cp);
        if (length == 0) {
            static const char* hex = "0123456789ABCDEF";
            auto b = static_cast<unsigned char>(text[at]);
            return "byte " + std::to_string(at + 1) + " (0x" + hex[b >> 4] + hex[b & 15] + ") is not valid UTF-8";
        }
        at += length;
    }
    return std::nullopt;
}

std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingBreak = false;
    bool lastWasDigit = false;
    for (std::size_t at = 0; at < text.size();) {
        char32_t cp = 0;
        std::size_t length = decode(text, at, cp);
        if (length == 0) {  // dropped; callers report invalid UTF-8 before
            ++at;
            continue;
        }
        at += length;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII → ASCII
        if (cp == 0x3000) cp = ' ';                      // ideographic space
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        bool digit = cp >= '0' && cp <= '9';
        if (isBreak(cp)) {
            pendingBreak = !out.empty();
            lastWasDigit = false;
            continue;
        }
        if (digit && lastWasDigit && !pendingBreak) continue;  // one '0' per run of digits
        if (pendingBreak) out += ' ';
        pendingBreak = false;
        lastWasDigit = digit;
        encode(digit ? U'0' : cp, out);
    }
    return out;
}

std::vector<std::string> features(std::string_view text) {
    std::string normal = normalise(text);
    std::vector<std::string> out;
    std::vector<std::size_t> starts;  // byte offsets of the code points of the current segment
    auto flush = [&](std::size_t end) {
        starts.push_back(end);
        std::size_t count = starts.size() - 1;
        for (std::size_t n = 1; n <= 3; ++n)
            for (std::size_t i = 0; i + n <= count; ++i) out.push_back(normal.substr(starts[i], starts[i + n] - starts[i]));
        starts.clear();
    };
    for (std::size_t at = 0; at < normal.size();) {
        if (normal[at] == ' ') {
            flush(at);
            ++at;
            continue;
        }
        char32_t cp = 0;
        std::size_t length = decode(normal, at, cp);
        starts.push_back(at);
        at += length;
    }
    flush(normal.size());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string formatFraction(double value, int decimals) {
    long long factor = 1;
    for (int i = 0; i < decimals; ++i) factor *= 10;
    bool negative = value < 0;
    // floor(x + 0.5) is exact in IEEE arithmetic: the same digits natively and in wasm.
    auto scaled = static_cast<long long>(std::floor((negative ? -value : value) * static_cast<double>(factor) + 0.5));
    std::string digits = std::to_string(scaled / factor);
    if (decimals > 0) {
        std::string fraction = std::to_string(scaled % factor);
        digits += "." + std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0') + fraction;
    }
    return (negative && scaled != 0 ? "-" : "") + digits;
}

}  // namespace inspectonce::classify
