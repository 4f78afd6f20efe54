// Reading the rows of an exchange file into records: the header mapped to columns, every
// cell checked, every problem named with its line and column (rows.hpp's contract in
// exchange.hpp). Nothing here touches the database: References says what exists.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "exchange/exchange_internal.hpp"
#include "inspectonce/exceptions.hpp"
#include "inspectonce/uscc.hpp"

namespace inspectonce::exchange {
namespace {

using detail::trim;
using detail::Word;

// A header cell as compared: trimmed, full-width parentheses made ASCII, ASCII lower-cased,
// spaces and hyphens made underscores ("Above-Scale" = "above_scale").
std::string normalised(std::string_view text) {
    std::string s(trim(text));
    auto replace = [&](std::string_view from, std::string_view to) {
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    };
    replace("\xEF\xBC\x88", "(");  // （
    replace("\xEF\xBC\x89", ")");  // ）
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' || c == '-') c = '_';
    }
    return s;
}

std::string quoteZh(std::string_view s) { return "「" + std::string(s) + "」"; }
std::string quoteEn(std::string_view s) { return "'" + std::string(s) + "'"; }

struct Header {
    const std::vector<Column>* columns = nullptr;
    std::vector<int> byField;             // field index → column index, -1: an empty header cell
    std::vector<std::string> heading;     // column index → its header in the file ("" when absent)
    std::vector<std::string> ids;         // present columns' ids, in file order
    std::size_t width = 0;
};

std::optional<Header> readHeader(const CsvRecord& record, Table table, const std::string& file, Problems& problems) {
    Header h;
    h.columns = &columnsOf(table);
    const auto& columns = *h.columns;
    h.heading.assign(columns.size(), "");
    h.width = record.fields.size();
    std::vector<std::string> unknown;
    bool bad = false;
    for (const auto& cell : record.fields) {
        std::string n = normalised(cell);
        if (n.empty()) {
            h.byField.push_back(-1);
            continue;
        }
        int found = -1;
        for (std::size_t c = 0; c < columns.size() && found < 0; ++c) {
            if (n == normalised(columns[c].id) || n == normalised(columns[c].zh)) found = static_cast<int>(c);
            for (auto alias : columns[c].aliases)
                if (found < 0 && n == normalised(alias)) found = static_cast<int>(c);
        }
        h.byField.push_back(found);
        if (found < 0) {
            unknown.emplace_back(trim(cell));
            continue;
        }
        auto& heading = h.heading[static_cast<std::size_t>(found)];
        if (!heading.empty()) {
            problems.add({file, record.line, std::string(trim(cell)),
                          {"与列" + quoteZh(heading) + "是同一列（" + std::string(columns[static_cast<std::size_t>(found)].id) + "）",
                           "the same column as " + quoteEn(heading) + " (" + std::string(columns[static_cast<std::size_t>(found)].id) + ")"}});
            bad = true;
            continue;
        }
        heading = std::string(trim(cell));
        h.ids.emplace_back(columns[static_cast<std::size_t>(found)].id);
    }
    if (!unknown.empty()) {
        Text why{"未知的列：", unknown.size() == 1 ? "unknown column: " : "unknown columns: "};
        for (std::size_t i = 0; i < unknown.size(); ++i) {
            why.zh += (i ? "、" : "") + quoteZh(unknown[i]);
            why.en += (i ? ", " : "") + quoteEn(unknown[i]);
        }
        why.zh += "；可用的列：";
        why.en += "; the columns are: ";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            why.zh += (c ? "、" : "") + std::string(columns[c].zh) + "（" + std::string(columns[c].id) + "）";
            why.en += (c ? ", " : "") + std::string(columns[c].id) + " (" + std::string(columns[c].zh) + ")";
        }
        problems.add({file, record.line, "", why});
        bad = true;
    }
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].required && h.heading[c].empty()) {
            problems.add({file, record.line, "",
                          {"缺少必需的列：" + std::string(columns[c].zh) + "（" + std::string(columns[c].id) + "）",
                           "a required column is missing: " + std::string(columns[c].id) + " (" + std::string(columns[c].zh) + ")"}});
            bad = true;
        }
    if (bad) return std::nullopt;
    return h;
}

// One data row, read through its header; problems name the row's line and the column.
class RowReader {
public:
    RowReader(const Header& header, const CsvRecord& record, const std::string& file, Problems& problems)
        : header_(header), record_(record), file_(file), problems_(problems) {
        cells_.assign(header.columns->size(), nullptr);
        std::size_t n = record.fields.size();
        for (std::size_t f = 0; f < n; ++f) {
            int c = f < header.byField.size() ? header.byField[f] : -1;
            if (c >= 0) {
                cells_[static_cast<std::size_t>(c)] = &record.fields[f];
            } else if (!trim(record.fields[f]).empty()) {
                std::string where = std::to_string(f + 1);
                if (f < header.width)
                    rowProblem({"第 " + where + " 列没有表头却有值" + quoteZh(record.fields[f]), "column " + where + " has no header but holds " + quoteEn(record.fields[f])});
                else
                    rowProblem({"有 " + std::to_string(n) + " 个字段，表头只有 " + std::to_string(header.width) + " 个",
                                std::to_string(n) + " fields, the header has " + std::to_string(header.width)});
                return;
            }
        }
        if (n < header.width)
            rowProblem({"只有 " + std::to_string(n) + " 个字段，表头有 " + std::to_string(header.width) + " 个（少了逗号？）",
                        "only " + std::to_string(n) + " fields, the header has " + std::to_string(header.width) + " (a comma missing?)"});
    }

    bool ok() const { return ok_; }
    int64_t line() const { return record_.line; }
    bool has(std::string_view id) const { return cell(id) != nullptr; }
    // The cell as written (free text keeps its spaces), "" when the column is absent.
    std::string raw(std::string_view id) const {
        const std::string* c = cell(id);
        return c ? *c : std::string();
    }
    std::string value(std::string_view id) const { return std::string(trim(raw(id))); }

    void fail(std::string_view id, Text why) {
        ok_ = false;
        problems_.add({file_, record_.line, heading(id), std::move(why)});
    }
    void rowProblem(Text why) {
        ok_ = false;
        problems_.add({file_, record_.line, "", std::move(why)});
    }

    // A required cell that must not be empty.
    std::optional<std::string> required(std::string_view id, bool keepSpaces = false) {
        std::string v = keepSpaces ? raw(id) : value(id);
        if (trim(v).empty()) {
            fail(id, {"不能为空", "is empty"});
            return std::nullopt;
        }
        return v;
    }

    const Word* word(std::string_view id, const std::vector<Word>& words, const Word* fallback) {
        std::string v = value(id);
        if (v.empty()) return fallback;
        const Word* w = detail::findWord(words, v);
        if (!w) {
            Text accepted = detail::acceptedWords(words);
            fail(id, {quoteZh(v) + "不是可用的值，应为 " + accepted.zh, quoteEn(v) + " is not one of " + accepted.en});
        }
        return w;
    }

    std::optional<Date> date(std::string_view id, bool required) {
        std::string v = value(id);
        if (v.empty()) {
            if (required) fail(id, {"不能为空（YYYY-MM-DD）", "is empty (YYYY-MM-DD)"});
            return std::nullopt;
        }
        auto parsed = Date::parse(v);
        if (parsed) return *parsed;
        // 2026/3/2, 2026.3.2, 2026年3月2日: what a spreadsheet makes of a date.
        int y = 0, m = 0, d = 0;
        char s1 = 0, s2 = 0;
        std::string iso;
        if (std::sscanf(v.c_str(), "%4d%c%2d%c%2d", &y, &s1, &m, &s2, &d) == 5 && s1 == s2 && (s1 == '/' || s1 == '.')) {
            auto again = Date::fromYmd(y, m, d);
            if (again) iso = again->iso();
        } else if (std::sscanf(v.c_str(), "%4d\xE5\xB9\xB4%2d\xE6\x9C\x88%2d\xE6\x97\xA5", &y, &m, &d) == 3) {  // 年 月 日
            auto again = Date::fromYmd(y, m, d);
            if (again) iso = again->iso();
        }
        if (!iso.empty()) {
            fail(id, {quoteZh(v) + "应写成 " + iso + "（YYYY-MM-DD）", quoteEn(v) + " must be written " + iso + " (YYYY-MM-DD)"});
            return std::nullopt;
        }
        bool shaped = v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                      std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        if (shaped) {
            int year = std::atoi(v.substr(0, 4).c_str()), month = std::atoi(v.substr(5, 2).c_str());
            std::string zh = month < 1 || month > 12 ? "月份应为 01–12"
                                                     : std::to_string(year) + " 年 " + std::to_string(month) + " 月只有 " +
                                                           std::to_string(daysInMonth(year, month)) + " 天";
            fail(id, {quoteZh(v) + "不是日历上的日期：" + zh, quoteEn(v) + " is not a calendar date: " + parsed.error().why});
        } else {
            fail(id, {quoteZh(v) + "不是 YYYY-MM-DD 格式的日期", quoteEn(v) + " is not a date in YYYY-MM-DD"});
        }
        return std::nullopt;
    }

    // An integer in [min, max]; `fallback` when the cell is empty.
    std::optional<int64_t> integer(std::string_view id, int64_t min, int64_t max, std::optional<int64_t> fallback) {
        std::string v = value(id);
        if (v.empty()) {
            if (!fallback) fail(id, {"不能为空", "is empty"});
            return fallback;
        }
        bool digits = v.size() <= 12 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        int64_t n = digits ? std::strtoll(v.c_str(), nullptr, 10) : -1;
        if (!digits || n < min || n > max) {
            std::string range = std::to_string(min) + "–" + std::to_string(max);
            fail(id, {quoteZh(v) + "应为 " + range + " 的整数", quoteEn(v) + " must be a whole number from " + range});
            return std::nullopt;
        }
        return n;
    }

    // A valid credit code (the uscc module's own reason when it is not).
    std::optional<std::string> uscc(std::string_view id) {
        auto v = required(id);
        if (!v) return std::nullopt;
        UsccCheck check = checkUscc(*v);
        if (!check.valid) {
            fail(id, {"统一社会信用代码" + quoteZh(*v) + "有误：" + check.summaryZh(), "bad credit code " + quoteEn(*v) + ": " + check.summary()});
            return std::nullopt;
        }
        return v;
    }

    // An id: no white space, no list separators.
    std::optional<std::string> identifier(std::string_view id, bool mandatory) {
        std::string v = value(id);
        if (v.empty()) {
            if (mandatory) fail(id, {"不能为空", "is empty"});
            return mandatory ? std::nullopt : std::optional<std::string>(v);
        }
        if (detail::splitCell(v).size() != 1 || detail::splitCell(v)[0] != v || v.find_first_of(" \t\r\n") != std::string::npos) {
            fail(id, {quoteZh(v) + "不能含空格或分隔符（、；，）", quoteEn(v) + " must not hold spaces or separators (、 ; ,)"});
            return std::nullopt;
        }
        return v;
    }

private:
    const std::string* cell(std::string_view id) const {
        const auto& columns = *header_.columns;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (columns[c].id == id) return cells_[c];
        return nullptr;
    }
    std::string heading(std::string_view id) const {
        const auto& columns = *header_.columns;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (columns[c].id == id) return header_.heading[c].empty() ? std::string(columns[c].zh) : header_.heading[c];
        return std::string(id);
    }

    const Header& header_;
    const CsvRecord& record_;
    const std::string& file_;
    Problems& problems_;
    std::vector<const std::string*> cells_;
    bool ok_ = true;
};

// The file's records and header, or nothing (with the problem) when it cannot be read.
struct Sheet {
    std::vector<CsvRecord> records;
    Header header;
};

std::optional<Sheet> readSheet(std::string_view bytes, const std::string& file, Table table, Problems& problems) {
    auto records = detail::readRecords(bytes, file, problems);
    if (!records) return std::nullopt;
    if (records->empty()) {
        problems.add({file, 0, "", {"文件是空的：没有表头", "the file is empty: no header row"}});
        return std::nullopt;
    }
    auto header = readHeader(records->front(), table, file, problems);
    if (!header) return std::nullopt;
    return Sheet{std::move(*records), std::move(*header)};
}

// Ids seen so far in a file: a second use is a problem naming the first line.
template <class Key>
class FirstUse {
public:
    bool claim(const Key& key, RowReader& row, std::string_view column) {
        auto [it, inserted] = lines_.emplace(key, row.line());
        if (inserted) return true;
        std::string first = std::to_string(it->second);
        row.fail(column, {"编号重复：第 " + first + " 行已有", "duplicate id: already on line " + first});
        return false;
    }

private:
    std::unordered_map<Key, int64_t> lines_;
};

std::string keyText(int64_t n) { return std::to_string(n); }

const ExceptionReason* findExceptionWord(std::string_view text) {
    if (const ExceptionReason* r = findException(text)) return r;
    for (const auto& r : exceptionVocabulary())
        if (text == r.name.zh || text == r.name.en) return &r;
    return nullptr;
}

}  // namespace

// ---- References ---------------------------------------------------------------------------

References References::of(const Workspace& w) {
    References r;
    r.year = w.year;
    r.departments = w.departments;
    r.items = w.items;
    for (const auto& e : w.enterprises) r.enterprises.push_back(e.enterprise.code.str());
    std::sort(r.enterprises.begin(), r.enterprises.end());
    for (const auto& p : w.plans) {
        r.planIds.push_back(p.id);
        if (!p.unit.empty()) r.unitsInUse.emplace_back(p.department, p.unit);
    }
    std::sort(r.planIds.begin(), r.planIds.end());
    std::sort(r.unitsInUse.begin(), r.unitsInUse.end());
    r.unitsInUse.erase(std::unique(r.unitsInUse.begin(), r.unitsInUse.end()), r.unitsInUse.end());
    for (const auto& c : w.cases) r.caseIds.push_back(c.id);
    std::sort(r.caseIds.begin(), r.caseIds.end());
    return r;
}

const WorkspaceDepartment* References::department(std::string_view idOrName) const {
    for (const auto& d : departments)
        if (d.id == idOrName) return &d;
    for (const auto& d : departments)
        if (d.name.zh == idOrName) return &d;
    return nullptr;
}

const InspectionItem* References::item(std::string_view id) const {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

bool References::hasEnterprise(std::string_view uscc) const {
    return std::binary_search(enterprises.begin(), enterprises.end(), uscc, [](const auto& a, const auto& b) { return std::string_view(a) < std::string_view(b); });
}

// ---- Each table's rows ----------------------------------------------------------------------

namespace {

// What a table's check keeps from row to row (the ids seen, the ids to give) and how it checks
// one row; a row without problems goes to `out`.
template <class T>
struct TableCheck;

template <>
struct TableCheck<WorkspaceEnterprise> {
    static constexpr Table table = Table::Enterprises;
    explicit TableCheck(const References&) {}
    void check(RowReader& row, Rows<WorkspaceEnterprise>& out) {
        auto code = row.uscc("uscc");
        auto name = row.required("name", true);
        const Word* grade = row.word("grade", detail::gradeWords(), nullptr);
        if (!grade && row.value("grade").empty()) row.fail("grade", {"不能为空（A、B、C 或 D）", "is empty (A, B, C or D)"});
        std::vector<std::string> lists;
        for (const auto& part : detail::splitCell(row.value("lists"))) {
            const Word* w = detail::findWord(detail::listWords(), part);
            if (!w) {
                Text accepted = detail::acceptedWords(detail::listWords());
                row.fail("lists", {quoteZh(part) + "不是名单，应为 " + accepted.zh, quoteEn(part) + " is not a list: " + accepted.en});
            } else if (std::find(lists.begin(), lists.end(), w->id) == lists.end()) {
                lists.emplace_back(w->id);
            }
        }
        const Word* above = row.word("above_scale", detail::yesNoWords(), &detail::yesNoWords()[1]);
        if (code) seen.claim(*code, row, "uscc");
        if (!row.ok() || !code || !name || !grade || !above) return;
        auto parsedGrade = parseCreditGrade(grade->id);
        WorkspaceEnterprise e{Enterprise{Uscc::parse(*code).value(), *name, parsedGrade.value(), lists}, row.raw("town"),
                              row.raw("industry"), above->id == "yes"};
        out.lines.push_back(row.line());
        out.records.push_back(std::move(e));
    }
    void finish(Rows<WorkspaceEnterprise>&) {}

    FirstUse<std::string> seen;
};

template <>
struct TableCheck<WorkspaceDepartment> {
    static constexpr Table table = Table::Departments;
    explicit TableCheck(const References& references) : refs(references) {}
    void check(RowReader& row, Rows<WorkspaceDepartment>& out) {
        WorkspaceDepartment d;
        auto id = row.identifier("id", true);
        auto name = row.required("name", true);
        const Word* level = row.word("level", detail::levelWords(), &detail::levelWords()[2]);
        for (const auto& unit : detail::splitCell(row.value("units"))) {
            if (std::find(d.units.begin(), d.units.end(), unit) != d.units.end())
                row.fail("units", {"内设机构" + quoteZh(unit) + "列了两次", "unit " + quoteEn(unit) + " is listed twice"});
            else if (unit.find_first_of(" \t") != std::string::npos)
                row.fail("units", {"内设机构" + quoteZh(unit) + "不能含空格", "unit " + quoteEn(unit) + " must not hold spaces"});
            else
                d.units.push_back(unit);
        }
        auto perDay = row.integer("inspectors_per_day", 0, 100000, 0);
        if (id) seen.claim(*id, row, "id");
        if (id && row.has("units"))
            for (const auto& [department, unit] : refs.unitsInUse)
                if (department == *id && std::find(d.units.begin(), d.units.end(), unit) == d.units.end())
                    row.fail("units", {"内设机构" + quoteZh(unit) + "仍有计划使用，不能删去", "unit " + quoteEn(unit) + " is used by stored plans: it cannot be dropped"});
        if (!row.ok() || !id || !name || !level || !perDay) return;
        d.id = *id;
        d.name = {*name, row.raw("name_en")};
        d.level = parseDepartmentLevel(level->id).value();
        d.inspectorsPerDay = static_cast<int>(*perDay);
        out.lines.push_back(row.line());
        out.records.push_back(std::move(d));
    }
    void finish(Rows<WorkspaceDepartment>&) {}

    const References& refs;
    FirstUse<std::string> seen;
};

template <>
struct TableCheck<Plan> {
    static constexpr Table table = Table::Plans;
    explicit TableCheck(const References& references)
        : refs(references), maxId(references.planIds.empty() ? 0 : references.planIds.back()) {}
    void check(RowReader& row, Rows<Plan>& out) {
        Plan p;
        std::optional<int64_t> id;
        if (!row.value("id").empty()) {
            id = row.integer("id", 1, 999999999999, std::nullopt);
            if (id && seen.claim(keyText(*id), row, "id") && std::binary_search(refs.planIds.begin(), refs.planIds.end(), *id))
                row.fail("id", {"计划编号 " + keyText(*id) + " 已在工作区中", "plan " + keyText(*id) + " is already in the workspace"});
        }
        const WorkspaceDepartment* department = nullptr;
        if (auto d = row.required("department")) {
            department = refs.department(*d);
            if (!department) row.fail("department", {"未知的部门" + quoteZh(*d) + "（先导入部门）", "unknown department " + quoteEn(*d) + " (import it first)"});
        }
        std::string unit = row.value("unit");
        if (department && !unit.empty() && std::find(department->units.begin(), department->units.end(), unit) == department->units.end()) {
            std::string units;
            for (const auto& u : department->units) units += (units.empty() ? "" : "、") + u;
            row.fail("unit", {"部门" + quoteZh(department->id) + "没有内设机构" + quoteZh(unit) + (units.empty() ? "（它没有内设机构）" : "（有：" + units + "）"),
                              "department " + quoteEn(department->id) + " has no unit " + quoteEn(unit)});
        }
        auto enterprise = row.uscc("enterprise");
        if (enterprise && !refs.hasEnterprise(*enterprise))
            row.fail("enterprise", {"企业" + quoteZh(*enterprise) + "不在工作区中（先导入企业）", "enterprise " + *enterprise + " is not in the workspace (import it first)"});
        const Word* method = row.word("method", detail::methodWords(), &detail::methodWords()[0]);
        const Word* kind = row.word("kind", detail::kindWords(), &detail::kindWords()[0]);
        std::vector<std::string> items = detail::splitCell(row.value("items"));
        if (items.empty()) row.fail("items", {"不能为空（事项编号，以、或 ; 分隔）", "is empty (item ids separated by 、 or ;)"});
        for (std::size_t k = 0; k < items.size(); ++k) {
            const std::string& item = items[k];
            const InspectionItem* found = refs.item(item);
            if (!found) {
                row.fail("items", {"未知的检查事项" + quoteZh(item), "unknown item " + quoteEn(item)});
            } else if (method && method->id == "on-site" && !found->onSite) {
                row.fail("items", {"事项" + quoteZh(item) + "不能现场检查", "item " + quoteEn(item) + " is not inspected on site"});
            } else if (method && method->id == "non-site" && !found->nonSite) {
                row.fail("items", {"事项" + quoteZh(item) + "没有非现场检查", "item " + quoteEn(item) + " has no non-site inspection"});
            } else if (std::find(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(k), item) != items.begin() + static_cast<std::ptrdiff_t>(k)) {
                row.fail("items", {"事项" + quoteZh(item) + "列了两次", "item " + quoteEn(item) + " is listed twice"});
            }
        }
        auto start = row.date("start", true);
        auto end = row.date("end", true);
        if (start && end && *end < *start)
            row.fail("end", {"结束日期 " + end->iso() + " 早于开始日期 " + start->iso(), "the end " + end->iso() + " is before the start " + start->iso()});
        if (refs.year != 0) {
            if (start && start->year() != refs.year)
                row.fail("start", {start->iso() + " 不在工作区的 " + std::to_string(refs.year) + " 年内", start->iso() + " is not in the workspace's year " + std::to_string(refs.year)});
            if (end && end->year() != refs.year)
                row.fail("end", {end->iso() + " 不在工作区的 " + std::to_string(refs.year) + " 年内", end->iso() + " is not in the workspace's year " + std::to_string(refs.year)});
        }
        std::optional<std::string> exception;
        if (std::string e = row.value("exception"); !e.empty()) {
            const ExceptionReason* reason = findExceptionWord(e);
            if (!reason) {
                std::string known;
                for (const auto& r : exceptionVocabulary()) known += (known.empty() ? "" : "、") + r.name.zh;
                row.fail("exception", {"未知的例外事由" + quoteZh(e) + "，可用：" + known, "unknown exception " + quoteEn(e) + " (" + parseException(e).error().why + ")"});
            } else {
                exception = std::string(reason->id);
            }
        }
        auto filed = row.date("filed_on", false);
        auto inspectors = row.integer("inspectors", 1, 100, 2);
        if (!row.ok() || !department || !enterprise || !method || !kind || !start || !end || !inspectors) return;
        p.id = id.value_or(0);
        p.department = department->id;
        p.unit = unit;
        p.enterprise = *enterprise;
        p.items = items;
        p.window = {*start, *end};
        p.kind = parseInspectionKind(kind->id).value();
        p.method = parseMethod(method->id).value();
        p.exception = exception;
        p.filedOn = filed;
        p.inspectors = static_cast<int>(*inspectors);
        if (id) maxId = std::max(maxId, *id);
        assigned.push_back(!id);
        out.lines.push_back(row.line());
        out.records.push_back(std::move(p));
    }
    // Plans without an id in the file get the next free ids, in file order.
    void finish(Rows<Plan>& out) {
        for (std::size_t i = 0; i < out.records.size(); ++i)
            if (assigned[i]) out.records[i].id = ++maxId;
    }

    const References& refs;
    FirstUse<std::string> seen;
    int64_t maxId = 0;
    std::vector<bool> assigned;
};

template <>
struct TableCheck<DemandRecord> {
    static constexpr Table table = Table::Demands;
    explicit TableCheck(const References& references) : refs(references) {}
    void check(RowReader& row, Rows<DemandRecord>& out) {
        DemandRecord d;
        d.line = row.line();
        if (!row.value("id").empty()) {
            d.id = row.integer("id", 1, 999999999999, std::nullopt);
            if (d.id && seen.claim(keyText(*d.id), row, "id") && std::binary_search(refs.caseIds.begin(), refs.caseIds.end(), *d.id))
                row.fail("id", {"编号 " + keyText(*d.id) + " 已有案件使用", "case " + keyText(*d.id) + " is already in the workspace"});
        }
        auto enterprise = row.uscc("enterprise");
        if (enterprise && !refs.hasEnterprise(*enterprise))
            row.fail("enterprise", {"企业" + quoteZh(*enterprise) + "不在工作区中（先导入企业）", "enterprise " + *enterprise + " is not in the workspace (import it first)"});
        auto received = row.date("received", true);
        auto channel = row.required("channel", true);
        auto text = row.required("text", true);
        if (std::string c = row.raw("category"); !trim(c).empty()) d.category = c;
        if (std::string dep = row.value("department"); !dep.empty()) {
            const WorkspaceDepartment* found = refs.department(dep);
            if (!found) row.fail("department", {"未知的部门" + quoteZh(dep), "unknown department " + quoteEn(dep)});
            else d.department = found->id;
        }
        if (std::string s = row.value("state"); !s.empty()) d.state = s;
        d.deadline = row.date("deadline", false);
        if (!row.ok() || !enterprise || !received || !channel || !text) return;
        d.enterprise = *enterprise;
        d.received = *received;
        d.channel = *channel;
        d.text = *text;
        out.lines.push_back(row.line());
        out.records.push_back(std::move(d));
    }
    void finish(Rows<DemandRecord>&) {}

    const References& refs;
    FirstUse<std::string> seen;
};

template <class T>
Rows<T> readAll(std::string_view bytes, const std::string& file, const References& refs, Problems& problems) {
    detail::RowCheck<T> rows(bytes, file, refs, problems);
    rows.check(rows.records());
    return rows.take();
}

}  // namespace

namespace detail {

template <class T>
struct RowCheck<T>::State {
    State(std::string_view bytes, const std::string& name, const References& refs, Problems& found)
        : file(name), problems(found), table(refs), sheet(readSheet(bytes, name, TableCheck<T>::table, found)) {
        if (!sheet) return;
        rows.columns = sheet->header.ids;
        records = sheet->records.size() - 1;
    }

    std::string file;
    Problems& problems;
    TableCheck<T> table;
    std::optional<Sheet> sheet;  // released once every record is checked
    Rows<T> rows;
    std::size_t records = 0;
    std::size_t checked = 0;
};

template <class T>
RowCheck<T>::RowCheck(std::string_view bytes, const std::string& file, const References& refs, Problems& problems)
    : state_(std::make_unique<State>(bytes, file, refs, problems)) {}
template <class T>
RowCheck<T>::RowCheck(RowCheck&&) noexcept = default;
template <class T>
RowCheck<T>& RowCheck<T>::operator=(RowCheck&&) noexcept = default;
template <class T>
RowCheck<T>::~RowCheck() = default;

template <class T>
std::size_t RowCheck<T>::records() const { return state_->records; }
template <class T>
std::size_t RowCheck<T>::checked() const { return state_->checked; }

template <class T>
void RowCheck<T>::check(std::size_t count) {
    State& s = *state_;
    for (; count > 0 && s.checked < s.records; --count) {
        RowReader row(s.sheet->header, s.sheet->records[++s.checked], s.file, s.problems);
        if (row.ok()) s.table.check(row, s.rows);
    }
    if (s.checked == s.records) s.sheet.reset();
}

template <class T>
Rows<T> RowCheck<T>::take() {
    state_->table.finish(state_->rows);
    return std::move(state_->rows);
}

template class RowCheck<WorkspaceEnterprise>;
template class RowCheck<WorkspaceDepartment>;
template class RowCheck<Plan>;
template class RowCheck<DemandRecord>;

}  // namespace detail

Rows<WorkspaceEnterprise> readEnterprises(std::string_view bytes, const std::string& file, Problems& problems) {
    return readAll<WorkspaceEnterprise>(bytes, file, References{}, problems);
}

Rows<WorkspaceDepartment> readDepartments(std::string_view bytes, const std::string& file, const References& refs,
                                          Problems& problems) {
    return readAll<WorkspaceDepartment>(bytes, file, refs, problems);
}

Rows<Plan> readPlans(std::string_view bytes, const std::string& file, const References& refs, Problems& problems) {
    return readAll<Plan>(bytes, file, refs, problems);
}

Rows<DemandRecord> readDemands(std::string_view bytes, const std::string& file, const References& refs, Problems& problems) {
    return readAll<DemandRecord>(bytes, file, refs, problems);
}

}  // namespace inspectonce::exchange
