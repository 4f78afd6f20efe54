// Reading JSON data files (calendars, county parameters, plugin data) with errors that say
// exactly where and why: "policies/yunhe.json at /blackouts/0/period/dekad: expected an
// integer from 1 to 3, found 4". nlohmann::json does the parsing; this adds the paths.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::json {

// Parses `text`; a syntax error names `source`, the line and the column.
Result<nlohmann::json> parse(std::string_view text, const std::string& source);

// A position inside a parsed document: the node plus the JSON pointer that reached it.
class Cursor {
public:
    Cursor(const nlohmann::json& node, std::string source, std::string pointer = "");

    std::string where() const;
    Error fail(const std::string& expected) const;  // "expected …, found …"
    const nlohmann::json& raw() const { return *node_; }

    bool has(std::string_view key) const;
    Result<Cursor> field(std::string_view key) const;
    std::optional<Cursor> optionalField(std::string_view key) const;
    Result<std::vector<Cursor>> items() const;
    // Fails on a member not in `allowed`: a misspelt key must not be silently ignored.
    Status onlyKeys(std::initializer_list<std::string_view> allowed) const;

    Result<std::string> string() const;
    Result<int64_t> integer(int64_t min, int64_t max) const;
    Result<bool> boolean() const;
    // The boolean member `key`; false when it is absent.
    Result<bool> flag(std::string_view key) const;
    // A string turned into a value by one of the model's parsers (parseCreditGrade …); the
    // parser's reason keeps this cursor's path.
    template <class T, class Parse>
    Result<T> parsed(Parse parse) const {
        IO_TRY(text, string());
        auto value = parse(text);
        if (!value) return makeError(where(), value.error().why);
        return value.value();
    }
    Result<Text> text() const;  // {"zh": "…", "en": "…"}
    Result<Date> date() const;  // "YYYY-MM-DD", a day of the civil calendar
    // A clause of a seed: its three digits, a space and the clause, "004 二(三)".
    Result<Citation> clause() const;

private:
    const nlohmann::json* node_;
    std::string source_;
    std::string pointer_;
};

}  // namespace inspectonce::json
