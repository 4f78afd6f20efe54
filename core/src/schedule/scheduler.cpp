// The scheduling pipeline (schedule.hpp): file → check → merge and date → recheck → notify.
// Enterprises are independent except for department capacity, so they are taken one at a
// time in USCC order; within one, plans are merged by greedy interval stabbing over the
// enterprise's lawful days, which is optimal (see schedule.hpp).
#include "inspectonce/schedule.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "inspectonce/inspection_code.hpp"
#include "schedule/lawful_days.hpp"
#include "schedule/plan_rules.hpp"

namespace inspectonce {
using namespace schedule_detail;
namespace {

constexpr InspectionKind kVisitKinds[] = {InspectionKind::Inspection, InspectionKind::Survey};
constexpr int kMaxRounds = 6;

bool isVisitKind(InspectionKind kind) { return kind == InspectionKind::Inspection || kind == InspectionKind::Survey; }

// Inspectors a department sends on each day of the year, against its daily capacity.
class Capacity {
public:
    Capacity(const Workspace& w, Date first, int days) : first_(first) {
        for (const auto& d : w.departments) {
            limit_.push_back(d.inspectorsPerDay);
            used_.emplace_back(static_cast<std::size_t>(days), 0);
        }
    }
    bool fits(std::size_t dept, int32_t day, int need) const {
        return limit_[dept] == 0 || at(dept, day) + need <= limit_[dept];
    }
    int load(std::size_t dept, int32_t day) const { return at(dept, day); }
    void take(std::size_t dept, int32_t day, int n) { used_[dept][slot(day)] += n; }
    int limit(std::size_t dept) const { return limit_[dept]; }

private:
    std::size_t slot(int32_t day) const { return static_cast<std::size_t>(day - first_.dayNumber()); }
    int at(std::size_t dept, int32_t day) const { return used_[dept][slot(day)]; }
    Date first_;
    std::vector<int> limit_;
    std::vector<std::vector<int>> used_;
};

// A plan during scheduling: its place in the enterprise's lawful days, and its fate.
struct PlanState {
    const Plan* plan = nullptr;
    std::size_t dept = 0;
    InspectionKind kind = InspectionKind::Inspection;
    std::vector<std::string> kinds;  // item kinds
    int lo = 0, hi = -1;             // indices into the lawful days of its kind
    bool active = true;
};

// A visit being built: member plan states and the chosen day.
struct Draft {
    InspectionKind kind = InspectionKind::Inspection;
    std::vector<PlanState*> members;
    int lo = 0, hi = 0;  // the common range, as indices into the lawful days
    int32_t day = 0;     // Date::dayNumber
    bool exception = false;
};

// Inspectors a visit takes from each of its departments: the most any member plan needs.
std::vector<std::pair<std::size_t, int>> needOf(const Draft& d) {
    std::vector<std::pair<std::size_t, int>> need;
    for (const PlanState* m : d.members) {
        auto found = std::find_if(need.begin(), need.end(), [&](const auto& x) { return x.first == m->dept; });
        if (found == need.end()) need.emplace_back(m->dept, m->plan->inspectors);
        else found->second = std::max(found->second, m->plan->inspectors);
    }
    return need;
}

class Scheduler {
public:
    Scheduler(const Workspace& w, const PolicyData& p, const ScheduleOptions& o, const WorkCalendar& c)
        : w_(w), policy_(p), options_(o), calendar_(c) {}

    // The run in parts, so a caller can draw between enterprises and between visits
    // (ScheduleRun).
    Status begin();
    // Places up to `count` more enterprises; whether any are left.
    Result<bool> placeSome(std::size_t count);
    // Once all are placed: numbers the visits (the first call), then issues up to `count`
    // more codes; whether any are left.
    Result<bool> codeSome(std::size_t count);
    Result<Schedule> end();
    std::size_t placed() const { return next_; }
    std::size_t enterprises() const { return order_.size(); }
    std::size_t coded() const { return coded_; }
    std::size_t visits() const { return out_.visits.size(); }

private:
    Status index();
    Status fileAndCheck(std::size_t e, std::vector<PlanState>& states, std::vector<Draft>& exceptions);
    Status placeEnterprise(std::size_t e);
    std::vector<Draft> stab(std::vector<PlanState>& states, InspectionKind kind);
    void date(Draft& draft, const std::vector<int32_t>& days, std::vector<Draft>& splits);
    Result<bool> recheck(std::size_t e, std::vector<Draft>& drafts);
    void refuse(const Plan& plan, std::string step, Citation clause, Text text, std::vector<std::string> clauses = {});
    Result<Refusal> emptyWindow(const PlanState& s, const WorkspaceEnterprise& e, Date earliest);
    const std::vector<int32_t>& daysFor(const WorkspaceEnterprise& e, InspectionKind kind) {
        return lawful_.days(e.enterprise.grade, e.enterprise.lists, kind);
    }
    bool joint(const Draft& d) const;
    std::string stepOf(const std::string& ruleId) const;
    void book(const Draft& d, int sign);
    bool fitsAll(const Draft& d) const;
    bool join(Draft& d, PlanState* member);
    void bookExceptions();

    const Workspace& w_;
    const PolicyData& policy_;
    ScheduleOptions options_;
    const WorkCalendar& calendar_;
    Schedule out_;

    LawfulDays lawful_;
    std::unique_ptr<Capacity> capacity_;
    ItemIndex items_;
    std::unordered_map<std::string, std::size_t> enterpriseIndex_, deptIndex_;
    std::vector<std::vector<const Plan*>> plansOf_;
    std::vector<std::vector<HistoryEntry>> historyOf_;
    Leads leads_[2];
    std::optional<const Lead*> mustFiling_[2];
    std::unordered_map<int64_t, std::vector<Obligation>> owedBy_;  // exception plan → what it owes if it goes ahead
    std::vector<std::size_t> order_;  // enterprises in USCC order
    std::size_t next_ = 0;            // the next of order_ to place
    bool numbered_ = false;           // the visits are in their final order, with their ids
    std::size_t coded_ = 0;           // visits with their codes issued
    bool ended_ = false;              // end() hands out_ over once
    void numberVisits();
    Status allPlaced() const;
};

Status Scheduler::index() {
    IO_TRY(lawful, LawfulDays::forYear(policy_, w_.year, calendar_));
    lawful_ = std::move(lawful);
    IO_TRY(first, Date::fromYmd(w_.year, 1, 1));
    IO_TRY(last, Date::fromYmd(w_.year, 12, 31));
    capacity_ = std::make_unique<Capacity>(w_, first, last.dayNumber() - first.dayNumber() + 1);
    items_ = indexItems(w_);
    for (std::size_t i = 0; i < w_.departments.size(); ++i) deptIndex_.emplace(w_.departments[i].id, i);
    for (std::size_t i = 0; i < w_.enterprises.size(); ++i) enterpriseIndex_.emplace(w_.enterprises[i].enterprise.code.str(), i);
    plansOf_.resize(w_.enterprises.size());
    historyOf_.resize(w_.enterprises.size());
    std::vector<const Plan*> plans;
    for (const auto& p : w_.plans) plans.push_back(&p);
    std::sort(plans.begin(), plans.end(), [](const Plan* a, const Plan* b) { return a->id < b->id; });
    for (const Plan* p : plans) plansOf_[enterpriseIndex_.at(p->enterprise)].push_back(p);
    for (const auto& [code, entry] : w_.history) historyOf_[enterpriseIndex_.at(code)].push_back(entry);
    for (int k = 0; k < 2; ++k) {
        leads_[k] = leadsFor(policy_, kVisitKinds[k]);
        for (const auto& lead : leads_[k].filing)
            if (lead.obligation->strength == Strength::Must && !mustFiling_[k]) mustFiling_[k] = &lead;
    }
    return Ok{};
}

void Scheduler::refuse(const Plan& plan, std::string step, Citation clause, Text text, std::vector<std::string> clauses) {
    if (clauses.empty() && !clause.text().empty()) clauses.push_back(clause.text());
    out_.refusals.push_back({plan.id, std::move(step), std::move(clause), std::move(text), std::move(clauses)});
}

// Why a plan has no lawful day in its window: the lead it cannot meet, or the periods and
// non-working days that cover it.
Result<Refusal> Scheduler::emptyWindow(const PlanState& s, const WorkspaceEnterprise& e, Date earliest) {
    const Plan& p = *s.plan;
    Refusal r{p.id, "merge", {}, {}, {}};
    if (earliest > p.window.last) {
        const auto& leads = leads_[s.kind == InspectionKind::Survey];
        r.clause = leads.noticeClause ? *leads.noticeClause
                 : !leads.filing.empty() ? leads.filing.front().obligation->clause : Citation{};
        r.text = {"窗口" + p.window.first.iso() + "至" + p.window.last.iso() + "太早：备案与预告后最早可于" + earliest.iso() + "检查",
                  "the window " + p.window.first.iso() + "…" + p.window.last.iso() + " is too early: after filing and notice the first possible day is " +
                      earliest.iso()};
        return r;
    }
    for (Date d = std::max(earliest, p.window.first); d <= p.window.last; d = d.plusDays(1)) {
        auto closing = lawful_.closing(d, e.enterprise.grade, e.enterprise.lists, s.kind);
        if (!closing.empty()) {
            const BlackoutRule& b = *closing.front();
            r.clause = b.clause;
            r.text = {"窗口内的工作日均在" + b.name.zh + "（" + b.period.describe().zh + "）或非工作日，无合法检查日",
                      "every working day of the window is in the " + b.name.en + " (" + b.period.describe().en +
                          ") or not a working day: no lawful day"};
            return r;
        }
    }
    r.text = {"窗口内没有工作日（国务院放假通知）", "the window holds no working day (State Council holiday notices)"};
    return r;
}

// file: the filing rule and its lead; check: the day-independent rules, asked through
// decide() on the plan's first lawful day.
Status Scheduler::fileAndCheck(std::size_t e, std::vector<PlanState>& states, std::vector<Draft>& exceptions) {
    const WorkspaceEnterprise& ent = w_.enterprises[e];
    for (const Plan* p : plansOf_[e]) {
        if (!isVisitKind(p->kind)) {
            out_.handled.push_back({p->id, {label(p->kind).zh + "不由排期合并（预约或报备流程）",
                                            label(p->kind).en + ": not merged by the scheduler (a booking or filing workflow)"}});
            continue;
        }
        if (p->method == Method::NonSite) {
            out_.handled.push_back({p->id, {"非现场检查，无需入企", "non-site: no visit needed"}});
            ++out_.figures.nonSitePlans;
            continue;
        }
        ++out_.figures.onSitePlans;
        int k = p->kind == InspectionKind::Survey;
        PlanState s;
        s.plan = p;
        s.dept = deptIndex_.at(p->department);
        s.kind = p->kind;
        s.kinds = itemKinds(*p, items_);
        const WorkspaceDepartment& dept = w_.departments[s.dept];

        if (p->exception) {  // goes ahead on its own day; decide() says whether the reason is accepted
            bool refused = false;
            std::vector<Obligation>& owed = owedBy_[p->id];
            for (const auto& kind : s.kinds) {
                auto request = requestFor(*p, ent, dept, p->window.first, kind, false, std::nullopt, historyOf_[e]);
                IO_TRY(decision, decide(policy_, request, calendar_));
                // What is still to do once it has gone ahead: not the leads before its day.
                for (const auto& o : decision.obligations)
                    if ((!o.due || *o.due >= p->window.first) &&
                        std::none_of(owed.begin(), owed.end(), [&](const Obligation& x) { return x.id == o.id; }))
                        owed.push_back(o);
                if (decision.outcome == Outcome::Refused) {
                    for (const auto& reason : decision.reasons)
                        if (reason.effect == Effect::Refuses) {
                            refuse(*p, "check", reason.clause, reason.text, decision.clauses());
                            break;
                        }
                    refused = true;
                    break;
                }
            }
            if (refused) {
                capacity_->take(s.dept, p->window.first.dayNumber(), -p->inspectors);  // booked in bookExceptions()
                continue;
            }
            states.push_back(s);
            continue;
        }
        if (!p->filedOn && mustFiling_[k]) {
            const Lead& lead = **mustFiling_[k];
            refuse(*p, "file", lead.obligation->clause,
                   {"未备案，不得检查：" + lead.rule->rule.zh, "not filed, so it cannot take place: " + lead.rule->rule.en});
            continue;
        }
        // The earliest day: the notice can go out no earlier than the planning date, and
        // every filing lead counts from the filing date.
        Date earliest = p->window.first;
        IO_TRY(afterNotice, earliestDayAfter(Due{Due::Anchor::Before, leads_[k].noticeWorkdays, 0}, w_.planningDate, calendar_));
        earliest = std::max(earliest, afterNotice);
        std::optional<Date> shouldEarliest;
        if (p->filedOn)
            for (const auto& lead : leads_[k].filing) {
                IO_TRY(after, earliestDayAfter(lead.obligation->due, *p->filedOn, calendar_));
                if (lead.obligation->strength == Strength::Must) earliest = std::max(earliest, after);
                else shouldEarliest = std::max(shouldEarliest.value_or(after), after);
            }
        const auto& days = daysFor(ent, p->kind);
        auto range = [&](Date from) {
            s.lo = static_cast<int>(std::lower_bound(days.begin(), days.end(), from.dayNumber()) - days.begin());
            s.hi = static_cast<int>(std::upper_bound(days.begin(), days.end(), p->window.last.dayNumber()) - days.begin()) - 1;
        };
        // A "should" lead (002 三(三)1: a week ahead, in principle) is kept when the window allows.
        if (shouldEarliest) range(std::max(earliest, *shouldEarliest));
        if (!shouldEarliest || s.lo > s.hi) range(earliest);
        if (s.lo > s.hi) {
            IO_TRY(why, emptyWindow(s, ent, earliest));
            if (why.clauses.empty() && !why.clause.text().empty()) why.clauses.push_back(why.clause.text());
            out_.refusals.push_back(why);
            continue;
        }
        // The rules that do not depend on the day (exemptions, caps reached earlier, cross-
        // level, non-site first) are decided with the others at the recheck: a plan they
        // refuse leaves its visit, and the rest is merged again. Deciding each plan once
        // there, not also here, halves the scheduler's work.
        states.push_back(s);
    }
    for (auto& s : states)
        if (s.plan->exception) {
            Draft d;
            d.kind = s.kind;
            d.members = {&s};
            d.day = s.plan->window.first.dayNumber();
            d.exception = true;
            exceptions.push_back(d);
        }
    return Ok{};
}

// Greedy interval stabbing over the lawful-day indices: sorted by the end of their range,
// each plan either joins the current visit (its range holds the visit's last possible
// day) or opens a new one at its own last day. Optimal for intervals.
std::vector<Draft> Scheduler::stab(std::vector<PlanState>& states, InspectionKind kind) {
    std::vector<PlanState*> order;
    for (auto& s : states)
        if (s.active && !s.plan->exception && s.kind == kind) order.push_back(&s);
    std::sort(order.begin(), order.end(), [](const PlanState* a, const PlanState* b) {
        if (a->hi != b->hi) return a->hi < b->hi;
        if (a->lo != b->lo) return a->lo < b->lo;
        return a->plan->id < b->plan->id;
    });
    std::vector<Draft> drafts;
    for (PlanState* s : order) {
        if (drafts.empty() || s->lo > drafts.back().hi) {
            Draft d;
            d.kind = kind;
            d.lo = s->lo;
            d.hi = s->hi;
            drafts.push_back(d);
        }
        drafts.back().members.push_back(s);
        drafts.back().lo = std::max(drafts.back().lo, s->lo);
    }
    return drafts;
}

// Dates a visit inside its common range: the least loaded day on which every member
// department has inspectors left (ties: the earliest). Members whose department is full on
// every such day leave the visit and are dated alone (in `splits`), or refused.
void Scheduler::date(Draft& draft, const std::vector<int32_t>& days, std::vector<Draft>& splits) {
    const auto need = needOf(draft);
    int bestIndex = -1, bestFitting = -1;
    long bestLoad = 0;
    for (int i = draft.lo; i <= draft.hi; ++i) {
        int32_t day = days[static_cast<std::size_t>(i)];
        int fitting = 0;
        long load = 0;
        for (const auto& [dept, n] : need) {
            fitting += capacity_->fits(dept, day, n);
            load += capacity_->load(dept, day);
        }
        if (fitting > bestFitting || (fitting == bestFitting && load < bestLoad)) {
            bestIndex = i, bestFitting = fitting, bestLoad = load;
        }
    }
    draft.day = days[static_cast<std::size_t>(bestIndex)];
    if (bestFitting < static_cast<int>(need.size())) {
        std::vector<PlanState*> kept;
        for (PlanState* m : draft.members) {
            int n = std::find_if(need.begin(), need.end(), [&](const auto& x) { return x.first == m->dept; })->second;
            if (capacity_->fits(m->dept, draft.day, n)) {
                kept.push_back(m);
                continue;
            }
            Draft alone;
            alone.kind = draft.kind;
            alone.members = {m};
            alone.lo = m->lo;
            alone.hi = m->hi;
            splits.push_back(alone);
        }
        draft.members = kept;
    }
    book(draft, +1);
}

// "check" for a rule that refuses whatever the day (an exemption, non-site first, a late
// filing), "recheck" for one that counts the visits before (caps, same-kind-no-repeat,
// cross-level duplicates).
std::string Scheduler::stepOf(const std::string& ruleId) const {
    auto type = ruleType(policy_, ruleId);
    if (!type) return "recheck";
    switch (*type) {
        case PolicyRule::Type::Exempt:
        case PolicyRule::Type::NonSiteFirst:
        case PolicyRule::Type::Obligation: return "check";
        default: return "recheck";
    }
}

bool Scheduler::joint(const Draft& d) const {
    for (const PlanState* m : d.members)
        if (m->plan->department != d.members.front()->plan->department || m->plan->unit != d.members.front()->plan->unit)
            return true;
    return false;
}

// Decides every member again on its visit's day, with the visits before it as history.
// A refused member leaves (its refusal recorded); returns whether any left.
Result<bool> Scheduler::recheck(std::size_t e, std::vector<Draft>& drafts) {
    const WorkspaceEnterprise& ent = w_.enterprises[e];
    std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
        if (a.day != b.day) return a.day < b.day;
        if (a.exception != b.exception) return a.exception;
        return a.members.front()->plan->id < b.members.front()->plan->id;
    });
    std::vector<HistoryEntry> history = historyOf_[e];
    bool anyLeft = false;
    for (Draft& d : drafts) {
        Date day = Date::fromDayNumber(d.day);
        int k = d.kind == InspectionKind::Survey;
        std::optional<Date> notice;
        if (!d.exception) {
            if (leads_[k].noticeWorkdays > 0) {
                IO_TRY(n, noticeDateFor(day, leads_[k].noticeWorkdays, calendar_));
                notice = n;
            } else {
                notice = w_.planningDate;
            }
        }
        bool changed = true;
        while (changed && !d.members.empty()) {
            changed = false;
            bool isJoint = joint(d);
            for (std::size_t i = 0; i < d.members.size() && !changed; ++i) {
                PlanState* m = d.members[i];
                const auto& dept = w_.departments[m->dept];
                for (const auto& kind : m->kinds) {
                    // The history is lent to the request and taken back: no copy per decision.
                    auto request = requestFor(*m->plan, ent, dept, day, kind, isJoint, notice, std::move(history));
                    auto decided = decide(policy_, request, calendar_);
                    history = std::move(request.history);
                    IO_TRY(decision, std::move(decided));
                    if (decision.outcome != Outcome::Refused) continue;
                    for (const auto& reason : decision.reasons)
                        if (reason.effect == Effect::Refuses) {
                            refuse(*m->plan, stepOf(reason.rule), reason.clause, reason.text, decision.clauses());
                            break;
                        }
                    m->active = false;
                    if (d.exception) capacity_->take(m->dept, d.day, -m->plan->inspectors);
                    d.members.erase(d.members.begin() + static_cast<std::ptrdiff_t>(i));
                    changed = anyLeft = true;
                    break;
                }
            }
        }
        bool isJoint = joint(d);
        for (const PlanState* m : d.members)
            for (const auto& kind : m->kinds) {
                HistoryEntry h;
                h.date = day;
                h.department = m->plan->department;
                h.level = w_.departments[m->dept].level;
                h.item = kind;
                h.method = Method::OnSite;
                h.joint = isJoint;
                history.push_back(h);
            }
    }
    return anyLeft;
}

// Takes a visit's inspectors from (n > 0) or gives them back to (n < 0) its departments.
void Scheduler::book(const Draft& d, int sign) {
    const auto need = needOf(d);
    for (const auto& [dept, n] : need) capacity_->take(dept, d.day, sign * n);
}

// Whether every department of `d` has the inspectors its members need on d's day, with d
// itself not booked.
bool Scheduler::fitsAll(const Draft& d) const {
    const auto need = needOf(d);
    return std::all_of(need.begin(), need.end(), [&](const auto& n) { return capacity_->fits(n.first, d.day, n.second); });
}

// Adds `member` to the dated visit `d` if its department has the inspectors there.
bool Scheduler::join(Draft& d, PlanState* member) {
    book(d, -1);
    d.members.push_back(member);
    bool fits = fitsAll(d);
    if (!fits) d.members.pop_back();
    book(d, +1);
    return fits;
}

// Exception visits happen on their own day whatever the load (ALL-4), so every enterprise's
// are booked before any regular visit is dated: a regular visit takes only what is left.
// One that check or recheck refuses gives its inspectors back.
void Scheduler::bookExceptions() {
    std::map<std::pair<std::size_t, int32_t>, int> overload;
    for (const auto& p : w_.plans) {
        if (!p.exception || p.method != Method::OnSite || !isVisitKind(p.kind)) continue;
        std::size_t dept = deptIndex_.at(p.department);
        int32_t day = p.window.first.dayNumber();
        capacity_->take(dept, day, p.inspectors);
        if (capacity_->limit(dept) > 0 && capacity_->load(dept, day) > capacity_->limit(dept)) overload[{dept, day}] = capacity_->load(dept, day);
    }
    for (const auto& [key, n] : overload) {
        const auto& dept = w_.departments[key.first];
        std::string day = Date::fromDayNumber(key.second).iso(), limit = std::to_string(dept.inspectorsPerDay);
        out_.notes.push_back({"merge", Citation{},
                              {dept.name.zh + "在" + day + "的例外检查需" + std::to_string(n) + "人，超过每日" + limit + "人；例外检查照常进行，当日不再安排常规检查",
                               dept.name.en + "'s exception visits on " + day + " need " + std::to_string(n) + " inspectors, more than its " + limit +
                                   " a day: they go ahead, and no regular visit is added that day"}});
    }
}

Status Scheduler::placeEnterprise(std::size_t e) {
    std::vector<PlanState> states;
    std::vector<Draft> exceptions;
    IO_CHECK(fileAndCheck(e, states, exceptions));
    if (states.empty()) return Ok{};
    const WorkspaceEnterprise& ent = w_.enterprises[e];

    std::vector<Draft> drafts;
    for (int round = 0; round < kMaxRounds; ++round) {
        // Exception visits keep their own day and the inspectors bookExceptions() took.
        drafts.clear();
        for (const Draft& x : exceptions)
            if (x.members.front()->active) drafts.push_back(x);
        for (InspectionKind kind : kVisitKinds) {
            const auto& days = daysFor(ent, kind);
            std::vector<Draft> splits;
            for (Draft& d : stab(states, kind)) {
                date(d, days, splits);
                if (!d.members.empty()) drafts.push_back(d);
            }
            // A member that left for want of inspectors joins another visit to the
            // enterprise on a day of its range if its department has the inspectors there
            // (one trip through the door, not two); else it is dated alone, one at a time so
            // that the next can join it; else, its department full on every day, refused.
            for (Draft& alone : splits) {
                PlanState& m = *alone.members.front();
                auto inRange = [&](const Draft& d) {
                    return !d.exception && d.kind == kind && d.day >= days[static_cast<std::size_t>(m.lo)] &&
                           d.day <= days[static_cast<std::size_t>(m.hi)];
                };
                if (std::any_of(drafts.begin(), drafts.end(), [&](Draft& d) { return inRange(d) && join(d, &m); })) continue;
                bool fits = false;
                for (int i = alone.lo; i <= alone.hi && !fits; ++i)
                    fits = capacity_->fits(m.dept, days[static_cast<std::size_t>(i)], m.plan->inspectors);
                if (fits) {
                    std::vector<Draft> none;  // it fits on some day, so date() keeps it
                    date(alone, days, none);
                    drafts.push_back(alone);
                    continue;
                }
                const auto& dept = w_.departments[m.dept];
                m.active = false;
                std::string perDay = std::to_string(dept.inspectorsPerDay);
                refuse(*m.plan, "capacity", {},
                       {dept.name.zh + "在窗口内每个合法检查日的检查人员均已排满（每日" + perDay + "人）",
                        dept.name.en + " has no inspectors left on any lawful day of the window (" + perDay + " a day)"});
            }
        }
        IO_TRY(anyLeft, recheck(e, drafts));
        if (!anyLeft || round + 1 == kMaxRounds) break;
        // Some members left their visits: merge what remains again from scratch, since
        // fewer plans may need fewer visits. Refusals stay.
        for (const Draft& d : drafts)
            if (!d.exception) book(d, -1);
    }

    // The visits, and the exact minimum for the plans they carry (schedule.hpp).
    for (const Draft& d : drafts) {
        if (d.members.empty()) continue;
        Visit v;
        v.enterprise = ent.enterprise.code.str();
        v.date = Date::fromDayNumber(d.day);
        v.kind = d.kind;
        for (const PlanState* m : d.members) v.plans.push_back(m->plan->id);
        std::sort(v.plans.begin(), v.plans.end());
        // The lead: the department with the most member plans (ties: the first by id).
        std::map<std::string, int> count;
        for (const PlanState* m : d.members) ++count[m->plan->department];
        v.lead = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
        if (!d.exception) {
            int k = d.kind == InspectionKind::Survey;
            if (leads_[k].noticeWorkdays > 0) {
                IO_TRY(n, noticeDateFor(v.date, leads_[k].noticeWorkdays, calendar_));
                v.noticeDate = n;
            } else {
                v.noticeDate = w_.planningDate;
            }
        }
        bool isJoint = joint(d);
        out_.figures.visits += 1;
        out_.figures.scheduledPlans += static_cast<int64_t>(d.members.size());
        if (isJoint) {
            out_.figures.jointVisits += 1;
            out_.figures.plansInJointVisits += static_cast<int64_t>(d.members.size());
        }
        if (d.exception) {
            out_.figures.exceptionVisits += 1;
            out_.figures.lowerBound += 1;
        }
        out_.visits.push_back(std::move(v));
    }
    for (auto& s : states) {
        bool scheduled = std::any_of(drafts.begin(), drafts.end(), [&](const Draft& d) {
            return std::find(d.members.begin(), d.members.end(), &s) != d.members.end();
        });
        s.active = scheduled;
    }
    for (InspectionKind kind : kVisitKinds) out_.figures.lowerBound += static_cast<int64_t>(stab(states, kind).size());
    return Ok{};
}

Status Scheduler::begin() {
    IO_CHECK(index());
    for (const auto& p : w_.plans) {
        ++out_.figures.plans;
        out_.figures.planItems += static_cast<int64_t>(p.items.size());
    }
    // In USCC order, whatever the workspace's order: capacity goes to earlier enterprises first.
    order_.resize(w_.enterprises.size());
    for (std::size_t e = 0; e < order_.size(); ++e) order_[e] = e;
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        return w_.enterprises[a].enterprise.code.str() < w_.enterprises[b].enterprise.code.str();
    });
    bookExceptions();
    return Ok{};
}

Result<bool> Scheduler::placeSome(std::size_t count) {
    for (std::size_t stop = std::min(order_.size(), next_ + count); next_ < stop; ++next_) IO_CHECK(placeEnterprise(order_[next_]));
    return next_ < order_.size();
}

Status Scheduler::allPlaced() const {
    if (ended_) return makeError("schedule", "this run has already given its schedule");
    if (next_ < order_.size())
        return makeError("schedule", std::to_string(order_.size() - next_) + " enterprises are not placed yet: step the run to its end first");
    return Ok{};
}

void Scheduler::numberVisits() {
    std::sort(out_.visits.begin(), out_.visits.end(), [](const Visit& a, const Visit& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.enterprise != b.enterprise) return a.enterprise < b.enterprise;
        return a.plans.front() < b.plans.front();
    });
    int64_t id = options_.firstVisitId;
    for (Visit& v : out_.visits) v.id = id++;
    numbered_ = true;
}

Result<bool> Scheduler::codeSome(std::size_t count) {
    IO_CHECK(allPlaced());
    if (!numbered_) {
        numberVisits();  // a sort: one slice of its own
        return !out_.visits.empty();
    }
    for (std::size_t stop = std::min(out_.visits.size(), coded_ + count); coded_ < stop; ++coded_) {
        Visit& v = out_.visits[coded_];
        v.code = issueCode(w_, v);  // 亮码 (004 二(十)); empty for a visit without a prior filing
        // Only exception plans owe anything, and each is a visit of its own.
        if (auto owed = owedBy_.find(v.plans.front()); owed != owedBy_.end())
            for (auto& o : owed->second) out_.owed.push_back({v.plans.front(), v.id, std::move(o)});
    }
    return coded_ < out_.visits.size();
}

Result<Schedule> Scheduler::end() {
    IO_CHECK(allPlaced());
    if (policy_.document.inForceFrom || policy_.document.inForceUntil) {
        const auto& d = policy_.document;
        std::string from = d.inForceFrom ? d.inForceFrom->iso() : "", until = d.inForceUntil ? d.inForceUntil->iso() : "";
        out_.notes.push_back({"merge", d.inForceClause.value_or(Citation{}),
                              {"文件施行期：" + from + "至" + (until.empty() ? "今" : until) + "；施行期外本县的安静期等规定不适用",
                               "the document is in force " + from + "…" + (until.empty() ? "" : until) +
                                   "; outside that time its periods and rules do not apply"}});
    }
    if (!numbered_) numberVisits();
    IO_CHECK(codeSome(out_.visits.size()));
    std::stable_sort(out_.owed.begin(), out_.owed.end(), [](const Owed& a, const Owed& b) { return a.plan < b.plan; });
    std::sort(out_.refusals.begin(), out_.refusals.end(), [](const Refusal& a, const Refusal& b) { return a.plan < b.plan; });
    std::sort(out_.handled.begin(), out_.handled.end(), [](const Handled& a, const Handled& b) { return a.plan < b.plan; });

    auto& f = out_.figures;
    // By clause; a refusal no clause decides (capacity, no working day) counts under its step.
    for (const auto& r : out_.refusals) ++f.refusedByClause[r.clause.text().empty() ? r.step : r.clause.text()];
    f.jointRate = f.scheduledPlans ? static_cast<double>(f.plansInJointVisits) / static_cast<double>(f.scheduledPlans) : 0.0;
    f.nonSiteShare = f.nonSitePlans + f.scheduledPlans
                         ? static_cast<double>(f.nonSitePlans) / static_cast<double>(f.nonSitePlans + f.scheduledPlans)
                         : 0.0;
    f.ratio = f.lowerBound ? static_cast<double>(f.visits) / static_cast<double>(f.lowerBound) : 1.0;
    ended_ = true;
    return std::move(out_);
}

}  // namespace

Result<Schedule> schedule(const Workspace& workspace, const PolicyData& policy, const ScheduleOptions& options,
                          const WorkCalendar& calendar) {
    IO_TRY(run, ScheduleRun::start(workspace, policy, options, calendar));
    for (;;) {
        IO_TRY(more, run.step(run.enterprises()));
        if (!more) break;
    }
    return run.finish();
}

struct ScheduleRun::State {
    Scheduler scheduler;
};

ScheduleRun::ScheduleRun(std::unique_ptr<State> state) : state_(std::move(state)) {}
ScheduleRun::ScheduleRun(ScheduleRun&&) noexcept = default;
ScheduleRun& ScheduleRun::operator=(ScheduleRun&&) noexcept = default;
ScheduleRun::~ScheduleRun() = default;

Result<ScheduleRun> ScheduleRun::start(const Workspace& workspace, const PolicyData& policy, const ScheduleOptions& options,
                                       const WorkCalendar& calendar) {
    IO_CHECK(validate(workspace));
    if (workspace.county != policy.county)
        return makeError("workspace county", "the workspace is for '" + workspace.county + "' but the policy is '" + policy.county + "'");
    auto state = std::make_unique<State>(State{Scheduler(workspace, policy, options, calendar)});
    IO_CHECK(state->scheduler.begin());
    return ScheduleRun(std::move(state));
}

Result<bool> ScheduleRun::step(std::size_t enterprises) { return state_->scheduler.placeSome(enterprises); }
Result<bool> ScheduleRun::issueCodes(std::size_t visits) { return state_->scheduler.codeSome(visits); }
std::size_t ScheduleRun::coded() const { return state_->scheduler.coded(); }
std::size_t ScheduleRun::visits() const { return state_->scheduler.visits(); }
std::size_t ScheduleRun::placed() const { return state_->scheduler.placed(); }
std::size_t ScheduleRun::enterprises() const { return state_->scheduler.enterprises(); }
Result<Schedule> ScheduleRun::finish() { return state_->scheduler.end(); }

}  // namespace inspectonce
