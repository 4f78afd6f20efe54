// generateWorkspace: checks the options, sets up the year (planning date, the days plan
// windows may take, the working days), reads what the county's policy changes (its
// exceptions, an exempt list), then runs the steps in order and validates the result.
#include <algorithm>
#include <optional>

#include "generate/generator.hpp"
#include "inspectonce/exceptions.hpp"

namespace inspectonce {
namespace generate_detail {
namespace {

constexpr int64_t kMaxEnterprises = 5000000;

// How often each exception is given, when the county accepts it: complaints and reports
// dominate; superior assignments, work safety and emergencies follow (the seeds' lists).
int exceptionWeight(std::string_view id) {
    struct W { std::string_view id; int weight; };
    constexpr W kWeights[] = {{"complaint-report", 40}, {"work-safety", 12}, {"superior-assignment", 12}, {"emergency", 10},
                              {"food-drug-safety", 8}, {"case-investigation", 8}, {"environment", 6}, {"life-property-safety", 6},
                              {"key-area-campaign", 6}, {"urgent", 4}, {"substandard-products", 3}, {"public-health-emergency", 2},
                              {"public-security", 2}, {"major-public-interest", 1}, {"major-social-impact", 1}};
    for (const auto& w : kWeights)
        if (w.id == id) return w.weight;
    return 0;  // national provisions, national security …: not what a generated plan gives
}

// The exceptions the county's rules accept, in the vocabulary's order; reasons a list raises
// by itself (serious dishonesty) are not claimed in a plan. A county whose rules list none
// (Dinghai) still sees the common ones: its rules then only record them.
void chooseExceptions(Generation& g) {
    auto accepted = [&](std::string_view id) {
        for (const auto& b : g.policy.blackouts)
            if (b.exceptions && std::find(b.exceptions->allowed.begin(), b.exceptions->allowed.end(), id) != b.exceptions->allowed.end())
                return true;
        for (const auto& r : g.policy.rules)
            if (r.exceptions && std::find(r.exceptions->allowed.begin(), r.exceptions->allowed.end(), id) != r.exceptions->allowed.end())
                return true;
        return false;
    };
    for (const auto& reason : exceptionVocabulary()) {
        int weight = exceptionWeight(reason.id);
        if (reason.fromList.empty() && weight > 0 && accepted(reason.id)) {
            g.exceptions.emplace_back(reason.id);
            g.exceptionWeights.push_back(weight);
        }
    }
    if (g.exceptions.empty())
        for (std::string_view id : {"complaint-report", "emergency", "superior-assignment", "case-investigation"}) {
            g.exceptions.emplace_back(id);
            g.exceptionWeights.push_back(exceptionWeight(id));
        }
}

Status setUpYear(Generation& g) {
    const GenerateOptions& o = g.options;
    const WorkCalendar& c = g.calendar;
    std::string known = std::to_string(c.firstYear()) + "–" + std::to_string(c.lastYear());
    if (o.year < c.firstYear() || o.year > c.lastYear())
        return makeError("year", std::to_string(o.year) + " is outside the working-day calendar (" + known + ")");
    IO_TRY(first, Date::fromYmd(o.year, 1, 1));
    IO_TRY(last, Date::fromYmd(o.year, 12, 31));
    g.yearFirst = first;
    g.yearLast = last;
    if (o.planningDate) {
        if (o.planningDate->year() != o.year && o.planningDate->year() != o.year - 1)
            return makeError("planning-date", o.planningDate->iso() + " is neither in " + std::to_string(o.year) + " nor the year before");
        if (*o.planningDate >= last)
            return makeError("planning-date", o.planningDate->iso() + " leaves no day of " + std::to_string(o.year) + " to plan");
        g.w.planningDate = *o.planningDate;
    } else {
        auto before = c.addWorkdays(first, -1);
        if (!before)
            return makeError("planning-date", "the last working day of " + std::to_string(o.year - 1) +
                                                  " is outside the working-day calendar (" + known + "): give a planning date in " +
                                                  std::to_string(o.year));
        g.w.planningDate = *before;
    }
    g.windowStart = std::max(first, g.w.planningDate.plusDays(1));
    // Plans cluster around days at least two weeks from either end of the planning span.
    g.anchorFirst = std::min(g.windowStart.dayNumber() + 14, last.dayNumber());
    g.anchorLast = std::max(g.anchorFirst, last.dayNumber() - 14);
    for (Date d = g.windowStart; d <= last; d = d.plusDays(1)) {
        IO_TRY(work, c.isWorkday(d));
        if (work) g.workdays.push_back(d.dayNumber());
    }
    return Ok{};
}

}  // namespace
}  // namespace generate_detail

Result<CapacityLevel> parseCapacityLevel(std::string_view text) {
    if (text == "ample") return CapacityLevel::Ample;
    if (text == "tight") return CapacityLevel::Tight;
    return makeError("capacity", "'" + std::string(text) + "' is not a capacity: ample or tight");
}

std::string_view toString(CapacityLevel level) { return level == CapacityLevel::Tight ? "tight" : "ample"; }

// What a generation owns between its steps; the Generation refers to the rest.
struct generate_detail::GenerationState {
    GenerationState(const GenerateOptions& o, const PolicyData& p, const WorkCalendar& c)
        : options(o), policy(p), g(options, policy, c, w) {}

    GenerateOptions options;
    PolicyData policy;  // a copy: the county's plugin may be unloaded between steps
    Workspace w;
    generate_detail::Generation g;
    std::size_t next = 0;  // the next step
    std::optional<Error> failed;
};

namespace {

// The steps in order, with their usual share of the time (100 000 enterprises, natively).
struct GenerationStep {
    Status (*run)(generate_detail::Generation&);
    double share;
};
constexpr GenerationStep kGenerationSteps[] = {
    {generate_detail::buildOrganisation, 0.02},
    {generate_detail::buildEnterprises, 0.28},
    {generate_detail::buildPlans, 0.40},
    {[](generate_detail::Generation& g) -> Status {
         generate_detail::buildRecords(g);
         return Ok{};
     },
     0.12},
    {[](generate_detail::Generation& g) -> Status {
         generate_detail::setCapacity(g);
         Status valid = validate(g.w);
         if (!valid) return makeError("generated workspace: " + valid.error().where, valid.error().why);
         return Ok{};
     },
     0.18},
};

}  // namespace

Result<WorkspaceGeneration> WorkspaceGeneration::start(const GenerateOptions& options, const PolicyData& policy,
                                                       const WorkCalendar& calendar) {
    using namespace generate_detail;
    if (options.county != policy.county)
        return makeError("county", "'" + options.county + "' is not the policy's county ('" + policy.county + "')");
    if (options.enterprises < 1 || options.enterprises > kMaxEnterprises)
        return makeError("enterprises", std::to_string(options.enterprises) + " is out of range: 1 to " + std::to_string(kMaxEnterprises));
    if (options.plansPerEnterprise < 0 || options.plansPerEnterprise > 20)
        return makeError("plans-per-enterprise", "the mean must be between 0 (the default) and 20");

    auto state = std::make_unique<GenerationState>(options, policy, calendar);
    Generation& g = state->g;
    g.w.county = options.county;
    g.w.year = options.year;
    IO_CHECK(setUpYear(g));
    chooseExceptions(g);
    for (const auto& rule : g.policy.rules)
        if (rule.type == PolicyRule::Type::Exempt) g.exemptRule = true;
    return WorkspaceGeneration(std::move(state));
}

WorkspaceGeneration::WorkspaceGeneration(std::unique_ptr<generate_detail::GenerationState> state) : state_(std::move(state)) {}
WorkspaceGeneration::WorkspaceGeneration(WorkspaceGeneration&&) noexcept = default;
WorkspaceGeneration& WorkspaceGeneration::operator=(WorkspaceGeneration&&) noexcept = default;
WorkspaceGeneration::~WorkspaceGeneration() = default;

Result<bool> WorkspaceGeneration::step() {
    auto& s = *state_;
    if (s.failed) return *s.failed;
    if (done()) return true;
    if (Status made = kGenerationSteps[s.next].run(s.g); !made) {
        s.failed = made.error();
        return made.error();
    }
    ++s.next;
    return done();
}

double WorkspaceGeneration::fraction() const {
    double made = 0;
    for (std::size_t i = 0; i < state_->next; ++i) made += kGenerationSteps[i].share;
    return done() ? 1.0 : std::min(made, 0.99);
}

bool WorkspaceGeneration::done() const { return state_->next == std::size(kGenerationSteps); }

Workspace WorkspaceGeneration::takeWorkspace() { return std::move(state_->w); }

Result<Workspace> generateWorkspace(const GenerateOptions& options, const PolicyData& policy, const WorkCalendar& calendar) {
    IO_TRY(generation, WorkspaceGeneration::start(options, policy, calendar));
    while (true) {
        IO_TRY(made, generation.step());
        if (made) return generation.takeWorkspace();
    }
}

}  // namespace inspectonce
