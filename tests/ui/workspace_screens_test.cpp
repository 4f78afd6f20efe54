// The dashboard, enterprise and settings screens: what they compute (rows, figures) and
// what they show over a generated county.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "dashboard_figures.hpp"
#include "enterprise_rows.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/schedule.hpp"
#include "inspectonce/store.hpp"
#include "screens.hpp"
#include "ui_harness.hpp"
#include "widgets.hpp"
#include "workspace_replacing.hpp"

namespace inspectonce::test {
namespace {

const Workspace& workspaceOf(const HeadlessApp& app) { return *app.state.workspace.workspace(); }

// Another generated year of the app's county, `count` enterprises, from `seed`.
Result<Workspace> otherCounty(const HeadlessApp& app, int64_t count, uint64_t seed) {
    GenerateOptions g;
    g.county = workspaceOf(app).county;
    g.enterprises = count;
    g.seed = seed;
    g.year = workspaceOf(app).year;
    return generateWorkspace(g, app.state.workspacePlugin()->policy);
}

// The enterprises of another generated county of `count`, as a CSV to import.
std::string otherEnterprisesCsv(const HeadlessApp& app, int64_t count) {
    auto other = otherCounty(app, count, 77);
    EXPECT_TRUE(other) << other.error().message();
    return other ? exchange::exportCsv(*other, exchange::Table::Enterprises) : std::string();
}

// An archive of another generated county of `count` enterprises, with its schedule.
std::string otherCountyArchive(const HeadlessApp& app, int64_t count) {
    auto other = otherCounty(app, count, 78);
    EXPECT_TRUE(other) << other.error().message();
    if (!other) return {};
    auto made = schedule(*other, app.state.workspacePlugin()->policy);
    EXPECT_TRUE(made) << made.error().message();
    if (made) other->visits = made->visits;
    return exchange::writeWorkspaceArchive(*other, exchange::ArchiveFormat::Binary);
}

// The file a replacing workspace is written to, beside the workspace's own.
bool replacingFileExists(const HeadlessApp& app) { return std::filesystem::exists(app.path() + ".replacing"); }
// Nothing of the file beside the workspace's is left: not its WAL, not its index.
bool replacingFilesLeft(const HeadlessApp& app) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (std::filesystem::exists(app.path() + ".replacing" + suffix)) return true;
    return false;
}
// The file beside the workspace's is written to its end (committed): it is being read back.
bool replacingFileIsWhole(const HeadlessApp& app) {
    return replacingFileExists(app) && static_cast<bool>(store::loadWorkspace(app.path() + ".replacing"));
}

}  // namespace

TEST(EnterpriseRows, EveryWordOfTheSearchMustMatchAndTheSortIsStable) {
    HeadlessApp app("yunhe");
    const Workspace& w = workspaceOf(app);
    auto counts = ui::countByEnterprise(w);
    auto all = ui::enterpriseRows(w, counts, "", ui::EnterpriseColumn::Code, true);
    ASSERT_EQ(all.size(), w.enterprises.size());
    for (std::size_t i = 1; i < all.size(); ++i)
        EXPECT_LT(w.enterprises[static_cast<std::size_t>(all[i - 1])].enterprise.code.str(),
                  w.enterprises[static_cast<std::size_t>(all[i])].enterprise.code.str());

    // One enterprise's town and a word of its name: it is among the rows, and every row has both.
    const auto& sample = w.enterprises[7];
    std::string word = sample.enterprise.name.substr(0, 6);  // two Chinese characters
    auto found = ui::enterpriseRows(w, counts, sample.town + " " + word, ui::EnterpriseColumn::Name, true);
    ASSERT_FALSE(found.empty());
    EXPECT_NE(std::find(found.begin(), found.end(), 7), found.end());
    for (int32_t i : found) {
        const auto& e = w.enterprises[static_cast<std::size_t>(i)];
        EXPECT_NE((e.enterprise.code.str() + e.enterprise.name + e.town + e.industry).find(word), std::string::npos);
        EXPECT_NE((e.enterprise.code.str() + e.enterprise.name + e.town + e.industry).find(sample.town), std::string::npos);
    }
    EXPECT_TRUE(ui::enterpriseRows(w, counts, "no-such-enterprise-anywhere", ui::EnterpriseColumn::Code, true).empty());

    // By plans, descending: counts never rise down the table; ties in code order.
    auto byPlans = ui::enterpriseRows(w, counts, "", ui::EnterpriseColumn::Plans, false);
    auto plansOf = [&](int32_t i) { return counts[w.enterprises[static_cast<std::size_t>(i)].enterprise.code.str()].plans; };
    for (std::size_t i = 1; i < byPlans.size(); ++i) EXPECT_GE(plansOf(byPlans[i - 1]), plansOf(byPlans[i]));
    int total = 0;
    for (int32_t i : byPlans) total += plansOf(i);
    EXPECT_EQ(total, static_cast<int>(w.plans.size()));
}

TEST(DashboardFigures, AgreeWithTheSchedulersOwnFiguresAfterARun) {
    HeadlessApp app("yunhe");
    const PolicyData& policy = app.state.workspacePlugin()->policy;
    auto before = ui::dashboardFigures(workspaceOf(app), policy, nullptr);
    EXPECT_EQ(before.visits, 0);
    auto run = app.state.workspace.scheduleVisits(policy);
    ASSERT_TRUE(run) << run.error().message();
    auto after = ui::dashboardFigures(workspaceOf(app), policy, nullptr);
    EXPECT_EQ(after.visits, run->figures.visits);
    EXPECT_EQ(after.jointVisits, run->figures.jointVisits);
    EXPECT_EQ(after.visitedPlans, run->figures.scheduledPlans);
    EXPECT_EQ(after.nonSitePlans, run->figures.nonSitePlans);
    EXPECT_DOUBLE_EQ(after.jointRate, run->figures.jointRate);
    EXPECT_DOUBLE_EQ(after.nonSiteShare, run->figures.nonSiteShare);
    float months = 0;
    for (float n : after.visitsByMonth) months += n;
    EXPECT_EQ(static_cast<int64_t>(months), after.visits);  // the demo's visits all fall in its year
    // Yunhe's 2026 target (004 一: 70 %) is measured and judged against the rate.
    ASSERT_EQ(after.targets.size(), 1u);
    EXPECT_EQ(after.targets[0].target->clause.text(), "004 一");
    ASSERT_TRUE(after.targets[0].actual.has_value());
    EXPECT_EQ(after.targets[0].met, after.jointRate >= 0.70);
}

TEST(DashboardScreen, ShowsTheTargetWithItsClauseAndTheVisitsAfterScheduling) {
    HeadlessApp app("yunhe");
    app.show("dashboard");
    EXPECT_TRUE(app.shows("部门、层级、领域年度联合检查实施率 ≥ 70%"));
    EXPECT_TRUE(app.shows("依据 004 一"));
    ASSERT_TRUE(app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy));
    app.frame();
    auto visits = static_cast<int64_t>(workspaceOf(app).visits.size());
    ASSERT_GT(visits, 0);
    EXPECT_TRUE(app.shows(ui::grouped(visits)));
    EXPECT_TRUE(app.shows("入企检查（次）"));
}

TEST(EnterpriseScreen, TheTableFiltersAndAnEnterprisePageShowsItsGradeWithClauses) {
    HeadlessApp app("yunhe");
    const auto& sample = workspaceOf(app).enterprises[3];
    app.show("enterprises");
    EXPECT_TRUE(app.shows("300 / 300"));
    std::snprintf(app.state.views.enterprises.search.data(), app.state.views.enterprises.search.size(), "%s",
                  sample.enterprise.code.str().c_str());
    app.frame();
    EXPECT_TRUE(app.shows("1 / 300"));
    EXPECT_TRUE(app.shows(sample.enterprise.name));

    app.state.views.enterprises.opened = sample.enterprise.code.str();
    app.frame(2);
    EXPECT_TRUE(app.shows("信用等级与依据"));
    EXPECT_TRUE(app.shows("004 二(六)"));  // Yunhe grades by its portrait rule
    EXPECT_TRUE(app.shows("检查计划"));
    EXPECT_TRUE(app.shows("尚无排定的检查"));
}

TEST(SettingsScreen, ABadCsvIsRefusedWithItsLineAndNothingChanges) {
    HeadlessApp app("yunhe");
    auto before = workspaceOf(app).enterprises.size();
    auto version = app.state.workspace.version();
    std::string csv = "统一社会信用代码,名称,信用等级\n91330000MA2XXXXXXX,坏代码企业,A\n";
    app.state.receiveFile("csv:enterprises", "bad.csv", csv);
    EXPECT_EQ(app.state.longWork.size(), 1u);  // the import waits for its overlay to be shown
    app.settle();
    ASSERT_FALSE(app.state.messages.empty());
    EXPECT_TRUE(app.lastMessage().problem);
    EXPECT_NE(app.lastMessage().text.zh.find("未写入"), std::string::npos);
    bool namesLine = false;
    for (const auto& message : app.state.messages) namesLine = namesLine || message.text.zh.find("bad.csv:2") != std::string::npos;
    EXPECT_TRUE(namesLine);
    EXPECT_EQ(workspaceOf(app).enterprises.size(), before);
    EXPECT_EQ(app.state.workspace.version(), version);
}

TEST(SettingsScreen, AnExportedWorkspaceImportsBackWhole) {
    HeadlessApp app("yunhe");
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame, as on a slow machine
    ASSERT_TRUE(app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy));
    std::string archive = exchange::writeWorkspaceArchive(workspaceOf(app), exchange::ArchiveFormat::Binary);
    auto visits = workspaceOf(app).visits.size();
    ASSERT_TRUE(app.state.workspace.saveVisits({}));
    EXPECT_TRUE(workspaceOf(app).visits.empty());
    app.state.receiveFile("archive", "backup.inspectonce", archive);
    app.settle();
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_EQ(workspaceOf(app).visits.size(), visits);
    // A damaged archive is refused and the workspace stays.
    app.state.receiveFile("archive", "broken.inspectonce", archive.substr(0, archive.size() / 2));
    app.settle();
    EXPECT_TRUE(app.lastMessage().problem);
    EXPECT_NE(app.lastMessage().text.en.find("broken.inspectonce"), std::string::npos);
    EXPECT_EQ(workspaceOf(app).visits.size(), visits);
}

// A large CSV goes in by slices under the overlay: the progress rises frame by frame, the
// workspace shows nothing of it until the last slice commits, then all of it.
TEST(SettingsScreen, ACsvImportRunsInSlicesShowingItsProgress) {
    HeadlessApp app("yunhe");
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame
    std::string csv = otherEnterprisesCsv(app, 2000);
    auto before = workspaceOf(app).enterprises.size();
    app.state.receiveFile("csv:enterprises", "more.csv", csv);
    std::vector<double> seen;
    for (int frame = 0; frame < 200 && !app.state.longWork.empty(); ++frame) {
        EXPECT_EQ(workspaceOf(app).enterprises.size(), before) << "shown before the import ended, frame " << frame;
        seen.push_back(app.state.longWork.front().fraction);
        app.frame();
    }
    ASSERT_TRUE(app.state.longWork.empty());
    // 2 000 rows, 200 a slice, checked, counted and written: about thirty frames, each further on.
    EXPECT_GE(risingProgress(seen).size(), 20u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    ASSERT_FALSE(app.state.messages.empty());
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_NE(app.lastMessage().text.zh.find("more.csv：2000 行"), std::string::npos) << app.lastMessage().text.zh;
    EXPECT_GT(workspaceOf(app).enterprises.size(), before);
    EXPECT_LE(workspaceOf(app).enterprises.size(), before + 2000);
}

// Cancel part-way through writing: the open transaction is rolled back, the file is as it was.
TEST(SettingsScreen, ACancelledCsvImportWritesNothing) {
    HeadlessApp app("yunhe");
    app.state.workSlice = std::chrono::milliseconds(0);
    std::string csv = otherEnterprisesCsv(app, 2000);
    auto digest = workspaceFileDigest(app.path());
    ASSERT_TRUE(digest) << digest.error().message();
    auto version = app.state.workspace.version();
    app.state.receiveFile("csv:enterprises", "more.csv", csv);
    for (int frame = 0; frame < 200 && !app.state.longWork.empty() && app.state.longWork.front().fraction < 0.7; ++frame) app.frame();
    ASSERT_FALSE(app.state.longWork.empty());
    app.click("work-cancel");
    EXPECT_TRUE(app.state.longWork.empty());
    EXPECT_EQ(app.state.workspace.version(), version);
    EXPECT_EQ(workspaceFileDigest(app.path()).value(), *digest);
    EXPECT_EQ(app.lastMessage().text.zh, "已取消：正在导入 more.csv");
    // The file takes the same import afterwards.
    app.state.workSlice = std::chrono::milliseconds(40);
    app.state.receiveFile("csv:enterprises", "more.csv", csv);
    app.settle();
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_NE(app.state.workspace.version(), version);
}

// A workspace archive is written in slices under the overlay beside the workspace's file,
// then read back from it in slices: the progress rises frame by frame and the old workspace
// is shown until the new one takes its place. Cancel, while writing or while reading back,
// leaves the file as it was, with nothing beside it.
TEST(SettingsScreen, AnArchiveIsWrittenInSlicesAndItsCancelKeepsTheWorkspace) {
    HeadlessApp app("yunhe");
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame
    std::string archive = otherCountyArchive(app, 2000);
    auto before = workspaceOf(app).enterprises.size();
    auto digest = workspaceFileDigest(app.path());
    ASSERT_TRUE(digest) << digest.error().message();
    auto version = app.state.workspace.version();

    app.state.receiveFile("archive", "other.inspectonce", archive);
    for (int frame = 0; frame < 200 && !app.state.longWork.empty() && app.state.longWork.front().fraction < 0.4; ++frame) app.frame();
    ASSERT_FALSE(app.state.longWork.empty());
    EXPECT_TRUE(replacingFileExists(app)) << "written beside the workspace";
    app.click("work-cancel");
    EXPECT_TRUE(app.state.longWork.empty());
    EXPECT_EQ(app.state.workspace.version(), version);
    EXPECT_EQ(workspaceFileDigest(app.path()).value(), *digest);
    EXPECT_FALSE(replacingFilesLeft(app)) << "removed with the cancel";
    EXPECT_EQ(app.lastMessage().text.zh, "已取消：正在导入 other.inspectonce");

    // Written to its end, part-way through reading back.
    app.state.receiveFile("archive", "other.inspectonce", archive);
    for (int frame = 0; frame < 400 && !app.state.longWork.empty() && !replacingFileIsWhole(app); ++frame) app.frame();
    app.frame();
    ASSERT_FALSE(app.state.longWork.empty()) << "still reading back";
    ASSERT_TRUE(replacingFileIsWhole(app));
    app.click("work-cancel");
    EXPECT_TRUE(app.state.longWork.empty());
    EXPECT_EQ(app.state.workspace.version(), version);
    EXPECT_EQ(workspaceOf(app).enterprises.size(), before);
    EXPECT_EQ(workspaceFileDigest(app.path()).value(), *digest);
    EXPECT_FALSE(replacingFilesLeft(app)) << "removed with the cancel";

    app.state.receiveFile("archive", "other.inspectonce", archive);
    std::vector<double> seen;
    int framesReadingBack = 0;
    for (int frame = 0; frame < 400 && !app.state.longWork.empty(); ++frame) {
        EXPECT_EQ(workspaceOf(app).enterprises.size(), before) << "the new workspace shown before it was written, frame " << frame;
        seen.push_back(app.state.longWork.front().fraction);
        if (replacingFileIsWhole(app)) ++framesReadingBack;
        app.frame();
    }
    ASSERT_TRUE(app.state.longWork.empty());
    EXPECT_GE(risingProgress(seen).size(), 5u);
    EXPECT_GE(framesReadingBack, 3) << "read back in slices, a frame drawn after each";
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_EQ(app.lastMessage().text.zh, "other.inspectonce：工作区已导入");
    EXPECT_EQ(workspaceOf(app).enterprises.size(), 2000u);
    EXPECT_FALSE(workspaceOf(app).visits.empty());
    EXPECT_FALSE(replacingFilesLeft(app));
}

// The settings' demo county, made from its buttons: generated a step at a time, then written
// and read back in slices; the old workspace (scheduled) is shown until the new one (not
// scheduled) takes its place.
TEST(SettingsScreen, ADemoCountyIsMadeInSlicesFromTheSettings) {
    HeadlessApp app("yunhe");
    ASSERT_TRUE(app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy));
    ASSERT_FALSE(workspaceOf(app).visits.empty());
    app.state.workSlice = std::chrono::milliseconds(0);
    app.show("settings");
    app.click("demo-size");
    app.click("demo-size-5000");
    app.click("demo-generate");
    app.click("demo-replace");
    std::vector<double> seen;
    int framesGenerating = 0;
    for (int frame = 0; frame < 400 && !app.state.longWork.empty(); ++frame) {
        EXPECT_FALSE(workspaceOf(app).visits.empty()) << "the demo shown before it was written, frame " << frame;
        seen.push_back(app.state.longWork.front().fraction);
        if (!replacingFileExists(app)) ++framesGenerating;
        app.frame();
    }
    ASSERT_TRUE(app.state.longWork.empty());
    EXPECT_GE(risingProgress(seen).size(), 10u);
    EXPECT_GE(framesGenerating, 4) << "generated in steps (organisation, enterprises, plans, records), a frame after each";
    ASSERT_FALSE(app.state.messages.empty());
    EXPECT_FALSE(app.lastMessage().problem) << app.lastMessage().text.en;
    EXPECT_EQ(app.lastMessage().text.zh.rfind("已生成 ", 0), 0u) << app.lastMessage().text.zh;
    EXPECT_EQ(workspaceOf(app).enterprises.size(), 5000u);
    EXPECT_TRUE(workspaceOf(app).visits.empty());
    EXPECT_FALSE(replacingFilesLeft(app));
}

// The browser's kept workspace is read in slices under the overlay when the page opens: the
// progress rises frame by frame, nothing is open until the last slice, and then the workspace
// is the file's, open for changes.
class KeptWorkspace : public ::testing::Test {
protected:
    void SetUp() override {
        auto other = otherCounty(app, 2000, 79);
        ASSERT_TRUE(other) << other.error().message();
        ASSERT_TRUE(store::saveWorkspace(*other, path));
    }
    void TearDown() override {
        app.state.workspace.close();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
    }
    HeadlessApp app{"yunhe"};
    std::string path = app.path() + ".kept.db";
};

TEST_F(KeptWorkspace, IsReadInSlicesUnderTheOverlayThenOpenForChanges) {
    auto expected = store::loadWorkspace(path);
    ASSERT_TRUE(expected) << expected.error().message();
    app.state.workSlice = std::chrono::milliseconds(0);  // one slice a frame
    ui::openWorkspaceInSlices(app.state, path);
    std::vector<double> seen;
    for (int frame = 0; frame < 1000 && !app.state.longWork.empty(); ++frame) {
        EXPECT_FALSE(app.state.workspace.opening() && app.state.workspace.isOpen()) << "open before the last slice, frame " << frame;
        seen.push_back(app.state.longWork.front().fraction);
        app.frame();
    }
    ASSERT_TRUE(app.state.longWork.empty());
    EXPECT_GE(risingProgress(seen).size(), 5u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    ASSERT_TRUE(app.state.workspace.isOpen()) << app.state.workspace.error()->message();
    EXPECT_FALSE(app.state.workspace.opening());
    EXPECT_EQ(app.state.workspace.path(), path);
    EXPECT_EQ(exchange::writeWorkspaceArchive(workspaceOf(app), exchange::ArchiveFormat::Json),
              exchange::writeWorkspaceArchive(*expected, exchange::ArchiveFormat::Json));
    // Open for writing: the scheduler's visits are saved to this file.
    ASSERT_TRUE(app.state.workspace.scheduleVisits(app.state.workspacePlugin()->policy));
    auto saved = store::loadWorkspace(path);
    ASSERT_TRUE(saved) << saved.error().message();
    EXPECT_FALSE(saved->visits.empty());
    EXPECT_EQ(saved->visits.size(), workspaceOf(app).visits.size());
}

// A kept file with a bad row: the opening stops there, says where, and leaves the app
// without a workspace and the file as it was.
TEST_F(KeptWorkspace, WithABadRowIsSaidWhereAndLeftAsItWas) {
    {
        auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("UPDATE history SET date = '2026-13-01' WHERE rowid = 5"));
    }
    auto digest = workspaceFileDigest(path);
    ASSERT_TRUE(digest) << digest.error().message();
    ui::openWorkspaceInSlices(app.state, path);
    app.settle();
    EXPECT_FALSE(app.state.workspace.isOpen());
    EXPECT_FALSE(app.state.workspace.opening());
    ASSERT_TRUE(app.state.workspace.error().has_value());
    EXPECT_NE(app.state.workspace.error()->where.find("table history, row 5, column date"), std::string::npos)
        << app.state.workspace.error()->message();
    EXPECT_TRUE(app.lastMessage().problem);
    EXPECT_NE(app.lastMessage().text.en.find("table history, row 5, column date"), std::string::npos) << app.lastMessage().text.en;
    EXPECT_EQ(workspaceFileDigest(path).value(), *digest);
    // Every screen still draws, saying there is no workspace.
    for (const auto& screen : ui::screenIds()) {
        app.show(screen);
        EXPECT_FALSE(app.texts().empty()) << screen;
    }
}

}  // namespace inspectonce::test
