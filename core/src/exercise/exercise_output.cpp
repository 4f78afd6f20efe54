// Exercises and scores for people (text, in Chinese or English) and for programs (JSON with
// sorted keys: the same bytes natively and in wasm). The trainer's expected answers are never
// shown: a trainee reads the exercise with `exercise show`.
#include "exercise/exercise_internal.hpp"
#include "inspectonce/calendar_names.hpp"
#include "inspectonce/exceptions.hpp"

namespace inspectonce {

using namespace exercise_detail;

namespace {

Text dated(Date d) {
    Text w = weekdayName(d.weekday());
    return {d.iso() + "（" + w.zh + "）", d.iso() + " (" + w.en + ")"};
}

// "a；b；c" / "a; b; c"
Text joined(const std::vector<Text>& parts) {
    Text out;
    for (const auto& p : parts) {
        out.zh += (out.zh.empty() ? "" : "；") + p.zh;
        out.en += (out.en.empty() ? "" : "; ") + p.en;
    }
    return out;
}

Text labelled(const std::vector<std::pair<std::string, Text>>& known, const std::vector<std::string>& ids) {
    std::vector<Text> parts;
    for (const auto& id : ids) {
        Text part = same(id);
        for (const auto& [knownId, name] : known)
            if (knownId == id) part = name;
        parts.push_back(part);
    }
    return joined(parts);
}

Text requestLine(const DecisionRequest& r) {
    std::vector<Text> parts{dated(r.date),
                            {"部门 " + r.department + "（" + label(r.level).zh + "）", "department " + r.department + " (" + label(r.level).en + ")"},
                            {"企业信用等级 " + std::string(toString(r.grade)), "enterprise grade " + std::string(toString(r.grade))},
                            {label(r.kind).zh + "，" + label(r.method).zh, label(r.kind).en + ", " + label(r.method).en}};
    if (!r.item.empty()) parts.push_back({"事项 " + r.item, "item " + r.item});
    if (r.joint) parts.push_back({"联合检查", "a joint inspection"});
    if (r.exception)
        if (const ExceptionReason* e = findException(*r.exception))
            parts.push_back({"例外事由：" + e->name.zh, "exception: " + e->name.en});
    for (const auto& list : r.lists) parts.push_back({"企业在名单 " + list, "the enterprise is on the list " + list});
    if (r.noticeDate) parts.push_back({"预告日 " + r.noticeDate->iso(), "notice sent " + r.noticeDate->iso()});
    if (r.filingDate) parts.push_back({"备案日 " + r.filingDate->iso(), "filed " + r.filingDate->iso()});
    return joined(parts);
}

Text historyLine(const std::string& enterprise, const HistoryEntry& h) {
    Text what{h.department + " " + label(h.method).zh + "检查 " + h.item + (h.joint ? "（联合）" : "") + (h.unified ? "（统一检查）" : "") +
                  (h.violation ? "，发现违法" : ""),
              h.department + " " + label(h.method).en + " inspection of " + h.item + (h.joint ? " (joint)" : "") + (h.unified ? " (unified)" : "") +
                  (h.violation ? ", a violation found" : "")};
    std::string who = enterprise.empty() ? "" : enterprise + " ";
    return {"此前：" + who + h.date.iso() + " " + what.zh, "earlier: " + who + h.date.iso() + " " + what.en};
}

Text planLine(const Plan& p, const Workspace& w) {
    const WorkspaceDepartment* d = w.department(p.department);
    Text who = d ? d->name : same(p.department);
    if (!p.unit.empty()) who = {who.zh + "·" + p.unit, who.en + " / " + p.unit};
    const WorkspaceEnterprise* e = w.enterprise(p.enterprise);
    std::string items;
    for (const auto& item : p.items) items += (items.empty() ? "" : ", ") + item;
    Text line{"计划 " + std::to_string(p.id) + "：" + who.zh + " → " + (e ? e->enterprise.name : p.enterprise) + "，" + label(p.kind).zh + "（" +
                  items + "），" + label(p.method).zh + "，窗口 " + p.window.first.iso() + "至" + p.window.last.iso(),
              "plan " + std::to_string(p.id) + ": " + who.en + " → " + (e ? e->enterprise.name : p.enterprise) + ", " + label(p.kind).en + " (" +
                  items + "), " + label(p.method).en + ", window " + p.window.first.iso() + "…" + p.window.last.iso()};
    if (p.filedOn) line = {line.zh + "，" + p.filedOn->iso() + "备案", line.en + ", filed " + p.filedOn->iso()};
    else line = {line.zh + "，未备案", line.en + ", not filed"};
    if (p.exception)
        if (const ExceptionReason* reason = findException(*p.exception))
            line = {line.zh + "，例外事由：" + reason->name.zh, line.en + ", exception: " + reason->name.en};
    return line;
}

nlohmann::json groundsJson(const std::vector<Ground>& grounds) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : grounds) out.push_back({{"text", textJson(g.text)}, {"clause", g.clause.text()}});
    return out;
}

std::string clauseList(const std::vector<Citation>& clauses) {
    std::string out;
    for (const auto& c : clauses) out += (out.empty() ? "" : ", ") + c.text();
    return out;
}

std::string groundLine(const Ground& g, Language language) {
    return g.text.in(language) + (g.clause.text().empty() ? "" : "  —  " + g.clause.text());
}

}  // namespace

std::vector<Text> situationLines(const Question& q, const PolicyData& policy) {
    std::vector<Text> out;
    switch (q.kind) {
        case QuestionKind::Decide:
            out.push_back(requestLine(q.request));
            for (const auto& h : q.request.history) out.push_back(historyLine("", h));
            break;
        case QuestionKind::Grade:
            if (!q.finding.facts.empty()) out.push_back({"查明的情节：", "facts established: "});
            if (!q.finding.facts.empty()) out.back() = {out.back().zh + labelled(findingFacts(policy), q.finding.facts).zh,
                                                        out.back().en + labelled(findingFacts(policy), q.finding.facts).en};
            if (!q.finding.areas.empty()) {
                Text areas = labelled(excludedAreas(policy), q.finding.areas);
                out.push_back({"涉及领域：" + areas.zh, "areas touched: " + areas.en});
            }
            break;
        case QuestionKind::Penalty: {
            if (!q.penalty.facts.empty()) {
                Text facts = labelled(penaltyFacts(policy), q.penalty.facts);
                out.push_back({"查明的情节：" + facts.zh, "facts established: " + facts.en});
            }
            if (!q.penalty.areas.empty()) {
                Text areas = labelled(excludedAreas(policy), q.penalty.areas);
                out.push_back({"涉及领域：" + areas.zh, "areas touched: " + areas.en});
            }
            if (!q.penalty.matter.empty()) {
                Text matter = labelled(penaltyMatters(policy), {q.penalty.matter});
                out.push_back({"事项：" + matter.zh, "matter: " + matter.en});
            }
            break;
        }
        case QuestionKind::Route:
            out.push_back({(q.list == classify::Kind::Demand ? "企业诉求：" : "企业投诉：") + q.text,
                           (q.list == classify::Kind::Demand ? "the enterprise's demand: " : "the enterprise's complaint: ") + q.text});
            break;
        case QuestionKind::Merge: {
            const Workspace& w = q.merge->workspace;
            for (const auto& e : w.enterprises)
                out.push_back({"企业 " + e.enterprise.name + "（" + e.enterprise.code.str() + "，信用等级 " + std::string(toString(e.enterprise.grade)) + "）",
                               "enterprise " + e.enterprise.name + " (" + e.enterprise.code.str() + ", grade " +
                                   std::string(toString(e.enterprise.grade)) + ")"});
            out.push_back({"排期日（预告最早发出日）" + w.planningDate.iso(), "planning day (the earliest a notice goes out) " + w.planningDate.iso()});
            for (const auto& p : w.plans) out.push_back(planLine(p, w));
            for (const auto& [code, h] : w.history) out.push_back(historyLine(w.enterprises.size() > 1 ? code : "", h));
            break;
        }
    }
    return out;
}

std::vector<Text> situationLines(const Exercise& exercise, std::size_t index, const PolicyData& policy) {
    const Question& q = exercise.questions[index];
    if (q.merge && q.merge->shared)
        for (std::size_t earlier = 0; earlier < index; ++earlier) {
            const Question& e = exercise.questions[earlier];
            if (e.merge && e.merge->shared) {
                std::string n = std::to_string(earlier + 1);
                return {{"情况同第 " + n + " 题", "the same situation as question " + n}};
            }
        }
    return situationLines(q, policy);
}

nlohmann::json toJson(const Exercise& exercise, const PolicyData& policy) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : exercise.questions) {
        nlohmann::json offered = nlohmann::json::array();
        for (const auto& c : choices(q, policy)) offered.push_back({{"id", c.id}, {"label", textJson(c.label)}});
        nlohmann::json situation = nlohmann::json::array();
        for (const auto& line : situationLines(q, policy)) situation.push_back(textJson(line));
        questions.push_back({{"id", q.id}, {"kind", std::string(toString(q.kind))}, {"prompt", textJson(q.prompt)},
                             {"situation", situation}, {"choices", offered}});
    }
    nlohmann::json clauses = nlohmann::json::array();
    for (const auto& c : exercise.clauses) clauses.push_back(c.text());
    return {{"id", exercise.id}, {"county", exercise.county}, {"title", textJson(exercise.title)}, {"brief", textJson(exercise.brief)},
            {"clauses", clauses}, {"questions", questions}};
}

nlohmann::json toJson(const Score& score) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : score.questions)
        questions.push_back({{"id", q.question},
                             {"kind", std::string(toString(q.kind))},
                             {"given", q.given ? nlohmann::json(*q.given) : nlohmann::json(nullptr)},
                             {"given_label", q.given ? textJson(q.givenLabel) : nlohmann::json(nullptr)},
                             {"answer", q.answer},
                             {"answer_label", textJson(q.answerLabel)},
                             {"right", q.right},
                             {"why", groundsJson(q.why)}});
    return {{"exercise", score.exercise}, {"county", score.county}, {"right", score.right}, {"total", score.total},
            {"mistake_clauses", score.mistakeClauses()}, {"questions", questions}};
}

std::string describe(const Exercise& exercise, const PolicyData& policy, Language language) {
    bool en = language == Language::English;
    std::string out = exercise.id + "  " + policy.name.in(language) + "\n" + exercise.title.in(language) + "\n\n" + exercise.brief.in(language) + "\n";
    if (!exercise.clauses.empty()) out += std::string(en ? "Clauses: " : "依据：") + clauseList(exercise.clauses) + "\n";
    for (std::size_t i = 0; i < exercise.questions.size(); ++i) {
        const Question& q = exercise.questions[i];
        out += "\n" + std::to_string(i + 1) + ". " + q.id + " [" + label(q.kind).in(language) + "] " + q.prompt.in(language) + "\n";
        for (const auto& line : situationLines(exercise, i, policy)) out += "   " + line.in(language) + "\n";
        std::string offered;
        for (const auto& c : choices(q, policy)) offered += (offered.empty() ? "" : en ? "; " : "；") + c.id + "=" + c.label.in(language);
        out += std::string("   ") + (en ? "Choices: " : "选项：") + offered + "\n";
    }
    return out;
}

std::string describe(const Score& score, Language language) {
    bool en = language == Language::English;
    std::string out = score.exercise + (en ? ": score " : "：得分 ") + std::to_string(score.right) + "/" + std::to_string(score.total) + "\n";
    for (const auto& q : score.questions) {
        if (q.right) {
            out += (en ? "right  " : "对  ") + q.question + "  " + q.answerLabel.in(language) + "\n";
            continue;
        }
        std::string given = q.given ? q.givenLabel.in(language) : (en ? "not answered" : "未作答");
        out += (en ? "wrong  " : "错  ") + q.question + (en ? "  your answer: " : "  你的答案：") + given +
               (en ? "; the engine's: " : "；引擎的答案：") + q.answerLabel.in(language) + "\n";
        for (const auto& g : q.why) out += "       " + groundLine(g, language) + "\n";
    }
    auto clauses = score.mistakeClauses();
    if (!clauses.empty()) {
        out += en ? "Read again: " : "请重读：";
        for (std::size_t i = 0; i < clauses.size(); ++i) out += (i ? (en ? ", " : "、") : "") + clauses[i];
        out += "\n";
    }
    return out;
}

}  // namespace inspectonce
