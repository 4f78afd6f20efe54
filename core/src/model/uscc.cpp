// GB 32100-2015 法人和其他组织统一社会信用代码编码规则, with its amendments.
//
// Layout: 1 registration authority (登记管理部门代码), 2 entity type (机构类别代码),
// 3–8 administrative division of the registering office (GB/T 2260), 9–17 the organization
// code (主体标识码, GB 11714: 8 body characters and their check character), 18 the check
// character (GB/T 17710: a weighted sum modulo 31 over the 31-character set).
//
// Verified against published codes (tests/core/uscc_test.cpp lists them): the standard's
// example 91350100M000100Y43 and real enterprises, social organizations, public institutions
// and individual businesses, including codes whose organization code contains letters
// (91330201MA282UF146), which fixes the GB 11714 letter values as A=10 … Z=35.
#include "inspectonce/uscc.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace inspectonce {
namespace {

constexpr int kLength = 18;

// The code's 31 characters in value order: 0–9 are 0–9, then the letters without I, O, S,
// V and Z (too easily read as 1, 0, 5, U and 2), A = 10 … Y = 30.
constexpr std::string_view kCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::string_view kUnusedLetters = "IOSVZ";

int characterValue(char c) {
    auto index = kCharacters.find(c);
    return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

// ---- Registration authorities and their entity types -------------------------------------
//
// GB 32100-2015 table 1 as amended (修改单 XG1-2016 and later additions of A and N), as
// republished e.g. at https://blog.csdn.net/lh1424573495/article/details/108776492
// ("统一社会信用代码解析登记管理部门和机构类别"). A code outside this table is rejected:
// the table is what the registering offices assign from.
struct Authority {
    char code;
    const char* en;
    const char* zh;
    std::string_view types;
};

constexpr std::array kAuthorities{
    // 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
    Authority{'1', "staffing (organization establishment)", "机构编制", "1239"},
    // 外国常驻新闻机构, 其他
    Authority{'2', "foreign affairs", "外交", "19"},
    // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    Authority{'3', "judicial administration", "司法行政", "123459"},
    // 外国在华文化中心, 其他
    Authority{'4', "culture", "文化", "19"},
    // 社会团体, 民办非企业单位, 基金会, 其他
    Authority{'5', "civil affairs", "民政", "1239"},
    // 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
    Authority{'6', "tourism", "旅游", "129"},
    // 宗教活动场所, 宗教院校, 其他
    Authority{'7', "religious affairs", "宗教", "129"},
    // 基层工会, 其他
    Authority{'8', "trade unions", "工会", "19"},
    // 企业, 个体工商户, 农民专业合作社
    Authority{'9', "industry and commerce", "工商", "123"},
    // 军队事业单位, 其他
    Authority{'A', "Central Military Commission reform and staffing office", "中央军委改革和编制办公室", "19"},
    // 组级, 村级, 乡镇级集体经济组织, 其他
    Authority{'N', "agriculture", "农业", "1239"},
    // 其他: types are not subdivided, always 1
    Authority{'Y', "other", "其他", "1"},
};

const Authority* findAuthority(char code) {
    for (const auto& authority : kAuthorities)
        if (authority.code == code) return &authority;
    return nullptr;
}

// "1, 2 or 3" / "1、2或3": the allowed codes as a sentence lists them.
std::string listChoices(std::string_view codes, const char* separator, const char* lastSeparator) {
    std::string out;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) out += i + 1 == codes.size() ? lastSeparator : separator;
        out += codes[i];
    }
    return out;
}

// ---- Characters as typed -----------------------------------------------------------------

// One position of the input: a code point with its UTF-8 spelling, or one stray byte.
struct Glyph {
    char32_t point = 0;
    std::string_view bytes;
    bool malformed = false;
};

int utf8SequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Decodes one glyph at `at`; a byte that starts no valid sequence becomes a malformed glyph.
Glyph decodeGlyph(std::string_view text, std::size_t at) {
    auto lead = static_cast<unsigned char>(text[at]);
    int length = utf8SequenceLength(lead);
    if (length == 0 || at + length > text.size()) return {lead, text.substr(at, 1), true};
    if (length == 1) return {lead, text.substr(at, 1), false};
    char32_t point = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80) return {lead, text.substr(at, 1), true};
        point = (point << 6) | (next & 0x3F);
    }
    return {point, text.substr(at, length), false};
}

std::vector<Glyph> decodeGlyphs(std::string_view text) {
    std::vector<Glyph> glyphs;
    for (std::size_t at = 0; at < text.size(); at += glyphs.back().bytes.size())
        glyphs.push_back(decodeGlyph(text, at));
    return glyphs;
}

std::string hexByte(unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", value & 0xFF);
    return buffer;
}

std::string codePointName(char32_t point) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(point));
    return buffer;
}

bool isControl(char32_t point) { return point < 0x20 || point == 0x7F; }

// How messages show a typed character: "'x'", or a name where quotes would show nothing.
std::string describe(const Glyph& glyph) {
    if (glyph.malformed) return "byte " + hexByte(glyph.point);
    if (glyph.point == ' ') return "a space";
    if (isControl(glyph.point)) return "control character " + codePointName(glyph.point);
    return "'" + std::string(glyph.bytes) + "'";
}

std::string describeZh(const Glyph& glyph) {
    if (glyph.malformed) return "字节" + hexByte(glyph.point);
    if (glyph.point == ' ') return "空格";
    if (isControl(glyph.point)) return "控制字符" + codePointName(glyph.point);
    return "'" + std::string(glyph.bytes) + "'";
}

std::string quoted(char c) { return std::string("'") + c + "'"; }

// Full-width forms (U+FF01–U+FF5E) mirror printable ASCII; Chinese input methods type them.
std::optional<char> fullWidthToAscii(char32_t point) {
    if (point < 0xFF01 || point > 0xFF5E) return std::nullopt;
    return static_cast<char>(point - 0xFEE0);
}

// What the user most likely meant at one position ('\0' when nothing sensible), and what is
// wrong with how it was written.
struct Reading {
    char meant = '\0';
    std::optional<UsccIssue> issue;
};

const char* const kCharacterSetEn = "0-9 and A-Z except I, O, S, V, Z";
const char* const kCharacterSetZh = "只用0-9及除I、O、S、V、Z外的大写字母";

UsccIssue notACharacter(const Glyph& glyph, int position) {
    return {position, describe(glyph) + " is not a credit-code character (" + kCharacterSetEn + ")",
            describeZh(glyph) + "不是统一社会信用代码字符（" + kCharacterSetZh + "）"};
}

Reading readGlyph(const Glyph& glyph, int position) {
    if (glyph.malformed)
        return {'\0', UsccIssue{position, describe(glyph) + " is not valid UTF-8", describeZh(glyph) + "不是有效的UTF-8编码"}};
    auto fullWidth = fullWidthToAscii(glyph.point);
    if (!fullWidth && glyph.point >= 0x80) return {'\0', notACharacter(glyph, position)};
    char typed = fullWidth ? *fullWidth : static_cast<char>(glyph.point);
    char upper = isLower(typed) ? static_cast<char>(typed - 'a' + 'A') : typed;
    if (isUpper(upper) && kUnusedLetters.find(upper) != std::string_view::npos)
        return {'\0', UsccIssue{position, describe(glyph) + " is not used in credit codes (no I, O, S, V or Z)",
                                describeZh(glyph) + "不用于统一社会信用代码（不使用I、O、S、V、Z）"}};
    if (characterValue(upper) < 0) return {'\0', notACharacter(glyph, position)};
    if (fullWidth)
        return {upper, UsccIssue{position, describe(glyph) + " is full-width, expected " + quoted(upper),
                                 describeZh(glyph) + "为全角字符，应为半角" + quoted(upper)}};
    if (typed != upper)
        return {upper, UsccIssue{position, describe(glyph) + " is lowercase, expected " + quoted(upper),
                                 describeZh(glyph) + "为小写，应为大写" + quoted(upper)}};
    return {upper, std::nullopt};
}

// ---- The checks --------------------------------------------------------------------------

struct Reader {
    std::vector<Glyph> glyphs;
    std::string meant;  // per position: the intended character, '\0' where unreadable
    std::vector<UsccIssue> issues;

    bool readable(int from, int to) const {  // 1-based, inclusive
        if (to > static_cast<int>(meant.size())) return false;
        for (int position = from; position <= to; ++position)
            if (meant[position - 1] == '\0') return false;
        return true;
    }
    char at(int position) const { return meant[position - 1]; }
    const Glyph& glyph(int position) const { return glyphs[position - 1]; }
};

void checkLength(Reader& reader) {
    auto count = reader.glyphs.size();
    if (count == kLength) return;
    if (count == 0) {
        reader.issues.push_back({0, "empty, expected 18 characters", "代码为空，应为18个字符"});
        return;
    }
    auto n = std::to_string(count);
    reader.issues.push_back({0, n + (count == 1 ? " character" : " characters") + ", expected 18",
                             "长度为" + n + "个字符，应为18个"});
}

void checkCharacters(Reader& reader) {
    for (std::size_t i = 0; i < reader.glyphs.size(); ++i) {
        auto reading = readGlyph(reader.glyphs[i], static_cast<int>(i) + 1);
        reader.meant += reading.meant;
        if (reading.issue) reader.issues.push_back(*reading.issue);
    }
}

void checkAuthorityAndType(Reader& reader) {
    if (!reader.readable(1, 1)) return;
    const Authority* authority = findAuthority(reader.at(1));
    if (!authority) {
        std::string code = quoted(reader.at(1));
        reader.issues.push_back({1, "registration authority code " + code + " does not exist, expected 1-9, A, N or Y",
                                 "登记管理部门代码" + code + "不存在，应为1-9、A、N或Y"});
        return;
    }
    if (!reader.readable(2, 2) || authority->types.find(reader.at(2)) != std::string_view::npos) return;
    std::string authorityCode = quoted(authority->code);
    std::string type = quoted(reader.at(2));
    reader.issues.push_back(
        {2,
         "entity type code " + type + " does not exist for registration authority " + authorityCode + " (" +
             authority->en + "), expected " + listChoices(authority->types, ", ", " or "),
         "机构类别代码" + type + "不适用于登记管理部门" + authorityCode + "（" + authority->zh + "），应为" +
             listChoices(authority->types, "、", "或")});
}

// Positions 3–8 are a GB/T 2260 division code: digits only. Whether the division exists is
// not checked here (the list changes every year); the check character guards typing errors.
void checkDivision(Reader& reader) {
    int last = std::min<int>(8, static_cast<int>(reader.meant.size()));
    for (int position = 3; position <= last; ++position) {
        char c = reader.at(position);
        if (c == '\0' || isDigit(c)) continue;
        reader.issues.push_back({position, "administrative division code (positions 3-8) takes digits only, found " + quoted(c),
                                 "为行政区划码，应为数字，实为" + quoted(c)});
    }
}

// Positions 9–17 are an organization code with its own check character (GB 11714). Enforced:
// every published code verified satisfies it, from enterprises and individual businesses to
// public institutions and the early pilot codes (which fail only the final character).
void checkOrganizationCode(Reader& reader) {
    if (reader.glyphs.size() != kLength || !reader.readable(9, 16)) return;
    char expected = organizationCodeCheckCharacter(reader.meant.substr(8, 8));
    if (reader.at(17) == expected) return;
    const Glyph& typed = reader.glyph(17);
    reader.issues.push_back({17, "organization code check character is " + describe(typed) + ", expected " + quoted(expected),
                             "组织机构代码校验码应为" + quoted(expected) + "，实为" + describeZh(typed)});
}

void checkFinalCharacter(Reader& reader) {
    if (reader.glyphs.size() != kLength || !reader.readable(1, 17)) return;
    char expected = usccCheckCharacter(std::string_view(reader.meant).substr(0, 17));
    if (reader.at(18) == expected) return;
    const Glyph& typed = reader.glyph(18);
    reader.issues.push_back({18, "check character is " + describe(typed) + ", expected " + quoted(expected),
                             "校验码应为" + quoted(expected) + "，实为" + describeZh(typed)});
}

}  // namespace

std::string UsccCheck::summary() const {
    if (valid || issues.empty()) return "valid";
    const auto& first = issues.front();
    return first.position == 0 ? first.why : "position " + std::to_string(first.position) + ": " + first.why;
}

std::string UsccCheck::summaryZh() const {
    if (valid || issues.empty()) return "有效";
    const auto& first = issues.front();
    return first.position == 0 ? first.whyZh : "第" + std::to_string(first.position) + "位" + first.whyZh;
}

UsccCheck checkUscc(std::string_view code) {
    Reader reader;
    reader.glyphs = decodeGlyphs(code);
    checkLength(reader);
    checkCharacters(reader);
    checkAuthorityAndType(reader);
    checkDivision(reader);
    checkOrganizationCode(reader);
    checkFinalCharacter(reader);
    // Whole-code issues first, then by position; within a position, in the order found.
    std::stable_sort(reader.issues.begin(), reader.issues.end(),
                     [](const UsccIssue& a, const UsccIssue& b) { return a.position < b.position; });
    return UsccCheck{reader.issues.empty(), std::string(code), std::move(reader.issues)};
}

// Weights w_i = 3^(i-1) mod 31; check value = 31 - (Σ value_i·w_i mod 31), with 31 read as 0.
char usccCheckCharacter(std::string_view first17) {
    if (first17.size() != kLength - 1) return '\0';
    int sum = 0;
    int weight = 1;
    for (char c : first17) {
        int value = characterValue(c);
        if (value < 0) return '\0';
        sum += value * weight;
        weight = weight * 3 % 31;
    }
    return kCharacters[(31 - sum % 31) % 31];
}

// GB 11714: digits are 0–9 and letters A=10 … Z=35; check = 11 - (Σ value·w mod 11),
// 10 written 'X' and 11 written '0'.
char organizationCodeCheckCharacter(std::string_view body8) {
    constexpr int kWeights[] = {3, 7, 9, 10, 5, 8, 4, 2};
    if (body8.size() != 8) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < body8.size(); ++i) {
        char c = body8[i];
        if (!isDigit(c) && !isUpper(c)) return '\0';
        int value = isDigit(c) ? c - '0' : c - 'A' + 10;
        sum += value * kWeights[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) return 'X';
    if (check == 11) return '0';
    return static_cast<char>('0' + check);
}

Result<Uscc> Uscc::parse(std::string_view code) {
    auto check = checkUscc(code);
    if (!check.valid) return makeError("", "credit code '" + check.code + "': " + check.summary());
    return Uscc(std::move(check.code));
}

}  // namespace inspectonce
