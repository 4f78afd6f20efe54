// One county-year, day by day (simulate.hpp). Each day: the month's plans are scheduled a
// month ahead (on the first working day of the month before; January's on the planning
// date), grades change, the day's events arrive (demands and complaints into the county's
// workflows, unplanned inspections to decide()), the day's visits are made (findings
// drawn per plan carried out, disposed of by the penalty rules), the holders of open
// cases act, and the day's figures are taken.
#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <unordered_map>

#include "generate/random.hpp"
#include "inspectonce/classify.hpp"
#include "inspectonce/decision.hpp"
#include "inspectonce/exceptions.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/grading.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/simulate.hpp"
#include "schedule/plan_rules.hpp"
#include "simulate/case_walker.hpp"
#include "simulate/events.hpp"
#include "simulate/finding_facts.hpp"

namespace inspectonce::simulate {
namespace {

using generate_detail::Rng;
using namespace simulate_detail;

constexpr int kFindingPerMille[] = {40, 100, 200, 350};  // per plan carried out on site, by grade A–D
constexpr int kWeeks = 52;
constexpr uint64_t kFindingStream = 11;

// One plan carried out in a visit: whose it is and the seed of what is found.
struct Member {
    int department = 0;
    std::string unit;
    uint64_t findingSeed = 0;
};

struct DayVisit {
    int enterprise = 0;
    std::vector<Member> members;
    bool joint = false;
    bool exception = false;
};

// What a plan finds on site is its own draw, whichever visit carries it out.
uint64_t findingSeedOf(uint64_t seed, int64_t plan) { return seed ^ (static_cast<uint64_t>(plan) * 0x9E3779B97F4A7C15ULL); }

std::optional<double> fraction(int64_t part, int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

class Simulation {
public:
    Simulation(const PolicyData* policy, const PolicyData& county, Workspace workspace, YearDraws draws, const Options& options,
               const WorkCalendar& calendar)
        : policy_(policy),
          county_(county),
          w_(std::move(workspace)),
          draws_(std::move(draws)),
          options_(options),
          calendar_(calendar),
          walker_(w_, calendar, {[this](const WalkedCase& c, Date day) { noteEscalated(c, day); }, nullptr}) {}

    // The year in three parts, so a caller can draw between days (YearRun).
    Status begin();
    // Lives through up to `days` more days of the year; whether any are left.
    Result<bool> advance(int days);
    Result<Run> end();
    int daysDone() const { return static_cast<int>(out_.days.size()); }
    int daysInYear() const { return yearDays_; }

private:
    Status prepare();
    Status liveThrough(Date day);
    Status scheduleMonth(int month, Date planningDay);
    void byOwnDepartments(const std::vector<Plan>& plans);
    void addVisit(Date day, DayVisit visit);
    void remember(int enterprise, Date day, const Plan& plan, bool joint);
    Status unplanned(const Event& event, Date day, DayFigures& figures);
    Status written(const Event& event, Date day, DayFigures& figures);
    Status makeVisit(const DayVisit& visit, Date day, DayFigures& figures);
    Result<bool> inBlackoutFor(int enterprise, Date day) const;
    Status finding(const DayVisit& visit, const Member& member, Date day, DayFigures& figures);
    void noteEscalated(const WalkedCase& c, Date day);
    void happened(Date day, std::string kind, int enterprise, int department, Text text, std::string clause);
    Status finish(Date lastDay);

    int departmentIndex(const std::string& id) const { return departmentIndex_.at(id); }
    std::string usccOf(int enterprise) const {
        return enterprise < 0 ? "" : w_.enterprises[static_cast<std::size_t>(enterprise)].enterprise.code.str();
    }

    const PolicyData* policy_;
    const PolicyData& county_;
    Workspace w_;
    YearDraws draws_;
    const Options& options_;
    const WorkCalendar& calendar_;
    CaseWalker walker_;

    Run out_;
    std::vector<Plan> allPlans_;
    std::vector<std::vector<Plan>> plansByMonth_;  // [1..12]: plans whose window opens that month
    std::unordered_map<std::string, int> enterpriseIndex_, departmentIndex_;
    schedule_detail::ItemIndex items_;
    std::vector<std::vector<HistoryEntry>> historyOf_;  // by enterprise: this year's visits, made or planned
    std::map<int32_t, std::vector<DayVisit>> visitsOn_;  // by day number
    std::vector<int64_t> visitsPerEnterprise_;
    std::vector<std::array<int32_t, kWeeks>> load_;  // by department, plans on site per week
    std::optional<classify::Classifier> demandClassifier_, complaintClassifier_;
    int64_t nextVisitId_ = 1;
    int64_t plansInJointVisits_ = 0;
    int64_t demandsInWorkflow_ = 0, complaintsInWorkflow_ = 0;
    Date firstDay_;
    // Where begin() left the year: month m's plans are scheduled on batchDay_[m].
    std::vector<Date> batchDay_;
    std::size_t nextEvent_ = 0, nextGrade_ = 0;
    Date day_;           // the next day to live through
    int yearDays_ = 0;
    bool ended_ = false;
};

Status Simulation::prepare() {
    IO_TRY(first, Date::fromYmd(w_.year, 1, 1));
    firstDay_ = first;
    for (std::size_t e = 0; e < w_.enterprises.size(); ++e)
        enterpriseIndex_.emplace(w_.enterprises[e].enterprise.code.str(), static_cast<int>(e));
    for (std::size_t k = 0; k < w_.departments.size(); ++k) departmentIndex_.emplace(w_.departments[k].id, static_cast<int>(k));
    items_ = schedule_detail::indexItems(w_);
    historyOf_.resize(w_.enterprises.size());
    visitsPerEnterprise_.assign(w_.enterprises.size(), 0);
    load_.assign(w_.departments.size(), {});
    allPlans_ = std::move(w_.plans);
    w_.plans.clear();
    plansByMonth_.resize(13);
    for (const Plan& plan : allPlans_) plansByMonth_[static_cast<std::size_t>(plan.window.first.month())].push_back(plan);
    // The classifiers route texts in the county's categories (or the documents' own).
    const PolicyData& routing = policy_ ? *policy_ : county_;
    IO_TRY(demands, classify::Classifier::forCounty(classify::Kind::Demand, routing));
    IO_TRY(complaints, classify::Classifier::forCounty(classify::Kind::Complaint, routing));
    demandClassifier_ = std::move(demands);
    complaintClassifier_ = std::move(complaints);
    out_.days.reserve(366);
    return Ok{};
}

void Simulation::happened(Date day, std::string kind, int enterprise, int department, Text text, std::string clause) {
    out_.happenings.push_back({day, std::move(kind), usccOf(enterprise),
                               department < 0 ? "" : w_.departments[static_cast<std::size_t>(department)].id, std::move(text),
                               std::move(clause)});
}

void Simulation::remember(int enterprise, Date day, const Plan& plan, bool joint) {
    const auto& department = w_.departments[static_cast<std::size_t>(departmentIndex(plan.department))];
    for (const auto& kind : schedule_detail::itemKinds(plan, items_)) {
        HistoryEntry h;
        h.date = day;
        h.department = plan.department;
        h.level = department.level;
        h.item = kind;
        h.method = Method::OnSite;
        h.joint = joint;
        historyOf_[static_cast<std::size_t>(enterprise)].push_back(h);
        w_.history.emplace_back(usccOf(enterprise), h);
    }
}

void Simulation::addVisit(Date day, DayVisit visit) { visitsOn_[day.dayNumber()].push_back(std::move(visit)); }

// A month's plans through the real scheduler, with the year's visits so far as history.
Status Simulation::scheduleMonth(int month, Date planningDay) {
    auto& plans = plansByMonth_[static_cast<std::size_t>(month)];
    if (!policy_) {
        byOwnDepartments(plans);
        return Ok{};
    }
    w_.plans = std::move(plans);
    w_.planningDate = planningDay;
    ScheduleOptions options;
    options.firstVisitId = nextVisitId_;
    IO_TRY(made, schedule(w_, *policy_, options, calendar_));
    nextVisitId_ += static_cast<int64_t>(made.visits.size());
    for (const Visit& v : made.visits) {
        DayVisit visit;
        visit.enterprise = enterpriseIndex_.at(v.enterprise);
        for (int64_t id : v.plans) {
            const Plan& plan = *w_.plan(id);
            visit.members.push_back({departmentIndex(plan.department), plan.unit, findingSeedOf(options_.seed, id)});
            visit.exception = visit.exception || plan.exception.has_value();
        }
        for (const Member& m : visit.members)
            visit.joint = visit.joint || m.department != visit.members.front().department || m.unit != visit.members.front().unit;
        for (int64_t id : v.plans) remember(visit.enterprise, v.date, *w_.plan(id), visit.joint);
        addVisit(v.date, std::move(visit));
    }
    for (const Refusal& r : made.refusals) {
        const Plan& plan = *w_.plan(r.plan);
        ++out_.figures.refusedPlans;
        happened(plan.window.first, "refused", enterpriseIndex_.at(plan.enterprise), departmentIndex(plan.department), r.text,
                 r.clause.clause);
    }
    for (const Handled& h : made.handled)
        if (w_.plan(h.plan)->method == Method::NonSite) ++out_.figures.nonSitePlans;
    w_.plans.clear();
    return Ok{};
}

// No policy: each department goes on its own, on site, on the first working day of its
// window, whatever else is planned for the enterprise.
void Simulation::byOwnDepartments(const std::vector<Plan>& plans) {
    for (const Plan& plan : plans) {
        if (plan.kind != InspectionKind::Inspection && plan.kind != InspectionKind::Survey) continue;
        Date day = plan.window.first;
        while (day < plan.window.last) {
            auto working = calendar_.isWorkday(day);
            if (!working || *working) break;
            day = day.plusDays(1);
        }
        DayVisit visit;
        visit.enterprise = enterpriseIndex_.at(plan.enterprise);
        visit.members.push_back({departmentIndex(plan.department), plan.unit, findingSeedOf(options_.seed, plan.id)});
        visit.exception = plan.exception.has_value();
        remember(visit.enterprise, day, plan, false);
        addVisit(day, std::move(visit));
    }
}

// An inspection the year calls for at once (a report, an accident, an emergency, a
// superior's assignment): decide() rules on it with the exception it claims.
Status Simulation::unplanned(const Event& event, Date day, DayFigures& figures) {
    const auto& enterprise = w_.enterprises[static_cast<std::size_t>(event.enterprise)];
    const auto& department = w_.departments[static_cast<std::size_t>(event.department)];
    const ExceptionReason* reason = findException(exceptionOf(event.kind));
    const InspectionItem* item = w_.item(event.item);
    Text because = reason->name;
    std::string clause;
    if (policy_) {
        DecisionRequest request;
        request.date = day;
        request.grade = enterprise.enterprise.grade;
        request.lists = enterprise.enterprise.lists;
        request.history = std::move(historyOf_[static_cast<std::size_t>(event.enterprise)]);
        request.department = department.id;
        request.level = department.level;
        request.item = item ? item->kind : event.item;
        request.exception = std::string(reason->id);
        auto decided = decide(*policy_, request, calendar_);
        historyOf_[static_cast<std::size_t>(event.enterprise)] = std::move(request.history);
        IO_TRY(decision, std::move(decided));
        if (decision.outcome == Outcome::Refused) {
            ++out_.figures.refusedInspections;
            ++figures.refused;
            for (const auto& r : decision.reasons)
                if (r.effect == Effect::Refuses) {
                    happened(day, "refused", event.enterprise, event.department,
                             {"未准许的检查（" + because.zh + "）：" + r.text.zh, "inspection refused (" + because.en + "): " + r.text.en},
                             r.clause.clause);
                    break;
                }
            return Ok{};
        }
        IO_TRY(blackouts, Policy(*policy_).blackoutsOn(day, enterprise.enterprise.grade));
        if (!blackouts.empty()) {
            const BlackoutRule& rule = *blackouts.front();
            clause = rule.exceptions ? rule.exceptions->clause.clause : rule.clause.clause;
            because = {because.zh + "，" + rule.name.zh + "内的例外", because.en + ", an exception in the " + rule.name.en};
        } else if (!decision.clauses().empty()) {
            clause = decision.clauses().front();
        }
    }
    happened(day, toString(event.kind), event.enterprise, event.department,
             {"未列入计划的检查：" + because.zh, "unplanned inspection: " + because.en}, clause);
    DayVisit visit;
    visit.enterprise = event.enterprise;
    visit.members.push_back({event.department, "", event.seed});
    visit.exception = true;
    HistoryEntry h;
    h.date = day;
    h.department = department.id;
    h.level = department.level;
    h.item = item ? item->kind : event.item;
    historyOf_[static_cast<std::size_t>(event.enterprise)].push_back(h);
    w_.history.emplace_back(usccOf(event.enterprise), h);
    addVisit(day, std::move(visit));
    return Ok{};
}

// A demand or a complaint: routed by the classifier, carried by the county's workflow.
Status Simulation::written(const Event& event, Date day, DayFigures& figures) {
    bool demand = event.kind == EventKind::Demand;
    const classify::Classifier& classifier = demand ? *demandClassifier_ : *complaintClassifier_;
    IO_TRY(answer, classifier.classify(event.text));
    if (answer.category.id == event.category) ++out_.figures.routedAsWritten;
    if (answer.needsPerson) ++out_.figures.needsPerson;
    if (demand) {
        ++out_.figures.demands;
        ++figures.demands;
    } else {
        ++out_.figures.complaints;
        ++figures.complaints;
    }
    const workflow::Definition* definition = policy_ ? policy_->findWorkflow(demand ? "demand" : "complaint") : nullptr;
    if (definition) {
        workflow::Case subject;
        subject.enterprise = usccOf(event.enterprise);
        subject.title = event.text;
        walker_.open(*definition, demand ? CaseKind::Demand : CaseKind::Complaint, std::move(subject), day, event.seed);
        (demand ? demandsInWorkflow_ : complaintsInWorkflow_) += 1;
    }
    Text what = demand ? Text{"诉求", "demand"} : Text{"投诉", "complaint"};
    happened(day, toString(event.kind), event.enterprise, -1,
             {what.zh + "：" + event.text + "（归类：" + answer.category.name.zh + (answer.needsPerson ? "，待人工确认" : "") + "）",
              what.en + ": " + event.text + " (category: " + answer.category.name.en + (answer.needsPerson ? ", to be confirmed by a person" : "") + ")"},
             definition ? definition->clause.clause : answer.category.clause.clause);
    return Ok{};
}

Status Simulation::finding(const DayVisit& visit, const Member& member, Date day, DayFigures& figures) {
    Rng rng(member.findingSeed, kFindingStream);
    const auto& enterprise = w_.enterprises[static_cast<std::size_t>(visit.enterprise)];
    if (rng.below(1000) >= kFindingPerMille[static_cast<int>(enterprise.enterprise.grade)]) return Ok{};
    FindingProfile profile = drawFinding(rng);
    ++out_.figures.findings;
    ++figures.findings;
    if (!policy_) {
        happened(day, "finding", visit.enterprise, member.department, {"发现问题：依法处罚", "finding: penalised by law"}, "");
        return Ok{};
    }
    IO_TRY(decision, decidePenalty(*policy_, factsFor(*policy_, profile)));
    bool spared = decision.outcome == PenaltyOutcome::NoPenalty ||
                  (decision.outcome == PenaltyOutcome::NoPenaltyIfRectified && profile.rectified);
    if (spared) ++out_.figures.findingsWithoutPenalty;
    Text outcome = label(decision.outcome);
    auto clauses = decision.clauses();
    happened(day, "finding", visit.enterprise, member.department,
             {"发现问题：" + outcome.zh + (spared ? "，整改后销号" : ""), "finding: " + outcome.en + (spared ? ", closed once put right" : "")},
             clauses.empty() ? "" : clauses.front());
    if (const workflow::Definition* definition = policy_->findWorkflow("finding")) {
        workflow::Case subject;
        subject.enterprise = usccOf(visit.enterprise);
        subject.department = w_.departments[static_cast<std::size_t>(member.department)].id;
        subject.title = "现场检查发现的问题";
        walker_.open(*definition, CaseKind::Finding, std::move(subject), day, rng.next());
    }
    return Ok{};
}

// Whether `day` is in one of the policy's blackouts for the enterprise (never without a policy).
Result<bool> Simulation::inBlackoutFor(int enterprise, Date day) const {
    if (!policy_) return false;
    IO_TRY(blackouts, Policy(*policy_).blackoutsOn(day, w_.enterprises[static_cast<std::size_t>(enterprise)].enterprise.grade));
    return !blackouts.empty();
}

Status Simulation::makeVisit(const DayVisit& visit, Date day, DayFigures& figures) {
    ++out_.figures.visits;
    ++figures.visits;
    ++visitsPerEnterprise_[static_cast<std::size_t>(visit.enterprise)];
    auto members = static_cast<int32_t>(visit.members.size());
    out_.figures.plansOnSite += members;
    figures.plansOnSite += members;
    if (visit.exception) {
        ++out_.figures.exceptionVisits;
        ++figures.exceptionVisits;
        IO_TRY(inBlackout, inBlackoutFor(visit.enterprise, day));
        if (inBlackout) {
            ++out_.figures.blackoutExceptions;
            ++figures.blackoutExceptions;
        }
    }
    if (visit.joint) {
        ++out_.figures.jointVisits;
        ++figures.jointVisits;
        plansInJointVisits_ += members;
    }
    int week = std::min(kWeeks - 1, (day.dayNumber() - firstDay_.dayNumber()) / 7);
    for (const Member& m : visit.members) {
        ++load_[static_cast<std::size_t>(m.department)][static_cast<std::size_t>(week)];
        IO_CHECK(finding(visit, m, day, figures));
    }
    return Ok{};
}

void Simulation::noteEscalated(const WalkedCase& c, Date day) {
    const auto& escalation = c.definition->escalation;
    auto at = enterpriseIndex_.find(c.item.enterprise);
    happened(day, "escalated", at == enterpriseIndex_.end() ? -1 : at->second, -1,
             {c.definition->name.zh + "逾期未办，已上报", c.definition->name.en + " overdue: raised to a superior"},
             escalation ? escalation->clause.clause : c.definition->clause.clause);
}

Status Simulation::begin() {
    out_.policy = policy_ ? policy_->county : "none";  // the progress reports name it
    IO_CHECK(prepare());
    // Month m's plans are scheduled on the first working day of month m − 1 (January's on
    // the planning date, before the year): a month's notice for the joint visits.
    batchDay_.assign(13, firstDay_);
    for (int month = 2; month <= 12; ++month) {
        IO_TRY(start, Date::fromYmd(w_.year, month - 1, 1));
        IO_TRY(working, calendar_.addWorkdays(start.plusDays(-1), 1));
        batchDay_[static_cast<std::size_t>(month)] = working;
    }
    IO_TRY(last, Date::fromYmd(w_.year, 12, 31));
    yearDays_ = last.dayNumber() - firstDay_.dayNumber() + 1;
    day_ = firstDay_;
    return Ok{};
}

Result<bool> Simulation::advance(int days) {
    for (int n = 0; n < days && day_.year() == w_.year; ++n, day_ = day_.plusDays(1)) IO_CHECK(liveThrough(day_));
    return day_.year() == w_.year;
}

Status Simulation::liveThrough(Date day) {
    if (day.day() == 1 && options_.progress) options_.progress(out_.policy, day.month());
    for (int month = 1; month <= 12; ++month)
        if (batchDay_[static_cast<std::size_t>(month)] == day) IO_CHECK(scheduleMonth(month, month == 1 ? w_.planningDate : day));
    DayFigures figures;
    figures.date = day;
    for (; nextGrade_ < draws_.gradeChanges.size() && draws_.gradeChanges[nextGrade_].date == day; ++nextGrade_) {
        const GradeChange& change = draws_.gradeChanges[nextGrade_];
        w_.enterprises[static_cast<std::size_t>(change.enterprise)].enterprise.grade = change.to;
        ++out_.figures.gradeChanges;
    }
    for (; nextEvent_ < draws_.events.size() && draws_.events[nextEvent_].date == day; ++nextEvent_) {
        const Event& event = draws_.events[nextEvent_];
        if (event.kind == EventKind::Demand || event.kind == EventKind::Complaint)
            IO_CHECK(written(event, day, figures));
        else
            IO_CHECK(unplanned(event, day, figures));
    }
    if (auto today = visitsOn_.find(day.dayNumber()); today != visitsOn_.end()) {
        for (const DayVisit& visit : today->second) IO_CHECK(makeVisit(visit, day, figures));
        visitsOn_.erase(today);
    }
    walker_.actOn(day);
    walker_.countOn(day, figures.openCases, figures.overdueCases);
    figures.visitsSoFar = out_.figures.visits;
    out_.days.push_back(figures);
    return Ok{};
}

Result<Run> Simulation::end() {
    if (ended_) return makeError("simulate", "this run has already given its year");
    if (day_.year() == w_.year)
        return makeError("simulate", std::to_string(yearDays_ - daysDone()) + " days of the year are left: step the run to its end first");
    IO_CHECK(finish(day_.plusDays(-1)));
    if (options_.progress) options_.progress(out_.policy, 13);
    ended_ = true;
    return std::move(out_);
}

Status Simulation::finish(Date lastDay) {
    Figures& f = out_.figures;
    f.enterprises = static_cast<int64_t>(w_.enterprises.size());
    for (const Plan& plan : allPlans_)
        if (!plan.exception) ++f.plans;
    f.visitsPerEnterprise = f.enterprises ? static_cast<double>(f.visits) / static_cast<double>(f.enterprises) : 0;
    for (int64_t n : visitsPerEnterprise_) f.mostVisitsOneEnterprise = std::max(f.mostVisitsOneEnterprise, n);
    f.jointRate = fraction(plansInJointVisits_, f.plansOnSite);
    f.nonSiteShare = fraction(f.nonSitePlans, f.nonSitePlans + f.plansOnSite);
    f.withoutPenaltyRate = fraction(f.findingsWithoutPenalty, f.findings);
    for (const WalkedCase& c : walker_.cases()) {
        ++f.cases;
        auto standing = workflow::standingOn(c.item, lastDay);
        bool lateAtEnd = standing == workflow::Standing::Overdue || standing == workflow::Standing::Escalated;
        bool onTime = !c.late && !lateAtEnd;
        f.casesOnTime += onTime;
        f.casesOpenAtYearEnd += !c.item.closed;
        f.casesEscalated += c.escalated;
        if (c.kind == CaseKind::Demand) f.demandsOnTime += onTime;
        if (c.kind == CaseKind::Complaint) f.complaintsOnTime += onTime;
    }
    if (demandsInWorkflow_ > 0) f.demandsOnTimeRate = fraction(f.demandsOnTime, f.demands);
    if (complaintsInWorkflow_ > 0) f.complaintsOnTimeRate = fraction(f.complaintsOnTime, f.complaints);
    int64_t totalLoad = 0;
    for (std::size_t k = 0; k < w_.departments.size(); ++k) {
        DepartmentLoad load{w_.departments[k].id, w_.departments[k].name, 0, 0};
        for (int32_t week : load_[k]) {
            load.plans += week;
            load.peakWeek = std::max(load.peakWeek, week);
        }
        totalLoad += load.plans;
        f.peakDepartmentWeek = std::max(f.peakDepartmentWeek, load.peakWeek);
        out_.load.push_back(std::move(load));
    }
    if (!w_.departments.empty())
        f.loadPerDepartmentWeek = static_cast<double>(totalLoad) / static_cast<double>(w_.departments.size() * kWeeks);
    if (policy_)
        for (const YearlyTarget* target : Policy(*policy_).targetsFor(w_.year)) {
            TargetGap gap{target->metric, target->name, target->minPercent, std::nullopt, target->clause};
            if (target->metric == "joint-inspection-rate" && f.jointRate) gap.achievedPercent = *f.jointRate * 100;
            out_.targets.push_back(std::move(gap));
        }
    std::stable_sort(out_.happenings.begin(), out_.happenings.end(),
                     [](const Happening& a, const Happening& b) { return a.date < b.date; });
    return Ok{};
}

}  // namespace

struct YearRun::State {
    Options options;
    std::unique_ptr<Simulation> simulation;
    Text name;
    std::string policy, generatedAs;
};

YearRun::YearRun(std::unique_ptr<State> state) : state_(std::move(state)) {}
YearRun::YearRun(YearRun&&) noexcept = default;
YearRun& YearRun::operator=(YearRun&&) noexcept = default;
YearRun::~YearRun() = default;

Result<YearRun> YearRun::start(const PolicyData* policy, const Options& options, const WorkCalendar& calendar) {
    if (options.enterprises < 1 || options.enterprises > 1000000)
        return makeError("enterprises", std::to_string(options.enterprises) + " is out of range: 1 to 1000000");
    const PolicyData* county = options.county ? options.county : policy;
    if (!county) return makeError("county", "no county to generate: give the county's policy data");
    GenerateOptions generate;
    generate.county = county->county;
    generate.enterprises = options.enterprises;
    generate.seed = options.seed;
    generate.year = options.year;
    IO_TRY(workspace, generateWorkspace(generate, *county, calendar));
    IO_TRY(draws, drawYear(workspace, options.seed, calendar));
    if (policy) workspace.county = policy->county;
    auto state = std::make_unique<State>();
    state->options = options;  // the simulation keeps a reference: it lives here, beside it
    state->simulation = std::make_unique<Simulation>(policy, *county, std::move(workspace), std::move(draws), state->options, calendar);
    state->policy = policy ? policy->county : "none";
    state->name = policy ? policy->name : Text{"无政策（各部门自行检查）", "no policy (each department on its own)"};
    state->generatedAs = county->county;
    IO_CHECK(state->simulation->begin());
    return YearRun(std::move(state));
}

Result<bool> YearRun::step(int days) { return state_->simulation->advance(days); }
int YearRun::daysDone() const { return state_->simulation->daysDone(); }
int YearRun::daysInYear() const { return state_->simulation->daysInYear(); }
const std::string& YearRun::policy() const { return state_->policy; }

Result<Run> YearRun::finish() {
    IO_TRY(result, state_->simulation->end());
    result.policy = state_->policy;
    result.name = state_->name;
    result.generatedAs = state_->generatedAs;
    result.year = state_->options.year;
    result.seed = state_->options.seed;
    return result;
}

Result<Run> run(const PolicyData* policy, const Options& options, const WorkCalendar& calendar) {
    IO_TRY(year, YearRun::start(policy, options, calendar));
    for (;;) {
        IO_TRY(more, year.step(year.daysInYear()));
        if (!more) break;
    }
    return year.finish();
}

}  // namespace inspectonce::simulate
