// The workflow engine on a small hand-made definition: choosing the opening, refusals (role,
// data, conditions, missed-deadline steps, earliest day, dates out of order, late or
// non-working set deadlines, closed cases), deadlines in working days of the official
// calendar across the 2025 National Day holiday, and where a case stands day by day.
#include <gtest/gtest.h>

#include "inspectonce/workflow.hpp"
#include "test_support.hpp"

namespace inspectonce::workflow {
namespace {

using test::date;

Citation cite(const char* clause) { return Citation{clause}; }

// received (3 working days) → handling (a date the center sets, at most 10 working days,
// 20 for historical problems) → closed; or received → signoff (the head) → closed.
Definition sample() {
    Definition d;
    d.id = "demand";
    d.name = {"诉求", "demand"};
    d.clause = cite("900 一");
    d.roles = {{"center", {"中心", "center"}}, {"department", {"部门", "department"}}, {"head", {"负责人", "head"}}};
    State received{"received", {"已受理", "received"}, "center", DeadlineRule{3, "", 0, std::nullopt, cite("900 一1"), true}, false, {"center"},
                   cite("900 一1")};
    DeadlineRule byDate{0, "deadline", 10, DeadlineRule::Longer{"historical", "yes", 20, cite("900 一3")}, cite("900 一2"), false};
    State handling{"handling", {"办理中", "handling"}, "department", byDate, false, {"department", "head"}, cite("900 一2")};
    State signoff{"signoff", {"待签字", "sign-off"}, "head", std::nullopt, false, {"head"}, cite("900 一4")};
    State closed{"closed", {"办结", "closed"}, "", std::nullopt, true, {"center"}, cite("900 一5")};
    d.states = {received, handling, signoff, closed};
    auto transition = [](std::string id, std::vector<std::string> from, std::string to, std::vector<std::string> roles,
                         std::vector<std::string> needs, const char* clause) {
        Transition t;
        t.id = std::move(id);
        t.name = {t.id, t.id};
        t.from = std::move(from);
        t.to = std::move(to);
        t.roles = std::move(roles);
        t.needs = std::move(needs);
        t.clause = cite(clause);
        return t;
    };
    Transition window = transition("open-window", {}, "received", {"center"}, {}, "900 一1");
    window.when = {{"channel", {"window"}}};
    Transition hotline = transition("open-hotline", {}, "received", {"center"}, {}, "900 一1");
    hotline.when = {{"channel", {"hotline", "online"}}};
    Transition byHead = transition("open-by-head", {}, "signoff", {"head"}, {}, "900 一4");
    byHead.when = {{"channel", {"window"}}};
    Transition urge = transition("urge", {"handling"}, "handling", {"center"}, {"deadline"}, "900 一6");
    urge.onlyWhenOverdue = true;
    Transition raise = transition("raise", {"received"}, "signoff", {"center"}, {}, "900 一4");
    raise.when = {{"major", {"yes"}}};
    Transition followUp = transition("follow-up", {"handling"}, "closed", {"center"}, {}, "900 一7");
    followUp.notBeforeWorkingDays = 3;
    d.transitions = {window, hotline, byHead,
                     transition("transfer", {"received"}, "handling", {"center"}, {"department", "deadline"}, "900 一2"),
                     urge, raise, followUp,
                     transition("answer", {"handling"}, "closed", {"department"}, {"result"}, "900 一5"),
                     transition("sign", {"signoff"}, "closed", {"head"}, {"signed-by"}, "900 一4")};
    d.remindWorkingDays = 2;
    d.escalation = Escalation{3, "head", cite("900 一6"), true};
    return d;
}

const WorkCalendar& calendar() { return WorkCalendar::official(); }
const Actor center{"center", "区企业服务中心"};
const Actor department{"department", "市场监管局"};
const Actor head{"head", "局长"};

Result<Applied> openOn(const char* day, Attributes data, std::string_view transition = "", const Actor& actor = center) {
    Case subject;
    subject.id = 7;
    subject.title = "用电报装";
    return open(sample(), calendar(), subject, transition, actor, date(day), data);
}

// Opened 2025-09-29 and transferred 2025-09-30 with `deadline`.
Result<Applied> transferred(const char* deadline, Attributes extra = {}) {
    auto opened = openOn("2025-09-29", {{"channel", "window"}});
    if (!opened) return opened.error();
    Attributes data{{"deadline", deadline}, {"department", "market"}};
    for (auto& [key, value] : extra) set(data, key, value);
    return apply(sample(), calendar(), opened->after, "transfer", center, date("2025-09-30"), data);
}

TEST(WorkflowEngine, OpensWithTheOpeningWhoseConditionsHoldAndWhoseRoleFits) {
    auto byWindow = openOn("2025-09-29", {{"channel", "window"}});
    ASSERT_TRUE(byWindow) << byWindow.error().message();
    EXPECT_EQ(byWindow->after.state, "received");
    EXPECT_EQ(byWindow->after.steps.at(0).transition, "open-window");  // open-by-head matches too, but is the head's
    EXPECT_EQ(byWindow->after.workflow, "demand");
    EXPECT_EQ(byWindow->after.opened, date("2025-09-29"));
    EXPECT_EQ(byWindow->clause.text(), "900 一1");
    EXPECT_EQ(byWindow->notify, std::vector<std::string>{"center"});
    auto byHead = openOn("2025-09-29", {{"channel", "window"}}, "", head);
    ASSERT_TRUE(byHead) << byHead.error().message();
    EXPECT_EQ(byHead->after.state, "signoff");
    auto online = openOn("2025-09-29", {{"channel", "online"}});
    ASSERT_TRUE(online);
    EXPECT_EQ(online->after.steps.at(0).transition, "open-hotline");
    EXPECT_EQ(*find(online->after.attributes, "channel"), "online");

    auto none = openOn("2025-09-29", {{"channel", "letter"}});
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().why.find("no opening transition applies"), std::string::npos) << none.error().message();
    EXPECT_NE(none.error().why.find("open-window, open-hotline, open-by-head"), std::string::npos);
    auto notAnOpening = openOn("2025-09-29", {{"channel", "window"}}, "transfer");
    ASSERT_FALSE(notAnOpening);
    EXPECT_NE(notAnOpening.error().why.find("does not open a case"), std::string::npos);
    // Named explicitly, the opening's own condition still holds sway.
    auto wrongChannel = openOn("2025-09-29", {{"channel", "hotline"}}, "open-window");
    ASSERT_FALSE(wrongChannel);
    EXPECT_NE(wrongChannel.error().why.find("applies when channel is window"), std::string::npos) << wrongChannel.error().message();
}

TEST(WorkflowEngine, FixedDeadlineIsCountedInWorkingDaysAcrossNationalDay2025) {
    // 2025: 10-01…10-08 off, 09-28 (Sun) and 10-11 (Sat) worked. From Mon 09-29, three working
    // days are 09-30, 10-09, 10-10.
    auto opened = openOn("2025-09-29", {{"channel", "window"}});
    ASSERT_TRUE(opened);
    const Case& c = opened->after;
    ASSERT_TRUE(c.deadline);
    EXPECT_EQ(c.deadline->iso(), "2025-10-10");
    EXPECT_EQ(c.remindOn->iso(), "2025-09-30");     // two working days before
    EXPECT_EQ(c.escalateOn->iso(), "2025-10-14");   // three working days after: 10-11 (Sat, worked), 10-13, 10-14
    EXPECT_EQ(holderOf(sample(), c), "center");
}

TEST(WorkflowEngine, StandingsDayByDay) {
    auto opened = openOn("2025-09-29", {{"channel", "window"}});
    ASSERT_TRUE(opened);
    const Case& c = opened->after;
    EXPECT_EQ(standingOn(c, date("2025-09-29")), Standing::OnTime);
    EXPECT_EQ(standingOn(c, date("2025-09-30")), Standing::DueSoon);
    EXPECT_EQ(standingOn(c, date("2025-10-05")), Standing::DueSoon);  // a holiday inside the reminder window
    EXPECT_EQ(standingOn(c, date("2025-10-10")), Standing::DueToday);
    EXPECT_EQ(standingOn(c, date("2025-10-11")), Standing::Overdue);
    EXPECT_EQ(standingOn(c, date("2025-10-13")), Standing::Overdue);
    EXPECT_EQ(standingOn(c, date("2025-10-14")), Standing::Escalated);
    EXPECT_EQ(toString(Standing::Escalated), "escalated");
    EXPECT_EQ(label(Standing::DueToday).zh, "今日到期");

    auto signoff = openOn("2025-09-29", {{"channel", "window"}}, "", head);
    ASSERT_TRUE(signoff);
    EXPECT_FALSE(signoff->after.deadline);
    EXPECT_EQ(standingOn(signoff->after, date("2026-01-05")), Standing::NoDeadline);
}

TEST(WorkflowEngine, RefusesAnActorWhoseRoleMayNotTakeTheTransition) {
    auto opened = openOn("2025-09-29", {{"channel", "window"}});
    ASSERT_TRUE(opened);
    auto refused = apply(sample(), calendar(), opened->after, "transfer", department, date("2025-09-30"),
                         {{"deadline", "2025-10-10"}, {"department", "market"}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().where, "demand case 7");
    EXPECT_NE(refused.error().why.find("\"transfer\" is for center, not department (900 一2)"), std::string::npos) << refused.error().message();
    auto noRole = openOn("2025-09-29", {{"channel", "hotline"}}, "", Actor{});
    ASSERT_FALSE(noRole);
    EXPECT_NE(noRole.error().why.find("an actor without a role"), std::string::npos);
}

TEST(WorkflowEngine, RefusesMissingDataAndUnmetConditions) {
    auto opened = openOn("2025-09-29", {{"channel", "window"}});
    ASSERT_TRUE(opened);
    auto noDeadline = apply(sample(), calendar(), opened->after, "transfer", center, date("2025-09-30"), {{"department", "market"}});
    ASSERT_FALSE(noDeadline);
    EXPECT_NE(noDeadline.error().why.find("needs deadline (given: department)"), std::string::npos) << noDeadline.error().message();
    auto empty = apply(sample(), calendar(), opened->after, "transfer", center, date("2025-09-30"), {{"deadline", ""}, {"department", "x"}});
    ASSERT_FALSE(empty);
    auto notMajor = apply(sample(), calendar(), opened->after, "raise", center, date("2025-09-30"), {});
    ASSERT_FALSE(notMajor);
    EXPECT_NE(notMajor.error().why.find("applies when major is yes, and it is not set (900 一4)"), std::string::npos) << notMajor.error().message();
    auto major = apply(sample(), calendar(), opened->after, "raise", center, date("2025-09-30"), {{"major", "yes"}});
    ASSERT_TRUE(major) << major.error().message();
    EXPECT_EQ(major->after.state, "signoff");
    EXPECT_EQ(*find(major->after.attributes, "major"), "yes");
    auto wrongState = apply(sample(), calendar(), opened->after, "answer", department, date("2025-09-30"), {{"result", "ok"}});
    ASSERT_FALSE(wrongState);
    EXPECT_NE(wrongState.error().why.find("cannot be taken in state \"received\"; these can: transfer, raise"), std::string::npos)
        << wrongState.error().message();
}

TEST(WorkflowEngine, SetDeadlineMustBeAWorkingDayWithinTheMaximum) {
    // From 2025-09-30, ten working days: 10-09, 10, 11, 13, 14, 15, 16, 17, 20, 21.
    auto ok = transferred("2025-10-21");
    ASSERT_TRUE(ok) << ok.error().message();
    EXPECT_EQ(ok->after.deadline->iso(), "2025-10-21");
    EXPECT_EQ(ok->after.department, "market");
    EXPECT_EQ(holderOf(sample(), ok->after), "market");
    EXPECT_EQ(ok->notify, (std::vector<std::string>{"department", "head"}));
    auto late = transferred("2025-10-22");
    ASSERT_FALSE(late);
    EXPECT_NE(late.error().why.find("later than 10 working days after 2025-09-30 (2025-10-21) (900 一2)"), std::string::npos)
        << late.error().message();
    auto holiday = transferred("2025-10-05");
    ASSERT_FALSE(holiday);
    EXPECT_NE(holiday.error().why.find("not a working day"), std::string::npos) << holiday.error().message();
    EXPECT_FALSE(transferred("2025-10-12"));  // a Sunday
    EXPECT_TRUE(transferred("2025-10-11"));   // a Saturday worked in exchange
    auto before = transferred("2025-09-29");
    ASSERT_FALSE(before);
    EXPECT_NE(before.error().why.find("before 2025-09-30"), std::string::npos);
    EXPECT_FALSE(transferred("2025-13-01"));
    // Historical problems get the longer limit: 20 working days, to 2025-11-04.
    auto historical = transferred("2025-11-04", {{"historical", "yes"}});
    ASSERT_TRUE(historical) << historical.error().message();
    EXPECT_EQ(historical->after.deadline->iso(), "2025-11-04");
    auto tooLate = transferred("2025-11-05", {{"historical", "yes"}});
    ASSERT_FALSE(tooLate);
    EXPECT_NE(tooLate.error().why.find("later than 20 working days after 2025-09-30 (2025-11-04) (900 一3)"), std::string::npos)
        << tooLate.error().message();
}

TEST(WorkflowEngine, RefusesADateBeforeTheLastStep) {
    auto handling = transferred("2025-10-21");
    ASSERT_TRUE(handling);
    auto back = apply(sample(), calendar(), handling->after, "answer", department, date("2025-09-29"), {{"result", "ok"}});
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().why.find("the date 2025-09-29 is before the case's last step (2025-09-30)"), std::string::npos)
        << back.error().message();
    EXPECT_TRUE(apply(sample(), calendar(), handling->after, "answer", department, date("2025-09-30"), {{"result", "ok"}}));
}

TEST(WorkflowEngine, StepForAMissedDeadlineOnlyAfterTheDeadline) {
    auto handling = transferred("2025-10-13");
    ASSERT_TRUE(handling);
    auto early = apply(sample(), calendar(), handling->after, "urge", center, date("2025-10-13"), {{"deadline", "2025-10-20"}});
    ASSERT_FALSE(early);
    EXPECT_NE(early.error().why.find("the deadline 2025-10-13 has not passed on 2025-10-13 (900 一6)"), std::string::npos)
        << early.error().message();
    auto urged = apply(sample(), calendar(), handling->after, "urge", center, date("2025-10-14"), {{"deadline", "2025-10-20"}});
    ASSERT_TRUE(urged) << urged.error().message();
    EXPECT_EQ(urged->after.state, "handling");
    EXPECT_EQ(urged->after.deadline->iso(), "2025-10-20");
    EXPECT_EQ(urged->after.entered, date("2025-10-14"));
    EXPECT_EQ(standingOn(urged->after, date("2025-10-14")), Standing::OnTime);
    EXPECT_EQ(urged->after.steps.size(), 3u);
    EXPECT_EQ(urged->after.steps.back().clause.text(), "900 一6");
    EXPECT_EQ(urged->after.steps.back().from, "handling");
    auto signoff = openOn("2025-09-29", {{"channel", "window"}}, "", head);
    ASSERT_TRUE(signoff);
}

TEST(WorkflowEngine, EarliestDayIsCountedInWorkingDaysFromEnteringTheState) {
    auto handling = transferred("2025-10-21");  // entered 2025-09-30
    ASSERT_TRUE(handling);
    // Three working days after 09-30: 10-09, 10-10, 10-11.
    auto early = apply(sample(), calendar(), handling->after, "follow-up", center, date("2025-10-10"), {});
    ASSERT_FALSE(early);
    EXPECT_NE(early.error().why.find("3 working days after 2025-09-30 at the earliest (2025-10-11)"), std::string::npos)
        << early.error().message();
    EXPECT_TRUE(apply(sample(), calendar(), handling->after, "follow-up", center, date("2025-10-11"), {}));
}

TEST(WorkflowEngine, ClosedCaseRefusesEveryStep) {
    auto handling = transferred("2025-10-21");
    ASSERT_TRUE(handling);
    auto closed = apply(sample(), calendar(), handling->after, "answer", department, date("2025-10-09"), {{"result", "解决"}});
    ASSERT_TRUE(closed) << closed.error().message();
    EXPECT_TRUE(closed->after.closed);
    EXPECT_FALSE(closed->after.deadline);
    EXPECT_FALSE(closed->after.remindOn);
    EXPECT_FALSE(closed->after.escalateOn);
    EXPECT_EQ(standingOn(closed->after, date("2026-01-01")), Standing::Closed);
    EXPECT_EQ(closed->after.steps.size(), 3u);
    auto again = apply(sample(), calendar(), closed->after, "urge", center, date("2025-10-30"), {{"deadline", "2025-11-03"}});
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().why.find("the case was closed (closed) on 2025-10-09"), std::string::npos) << again.error().message();
    Definition other = sample();
    other.id = "finding";
    auto wrongWorkflow = apply(other, calendar(), handling->after, "answer", department, date("2025-10-09"), {{"result", "x"}});
    ASSERT_FALSE(wrongWorkflow);
}

TEST(WorkflowEngine, DeadlinesOutsideTheCalendarsYearsAreErrorsNotGuesses) {
    auto opened = openOn("2026-12-30", {{"channel", "window"}});
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().why.find("no official working-day calendar for 2027"), std::string::npos) << opened.error().message();
}

TEST(WorkflowEngine, DataInAnyOrderIsFound) {
    auto opened = openOn("2025-09-29", {{"channel", "window"}});
    ASSERT_TRUE(opened);
    // "department" before "deadline": not sorted as given.
    auto handling = apply(sample(), calendar(), opened->after, "transfer", center, date("2025-09-30"),
                          {{"department", "market"}, {"historical", "yes"}, {"deadline", "2025-11-04"}});
    ASSERT_TRUE(handling) << handling.error().message();
    EXPECT_EQ(handling->after.deadline->iso(), "2025-11-04");
    EXPECT_EQ(handling->after.attributes.front().first, "channel");
    EXPECT_EQ(*find(handling->after.steps.back().data, "deadline"), "2025-11-04");
}

TEST(WorkflowEngine, AttributesStaySortedAndStepsKeepTheirData) {
    Attributes a;
    set(a, "b", "2");
    set(a, "a", "1");
    set(a, "b", "3");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].first, "a");
    EXPECT_EQ(*find(a, "b"), "3");
    EXPECT_EQ(find(a, "c"), nullptr);
    auto handling = transferred("2025-10-21");
    ASSERT_TRUE(handling);
    const Step& step = handling->after.steps.back();
    EXPECT_EQ(step.actor.role, "center");
    EXPECT_EQ(step.from, "received");
    EXPECT_EQ(step.to, "handling");
    EXPECT_EQ(*find(step.data, "deadline"), "2025-10-21");
    EXPECT_EQ(*find(handling->after.attributes, "channel"), "window");
}

}  // namespace
}  // namespace inspectonce::workflow
