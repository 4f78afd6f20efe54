// The credit-code checks: published codes, every kind of invalid input with its exact
// explanation, and properties over many generated codes (deterministic: same codes natively
// and in wasm).
#include "inspectonce/uscc.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace inspectonce {
namespace {

// The standard's own example (GB 32100-2015, a Fuzhou enterprise).
constexpr std::string_view kStandardExample = "91350100M000100Y43";

// Published codes of real organizations, one or more of each common kind.
const std::vector<std::string> kPublishedCodes = {
    std::string(kStandardExample),
    "91440300708461136T",  // enterprise: 腾讯科技（深圳）有限公司
    "91310115591693856A",  // enterprise, Shanghai (Hutool's test vector)
    "91310110666007217T",  // enterprise, Shanghai (Hutool's test vector)
    "9135052155323005XL",  // enterprise, Quanzhou; organization code check character 'X'
    "91330201MA282UF146",  // enterprise: 宁波安联检测有限公司; letters in the organization code
    "91330401MA28ADM67R",  // enterprise: 嘉兴安联检测技术服务有限公司
    "91310000132149237G",  // enterprise, Shanghai
    "92230109MAKCUYD46K",  // individual business (个体工商户), Harbin
    "12100000470095016Q",  // public institution (事业单位): 浙江大学
    "12100000425006117P",  // public institution: 复旦大学
    "12310000425022547M",  // public institution: 上海工程技术大学
    "51310110501144395U",  // social organization (社会团体), Shanghai Yangpu
    "53100000500019795A",  // foundation (基金会) registered with the Ministry of Civil Affairs
};

// The first 17 characters with the right 18th appended: builds a code whose only problem is
// the one a test puts in on purpose.
std::string withCheckCharacter(std::string_view first17) {
    return std::string(first17) + usccCheckCharacter(first17);
}

// Every issue found, as "position: why", so a failing test shows them all.
std::vector<std::string> describeIssues(const UsccCheck& check) {
    std::vector<std::string> out;
    for (const auto& issue : check.issues) out.push_back(std::to_string(issue.position) + ": " + issue.why);
    return out;
}

bool hasIssueAt(const UsccCheck& check, int position) {
    for (const auto& issue : check.issues)
        if (issue.position == position) return true;
    return false;
}

// Asserts that `code` has exactly one problem: at `position`, explained by `why`.
void expectOnlyIssue(std::string_view code, int position, const std::string& why) {
    auto check = checkUscc(code);
    EXPECT_FALSE(check.valid) << code;
    ASSERT_EQ(check.issues.size(), 1u) << code << "\n" << testing::PrintToString(describeIssues(check));
    EXPECT_EQ(check.issues[0].position, position) << code;
    EXPECT_EQ(check.issues[0].why, why) << code;
}

// ---- Valid codes -------------------------------------------------------------------------

TEST(UsccTest, AcceptsPublishedCodes) {
    for (const auto& code : kPublishedCodes) {
        auto check = checkUscc(code);
        EXPECT_TRUE(check.valid) << code << ": " << check.summary();
        EXPECT_TRUE(check.issues.empty()) << code;
        EXPECT_EQ(check.code, code);
        EXPECT_EQ(check.summary(), "valid");
        EXPECT_EQ(check.summaryZh(), "有效");
    }
}

TEST(UsccTest, CheckCharacterReproducesPublishedCodes) {
    for (const auto& code : kPublishedCodes)
        EXPECT_EQ(usccCheckCharacter(std::string_view(code).substr(0, 17)), code[17]) << code;
}

TEST(UsccTest, OrganizationCodeCheckCharacterReproducesPublishedCodes) {
    for (const auto& code : kPublishedCodes)
        EXPECT_EQ(organizationCodeCheckCharacter(std::string_view(code).substr(8, 8)), code[16]) << code;
}

TEST(UsccTest, OrganizationCodeCheckCharacterWritesTenAsXAndElevenAsZero) {
    EXPECT_EQ(organizationCodeCheckCharacter("55323005"), 'X');  // from 9135052155323005XL
    EXPECT_EQ(organizationCodeCheckCharacter("00000000"), '0');  // sum 0: 11 - 0 = 11
    EXPECT_EQ(organizationCodeCheckCharacter("M000100Y"), '4');  // M = 22, Y = 34 (GB 11714)
}

TEST(UsccTest, CheckCharacterFunctionsRejectBrokenPreconditions) {
    EXPECT_EQ(usccCheckCharacter("91350100M000100Y"), '\0');    // 16 characters
    EXPECT_EQ(usccCheckCharacter("91350100M000100Y4X"), '\0');  // 18 characters
    EXPECT_EQ(usccCheckCharacter("91350100I000100Y4"), '\0');   // I is not in the set
    EXPECT_EQ(usccCheckCharacter("91350100m000100Y4"), '\0');   // lowercase
    EXPECT_EQ(organizationCodeCheckCharacter("M000100"), '\0');
    EXPECT_EQ(organizationCodeCheckCharacter("m000100Y"), '\0');
}

// Early pilot codes from Fuzhou and Xiamen (published by the IDCheck project as real but
// non-conforming) fail the final check character. The check stays strict: a code that
// fails it cannot be told apart from a typo. Such an enterprise needs manual entry.
TEST(UsccTest, RejectsNonConformingPilotCodes) {
    struct Pilot { const char* code; char expected; };
    for (auto [code, expected] : {Pilot{"91350100M0001TGQXM", '1'}, Pilot{"91350211M0000XUF46", 'R'},
                                  Pilot{"91350203M0001FUE2P", 'J'}, Pilot{"91350211M00013FA1N", '3'}}) {
        auto check = checkUscc(code);
        EXPECT_FALSE(check.valid) << code;
        ASSERT_EQ(check.issues.size(), 1u) << code;
        EXPECT_EQ(check.issues[0].position, 18);
        EXPECT_EQ(check.issues[0].why, std::string("check character is '") + code[17] + "', expected '" + expected + "'");
    }
}

// ---- Length ------------------------------------------------------------------------------

TEST(UsccTest, ExplainsShortCode) {
    auto check = checkUscc("91350100M000100Y4");
    EXPECT_FALSE(check.valid);
    ASSERT_EQ(check.issues.size(), 1u) << testing::PrintToString(describeIssues(check));
    EXPECT_EQ(check.issues[0].position, 0);
    EXPECT_EQ(check.summary(), "17 characters, expected 18");
    EXPECT_EQ(check.summaryZh(), "长度为17个字符，应为18个");
}

TEST(UsccTest, ExplainsLongCode) {
    expectOnlyIssue("91350100M000100Y433", 0, "19 characters, expected 18");
}

TEST(UsccTest, ExplainsEmptyAndOneCharacterCodes) {
    expectOnlyIssue("", 0, "empty, expected 18 characters");
    EXPECT_EQ(checkUscc("").summaryZh(), "代码为空，应为18个字符");
    expectOnlyIssue("9", 0, "1 character, expected 18");
}

TEST(UsccTest, CountsCharactersNotBytes) {
    // 17 ASCII characters and one Chinese character (3 bytes in UTF-8): 18 positions.
    auto check = checkUscc("91350100M000100Y4三");
    EXPECT_EQ(describeIssues(check),
              (std::vector<std::string>{"18: '三' is not a credit-code character (0-9 and A-Z except I, O, S, V, Z)",
                                        "18: check character is '三', expected '3'"}));
}

// ---- Characters --------------------------------------------------------------------------

TEST(UsccTest, ExplainsForbiddenLetters) {
    expectOnlyIssue("9135I100M000100Y43", 5, "'I' is not used in credit codes (no I, O, S, V or Z)");
    auto check = checkUscc("9135I100M000100Y43");
    EXPECT_EQ(check.summary(), "position 5: 'I' is not used in credit codes (no I, O, S, V or Z)");
    EXPECT_EQ(check.summaryZh(), "第5位'I'不用于统一社会信用代码（不使用I、O、S、V、Z）");
    for (char letter : std::string_view("OSVZ")) {
        std::string code = "91350100M000100Y43";
        code[9] = letter;
        expectOnlyIssue(code, 10, std::string("'") + letter + "' is not used in credit codes (no I, O, S, V or Z)");
    }
}

TEST(UsccTest, ExplainsForbiddenLetterTypedLowercase) {
    expectOnlyIssue("9135o100M000100Y43", 5, "'o' is not used in credit codes (no I, O, S, V or Z)");
}

TEST(UsccTest, SuggestsUppercaseForLowercase) {
    auto check = checkUscc("91350100m000100y43");
    EXPECT_FALSE(check.valid);
    ASSERT_EQ(check.issues.size(), 2u) << testing::PrintToString(describeIssues(check));
    EXPECT_EQ(check.issues[0].position, 9);
    EXPECT_EQ(check.issues[0].why, "'m' is lowercase, expected 'M'");
    EXPECT_EQ(check.issues[1].position, 16);
    EXPECT_EQ(check.issues[1].why, "'y' is lowercase, expected 'Y'");
    EXPECT_EQ(check.summaryZh(), "第9位'm'为小写，应为大写'M'");
}

TEST(UsccTest, SuggestsHalfWidthForFullWidth) {
    expectOnlyIssue("９1350100M000100Y43", 1, "'９' is full-width, expected '9'");
    expectOnlyIssue("91350100ｍ000100Y43", 9, "'ｍ' is full-width, expected 'M'");
    EXPECT_EQ(checkUscc("９1350100M000100Y43").summaryZh(), "第1位'９'为全角字符，应为半角'9'");
}

TEST(UsccTest, ExplainsPunctuation) {
    expectOnlyIssue("91350100-000100Y43", 9, "'-' is not a credit-code character (0-9 and A-Z except I, O, S, V, Z)");
}

TEST(UsccTest, NamesSpacesAndControlCharacters) {
    auto check = checkUscc("91350100M000100Y4 ");
    ASSERT_EQ(check.issues.size(), 2u) << testing::PrintToString(describeIssues(check));
    EXPECT_EQ(check.issues[0].why, "a space is not a credit-code character (0-9 and A-Z except I, O, S, V, Z)");
    EXPECT_EQ(check.issues[1].why, "check character is a space, expected '3'");
    EXPECT_EQ(check.summaryZh(), "第18位空格不是统一社会信用代码字符（只用0-9及除I、O、S、V、Z外的大写字母）");

    expectOnlyIssue("91350100\tM000100Y4", 9, "control character U+0009 is not a credit-code character (0-9 and A-Z except I, O, S, V, Z)");
}

TEST(UsccTest, ExplainsInvalidUtf8) {
    EXPECT_EQ(describeIssues(checkUscc("91350100M000100Y4\xFF")),
              (std::vector<std::string>{"18: byte 0xFF is not valid UTF-8", "18: check character is byte 0xFF, expected '3'"}));
    // A truncated sequence: two stray bytes, each its own position.
    auto check = checkUscc("91350100M000100Y4\xE4\xB8");
    EXPECT_EQ(describeIssues(check), (std::vector<std::string>{"0: 19 characters, expected 18",
                                                               "18: byte 0xE4 is not valid UTF-8",
                                                               "19: byte 0xB8 is not valid UTF-8"}));
}

// ---- Structure ---------------------------------------------------------------------------

TEST(UsccTest, ExplainsUnknownRegistrationAuthority) {
    auto code = withCheckCharacter("B1350100M000100Y4");
    expectOnlyIssue(code, 1, "registration authority code 'B' does not exist, expected 1-9, A, N or Y");
    EXPECT_EQ(checkUscc(code).summaryZh(), "第1位登记管理部门代码'B'不存在，应为1-9、A、N或Y");
    expectOnlyIssue(withCheckCharacter("01350100M000100Y4"), 1,
                    "registration authority code '0' does not exist, expected 1-9, A, N or Y");
}

TEST(UsccTest, ExplainsEntityTypeNotUsedByAuthority) {
    auto code = withCheckCharacter("94350100M000100Y4");
    expectOnlyIssue(code, 2,
                    "entity type code '4' does not exist for registration authority '9' (industry and commerce), "
                    "expected 1, 2 or 3");
    EXPECT_EQ(checkUscc(code).summaryZh(), "第2位机构类别代码'4'不适用于登记管理部门'9'（工商），应为1、2或3");
    expectOnlyIssue(withCheckCharacter("Y2350100M000100Y4"), 2,
                    "entity type code '2' does not exist for registration authority 'Y' (other), expected 1");
    expectOnlyIssue(withCheckCharacter("54350100M000100Y4"), 2,
                    "entity type code '4' does not exist for registration authority '5' (civil affairs), "
                    "expected 1, 2, 3 or 9");
}

TEST(UsccTest, AcceptsEveryAuthorityAndTypeOfTheTable) {
    const std::vector<std::string> pairs = {"11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39",
                                            "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79",
                                            "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"};
    for (const auto& pair : pairs) {
        auto code = withCheckCharacter(pair + "350100M000100Y4");
        EXPECT_TRUE(checkUscc(code).valid) << code << ": " << checkUscc(code).summary();
    }
}

TEST(UsccTest, ExplainsNonDigitDivisionCode) {
    auto code = withCheckCharacter("9135A100M000100Y4");
    expectOnlyIssue(code, 5, "administrative division code (positions 3-8) takes digits only, found 'A'");
    EXPECT_EQ(checkUscc(code).summaryZh(), "第5位为行政区划码，应为数字，实为'A'");
}

TEST(UsccTest, ExplainsOrganizationCodeCheckCharacter) {
    auto code = withCheckCharacter("91350100M000100Y5");
    expectOnlyIssue(code, 17, "organization code check character is '5', expected '4'");
    EXPECT_EQ(checkUscc(code).summaryZh(), "第17位组织机构代码校验码应为'4'，实为'5'");
}

TEST(UsccTest, ExplainsFinalCheckCharacter) {
    auto check = checkUscc("91350100M000100Y4X");
    EXPECT_FALSE(check.valid);
    ASSERT_EQ(check.issues.size(), 1u);
    EXPECT_EQ(check.issues[0].position, 18);
    EXPECT_EQ(check.summary(), "position 18: check character is 'X', expected '3'");
    EXPECT_EQ(check.summaryZh(), "第18位校验码应为'3'，实为'X'");
}

TEST(UsccTest, ExplainsForbiddenLetterInCheckPositionWithTheExpectedCharacter) {
    auto check = checkUscc("91350100M000100Y4Z");
    ASSERT_EQ(check.issues.size(), 2u) << testing::PrintToString(describeIssues(check));
    EXPECT_EQ(check.issues[0].why, "'Z' is not used in credit codes (no I, O, S, V or Z)");
    EXPECT_EQ(check.issues[1].why, "check character is 'Z', expected '3'");
}

TEST(UsccTest, ListsEveryProblemWholeCodeFirstThenByPosition) {
    auto check = checkUscc("B4A5O100M000100Y4");  // 17 characters
    EXPECT_EQ(describeIssues(check),
              (std::vector<std::string>{
                  "0: 17 characters, expected 18",
                  "1: registration authority code 'B' does not exist, expected 1-9, A, N or Y",
                  "3: administrative division code (positions 3-8) takes digits only, found 'A'",
                  "5: 'O' is not used in credit codes (no I, O, S, V or Z)",
              }));
    EXPECT_EQ(check.summary(), "17 characters, expected 18");
}

// ---- Uscc --------------------------------------------------------------------------------

TEST(UsccTest, ParseKeepsValidCode) {
    auto parsed = Uscc::parse(kStandardExample);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->str(), kStandardExample);
}

TEST(UsccTest, ParseExplainsInvalidCode) {
    auto parsed = Uscc::parse("91350100M000100Y4X");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().message(), "credit code '91350100M000100Y4X': position 18: check character is 'X', expected '3'");
}

TEST(UsccTest, ParseDoesNotFixLowercase) {
    auto parsed = Uscc::parse("91350100m000100Y43");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().message(), "credit code '91350100m000100Y43': position 9: 'm' is lowercase, expected 'M'");
}

TEST(UsccTest, CodesCompareByText) {
    auto a = Uscc::parse("12100000425006117P").value();
    auto b = Uscc::parse("91440300708461136T").value();
    EXPECT_LT(a, b);
    EXPECT_EQ(a, Uscc::parse("12100000425006117P").value());
    EXPECT_NE(a, b);
}

// ---- Properties over generated codes -----------------------------------------------------

constexpr std::string_view kCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A uniform draw from [0, bound) using only mt19937's raw output, which the standard fixes;
// std::uniform_int_distribution differs between libstdc++ and libc++ (native vs wasm).
std::uint32_t draw(std::mt19937& random, std::uint32_t bound) {
    const std::uint64_t limit = (std::uint64_t{1} << 32) / bound * bound;  // rejects the biased tail
    for (;;) {
        std::uint64_t value = static_cast<std::uint32_t>(random());
        if (value < limit) return static_cast<std::uint32_t>(value % bound);
    }
}

char drawFrom(std::mt19937& random, std::string_view choices) {
    return choices[draw(random, static_cast<std::uint32_t>(choices.size()))];
}

// Authority and its entity types, written out independently of the implementation's table.
struct AuthorityTypes { char authority; std::string_view types; };
constexpr AuthorityTypes kTable[] = {{'1', "1239"}, {'2', "19"}, {'3', "123459"}, {'4', "19"},
                                     {'5', "1239"}, {'6', "129"},  {'7', "129"},    {'8', "19"},
                                     {'9', "123"},  {'A', "19"},   {'N', "1239"},   {'Y', "1"}};

std::string generateCode(std::mt19937& random) {
    const auto& entry = kTable[draw(random, std::size(kTable))];
    std::string code{entry.authority, drawFrom(random, entry.types)};
    for (int i = 0; i < 6; ++i) code += drawFrom(random, "0123456789");
    std::string body;
    for (int i = 0; i < 8; ++i) body += drawFrom(random, kCharacters);
    code += body + organizationCodeCheckCharacter(body);
    return withCheckCharacter(code);
}

constexpr std::uint32_t kSeed = 20240601;
constexpr int kGeneratedCodes = 2000;

TEST(UsccPropertyTest, GenerationIsTheSameOnEveryPlatform) {
    std::mt19937 random(kSeed);
    // Pinned: a change here means the draw is no longer platform-independent.
    EXPECT_EQ(generateCode(random), "41949205DU77J75G97");
    EXPECT_EQ(generateCode(random), "Y1247179W98TRQK7X7");
}

TEST(UsccPropertyTest, GeneratedCodesAreValid) {
    std::mt19937 random(kSeed);
    for (int i = 0; i < kGeneratedCodes; ++i) {
        auto code = generateCode(random);
        auto check = checkUscc(code);
        ASSERT_TRUE(check.valid) << code << ": " << check.summary();
        ASSERT_TRUE(Uscc::parse(code).ok()) << code;
    }
}

// Any substitution within the character set changes Σ value·weight mod 31 (31 is prime and
// no weight is 0), so the final check character always catches it.
TEST(UsccPropertyTest, EverySingleSubstitutionIsCaughtByTheCheckCharacter) {
    std::mt19937 random(kSeed);
    for (int i = 0; i < kGeneratedCodes; ++i) {
        auto code = generateCode(random);
        for (std::size_t at = 0; at < code.size(); ++at) {
            auto mutated = code;
            auto offset = 1 + draw(random, static_cast<std::uint32_t>(kCharacters.size() - 1));
            mutated[at] = kCharacters[(kCharacters.find(code[at]) + offset) % kCharacters.size()];
            auto check = checkUscc(mutated);
            ASSERT_FALSE(check.valid) << code << " -> " << mutated;
            ASSERT_TRUE(hasIssueAt(check, 18)) << mutated << ": " << testing::PrintToString(describeIssues(check));
        }
    }
}

// Outside the set (forbidden letters, lowercase, punctuation) the position itself is named.
TEST(UsccPropertyTest, EveryCharacterOutsideTheSetIsNamedAtItsPosition) {
    std::mt19937 random(kSeed);
    constexpr std::string_view kOutside = "IOSVZiosvzabcmxy-_ ./*";
    for (int i = 0; i < kGeneratedCodes; ++i) {
        auto code = generateCode(random);
        auto at = draw(random, 18);
        auto mutated = code;
        mutated[at] = drawFrom(random, kOutside);
        auto check = checkUscc(mutated);
        ASSERT_FALSE(check.valid) << mutated;
        ASSERT_TRUE(hasIssueAt(check, static_cast<int>(at) + 1)) << mutated << ": " << check.summary();
    }
}

// Swapping two different neighbours among the first 17 changes the sum by
// (a - b)·w_i·(1 - 3), never 0 mod 31: the check character catches every such slip.
TEST(UsccPropertyTest, EveryAdjacentTranspositionIsCaught) {
    std::mt19937 random(kSeed);
    for (int i = 0; i < kGeneratedCodes; ++i) {
        auto code = generateCode(random);
        for (std::size_t at = 0; at + 1 < 17; ++at) {
            if (code[at] == code[at + 1]) continue;
            auto swapped = code;
            std::swap(swapped[at], swapped[at + 1]);
            ASSERT_FALSE(checkUscc(swapped).valid) << code << " -> " << swapped;
        }
    }
}

}  // namespace
}  // namespace inspectonce
