// Inspection codes (亮码, 004 二(十)): issued only for filed visits, checked against the
// filing (any change voids the code), malformed tokens named part by part; and the QR symbol
// they are shown as, checked against ISO/IEC 18004 (size, finder and timing patterns, format
// information). Runs natively and in wasm.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "draw_fixture.hpp"
#include "inspectonce/digest.hpp"
#include "inspectonce/inspection_code.hpp"
#include "inspectonce/qr.hpp"

namespace inspectonce {
namespace {

using test::date;
using test::drawWorkspace;
using test::usccNumber;

Workspace codeWorkspace() { return drawWorkspace(10); }

// RFC 4648 base32 of the first 10 bytes of a hex digest, written out here independently.
std::string base32Of(const std::string& hex) {
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string bits;
    for (std::size_t i = 0; i < 20; ++i) {
        int v = hex[i] <= '9' ? hex[i] - '0' : hex[i] - 'a' + 10;
        for (int b = 3; b >= 0; --b) bits += ((v >> b) & 1) ? '1' : '0';
    }
    std::string out;
    for (std::size_t i = 0; i < bits.size(); i += 5) out += alphabet[std::stoi(bits.substr(i, 5), nullptr, 2)];
    return out;
}

TEST(InspectionCode, AFiledVisitGetsATokenOfTheDocumentedForm_004_2_10) {
    auto w = codeWorkspace();
    std::string token = issueCode(w, w.visits[0]);
    ASSERT_EQ(token.substr(0, 11), "IO1-wuxi-1-");
    ASSERT_EQ(token.size(), 11u + 16u);
    auto canonical = canonicalFiling(w, w.visits[0]);
    ASSERT_TRUE(canonical);
    EXPECT_EQ(token.substr(11), base32Of(blake2bHex(*canonical, 10)));
    EXPECT_NE(canonical->find("plan 1 department=market unit=food method=on-site items=food-label,price-tags window=2026-03-09..2026-03-20 filed=2026-03-02"),
              std::string::npos)
        << *canonical;
    EXPECT_EQ(issueCode(w, w.visits[0]), token) << "the same filing gives the same code";
    // The order in which a visit lists its plans, or a plan its items, does not matter.
    auto reordered = w;
    std::reverse(reordered.visits[0].plans.begin(), reordered.visits[0].plans.end());
    std::reverse(reordered.plans[0].items.begin(), reordered.plans[0].items.end());
    EXPECT_EQ(issueCode(reordered, reordered.visits[0]), token);
}

TEST(InspectionCode, NoFilingNoCode) {
    auto w = codeWorkspace();
    EXPECT_EQ(issueCode(w, w.visits[1]), "") << "plan 3 is not filed";
    EXPECT_EQ(w.visits[1].code, "");
    auto late = w;
    late.plans[1].filedOn = date("2026-03-13");  // the day after the visit
    EXPECT_EQ(issueCode(late, late.visits[0]), "");
    auto empty = w;
    empty.visits[0].plans.clear();
    EXPECT_EQ(issueCode(empty, empty.visits[0]), "");
    auto sameDay = w;
    sameDay.plans[1].filedOn = date("2026-03-12");  // filed on the morning of the visit: still before it
    EXPECT_NE(issueCode(sameDay, sameDay.visits[0]), "");
}

TEST(InspectionCode, AValidCodeSaysWhatItStandsFor) {
    auto w = codeWorkspace();
    auto check = verifyCode(w.visits[0].code, w);
    ASSERT_EQ(check.status, CodeStatus::Valid) << check.why.en;
    ASSERT_TRUE(check.filing);
    EXPECT_EQ(check.filing->enterprise, usccNumber(1));
    EXPECT_EQ(check.filing->enterpriseName, "测试企业1");
    EXPECT_EQ(check.filing->date, date("2026-03-12"));
    ASSERT_EQ(check.filing->plans.size(), 2u);
    EXPECT_EQ(check.filing->plans[0].departmentName.zh, "市场监管局");
    EXPECT_EQ(check.filing->plans[0].itemNames[0].zh, "食品标签");
    EXPECT_EQ(check.filing->plans[1].department, "environment");
    std::string text = describe(check, Language::English);
    EXPECT_NE(text.find("valid"), std::string::npos);
    EXPECT_NE(text.find("air emissions"), std::string::npos) << text;
    EXPECT_NE(text.find("004 二(十)"), std::string::npos) << text;
    EXPECT_EQ(toJson(check)["filing"]["plans"][0]["items"][1]["id"], "price-tags");
    // Typed by hand in lowercase, the hash still reads.
    std::string lower = w.visits[0].code;
    std::transform(lower.begin() + 11, lower.end(), lower.begin() + 11, [](char c) { return static_cast<char>(std::tolower(c)); });
    EXPECT_EQ(verifyCode(lower, w).status, CodeStatus::Valid);
}

TEST(InspectionCode, AnyChangeToTheFilingVoidsTheCode) {
    auto w = codeWorkspace();
    std::string token = w.visits[0].code;
    auto expectChanged = [&](const Workspace& changed, const char* what) {
        auto check = verifyCode(token, changed);
        EXPECT_EQ(check.status, CodeStatus::FilingChanged) << what << ": " << check.why.en;
        EXPECT_NE(check.why.en.find("filing changed"), std::string::npos) << what;
        EXPECT_TRUE(check.filing) << "the person at the door still sees what the visit is now";
    };
    auto items = w;
    items.plans[0].items.push_back("emission");
    expectChanged(items, "an item added");
    auto day = w;
    day.visits[0].date = date("2026-03-16");
    expectChanged(day, "another day");
    auto filed = w;
    filed.plans[1].filedOn = date("2026-03-05");
    expectChanged(filed, "a later filing date");
    auto unit = w;
    unit.plans[0].unit = "pricing";
    expectChanged(unit, "another unit");
    auto lead = w;
    lead.visits[0].lead = "environment";
    expectChanged(lead, "another lead department");
    auto member = w;
    member.visits[0].plans = {1};
    expectChanged(member, "a plan taken out of the visit");

    auto withdrawn = w;
    withdrawn.plans[1].filedOn.reset();
    auto check = verifyCode(token, withdrawn);
    EXPECT_EQ(check.status, CodeStatus::NotFiled);
    EXPECT_NE(check.why.en.find("plan 2 is not filed"), std::string::npos) << check.why.en;
}

TEST(InspectionCode, MalformedTokensNameThePart) {
    auto w = codeWorkspace();
    std::string good = w.visits[0].code;
    struct Case {
        std::string token;
        const char* part;
    } cases[] = {
        {"", "prefix"},
        {"XX1-wuxi-1-" + good.substr(11), "prefix"},
        {"IO1-", "visit id"},
        {"IO1-wuxi", "visit id"},
        {"IO1-wuxi-" + good.substr(11), "county"},
        {"IO1-Wuxi-1-" + good.substr(11), "county"},
        {"IO1-wuxi-01-" + good.substr(11), "visit id"},
        {"IO1-wuxi-x-" + good.substr(11), "visit id"},
        {"IO1-wuxi-1-" + good.substr(11, 15), "hash"},
        {"IO1-wuxi-1-" + good.substr(11) + "A", "hash"},
        {"IO1-wuxi-1-" + good.substr(11, 15) + "1", "hash"},  // 1 and 8 are not base32
    };
    for (const auto& c : cases) {
        auto check = verifyCode(c.token, w);
        EXPECT_EQ(check.status, CodeStatus::Malformed) << c.token;
        EXPECT_EQ(check.part, c.part) << c.token << ": " << check.why.en;
        EXPECT_FALSE(check.filing);
    }
    auto digit = verifyCode("IO1-wuxi-1-" + good.substr(11, 15) + "1", w);
    EXPECT_NE(digit.why.en.find("character 16 '1'"), std::string::npos) << digit.why.en;
}

TEST(InspectionCode, AnotherCountyOrAnUnknownVisitIsSaidSo) {
    auto w = codeWorkspace();
    std::string hash = w.visits[0].code.substr(11);
    auto county = verifyCode("IO1-yunhe-1-" + hash, w);
    EXPECT_EQ(county.status, CodeStatus::UnknownCounty);
    EXPECT_NE(county.why.en.find("\"yunhe\""), std::string::npos);
    auto dashed = verifyCode("IO1-new-county-1-" + hash, w);  // a county id with '-' still parses
    EXPECT_EQ(dashed.status, CodeStatus::UnknownCounty);
    auto visit = verifyCode("IO1-wuxi-99-" + hash, w);
    EXPECT_EQ(visit.status, CodeStatus::UnknownVisit);
    EXPECT_NE(visit.why.en.find("no visit 99"), std::string::npos);
    auto other = verifyCode("IO1-wuxi-2-" + hash, w);  // visit 2 exists but is not filed
    EXPECT_EQ(other.status, CodeStatus::NotFiled);
    EXPECT_EQ(toJson(other)["status"], "not-filed");
}

// ---- QR -------------------------------------------------------------------------------

bool finderAt(const QrMatrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.dark(x0 + x, y0 + y) != (ring || core)) return false;
        }
    return true;
}

// The 15 format bits around the top-left finder, bit 0 first (ISO/IEC 18004 7.9), and the
// copy split between the other two finders.
int formatBits(const QrMatrix& m, bool copy) {
    int bits = 0;
    for (int i = 0; i < 15; ++i) {
        bool dark;
        if (!copy) dark = i < 6 ? m.dark(8, i) : i < 8 ? m.dark(8, i + 1) : i == 8 ? m.dark(7, 8) : m.dark(14 - i, 8);
        else dark = i < 8 ? m.dark(m.size - 1 - i, 8) : m.dark(8, m.size - 15 + i);
        bits |= (dark ? 1 : 0) << i;
    }
    return bits;
}

TEST(Qr, ATokenBecomesAVersion3SymbolWithItsPatterns) {
    auto w = codeWorkspace();
    auto qr = qrFor(w.visits[0].code);  // 27 bytes: over version 2's 26 at level M, within version 3's 42
    ASSERT_TRUE(qr) << qr.error().message();
    EXPECT_EQ(qr->version, 3);
    EXPECT_EQ(qr->size, 17 + 4 * 3);
    EXPECT_EQ(qr->modules.size(), 29u * 29u);
    EXPECT_TRUE(finderAt(*qr, 0, 0));
    EXPECT_TRUE(finderAt(*qr, qr->size - 7, 0));
    EXPECT_TRUE(finderAt(*qr, 0, qr->size - 7));
    EXPECT_FALSE(finderAt(*qr, qr->size - 7, qr->size - 7));
    for (int i = 8; i < qr->size - 8; ++i) {
        EXPECT_EQ(qr->dark(i, 6), i % 2 == 0) << "timing pattern, column " << i;
        EXPECT_EQ(qr->dark(6, i), i % 2 == 0) << "timing pattern, row " << i;
    }
    EXPECT_TRUE(qr->dark(8, 4 * qr->version + 9)) << "the dark module";
    // Format information: both copies agree, the BCH(15,5) check holds, the level is M (00).
    int format = formatBits(*qr, false);
    EXPECT_EQ(format, formatBits(*qr, true));
    int unmasked = format ^ 0x5412;
    int data = unmasked >> 10, remainder = data << 10;
    for (int bit = 14; bit >= 10; --bit)
        if (remainder & (1 << bit)) remainder ^= 0x537 << (bit - 10);
    EXPECT_EQ(remainder, unmasked & 0x3ff);
    EXPECT_EQ(data >> 3, 0) << "error correction level M";
}

TEST(Qr, SizesAndLimits) {
    EXPECT_EQ(qrFor(std::string(14, 'a'))->version, 1);  // 8-bit capacity at level M: 14, 26, 42 …
    EXPECT_EQ(qrFor(std::string(15, 'a'))->version, 2);
    EXPECT_EQ(qrFor(std::string(2331, 'a'))->version, 40);
    EXPECT_FALSE(qrFor(std::string(2332, 'a')));
    EXPECT_FALSE(qrFor(""));
    EXPECT_NE(qrFor("IO1-a-1-AAAAAAAAAAAAAAAA")->modules, qrFor("IO1-a-1-AAAAAAAAAAAAAAAB")->modules);
}

TEST(Qr, TextUsesHalfBlocksTwoRowsALine) {
    auto qr = qrFor("IO1-wuxi-1-ABCDEFGHIJKLMNOP").value();
    std::string text = qrText(qr);
    int total = qr.size + 8;  // quiet zone of 4 on each side
    int lines = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        int glyphs = 0;
        for (std::size_t i = 0; i < line.size();) {
            if (line[i] == ' ') {
                ++i;
            } else {
                std::string g = line.substr(i, 3);
                EXPECT_TRUE(g == "█" || g == "▀" || g == "▄") << g;
                i += 3;
            }
            ++glyphs;
        }
        EXPECT_EQ(glyphs, total);
        ++lines;
        start = end + 1;
    }
    EXPECT_EQ(lines, (total + 1) / 2);
    // Lines 1–2 are the quiet zone; line 3 holds the symbol's rows 0 and 1: the top-left
    // finder's edge is ink over ink in its first column, ink over light in its second.
    std::size_t third = text.find('\n', text.find('\n') + 1) + 1;
    EXPECT_EQ(text.substr(0, 4), "    ");
    EXPECT_EQ(text.substr(third, 4), "    ");
    EXPECT_EQ(text.substr(third + 4, 3), "█");
    EXPECT_EQ(text.substr(third + 7, 3), "▀");
    EXPECT_NE(qrText(qr, true), text);
}

}  // namespace
}  // namespace inspectonce
