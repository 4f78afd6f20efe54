// The unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character
// identity of every enterprise the software inspects. Codes arrive typed by hand, copied
// from licences or imported from spreadsheets, so checkUscc explains every problem it finds,
// in English and Chinese, position by position, and Uscc holds only codes that passed.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inspectonce/error.hpp"

namespace inspectonce {

struct UsccIssue {
    int position;       // 1-based character position; 0 for the whole code (its length)
    std::string why;    // English, without the position: "check character is 'X', expected '3'"
    std::string whyZh;  // Chinese, reads after "第N位": "校验码应为'3'，实为'X'"
};

struct UsccCheck {
    bool valid = false;
    std::string code;               // the input as given
    std::vector<UsccIssue> issues;  // empty when valid; whole-code issues first, then by position

    std::string summary() const;    // "valid" or the first issue: "position 18: check character is 'X', expected '3'"
    std::string summaryZh() const;  // "有效" or the first issue: "第18位校验码应为'3'，实为'X'"
};

// Checks `code` against GB 32100-2015. Never fails: an invalid code yields issues. Positions
// count characters (UTF-8 code points), so a full-width 'Ａ' is one position, not three.
UsccCheck checkUscc(std::string_view code);

// The 18th character for the first 17. Precondition: 17 characters of the code's character
// set (0-9, A-Z except I O S V Z); returns '\0' when it does not hold.
char usccCheckCharacter(std::string_view first17);

// The 9th character of an organization code (GB 11714, positions 9–17 of a credit code) for
// its 8 body characters. Precondition: 8 digits or uppercase letters; '\0' otherwise.
char organizationCodeCheckCharacter(std::string_view body8);

// A credit code that passed checkUscc. There is no other way to make one.
class Uscc {
public:
    static Result<Uscc> parse(std::string_view code);

    const std::string& str() const { return code_; }

    // Written out, not `= default`: Emscripten's libc++ 14 has no operator<=> for std::string.
    std::strong_ordering operator<=>(const Uscc& other) const { return code_.compare(other.code_) <=> 0; }
    bool operator==(const Uscc& other) const { return code_ == other.code_; }

private:
    explicit Uscc(std::string code) : code_(std::move(code)) {}

    std::string code_;
};

}  // namespace inspectonce
