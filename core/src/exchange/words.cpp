// The vocabulary of the exchange files: tables, their columns (the headers officials write)
// and the words of their values (县级 / county, 现场 / on-site …).
#include <algorithm>

#include "exchange/exchange_internal.hpp"

namespace inspectonce::exchange {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

}  // namespace

Result<Table> parseTable(std::string_view text) {
    if (text == "enterprises") return Table::Enterprises;
    if (text == "departments") return Table::Departments;
    if (text == "plans") return Table::Plans;
    if (text == "demands") return Table::Demands;
    return makeError("", "table must be enterprises, departments, plans or demands, found '" + std::string(text) + "'");
}

std::string_view toString(Table table) {
    switch (table) {
        case Table::Enterprises: return "enterprises";
        case Table::Departments: return "departments";
        case Table::Plans: return "plans";
        case Table::Demands: return "demands";
    }
    return "";
}

Result<Headers> parseHeaders(std::string_view text) {
    if (text == "zh") return Headers::Chinese;
    if (text == "en") return Headers::English;
    return makeError("", "headers must be zh or en, found '" + std::string(text) + "'");
}

const std::vector<Column>& columnsOf(Table table) {
    static const std::vector<Column> enterprises{
        {"uscc", "统一社会信用代码", {"信用代码", "社会信用代码", "代码", "code"}, true, false},
        {"name", "企业名称", {"名称", "企业", "单位名称"}, true, false},
        {"grade", "信用等级", {"等级", "信用类别", "credit_grade"}, true, false},
        {"lists", "名单", {"所在名单"}, false, false},
        {"town", "乡镇(街道)", {"乡镇", "街道", "乡镇街道"}, false, false},
        {"industry", "行业", {"所属行业"}, false, false},
        {"above_scale", "规上企业(是/否)", {"规上企业", "规上", "规模以上"}, false, false},
    };
    static const std::vector<Column> departments{
        {"id", "部门编号", {"编号", "部门代码", "department"}, true, false},
        {"name", "部门名称", {"名称", "部门", "name_zh"}, true, false},
        {"name_en", "英文名称", {"英文名"}, false, false},
        {"level", "层级", {"级别"}, false, false},
        {"units", "内设机构", {"科室"}, false, false},
        {"inspectors_per_day", "每日可派人数", {"每日可派检查人数", "可派人数"}, false, false},
    };
    static const std::vector<Column> plans{
        {"id", "计划编号", {"编号"}, false, false},
        {"department", "部门", {"部门编号", "执法部门", "检查部门"}, true, false},
        {"unit", "内设机构", {"科室"}, false, false},
        {"enterprise", "企业信用代码", {"统一社会信用代码", "信用代码", "uscc"}, true, false},
        {"items", "检查事项", {"事项"}, true, false},
        {"start", "开始日期", {"起始日期", "first"}, true, false},
        {"end", "结束日期", {"截止日期", "last"}, true, false},
        {"kind", "类型", {"检查类型", "类别"}, false, false},
        {"method", "方式", {"检查方式"}, false, false},
        {"exception", "例外事由", {"例外情形", "特殊情形"}, false, false},
        {"filed_on", "备案日期", {"报备日期"}, false, false},
        {"inspectors", "检查人数", {"人数"}, false, false},
    };
    static const std::vector<Column> demands{
        {"id", "诉求编号", {"编号"}, false, false},
        {"enterprise", "企业信用代码", {"统一社会信用代码", "信用代码", "uscc"}, true, false},
        {"received", "受理日期", {"日期", "received_on"}, true, false},
        {"channel", "渠道", {"受理渠道", "来源"}, true, false},
        {"text", "诉求内容", {"内容"}, true, false},
        {"category", "类别", {"诉求类别"}, false, false},
        {"department", "责任部门", {"承办部门"}, false, false},
        {"state", "状态", {"办理状态"}, false, true},
        {"deadline", "办理期限", {"期限"}, false, true},
    };
    switch (table) {
        case Table::Enterprises: return enterprises;
        case Table::Departments: return departments;
        case Table::Plans: return plans;
        case Table::Demands: return demands;
    }
    return enterprises;
}

namespace detail {

std::string_view trim(std::string_view text) {
    constexpr std::string_view ideographic = "\xE3\x80\x80";  // U+3000
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (true) {
        if (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
        else if (text.starts_with(ideographic)) text.remove_prefix(ideographic.size());
        else break;
    }
    while (true) {
        if (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
        else if (text.ends_with(ideographic)) text.remove_suffix(ideographic.size());
        else break;
    }
    return text;
}

std::vector<std::string> splitCell(std::string_view cell) {
    std::vector<std::string> parts;
    std::string_view separators[] = {"\xE3\x80\x81" /* 、 */, ";", "\xEF\xBC\x9B" /* ； */, ",", "\xEF\xBC\x8C" /* ， */};
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        std::string_view part = trim(cell.substr(start, end - start));
        if (!part.empty()) parts.emplace_back(part);
    };
    while (i < cell.size()) {
        std::size_t matched = 0;
        for (auto s : separators)
            if (cell.substr(i, s.size()) == s) matched = s.size();
        if (matched) {
            flush(i);
            i += matched;
            start = i;
        } else {
            ++i;
        }
    }
    flush(cell.size());
    return parts;
}

const Word* findWord(const std::vector<Word>& words, std::string_view text) {
    text = trim(text);
    for (const auto& w : words) {
        if (equalsIgnoringCase(text, w.id) || text == w.zh) return &w;
        for (auto m : w.more)
            if (equalsIgnoringCase(text, m)) return &w;
    }
    return nullptr;
}

Text acceptedWords(const std::vector<Word>& words) {
    Text out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string sepZh = i == 0 ? "" : i + 1 == words.size() ? " 或 " : "、";
        std::string sepEn = i == 0 ? "" : i + 1 == words.size() ? " or " : ", ";
        out.zh += sepZh + std::string(words[i].zh);
        out.en += sepEn + std::string(words[i].id);
    }
    return out;
}

const std::vector<Word>& gradeWords() {
    static const std::vector<Word> words{{"A", "A", {"A级", "A类"}}, {"B", "B", {"B级", "B类"}},
                                         {"C", "C", {"C级", "C类"}}, {"D", "D", {"D级", "D类"}}};
    return words;
}

const std::vector<Word>& listWords() {
    static const std::vector<Word> words{{"white-list", "白名单", {"white list"}},
                                         {"exempt", "免检", {"免检名单", "免于检查"}},
                                         {"key-supervision", "重点监管", {"重点监管名单", "重点监管对象", "key supervision"}},
                                         {"serious-dishonesty", "严重失信", {"严重失信主体", "严重失信名单", "serious dishonesty"}}};
    return words;
}

const std::vector<Word>& levelWords() {
    static const std::vector<Word> words{{"province", "省级", {"省"}},
                                         {"city", "市级", {"市"}},
                                         {"county", "县级", {"县", "区级", "县(区)级", "县（区）级"}},
                                         {"town", "乡镇", {"乡镇级", "街道"}}};
    return words;
}

const std::vector<Word>& kindWords() {
    static const std::vector<Word> words{{"inspection", "检查", {"行政检查"}},
                                         {"survey", "调研", {}},
                                         {"guidance", "指导", {"行政指导", "行政指导服务"}},
                                         {"leader-visit", "领导入企", {"领导干部入企", "leader visit"}}};
    return words;
}

const std::vector<Word>& methodWords() {
    static const std::vector<Word> words{{"on-site", "现场", {"现场检查", "on site"}}, {"non-site", "非现场", {"非现场检查", "non site", "off-site"}}};
    return words;
}

const std::vector<Word>& yesNoWords() {
    static const std::vector<Word> words{{"yes", "是", {"y", "true", "1", "√"}}, {"no", "否", {"n", "false", "0", "×"}}};
    return words;
}

std::string_view spell(const Word& word, Headers headers) { return headers == Headers::English ? word.id : word.zh; }

}  // namespace detail
}  // namespace inspectonce::exchange
