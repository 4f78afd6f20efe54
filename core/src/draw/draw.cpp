// runDraw: population, strata, the draw of enterprises and inspectors, and the hashes of
// what went in and came out. The steps are described in draw.hpp.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "inspectonce/digest.hpp"
#include "inspectonce/draw.hpp"

namespace inspectonce {
namespace {

template <class T>
bool within(const std::vector<T>& allowed, const T& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

constexpr std::array<CreditGrade, 4> kGrades{CreditGrade::A, CreditGrade::B, CreditGrade::C, CreditGrade::D};

struct Candidate {
    const WorkspaceEnterprise* entry = nullptr;
    std::string code;
    int earlierDraws = 0;
    const PolicyRule* exemptBy = nullptr;
};

// The county's exemption for this enterprise, read as the decision engine reads it: an
// exempt rule matches by grade or by list (decision.cpp), for an on-site inspection.
const PolicyRule* exemption(const PolicyData& policy, const Enterprise& e, const std::vector<const WorkspaceDepartment*>& departments,
                            bool joint) {
    for (const auto& rule : policy.rules) {
        if (rule.type != PolicyRule::Type::Exempt) continue;
        const auto& a = rule.appliesTo;
        if (!within(a.kinds, InspectionKind::Inspection) || !within(a.methods, Method::OnSite)) continue;
        if (!a.levels.empty() && std::none_of(departments.begin(), departments.end(), [&](const WorkspaceDepartment* d) {
                return within(a.levels, d->level);
            }))
            continue;
        if (a.joint && *a.joint != joint) continue;
        bool listed = !a.grades.empty() && within(a.grades, e.grade);
        for (const auto& list : a.lists) listed = listed || e.isOn(list);
        if (listed) return &rule;
    }
    return nullptr;
}

std::string jsonList(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    return nlohmann::json(values).dump();
}

Status checkRequest(const Workspace& w, const DrawRequest& r, std::vector<const WorkspaceDepartment*>& departments) {
    if (r.date.year() != w.year)
        return makeError("draw request: date", r.date.iso() + " is not in the workspace's year " + std::to_string(w.year));
    if (r.departments.empty()) return makeError("draw request: departments", "at least one department takes part");
    std::set<std::string> seen;
    for (const auto& id : r.departments) {
        const auto* d = w.department(id);
        if (!d) {
            std::string known;
            for (const auto& x : w.departments) known += (known.empty() ? "" : ", ") + x.id;
            return makeError("draw request: departments", "unknown department '" + id + "' (the workspace has: " + known + ")");
        }
        if (!seen.insert(id).second) return makeError("draw request: departments", "'" + id + "' is given twice");
        departments.push_back(d);
    }
    for (const auto& id : r.items) {
        const auto* item = w.item(id);
        if (!item) return makeError("draw request: items", "unknown item '" + id + "'");
        if (!seen.count(item->department))
            return makeError("draw request: items", "item '" + id + "' belongs to '" + item->department + "', which does not take part");
    }
    if (r.baseRatioBp < 1 || r.baseRatioBp > 10000)
        return makeError("draw request: ratio", "the base ratio must be from 0.01 % to 100 %, found " + formatBp(r.baseRatioBp) + " %");
    if (r.lowerMultiplierPercent < 1 || r.lowerMultiplierPercent > 100)
        return makeError("draw request: lower multiplier", "must be from 1 % to 100 % of the base ratio, found " + std::to_string(r.lowerMultiplierPercent) + " %");
    if (r.higherMultiplierPercent < 100 || r.higherMultiplierPercent > 1000)
        return makeError("draw request: higher multiplier", "must be from 100 % to 1000 % of the base ratio, found " + std::to_string(r.higherMultiplierPercent) + " %");
    if (r.inspectorsPerEnterprise < 2 || r.inspectorsPerEnterprise > 20)
        return makeError("draw request: inspectors per enterprise", "at least 2 (two officers on every inspection) and at most 20, found " +
                                                                   std::to_string(r.inspectorsPerEnterprise));
    if (r.seed.empty() || r.seed.size() > 128) return makeError("draw request: seed", "a seed of 1 to 128 bytes is needed");
    for (char c : r.seed)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return makeError("draw request: seed", "control characters (line breaks, tabs) cannot be published in a seed");
    for (const auto& c : r.conflicts) {
        if (std::none_of(w.inspectors.begin(), w.inspectors.end(), [&](const Inspector& i) { return i.id == c.inspector; }))
            return makeError("draw request: conflicts", "unknown inspector '" + c.inspector + "'");
        if (!w.enterprise(c.enterprise))
            return makeError("draw request: conflicts", "unknown enterprise '" + c.enterprise + "' (conflict of inspector '" + c.inspector + "')");
    }
    return Ok{};
}

void setRatio(DrawStratum& s, const PolicyData& policy, const DrawRequest& r, bool inForce) {
    s.ratioBp = r.baseRatioBp;
    s.source = DrawStratum::Source::Base;
    std::string base = formatBp(r.baseRatioBp) + "%";
    if (!inForce) {
        s.text = {"文件在" + r.date.iso() + "不施行：按基础比例" + base, "the document is not in force on " + r.date.iso() + ": the base ratio " + base};
        if (policy.document.inForceClause) s.clause = *policy.document.inForceClause;
        return;
    }
    const SamplingRule* rule = Policy(policy).samplingFor(s.grade);
    if (!rule) {
        s.text = {"本地未按信用等级规定抽查比例：按基础比例" + base, "the county sets no sampling ratio for this grade: the base ratio " + base};
        return;
    }
    s.clause = policy.sampling->clause;
    s.text = rule->text;
    if (rule->percent) {
        s.source = DrawStratum::Source::CountyPercent;
        s.ratioBp = *rule->percent * 100;
        return;
    }
    if (rule->level == SamplingRule::Level::Normal) return;
    bool lower = rule->level == SamplingRule::Level::Lower;
    s.source = DrawStratum::Source::Multiplier;
    s.multiplierPercent = lower ? r.lowerMultiplierPercent : r.higherMultiplierPercent;
    s.ratioBp = std::min(10000, (r.baseRatioBp * s.multiplierPercent + 50) / 100);
    std::string m = std::to_string(s.multiplierPercent) + "%", result = formatBp(s.ratioBp) + "%";
    s.note = Text{std::string("文件只说“适当") + (lower ? "降低" : "提高") + "”，未给出数值：按基础比例" + base + "×" + m + "＝" + result +
                      "（倍数为本软件的默认值，可在抽取时调整）",
                  std::string("the document only says \"") + (lower ? "lower" : "higher") + "\" and gives no number: base ratio " + base +
                      " × " + m + " = " + result + " (InspectOnce's default multiplier, adjustable per draw)"};
}

int drawCount(int eligible, int ratioBp) {
    // Rounded up: a stratum with enterprises and a positive ratio is never skipped.
    return static_cast<int>((static_cast<int64_t>(eligible) * ratioBp + 9999) / 10000);
}

// Picks `count` of `pool` (in their given order): the whole pool if it is not larger, else a
// partial Fisher–Yates shuffle with DrawRandom::below.
void pick(std::vector<const Candidate*> pool, int count, DrawRandom& random, std::vector<const Candidate*>& out) {
    auto n = pool.size();
    auto k = static_cast<std::size_t>(count);
    if (k >= n) {
        out.insert(out.end(), pool.begin(), pool.end());
        return;
    }
    for (std::size_t i = 0; i < k; ++i) {
        auto j = i + static_cast<std::size_t>(random.below(n - i));
        std::swap(pool[i], pool[j]);
        out.push_back(pool[i]);
    }
}

struct InspectorPool {
    std::vector<const Inspector*> all;          // the taking-part departments' inspectors, by id
    std::vector<int> load;                      // assignments in this draw
};

// One of `choices` (indices into the pool): the least loaded first, at random among them.
std::size_t balancedChoice(const std::vector<std::size_t>& choices, InspectorPool& pool, DrawRandom& random) {
    int least = pool.load[choices.front()];
    for (auto c : choices) least = std::min(least, pool.load[c]);
    std::vector<std::size_t> tier;
    for (auto c : choices)
        if (pool.load[c] == least) tier.push_back(c);
    std::size_t chosen = tier[static_cast<std::size_t>(random.below(tier.size()))];
    ++pool.load[chosen];
    return chosen;
}

std::string canonicalRequest(const DrawRecord& record) {
    const auto& r = record.request;
    std::vector<std::string> earlier;
    for (auto id : record.earlierDraws) earlier.push_back(std::to_string(id));
    std::vector<std::string> conflicts;  // in the exclusions section; listed here too so a dropped one is a request change
    for (const auto& c : r.conflicts) conflicts.push_back(c.inspector + " " + c.enterprise);
    return "inspectonce-draw 1\ncounty " + record.county + "\nyear " + std::to_string(record.year) + "\ndate " + r.date.iso() +
           "\ndepartments " + jsonList(r.departments) + "\nindustries " + jsonList(r.industries) + "\ntowns " + jsonList(r.towns) +
           "\nitems " + jsonList(r.items) + "\nbase-ratio-bp " + std::to_string(r.baseRatioBp) + "\nlower-multiplier-percent " +
           std::to_string(r.lowerMultiplierPercent) + "\nhigher-multiplier-percent " + std::to_string(r.higherMultiplierPercent) +
           "\ninspectors-per-enterprise " + std::to_string(r.inspectorsPerEnterprise) + "\nprefer-not-yet-drawn " +
           (r.preferNotYetDrawn ? "1" : "0") + "\nconflicts " + jsonList(conflicts) + "\nearlier-draws " + nlohmann::json(earlier).dump() + "\n";
}

std::string canonicalStrata(const DrawRecord& record) {
    std::string out;
    for (const auto& s : record.strata)
        out += std::string(toString(s.grade)) + " population=" + std::to_string(s.population) + " exempt=" + std::to_string(s.exempt) +
               " eligible=" + std::to_string(s.eligible) + " not-yet-drawn=" + std::to_string(s.notYetDrawn) + " ratio-bp=" +
               std::to_string(s.ratioBp) + " source=" + std::string(toString(s.source)) + " multiplier=" +
               std::to_string(s.multiplierPercent) + " clause=" + (s.clause ? s.clause->text() : "-") + " count=" + std::to_string(s.count) + "\n";
    for (const auto& e : record.exemptions) out += "exempt " + e.rule + " " + e.clause.text() + " " + std::to_string(e.count) + "\n";
    return out;
}

}  // namespace

std::string_view toString(DrawStratum::Source source) {
    switch (source) {
        case DrawStratum::Source::CountyPercent: return "county-percent";
        case DrawStratum::Source::Multiplier: return "multiplier";
        case DrawStratum::Source::Base: return "base";
    }
    return "base";
}

std::vector<std::string> DrawRecord::clauses() const {
    std::vector<std::string> out;
    auto add = [&](const Citation& c) {
        if (std::find(out.begin(), out.end(), c.text()) == out.end()) out.push_back(c.text());
    };
    for (const auto& s : strata)
        if (s.clause) add(*s.clause);
    for (const auto& e : exemptions) add(e.clause);
    if (fewerRepeatsClause) add(*fewerRepeatsClause);
    if (jointShare.target) add(jointShare.target->clause);
    return out;
}

Result<DrawRecord> runDraw(const Workspace& w, const PolicyData& policy, const DrawRequest& request,
                           const std::vector<PastDraw>& earlier) {
    std::vector<const WorkspaceDepartment*> departments;
    IO_CHECK(checkRequest(w, request, departments));
    DrawRecord record;
    record.county = w.county;
    record.year = w.year;
    record.request = request;
    std::sort(record.request.departments.begin(), record.request.departments.end());
    std::sort(departments.begin(), departments.end(), [](auto* a, auto* b) { return a->id < b->id; });
    const bool joint = departments.size() > 1;
    const bool inForce = policy.document.inForceOn(request.date);

    // Earlier draws of the year: how often each enterprise was drawn, who went last time.
    std::vector<const PastDraw*> past;
    for (const auto& d : earlier)
        if (d.date.year() == w.year) past.push_back(&d);
    std::sort(past.begin(), past.end(), [](auto* a, auto* b) { return a->date != b->date ? a->date < b->date : a->id < b->id; });
    std::unordered_map<std::string, int> timesDrawn;
    std::unordered_map<std::string, const PastDraw::Pick*> lastPick;
    std::unordered_map<std::string, int64_t> lastDraw;
    for (const auto* d : past) {
        record.earlierDraws.push_back(d->id);
        for (const auto& p : d->drawn) {
            ++timesDrawn[p.enterprise];
            lastPick[p.enterprise] = &p;
            lastDraw[p.enterprise] = d->id;
        }
    }
    std::sort(record.earlierDraws.begin(), record.earlierDraws.end());

    // 1. The population, by USCC, with the county's exemptions.
    std::vector<Candidate> population;
    int onExemptListNotExempt = 0;
    for (const auto& e : w.enterprises) {
        if (!within(request.industries, e.industry) || !within(request.towns, e.town)) continue;
        Candidate c;
        c.entry = &e;
        c.code = e.enterprise.code.str();
        auto found = timesDrawn.find(c.code);
        c.earlierDraws = found == timesDrawn.end() ? 0 : found->second;
        c.exemptBy = inForce ? exemption(policy, e.enterprise, departments, joint) : nullptr;
        if (!c.exemptBy && e.enterprise.isOn(lists::kExempt)) ++onExemptListNotExempt;
        population.push_back(std::move(c));
    }
    std::sort(population.begin(), population.end(), [](const Candidate& a, const Candidate& b) { return a.code < b.code; });
    record.population = static_cast<int>(population.size());

    std::map<std::string, DrawExemption> exemptions;
    for (const auto& c : population) {
        if (!c.exemptBy) continue;
        auto& x = exemptions[c.exemptBy->id];
        x.rule = c.exemptBy->id;
        x.clause = c.exemptBy->clause;
        x.text = c.exemptBy->rule;
        ++x.count;
    }
    for (const auto& rule : policy.rules)  // in the county's order
        if (auto found = exemptions.find(rule.id); found != exemptions.end()) record.exemptions.push_back(found->second);
    if (onExemptListNotExempt > 0) {
        std::string n = std::to_string(onExemptListNotExempt);
        record.notes.push_back({n + "家企业在免检清单上，但本地规则未规定免检：照常参与抽取",
                                n + " enterprise(s) on the exempt list, but the county's rules exempt no one: they are drawn like the others"});
    }
    if (!inForce) {
        record.notes.push_back({"文件在" + request.date.iso() + "不施行，其信用分级比例与免检规则不适用",
                                "the county's document is not in force on " + request.date.iso() + ": its ratios and exemptions do not apply"});
    } else if (!policy.sampling) {
        record.notes.push_back({"本地文件未按信用等级规定抽查比例：各等级均按基础比例", "the county's document sets no sampling by credit grade: every grade uses the base ratio"});
    } else if (policy.sampling->note) {
        record.notes.push_back({policy.sampling->note->zh + "（" + policy.sampling->clause.text() + "）",
                                policy.sampling->note->en + " (" + policy.sampling->clause.text() + ")"});
    }

    // 2.–3. Strata, each drawn in tiers of earlier draws.
    DrawRandom random(request.seed);
    std::vector<const Candidate*> drawn;
    for (CreditGrade grade : kGrades) {
        DrawStratum s;
        s.grade = grade;
        std::map<int, std::vector<const Candidate*>> tiers;
        for (const auto& c : population) {
            if (c.entry->enterprise.grade != grade) continue;
            ++s.population;
            if (c.exemptBy) {
                ++s.exempt;
                continue;
            }
            ++s.eligible;
            if (c.earlierDraws == 0) ++s.notYetDrawn;
            tiers[request.preferNotYetDrawn ? c.earlierDraws : 0].push_back(&c);
        }
        setRatio(s, policy, request, inForce);
        int remaining = drawCount(s.eligible, s.ratioBp);
        s.count = remaining;
        std::size_t before = drawn.size();
        for (auto& [times, pool] : tiers) {
            if (remaining == 0) break;
            int take = std::min<int>(remaining, static_cast<int>(pool.size()));
            pick(pool, take, random, drawn);
            remaining -= take;
        }
        for (std::size_t i = before; i < drawn.size(); ++i)
            if (drawn[i]->earlierDraws > 0) ++s.repeats;
        record.repeats += s.repeats;
        record.eligible += s.eligible;
        record.strata.push_back(s);
    }
    if (request.preferNotYetDrawn && policy.sampling && policy.sampling->fewerRepeats && inForce)
        record.fewerRepeatsClause = *policy.sampling->fewerRepeats;
    std::sort(drawn.begin(), drawn.end(), [](auto* a, auto* b) { return a->code < b->code; });

    // 4. Inspectors: exclusions first (every enterprise of the population, for the hash).
    InspectorPool pool;
    for (const auto& i : w.inspectors)
        if (std::find(request.departments.begin(), request.departments.end(), i.department) != request.departments.end())
            pool.all.push_back(&i);
    std::sort(pool.all.begin(), pool.all.end(), [](auto* a, auto* b) { return a->id < b->id; });
    pool.load.assign(pool.all.size(), 0);

    std::vector<DrawExclusion> exclusions;
    for (const auto& c : population) {
        auto last = lastPick.find(c.code);
        if (last == lastPick.end()) continue;
        for (const auto& inspector : last->second->inspectors)
            exclusions.push_back({inspector, c.code, DrawExclusion::Reason::LastTime, lastDraw[c.code]});
    }
    for (const auto& conflict : request.conflicts)
        exclusions.push_back({conflict.inspector, conflict.enterprise, DrawExclusion::Reason::Declared, 0});
    std::sort(exclusions.begin(), exclusions.end(), [](const DrawExclusion& a, const DrawExclusion& b) {
        if (a.enterprise != b.enterprise) return a.enterprise < b.enterprise;
        if (a.inspector != b.inspector) return a.inspector < b.inspector;
        return a.reason < b.reason;
    });
    exclusions.erase(std::unique(exclusions.begin(), exclusions.end(), [](const DrawExclusion& a, const DrawExclusion& b) {
                         return a.enterprise == b.enterprise && a.inspector == b.inspector && a.reason == b.reason;
                     }),
                     exclusions.end());
    record.exclusionsInInputs = static_cast<int>(exclusions.size());
    std::unordered_map<std::string, std::vector<const DrawExclusion*>> excludedFor;
    for (const auto& x : exclusions) excludedFor[x.enterprise].push_back(&x);

    const std::size_t team = std::max<std::size_t>(static_cast<std::size_t>(request.inspectorsPerEnterprise), departments.size());
    for (const Candidate* c : drawn) {
        DrawnEnterprise out;
        out.enterprise = c->code;
        out.name = c->entry->enterprise.name;
        out.grade = c->entry->enterprise.grade;
        out.earlierDraws = c->earlierDraws;
        const auto& excluded = excludedFor[c->code];
        auto isExcluded = [&](const Inspector* i) {
            return std::any_of(excluded.begin(), excluded.end(), [&](const DrawExclusion* x) { return x->inspector == i->id; });
        };
        std::vector<std::size_t> eligible;
        for (std::size_t k = 0; k < pool.all.size(); ++k)
            if (!isExcluded(pool.all[k])) eligible.push_back(k);
        for (const auto* x : excluded) record.exclusions.push_back(*x);
        if (eligible.size() < team) {
            std::string names, why;
            for (auto k : eligible) names += (names.empty() ? "" : ", ") + pool.all[k]->id;
            for (const auto* x : excluded) {
                if (std::none_of(pool.all.begin(), pool.all.end(), [&](const Inspector* i) { return i->id == x->inspector; })) continue;
                why += (why.empty() ? "" : ", ") + x->inspector +
                       (x->reason == DrawExclusion::Reason::LastTime ? " (inspected it in draw " + std::to_string(x->lastDraw) + ")"
                                                                     : " (declared conflict)");
            }
            return makeError("draw: enterprise " + c->code + " (" + out.name + ")",
                             "needs " + std::to_string(team) + " inspectors from " + jsonList(request.departments) + ", but only " +
                                 std::to_string(eligible.size()) + " of their " + std::to_string(pool.all.size()) +
                                 " inspectors are eligible" + (names.empty() ? "" : " (" + names + ")") +
                                 (why.empty() ? "" : "; excluded: " + why) + ": add inspectors or departments, or lower the ratio");
        }
        std::vector<std::size_t> chosen;
        for (const auto* d : departments) {
            std::vector<std::size_t> own;
            for (auto k : eligible)
                if (pool.all[k]->department == d->id) own.push_back(k);
            if (own.empty()) {
                out.departmentsWithoutInspector.push_back(d->id);
                continue;
            }
            chosen.push_back(balancedChoice(own, pool, random));
        }
        while (chosen.size() < team) {
            std::vector<std::size_t> rest;
            for (auto k : eligible)
                if (std::find(chosen.begin(), chosen.end(), k) == chosen.end()) rest.push_back(k);
            chosen.push_back(balancedChoice(rest, pool, random));
        }
        std::sort(chosen.begin(), chosen.end());
        for (auto k : chosen) out.inspectors.push_back({pool.all[k]->id, pool.all[k]->department, pool.all[k]->name});
        record.drawn.push_back(std::move(out));
    }

    // The year's joint share, this draw included.
    record.jointShare.year = w.year;
    record.jointShare.tasks = static_cast<int>(past.size()) + 1;
    record.jointShare.jointTasks = (joint ? 1 : 0) + static_cast<int>(std::count_if(past.begin(), past.end(), [](auto* d) { return d->joint(); }));
    for (const auto& target : policy.targets)
        if (target.year == w.year && target.metric == "joint-random-task-share") record.jointShare.target = target;

    // 6. Hashes of the canonical inputs (one line per fact) and of the result.
    std::string population_;
    population_.reserve(population.size() * 32);
    for (const auto& c : population)
        population_ += c.code + " " + std::string(toString(c.entry->enterprise.grade)) + " " + std::to_string(c.earlierDraws) + " " +
                       (c.exemptBy ? c.exemptBy->id : "-") + "\n";
    std::string inspectors;
    for (const auto* i : pool.all) inspectors += i->id + " " + i->department + " " + (i->unit.empty() ? "-" : i->unit) + "\n";
    std::string excluded;
    for (const auto& x : exclusions)
        excluded += x.enterprise + " " + x.inspector + " " +
                    (x.reason == DrawExclusion::Reason::LastTime ? "last-time " + std::to_string(x.lastDraw) : std::string("declared")) + "\n";
    auto& h = record.hashes;
    h.request = blake2bHex(canonicalRequest(record));
    h.population = blake2bHex(population_);
    h.strata = blake2bHex(canonicalStrata(record));
    h.inspectors = blake2bHex(inspectors);
    h.exclusions = blake2bHex(excluded);
    h.input = blake2bHex("request " + h.request + "\npopulation " + h.population + "\nstrata " + h.strata + "\ninspectors " +
                         h.inspectors + "\nexclusions " + h.exclusions + "\n");
    std::string result = "seed " + nlohmann::json(request.seed).dump() + "\ninput " + h.input + "\n";
    for (const auto& d : record.drawn) {
        result += d.enterprise;
        for (const auto& i : d.inspectors) result += " " + i.id;
        result += "\n";
    }
    h.result = blake2bHex(result);
    return record;
}

}  // namespace inspectonce
