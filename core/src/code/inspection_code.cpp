// Issuing and checking inspection codes (亮码, 004 二(十)); the format is in the header.
#include "inspectonce/inspection_code.hpp"

#include <algorithm>
#include <charconv>

#include "inspectonce/digest.hpp"

namespace inspectonce {
namespace {

constexpr std::string_view kPrefix = "IO1-";
constexpr std::size_t kHashChars = 16;  // 80 bits: 10 bytes of BLAKE2b
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32(const std::string& bytes) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += kBase32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
    return out;
}

std::string hexToBytes(const std::string& hex) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    return out;
}

std::string filingHash(const std::string& canonical) { return base32(hexToBytes(blake2bHex(canonical, 10))); }

std::vector<int64_t> sortedPlans(const Visit& visit) {
    std::vector<int64_t> ids = visit.plans;
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Why a visit has no code, or nullopt when every plan was filed by the visit's day.
std::optional<Text> notFiled(const Workspace& w, const Visit& visit) {
    if (visit.plans.empty()) return Text{"该检查没有备案计划", "the visit carries no filed plan"};
    for (int64_t id : sortedPlans(visit)) {
        const Plan* plan = w.plan(id);
        std::string n = std::to_string(id);
        if (!plan) return Text{"计划" + n + "不存在", "plan " + n + " does not exist"};
        if (!plan->filedOn) return Text{"计划" + n + "未备案（查前备案）", "plan " + n + " is not filed (filing comes before the inspection)"};
        if (visit.date < *plan->filedOn)
            return Text{"计划" + n + "于" + plan->filedOn->iso() + "备案，晚于检查日" + visit.date.iso(),
                        "plan " + n + " was filed on " + plan->filedOn->iso() + ", after the visit's day " + visit.date.iso()};
    }
    return std::nullopt;
}

Text departmentName(const Workspace& w, const std::string& id) {
    const auto* d = w.department(id);
    return d ? d->name : Text{id, id};
}

CodeFiling filingOf(const Workspace& w, const Visit& visit) {
    CodeFiling f;
    f.county = w.county;
    f.visit = visit.id;
    f.enterprise = visit.enterprise;
    if (const auto* e = w.enterprise(visit.enterprise)) f.enterpriseName = e->enterprise.name;
    f.date = visit.date;
    f.kind = visit.kind;
    f.lead = visit.lead;
    f.leadName = departmentName(w, visit.lead);
    for (int64_t id : sortedPlans(visit)) {
        const Plan* plan = w.plan(id);
        if (!plan) continue;
        CodeFiling::Member m;
        m.plan = id;
        m.department = plan->department;
        m.departmentName = departmentName(w, plan->department);
        m.unit = plan->unit;
        m.method = plan->method;
        m.items = plan->items;
        std::sort(m.items.begin(), m.items.end());
        for (const auto& item : m.items) {
            const auto* found = w.item(item);
            m.itemNames.push_back(found ? found->name : Text{item, item});
        }
        m.filedOn = plan->filedOn;
        f.plans.push_back(std::move(m));
    }
    return f;
}

CodeCheck malformed(std::string_view token, std::string part, Text why) {
    CodeCheck c;
    c.status = CodeStatus::Malformed;
    c.token = std::string(token);
    c.part = std::move(part);
    c.why = std::move(why);
    return c;
}

}  // namespace

Result<std::string> canonicalFiling(const Workspace& w, const Visit& visit) {
    // Appended piece by piece (no temporaries): the scheduler issues a code for every visit.
    std::string out;
    out.reserve(160 + 160 * visit.plans.size());
    auto line = [&out](std::string_view key, std::string_view value) {
        out.append(key).append(" ").append(value).append("\n");
    };
    out.append("inspectonce-filing 1\n");
    line("county", w.county);
    line("visit", std::to_string(visit.id));
    line("enterprise", visit.enterprise);
    line("date", visit.date.iso());
    line("kind", toString(visit.kind));
    line("lead", visit.lead);
    std::vector<const std::string*> items;
    for (int64_t id : sortedPlans(visit)) {
        const Plan* plan = w.plan(id);
        if (!plan) return makeError("visits " + std::to_string(visit.id), "unknown plan " + std::to_string(id));
        items.clear();
        for (const auto& item : plan->items) items.push_back(&item);
        std::sort(items.begin(), items.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
        out.append("plan ").append(std::to_string(id));
        out.append(" department=").append(plan->department);
        out.append(" unit=").append(plan->unit);
        out.append(" method=").append(toString(plan->method));
        out.append(" items=");
        for (std::size_t i = 0; i < items.size(); ++i) out.append(i ? "," : "").append(*items[i]);
        out.append(" window=").append(plan->window.first.iso()).append("..").append(plan->window.last.iso());
        out.append(" filed=").append(plan->filedOn ? plan->filedOn->iso() : "-").append("\n");
    }
    return out;
}

std::optional<Text> whyNoCode(const Workspace& w, const Visit& visit) { return notFiled(w, visit); }

std::string issueCode(const Workspace& w, const Visit& visit) {
    if (notFiled(w, visit)) return "";
    auto canonical = canonicalFiling(w, visit);
    if (!canonical) return "";
    return std::string(kPrefix) + w.county + "-" + std::to_string(visit.id) + "-" + filingHash(*canonical);
}

std::string_view toString(CodeStatus status) {
    switch (status) {
        case CodeStatus::Valid: return "valid";
        case CodeStatus::Malformed: return "malformed";
        case CodeStatus::UnknownCounty: return "unknown-county";
        case CodeStatus::UnknownVisit: return "unknown-visit";
        case CodeStatus::NotFiled: return "not-filed";
        case CodeStatus::FilingChanged: return "filing-changed";
    }
    return "malformed";
}

CodeCheck verifyCode(std::string_view token, const Workspace& w) {
    const std::string shape = "IO1-<county>-<visit id>-<16 base32>";
    if (token.substr(0, kPrefix.size()) != kPrefix)
        return malformed(token, "prefix", {"检查码应以“IO1-”开头（格式 " + shape + "）", "a code starts with \"IO1-\" (format " + shape + ")"});
    std::string_view rest = token.substr(kPrefix.size());
    std::size_t lastDash = rest.rfind('-');
    if (lastDash == std::string_view::npos || lastDash == 0)
        return malformed(token, "visit id", {"缺少检查编号或校验部分（格式 " + shape + "）", "the visit id or the hash is missing (format " + shape + ")"});
    std::size_t idDash = rest.rfind('-', lastDash - 1);
    if (idDash == std::string_view::npos)
        return malformed(token, "county", {"缺少县（市、区）标识（格式 " + shape + "）", "the county is missing (format " + shape + ")"});
    std::string county(rest.substr(0, idDash));
    std::string idText(rest.substr(idDash + 1, lastDash - idDash - 1));
    std::string hash(rest.substr(lastDash + 1));

    if (!isCountyId(county))
        return malformed(token, "county", {"“" + county + "”不是县（市、区）标识（小写字母、数字和“-”）",
                                           "\"" + county + "\" is not a county id (lowercase letters, digits and '-')"});
    bool digits = !idText.empty() && idText.size() <= 18 && idText[0] != '0' &&
                  std::all_of(idText.begin(), idText.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits)
        return malformed(token, "visit id", {"检查编号“" + idText + "”应为不以0开头的正整数", "the visit id \"" + idText + "\" is not a positive decimal number"});
    if (hash.size() != kHashChars)
        return malformed(token, "hash", {"校验部分应为16个字符，实为" + std::to_string(hash.size()) + "个",
                                         "the hash has " + std::to_string(hash.size()) + " characters, expected 16"});
    for (std::size_t i = 0; i < hash.size(); ++i) {
        char c = hash[i] >= 'a' && hash[i] <= 'z' ? static_cast<char>(hash[i] - 'a' + 'A') : hash[i];  // typed by hand
        if (kBase32.find(c) == std::string_view::npos)
            return malformed(token, "hash", {"校验部分第" + std::to_string(i + 1) + "个字符“" + std::string(1, hash[i]) + "”不在 A–Z、2–7 之内",
                                             "hash character " + std::to_string(i + 1) + " '" + std::string(1, hash[i]) + "' is not in A–Z, 2–7"});
        hash[i] = c;
    }

    CodeCheck check;
    check.token = std::string(token);
    if (county != w.county) {
        check.status = CodeStatus::UnknownCounty;
        check.why = {"该码属于“" + county + "”，本工作区为“" + w.county + "”", "the code is for \"" + county + "\", this workspace is \"" + w.county + "\""};
        return check;
    }
    int64_t id = 0;
    std::from_chars(idText.data(), idText.data() + idText.size(), id);  // at most 18 digits: fits
    const Visit* visit = w.visit(id);
    if (!visit) {
        check.status = CodeStatus::UnknownVisit;
        check.why = {"工作区中没有编号为" + idText + "的检查", "the workspace has no visit " + idText};
        return check;
    }
    check.filing = filingOf(w, *visit);
    if (auto why = notFiled(w, *visit)) {
        check.status = CodeStatus::NotFiled;
        check.why = {"未完成查前备案：" + why->zh, "not filed before the inspection: " + why->en};
        return check;
    }
    auto canonical = canonicalFiling(w, *visit);
    if (!canonical || filingHash(*canonical) != hash) {
        check.status = CodeStatus::FilingChanged;
        check.why = {"备案内容自发码后已变更（校验不符），该码无效", "the filing changed after the code was issued (hash mismatch): the code is void"};
        return check;
    }
    check.status = CodeStatus::Valid;
    check.why = {"有效：与备案一致", "valid: it matches the filing"};
    return check;
}

namespace {

nlohmann::json textJson(const Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }

}  // namespace

nlohmann::json toJson(const CodeCheck& c) {
    nlohmann::json out{{"status", toString(c.status)}, {"valid", c.valid()}, {"token", c.token}, {"why", textJson(c.why)},
                       {"clause", kInspectionCodeClause.text()}};
    if (!c.part.empty()) out["part"] = c.part;
    if (c.filing) {
        const auto& f = *c.filing;
        nlohmann::json plans = nlohmann::json::array();
        for (const auto& m : f.plans) {
            nlohmann::json items = nlohmann::json::array();
            for (std::size_t i = 0; i < m.items.size(); ++i) items.push_back({{"id", m.items[i]}, {"name", textJson(m.itemNames[i])}});
            plans.push_back({{"plan", m.plan}, {"department", m.department}, {"department_name", textJson(m.departmentName)},
                             {"unit", m.unit}, {"method", toString(m.method)}, {"items", items},
                             {"filed_on", m.filedOn ? nlohmann::json(m.filedOn->iso()) : nlohmann::json()}});
        }
        out["filing"] = {{"county", f.county}, {"visit", f.visit}, {"enterprise", f.enterprise}, {"enterprise_name", f.enterpriseName},
                         {"date", f.date.iso()}, {"kind", toString(f.kind)}, {"lead", f.lead}, {"lead_name", textJson(f.leadName)},
                         {"plans", plans}};
    }
    return out;
}

std::string describe(const CodeCheck& c, Language language) {
    bool en = language == Language::English;
    std::string out = c.token + "\n";
    out += (en ? "verdict: " : "结论：") + c.why.in(language);
    if (!c.part.empty()) out += en ? " (part: " + c.part + ")" : "（出错部分：" + c.part + "）";
    out += en ? " [" + kInspectionCodeClause.text() + "]\n" : "〔" + kInspectionCodeClause.text() + "〕\n";
    if (!c.filing) return out;
    const auto& f = *c.filing;
    out += (en ? "enterprise: " : "企业：") + f.enterpriseName + " (" + f.enterprise + ")\n";
    out += (en ? "date: " : "日期：") + f.date.iso() + (en ? "  kind: " : "  类型：") + label(f.kind).in(language) + "\n";
    out += (en ? "lead department: " : "牵头部门：") + f.leadName.in(language) + " (" + f.lead + ")\n";
    for (const auto& m : f.plans) {
        std::string items;
        for (const auto& name : m.itemNames) items += (items.empty() ? "" : (en ? ", " : "、")) + name.in(language);
        std::string filed = m.filedOn ? m.filedOn->iso() : (en ? "not filed" : "未备案");
        out += (en ? "  plan " : "  计划") + std::to_string(m.plan) + (en ? ": " : "：") + m.departmentName.in(language) +
               (m.unit.empty() ? "" : "/" + m.unit) + " — " + items + (en ? " (filed " : "（备案 ") + filed + (en ? ")\n" : "）\n");
    }
    return out;
}

}  // namespace inspectonce
