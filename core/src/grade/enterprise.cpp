// Grading an enterprise: Yunhe's yearly portrait A/B/C/D and its rise rule (004 二(六)), Wuxi's
// white list (003 二(五)), credit risk classes that set sampling (002 三(二)2), or what the
// county's document says where it grades no enterprises. Every number the documents leave
// open is a county parameter (grading_rules.hpp) whose note is shown with the grade.
#include <map>

#include "grade/grading_internal.hpp"

namespace inspectonce {

using namespace grading;

namespace {

// One record of the enterprise within a window of years, from its events or its inspections.
struct Record {
    Date date;
    std::string kind;
    std::string source;  // "event" or "history"
    std::string detail;
};

struct Records {
    std::vector<Record> list;          // by date, then kind, source, detail
    std::vector<Date> countedOnce;     // an inspection both in history and in events
};

Records collect(const GradingInput& in, int fromYear, int toYear) {
    Records out;
    const std::string code = in.enterprise->enterprise.code.str();
    auto inWindow = [&](Date d) { return d.year() >= fromYear && d.year() <= toYear; };
    for (const auto& h : in.history) {
        if (!inWindow(h.date)) continue;
        std::string detail = h.department + (h.item.empty() ? "" : " " + h.item);
        out.list.push_back({h.date, h.violation ? "inspection-violation" : "inspection-clean", "history", detail});
    }
    for (const auto& e : in.events) {
        if (!e.enterprise.empty() && e.enterprise != code) continue;
        if (!inWindow(e.date)) continue;
        bool recorded = std::any_of(out.list.begin(), out.list.end(), [&](const Record& r) {
            return r.source == "history" && r.date == e.date && r.kind == e.kind;
        });
        if (recorded) {
            out.countedOnce.push_back(e.date);
            continue;
        }
        out.list.push_back({e.date, e.kind, "event", e.detail});
    }
    std::sort(out.list.begin(), out.list.end(), [](const Record& a, const Record& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.source != b.source) return a.source < b.source;
        return a.detail < b.detail;
    });
    return out;
}

Text recordText(const Record& r) {
    Text out = concat({same(r.date.iso() + " "), eventLabel(r.kind)});
    if (!r.detail.empty()) out = concat({out, {"（", " ("}, same(r.detail), {"）", ")"}});
    return out;
}

Text gradeText(CreditGrade g) { return same(std::string(toString(g))); }

int pointsOf(const PortraitRules& rules, const std::string& kind, bool& weighed) {
    for (const auto& [k, v] : rules.points)
        if (k == kind) {
            weighed = true;
            return v;
        }
    weighed = false;
    return 0;
}

CreditGrade byScore(const PortraitRules& r, int score) {
    if (score >= r.thresholdA) return CreditGrade::A;
    if (score >= r.thresholdB) return CreditGrade::B;
    if (score >= r.thresholdC) return CreditGrade::C;
    return CreditGrade::D;
}

CreditGrade better(CreditGrade g, int steps) {
    int value = static_cast<int>(g) - steps;
    return static_cast<CreditGrade>(value < 0 ? 0 : value);
}

std::vector<RiseCheck> checkRise(const PortraitRules::Rise& rise, const GradingInput& in, CreditGrade current,
                                 std::vector<Ground>& notes) {
    std::map<int, CreditGrade> grades;  // an ordered map: periods in year order
    for (const auto& p : in.previous)
        if (p.year < in.year) grades[p.year] = p.grade;
    grades[in.year] = current;
    std::vector<int> years;  // the years the enterprise rectified something, each once
    for (const auto& e : in.events)
        if (e.kind == "rectified" && e.date.year() <= in.year &&
            (e.enterprise.empty() || e.enterprise == in.enterprise->enterprise.code.str()) &&
            std::find(years.begin(), years.end(), e.date.year()) == years.end())
            years.push_back(e.date.year());
    std::sort(years.begin(), years.end());
    std::vector<RiseCheck> out;
    for (int year : years) {
        auto base = grades.find(year - 1);
        if (base == grades.end()) {
            notes.push_back({concat({same(std::to_string(year)), {"年整改到位，但无", " rectification without a grade for "},
                                     same(std::to_string(year - 1)), {"年的等级：未检查提升规则", ": the rise rule is not checked"}}),
                             rise.clause});
            continue;
        }
        if (std::find(rise.grades.begin(), rise.grades.end(), base->second) == rise.grades.end()) continue;
        RiseCheck check;
        for (const auto& e : in.events)
            if (e.kind == "rectified" && e.date.year() == year && (check.rectified == Date{} || e.date < check.rectified))
                check.rectified = e.date;
        check.baseYear = year - 1;
        check.from = base->second;
        check.target = better(base->second, rise.byGrades);
        check.deadlineYear = year + rise.withinPeriods - 1;
        for (int y = year; y <= check.deadlineYear && y <= in.year; ++y) {
            auto g = grades.find(y);
            if (g != grades.end() && g->second <= check.target) {
                check.metIn = y;
                break;
            }
        }
        check.status = check.metIn ? RiseCheck::Status::Met
                     : in.year < check.deadlineYear ? RiseCheck::Status::Pending
                                                    : RiseCheck::Status::Missed;
        Text head = concat({same(check.rectified.iso()), {"整改到位（", " rectified (graded "}, gradeText(check.from),
                            {"类，", " in "}, same(std::to_string(check.baseYear)), {"年）", ")"}});
        std::string deadline = std::to_string(check.deadlineYear);
        std::string target(toString(check.target));
        Text said;
        switch (check.status) {
            case RiseCheck::Status::Met: {
                std::string metYear = std::to_string(*check.metIn);
                std::string reached(toString(grades[*check.metIn]));
                said = {"：已于" + metYear + "年分类提升至" + reached + "类，在两个分类期限内",
                        ": rose to " + reached + " in " + metYear + ", within the periods allowed"};
                break;
            }
            case RiseCheck::Status::Pending:
                said = {"：应不晚于" + deadline + "年的分类提升至" + target + "类或以上",
                        ": should reach " + target + " or better by the grading of " + deadline};
                break;
            case RiseCheck::Status::Missed:
                said = {"：未在两个分类期限内（至" + deadline + "年）提升至" + target + "类或以上，应加强合规指导服务并核查原因",
                        ": did not reach " + target + " or better within the periods allowed (by " + deadline +
                            "): more compliance guidance is due and the reason should be checked"};
                break;
        }
        check.ground = {concat({head, said}), rise.clause};
        out.push_back(check);
    }
    return out;
}

Portrait portrait(const PortraitRules& r, const GradingInput& in, std::vector<Ground>& notes) {
    Portrait p;
    p.windowFrom = in.year - r.lookbackYears + 1;
    p.windowTo = in.year;
    Records records = collect(in, p.windowFrom, p.windowTo);
    p.score = r.base;
    std::string window = p.windowFrom == p.windowTo ? std::to_string(p.windowTo)
                                                    : std::to_string(p.windowFrom) + "–" + std::to_string(p.windowTo);
    p.grounds.push_back({concat({{"基础分", "base score "}, same(std::to_string(r.base)),
                                 {"；计入", "; records of "}, same(window), {"年的记录", ""}}),
                         r.clause});
    for (const auto& record : records.list) {
        bool weighed = false;
        int points = pointsOf(r, record.kind, weighed);
        p.contributions.push_back({record.date, record.kind, record.source, record.detail, points});
        p.score += points;
        p.grounds.push_back({concat({recordText(record), same(" " + signedNumber(points)),
                                     weighed ? Text{} : Text{"（不计分）", " (not weighed)"}}),
                             r.clause});
    }
    for (Date d : records.countedOnce)
        p.grounds.push_back({concat({same(d.iso()), {"的检查结果同时见于检查记录和事件，只计一次", ": an inspection in both the history and the events, counted once"}}),
                             r.clause});
    if (records.list.empty()) p.grounds.push_back({{"画像期内无记录：按基础分", "no records in the window: the base score"}, r.clause});
    p.byScore = byScore(r, p.score);
    std::string score = std::to_string(p.score), a = std::to_string(r.thresholdA), b = std::to_string(r.thresholdB),
                c = std::to_string(r.thresholdC), graded(toString(p.byScore));
    p.grounds.push_back({{"得分" + score + "（A≥" + a + "，B≥" + b + "，C≥" + c + "，其下为D）→ " + graded,
                          "score " + score + " (A≥" + a + ", B≥" + b + ", C≥" + c + ", D below) → " + graded},
                         r.clause});
    p.grade = p.byScore;
    for (const auto& [kind, cap] : r.atBestAfter) {
        auto first = std::find_if(records.list.begin(), records.list.end(), [&, k = kind](const Record& rec) { return rec.kind == k; });
        if (first == records.list.end()) continue;
        p.grounds.push_back({concat({{"有", "a record of "}, eventLabel(kind), {"记录（", " ("}, same(first->date.iso()),
                                     {"）：至多", "): at best "}, gradeText(cap)}),
                             r.clause});
        p.grade = worse(p.grade, cap);
    }
    for (const auto& [list, cap] : r.atBestOnList) {
        if (!in.enterprise->enterprise.isOn(list)) continue;
        p.grounds.push_back({concat({{"列入名单", "on the list "}, same(list), {"：至多", ": at best "}, gradeText(cap)}), r.clause});
        p.grade = worse(p.grade, cap);
    }
    p.grounds.push_back({concat({gradeText(p.grade), {"类：", ": "}, r.consequences[static_cast<std::size_t>(p.grade)]}), r.clause});
    if (r.rise) p.rise = checkRise(*r.rise, in, p.grade, notes);
    return p;
}

WhiteListCheck whiteList(const WhiteListRules& w, const GradingInput& in) {
    WhiteListCheck c;
    const WorkspaceEnterprise& e = *in.enterprise;
    c.onList = e.enterprise.isOn(w.list);
    c.eligible = true;
    CreditGrade g = e.enterprise.grade;
    bool gradeOk = std::find(w.grades.begin(), w.grades.end(), g) != w.grades.end();
    std::string grades;
    for (auto x : w.grades) grades += (grades.empty() ? "" : "/") + std::string(toString(x));
    c.grounds.push_back({concat({{"在册信用等级", "grade on record "}, gradeText(g), gradeOk ? Text{"，属于", ", within "} : Text{"，不属于", ", not within "},
                                 same(grades)}),
                         w.clause});
    c.eligible = c.eligible && gradeOk;
    Records records = collect(in, in.year - w.lookbackYears + 1, in.year);
    for (const auto& kind : w.noneOf) {
        std::string dates;
        for (const auto& r : records.list)
            if (r.kind == kind) dates += (dates.empty() ? "" : "、") + r.date.iso();
        if (dates.empty()) continue;
        c.eligible = false;
        c.grounds.push_back({concat({{"有", "a record of "}, eventLabel(kind), {"（", " ("}, same(dates), {"）", ")"}}), w.clause});
    }
    if (!w.keyIndustries.empty() && contains(w.keyIndustries, e.industry)) {
        c.keyIndustry = true;
        c.grounds.push_back({concat({{"行业", "industry "}, same(e.industry), {"：", ": "}, w.keySupervision->text}), w.keySupervision->clause});
    }
    if (c.onList && c.eligible) c.grounds.push_back({concat({{"在白名单内：", "on the white list: "}, w.gives}), w.clause});
    else if (c.onList) c.grounds.push_back({concat({{"在白名单内，但不再符合入选条件，应复核；名单内：", "on the white list but no longer eligible, to be reviewed; the list gives: "}, w.gives}), w.clause});
    else if (c.eligible) c.grounds.push_back({concat({{"符合入选条件，可纳入白名单（扩大白名单范围）：", "eligible for the white list (widen it): "}, w.gives}), w.clause});
    else c.grounds.push_back({{"不符合白名单入选条件", "not eligible for the white list"}, w.clause});
    return c;
}

CreditRisk creditRisk(const CreditRiskRules& r, const PolicyData& policy, const GradingInput& in) {
    CreditRisk c;
    c.creditClass = in.enterprise->enterprise.grade;
    const SamplingRules& sampling = *policy.sampling;
    const SamplingRule* rule = Policy(policy).samplingFor(c.creditClass);
    Text head = concat({{"信用风险分类（在册等级）", "credit risk class (grade on record) "}, gradeText(c.creditClass)});
    if (rule) {
        c.level = rule->level;
        c.percent = rule->percent;
        Text percent = rule->percent ? concat({{"，抽查比例", ", sampling ratio "}, same(std::to_string(*rule->percent) + "%")}) : Text{};
        c.grounds.push_back({concat({head, {"：抽查比例和频次", ": sampling ratio and frequency "}, levelLabel(c.level), percent,
                                     {"。", ". "}, rule->text}),
                             sampling.clause});
    } else {
        c.grounds.push_back({concat({head, {"：本地未对该类设定抽查比例", ": the county sets no sampling for this class"}}), sampling.clause});
    }
    Records records = collect(in, in.year - r.lookbackYears + 1, in.year);
    std::string found;
    for (const auto& record : records.list)
        if (contains(r.raiseOn, record.kind)) found += (found.empty() ? "" : "、") + record.date.iso() + " " + eventLabel(record.kind).zh;
    if (!found.empty()) {
        std::string foundEn;
        for (const auto& record : records.list)
            if (contains(r.raiseOn, record.kind)) foundEn += (foundEn.empty() ? "" : ", ") + record.date.iso() + " " + eventLabel(record.kind).en;
        if (c.level != SamplingRule::Level::Higher) {
            c.raised = true;
            c.level = SamplingRule::Level::Higher;
            c.percent.reset();
            for (const auto& other : sampling.byGrade)
                if (other.level == SamplingRule::Level::Higher) {
                    c.percent = other.percent;
                    break;
                }
        }
        c.grounds.push_back({{"有失信违法记录（" + found + "）：适当提高抽查比例和频次", "records of dishonesty or violations (" + foundEn + "): a higher sampling ratio and frequency"},
                             r.clause});
    }
    if (c.level == SamplingRule::Level::Lower && r.lowerGives) c.grounds.push_back({*r.lowerGives, r.clause});
    return c;
}

}  // namespace

bool EnterpriseGrading::riseMissed() const {
    if (!portrait) return false;
    return std::any_of(portrait->rise.begin(), portrait->rise.end(), [](const RiseCheck& r) { return r.status == RiseCheck::Status::Missed; });
}

std::vector<std::string> EnterpriseGrading::clauses() const {
    std::vector<std::string> out;
    auto add = [&](const Citation& c) {
        if (!contains(out, c.text())) out.push_back(c.text());
    };
    for (const auto& g : grounds) add(g.clause);
    if (portrait) {
        for (const auto& g : portrait->grounds) add(g.clause);
        for (const auto& r : portrait->rise) add(r.ground.clause);
    }
    if (whiteList)
        for (const auto& g : whiteList->grounds) add(g.clause);
    if (creditRisk)
        for (const auto& g : creditRisk->grounds) add(g.clause);
    for (const auto& g : notes) add(g.clause);
    return out;
}

Result<EnterpriseGrading> gradeEnterprise(const PolicyData& policy, const GradingInput& in) {
    if (!in.enterprise) return makeError("gradeEnterprise", "no enterprise given");
    const GradingRules& rules = policy.grading;
    if (!rules.present()) return makeError(policy.county, "the parameter file has no \"grading\" section");
    EnterpriseGrading g;
    g.county = policy.county;
    g.code = in.enterprise->enterprise.code.str();
    g.name = in.enterprise->enterprise.name;
    g.year = in.year;
    g.onRecord = in.enterprise->enterprise.grade;
    if (rules.none) g.grounds.push_back(*rules.none);
    const PolicyDocument& doc = policy.document;
    bool inForce = (!doc.inForceFrom || doc.inForceFrom->year() <= in.year) && (!doc.inForceUntil || doc.inForceUntil->year() >= in.year);
    if (!inForce && doc.inForceClause)
        g.notes.push_back({concat({{"文件在", "the document is not in force in "}, same(std::to_string(in.year)), {"年不施行", ""}}),
                           *doc.inForceClause});
    if (rules.portrait) {
        g.portrait = portrait(*rules.portrait, in, g.notes);
        if (rules.portrait->note) g.notes.push_back({*rules.portrait->note, rules.portrait->clause});
    }
    if (rules.whiteList) {
        g.whiteList = whiteList(*rules.whiteList, in);
        if (rules.whiteList->note) g.notes.push_back({*rules.whiteList->note, rules.whiteList->clause});
    }
    if (rules.creditRisk) {
        g.creditRisk = creditRisk(*rules.creditRisk, policy, in);
        if (rules.creditRisk->note) g.notes.push_back({*rules.creditRisk->note, rules.creditRisk->clause});
        if (policy.sampling->note) g.notes.push_back({*policy.sampling->note, policy.sampling->clause});
    }
    return g;
}

Result<std::vector<EnterpriseGrading>> gradeWorkspace(const PolicyData& policy, const Workspace& workspace, const std::string& only) {
    if (workspace.county != policy.county)
        return makeError("workspace", "the workspace is for " + workspace.county + ", the policy for " + policy.county);
    std::vector<EnterpriseGrading> out;
    bool found = false;
    for (const auto& e : workspace.enterprises) {
        const std::string code = e.enterprise.code.str();
        if (!only.empty() && code != only) continue;
        found = true;
        GradingInput in;
        in.enterprise = &e;
        for (const auto& ev : workspace.events)
            if (ev.enterprise == code) in.events.push_back(ev);
        for (const auto& [owner, h] : workspace.history)
            if (owner == code) in.history.push_back(h);
        // Earlier periods first (from the first record, at most ten years back), so the
        // rise rule sees the grades the same rule gave then.
        if (policy.grading.portrait) {
            int first = workspace.year;
            for (const auto& ev : in.events) first = std::min(first, ev.date.year());
            for (const auto& h : in.history) first = std::min(first, h.date.year());
            first = std::max(first, workspace.year - 10);
            for (int year = first; year < workspace.year; ++year) {
                in.year = year;
                IO_TRY(earlier, gradeEnterprise(policy, in));
                in.previous.push_back({year, earlier.portrait->grade});
            }
        }
        in.year = workspace.year;
        IO_TRY(graded, gradeEnterprise(policy, in));
        out.push_back(graded);
    }
    if (!only.empty() && !found) return makeError("--enterprise", "no enterprise " + only + " in the workspace");
    return out;
}

}  // namespace inspectonce
