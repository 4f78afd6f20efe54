// What the case screens decide without drawing: the inbox filter, the fields a transition's
// form asks for and which are still missing, the board's columns, the report tables.
#include <gtest/gtest.h>

#include <algorithm>

#include "case_logic.hpp"
#include "case_reports.hpp"
#include "inspectonce/plugin_host.hpp"

namespace inspectonce::test {
namespace {

const PluginHost& plugins() {
    static PluginHost host;
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        EXPECT_TRUE(host.loadDirectory(INSPECTONCE_PLUGIN_DIR));
    }
    return host;
}

const workflow::Definition& definitionOf(const char* county, const char* workflow) {
    const LoadedPlugin* plugin = plugins().find(county);
    EXPECT_NE(plugin, nullptr) << county;
    const workflow::Definition* definition = plugin->policy.findWorkflow(workflow);
    EXPECT_NE(definition, nullptr) << county << " " << workflow;
    return *definition;
}

const ui::Field* fieldOf(const std::vector<ui::Field>& fields, const std::string& key) {
    auto found = std::find_if(fields.begin(), fields.end(), [&](const ui::Field& f) { return f.key == key; });
    return found == fields.end() ? nullptr : &*found;
}

Date day(const char* iso) { return Date::parse(iso).value(); }

workflow::Case caseOf(int64_t id, const char* state, const char* title, std::optional<Date> deadline, bool closed = false) {
    workflow::Case item;
    item.id = id;
    item.workflow = "demand";
    item.state = state;
    item.title = title;
    item.deadline = deadline;
    item.closed = closed;
    return item;
}

}  // namespace

TEST(CaseLogic, TheInboxOffersEveryWorkflowButFindings) {
    const PolicyData& yunhe = plugins().find("yunhe")->policy;
    auto offered = ui::inboxWorkflows(yunhe);
    EXPECT_EQ(offered.size(), yunhe.workflows.size());  // yunhe has no findings workflow
    const PolicyData& dinghai = plugins().find("dinghai")->policy;
    EXPECT_TRUE(ui::inboxWorkflows(dinghai).empty());   // its only workflow is findings
    const PolicyData& pingyang = plugins().find("pingyang")->policy;
    for (const auto* definition : ui::inboxWorkflows(pingyang)) EXPECT_NE(definition->id, "finding");
}

TEST(CaseLogic, TheFilterKeepsOpenClosedOrOverdueCasesAndMatchesTheirWords) {
    Workspace workspace;
    workspace.cases = {caseOf(1, "received", "路灯不亮", day("2026-03-10")),
                       caseOf(2, "handling", "用电报装", day("2026-03-20")),
                       caseOf(3, "closed", "咨询政策", std::nullopt, true)};
    Date today = day("2026-03-16");
    auto ids = [&](ui::CaseShow show, const char* search) {
        std::vector<int64_t> out;
        for (int32_t row : ui::inboxRows(workspace, "demand", show, search, today)) out.push_back(workspace.cases[static_cast<std::size_t>(row)].id);
        return out;
    };
    EXPECT_EQ(ids(ui::CaseShow::Open, ""), (std::vector<int64_t>{2, 1}));  // newest first
    EXPECT_EQ(ids(ui::CaseShow::Closed, ""), (std::vector<int64_t>{3}));
    EXPECT_EQ(ids(ui::CaseShow::Overdue, ""), (std::vector<int64_t>{1}));
    EXPECT_EQ(ids(ui::CaseShow::All, "报装"), (std::vector<int64_t>{2}));
    EXPECT_EQ(ids(ui::CaseShow::All, "3"), (std::vector<int64_t>{3}));
    EXPECT_TRUE(ids(ui::CaseShow::Open, "咨询").empty());
    EXPECT_TRUE(ui::inboxRows(workspace, "complaint", ui::CaseShow::All, "", today).empty());
    // On the deadline's day it is due, not yet late.
    EXPECT_TRUE(ui::isLate(workflow::standingOn(workspace.cases[0], today)));
    EXPECT_TRUE(ui::isDueSoon(workflow::standingOn(workspace.cases[0], day("2026-03-10"))));
}

TEST(CaseLogic, ATransitionAsksForWhatItNeedsAndWhatItsConditionLooksAt) {
    const workflow::Definition& demand = definitionOf("yuancheng", "demand");
    auto transfer = ui::transitionFields(demand, *demand.transition("transfer"), nullptr);
    ASSERT_NE(fieldOf(transfer, "department"), nullptr);
    EXPECT_EQ(fieldOf(transfer, "department")->kind, ui::FieldKind::Department);
    ASSERT_NE(fieldOf(transfer, "deadline"), nullptr);
    EXPECT_EQ(fieldOf(transfer, "deadline")->kind, ui::FieldKind::Date);

    auto visit = ui::transitionFields(demand, *demand.transition("return-visit"), nullptr);
    ASSERT_NE(fieldOf(visit, "satisfaction"), nullptr);
    EXPECT_EQ(fieldOf(visit, "satisfaction")->kind, ui::FieldKind::Choice);
    EXPECT_EQ(fieldOf(visit, "satisfaction")->choices, (std::vector<std::string>{"satisfied", "basically-satisfied"}));

    // The opening by channel: a choice among the channels it accepts.
    auto pool = ui::transitionFields(demand, *demand.transition("pool"), nullptr);
    ASSERT_NE(fieldOf(pool, "channel"), nullptr);
    EXPECT_EQ(fieldOf(pool, "channel")->kind, ui::FieldKind::Choice);

    // A condition on an attribute the case already has is left to the engine.
    const workflow::Definition& finding = definitionOf("dinghai", "finding");
    const workflow::Transition& check = *finding.transition("check-rectified");
    workflow::Case warned;
    EXPECT_NE(fieldOf(ui::transitionFields(finding, check, &warned), "severity"), nullptr);
    workflow::set(warned.attributes, "severity", "minor");
    auto fields = ui::transitionFields(finding, check, &warned);
    EXPECT_EQ(fieldOf(fields, "severity"), nullptr);
    EXPECT_NE(fieldOf(fields, "check"), nullptr);
    // Entering a state whose deadline the actor sets asks for that date.
    auto commit = ui::transitionFields(finding, *finding.transition("commit"), &warned);
    ASSERT_NE(fieldOf(commit, "deadline"), nullptr);
    EXPECT_EQ(fieldOf(commit, "deadline")->kind, ui::FieldKind::Date);
}

TEST(CaseLogic, TheFormSaysWhichRequiredFieldsAreStillEmpty) {
    const workflow::Definition& demand = definitionOf("yuancheng", "demand");
    auto fields = ui::transitionFields(demand, *demand.transition("transfer"), nullptr);
    std::map<std::string, std::string> values;
    EXPECT_EQ(ui::missingFields(fields, values), (std::vector<std::string>{"department", "deadline"}));
    values["department"] = "market";
    values["deadline"] = "";
    EXPECT_EQ(ui::missingFields(fields, values), (std::vector<std::string>{"deadline"}));
    values["deadline"] = "2026-03-20";
    values["unrelated"] = "x";
    EXPECT_TRUE(ui::missingFields(fields, values).empty());
    // The engine is given the fields' values only.
    workflow::Attributes data = ui::fieldData(fields, values);
    EXPECT_EQ(data, (workflow::Attributes{{"deadline", "2026-03-20"}, {"department", "market"}}));
    // The case's own words fill what an opening needs for them.
    EXPECT_EQ(ui::wordsKey(*definitionOf("dinghai", "finding").transition("warn")), "problem");
    EXPECT_EQ(ui::wordsKey(*definitionOf("yunhe", "complaint").transition("complain")), "subject");
    EXPECT_EQ(ui::wordsKey(*demand.transition("receive")), "");
}

TEST(CaseLogic, TheBoardHasAColumnPerOpenStateAndOneForClosed) {
    const workflow::Definition& finding = definitionOf("dinghai", "finding");
    auto columns = ui::boardColumns(finding);
    std::size_t open = static_cast<std::size_t>(std::count_if(finding.states.begin(), finding.states.end(), [](const auto& s) { return !s.final; }));
    ASSERT_EQ(columns.size(), open + 1);
    EXPECT_TRUE(columns.back().final);
    EXPECT_EQ(columns.back().states, (std::vector<std::string>{"closed", "penalised"}));

    Workspace workspace;
    workflow::Case late = caseOf(1, "warned", "a", day("2026-03-10"));
    workflow::Case fine = caseOf(2, "warned", "b", day("2026-03-30"));
    workflow::Case done = caseOf(3, "closed", "c", std::nullopt, true);
    for (auto* c : {&late, &fine, &done}) c->workflow = "finding";
    workspace.cases = {late, fine, done};
    auto rows = ui::boardRows(workspace, finding, columns, day("2026-03-16"), false);
    EXPECT_EQ(rows.front(), (std::vector<int32_t>{0, 1}));
    EXPECT_EQ(rows.back(), (std::vector<int32_t>{2}));
    auto lateRows = ui::boardRows(workspace, finding, columns, day("2026-03-16"), true);
    EXPECT_EQ(lateRows.front(), (std::vector<int32_t>{0}));
    EXPECT_TRUE(lateRows.back().empty());

    auto counties = ui::countiesWith(plugins(), "finding");
    auto named = [&](const char* zh) {
        return std::any_of(counties.begin(), counties.end(), [&](const LoadedPlugin* c) { return c->policy.name.zh.find(zh) != std::string::npos; });
    };
    EXPECT_TRUE(named("定海"));
    EXPECT_TRUE(named("平阳"));
    EXPECT_FALSE(named("云和"));
}

TEST(CaseLogic, ReportTablesExportAsCsvAndEscapedHtml) {
    report::FeedbackList list;
    list.year = 2026;
    report::FeedbackLine line;
    line.enterprise = "91330000MA0000000X";
    line.name = "云和<木玩>厂, 有限公司";
    line.aboveScale = true;
    line.guidance = 2;
    list.lines.push_back(line);
    ui::ReportTable table = ui::feedbackTable(list, Language::Chinese);
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0].size(), table.headers.size());
    std::string csv = ui::csvOf(table);
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "统一社会信用代码,企业,规上,重点,指导服务,调研走访,现场检查,投诉,意见建议");
    EXPECT_NE(csv.find("\"云和<木玩>厂, 有限公司\""), std::string::npos) << csv;  // quoted for the comma
    std::string html = ui::htmlOf(table, "清单", "云和县 · 2026");
    EXPECT_NE(html.find("云和&lt;木玩&gt;厂"), std::string::npos);
    EXPECT_EQ(html.find("<木玩>"), std::string::npos);

    report::TrackedFigures figures;
    figures.plans = 4;
    figures.filedPlans = 3;
    figures.platformUse = 0.75;
    ui::ReportTable tracked = ui::figuresTable(figures, Language::English);
    EXPECT_EQ(tracked.rows[1][1], "75.0%");
}

}  // namespace inspectonce::test
