// Simulated people moving cases through a workflow (case_walker.hpp). The holder of a case
// acts within its state's deadline 88 % of the time (on a working day drawn evenly up to
// it) and late otherwise (1–10 working days after it); without a deadline within 10
// working days. Among the steps it may take, one leading to a state the case has not been
// in is three times as likely as a step back, a closing step twice as likely: cases move on,
// and sometimes go round (an appeal, an urgent warning).
#include "simulate/case_walker.hpp"

#include <algorithm>
#include <climits>

namespace inspectonce::simulate_detail {
namespace {

constexpr int kOnTimePerMille = 880;
constexpr int kMostTries = 5;

bool isDateKey(const std::string& key, const workflow::State* target) {
    return key.find("date") != std::string::npos || key == "deadline" ||
           (target && target->deadline && target->deadline->setBy == key);
}

bool visited(const workflow::Case& item, const std::string& state) {
    for (const auto& s : item.steps)
        if (s.to == state) return true;
    return false;
}

}  // namespace

CaseWalker::CaseWalker(const Workspace& workspace, const WorkCalendar& calendar, WalkNotes notes)
    : w_(workspace), calendar_(calendar), notes_(std::move(notes)) {}

bool CaseWalker::open(const workflow::Definition& definition, CaseKind kind, workflow::Case subject, Date day, uint64_t seed) {
    WalkedCase c{{}, &definition, kind, generate_detail::Rng(seed, 7), 0, 0, false, false};
    auto openings = definition.openings();
    if (openings.empty()) return false;
    const workflow::Transition& opening = *openings[static_cast<std::size_t>(c.rng.below(static_cast<int>(openings.size())))];
    workflow::Actor actor{opening.roles.empty() ? "" : opening.roles.front(), "模拟"};
    auto made = workflow::open(definition, calendar_, std::move(subject), opening.id, actor, day, dataFor(c, opening, day));
    if (!made) return false;
    c.item = std::move(made->after);
    c.item.id = static_cast<int64_t>(cases_.size()) + 1;
    planNext(c, day);
    if (!c.item.closed) open_.push_back(cases_.size());
    cases_.push_back(std::move(c));
    return true;
}

void CaseWalker::planNext(WalkedCase& c, Date from) {
    c.nextDay = INT32_MAX;
    if (c.item.closed) return;
    int days = 1 + c.rng.below(10);
    if (c.item.deadline) {
        auto allowed = calendar_.workdaysBetween(from, *c.item.deadline);
        int most = allowed ? std::max(1, *allowed) : 1;
        days = c.rng.below(1000) < kOnTimePerMille ? 1 + c.rng.below(most) : most + 1 + c.rng.below(10);
    }
    if (auto next = calendar_.addWorkdays(from, days)) c.nextDay = next->dayNumber();
}

workflow::Attributes CaseWalker::dataFor(WalkedCase& c, const workflow::Transition& t, Date day) {
    workflow::Attributes data;
    const workflow::State* target = c.definition->state(t.to);
    for (const auto& [key, values] : t.when)
        if (!values.empty()) workflow::set(data, key, values[static_cast<std::size_t>(c.rng.below(static_cast<int>(values.size())))]);
    for (const std::string& key : t.needs) {
        if (workflow::find(data, key)) continue;
        if (isDateKey(key, target)) {
            int most = target && target->deadline && target->deadline->maxWorkingDays > 0 ? target->deadline->maxWorkingDays : 15;
            auto when = calendar_.addWorkdays(day, 1 + c.rng.below(most));
            workflow::set(data, key, (when ? *when : day).iso());
        } else if (key == "department" && !w_.departments.empty()) {
            workflow::set(data, key, w_.departments[static_cast<std::size_t>(c.rng.below(static_cast<int>(w_.departments.size())))].id);
        } else {
            workflow::set(data, key, "模拟：" + key);
        }
    }
    return data;
}

bool CaseWalker::step(WalkedCase& c, Date day) {
    const workflow::Definition& d = *c.definition;
    bool overdue = c.item.deadline && day > *c.item.deadline;
    std::vector<const workflow::Transition*> choices;
    std::vector<int> weights;
    for (const workflow::Transition* t : d.from(c.item.state)) {
        if (t->onlyWhenOverdue && !overdue) continue;
        const workflow::State* target = d.state(t->to);
        choices.push_back(t);
        weights.push_back(target && target->final ? 2 : visited(c.item, t->to) ? 1 : 3);
    }
    while (!choices.empty()) {
        auto k = static_cast<std::size_t>(c.rng.weighted(weights));
        const workflow::Transition& t = *choices[k];
        workflow::Actor actor{t.roles.empty() ? "" : t.roles.front(), "模拟"};
        auto applied = workflow::apply(d, calendar_, c.item, t.id, actor, day, dataFor(c, t, day));
        if (applied) {
            c.late = c.late || overdue;
            c.item = std::move(applied->after);
            return true;
        }
        choices.erase(choices.begin() + static_cast<std::ptrdiff_t>(k));
        weights.erase(weights.begin() + static_cast<std::ptrdiff_t>(k));
    }
    return false;
}

void CaseWalker::actOn(Date day) {
    const int32_t today = day.dayNumber();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < open_.size(); ++i) {
        WalkedCase& c = cases_[open_[i]];
        if (c.nextDay == today) {
            if (!c.escalated && c.item.escalateOn && day >= *c.item.escalateOn) {
                c.escalated = true;
                if (notes_.escalated) notes_.escalated(c, day);
            }
            if (step(c, day)) {
                c.tries = 0;
                planNext(c, day);
                if (c.item.closed && notes_.closed) notes_.closed(c, day);
            } else if (++c.tries < kMostTries) {
                auto next = calendar_.addWorkdays(day, 1);
                c.nextDay = next ? next->dayNumber() : INT32_MAX;
            } else {
                c.nextDay = INT32_MAX;  // nobody can move it: it stays open
            }
        }
        if (!c.item.closed) open_[kept++] = open_[i];
    }
    open_.resize(kept);
}

void CaseWalker::countOn(Date day, int32_t& open, int32_t& overdue) const {
    open = static_cast<int32_t>(open_.size());
    overdue = 0;
    for (std::size_t index : open_) {
        auto standing = workflow::standingOn(cases_[index].item, day);
        if (standing == workflow::Standing::Overdue || standing == workflow::Standing::Escalated) ++overdue;
    }
}

}  // namespace inspectonce::simulate_detail
