// The draw and its verification as text for the CLI, in Chinese or English.
#include "draw/draw_text.hpp"
#include "inspectonce/draw.hpp"

namespace inspectonce {

std::string draw_text::tenths(int part, int whole) {
    if (whole <= 0) return "0.0";
    int64_t t = (static_cast<int64_t>(part) * 2000 + whole) / (2 * static_cast<int64_t>(whole));
    return std::to_string(t / 10) + "." + std::to_string(t % 10);
}

namespace {

struct Say {
    Language language;
    bool en() const { return language == Language::English; }
    std::string operator()(const std::string& zh, const std::string& english) const { return en() ? english : zh; }
    std::string clause(const std::optional<Citation>& c) const {
        if (!c) return "";
        return en() ? " [" + c->text() + "]" : "〔" + c->text() + "〕";
    }
};

std::string departmentName(const Workspace& w, const std::string& id, const Say& say) {
    const auto* d = w.department(id);
    std::string name = d ? d->name.in(say.language) : id;
    return say(name + "（" + id + "）", name + " (" + id + ")");
}

std::string joined(const std::vector<std::string>& parts, const Say& say, const std::string& none) {
    if (parts.empty()) return none;
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : say("、", ", ")) + p;
    return out;
}

}  // namespace

std::string describe(const DrawRecord& r, const Workspace& w, Language language) {
    Say say{language};
    const auto& q = r.request;
    std::string out;
    std::vector<std::string> departments;
    for (const auto& d : q.departments) departments.push_back(departmentName(w, d, say));
    out += say("双随机抽查 ", "Random draw ") + r.county + " " + q.date.iso() +
           (r.id ? say("（第" + std::to_string(*r.id) + "号）", " (no. " + std::to_string(*r.id) + ")") : "") + "\n";
    out += say("参与部门：", "departments: ") + joined(departments, say, "-") +
           (r.joint() ? say(" —— 跨部门联合抽查任务", " — a joint task across departments") : say(" —— 单部门抽查任务", " — a single-department task")) + "\n";
    out += say("抽查对象：行业 ", "population: industry ") + joined(q.industries, say, say("不限", "any")) + say("；镇街 ", "; town ") +
           joined(q.towns, say, say("不限", "any")) + say("；共 ", "; ") + std::to_string(r.population) + say(" 家，可抽 ", " enterprises, ") +
           std::to_string(r.eligible) + say(" 家", " eligible") + "\n";
    for (const auto& e : r.exemptions)
        out += say("  免检 ", "  exempt ") + std::to_string(e.count) + say(" 家：", ": ") + e.text.in(language) + say.clause(e.clause) + "\n";
    if (!q.items.empty()) out += say("检查事项：", "items: ") + joined(q.items, say, "-") + "\n";
    out += say("基础比例：", "base ratio: ") + formatBp(q.baseRatioBp) + "%\n";
    out += say("信用分层：\n", "strata by credit grade:\n");
    for (const auto& s : r.strata) {
        std::string grade(toString(s.grade));
        out += say("  " + grade + "类：对象 ", "  " + grade + ": population ") + std::to_string(s.population) +
               (s.exempt ? say("，免检 ", ", exempt ") + std::to_string(s.exempt) : "") + say("，可抽 ", ", eligible ") +
               std::to_string(s.eligible) + say("，比例 ", ", ratio ") + formatBp(s.ratioBp) + "%" + say("，抽取 ", ", drawn ") +
               std::to_string(s.count) + say("，其中重复 ", ", repeats ") + std::to_string(s.repeats) + say.clause(s.clause) + " " +
               s.text.in(language) + "\n";
        if (s.note) out += "      " + s.note->in(language) + "\n";
    }
    if (q.preferNotYetDrawn)
        out += say("降低重复抽取：先在本年度未被抽中的企业中抽取，不足时再依次在被抽中次数较少的企业中抽取",
                   "fewer repeated draws: first among enterprises not drawn yet this year, then among those drawn fewest times") +
               say.clause(r.fewerRepeatsClause) + say("；本次重复抽中 ", "; repeats this time: ") + std::to_string(r.repeats) + "\n";
    else
        out += say("未启用降低重复抽取；本次重复抽中 ", "fewer repeated draws not applied; repeats this time: ") + std::to_string(r.repeats) + "\n";
    out += say("抽中企业与检查人员（", "drawn enterprises and inspectors (") + std::to_string(r.drawn.size()) + say(" 家）：\n", "):\n");
    for (const auto& d : r.drawn) {
        std::vector<std::string> inspectors;
        for (const auto& i : d.inspectors) inspectors.push_back(i.name + say("（" + i.department + "）", " (" + i.department + ")"));
        out += "  " + d.enterprise + " " + d.name + " " + std::string(toString(d.grade)) + say("类", "") + " — " + joined(inspectors, say, "-");
        if (d.earlierDraws > 0) out += say("；本年度已被抽中 ", "; drawn ") + std::to_string(d.earlierDraws) + say(" 次", " time(s) before this year");
        if (!d.departmentsWithoutInspector.empty())
            out += say("；无可派人员的部门：", "; no eligible inspector of: ") + joined(d.departmentsWithoutInspector, say, "-");
        out += "\n";
    }
    for (const auto& x : r.exclusions)
        out += say("回避：", "excluded: ") + x.inspector + say(" 不检查 ", " not for ") + x.enterprise +
               (x.reason == DrawExclusion::Reason::LastTime
                    ? say("（第" + std::to_string(x.lastDraw) + "号抽查已检查过该企业）", " (inspected it in draw " + std::to_string(x.lastDraw) + ")")
                    : say("（申报的利害关系）", " (declared conflict)")) +
               "\n";
    for (const auto& n : r.notes) out += say("说明：", "note: ") + n.in(language) + "\n";
    const auto& j = r.jointShare;
    out += say(std::to_string(j.year) + "年联合抽查占比：", "joint share " + std::to_string(j.year) + ": ") + std::to_string(j.jointTasks) +
           say(" / ", " of ") + std::to_string(j.tasks) + say(" 次抽查任务为跨部门联合，", " draw tasks are joint, ") + draw_text::tenths(j.jointTasks, j.tasks) + "%";
    if (j.target)
        out += say("；目标 ≥", "; target ≥ ") + std::to_string(j.target->minPercent) + "%" + say.clause(j.target->clause) +
               (j.met() ? say("：已达到", ": met") : say("：未达到", ": not met"));
    else
        out += say("（本地未设该项目标）", " (the county sets no target for it)");
    out += "\n";
    out += say("输入哈希（BLAKE2b-256）：", "input hash (BLAKE2b-256): ") + r.hashes.input + "\n";
    out += say("结果哈希：", "result hash: ") + r.hashes.result + "\n";
    out += say("随机种子：", "seed: ") + q.seed + "\n";
    return out;
}

std::string describe(const DrawVerification& v, Language language) {
    Say say{language};
    std::string out;
    switch (v.outcome) {
        case DrawVerification::Outcome::Confirmed:
            out += say("核验通过：输入与结果均与记录一致\n", "confirmed: the same inputs give the recorded result\n");
            break;
        case DrawVerification::Outcome::InputsChanged:
            out += say("输入已变化（哈希不符）：\n", "the inputs changed (hash mismatch):\n");
            break;
        case DrawVerification::Outcome::ResultDiffers:
            out += say("输入一致，但结果与记录不同：\n", "the inputs match but the result differs from the record:\n");
            break;
    }
    for (const auto& d : v.differences) out += "  " + d.in(language) + "\n";
    out += say("记录的输入哈希：", "recorded input hash: ") + v.recordedInputHash + "\n";
    out += say("重算的输入哈希：", "re-run input hash:   ") + v.rerunInputHash + "\n";
    return out;
}

}  // namespace inspectonce
