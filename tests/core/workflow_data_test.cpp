// The "workflows" section of the parameter files: a small valid workflow read into
// PolicyData::workflows, and every malformed one refused with its JSON path and what was
// expected (ids, roles, states, openings, reachability, deadlines, own clauses, names).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "inspectonce/policy.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

// received (1 working day, the county's choice) → handling (a date set, ≤ 5) → closed.
const char* kBase = R"j({
  "id": "demo", "name": {"zh": "示例", "en": "demo"}, "clause": "004 二(九)",
  "roles": [{"id": "office", "name": {"zh": "综合执法办", "en": "office"}},
            {"id": "department", "name": {"zh": "部门", "en": "department"}}],
  "states": [
    {"id": "received", "name": {"zh": "受理", "en": "received"}, "holder": "office",
     "deadline": {"working_days": 1, "clause": "004 二(九)", "parameter": true}, "notify": ["office"], "clause": "004 二(九)"},
    {"id": "handling", "name": {"zh": "办理", "en": "handling"}, "holder": "department",
     "deadline": {"set_by": "deadline", "max_working_days": 5, "clause": "004 二(九)"}, "clause": "004 二(九)"},
    {"id": "closed", "name": {"zh": "办结", "en": "closed"}, "final": true, "clause": "004 二(九)"}],
  "transitions": [
    {"id": "receive", "name": {"zh": "受理", "en": "receive"}, "to": "received", "roles": ["office"], "clause": "004 二(九)"},
    {"id": "assign", "name": {"zh": "交办", "en": "assign"}, "from": ["received"], "to": "handling", "roles": ["office"],
     "needs": ["department", "deadline"], "clause": "004 二(九)"},
    {"id": "answer", "name": {"zh": "反馈", "en": "answer"}, "from": ["handling"], "to": "closed", "roles": ["department"],
     "when": {"result": ["done"]}, "clause": "004 二(九)"}],
  "remind_working_days": 2,
  "escalation": {"working_days_overdue": 2, "to": "office", "clause": "004 二(九)", "parameter": true}
})j";

nlohmann::json yunheWith(const std::vector<std::pair<std::string, std::string>>& changes) {
    auto document = nlohmann::json::parse(test::readFile(test::sourcePath("policies/yunhe.json")));
    document["workflows"] = nlohmann::json::array({nlohmann::json::parse(kBase)});
    for (const auto& [pointer, value] : changes) {
        if (value == "DELETE") {
            nlohmann::json::json_pointer p(pointer);
            document[p.parent_pointer()].erase(p.back());
        } else {
            document[nlohmann::json::json_pointer(pointer)] = value == "BASE" ? nlohmann::json::parse(kBase) : nlohmann::json::parse(value);
        }
    }
    return document;
}

TEST(WorkflowData, ReadsAWorkflowWithItsRolesStatesTransitionsAndDeadlines) {
    auto policy = PolicyData::fromJson(yunheWith({}).dump(), "t.json");
    ASSERT_TRUE(policy) << policy.error().message();
    ASSERT_EQ(policy->workflows.size(), 1u);
    const auto* d = policy->findWorkflow("demo");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(policy->findWorkflow("demand"), nullptr);
    EXPECT_EQ(d->clause.text(), "004 二(九)");
    ASSERT_EQ(d->roles.size(), 2u);
    EXPECT_EQ(d->role("office")->name.zh, "综合执法办");
    ASSERT_EQ(d->states.size(), 3u);
    ASSERT_TRUE(d->states[0].deadline);
    EXPECT_EQ(d->states[0].deadline->workingDays, 1);
    EXPECT_TRUE(d->states[0].deadline->parameter);
    EXPECT_EQ(d->states[0].notify, std::vector<std::string>{"office"});
    EXPECT_EQ(d->states[1].deadline->setBy, "deadline");
    EXPECT_EQ(d->states[1].deadline->maxWorkingDays, 5);
    EXPECT_FALSE(d->states[1].deadline->parameter);
    EXPECT_TRUE(d->states[2].final);
    EXPECT_EQ(d->openings().size(), 1u);
    EXPECT_EQ(d->transition("answer")->when.at(0).first, "result");
    EXPECT_EQ(d->transition("assign")->needs, (std::vector<std::string>{"department", "deadline"}));
    EXPECT_EQ(d->remindWorkingDays, 2);
    ASSERT_TRUE(d->escalation);
    EXPECT_EQ(d->escalation->workingDaysOverdue, 2);
    EXPECT_EQ(d->escalation->to, "office");
    EXPECT_TRUE(d->escalation->parameter);
}

TEST(WorkflowData, ReadsLongerLimitsOverdueStepsAndEarliestDays) {
    auto policy = PolicyData::fromJson(
        yunheWith({{"/workflows/0/states/1/deadline/longer",
                    R"j({"attribute": "historical", "value": "yes", "working_days": 15, "clause": "004 二(九)"})j"},
                   {"/workflows/0/transitions/3",
                    R"j({"id": "urge", "name": {"zh": "督办", "en": "urge"}, "from": ["handling"], "to": "handling", "roles": ["office"],
                         "needs": ["deadline"], "only_when_overdue": true, "not_before_working_days": 2, "clause": "004 二(九)"})j"}})
            .dump(),
        "t.json");
    ASSERT_TRUE(policy) << policy.error().message();
    const auto& d = policy->workflows.at(0);
    ASSERT_TRUE(d.states[1].deadline->longer);
    EXPECT_EQ(d.states[1].deadline->longer->workingDays, 15);
    EXPECT_TRUE(d.transition("urge")->onlyWhenOverdue);
    EXPECT_EQ(d.transition("urge")->notBeforeWorkingDays, 2);
}

struct BadWorkflow {
    const char* name;
    std::vector<std::pair<std::string, std::string>> changes;  // pointer → JSON, "BASE" or "DELETE"
    const char* where;
    const char* why;
};

class WorkflowDataRefuses : public testing::TestWithParam<BadWorkflow> {};

TEST_P(WorkflowDataRefuses, NamesThePathAndWhy) {
    const BadWorkflow& c = GetParam();
    auto policy = PolicyData::fromJson(yunheWith(c.changes).dump(), "t.json");
    ASSERT_FALSE(policy) << c.name;
    EXPECT_NE(policy.error().where.find(c.where), std::string::npos) << c.name << ": " << policy.error().message();
    EXPECT_NE(policy.error().why.find(c.why), std::string::npos) << c.name << ": " << policy.error().message();
}

const char* kLimbo = R"j({"id": "limbo", "name": {"zh": "悬置", "en": "limbo"}, "holder": "office", "clause": "004 二(九)"})j";

INSTANTIATE_TEST_SUITE_P(
    Cases, WorkflowDataRefuses,
    testing::Values(
        BadWorkflow{"duplicate_workflow", {{"/workflows/1", "BASE"}}, "t.json at /workflows/1/id", "duplicate workflow id \"demo\""},
        BadWorkflow{"another_documents_clause", {{"/workflows/0/states/0/clause", R"j("002 三(一)")j"}},
                    "t.json at /workflows/0/states/0/clause", "a clause of this county's document 004"},
        BadWorkflow{"another_documents_clause_on_a_deadline", {{"/workflows/0/states/0/deadline/clause", R"j("000 二(二)")j"}},
                    "/workflows/0/states/0/deadline/clause", "a clause of this county's document 004"},
        BadWorkflow{"clause_without_seed", {{"/workflows/0/transitions/1/clause", R"j("二(九)")j"}}, "/workflows/0/transitions/1/clause",
                    "a clause such as"},
        BadWorkflow{"english_name_missing", {{"/workflows/0/roles/1/name", R"j({"zh": "部门"})j"}}, "/workflows/0/roles/1/name",
                    "missing required field \"en\""},
        BadWorkflow{"duplicate_role", {{"/workflows/0/roles/1/id", R"j("office")j"}}, "/workflows/0/roles/1/id", "duplicate role id \"office\""},
        BadWorkflow{"duplicate_state", {{"/workflows/0/states/1/id", R"j("received")j"}}, "/workflows/0/states/1/id",
                    "duplicate state id \"received\""},
        BadWorkflow{"duplicate_transition", {{"/workflows/0/transitions/2/id", R"j("assign")j"}}, "/workflows/0/transitions/2/id",
                    "duplicate transition id \"assign\""},
        BadWorkflow{"undeclared_holder", {{"/workflows/0/states/0/holder", R"j("leader")j"}}, "/workflows/0/states/0/holder",
                    "a role declared under /workflows/0/roles"},
        BadWorkflow{"no_holder", {{"/workflows/0/states/0/holder", "DELETE"}}, "/workflows/0/states/0/holder", "needs a holder"},
        BadWorkflow{"undeclared_notified_role", {{"/workflows/0/states/0/notify", R"j(["office", "town"])j"}}, "/workflows/0/states/0/notify/1",
                    "a role declared under /workflows/0/roles"},
        BadWorkflow{"undeclared_transition_role", {{"/workflows/0/transitions/0/roles", R"j(["leader"])j"}}, "/workflows/0/transitions/0/roles/0",
                    "a role declared under /workflows/0/roles"},
        BadWorkflow{"no_role_may_take_it", {{"/workflows/0/transitions/0/roles", R"j([])j"}}, "/workflows/0/transitions/0/roles",
                    "at least one role"},
        BadWorkflow{"undeclared_target", {{"/workflows/0/transitions/1/to", R"j("done")j"}}, "/workflows/0/transitions/1/to",
                    "a state declared under /workflows/0/states"},
        BadWorkflow{"undeclared_source", {{"/workflows/0/transitions/1/from", R"j(["new"])j"}}, "/workflows/0/transitions/1/from/0",
                    "a state declared under /workflows/0/states"},
        BadWorkflow{"step_out_of_a_final_state", {{"/workflows/0/transitions/1/from", R"j(["received", "closed"])j"}},
                    "/workflows/0/transitions/1/from/1", "\"closed\" is final"},
        BadWorkflow{"no_opening", {{"/workflows/0/transitions/0/from", R"j(["received"])j"}}, "t.json at /workflows/0/transitions",
                    "at least one opening transition"},
        BadWorkflow{"unreachable_state", {{"/workflows/0/states/3", kLimbo}}, "t.json at /workflows/0/states/3",
                    "no transition from an opening reaches \"limbo\""},
        BadWorkflow{"dead_end",
                    {{"/workflows/0/states/3", kLimbo},
                     {"/workflows/0/transitions/3",
                      R"j({"id": "park", "name": {"zh": "搁置", "en": "park"}, "from": ["received"], "to": "limbo", "roles": ["office"], "clause": "004 二(九)"})j"}},
                    "t.json at /workflows/0/states/3", "no final state can be reached from \"limbo\""},
        BadWorkflow{"no_final_state", {{"/workflows/0/states/2/final", "false"}, {"/workflows/0/states/2/holder", R"j("office")j"}},
                    "t.json at /workflows/0/states", "at least one final state"},
        BadWorkflow{"zero_deadline", {{"/workflows/0/states/0/deadline/working_days", "0"}}, "/workflows/0/states/0/deadline/working_days",
                    "an integer from 1 to 500"},
        BadWorkflow{"zero_maximum", {{"/workflows/0/states/1/deadline/max_working_days", "0"}}, "/workflows/0/states/1/deadline/max_working_days",
                    "an integer from 1 to 500"},
        BadWorkflow{"fixed_and_set", {{"/workflows/0/states/0/deadline/set_by", R"j("deadline")j"}}, "/workflows/0/states/0/deadline",
                    "either \"working_days\""},
        BadWorkflow{"maximum_of_a_fixed_limit", {{"/workflows/0/states/0/deadline/max_working_days", "3"}},
                    "/workflows/0/states/0/deadline/max_working_days", "only a deadline with \"set_by\""},
        BadWorkflow{"longer_is_shorter",
                    {{"/workflows/0/states/1/deadline/longer",
                      R"j({"attribute": "historical", "value": "yes", "working_days": 5, "clause": "004 二(九)"})j"}},
                    "/workflows/0/states/1/deadline/longer/working_days", "more than the ordinary 5 working days"},
        BadWorkflow{"final_with_deadline", {{"/workflows/0/states/2/deadline", R"j({"working_days": 1, "clause": "004 二(九)"})j"}},
                    "/workflows/0/states/2/deadline", "a final state has no deadline"},
        BadWorkflow{"set_deadline_not_asked_for", {{"/workflows/0/transitions/1/needs", R"j(["department"])j"}}, "/workflows/0/transitions/1/needs",
                    "takes its deadline from deadline"},
        BadWorkflow{"overdue_opening", {{"/workflows/0/transitions/0/only_when_overdue", "true"}}, "/workflows/0/transitions/0/only_when_overdue",
                    "an opening transition has no deadline to miss"},
        BadWorkflow{"earliest_day_on_an_opening", {{"/workflows/0/transitions/0/not_before_working_days", "3"}},
                    "/workflows/0/transitions/0/not_before_working_days", "no limit on an opening transition"},
        BadWorkflow{"empty_condition", {{"/workflows/0/transitions/2/when", R"j({"result": []})j"}}, "/workflows/0/transitions/2/when/result",
                    "at least one accepted value"},
        BadWorkflow{"misspelt_field", {{"/workflows/0/states/0/deadine", R"j({})j"}}, "t.json at /workflows/0/states/0",
                    "unknown field \"deadine\""},
        BadWorkflow{"escalation_at_once", {{"/workflows/0/escalation/working_days_overdue", "0"}},
                    "/workflows/0/escalation/working_days_overdue", "an integer from 1 to 500"},
        BadWorkflow{"escalation_to_nobody", {{"/workflows/0/escalation/to", R"j("mayor")j"}}, "/workflows/0/escalation/to",
                    "a role declared under /workflows/0/roles"},
        BadWorkflow{"bad_id", {{"/workflows/0/id", R"j("Demo Flow")j"}}, "/workflows/0/id", "an id of lowercase letters"},
        BadWorkflow{"not_a_list", {{"/workflows", R"j({})j"}}, "t.json at /workflows", "expected an array"}),
    [](const testing::TestParamInfo<BadWorkflow>& item) { return std::string(item.param.name); });

}  // namespace
}  // namespace inspectonce
