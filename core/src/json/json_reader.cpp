#include "json/json_reader.hpp"

#include <algorithm>
#include <cctype>

namespace inspectonce::json {
namespace {

// Records the first syntax error nlohmann reports, without exceptions.
struct ErrorCatcher : nlohmann::json_sax<nlohmann::json> {
    std::size_t position = 0;
    std::string message;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
        position = pos;
        message = e.what();
        return false;
    }
};

std::string describe(const nlohmann::json& node) {
    switch (node.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::boolean: return node.get<bool>() ? "true" : "false";
        case nlohmann::json::value_t::string: {
            std::string s = node.get<std::string>();
            if (s.size() > 40) s = s.substr(0, 40) + "…";
            return "\"" + s + "\"";
        }
        default: return node.dump();
    }
}

std::string escapePointerToken(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace

Result<nlohmann::json> parse(std::string_view text, const std::string& source) {
    auto document = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!document.is_discarded()) return document;

    ErrorCatcher catcher;
    nlohmann::json::sax_parse(text.begin(), text.end(), &catcher);
    // nlohmann counts the byte after the offending one; turn it into line and column.
    std::size_t offset = std::min(catcher.position > 0 ? catcher.position - 1 : 0, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    std::string why = catcher.message;
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
    if (auto colon = why.find(": "); colon != std::string::npos && why.rfind("[json.exception", 0) == 0)
        why = why.substr(colon + 2);
    return makeError(source + ":" + std::to_string(line) + ":" + std::to_string(column),
                     "malformed JSON: " + why);
}

Cursor::Cursor(const nlohmann::json& node, std::string source, std::string pointer)
    : node_(&node), source_(std::move(source)), pointer_(std::move(pointer)) {}

std::string Cursor::where() const { return source_ + " at " + (pointer_.empty() ? "/" : pointer_); }

Error Cursor::fail(const std::string& expected) const {
    return makeError(where(), "expected " + expected + ", found " + describe(*node_));
}

bool Cursor::has(std::string_view key) const {
    return node_->is_object() && node_->contains(std::string(key));
}

Result<Cursor> Cursor::field(std::string_view key) const {
    if (!node_->is_object()) return fail("an object with \"" + std::string(key) + "\"");
    auto it = node_->find(std::string(key));
    if (it == node_->end()) return makeError(where(), "missing required field \"" + std::string(key) + "\"");
    return Cursor(*it, source_, pointer_ + "/" + escapePointerToken(key));
}

std::optional<Cursor> Cursor::optionalField(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return Cursor((*node_)[std::string(key)], source_, pointer_ + "/" + escapePointerToken(key));
}

Result<std::vector<Cursor>> Cursor::items() const {
    if (!node_->is_array()) return fail("an array");
    std::vector<Cursor> out;
    out.reserve(node_->size());
    for (std::size_t i = 0; i < node_->size(); ++i)
        out.emplace_back((*node_)[i], source_, pointer_ + "/" + std::to_string(i));
    return out;
}

Status Cursor::onlyKeys(std::initializer_list<std::string_view> allowed) const {
    if (!node_->is_object()) return fail("an object");
    for (const auto& [key, value] : node_->items()) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        return makeError(where(), "unknown field \"" + key + "\" (allowed: " + list + ")");
    }
    return Ok{};
}

Result<std::string> Cursor::string() const {
    if (!node_->is_string()) return fail("a string");
    return node_->get<std::string>();
}

Result<int64_t> Cursor::integer(int64_t min, int64_t max) const {
    std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
    if (!node_->is_number_integer()) return fail(expected);
    int64_t value = node_->get<int64_t>();
    if (value < min || value > max) return fail(expected);
    return value;
}

Result<bool> Cursor::boolean() const {
    if (!node_->is_boolean()) return fail("true or false");
    return node_->get<bool>();
}

Result<bool> Cursor::flag(std::string_view key) const {
    auto member = optionalField(key);
    if (!member) return false;
    return member->boolean();
}

Result<Text> Cursor::text() const {
    IO_CHECK(onlyKeys({"zh", "en"}));
    IO_TRY(zh, field("zh"));
    IO_TRY(en, field("en"));
    IO_TRY(zhText, zh.string());
    IO_TRY(enText, en.string());
    if (zhText.empty()) return zh.fail("a non-empty Chinese text");
    if (enText.empty()) return en.fail("a non-empty English text");
    return Text{zhText, enText};
}

Result<Date> Cursor::date() const {
    IO_TRY(iso, string());
    auto day = Date::parse(iso);
    if (!day) return makeError(where(), day.error().message());
    return day.value();
}

Result<Citation> Cursor::clause() const {
    IO_TRY(clauseText, string());
    auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(clauseText[i])) != 0; };
    bool wellFormed = clauseText.size() > 4 && digit(0) && digit(1) && digit(2) && clauseText[3] == ' ';
    if (!wellFormed) return fail("a clause such as \"004 二(三)\" (seed number, space, clause)");
    return Citation{clauseText};
}

}  // namespace inspectonce::json
