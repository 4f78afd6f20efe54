// Workspace exchange (exchange.hpp): CSV reading with exact lines, every bad row named with
// its line, column and reason, nothing written after a rejection (same content digest), the
// import's counts and audit entries, byte-identical export → import → export, and whole
// workspaces as cereal archives that never crash on a wrong, truncated or damaged file.
// Runs natively and in wasm (files only under INSPECTONCE_TEST_TMP_DIR).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "decision_test_support.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/store.hpp"
#include "test_support.hpp"

namespace inspectonce {
namespace {

using exchange::Table;
using test::date;
using test::readFile;

const std::string E1 = "913311250291977677", E2 = "91331125049974279M", E3 = "9133112507075078XX", E4 = "9133112513800037X2";

std::string tempPath(const std::string& name) {
    std::string path = std::string(INSPECTONCE_TEST_TMP_DIR) + "/exchange-" + name;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
    return path;
}

std::string fixture(const std::string& name) { return readFile(test::sourcePath("tests/data/exchange/" + name)); }

// Two departments, three items, one enterprise (E1) and one plan using market's unit food.
Workspace baseWorkspace() {
    Workspace w;
    w.county = "yunhe";
    w.year = 2026;
    w.planningDate = date("2026-01-05");
    w.departments.push_back({"fire", {"消防救援大队", "fire brigade"}, DepartmentLevel::County, {}, 4});
    w.departments.push_back({"market", {"市场监管局", "market supervision"}, DepartmentLevel::County, {"food", "pricing"}, 6});
    w.items.push_back({"fire-routine", {"消防日常检查", "fire routine"}, "fire-safety", "fire", true, false, true});
    w.items.push_back({"food-label", {"食品标签", "food labels"}, "food-safety", "market", true, true, false});
    w.items.push_back({"price-display", {"明码标价", "price display"}, "pricing", "market", true, true, false});
    w.enterprises.push_back({Enterprise{Uscc::parse(E1).value(), "正鑫机械", CreditGrade::B, {}}, "南屏镇", "机械", false});
    w.enterprises.push_back({Enterprise{Uscc::parse(E2).value(), "佳信商贸", CreditGrade::C, {}}, "城西街道", "批发零售", false});
    Plan p;
    p.id = 7;
    p.department = "market";
    p.unit = "food";
    p.enterprise = E1;
    p.items = {"food-label"};
    p.window = {date("2026-03-02"), date("2026-03-13")};
    w.plans.push_back(p);
    return w;
}

std::string savedBase(const std::string& name) {
    std::string path = tempPath(name);
    Status saved = store::saveWorkspace(baseWorkspace(), path);
    EXPECT_TRUE(saved) << saved.error().message();
    return path;
}

std::string digestOf(const std::string& path) {
    auto d = workspaceFileDigest(path);
    EXPECT_TRUE(d) << d.error().message();
    return d ? *d : "";
}

exchange::ImportReport import(const std::string& path, Table table, const std::string& file, bool dryRun = false) {
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    EXPECT_TRUE(db) << db.error().message();
    exchange::ImportOptions o;
    o.file = file;
    o.date = date("2026-02-10");
    o.dryRun = dryRun;
    auto report = exchange::importCsv(db.value(), table, fixture(file), o);
    EXPECT_TRUE(report) << report.error().message();
    return report ? std::move(report).value() : exchange::ImportReport{};
}

// Problems as "line|column|why (English)" lines, to compare whole lists at once.
std::vector<std::string> lines(const exchange::Problems& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems.listed) out.push_back(std::to_string(p.line) + "|" + p.column + "|" + p.why.en);
    return out;
}

int64_t auditCount(const std::string& path) {
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    auto s = db.value().prepare("SELECT count(*) FROM audit");
    EXPECT_TRUE(s.value().step().value());
    return s.value().integer(0);
}

// ---- CSV text ---------------------------------------------------------------------------

TEST(ExchangeCsv, CountsPhysicalLinesAcrossQuotedLineBreaks) {
    std::string text = "\xEF\xBB\xBF" "a,b\r\n\"x\r\ny\",2\r\n\r\n  plain , \" kept \"\n\"say \"\"hi\"\"\",\"1,2\"\nlast,row";
    auto records = exchange::readCsv(text, "t.csv");
    ASSERT_TRUE(records) << records.error().message();
    ASSERT_EQ(records->size(), 5u);
    EXPECT_EQ((*records)[0].line, 1);
    EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ((*records)[1].line, 2);
    EXPECT_EQ((*records)[1].fields[0], "x\r\ny");
    EXPECT_EQ((*records)[2].line, 5);  // after the blank line 4
    EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"plain", " kept "}));
    EXPECT_EQ((*records)[3].line, 6);
    EXPECT_EQ((*records)[3].fields, (std::vector<std::string>{"say \"hi\"", "1,2"}));
    EXPECT_EQ((*records)[4].line, 7);  // no final line break
}

TEST(ExchangeCsv, WritesWhatItReadsBack) {
    std::vector<std::string> fields{"plain", "a,b", "say \"hi\"", "two\nlines", " edge ", "", "、；"};
    std::string line = exchange::csvLine(fields);
    EXPECT_EQ(line, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge \",,、；\r\n");
    auto back = exchange::readCsv(line, "t.csv");
    ASSERT_TRUE(back);
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ(back->front().fields, fields);

    // Found by the fuzzer: a first field that begins with a BOM must be quoted, or reading
    // takes it for the file's BOM.
    std::string bom = exchange::csvLine({"\xEF\xBB\xBF"});
    EXPECT_EQ(bom, "\"\xEF\xBB\xBF\"\r\n");
    auto again = exchange::readCsv(bom, "bom.csv");
    ASSERT_TRUE(again);
    ASSERT_EQ(again->size(), 1u);
    EXPECT_EQ(again->front().fields[0], "\xEF\xBB\xBF");
}

TEST(ExchangeCsv, RefusesStrayQuotesAndUnclosedQuotesWithTheLine) {
    auto stray = exchange::readCsv(fixture("plans_stray_quote.csv"), "plans_stray_quote.csv");
    ASSERT_FALSE(stray);
    EXPECT_EQ(stray.error().where, "plans_stray_quote.csv:3");
    EXPECT_NE(stray.error().why.find("field 1: a quote inside an unquoted field"), std::string::npos) << stray.error().why;
    auto unclosed = exchange::readCsv(fixture("plans_unclosed_quote.csv"), "plans_unclosed_quote.csv");
    ASSERT_FALSE(unclosed);
    EXPECT_EQ(unclosed.error().where, "plans_unclosed_quote.csv:3");
    EXPECT_NE(unclosed.error().why.find("never closed"), std::string::npos) << unclosed.error().why;
}

TEST(ExchangeCsv, NamesTheFirstByteThatIsNotUtf8) {
    EXPECT_EQ(exchange::firstNonUtf8Byte("ok 中文"), 0u);
    EXPECT_EQ(exchange::firstNonUtf8Byte("ab\xC0\x80"), 3u);       // overlong
    EXPECT_EQ(exchange::firstNonUtf8Byte("ab\xED\xA0\x80"), 3u);   // a surrogate
    EXPECT_EQ(exchange::firstNonUtf8Byte("\xE4\xB8"), 1u);         // cut short
    exchange::Problems problems;
    auto rows = exchange::readEnterprises(fixture("enterprises_gbk.csv"), "enterprises_gbk.csv", problems);
    EXPECT_TRUE(rows.records.empty());
    ASSERT_EQ(problems.total, 1);
    EXPECT_EQ(problems.listed[0].line, 1);
    EXPECT_EQ(problems.listed[0].why.en, "not UTF-8 at byte 5 (GBK?), save as UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")");
    EXPECT_NE(problems.listed[0].why.zh.find("第 5 字节起不是 UTF-8"), std::string::npos);
}

// ---- Enterprises --------------------------------------------------------------------------

TEST(ExchangeImport, EnterprisesUpsertByCodeInOneTransactionWithAuditEntries) {
    std::string path = savedBase("enterprises.db");
    auto report = import(path, Table::Enterprises, "enterprises_ok.csv");
    EXPECT_TRUE(report.problems.empty()) << (report.problems.listed.empty() ? "" : report.problems.listed[0].why.en);
    EXPECT_TRUE(report.written);
    EXPECT_EQ(report.rows, 3);
    EXPECT_EQ(report.added, 1);    // E3
    EXPECT_EQ(report.updated, 2);  // E1 and E2 were there
    auto w = store::loadWorkspace(path);
    ASSERT_TRUE(w) << w.error().message();
    const WorkspaceEnterprise* e1 = w->enterprise(E1);
    ASSERT_NE(e1, nullptr);
    EXPECT_EQ(e1->enterprise.grade, CreditGrade::A);
    EXPECT_EQ(e1->enterprise.lists, (std::vector<std::string>{"white-list", "key-supervision"}));
    EXPECT_TRUE(e1->aboveScale);
    EXPECT_EQ(w->enterprise(E2)->enterprise.name, "云和县佳信商贸有限公司（城西店, 二号）");
    EXPECT_FALSE(w->enterprise(E3)->aboveScale);  // an empty 规上企业 is 否
    EXPECT_EQ(auditCount(path), 3);

    {  // closed before the next import: in wasm (no WAL) an open read would lock the writer out
        auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
        auto s = db.value().prepare("SELECT date, actor, action, subject, before, after FROM audit ORDER BY seq LIMIT 1").value();
        ASSERT_TRUE(s.step().value());
        EXPECT_EQ(s.text(0), "2026-02-10");
        EXPECT_EQ(s.text(1), "import:enterprises_ok.csv");
        EXPECT_EQ(s.text(2), "import.enterprise");
        EXPECT_EQ(s.text(3), "enterprise " + E1);
        EXPECT_EQ(s.text(4), "{\"above_scale\":false,\"grade\":\"B\",\"industry\":\"机械\",\"lists\":[],\"name\":\"正鑫机械\",\"town\":\"南屏镇\",\"uscc\":\"" + E1 + "\"}");
        EXPECT_NE(s.text(5).find("\"grade\":\"A\""), std::string::npos);
    }

    // The same file again changes nothing: no row written, no audit entry.
    auto again = import(path, Table::Enterprises, "enterprises_ok.csv");
    EXPECT_EQ(again.unchanged, 3);
    EXPECT_EQ(again.added + again.updated, 0);
    EXPECT_EQ(auditCount(path), 3);
}

TEST(ExchangeImport, AnAbsentOptionalColumnKeepsTheStoredValue) {
    std::string path = savedBase("keep.db");
    ASSERT_TRUE(import(path, Table::Enterprises, "enterprises_ok.csv").written);
    ASSERT_TRUE(import(path, Table::Enterprises, "enterprises_en.csv").written);  // E3 by English headers: grade D, two lists
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    exchange::ImportOptions o{"grades.csv", date("2026-02-11"), false};
    auto report = exchange::importCsv(db.value(), Table::Enterprises, "uscc,name,grade\n" + E3 + ",云和县木玩厂,B\n", o);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->updated, 1);
    auto w = store::loadWorkspace(path);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->enterprise(E3)->enterprise.grade, CreditGrade::B);
    EXPECT_EQ(w->enterprise(E3)->enterprise.lists, (std::vector<std::string>{"key-supervision", "exempt"}));
    EXPECT_TRUE(w->enterprise(E3)->aboveScale);
    EXPECT_EQ(w->enterprise(E3)->town, "紧水滩镇");
}

TEST(ExchangeImport, ABadCodeIsNamedWithTheUsccModulesReasonAndNothingIsWritten) {
    std::string path = savedBase("bad-uscc.db");
    std::string before = digestOf(path);
    auto report = import(path, Table::Enterprises, "enterprises_bad_uscc.csv");
    EXPECT_FALSE(report.written);
    EXPECT_EQ(lines(report.problems),
              (std::vector<std::string>{"3|统一社会信用代码|bad credit code '913311250291977678': " + checkUscc("913311250291977678").summary(),
                                        "4|信用等级|'E' is not one of A, B, C or D"}));
    EXPECT_EQ(report.problems.listed[0].where(), "enterprises_bad_uscc.csv:3: 统一社会信用代码");
    EXPECT_EQ(report.problems.listed[0].why.zh, "统一社会信用代码「913311250291977678」有误：" + checkUscc("913311250291977678").summaryZh());
    EXPECT_EQ(digestOf(path), before);
}

TEST(ExchangeImport, UnknownColumnsAreNamedWithTheAcceptedOnes) {
    exchange::Problems problems;
    (void)exchange::readEnterprises(fixture("enterprises_unknown_column.csv"), "e.csv", problems);
    ASSERT_EQ(problems.total, 1);
    EXPECT_EQ(problems.listed[0].line, 1);
    EXPECT_TRUE(problems.listed[0].why.en.starts_with("unknown column: '备注'; the columns are: uscc (统一社会信用代码), name (企业名称)"))
        << problems.listed[0].why.en;
    EXPECT_NE(problems.listed[0].why.zh.find("规上企业(是/否)（above_scale）"), std::string::npos) << problems.listed[0].why.zh;

    exchange::Problems missing;
    (void)exchange::readEnterprises("统一社会信用代码,名称\n", "m.csv", missing);
    EXPECT_EQ(lines(missing), (std::vector<std::string>{"1||a required column is missing: grade (信用等级)"}));
}

TEST(ExchangeImport, ADuplicateIdNamesTheFirstLine) {
    exchange::Problems problems;
    auto rows = exchange::readEnterprises(fixture("enterprises_duplicate.csv"), "d.csv", problems);
    EXPECT_EQ(lines(problems), (std::vector<std::string>{"4|统一社会信用代码|duplicate id: already on line 2"}));
    EXPECT_EQ(rows.records.size(), 2u);
}

TEST(ExchangeImport, ListsFiftyProblemsAndCountsTheRest) {
    std::string text = "统一社会信用代码,企业名称,信用等级\n";
    for (int i = 0; i < 60; ++i) text += E1 + ",某企业,Z\n";
    exchange::Problems problems;
    (void)exchange::readEnterprises(text, "many.csv", problems);
    EXPECT_EQ(problems.total, 60 + 59);  // every grade, and 59 duplicates
    EXPECT_EQ(problems.listed.size(), exchange::kListedProblems);
    EXPECT_EQ(problems.unlisted(), 119 - 50);
    EXPECT_EQ(problems.listed.front().line, 2);
}

TEST(ExchangeImport, RowsOfTheWrongWidthAreRefused) {
    exchange::Problems problems;
    (void)exchange::readEnterprises("统一社会信用代码,企业名称,信用等级\n" + E1 + ",某企业\n" + E1 + ",某企业,A,多余\n", "w.csv", problems);
    EXPECT_EQ(lines(problems), (std::vector<std::string>{"2||only 2 fields, the header has 3 (a comma missing?)", "3||4 fields, the header has 3"}));
}

// ---- Departments --------------------------------------------------------------------------

TEST(ExchangeImport, DepartmentsAddAndUpdate) {
    std::string path = savedBase("departments.db");
    auto report = import(path, Table::Departments, "departments_ok.csv");
    ASSERT_TRUE(report.written) << (report.problems.listed.empty() ? "" : report.problems.listed[0].why.en);
    EXPECT_EQ(report.added, 1);
    EXPECT_EQ(report.updated, 1);
    auto w = store::loadWorkspace(path);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->department("market")->units, (std::vector<std::string>{"food", "pricing", "licensing"}));
    EXPECT_EQ(w->department("market")->name.en, "market supervision");  // no 英文名称 column: kept
    EXPECT_EQ(w->department("tax")->level, DepartmentLevel::City);
    EXPECT_EQ(w->department("tax")->inspectorsPerDay, 5);
}

TEST(ExchangeImport, DepartmentProblemsIncludeDroppingAUnitStoredPlansUse) {
    std::string path = savedBase("departments-bad.db");
    std::string before = digestOf(path);
    auto report = import(path, Table::Departments, "departments_bad.csv");
    EXPECT_EQ(lines(report.problems), (std::vector<std::string>{
                                          "2|层级|'区县' is not one of province, city, county or town",
                                          "3|每日可派人数|'-3' must be a whole number from 0–100000",
                                          "3|内设机构|unit 'food' is used by stored plans: it cannot be dropped"}));
    EXPECT_EQ(digestOf(path), before);
}

// ---- Plans --------------------------------------------------------------------------------

TEST(ExchangeImport, PlansAreAppendedWithTheNextIds) {
    std::string path = savedBase("plans.db");
    auto report = import(path, Table::Plans, "plans_ok.csv");
    ASSERT_TRUE(report.written) << (report.problems.listed.empty() ? "" : report.problems.listed[0].where() + " " + report.problems.listed[0].why.en);
    EXPECT_EQ(report.planIds, (std::vector<int64_t>{8, 9, 10}));
    auto w = store::loadWorkspace(path);
    ASSERT_TRUE(w) << w.error().message();
    ASSERT_EQ(w->plans.size(), 4u);
    const Plan* p8 = w->plan(8);
    EXPECT_EQ(p8->items, (std::vector<std::string>{"food-label", "price-display"}));
    EXPECT_EQ(p8->unit, "food");
    EXPECT_EQ(p8->filedOn, date("2026-02-01"));
    const Plan* p9 = w->plan(9);
    EXPECT_EQ(p9->department, "fire");  // by its Chinese name
    EXPECT_EQ(p9->exception, std::optional<std::string>("complaint-report"));
    EXPECT_EQ(p9->inspectors, 3);
    const Plan* p10 = w->plan(10);
    EXPECT_EQ(p10->kind, InspectionKind::Guidance);
    EXPECT_EQ(p10->method, Method::NonSite);
    EXPECT_EQ(p10->inspectors, 2);
    EXPECT_EQ(auditCount(path), 3);
}

TEST(ExchangeImport, DatesAreCheckedForFormCalendarOrderAndYear) {
    std::string path = savedBase("plans-dates.db");
    auto report = import(path, Table::Plans, "plans_bad_dates.csv");
    EXPECT_EQ(lines(report.problems), (std::vector<std::string>{
                                          "2|开始日期|'2026-02-30' is not a calendar date: " + Date::parse("2026-02-30").error().why,
                                          "3|开始日期|'2026/3/2' must be written 2026-03-02 (YYYY-MM-DD)",
                                          "4|结束日期|the end 2026-03-02 is before the start 2026-03-13",
                                          "5|开始日期|2025-12-01 is not in the workspace's year 2026"}));
    EXPECT_EQ(report.problems.listed[0].why.zh, "「2026-02-30」不是日历上的日期：2026 年 2 月只有 28 天");
}

TEST(ExchangeImport, UnknownReferencesAreNamed) {
    std::string path = savedBase("plans-refs.db");
    auto report = import(path, Table::Plans, "plans_bad_refs.csv");
    EXPECT_EQ(lines(report.problems), (std::vector<std::string>{
                                          "2|部门|unknown department 'police' (import it first)",
                                          "3|检查事项|unknown item 'food-labels'",
                                          "4|检查事项|item 'fire-routine' has no non-site inspection",
                                          "5|企业信用代码|enterprise " + E4 + " is not in the workspace (import it first)",
                                          "6|内设机构|department 'market' has no unit 'hygiene'"}));
}

TEST(ExchangeImport, OneBadRowMeansNothingIsWrittenAndADryRunWritesNothing) {
    std::string path = savedBase("plans-one-bad.db");
    std::string before = digestOf(path);
    auto report = import(path, Table::Plans, "plans_one_bad.csv");
    EXPECT_EQ(report.problems.total, 1);
    EXPECT_EQ(report.problems.listed[0].line, 4);
    EXPECT_FALSE(report.written);
    EXPECT_EQ(digestOf(path), before);

    auto dry = import(path, Table::Plans, "plans_ok.csv", /*dryRun=*/true);
    EXPECT_TRUE(dry.problems.empty());
    EXPECT_FALSE(dry.written);
    EXPECT_EQ(dry.added, 3);
    EXPECT_EQ(digestOf(path), before);
}

TEST(ExchangeImport, APlanIdAlreadyStoredIsRefused) {
    std::string path = savedBase("plans-id.db");
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    exchange::ImportOptions o{"ids.csv", date("2026-02-11"), false};
    auto report = exchange::importCsv(db.value(), Table::Plans,
                                      "计划编号,部门,企业信用代码,检查事项,开始日期,结束日期\n7,market," + E1 + ",food-label,2026-03-02,2026-03-13\n", o);
    ASSERT_TRUE(report);
    EXPECT_EQ(lines(report->problems), (std::vector<std::string>{"2|计划编号|plan 7 is already in the workspace"}));
}

// ---- Demands ------------------------------------------------------------------------------

// ---- Import in slices (ImportRun) -----------------------------------------------------------

// A generated Yunhe county of 150 enterprises.
Workspace generatedYunhe(uint64_t seed) {
    GenerateOptions g;
    g.county = "yunhe";
    g.enterprises = 150;
    g.seed = seed;
    g.year = 2026;
    auto generated = generateWorkspace(g, test::countyPolicy("yunhe"));
    EXPECT_TRUE(generated) << generated.error().message();
    return generated ? std::move(*generated) : Workspace{};
}

// The same county, year, departments and items, nothing else.
Workspace organisationOf(const Workspace& w) {
    Workspace empty;
    empty.county = w.county;
    empty.year = w.year;
    empty.planningDate = w.planningDate;
    empty.departments = w.departments;
    empty.items = w.items;
    return empty;
}

// A generated Yunhe county (150 enterprises, their plans), and a file with its departments and
// items only, for the county's enterprises and plans to be imported into.
struct SliceFixture {
    Workspace county;
    std::string path;
};

SliceFixture sliceFixture(const std::string& name) {
    Workspace county = generatedYunhe(9);
    std::string path = tempPath(name);
    EXPECT_TRUE(store::saveWorkspace(organisationOf(county), path));
    return {std::move(county), path};
}

exchange::ImportOptions sliceOptions(const std::string& file, bool dryRun = false) {
    exchange::ImportOptions o;
    o.file = file;
    o.date = date("2026-02-10");
    o.dryRun = dryRun;
    return o;
}

// Runs an import one row per step; `fractions` gets the progress after each step.
exchange::ImportReport importInSlices(const std::string& path, Table table, const std::string& bytes,
                                      const exchange::ImportOptions& options, std::vector<double>& fractions) {
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    EXPECT_TRUE(db) << db.error().message();
    auto run = exchange::ImportRun::start(*db, table, bytes, options);
    EXPECT_TRUE(run) << run.error().message();
    while (true) {
        auto finished = run->step(1);
        EXPECT_TRUE(finished) << finished.error().message();
        fractions.push_back(run->fraction());
        if (!finished || *finished) break;
    }
    return run->report();
}

TEST(ExchangeImportRun, OneRowAStepWritesWhatOneGoWrites) {
    SliceFixture a = sliceFixture("slices-a.db"), b = sliceFixture("slices-b.db");
    for (Table table : {Table::Enterprises, Table::Plans}) {
        std::string csv = exchange::exportCsv(a.county, table);
        std::string name = std::string(exchange::toString(table)) + ".csv";
        auto db = store::Database::open(a.path, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        auto once = exchange::importCsv(*db, table, csv, sliceOptions(name));
        ASSERT_TRUE(once) << once.error().message();
        std::vector<double> fractions;
        auto sliced = importInSlices(b.path, table, csv, sliceOptions(name), fractions);
        ASSERT_TRUE(once->problems.empty()) << once->problems.listed[0].where() << " " << once->problems.listed[0].why.en;
        EXPECT_TRUE(sliced.written);
        EXPECT_EQ(sliced.rows, once->rows);
        EXPECT_EQ(sliced.added, once->added);
        EXPECT_EQ(sliced.updated, once->updated);
        EXPECT_EQ(sliced.unchanged, once->unchanged);
        EXPECT_EQ(sliced.planIds, once->planIds);
        // Progress: parse, then a step per row checked, counted and written; it only rises,
        // and it reaches 1 on the last step only.
        EXPECT_GE(fractions.size(), 3 * static_cast<std::size_t>(once->rows));
        EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
        EXPECT_EQ(fractions.back(), 1.0);
        EXPECT_LT(fractions[fractions.size() - 2], 1.0);
    }
    EXPECT_EQ(digestOf(b.path), digestOf(a.path));  // the same rows and the same audit entries
    EXPECT_EQ(auditCount(b.path), static_cast<int64_t>(a.county.enterprises.size() + a.county.plans.size()));
}

TEST(ExchangeImportRun, ACancelledOrDroppedRunWritesNothingAndFreesTheFile) {
    SliceFixture f = sliceFixture("slices-cancel.db");
    std::string csv = exchange::exportCsv(f.county, Table::Enterprises);
    std::string before = digestOf(f.path);
    auto db = store::Database::open(f.path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    {  // cancelled part-way through writing (writing starts at 2/5 of the run)
        auto run = exchange::ImportRun::start(*db, Table::Enterprises, csv, sliceOptions("e.csv"));
        ASSERT_TRUE(run);
        while (run->fraction() < 0.7) ASSERT_FALSE(run->step(1).value());
        run->cancel();
        EXPECT_TRUE(run->done());
        EXPECT_FALSE(run->report().written);
    }
    {  // dropped part-way through writing
        auto run = exchange::ImportRun::start(*db, Table::Enterprises, csv, sliceOptions("e.csv"));
        ASSERT_TRUE(run);
        while (run->fraction() < 0.7) ASSERT_FALSE(run->step(1).value());
    }
    EXPECT_EQ(digestOf(f.path), before);
    EXPECT_EQ(auditCount(f.path), 0);
    // The transaction was given back: the file takes the next import.
    auto report = exchange::importCsv(*db, Table::Enterprises, csv, sliceOptions("e.csv"));
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_TRUE(report->written);
    EXPECT_EQ(report->added, static_cast<int64_t>(f.county.enterprises.size()));
}

TEST(ExchangeImportRun, ProblemsAndADryRunInSlicesAreThoseOfOneGo) {
    std::string path = savedBase("slices-problems.db");
    std::string before = digestOf(path);
    for (const std::string file : {"plans_bad_refs.csv", "plans_bad_dates.csv", "plans_one_bad.csv"}) {
        exchange::Problems once;
        (void)exchange::readPlans(fixture(file), file, exchange::References::of(baseWorkspace()), once);
        std::vector<double> fractions;
        auto sliced = importInSlices(path, Table::Plans, fixture(file), sliceOptions(file), fractions);
        EXPECT_FALSE(once.empty()) << file;
        EXPECT_EQ(lines(sliced.problems), lines(once)) << file;
        EXPECT_EQ(sliced.problems.total, once.total) << file;
        EXPECT_FALSE(sliced.written);
        EXPECT_EQ(sliced.rows, 0);
    }
    std::vector<double> fractions;
    auto dry = importInSlices(path, Table::Plans, fixture("plans_ok.csv"), sliceOptions("plans_ok.csv", true), fractions);
    EXPECT_TRUE(dry.problems.empty());
    EXPECT_FALSE(dry.written);
    EXPECT_EQ(dry.added, 3);
    EXPECT_EQ(digestOf(path), before);
}

TEST(ExchangeDemands, AreReadWithTheLineTheyStartOn) {
    std::string path = savedBase("demands.db");
    auto report = import(path, Table::Demands, "demands_ok.csv");
    ASSERT_TRUE(report.problems.empty()) << report.problems.listed[0].why.en;
    EXPECT_FALSE(report.written);
    ASSERT_EQ(report.demands.size(), 2u);
    EXPECT_EQ(report.demands[0].text, "厂区门口道路破损，\n大车进出困难，\n希望尽快修复");
    EXPECT_EQ(report.demands[0].category, std::optional<std::string>("基础设施类"));
    EXPECT_EQ(report.demands[0].department, std::optional<std::string>("market"));
    EXPECT_EQ(report.demands[1].line, 5);
    EXPECT_EQ(report.demands[1].text, "咨询\"个转企\"政策");
    EXPECT_FALSE(report.demands[1].category.has_value());

    auto bad = import(path, Table::Demands, "demands_multiline.csv");
    EXPECT_EQ(lines(bad.problems), (std::vector<std::string>{
                                       "5|受理日期|'2026-03-32' is not a calendar date: " + Date::parse("2026-03-32").error().why,
                                       "6|企业信用代码|enterprise " + E4 + " is not in the workspace (import it first)"}));
}

TEST(ExchangeDemands, ExportThenReadGivesTheSameCases) {
    std::vector<workflow::Case> cases;
    workflow::Case c;
    c.id = 12;
    c.workflow = "demand";
    c.enterprise = E1;
    c.title = "用电增容，\"急\"";
    c.opened = date("2026-03-02");
    c.state = "routed";
    c.deadline = date("2026-03-09");
    c.attributes = {{"category", "要素保障类"}, {"channel", "12345热线"}, {"department", "market"}};
    cases.push_back(c);
    c.id = 3;
    c.title = "咨询政策";
    c.state = "received";
    c.deadline.reset();
    c.attributes = {{"channel", "窗口"}};
    cases.push_back(c);
    c.id = 4;
    c.workflow = "finding";  // not a demand: left out
    cases.push_back(c);
    exchange::ExportOptions o;
    o.bom = true;
    std::string csv = exchange::exportDemands(cases, o);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
    exchange::Problems problems;
    auto rows = exchange::readDemands(csv, "demands.csv", exchange::References::of(baseWorkspace()), problems);
    ASSERT_TRUE(problems.empty()) << problems.listed[0].where() << " " << problems.listed[0].why.en;
    std::vector<workflow::Case> back;
    for (const auto& d : rows.records) back.push_back(exchange::demandCase(d));
    EXPECT_EQ(back[0].id, 3);
    EXPECT_EQ(exchange::exportDemands(back, o), csv);
}

// ---- Round trips ----------------------------------------------------------------------------

TEST(ExchangeRoundTrip, ExportImportExportIsByteIdentical) {
    Workspace generated = generatedYunhe(5);
    ASSERT_FALSE(generated.enterprises.empty());
    std::string a = tempPath("roundtrip-a.db");
    ASSERT_TRUE(store::saveWorkspace(generated, a));
    auto original = store::loadWorkspace(a);
    ASSERT_TRUE(original);

    Workspace fresh = organisationOf(*original);
    for (auto& d : fresh.departments) d.name.en.clear();  // import must write it back
    for (auto headers : {exchange::Headers::Chinese, exchange::Headers::English}) {
        exchange::ExportOptions o;
        o.headers = headers;
        o.bom = headers == exchange::Headers::English;
        std::string b = tempPath(headers == exchange::Headers::Chinese ? "roundtrip-zh.db" : "roundtrip-en.db");
        ASSERT_TRUE(store::saveWorkspace(fresh, b));
        auto db = store::Database::open(b, store::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        for (Table table : {Table::Departments, Table::Enterprises, Table::Plans}) {
            std::string csv = exchange::exportCsv(*original, table, o);
            auto report = exchange::importCsv(db.value(), table, csv, {std::string(exchange::toString(table)) + ".csv", date("2026-01-05"), false});
            ASSERT_TRUE(report) << report.error().message();
            ASSERT_TRUE(report->problems.empty()) << report->problems.listed[0].where() << ": " << report->problems.listed[0].why.en;
            EXPECT_TRUE(report->written || report->rows == 0);
        }
        auto loaded = store::loadWorkspace(b);
        ASSERT_TRUE(loaded) << loaded.error().message();
        for (Table table : {Table::Departments, Table::Enterprises, Table::Plans})
            EXPECT_EQ(exchange::exportCsv(*loaded, table, o), exchange::exportCsv(*original, table, o)) << exchange::toString(table);
        EXPECT_EQ(loaded->plans.size(), original->plans.size());
    }
}

// ---- Whole workspaces ----------------------------------------------------------------------

Workspace withCases() {
    Workspace w = baseWorkspace();
    w.history.emplace_back(E1, HistoryEntry{date("2026-01-15"), "fire", DepartmentLevel::County, "fire-safety", Method::OnSite, true, false, true});
    w.events.push_back({E1, date("2026-01-20"), "reward", "纳税信用A级"});
    w.visits.push_back({1, E1, date("2026-03-05"), InspectionKind::Inspection, "market", {7}, date("2026-02-20"), "IO1-x"});
    workflow::Case c;
    c.id = 1;
    c.workflow = "demand";
    c.enterprise = E1;
    c.title = "用电增容";
    c.state = "routed";
    c.opened = date("2026-03-02");
    c.entered = date("2026-03-03");
    c.deadline = date("2026-03-09");
    c.attributes = {{"channel", "窗口"}};
    c.steps.push_back({date("2026-03-02"), "receive", "", "received", {"service-center", "王芳"}, {{"channel", "窗口"}}, {"002 三(一)1"}});
    c.steps.push_back({date("2026-03-03"), "route", "received", "routed", {"service-center", ""}, {}, {}});
    w.cases.push_back(c);
    return w;
}

TEST(ExchangeArchive, BothFormatsRoundTripEveryField) {
    Workspace w = withCases();
    for (auto format : {exchange::ArchiveFormat::Binary, exchange::ArchiveFormat::Json}) {
        std::string bytes = exchange::writeWorkspaceArchive(w, format);
        auto back = exchange::readWorkspaceArchive(bytes, "w.archive");
        ASSERT_TRUE(back) << back.error().message();
        EXPECT_EQ(exchange::writeWorkspaceArchive(*back, format), bytes);
        ASSERT_EQ(back->cases.size(), 1u);
        EXPECT_EQ(back->cases[0].steps[0].actor.name, "王芳");
        EXPECT_EQ(back->cases[0].steps[0].clause.clause, "002 三(一)1");
        EXPECT_EQ(back->cases[0].deadline, date("2026-03-09"));
        EXPECT_FALSE(back->cases[0].remindOn.has_value());
        EXPECT_EQ(back->visits[0].noticeDate, date("2026-02-20"));
        EXPECT_EQ(back->history[0].second.violation, true);
        EXPECT_EQ(back->enterprises[1].enterprise.code.str(), E2);
    }
    EXPECT_TRUE(exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Json).starts_with("{\n    \"magic\": \"inspectonce-workspace\",\n    \"version\": 1,"));
}

TEST(ExchangeArchive, SaveExportImportSaveKeepsTheDigest) {
    GenerateOptions g;
    g.county = "pingyang";
    g.enterprises = 120;
    g.seed = 9;
    g.year = 2026;
    auto generated = generateWorkspace(g, test::countyPolicy("pingyang"));
    ASSERT_TRUE(generated);
    std::string a = tempPath("archive-a.db");
    ASSERT_TRUE(store::saveWorkspace(*generated, a));
    auto loaded = store::loadWorkspace(a);
    ASSERT_TRUE(loaded);
    for (auto format : {exchange::ArchiveFormat::Binary, exchange::ArchiveFormat::Json}) {
        auto back = exchange::readWorkspaceArchive(exchange::writeWorkspaceArchive(*loaded, format), "a");
        ASSERT_TRUE(back) << back.error().message();
        std::string b = tempPath(format == exchange::ArchiveFormat::Binary ? "archive-b.db" : "archive-j.db");
        ASSERT_TRUE(store::saveWorkspace(*back, b));
        EXPECT_EQ(digestOf(b), digestOf(a));
    }
}

TEST(ExchangeArchive, EveryTruncationIsAnErrorNeverACrash) {
    std::string bytes = exchange::writeWorkspaceArchive(withCases(), exchange::ArchiveFormat::Binary);
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        auto r = exchange::readWorkspaceArchive(std::string_view(bytes).substr(0, n), "cut.archive");
        ASSERT_FALSE(r) << n;
        ASSERT_EQ(r.error().where.substr(0, 11), "cut.archive") << n;
    }
    auto cut = exchange::readWorkspaceArchive(std::string_view(bytes).substr(0, bytes.size() - 3), "cut.archive");
    EXPECT_NE(cut.error().why.find("workspace.cases[0].steps[1].clause.clause at byte"), std::string::npos) << cut.error().why;
    auto longer = exchange::readWorkspaceArchive(bytes + "xy", "long.archive");
    EXPECT_EQ(longer.error().why, "2 bytes after the end of the workspace (damaged?)");

    std::string json = exchange::writeWorkspaceArchive(withCases(), exchange::ArchiveFormat::Json);
    for (std::size_t n = 1; n < json.size(); n += 7) ASSERT_FALSE(exchange::readWorkspaceArchive(std::string_view(json).substr(0, n), "cut.json")) << n;
}

TEST(ExchangeArchive, WrongFilesAreNamedForWhatTheyAre) {
    auto empty = exchange::readWorkspaceArchive("", "e");
    EXPECT_EQ(empty.error().why, "empty: not a workspace archive");
    auto text = exchange::readWorkspaceArchive("统一社会信用代码,企业名称\n", "t.csv");
    EXPECT_NE(text.error().why.find("neither portable binary nor JSON"), std::string::npos);
    auto other = exchange::readWorkspaceArchive("{\"magic\": \"something-else\", \"version\": 1}", "o.json");
    EXPECT_EQ(other.error().why, "not an InspectOnce workspace archive (it does not begin with 'inspectonce-workspace', but with 'something-else')");
    auto newer = exchange::readWorkspaceArchive("{\"magic\": \"inspectonce-workspace\", \"version\": 2}", "n.json");
    EXPECT_EQ(newer.error().why, "archive version 2, this build reads version 1 (written by a newer InspectOnce)");

    // A damaged value: a plan's kind out of range, in JSON and in binary.
    Workspace w = withCases();
    std::string json = exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Json);
    std::size_t at = json.find("\"kind\": 0,\n                \"method\"");
    ASSERT_NE(at, std::string::npos);
    json.replace(at, 10, "\"kind\": 9,");
    auto kind = exchange::readWorkspaceArchive(json, "k.json");
    EXPECT_EQ(kind.error().why, "workspace.plans[0].kind: value 9 out of range (0–3)");
    std::string missing = exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Json);
    missing.replace(missing.find("\"lead\""), 6, "\"Lead\"");
    EXPECT_EQ(exchange::readWorkspaceArchive(missing, "m.json").error().why, "workspace.visits[0].lead: missing");
    std::string typed = exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Json);
    typed.replace(typed.find("\"year\": 2026"), 12, "\"year\": \"26\"");
    EXPECT_EQ(exchange::readWorkspaceArchive(typed, "y.json").error().why, "workspace.year: expected an integer, found string");

    // Found by the fuzzer: text that is not UTF-8 in a binary archive (JSON could not carry it).
    std::string binary = exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Binary);
    std::size_t name = binary.find("市场监管局");
    ASSERT_NE(name, std::string::npos);
    binary[name + 1] = '\x41';
    EXPECT_EQ(exchange::readWorkspaceArchive(binary, "u.archive").error().why,
              "workspace.departments[1].name.zh at byte " + std::to_string(name) + ": text that is not UTF-8");

    // Valid as an archive but not as a workspace: validate() names the record.
    w.plans[0].department = "nobody";
    auto invalid = exchange::readWorkspaceArchive(exchange::writeWorkspaceArchive(w, exchange::ArchiveFormat::Binary), "i.archive");
    EXPECT_EQ(invalid.error().message(), "i.archive: plans 7: unknown department 'nobody'");
}

}  // namespace
}  // namespace inspectonce
