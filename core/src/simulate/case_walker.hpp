// Cases carried through a county's workflow by simulated people (simulate.hpp): the holder
// acts on a day drawn around the state's deadline, takes one of the steps the definition
// allows and gives the data it needs. Whether each case kept its deadlines is recorded.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "generate/random.hpp"
#include "inspectonce/calendar.hpp"
#include "inspectonce/workflow.hpp"
#include "inspectonce/workspace.hpp"

namespace inspectonce::simulate_detail {

enum class CaseKind { Demand, Complaint, Finding };

struct WalkedCase {
    workflow::Case item;
    const workflow::Definition* definition = nullptr;
    CaseKind kind = CaseKind::Demand;
    generate_detail::Rng rng;
    int32_t nextDay = 0;      // the day number the holder acts next; INT32_MAX: never this year
    int tries = 0;            // refused attempts in a row
    bool late = false;        // a step came after its state's deadline
    bool escalated = false;   // it reached its escalation day still open
};

// What the walker tells the simulation as it goes.
struct WalkNotes {
    std::function<void(const WalkedCase&, Date)> escalated;
    std::function<void(const WalkedCase&, Date)> closed;
};

class CaseWalker {
public:
    CaseWalker(const Workspace& workspace, const WorkCalendar& calendar, WalkNotes notes);

    // Opens a case by one of the definition's openings; false when the engine refuses it
    // (it is then not counted as opened).
    bool open(const workflow::Definition& definition, CaseKind kind, workflow::Case subject, Date day, uint64_t seed);
    // Every case whose holder acts on `day` takes its step.
    void actOn(Date day);

    const std::vector<WalkedCase>& cases() const { return cases_; }
    // The cases open at the end of `day`, and those of them past their deadline (only the
    // open ones are looked at: the year's closed cases are not walked every day).
    void countOn(Date day, int32_t& open, int32_t& overdue) const;

private:
    void planNext(WalkedCase& c, Date from);
    workflow::Attributes dataFor(WalkedCase& c, const workflow::Transition& t, Date day);
    bool step(WalkedCase& c, Date day);

    const Workspace& w_;
    const WorkCalendar& calendar_;
    WalkNotes notes_;
    std::vector<WalkedCase> cases_;
    std::vector<std::size_t> open_;  // indices into cases_ of cases not closed
};

}  // namespace inspectonce::simulate_detail
