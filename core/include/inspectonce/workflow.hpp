// Workflows with deadlines (有呼必应, 销号): a demand received, routed, answered, visited back
// and closed; a finding warned, rectified, checked and closed; an inspection filed,
// approved, announced, carried out and reported. Each county defines its workflows in its
// parameter file ("workflows": states, transitions, roles, deadlines in working days,
// reminders, escalation), each with its clause. A case is one instance of one workflow.
//
// The engine is pure: it takes a case, a transition, an actor, a date and the data the
// actor gives, and returns the case after it (or an error that says why not, with the
// clause). No wall clock: the date is always an input. Storage is store.hpp's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::workflow {

// Key → value pairs, kept sorted by key (so a case serialises the same way everywhere).
using Attributes = std::vector<std::pair<std::string, std::string>>;
const std::string* find(const Attributes& attributes, std::string_view key);
void set(Attributes& attributes, std::string key, std::string value);

// How long a state may last, in working days (ALL-1) from the day it is entered: a fixed
// number, or a date the actor sets (a consultation's time limit, the enterprise's committed
// rectification date) no later than `maxWorkingDays`. A longer limit applies when an
// attribute has a given value (historical problems get more time, 000 二(二)).
struct DeadlineRule {
    int workingDays = 0;         // fixed limit; 0 when `setBy` is used
    std::string setBy;           // the data key holding the date the actor sets ("deadline")
    int maxWorkingDays = 0;      // the latest `setBy` may be; 0: no maximum
    struct Longer {
        std::string attribute;
        std::string value;
        int workingDays = 0;     // replaces workingDays / maxWorkingDays when it applies
        Citation clause;
    };
    std::optional<Longer> longer;
    Citation clause;
    bool parameter = false;      // the number is the county's choice, not the document's
};

struct State {
    std::string id;
    Text name;
    std::string holder;                  // the role that must act next ("department", "service-center" …)
    std::optional<DeadlineRule> deadline;
    bool final = false;
    std::vector<std::string> notify;     // roles told when a case enters this state
    Citation clause;
};

// A step from one state to another. A transition with no `from` opens a case.
struct Transition {
    std::string id;
    Text name;
    std::vector<std::string> from;
    std::string to;
    std::vector<std::string> roles;      // who may take it
    std::vector<std::string> needs;      // data the actor must give (kept as attributes)
    std::vector<std::pair<std::string, std::vector<std::string>>> when;  // attribute → accepted values
    bool onlyWhenOverdue = false;        // e.g. a warning not heeded in time becomes urgent (000 二(二)1)
    Citation clause;
    // The earliest day it may be taken: so many working days after the case entered its
    // current state (a visit filed 3 working days ahead, 004 二(五)); 0: no such limit.
    int notBeforeWorkingDays = 0;
};

// Overdue cases are raised to someone above: so many working days after the deadline.
struct Escalation {
    int workingDaysOverdue = 0;
    std::string to;                      // a role
    Citation clause;
    bool parameter = false;
};

struct Role {
    std::string id;
    Text name;
};

struct Definition {
    std::string id;                      // "demand", "finding", "inspection", "guidance", "leader-visit", "complaint"
    Text name;
    Citation clause;
    std::vector<Role> roles;
    std::vector<State> states;
    std::vector<Transition> transitions;
    int remindWorkingDays = 1;           // "due soon" from so many working days before a deadline
    std::optional<Escalation> escalation;

    const State* state(std::string_view wanted) const;
    const Transition* transition(std::string_view wanted) const;
    const Role* role(std::string_view wanted) const;
    std::vector<const Transition*> openings() const;
    std::vector<const Transition*> from(std::string_view state) const;
};

struct Actor {
    std::string role;
    std::string name;                    // a person or office; may be empty
};

// One transition taken.
struct Step {
    Date date;
    std::string transition;
    std::string from;                    // empty for the opening step
    std::string to;
    Actor actor;
    Attributes data;                     // what the actor gave
    Citation clause;
};

struct Case {
    int64_t id = 0;
    std::string workflow;
    std::string enterprise;              // USCC; empty when none
    std::string department;              // the department holding it (set by routing), may be empty
    std::string title;                   // the demand's or finding's own words
    std::string state;
    Date opened;
    Date entered;                        // when it entered `state`
    std::optional<Date> deadline;        // unset in final states and states without a limit
    std::optional<Date> remindOn;        // from this day it is "due soon"
    std::optional<Date> escalateOn;      // from this day it is escalated
    bool closed = false;
    Attributes attributes;
    std::vector<Step> steps;
};

// What a transition did: the case after it and whom to tell.
struct Applied {
    Case after;
    std::vector<std::string> notify;     // roles, in the definition's order
    Citation clause;
};

// Opens a case with the opening transition `transition` (empty: the one whose `when`
// matches `data`, among several the one the actor's role may take; an error when none or
// several remain).
Result<Applied> open(const Definition& definition, const WorkCalendar& calendar, Case subject,
                     std::string_view transition, const Actor& actor, Date date, const Attributes& data);
// Takes `transition` on `current`. Refused (with the clause) when the case is closed, the
// transition does not leave its state, the actor's role may not take it, data is missing,
// a condition does not hold, the date is before the last step or before the transition's
// earliest day, or a set deadline is late or not a working day.
Result<Applied> apply(const Definition& definition, const WorkCalendar& calendar, const Case& current,
                      std::string_view transition, const Actor& actor, Date date, const Attributes& data);

// Where a case stands on a day.
enum class Standing { Closed, NoDeadline, OnTime, DueSoon, DueToday, Overdue, Escalated };
std::string_view toString(Standing standing);
Text label(Standing standing);
Standing standingOn(const Case& item, Date day);

// The role, or the department when the role is "department", that must act next.
std::string holderOf(const Definition& definition, const Case& item);

}  // namespace inspectonce::workflow
