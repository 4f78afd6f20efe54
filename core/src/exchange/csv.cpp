// CSV text: reading with libcsv (RFC 4180, strict), writing by hand (the quoting rule is one
// line), UTF-8 checks and the problem list.
#include <csv.h>

#include <algorithm>

#include "exchange/exchange_internal.hpp"

namespace inspectonce::exchange {
namespace {

// What libcsv's callbacks fill. libcsv reports a field when it ends and a record when its
// terminator is seen; it does not say where. The file is therefore fed one physical line at a
// time: a record starts on the line being fed when the parser is between records as that
// line begins (pstate 0 is libcsv's ROW_NOT_BEGUN), which also holds after a quoted field
// that spans lines.
struct Collector {
    std::vector<CsvRecord> records;
    std::vector<std::string> fields;
    int64_t startLine = 1;
};

void onField(void* text, std::size_t length, void* data) {
    auto* c = static_cast<Collector*>(data);
    c->fields.emplace_back(text ? static_cast<const char*>(text) : "", text ? length : 0);
}

void onRecord(int /*terminator*/, void* data) {
    auto* c = static_cast<Collector*>(data);
    bool blank = std::all_of(c->fields.begin(), c->fields.end(), [](const std::string& f) { return f.empty(); });
    if (!blank) c->records.push_back({c->startLine, std::move(c->fields)});
    c->fields.clear();
}

// Frees the parser's buffer however the reading ends.
struct Parser {
    csv_parser p{};
    bool ready = false;
    Parser() { ready = csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0; }
    ~Parser() {
        if (ready) csv_free(&p);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
};

int64_t lineAt(std::string_view bytes, std::size_t offset) {
    return 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n');
}

}  // namespace

std::size_t firstNonUtf8Byte(std::string_view bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        uint32_t min = 0;
        uint32_t code = 0;
        if (c >= 0xC2 && c <= 0xDF) length = 2, min = 0x80, code = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF) length = 3, min = 0x800, code = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4) length = 4, min = 0x10000, code = c & 0x07u;
        else return i + 1;
        if (i + length > n) return i + 1;
        for (std::size_t k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0u) != 0x80u) return i + 1;
            code = (code << 6) | (s[i + k] & 0x3Fu);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i + 1;
        i += length;
    }
    return 0;
}

std::string csvField(std::string_view value) {
    // A leading BOM too: at the start of a file the reader would take it for the file's own
    // (found by the fuzzer, tests/fuzz).
    bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos || value.starts_with("\xEF\xBB\xBF") ||
                 (!value.empty() && (value.front() == ' ' || value.front() == '\t' || value.back() == ' ' || value.back() == '\t'));
    if (!quote) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csvField(fields[i]);
    }
    return out + "\r\n";
}

std::string Problem::where() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    if (!column.empty()) out += ": " + column;
    return out;
}

void Problems::add(Problem problem) {
    ++total;
    if (listed.size() < kListedProblems) listed.push_back(std::move(problem));
}

namespace detail {

std::optional<std::vector<CsvRecord>> readRecords(std::string_view bytes, const std::string& file, Problems& problems) {
    std::size_t skip = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") skip = 3;
    if (std::size_t bad = firstNonUtf8Byte(bytes); bad != 0) {
        bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
        std::string n = std::to_string(bad);
        problems.add({file, lineAt(bytes, bad - 1), "",
                      {"第 " + n + " 字节起不是 UTF-8" + (utf16 ? "（是 UTF-16）" : "（多半是 GBK）") +
                           "：请另存为 UTF-8（Excel：“CSV UTF-8（逗号分隔）”）",
                       "not UTF-8 at byte " + n + (utf16 ? " (it is UTF-16)" : " (GBK?)") +
                           ", save as UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")"}});
        return std::nullopt;
    }
    Parser parser;
    if (!parser.ready) {
        problems.add({file, 0, "", {"无法初始化 CSV 解析器", "cannot initialise the CSV parser"}});
        return std::nullopt;
    }
    Collector c;
    int64_t line = 1;
    std::size_t at = skip;
    while (at < bytes.size()) {
        std::size_t end = bytes.find('\n', at);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        if (parser.p.pstate == 0) c.startLine = line;
        std::size_t length = end - at;
        std::size_t parsed = csv_parse(&parser.p, bytes.data() + at, length, onField, onRecord, &c);
        if (parsed != length) {
            int code = csv_error(&parser.p);
            std::string field = std::to_string(c.fields.size() + 1);
            if (code == CSV_EPARSE)
                problems.add({file, line, "",
                              {"第 " + field + " 个字段：未加引号的字段中有引号，或右引号后还有字符（含引号的字段须整体加引号，内部引号写两次）",
                               "field " + field + ": a quote inside an unquoted field, or text after a closing quote "
                                                  "(quote the whole field and double the quotes inside)"}});
            else
                problems.add({file, line, "", {"CSV 解析失败：" + std::string(csv_strerror(code)), "cannot parse: " + std::string(csv_strerror(code))}});
            return std::nullopt;
        }
        at = end;
        ++line;
    }
    if (csv_fini(&parser.p, onField, onRecord, &c) != 0) {
        problems.add({file, c.startLine, "",
                      {"此行开始的引号字段直到文件末尾都没有闭合", "a quoted field of the record starting here is never closed"}});
        return std::nullopt;
    }
    return std::move(c.records);
}

}  // namespace detail

Result<std::vector<CsvRecord>> readCsv(std::string_view bytes, const std::string& file) {
    Problems problems;
    auto records = detail::readRecords(bytes, file, problems);
    if (!records) return makeError(problems.listed.front().where(), problems.listed.front().why.en);
    return std::move(*records);
}

}  // namespace inspectonce::exchange
