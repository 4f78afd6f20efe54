// inspectonce audit verify FILE.db [--json]
// inspectonce audit log FILE.db [--subject S] [--json]
// The workspace's audit log (audit.hpp): verify re-checks the hash chain and the recorded
// head — exit 0 intact, 1 broken (each problem "entry N: why"), 2 bad input; log lists the
// entries (all, or those of one subject such as "case 12").
#include <filesystem>
#include <memory>

#include "cli.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::cli {
namespace {

struct AuditArgs {
    std::string file;
    std::string subject;
};

// The log is read from the file as it is; an older workspace (schema 1–2) has no log yet and
// is read through a migrated in-memory copy (an empty, intact log), never changed.
Result<store::Database> openLog(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return makeError(path, "no such workspace file");
    IO_TRY(db, store::Database::open(path, store::Database::Mode::ReadOnly));
    IO_TRY(version, db.version());
    if (version == 0) return makeError(path, "not a workspace (schema version 0)");
    if (version > store::currentSchemaVersion())
        return makeError(path, "schema version " + std::to_string(version) + " is newer than this build's " +
                                   std::to_string(store::currentSchemaVersion()));
    if (version < 3) {
        IO_TRY(copy, store::Database::openCopy(path));
        IO_CHECK(store::migrate(copy));
        return std::move(copy);
    }
    return std::move(db);
}

Text kindText(audit::Problem::Kind kind) {
    using K = audit::Problem::Kind;
    switch (kind) {
        case K::Edited: return {"内容与其哈希不符（被修改？）", "its content does not match its hash (edited?)"};
        case K::BrokenLink: return {"链接不是前一条的哈希（前一条被替换？）", "its link is not the previous entry's hash (an entry before it replaced?)"};
        case K::Missing: return {"缺失（被删除？）", "missing (deleted?)"};
        case K::Duplicate: return {"序号重复或倒序（被插入？）", "a repeated or out-of-order seq (inserted?)"};
        case K::Truncated: return {"末尾缺失：记录的头部条数多于日志（被截断？）", "missing at the end: the recorded head counts more (cut off?)"};
        case K::BeyondHead: return {"超出记录的头部条数（在日志之外添加？）", "beyond the recorded head (added outside the log?)"};
        case K::HeadMismatch: return {"哈希与记录的头部哈希不符", "its hash is not the recorded head hash"};
        case K::BadValue: return {"存储的值无法读取", "a stored value cannot be read"};
    }
    return {"未知问题", "unknown problem"};
}

int verifyCommand(const AuditArgs& a, const Options& options) {
    auto db = openLog(a.file);
    if (!db) return fail(db.error());
    auto verdict = store::verifyAudit(db.value());
    if (!verdict) return fail(verdict.error());
    const audit::Verdict& v = *verdict;
    bool intact = v.problems.empty();
    if (options.json) {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : v.problems)
            problems.push_back({{"seq", p.seq}, {"kind", std::string(audit::toString(p.kind))}, {"what", p.what}});
        printJson({{"file", a.file}, {"intact", intact}, {"entries", v.entries}, {"head", v.head}, {"problems", problems}});
        return intact ? kOk : kNo;
    }
    bool en = options.lang() == Language::English;
    if (intact) {
        if (en) std::cout << a.file << ": audit log intact, " << v.entries << " entries" << (v.head.empty() ? "" : ", head " + v.head) << "\n";
        else std::cout << a.file << "：审计日志完整，共 " << v.entries << " 条" << (v.head.empty() ? "" : "，头部哈希 " + v.head) << "\n";
        return kOk;
    }
    if (en) std::cout << a.file << ": audit log BROKEN, " << v.problems.size() << " problem(s) in " << v.entries << " entries\n";
    else std::cout << a.file << "：审计日志已被破坏，" << v.entries << " 条中发现 " << v.problems.size() << " 个问题\n";
    for (const auto& p : v.problems) {
        std::string who = p.seq == 0 ? (en ? std::string("log") : std::string("日志")) : (en ? "entry " : "第 ") + std::to_string(p.seq) + (en ? "" : " 条");
        if (en) std::cout << who << ": " << p.what << "\n";
        else std::cout << who << "：" << options.say(kindText(p.kind)) << "（" << p.what << "）\n";
    }
    return kNo;
}

int logCommand(const AuditArgs& a, const Options& options) {
    auto db = openLog(a.file);
    if (!db) return fail(db.error());
    auto entries = store::readAudit(db.value());
    if (!entries) return fail(entries.error());
    std::vector<const audit::Entry*> shown;
    for (const auto& e : *entries)
        if (a.subject.empty() || e.subject == a.subject) shown.push_back(&e);
    if (options.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto* e : shown)
            out.push_back({{"seq", e->seq}, {"date", e->date.iso()}, {"actor", e->actor}, {"action", e->action},
                           {"subject", e->subject}, {"clause", e->clause}, {"before", e->before}, {"after", e->after},
                           {"previous", e->previous}, {"hash", e->hash}});
        printJson(out);
        return kOk;
    }
    bool en = options.lang() == Language::English;
    for (const auto* e : shown) {
        std::cout << e->seq << "  " << e->date.iso() << "  " << e->actor << "  " << e->action << "  " << e->subject;
        if (!e->clause.empty()) std::cout << "  [" << e->clause << "]";
        std::cout << "\n";
    }
    if (en) std::cout << shown.size() << " of " << entries->size() << " entries\n";
    else std::cout << "共 " << entries->size() << " 条，显示 " << shown.size() << " 条\n";
    return kOk;
}

}  // namespace

void addAuditCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* group = app.add_subcommand("audit", "The workspace's audit log: verify its hash chain, list its entries");
    group->require_subcommand(1);
    auto v = std::make_shared<AuditArgs>();
    auto* verify = group->add_subcommand("verify", "Re-check the hash chain and the recorded head: exit 0 intact, 1 broken, 2 bad input");
    verify->add_option("file", v->file, "the workspace file (SQLite)")->required();
    verify->callback([v, &options, &exitCode] { exitCode = verifyCommand(*v, options); });
    auto l = std::make_shared<AuditArgs>();
    auto* log = group->add_subcommand("log", "List the audit entries, oldest first");
    log->add_option("file", l->file, "the workspace file (SQLite)")->required();
    log->add_option("--subject", l->subject, "only the entries about this subject (\"case 12\", \"enterprise 9133…\")");
    log->callback([l, &options, &exitCode] { exitCode = logCommand(*l, options); });
}

}  // namespace inspectonce::cli
