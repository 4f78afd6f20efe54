// inspectonce code verify TOKEN --workspace FILE [--json]
// inspectonce code show VISIT_ID --workspace FILE [--invert]
// Inspection codes (亮码, 004 二(十)). verify checks a token against the workspace's filing
// and says what it stands for: exit 0 valid, 1 invalid (why on stdout), 2 bad input. show
// prints a visit's token and its QR code for a terminal: exit 1 when the visit gets no code
// (not filed before it).
#include <memory>

#include "cli.hpp"
#include "inspectonce/inspection_code.hpp"
#include "inspectonce/qr.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::cli {
namespace {

struct CodeArgs {
    std::string token, workspace;
    int64_t visit = 0;
    bool invert = false;
};

int verify(const CodeArgs& a, const Options& options) {
    auto workspace = store::loadWorkspace(a.workspace);
    if (!workspace) return fail(workspace.error());
    auto check = verifyCode(a.token, *workspace);
    if (options.json) printJson(toJson(check));
    else std::cout << describe(check, options.lang());
    return check.valid() ? kOk : kNo;
}

int show(const CodeArgs& a, const Options& options) {
    auto workspace = store::loadWorkspace(a.workspace);
    if (!workspace) return fail(workspace.error());
    const Visit* visit = nullptr;
    for (const auto& v : workspace->visits)
        if (v.id == a.visit) visit = &v;
    if (!visit) return fail(makeError("VISIT_ID", "the workspace has no visit " + std::to_string(a.visit)));
    std::string token = issueCode(*workspace, *visit);
    bool en = options.lang() == Language::English;
    if (token.empty()) {
        auto why = whyNoCode(*workspace, *visit);
        std::cout << (en ? "no inspection code: " : "无检查码：") << (why ? why->in(options.lang()) : "") << " ["
                  << kInspectionCodeClause.text() << "]\n";
        return kNo;
    }
    if (!visit->code.empty() && visit->code != token)
        std::cerr << "inspectonce: " << (en ? "the stored code " + visit->code + " no longer matches the filing"
                                            : "已存的检查码 " + visit->code + " 与备案不再一致")
                  << "\n";
    auto qr = qrFor(token);
    if (!qr) return fail(qr.error());
    if (options.json) {
        printJson({{"token", token}, {"visit", visit->id}, {"version", qr->version}, {"size", qr->size}});
        return kOk;
    }
    std::cout << token << "\n" << qrText(*qr, a.invert);
    return kOk;
}

}  // namespace

void addCodeCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* code = app.add_subcommand("code", "Inspection codes (亮码): verify a token, show a visit's code");
    code->require_subcommand(1);

    auto v = std::make_shared<CodeArgs>();
    auto* verifyCommand = code->add_subcommand("verify", "Check a token against the workspace's filing");
    verifyCommand->add_option("token", v->token, "the token shown at the door, IO1-<county>-<visit>-<hash>")->required();
    verifyCommand->add_option("--workspace", v->workspace, "the workspace file")->required();
    verifyCommand->callback([v, &options, &exitCode] { exitCode = verify(*v, options); });

    auto s = std::make_shared<CodeArgs>();
    auto* showCommand = code->add_subcommand("show", "Print a visit's token and its QR code");
    showCommand->add_option("visit", s->visit, "the visit's id")->required();
    showCommand->add_option("--workspace", s->workspace, "the workspace file")->required();
    showCommand->add_flag("--invert", s->invert, "light modules as ink, for dark terminals");
    showCommand->callback([s, &options, &exitCode] { exitCode = show(*s, options); });
}

}  // namespace inspectonce::cli
