// inspectonce import FILE.db TABLE CSV --date D [--dry-run]
// inspectonce export FILE.db TABLE [--out CSV] [--headers zh|en] [--bom]
// inspectonce workspace export FILE.db --out F.cereal [--format binary|json] [--digest]
// inspectonce workspace import F.cereal --out NEW.db [--digest]
// CSV import and export of enterprises, departments, plans and demands (exchange.hpp), and
// whole workspaces as cereal archives. A file with bad rows is refused whole: every problem
// on stderr as "inspectonce: FILE:LINE: COLUMN: why" (the first 50, then how many more), exit 2.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"
#include "inspectonce/exchange.hpp"
#include "inspectonce/generate.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::cli {
namespace {

struct ImportArgs {
    std::string file;
    std::string table;
    std::string csv;
    std::string date;
    bool dryRun = false;
};

struct ExportArgs {
    std::string file;
    std::string table;
    std::string out;
    std::string headers = "zh";
    bool bom = false;
};

struct ArchiveArgs {
    std::string file;
    std::string out;
    std::string format = "binary";
    bool digest = false;
};

Text tableName(exchange::Table table) {
    switch (table) {
        case exchange::Table::Enterprises: return {"企业", "enterprises"};
        case exchange::Table::Departments: return {"部门", "departments"};
        case exchange::Table::Plans: return {"检查计划", "plans"};
        case exchange::Table::Demands: return {"诉求", "demands"};
    }
    return {};
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path, "cannot read the file (no such file?)");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Status writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(path, "cannot write the file (is the folder there and writable?)");
    out << bytes;
    out.close();
    if (!out) return makeError(path, "writing failed");
    return Ok{};
}

void removeDatabase(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

// A workspace file as the exchange commands take it: there already, brought to this schema.
Result<store::Database> openWorkspace(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return makeError(path, "no such workspace file");
    IO_TRY(db, store::Database::open(path, store::Database::Mode::ReadWrite));
    IO_CHECK(store::migrate(db));
    return std::move(db);
}

int importCommand(const ImportArgs& a, const Options& options) {
    auto table = exchange::parseTable(a.table);
    if (!table) return fail(makeError("TABLE", table.error().why));
    auto date = Date::parse(a.date);
    if (!date) return fail(makeError("--date", date.error().message()));
    auto bytes = readFile(a.csv);
    if (!bytes) return fail(bytes.error());
    auto db = openWorkspace(a.file);
    if (!db) return fail(db.error());
    exchange::ImportOptions o;
    o.file = a.csv;
    o.date = *date;
    o.dryRun = a.dryRun;
    auto report = exchange::importCsv(db.value(), *table, *bytes, o);
    if (!report) return fail(report.error());
    const auto& r = *report;
    bool en = options.lang() == Language::English;

    if (options.json) {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : r.problems.listed) {
            nlohmann::json one;
            one["file"] = p.file;
            one["line"] = p.line;
            one["column"] = p.column;
            one["why"] = options.say(p.why);
            problems.push_back(one);
        }
        nlohmann::json out;
        out["table"] = a.table;
        out["file"] = a.file;
        out["csv"] = a.csv;
        out["rows"] = r.rows;
        out["added"] = r.added;
        out["updated"] = r.updated;
        out["unchanged"] = r.unchanged;
        out["written"] = r.written;
        out["dry_run"] = a.dryRun;
        out["problems"] = problems;
        out["problem_count"] = r.problems.total;
        if (*table == exchange::Table::Plans) out["plan_ids"] = r.planIds;
        printJson(out);
    }
    if (!r.problems.empty()) {
        for (const auto& p : r.problems.listed) std::cerr << "inspectonce: " << p.where() << ": " << options.say(p.why) << "\n";
        if (r.problems.unlisted() > 0)
            std::cerr << "inspectonce: " << a.csv << ": "
                      << (en ? "and " + std::to_string(r.problems.unlisted()) + " more problems"
                             : "另有 " + std::to_string(r.problems.unlisted()) + " 处问题")
                      << "\n";
        std::cerr << "inspectonce: " << a.csv << ": "
                  << (en ? std::to_string(r.problems.total) + " problems: nothing imported"
                         : "共 " + std::to_string(r.problems.total) + " 处问题：未导入任何内容")
                  << "\n";
        return kBadInput;
    }
    if (options.json) return kOk;
    const Text name = tableName(*table);
    if (*table == exchange::Table::Demands) {
        if (en)
            std::cout << "demands: " << r.rows << " rows checked, none written (cases are opened by the demand workflow)\n";
        else
            std::cout << "诉求：" << r.rows << " 行检查通过，未写入（由诉求工作流立案）\n";
        return kOk;
    }
    if (en) {
        std::cout << name.en << ": " << r.rows << " rows " << (a.dryRun ? "checked" : "imported") << " (" << r.added << " added";
        if (*table != exchange::Table::Plans) std::cout << ", " << r.updated << " updated, " << r.unchanged << " unchanged";
        std::cout << ")" << (a.dryRun ? ", dry run: nothing written to " : " into ") << a.file << "\n";
    } else {
        std::cout << name.zh << "：" << (a.dryRun ? "检查 " : "导入 ") << r.rows << " 行（新增 " << r.added;
        if (*table != exchange::Table::Plans) std::cout << "，更新 " << r.updated << "，未变 " << r.unchanged;
        std::cout << "）" << (a.dryRun ? "，试运行：未写入 " : "，已写入 ") << a.file << "\n";
    }
    return kOk;
}

int exportCommand(const ExportArgs& a, const Options& options) {
    auto table = exchange::parseTable(a.table);
    if (!table) return fail(makeError("TABLE", table.error().why));
    auto headers = exchange::parseHeaders(a.headers);
    if (!headers) return fail(makeError("--headers", headers.error().why));
    if (options.json && a.out.empty())
        return fail(makeError("--json", "prints a summary of the file written: needs --out (without it the CSV goes to standard output)"));
    std::error_code ec;
    if (!std::filesystem::exists(a.file, ec)) return fail(makeError(a.file, "no such workspace file"));
    auto workspace = store::loadWorkspace(a.file);
    if (!workspace) return fail(workspace.error());
    if (*table == exchange::Table::Demands) {
        auto db = store::Database::open(a.file, store::Database::Mode::ReadOnly);
        if (!db) return fail(db.error());
        auto cases = store::loadCases(db.value(), "demand");
        if (!cases) return fail(cases.error());
        workspace.value().cases = std::move(cases.value());
    }
    exchange::ExportOptions o;
    o.headers = *headers;
    o.bom = a.bom;
    std::string csv = exchange::exportCsv(*workspace, *table, o);
    if (a.out.empty()) {
        std::cout << csv;
        return kOk;
    }
    Status written = writeFile(a.out, csv);
    if (!written) return fail(written.error());
    int64_t rows = 0;
    for (char c : csv) rows += c == '\n';
    rows -= 1;  // the header
    if (options.json) {
        printJson({{"table", a.table}, {"file", a.file}, {"out", a.out}, {"rows", rows}, {"bytes", csv.size()}, {"headers", a.headers}, {"bom", a.bom}});
    } else if (options.lang() == Language::English) {
        std::cout << tableName(*table).en << ": " << rows << " rows written to " << a.out << "\n";
    } else {
        std::cout << tableName(*table).zh << "：" << rows << " 行已导出到 " << a.out << "\n";
    }
    return kOk;
}

void printWorkspaceSummary(const Workspace& w, const std::string& verbZh, const std::string& verbEn, const std::string& path,
                           std::size_t bytes, const std::string& digest, const Options& options) {
    if (options.lang() == Language::English) {
        std::cout << "workspace " << w.county << " " << w.year << " " << verbEn << " " << path;
        if (bytes) std::cout << " (" << bytes << " bytes)";
        std::cout << ": enterprises " << w.enterprises.size() << ", departments " << w.departments.size() << ", items " << w.items.size()
                  << ", plans " << w.plans.size() << ", visits " << w.visits.size() << ", cases " << w.cases.size() << "\n";
        if (!digest.empty()) std::cout << "content digest " << digest << "\n";
    } else {
        std::cout << "工作区 " << w.county << " " << w.year << " 年" << verbZh << " " << path;
        if (bytes) std::cout << "（" << bytes << " 字节）";
        std::cout << "：企业 " << w.enterprises.size() << "，部门 " << w.departments.size() << "，检查事项 " << w.items.size()
                  << "，检查计划 " << w.plans.size() << "，检查行程 " << w.visits.size() << "，案件 " << w.cases.size() << "\n";
        if (!digest.empty()) std::cout << "内容摘要 " << digest << "\n";
    }
}

nlohmann::json workspaceJson(const Workspace& w) {
    return {{"county", w.county}, {"year", w.year}, {"enterprises", w.enterprises.size()}, {"departments", w.departments.size()},
            {"items", w.items.size()}, {"plans", w.plans.size()}, {"visits", w.visits.size()}, {"cases", w.cases.size()}};
}

int workspaceExport(const ArchiveArgs& a, const Options& options) {
    auto format = exchange::parseArchiveFormat(a.format);
    if (!format) return fail(makeError("--format", format.error().why));
    std::error_code ec;
    if (!std::filesystem::exists(a.file, ec)) return fail(makeError(a.file, "no such workspace file"));
    auto workspace = store::loadWorkspace(a.file);
    if (!workspace) return fail(workspace.error());
    {
        auto db = store::Database::open(a.file, store::Database::Mode::ReadOnly);
        if (!db) return fail(db.error());
        auto cases = store::loadCases(db.value());
        if (!cases) return fail(cases.error());
        workspace.value().cases = std::move(cases.value());
    }
    std::string bytes = exchange::writeWorkspaceArchive(*workspace, *format);
    Status written = writeFile(a.out, bytes);
    if (!written) return fail(written.error());
    std::string digest;
    if (a.digest) {
        auto d = workspaceFileDigest(a.file);
        if (!d) return fail(d.error());
        digest = *d;
    }
    if (options.json) {
        nlohmann::json out = workspaceJson(*workspace);
        out["out"] = a.out;
        out["format"] = a.format;
        out["bytes"] = bytes.size();
        if (!digest.empty()) out["digest"] = digest;
        printJson(out);
    } else {
        printWorkspaceSummary(*workspace, "已导出到", "exported to", a.out, bytes.size(), digest, options);
    }
    return kOk;
}

int workspaceImport(const ArchiveArgs& a, const Options& options) {
    std::error_code ec;
    if (std::filesystem::exists(a.out, ec))
        return fail(makeError("--out", a.out + " already exists: a workspace is imported into a new file"));
    auto bytes = readFile(a.file);
    if (!bytes) return fail(bytes.error());
    auto workspace = exchange::readWorkspaceArchive(*bytes, a.file);
    if (!workspace) return fail(workspace.error());
    Status saved = store::saveWorkspace(*workspace, a.out);
    if (!saved) {
        removeDatabase(a.out);
        return fail(saved.error());
    }
    std::string digest;
    if (a.digest) {
        auto d = workspaceFileDigest(a.out);
        if (!d) return fail(d.error());
        digest = *d;
    }
    if (options.json) {
        nlohmann::json out = workspaceJson(*workspace);
        out["out"] = a.out;
        if (!digest.empty()) out["digest"] = digest;
        printJson(out);
    } else {
        printWorkspaceSummary(*workspace, "已导入到", "imported into", a.out, 0, digest, options);
    }
    return kOk;
}

}  // namespace

void addExchangeCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto i = std::make_shared<ImportArgs>();
    auto* importCmd = app.add_subcommand("import", "Import a CSV file of enterprises, departments, plans or demands into a workspace");
    importCmd->add_option("file", i->file, "the workspace file (SQLite)")->required();
    importCmd->add_option("table", i->table, "enterprises, departments, plans or demands")->required();
    importCmd->add_option("csv", i->csv, "the CSV file (UTF-8; Chinese headers or column ids)")->required();
    importCmd->add_option("--date", i->date, "the business date of the import, YYYY-MM-DD (its audit entries')")->required();
    importCmd->add_flag("--dry-run", i->dryRun, "check every row and count, write nothing");
    importCmd->callback([i, &options, &exitCode] { exitCode = importCommand(*i, options); });

    auto e = std::make_shared<ExportArgs>();
    auto* exportCmd = app.add_subcommand("export", "Export enterprises, departments, plans or demands as CSV");
    exportCmd->add_option("file", e->file, "the workspace file (SQLite)")->required();
    exportCmd->add_option("table", e->table, "enterprises, departments, plans or demands")->required();
    exportCmd->add_option("--out", e->out, "the CSV file to write (default: standard output)");
    exportCmd->add_option("--headers", e->headers, "zh: Chinese headers and words (default); en: column ids");
    exportCmd->add_flag("--bom", e->bom, "begin with a UTF-8 BOM (for Excel)");
    exportCmd->callback([e, &options, &exitCode] { exitCode = exportCommand(*e, options); });

    auto* workspace = app.add_subcommand("workspace", "A whole workspace as a cereal archive (portable binary or JSON)");
    workspace->require_subcommand(1);
    auto x = std::make_shared<ArchiveArgs>();
    auto* wsExport = workspace->add_subcommand("export", "Write the whole workspace (cases included) to an archive");
    wsExport->add_option("file", x->file, "the workspace file (SQLite)")->required();
    wsExport->add_option("--out", x->out, "the archive to write")->required();
    wsExport->add_option("--format", x->format, "binary (portable, default) or json");
    wsExport->add_flag("--digest", x->digest, "print the workspace file's content digest");
    wsExport->callback([x, &options, &exitCode] { exitCode = workspaceExport(*x, options); });
    auto m = std::make_shared<ArchiveArgs>();
    auto* wsImport = workspace->add_subcommand("import", "Read an archive (either format), validate it and write a new workspace file");
    wsImport->add_option("archive", m->file, "the archive (binary or JSON)")->required();
    wsImport->add_option("--out", m->out, "the new workspace file")->required();
    wsImport->add_flag("--digest", m->digest, "print the new file's content digest");
    wsImport->callback([m, &options, &exitCode] { exitCode = workspaceImport(*m, options); });
}

}  // namespace inspectonce::cli
