// The five counties' workflows as production loads them (each county's plugin, carrying
// its parameter file, loaded by the PluginHost), walked along their main paths and their
// refusals. Every test names the clause it follows; every deadline is asserted as the date
// counted in working days of the official calendar, and every step's clause is checked.
#include <gtest/gtest.h>

#include <initializer_list>

#include "inspectonce/plugin_host.hpp"
#include "inspectonce/workflow.hpp"
#include "test_support.hpp"

namespace inspectonce::workflow {
namespace {

using test::date;

const PolicyData& county(const std::string& id) {
    static PluginHost host;  // the counties' plugins, loaded once, as the app and the CLI load them
    static const bool loaded = [] {
        auto report = host.loadDirectory(INSPECTONCE_PLUGIN_DIR);
        if (!report) ADD_FAILURE() << report.error().message();
        return report.ok();
    }();
    (void)loaded;
    const LoadedPlugin* plugin = host.find(id);
    if (!plugin) {
        ADD_FAILURE() << "no plugin " << id;
        static const PolicyData empty;
        return empty;
    }
    return plugin->policy;
}

const Definition& definition(const std::string& countyId, const std::string& workflowId) {
    const Definition* d = county(countyId).findWorkflow(workflowId);
    if (!d) {
        ADD_FAILURE() << countyId << " has no workflow " << workflowId;
        static const Definition empty;
        return empty;
    }
    return *d;
}

Attributes attrs(std::initializer_list<std::pair<std::string, std::string>> pairs) {
    Attributes out;
    for (const auto& [key, value] : pairs) set(out, key, value);
    return out;
}

// One case walked step by step: a refused step leaves the case as it was and keeps the error.
struct Walk {
    const Definition& d;
    Case c;
    std::string error;
    std::vector<std::string> notify;
    std::string clause;  // of the last step taken

    explicit Walk(const Definition& definition) : d(definition) {}

    bool take(Result<Applied> result) {
        if (!result) {
            error = result.error().message();
            return false;
        }
        error.clear();
        c = result->after;
        notify = result->notify;
        clause = result->clause.text();
        return true;
    }
    bool open(std::string_view transition, const char* role, const char* day, Attributes data) {
        Case subject;
        subject.id = 1;
        return take(workflow::open(d, WorkCalendar::official(), subject, transition, Actor{role, ""}, date(day), data));
    }
    bool step(std::string_view transition, const char* role, const char* day, Attributes data = {}) {
        return take(apply(d, WorkCalendar::official(), c, transition, Actor{role, ""}, date(day), data));
    }
    std::string deadline() const { return c.deadline ? c.deadline->iso() : "none"; }
    std::string deadlineClause() const {
        const State* s = d.state(c.state);
        return s && s->deadline ? s->deadline->clause.text() : "";
    }
    bool refusedWith(const std::string& text) const { return error.find(text) != std::string::npos; }
};

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// ---- Every county --------------------------------------------------------------------

TEST(WorkflowCounty, EachCountyCarriesItsWorkflowsCitingItsOwnDocument) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected{
        {"dinghai", {"finding"}},
        {"pingyang", {"finding", "inspection", "complaint"}},
        {"yuancheng", {"demand", "inspection"}},
        {"wuxi", {"complaint"}},
        {"yunhe", {"inspection", "guidance", "leader-visit", "complaint"}}};
    for (const auto& [id, workflows] : expected) {
        SCOPED_TRACE(id);
        const PolicyData& p = county(id);
        ASSERT_EQ(p.workflows.size(), workflows.size());
        for (std::size_t i = 0; i < workflows.size(); ++i) {
            const Definition& d = p.workflows[i];
            EXPECT_EQ(d.id, workflows[i]);
            EXPECT_EQ(d.clause.text().substr(0, 3), p.document.seed);
            EXPECT_FALSE(d.openings().empty());
            for (const auto& s : d.states) {
                EXPECT_EQ(s.clause.text().substr(0, 3), p.document.seed) << d.id << "/" << s.id;
                if (s.deadline) {
                    EXPECT_EQ(s.deadline->clause.text().substr(0, 3), p.document.seed) << d.id << "/" << s.id;
                }
            }
            for (const auto& t : d.transitions) EXPECT_EQ(t.clause.text().substr(0, 3), p.document.seed) << d.id << "/" << t.id;
        }
    }
}

TEST(WorkflowCounty, TheTextsOwnNumbersAreNotMarkedAsParameters) {
    // 002 三(三)3 and 三(三)4: 3 working days; 004 二(三): 3 working days; the rest the counties chose.
    const Definition& yc = definition("yuancheng", "inspection");
    EXPECT_FALSE(yc.state("report-to-lead")->deadline->parameter);
    EXPECT_EQ(yc.state("report-to-lead")->deadline->workingDays, 3);
    EXPECT_FALSE(yc.state("report-to-committee")->deadline->parameter);
    EXPECT_TRUE(yc.state("planned")->deadline->parameter);
    const Definition& yh = definition("yunhe", "inspection");
    EXPECT_FALSE(yh.state("quiet-filing")->deadline->parameter);
    EXPECT_EQ(yh.state("quiet-filing")->deadline->workingDays, 3);
    EXPECT_EQ(yh.transition("inspect")->notBeforeWorkingDays, 5);
    EXPECT_EQ(definition("yunhe", "leader-visit").transition("visit")->notBeforeWorkingDays, 3);
    EXPECT_TRUE(definition("dinghai", "finding").state("warned")->deadline->parameter);
    EXPECT_TRUE(definition("yuancheng", "demand").escalation->parameter);
}

// ---- Yuancheng 002 三(一): demands ------------------------------------------------------

TEST(WorkflowCounty, Yuancheng_002_3_1_1_SolvedOnTheSpotThenReturnVisitCloses) {
    Walk w(definition("yuancheng", "demand"));
    ASSERT_TRUE(w.open("", "enterprise", "2025-09-29", attrs({{"channel", "window"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "receive");
    EXPECT_EQ(w.clause, "002 三(一)1");
    EXPECT_EQ(w.deadline(), "2025-09-30");  // 1 working day (002 三(一)3 及时受理, the district's number)
    EXPECT_EQ(w.deadlineClause(), "002 三(一)3");
    EXPECT_EQ(holderOf(w.d, w.c), "service-center");
    ASSERT_TRUE(w.step("solve-on-spot", "service-center", "2025-09-30", attrs({{"result", "当场解答"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(一)1");
    EXPECT_EQ(w.c.state, "answered");
    EXPECT_EQ(w.deadline(), "2025-10-14");  // 5 working days for the return visit, across National Day
    EXPECT_EQ(w.deadlineClause(), "002 三(一)4");
    EXPECT_EQ(w.notify, std::vector<std::string>{"enterprise"});
    SCOPED_TRACE("002 三(一)4 回访满意，一事项一清单一结果");
    EXPECT_FALSE(w.step("return-visit", "service-center", "2025-10-14", attrs({{"satisfaction", "unsatisfied"}})));
    EXPECT_TRUE(w.refusedWith("applies when satisfaction is satisfied, basically-satisfied"));
    ASSERT_TRUE(w.step("return-visit", "service-center", "2025-10-14", attrs({{"satisfaction", "satisfied"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(一)4");
    EXPECT_TRUE(w.c.closed);
    EXPECT_EQ(w.c.steps.size(), 3u);
    EXPECT_FALSE(w.step("reopen", "service-center", "2025-10-15", attrs({{"satisfaction", "unsatisfied"}})));
    EXPECT_TRUE(w.refusedWith("was closed"));
}

// Pooled on Fri 2025-09-26 from the hotline and transferred on Sun 2025-09-28 (a working day).
Walk yuanchengTransferred() {
    Walk w(definition("yuancheng", "demand"));
    EXPECT_TRUE(w.open("", "service-center", "2025-09-26", attrs({{"channel", "hotline"}}))) << w.error;
    EXPECT_TRUE(w.step("transfer", "service-center", "2025-09-28", attrs({{"department", "区住建局"}, {"deadline", "2025-10-24"}})))
        << w.error;
    return w;
}

TEST(WorkflowCounty, Yuancheng_002_3_1_1_TransferredWithADeadlineWithinTheLimit) {
    Walk w(definition("yuancheng", "demand"));
    ASSERT_TRUE(w.open("", "service-center", "2025-09-26", attrs({{"channel", "hotline"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "pool");
    EXPECT_EQ(w.clause, "002 三(一)2");
    EXPECT_EQ(w.deadline(), "2025-09-28");  // the next working day is a Sunday worked for National Day
    SCOPED_TRACE("002 三(一)1 转办交办，明确办结时限");
    EXPECT_FALSE(w.step("transfer", "enterprise", "2025-09-28", attrs({{"department", "区住建局"}, {"deadline", "2025-10-24"}})));
    EXPECT_TRUE(w.refusedWith("is for service-center, not enterprise (002 三(一)1)"));
    EXPECT_FALSE(w.step("transfer", "service-center", "2025-09-28", attrs({{"department", "区住建局"}})));
    EXPECT_TRUE(w.refusedWith("needs deadline"));
    // 15 working days from 09-28 reach 10-24.
    EXPECT_FALSE(w.step("transfer", "service-center", "2025-09-28", attrs({{"department", "区住建局"}, {"deadline", "2025-10-27"}})));
    EXPECT_TRUE(w.refusedWith("later than 15 working days after 2025-09-28 (2025-10-24) (002 三(一)1)"));
    EXPECT_FALSE(w.step("transfer", "service-center", "2025-09-28", attrs({{"department", "区住建局"}, {"deadline", "2025-10-04"}})));
    EXPECT_TRUE(w.refusedWith("not a working day"));
    ASSERT_TRUE(w.step("transfer", "service-center", "2025-09-28", attrs({{"department", "区住建局"}, {"deadline", "2025-10-24"}})))
        << w.error;
    EXPECT_EQ(w.clause, "002 三(一)1");
    EXPECT_EQ(w.deadline(), "2025-10-24");
    EXPECT_EQ(holderOf(w.d, w.c), "区住建局");
    EXPECT_EQ(w.notify, std::vector<std::string>{"department"});
    SCOPED_TRACE("002 三(一)3 部门主要负责人审核把关");
    EXPECT_FALSE(w.step("answer", "department", "2025-10-20", attrs({{"result", "已办理"}})));
    EXPECT_TRUE(w.refusedWith("needs reviewed-by"));
    ASSERT_TRUE(w.step("answer", "department", "2025-10-20", attrs({{"result", "已办理"}, {"reviewed-by", "局长"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(一)3");
    EXPECT_EQ(w.deadline(), "2025-10-27");
    SCOPED_TRACE("002 三(一)4 满意度较低，重新交办");
    ASSERT_TRUE(w.step("reopen", "service-center", "2025-10-21",
                       attrs({{"satisfaction", "unsatisfied"}, {"department", "区住建局"}, {"deadline", "2025-10-31"}})))
        << w.error;
    EXPECT_EQ(w.c.state, "handling");
    EXPECT_EQ(w.clause, "002 三(一)4");
    EXPECT_EQ(w.deadline(), "2025-10-31");
}

TEST(WorkflowCounty, Yuancheng_002_3_1_2_CannotBeHandledNeedsTheHeadsSignature) {
    Walk w = yuanchengTransferred();
    ASSERT_TRUE(w.step("cannot-handle", "department", "2025-10-09", attrs({{"reason", "政策暂不支持"}}))) << w.error;
    EXPECT_EQ(w.c.state, "awaiting-signoff");
    EXPECT_EQ(w.clause, "002 三(一)2");
    EXPECT_EQ(w.deadline(), "2025-10-11");  // 2 working days: 10-10, 10-11 (a Saturday worked)
    EXPECT_EQ(w.notify, std::vector<std::string>{"head"});
    EXPECT_EQ(holderOf(w.d, w.c), "head");
    EXPECT_FALSE(w.step("sign-cannot", "department", "2025-10-10", attrs({{"signed-by", "股长"}, {"result", "无法办理"}})));
    EXPECT_TRUE(w.refusedWith("\"sign-cannot\" is for head, not department (002 三(一)2)"));
    ASSERT_TRUE(w.step("sign-cannot", "head", "2025-10-10", attrs({{"signed-by", "局长"}, {"result", "无法办理"}}))) << w.error;
    EXPECT_EQ(w.c.state, "answered");
    EXPECT_EQ(w.clause, "002 三(一)2");
    EXPECT_EQ(*find(w.c.attributes, "signed-by"), "局长");
}

TEST(WorkflowCounty, Yuancheng_002_3_1_2_LegalAndDisciplineMattersAreReferredAndMajorIssuesRaised) {
    Walk w = yuanchengTransferred();
    Walk copy = w;
    EXPECT_FALSE(w.step("refer-legal", "service-center", "2025-09-30", attrs({{"matter", "discipline"}})));
    EXPECT_TRUE(w.refusedWith("applies when matter is legal, litigation, unlawful"));
    ASSERT_TRUE(w.step("refer-discipline", "service-center", "2025-09-30", attrs({{"matter", "discipline"}}))) << w.error;
    EXPECT_TRUE(w.c.closed);
    EXPECT_EQ(w.c.state, "referred-discipline");
    EXPECT_EQ(w.notify, std::vector<std::string>{"discipline"});
    EXPECT_EQ(w.clause, "002 三(一)2");
    EXPECT_FALSE(copy.step("raise-major", "service-center", "2025-09-30", attrs({{"reason", "涉及全区"}})));
    EXPECT_TRUE(copy.refusedWith("applies when major is yes"));
    ASSERT_TRUE(copy.step("raise-major", "service-center", "2025-09-30", attrs({{"reason", "涉及全区"}, {"major", "yes"}}))) << copy.error;
    EXPECT_EQ(copy.c.state, "with-office");
    EXPECT_EQ(copy.notify, std::vector<std::string>{"business-office"});
    EXPECT_EQ(copy.deadline(), "2025-10-21");  // 10 working days from 09-30
}

TEST(WorkflowCounty, Yuancheng_002_3_1_4_UrgedOnceWhenOverdueAndEscalated) {
    Walk w = yuanchengTransferred();  // deadline 2025-10-24
    EXPECT_EQ(standingOn(w.c, date("2025-10-23")), Standing::DueSoon);
    EXPECT_EQ(standingOn(w.c, date("2025-10-24")), Standing::DueToday);
    EXPECT_EQ(standingOn(w.c, date("2025-10-30")), Standing::Overdue);
    ASSERT_TRUE(w.c.escalateOn);
    EXPECT_EQ(w.c.escalateOn->iso(), "2025-10-31");  // 5 working days after the deadline, to the head
    EXPECT_EQ(standingOn(w.c, date("2025-10-31")), Standing::Escalated);
    EXPECT_EQ(w.d.escalation->to, "head");
    EXPECT_EQ(w.d.escalation->clause.text(), "002 三(一)4");
    EXPECT_FALSE(w.step("urge", "service-center", "2025-10-24", attrs({{"deadline", "2025-10-31"}})));
    EXPECT_TRUE(w.refusedWith("has not passed on 2025-10-24 (002 三(一)4)"));
    ASSERT_TRUE(w.step("urge", "service-center", "2025-10-27", attrs({{"deadline", "2025-10-31"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(一)4");
    EXPECT_EQ(w.deadline(), "2025-10-31");
    EXPECT_EQ(standingOn(w.c, date("2025-10-27")), Standing::OnTime);
}

// ---- Yuancheng 002 三(三): inspections ---------------------------------------------------

TEST(WorkflowCounty, Yuancheng_002_3_2_1_HeadApproves_3_3_JointInspectionReportedWithin3WorkingDaysAfterClosure) {
    Walk w(definition("yuancheng", "inspection"));
    ASSERT_TRUE(w.open("propose", "department", "2025-09-19", attrs({{"planned-date", "2025-09-29"}, {"items", "消防"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(二)1");
    EXPECT_EQ(holderOf(w.d, w.c), "head");
    SCOPED_TRACE("002 三(二)1 经本部门主要负责同志批准后方可实施");
    EXPECT_FALSE(w.step("approve", "department", "2025-09-22", attrs({{"approved-by", "股长"}})));
    EXPECT_TRUE(w.refusedWith("is for head, not department (002 三(三)1)"));
    ASSERT_TRUE(w.step("approve", "head", "2025-09-22", attrs({{"approved-by", "局长"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(三)1");
    EXPECT_EQ(w.deadline(), "2025-09-25");
    EXPECT_EQ(w.notify, std::vector<std::string>{"park-committee"});
    EXPECT_FALSE(w.step("schedule", "department", "2025-09-24", attrs({{"date", "2025-09-26"}, {"lead", "应急局"}})));
    ASSERT_TRUE(w.step("schedule", "park-committee", "2025-09-24", attrs({{"date", "2025-09-26"}, {"lead", "应急局"}}))) << w.error;
    EXPECT_TRUE(has(w.notify, "enterprise"));  // 002 三(三)2 提前告知企业
    EXPECT_EQ(w.deadline(), "none");
    ASSERT_TRUE(w.step("inspect-jointly", "lead-department", "2025-09-26", attrs({{"result", "hazards"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(三)2");
    EXPECT_FALSE(w.step("close-clean", "department", "2025-09-26"));
    ASSERT_TRUE(w.step("order-remedy", "department", "2025-09-26", attrs({{"deadline", "2025-10-10"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-10-10");
    ASSERT_TRUE(w.step("reinspect-jointly", "department", "2025-10-10", attrs({{"reinspection", "已整改"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(三)3");
    ASSERT_TRUE(w.step("close-procedure", "department", "2025-10-10", attrs({{"outcome", "复查合格"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-10-14");  // 3 working days after closure, the document's number
    EXPECT_EQ(w.deadlineClause(), "002 三(三)3");
    ASSERT_TRUE(w.step("report-to-lead", "department", "2025-10-14")) << w.error;
    EXPECT_TRUE(w.c.closed);
    EXPECT_EQ(w.notify, (std::vector<std::string>{"lead-department", "park-committee"}));
}

TEST(WorkflowCounty, Yuancheng_002_3_3_4_DirectInspectionReportedWithin3WorkingDays) {
    Walk w(definition("yuancheng", "inspection"));
    EXPECT_FALSE(w.open("go-directly", "department", "2025-12-29", attrs({{"reason", "routine"}})));
    EXPECT_TRUE(w.refusedWith("applies when reason is superior, urgent, complaint"));
    EXPECT_TRUE(w.refusedWith("(002 三(三)1)"));
    ASSERT_TRUE(w.open("go-directly", "department", "2025-12-29", attrs({{"reason", "complaint"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "go-directly");
    EXPECT_EQ(w.clause, "002 三(三)1");
    ASSERT_TRUE(w.step("finish-direct", "department", "2025-12-30", attrs({{"result", "已查处"}}))) << w.error;
    EXPECT_EQ(w.clause, "002 三(三)4");
    // 12-31, then 2026-01-04 (a Sunday worked after New Year), 01-05.
    EXPECT_EQ(w.deadline(), "2026-01-05");
    ASSERT_TRUE(w.step("report-direct", "department", "2026-01-05")) << w.error;
    EXPECT_TRUE(w.c.closed);
}

// ---- Dinghai 000 二(二)(三): findings ---------------------------------------------------

TEST(WorkflowCounty, Dinghai_000_2_2_1_MinorWarnedThenUrgentWhenNotCorrectedInTime) {
    Walk w(definition("dinghai", "finding"));
    ASSERT_TRUE(w.open("", "department", "2025-09-15", attrs({{"severity", "minor"}, {"problem", "台账不全"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "warn");
    EXPECT_EQ(w.clause, "000 二(二)1");
    EXPECT_EQ(w.deadline(), "2025-09-28");  // 10 working days, the last a Sunday worked
    EXPECT_EQ(w.notify, (std::vector<std::string>{"town", "platform", "authority"}));
    EXPECT_EQ(holderOf(w.d, w.c), "enterprise");
    EXPECT_FALSE(w.step("escalate-urgent", "department", "2025-09-28"));
    EXPECT_TRUE(w.refusedWith("has not passed on 2025-09-28 (000 二(二)1)"));
    ASSERT_TRUE(w.step("escalate-urgent", "department", "2025-09-29")) << w.error;
    EXPECT_EQ(w.c.state, "urgent-warned");
    EXPECT_EQ(w.clause, "000 二(二)1");
    EXPECT_EQ(w.notify, (std::vector<std::string>{"town", "platform", "authority", "district-leader"}));
    EXPECT_EQ(w.deadline(), "2025-10-10");  // 3 working days for the commitment
    SCOPED_TRACE("000 二(三) 企业作出整改承诺");
    EXPECT_FALSE(w.step("commit", "department", "2025-09-29", attrs({{"commitment", "补齐台账"}, {"deadline", "2025-11-03"}})));
    EXPECT_TRUE(w.refusedWith("is for enterprise, not department (000 二(三))"));
    EXPECT_FALSE(w.step("commit", "enterprise", "2025-09-29", attrs({{"commitment", "补齐台账"}, {"deadline", "2025-11-04"}})));
    EXPECT_TRUE(w.refusedWith("later than 20 working days after 2025-09-29 (2025-11-03) (000 二(三))"));
    ASSERT_TRUE(w.step("commit", "enterprise", "2025-09-29", attrs({{"commitment", "补齐台账"}, {"deadline", "2025-11-03"}}))) << w.error;
    EXPECT_EQ(w.clause, "000 二(三)");
    EXPECT_EQ(w.deadline(), "2025-11-03");
    SCOPED_TRACE("000 二(三)2-3 到期回访，整改到位不予处罚，销号");
    EXPECT_FALSE(w.step("penalise-prominent", "department", "2025-11-03", attrs({{"check", "ok"}, {"penalty", "罚款"}})));
    ASSERT_TRUE(w.step("check-rectified", "department", "2025-11-03", attrs({{"check", "已整改"}}))) << w.error;
    EXPECT_EQ(w.c.state, "closed");
    EXPECT_EQ(w.clause, "000 二(三)2");
    EXPECT_EQ(w.d.state("closed")->clause.text(), "000 二(三)3");
    EXPECT_TRUE(w.c.closed);
}

TEST(WorkflowCounty, Dinghai_000_2_2_HistoricalProblemsGetLongerDeadlines) {
    Walk w(definition("dinghai", "finding"));
    ASSERT_TRUE(w.open("warn", "department", "2025-09-15", attrs({{"severity", "minor"}, {"problem", "两证补办"}, {"historical", "yes"}})))
        << w.error;
    EXPECT_EQ(w.deadline(), "2025-10-31");  // 30 working days instead of 10
    EXPECT_EQ(w.d.state("warned")->deadline->longer->clause.text(), "000 二(二)");
    Walk g(definition("dinghai", "finding"));
    ASSERT_TRUE(g.open("", "department", "2025-09-29", attrs({{"severity", "general"}, {"problem", "两证补办"}, {"historical", "yes"}})))
        << g.error;
    EXPECT_EQ(g.c.steps.back().transition, "urgent-warn");
    EXPECT_FALSE(g.step("commit", "enterprise", "2025-09-29", attrs({{"commitment", "补办"}, {"deadline", "2025-12-30"}})));
    EXPECT_TRUE(g.refusedWith("later than 60 working days after 2025-09-29 (2025-12-29) (000 二(二))"));
    ASSERT_TRUE(g.step("commit", "enterprise", "2025-09-29", attrs({{"commitment", "补办"}, {"deadline", "2025-12-29"}}))) << g.error;
    EXPECT_EQ(g.deadline(), "2025-12-29");
}

TEST(WorkflowCounty, Dinghai_000_2_2_2_GeneralNotRectifiedByTheDateIsPenalised) {
    Walk w(definition("dinghai", "finding"));
    ASSERT_TRUE(w.open("", "department", "2025-11-03", attrs({{"severity", "general"}, {"problem", "超范围经营"}}))) << w.error;
    EXPECT_EQ(w.clause, "000 二(二)2");
    EXPECT_EQ(w.deadline(), "2025-11-06");
    EXPECT_TRUE(has(w.notify, "district-leader"));
    ASSERT_TRUE(w.step("commit", "enterprise", "2025-11-05", attrs({{"commitment", "停止超范围经营"}, {"deadline", "2025-11-28"}})))
        << w.error;
    EXPECT_EQ(w.deadline(), "2025-11-28");
    EXPECT_EQ(standingOn(w.c, date("2025-11-27")), Standing::DueSoon);  // two working days' reminder
    EXPECT_EQ(standingOn(w.c, date("2025-11-26")), Standing::DueSoon);
    EXPECT_EQ(standingOn(w.c, date("2025-11-25")), Standing::OnTime);
    EXPECT_FALSE(w.step("penalise-not-rectified", "department", "2025-11-28", attrs({{"check", "未整改"}, {"penalty", "罚款"}})));
    EXPECT_TRUE(w.refusedWith("(000 二(二)2)"));
    ASSERT_TRUE(w.step("penalise-not-rectified", "department", "2025-12-01", attrs({{"check", "未整改"}, {"penalty", "罚款"}}))) << w.error;
    EXPECT_EQ(w.c.state, "penalised");
    EXPECT_EQ(w.clause, "000 二(二)2");
    EXPECT_TRUE(w.c.closed);
}

TEST(WorkflowCounty, Dinghai_000_2_2_3_ProminentIsPenalisedEvenWhenRectified) {
    Walk w(definition("dinghai", "finding"));
    ASSERT_TRUE(w.open("", "department", "2025-11-03", attrs({{"severity", "prominent"}, {"problem", "群众举报"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "order-and-penalise");
    EXPECT_EQ(w.clause, "000 二(二)3");
    EXPECT_TRUE(has(w.notify, "district-leader"));
    ASSERT_TRUE(w.step("commit", "enterprise", "2025-11-04", attrs({{"commitment", "整改"}, {"deadline", "2025-11-14"}}))) << w.error;
    EXPECT_FALSE(w.step("check-rectified", "department", "2025-11-14", attrs({{"check", "已整改"}})));
    EXPECT_TRUE(w.refusedWith("applies when severity is minor, general, and it is \"prominent\""));
    ASSERT_TRUE(w.step("penalise-prominent", "department", "2025-11-14", attrs({{"check", "已整改"}, {"penalty", "罚款"}}))) << w.error;
    EXPECT_EQ(w.clause, "000 二(二)3");
    EXPECT_EQ(w.c.state, "penalised");
    Walk none(definition("dinghai", "finding"));
    EXPECT_FALSE(none.open("", "department", "2025-11-03", attrs({{"severity", "outside"}, {"problem", "x"}})));
}

// ---- Pingyang 001 三.6, 三.3, 三.5 ---------------------------------------------------------

TEST(WorkflowCounty, Pingyang_001_3_6_FirstMinorViolationCorrectedIsNotPenalised) {
    Walk w(definition("pingyang", "finding"));
    ASSERT_TRUE(w.open("find", "department", "2025-06-09", attrs({{"violation", "标识不全"}}))) << w.error;
    EXPECT_EQ(w.clause, "001 三.6");
    EXPECT_EQ(w.deadline(), "2025-06-16");
    EXPECT_FALSE(w.step("no-penalty", "department", "2025-06-10",
                        attrs({{"commitment", "承诺书"}, {"minor", "yes"}, {"corrected-in-time", "yes"}})));
    EXPECT_TRUE(w.refusedWith("applies when no-harm is yes"));
    EXPECT_FALSE(w.step("no-penalty", "department", "2025-06-10",
                        attrs({{"minor", "yes"}, {"corrected-in-time", "yes"}, {"no-harm", "yes"}})));
    EXPECT_TRUE(w.refusedWith("needs commitment"));
    ASSERT_TRUE(w.step("no-penalty", "department", "2025-06-10",
                       attrs({{"commitment", "承诺书"}, {"minor", "yes"}, {"corrected-in-time", "yes"}, {"no-harm", "yes"}})))
        << w.error;
    EXPECT_EQ(w.c.state, "not-penalised");
    EXPECT_EQ(w.clause, "001 三.6");
    EXPECT_TRUE(w.c.closed);
}

TEST(WorkflowCounty, Pingyang_001_3_6_PenaltyNeedsLegalReviewAndCollectiveDecisionAndHardshipGetsDeferral) {
    Walk w(definition("pingyang", "finding"));
    ASSERT_TRUE(w.open("find", "department", "2025-06-09", attrs({{"violation", "严重违法"}}))) << w.error;
    ASSERT_TRUE(w.step("propose-penalty", "department", "2025-06-10", attrs({{"grounds", "严重违法"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-06-17");
    EXPECT_EQ(holderOf(w.d, w.c), "legal");
    EXPECT_FALSE(w.step("pass-review", "department", "2025-06-11", attrs({{"review", "通过"}})));
    EXPECT_TRUE(w.refusedWith("is for legal, not department (001 三.6)"));
    ASSERT_TRUE(w.step("pass-review", "legal", "2025-06-11", attrs({{"review", "通过"}}))) << w.error;
    EXPECT_FALSE(w.step("decide-penalty", "department", "2025-06-12", attrs({{"decision", "罚款"}})));
    ASSERT_TRUE(w.step("decide-penalty", "head", "2025-06-12", attrs({{"decision", "罚款"}}))) << w.error;
    EXPECT_EQ(w.c.state, "penalised");
    ASSERT_TRUE(w.step("request-deferral", "enterprise", "2025-06-20", attrs({{"hardship", "资金困难"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-06-27");
    ASSERT_TRUE(w.step("grant-deferral", "department", "2025-06-23", attrs({{"schedule", "分三期"}}))) << w.error;
    ASSERT_TRUE(w.step("pay", "enterprise", "2025-09-01", attrs({{"paid-on", "2025-09-01"}}))) << w.error;
    EXPECT_EQ(w.c.state, "paid");
    for (const auto& s : w.c.steps) EXPECT_EQ(s.clause.text(), "001 三.6") << s.transition;
}

TEST(WorkflowCounty, Pingyang_001_3_3_EveryInspectionFiledBeforeAndAfter) {
    Walk w(definition("pingyang", "inspection"));
    EXPECT_FALSE(w.open("inspect", "department", "2025-06-02", attrs({{"result", "x"}})));
    EXPECT_TRUE(w.refusedWith("does not open a case; these do: file-before"));
    ASSERT_TRUE(w.open("", "department", "2025-06-02", attrs({{"period", "month"}, {"planned-date", "2025-06-10"}, {"items", "消防"}})))
        << w.error;
    EXPECT_EQ(w.clause, "001 三.3");
    EXPECT_EQ(w.notify, std::vector<std::string>{"filing-office"});
    ASSERT_TRUE(w.step("inspect", "department", "2025-06-10", attrs({{"result", "合格"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-06-17");
    EXPECT_EQ(w.deadlineClause(), "001 三.3");
    ASSERT_TRUE(w.step("file-after", "department", "2025-06-17", attrs({{"record", "事后备案"}}))) << w.error;
    EXPECT_TRUE(w.c.closed);
}

TEST(WorkflowCounty, Pingyang_001_3_5_ComplaintOnBangqiyunHandledAndAnswered) {
    Walk w(definition("pingyang", "complaint"));
    ASSERT_TRUE(w.open("", "enterprise", "2025-06-09", attrs({{"channel", "platform"}, {"subject", "服务周内入企检查"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "complain");
    EXPECT_EQ(w.deadline(), "2025-06-10");
    ASSERT_TRUE(w.step("assign", "platform", "2025-06-10", attrs({{"department", "县市场监管局"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-06-24");
    EXPECT_EQ(holderOf(w.d, w.c), "县市场监管局");
    ASSERT_TRUE(w.step("handle", "department", "2025-06-20", attrs({{"result", "已纠正"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-06-24");
    ASSERT_TRUE(w.step("feedback", "department", "2025-06-23", attrs({{"feedback", "已反馈"}}))) << w.error;
    EXPECT_EQ(w.clause, "001 三.5");
    EXPECT_TRUE(w.c.closed);
    Walk liaison(definition("pingyang", "complaint"));
    ASSERT_TRUE(liaison.open("", "liaison", "2025-06-09", attrs({{"channel", "liaison"}, {"subject", "用工难"}}))) << liaison.error;
    EXPECT_EQ(liaison.c.steps.back().transition, "collect");
}

// ---- Wuxi 003 二(十): complaints with the basis of results --------------------------------

TEST(WorkflowCounty, Wuxi_003_2_10_ComplaintAnsweredWithTheBasisAndAppealed) {
    Walk w(definition("wuxi", "complaint"));
    ASSERT_TRUE(w.open("", "enterprise", "2025-04-28", attrs({{"channel", "12345"}, {"subject", "检查结果有异议"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "complain-hotline");
    EXPECT_EQ(w.deadline(), "2025-04-29");
    ASSERT_TRUE(w.step("assign", "hotline", "2025-04-29", attrs({{"department", "市场监管局"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-05-16");  // 10 working days across Labour Day 2025
    EXPECT_FALSE(w.step("answer", "department", "2025-05-12", attrs({{"result", "维持"}})));
    EXPECT_TRUE(w.refusedWith("needs basis"));
    EXPECT_TRUE(w.refusedWith("(003 二(十))"));
    ASSERT_TRUE(w.step("answer", "department", "2025-05-12", attrs({{"result", "维持"}, {"basis", "《产品质量法》第xx条"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-05-26");
    EXPECT_EQ(holderOf(w.d, w.c), "enterprise");
    EXPECT_FALSE(w.step("close-unappealed", "hotline", "2025-05-26"));
    Walk closed = w;
    ASSERT_TRUE(closed.step("close-unappealed", "hotline", "2025-05-27")) << closed.error;
    EXPECT_TRUE(closed.c.closed);
    ASSERT_TRUE(w.step("appeal", "enterprise", "2025-05-20", attrs({{"grounds", "抽样程序不当"}}))) << w.error;
    EXPECT_FALSE(w.step("decide-appeal", "department", "2025-05-30", attrs({{"result", "撤销"}})));
    ASSERT_TRUE(w.step("decide-appeal", "department", "2025-05-30", attrs({{"result", "撤销"}, {"basis", "复核意见"}}))) << w.error;
    EXPECT_TRUE(w.c.closed);
    for (const auto& s : w.c.steps) EXPECT_EQ(s.clause.text(), "003 二(十)") << s.transition;
}

TEST(WorkflowCounty, Wuxi_003_2_10_ArbitraryPenaltiesGoToTheDisciplineBody) {
    Walk w(definition("wuxi", "complaint"));
    ASSERT_TRUE(w.open("", "association", "2025-04-28", attrs({{"channel", "association"}, {"subject", "乱罚款"}}))) << w.error;
    EXPECT_FALSE(w.step("refer-discipline", "hotline", "2025-04-29", attrs({{"misconduct", "rude"}})));
    ASSERT_TRUE(w.step("refer-discipline", "hotline", "2025-04-29", attrs({{"misconduct", "arbitrary-penalty"}}))) << w.error;
    EXPECT_EQ(w.notify, std::vector<std::string>{"discipline"});
    EXPECT_TRUE(w.c.closed);
}

// ---- Yunhe 004 二(二)(三)(五)(七)(九)(十) ---------------------------------------------------

TEST(WorkflowCounty, Yunhe_004_2_2_5_10_FiledNoticed5WorkingDaysAheadInspectedWithTheCode) {
    Walk w(definition("yunhe", "inspection"));
    ASSERT_TRUE(w.open("", "department", "2025-09-01",
                       attrs({{"quiet-period", "no"}, {"items", "消防"}, {"method", "on-site"}, {"planned-date", "2025-09-10"}})))
        << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "file");
    EXPECT_EQ(w.clause, "004 二(二)");
    EXPECT_EQ(w.deadline(), "2025-09-04");
    EXPECT_EQ(w.notify, std::vector<std::string>{"office"});
    ASSERT_TRUE(w.step("coordinate", "office", "2025-09-02", attrs({{"coordination", "单独实施"}}))) << w.error;
    ASSERT_TRUE(w.step("send-notice", "department", "2025-09-03", attrs({{"inspectors", "张三、李四"}}))) << w.error;
    EXPECT_EQ(w.clause, "004 二(五)");
    EXPECT_EQ(w.notify, std::vector<std::string>{"enterprise"});
    SCOPED_TRACE("004 二(五) 预告期限不少于5个工作日; 004 二(十) 查时亮码");
    EXPECT_FALSE(w.step("inspect", "department", "2025-09-09", attrs({{"code", "YH-2025-0001"}})));
    EXPECT_TRUE(w.refusedWith("5 working days after 2025-09-03 at the earliest (2025-09-10)"));
    EXPECT_FALSE(w.step("inspect", "department", "2025-09-10"));
    EXPECT_TRUE(w.refusedWith("needs code"));
    ASSERT_TRUE(w.step("inspect", "department", "2025-09-10", attrs({{"code", "YH-2025-0001"}}))) << w.error;
    EXPECT_EQ(w.d.state("on-site")->clause.text(), "004 二(十)");
    ASSERT_TRUE(w.step("order-rectification", "department", "2025-09-10", attrs({{"result", "violation"}, {"deadline", "2025-09-30"}})))
        << w.error;
    EXPECT_EQ(w.deadline(), "2025-09-30");
    ASSERT_TRUE(w.step("reinspect-jointly", "department", "2025-09-30", attrs({{"reinspection", "已整改"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-10-14");
    ASSERT_TRUE(w.step("report", "department", "2025-10-13", attrs({{"report", "检查报告"}}))) << w.error;
    EXPECT_TRUE(w.c.closed);
    EXPECT_EQ(w.notify, std::vector<std::string>{"office"});
}

TEST(WorkflowCounty, Yunhe_004_2_3_QuietPeriodInspectionNeedsTheHeadAndFilingWithin3WorkingDays) {
    Walk w(definition("yunhe", "inspection"));
    ASSERT_TRUE(w.open("", "department", "2025-09-22",
                       attrs({{"quiet-period", "yes"}, {"items", "安全"}, {"method", "on-site"}, {"planned-date", "2025-09-25"},
                              {"reason", "确需检查"}})))
        << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "ask-approval");
    EXPECT_EQ(w.clause, "004 二(三)");
    EXPECT_EQ(holderOf(w.d, w.c), "head");
    EXPECT_FALSE(w.step("head-approve", "department", "2025-09-24", attrs({{"approved-by", "科长"}})));
    EXPECT_TRUE(w.refusedWith("is for head, not department (004 二(三))"));
    ASSERT_TRUE(w.step("head-approve", "head", "2025-09-24", attrs({{"approved-by", "局长"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-09-28");  // 3 working days, the document's number; the last a Sunday worked
    EXPECT_EQ(w.deadlineClause(), "004 二(三)");
    ASSERT_TRUE(w.step("file-quiet", "department", "2025-09-26")) << w.error;
    EXPECT_EQ(w.c.state, "filed");
}

TEST(WorkflowCounty, Yunhe_004_2_7_BookedGuidanceIsNeverADisguisedInspection) {
    Walk w(definition("yunhe", "guidance"));
    EXPECT_FALSE(w.open("", "department", "2025-10-09", attrs({{"channel", "online"}, {"health-check", "表单"}})));
    EXPECT_TRUE(w.refusedWith("is for enterprise, not department (004 二(七))"));
    ASSERT_TRUE(w.open("", "enterprise", "2025-10-09", attrs({{"channel", "online"}, {"health-check", "表单"}}))) << w.error;
    EXPECT_EQ(w.c.steps.back().transition, "book-online");
    EXPECT_EQ(w.deadline(), "2025-10-15");
    ASSERT_TRUE(w.step("accept", "department", "2025-10-10", attrs({{"service-date", "2025-10-20"}}))) << w.error;
    EXPECT_FALSE(w.step("serve", "department", "2025-10-20", attrs({{"advice", "x"}, {"purpose", "inspection"}})));
    EXPECT_TRUE(w.refusedWith("applies when purpose is guidance"));
    ASSERT_TRUE(w.step("serve", "department", "2025-10-20", attrs({{"advice", "合规建议"}, {"purpose", "guidance"}}))) << w.error;
    EXPECT_EQ(w.clause, "004 二(七)");
    EXPECT_TRUE(w.c.closed);
    Walk grid(definition("yunhe", "guidance"));
    ASSERT_TRUE(grid.open("", "grid", "2025-10-09", attrs({{"channel", "offline"}, {"health-check", "表单"}}))) << grid.error;
    EXPECT_EQ(grid.c.steps.back().transition, "book-offline");
}

TEST(WorkflowCounty, Yunhe_004_2_5_LeadersVisitFiled3WorkingDaysAheadAndRelatedToTheBusiness) {
    Walk w(definition("yunhe", "leader-visit"));
    EXPECT_FALSE(w.open("", "leader", "2025-09-26", attrs({{"planned-date", "2025-09-30"}, {"purpose", "座谈"}, {"related-to-business", "no"}})));
    EXPECT_TRUE(w.refusedWith("no opening transition applies"));
    ASSERT_TRUE(w.open("", "leader", "2025-09-26", attrs({{"planned-date", "2025-09-30"}, {"purpose", "调研产能"}, {"related-to-business", "yes"}})))
        << w.error;
    EXPECT_EQ(w.clause, "004 二(五)");
    EXPECT_EQ(w.notify, std::vector<std::string>{"office"});
    // 3 working days after Fri 09-26: 09-28 (a Sunday worked), 09-29, 09-30.
    EXPECT_FALSE(w.step("visit", "leader", "2025-09-29"));
    EXPECT_TRUE(w.refusedWith("3 working days after 2025-09-26 at the earliest (2025-09-30), not on 2025-09-29 (004 二(五))")) << w.error;
    ASSERT_TRUE(w.step("visit", "leader", "2025-09-30")) << w.error;
    EXPECT_TRUE(w.c.closed);
}

TEST(WorkflowCounty, Yunhe_004_2_9_ComplaintsHandledFirstTimeClosedLoop) {
    Walk w(definition("yunhe", "complaint"));
    ASSERT_TRUE(w.open("complain", "enterprise", "2025-09-29", attrs({{"subject", "重复检查"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-09-30");
    ASSERT_TRUE(w.step("assign", "office", "2025-09-30", attrs({{"department", "县应急管理局"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-10-14");
    ASSERT_TRUE(w.step("respond", "department", "2025-10-09", attrs({{"result", "已合并检查"}}))) << w.error;
    EXPECT_EQ(w.deadline(), "2025-10-13");
    Walk reopened = w;
    ASSERT_TRUE(reopened.step("reopen", "office", "2025-10-10", attrs({{"satisfaction", "unsatisfied"}}))) << reopened.error;
    EXPECT_EQ(reopened.c.state, "handling");
    EXPECT_EQ(reopened.deadline(), "2025-10-16");
    ASSERT_TRUE(w.step("confirm", "office", "2025-10-10", attrs({{"satisfaction", "satisfied"}}))) << w.error;
    EXPECT_TRUE(w.c.closed);
    for (const auto& s : w.c.steps) EXPECT_EQ(s.clause.text(), "004 二(九)") << s.transition;
}

}  // namespace
}  // namespace inspectonce::workflow
