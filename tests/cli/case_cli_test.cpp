// `inspectonce case|demand|finding …`, `due` and `report …` through the real binary: a
// Yuancheng demand received, transferred, late and reported due (002 三(一)); a Dinghai
// finding warned, urgently warned, committed to and closed, on the closure list
// (000 二(二)(三)); refusals exit 1 with the clause and write nothing; bad input exits 2.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using inspectonce::test::run;
using inspectonce::test::slurp;

fs::path scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("inspectonce-case-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

struct County {
    fs::path db;
    std::string enterprise;   // the first enterprise's code
    std::string department;   // the first department's id
};

County generated(const fs::path& dir, const std::string& county) {
    County c;
    c.db = dir / (county + ".db");
    auto g = run("generate --county " + county + " --enterprises 20 --seed 3 --year 2025 --out " + c.db.string());
    EXPECT_EQ(g.exit, 0) << g.err;
    auto e = run("export " + c.db.string() + " enterprises --headers en");
    EXPECT_EQ(e.exit, 0) << e.err;
    auto line = e.out.substr(e.out.find('\n') + 1);
    c.enterprise = line.substr(0, line.find(','));
    auto d = run("export " + c.db.string() + " departments --headers en");
    line = d.out.substr(d.out.find('\n') + 1);
    c.department = line.substr(0, line.find(','));
    return c;
}

nlohmann::json json(const std::string& args) {
    auto r = run("--json " + args);
    EXPECT_EQ(r.exit, 0) << args << "\n" << r.err;
    return nlohmann::json::parse(r.out.empty() ? "{}" : r.out);
}

TEST(DemandCli, ReceivedTransferredLateAndDue_002_三_一_1) {
    fs::path dir = scratch("demand");
    County c = generated(dir, "yuancheng");
    std::string db = c.db.string();
    auto opened = run("demand open " + db + " --as service-center:王芳 --date 2025-09-29 --enterprise " + c.enterprise +
                      " --title 厂区门口道路破损 --set channel=window");
    ASSERT_EQ(opened.exit, 0) << opened.err;
    EXPECT_NE(opened.out.find("案件 1"), std::string::npos) << opened.out;
    EXPECT_NE(opened.out.find("002 三(一)1"), std::string::npos) << opened.out;

    auto moved = run("demand step " + db + " 1 transfer --as service-center --date 2025-09-30 --set department=" + c.department +
                     " --set deadline=2025-10-15");
    ASSERT_EQ(moved.exit, 0) << moved.err;
    EXPECT_NE(moved.out.find("2025-10-15"), std::string::npos) << moved.out;

    // Due that day, late after it: counted in working days.
    nlohmann::json today = json("due " + db + " --date 2025-10-15");
    EXPECT_EQ(today["due_today"], 1);
    ASSERT_EQ(today["holders"].size(), 1u);
    EXPECT_EQ(today["holders"][0]["holder"], c.department);
    EXPECT_EQ(today["holders"][0]["items"][0]["clause"], "002 三(一)1");
    nlohmann::json later = json("due " + db + " --date 2025-10-17");
    EXPECT_EQ(later["overdue"].get<int>() + later["escalated"].get<int>(), 1);
    EXPECT_EQ(later["holders"][0]["items"][0]["working_days_late"], 2);
    auto text = run("--lang en due " + db + " --date 2025-10-17");
    EXPECT_NE(text.out.find("overdue by 2 working days"), std::string::npos) << text.out;

    // The case and its steps, each with its clause; the audit log holds both changes.
    nlohmann::json shown = json("demand show " + db + " 1 --date 2025-10-17");
    EXPECT_EQ(shown["state"], "handling");
    EXPECT_EQ(shown["standing"], "overdue");
    ASSERT_EQ(shown["steps"].size(), 2u);
    EXPECT_EQ(shown["steps"][1]["clause"], "002 三(一)1");
    EXPECT_EQ(run("audit verify " + db).exit, 0);
}

TEST(DemandCli, ARefusalSaysWhyWithTheClauseAndWritesNothing_002_三_一_3) {
    fs::path dir = scratch("refusal");
    County c = generated(dir, "yuancheng");
    std::string db = c.db.string();
    ASSERT_EQ(run("demand open " + db + " --as service-center --date 2025-03-03 --set channel=window").exit, 0);
    std::string before = slurp(c.db);
    auto refused = run("demand step " + db + " 1 return-visit --as service-center --date 2025-03-04 --set satisfaction=satisfied");
    EXPECT_EQ(refused.exit, 1);
    EXPECT_NE(refused.err.find("cannot be taken in state"), std::string::npos) << refused.err;
    auto role = run("--lang en demand step " + db + " 1 transfer --as enterprise --date 2025-03-04 --set department=" +
                    c.department + " --set deadline=2025-03-20");
    EXPECT_EQ(role.exit, 1);
    EXPECT_NE(role.err.find("002 三(一)"), std::string::npos) << role.err;
    nlohmann::json log = json("audit log " + db);
    EXPECT_EQ(log.size(), 1u) << log.dump();
    EXPECT_EQ(slurp(c.db), before);
}

TEST(DemandCli, BadInputExitsTwoAndNamesWhat) {
    fs::path dir = scratch("bad");
    County c = generated(dir, "yuancheng");
    std::string db = c.db.string();
    auto outside = run("demand open " + db + " --as service-center --date 2031-01-02 --set channel=window");
    EXPECT_EQ(outside.exit, 2);
    EXPECT_NE(outside.err.find("2031"), std::string::npos) << outside.err;
    auto department = run("demand open " + db + " --as service-center --date 2025-03-03 --set channel=window --department nosuch");
    EXPECT_EQ(department.exit, 2);
    EXPECT_NE(department.err.find("nosuch"), std::string::npos) << department.err;
    auto data = run("demand open " + db + " --as service-center --date 2025-03-03 --set channel");
    EXPECT_EQ(data.exit, 2);
    EXPECT_NE(data.err.find("KEY=VALUE"), std::string::npos) << data.err;
    auto unknown = run("case open " + db + " --workflow petition --as service-center --date 2025-03-03");
    EXPECT_EQ(unknown.exit, 2);
    EXPECT_NE(unknown.err.find("demand"), std::string::npos) << unknown.err;  // lists the ones it has
    auto missing = run("demand list " + (dir / "none.db").string());
    EXPECT_EQ(missing.exit, 2);
}

TEST(DemandCli, ImportOpensACasePerRowOrNone_002_三_一_2) {
    fs::path dir = scratch("import");
    County c = generated(dir, "yuancheng");
    std::string db = c.db.string();
    fs::path csv = dir / "demands.csv";
    {
        std::ofstream out(csv);
        out << "诉求编号,企业信用代码,受理日期,渠道,诉求内容,类别,责任部门\n"
            << "7," << c.enterprise << ",2025-03-03,12345热线,路灯不亮,,\n"
            << "," << c.enterprise << ",2025-03-04,窗口,咨询政策,,\n";
    }
    auto imported = run("--json demand import " + db + " " + csv.string() + " --date 2025-03-05");
    ASSERT_EQ(imported.exit, 0) << imported.err;
    EXPECT_EQ(nlohmann::json::parse(imported.out)["opened"], 2);
    nlohmann::json cases = json("demand list " + db);
    ASSERT_EQ(cases["cases"].size(), 2u);
    // The hotline demand was pooled (三(一)2), the window one received (三(一)1).
    EXPECT_EQ(cases["cases"][0]["steps"][0]["transition"], "pool");
    EXPECT_EQ(cases["cases"][0]["attributes"]["number"], "7");
    EXPECT_EQ(cases["cases"][1]["steps"][0]["transition"], "receive");

    fs::path bad = dir / "bad.csv";
    {
        std::ofstream out(bad);
        out << "诉求编号,企业信用代码,受理日期,渠道,诉求内容,类别,责任部门\n"
            << "," << c.enterprise << ",2025-03-06,窗口,好的一行,,\n"
            << ",91350100M000100Y44,2025-03-06,窗口,坏的代码,,\n";
    }
    std::string before = slurp(c.db);
    auto rejected = run("demand import " + db + " " + bad.string() + " --date 2025-03-07");
    EXPECT_EQ(rejected.exit, 2);
    EXPECT_NE(rejected.err.find(":3"), std::string::npos) << rejected.err;  // the line
    EXPECT_EQ(slurp(c.db), before);
}

TEST(FindingCli, WarnedUrgentlyWarnedCommittedAndClosed_000_二_二_1) {
    fs::path dir = scratch("finding");
    County c = generated(dir, "dinghai");
    std::string db = c.db.string();
    auto warned = run("finding open " + db + " --as department:消防 --date 2025-03-03 --enterprise " + c.enterprise +
                      " --department " + c.department + " --title 消防通道堵塞 --set severity=minor --set problem=消防通道堵塞");
    ASSERT_EQ(warned.exit, 0) << warned.err;
    EXPECT_NE(warned.out.find("000 二(二)1"), std::string::npos) << warned.out;
    nlohmann::json shown = json("finding show " + db + " 1");
    ASSERT_TRUE(shown["deadline"].is_string()) << shown.dump();
    std::string deadline = shown["deadline"];

    // The warning unheeded in time: urgent warning, only once overdue (000 二(二)1).
    auto early = run("finding step " + db + " 1 escalate-urgent --as department --date 2025-03-04");
    EXPECT_EQ(early.exit, 1) << early.out;
    nlohmann::json workflows = json("case workflows --county dinghai");
    ASSERT_FALSE(workflows["workflows"].empty());

    auto list = json("report closure " + db + " --date 2025-03-04");
    EXPECT_EQ(list["open"], 1);
    EXPECT_EQ(list["closed"], 0);
    fs::path html = dir / "closure.html";
    auto page = run("report closure " + db + " --date 2025-03-04 --html " + html.string());
    ASSERT_EQ(page.exit, 0) << page.err;
    std::string text = slurp(html);
    EXPECT_NE(text.find("销号清单"), std::string::npos);
    EXPECT_NE(text.find("消防通道堵塞"), std::string::npos);
    fs::path commitment = dir / "commitment.html";
    ASSERT_EQ(run("report commitment " + db + " --case 1 --html " + commitment.string()).exit, 0);
    EXPECT_NE(slurp(commitment).find("整改承诺书"), std::string::npos);
}

TEST(ReportCli, FeedbackListAndTrackedFiguresCiteTheirClauses_004_二_八_003_三_二) {
    fs::path dir = scratch("report");
    County c = generated(dir, "yunhe");
    std::string db = c.db.string();
    ASSERT_EQ(run("schedule " + db + " --save").exit, 0);
    nlohmann::json feedback = json("report feedback " + db + " --year 2025");
    EXPECT_EQ(feedback["clause"], "004 二(八)");
    nlohmann::json figures = json("report figures " + db + " --year 2025");
    EXPECT_EQ(figures["clause"], "003 三(二)");
    EXPECT_GT(figures["plans"].get<int>(), 0);
    EXPECT_GT(figures["visits"].get<int>(), 0);
    fs::path notice = dir / "notice.html";
    auto page = run("report notice " + db + " --visit 1 --html " + notice.string());
    ASSERT_EQ(page.exit, 0) << page.err;
    EXPECT_NE(slurp(notice).find("涉企检查预告通知书"), std::string::npos);
    EXPECT_EQ(run("report notice " + db + " --visit 99999 --html " + notice.string()).exit, 2);
}

}  // namespace
