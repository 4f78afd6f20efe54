// The printable documents: plain HTML with print styles, no script, everything escaped.
#include "inspectonce/documents.hpp"

#include "inspectonce/generate.hpp"

namespace inspectonce::documents {
namespace {

// A unit as the enterprise reads it: a generated unit's Chinese name, else as keyed in.
std::string unitName(const std::string& unit) {
    const Text* name = generatedUnitName(unit);
    return name ? name->zh : unit;
}

// The top of every page: A4, a serif Chinese face, the title centred as on official paper.
std::string page(const std::string& title, const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapeHtml(title) +
           "</title>\n<style>\n"
           "@page { size: A4; margin: 25mm 20mm; }\n"
           "body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", serif; "
           "font-size: 14pt; line-height: 1.8; max-width: 170mm; margin: 0 auto; color: #000; }\n"
           "h1 { text-align: center; font-size: 20pt; letter-spacing: 0.2em; margin: 0.5em 0 1em; }\n"
           "table { width: 100%; border-collapse: collapse; font-size: 11pt; }\n"
           "th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }\n"
           "th { background: #eee; }\n"
           ".clause { font-size: 10pt; color: #333; }\n"
           ".sign { margin-top: 3em; text-align: right; }\n"
           "@media print { .clause { color: #000; } }\n"
           "</style>\n</head>\n<body>\n<h1>" +
           escapeHtml(title) + "</h1>\n" + body + "</body>\n</html>\n";
}

std::string cnDate(Date date) {
    return std::to_string(date.year()) + "年" + std::to_string(date.month()) + "月" + std::to_string(date.day()) + "日";
}

std::string paragraph(const std::string& html) { return "<p>" + html + "</p>\n"; }

std::string clauseLine(const std::string& county, const Citation& clause) {
    if (clause.clause.empty()) return "";
    return "<p class=\"clause\">依据：" + escapeHtml(county) + "涉企检查文件 " + escapeHtml(clause.clause) + "</p>\n";
}

}  // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string adviceNoticeHtml(const Notice& notice, const std::string& county) {
    std::string body;
    body += paragraph(escapeHtml(notice.enterpriseName.empty() ? notice.enterprise : notice.enterpriseName) + "（统一社会信用代码 " +
                      escapeHtml(notice.enterprise) + "）：");
    body += paragraph("&emsp;&emsp;根据工作安排，" + escapeHtml(notice.leadName.zh) + "牵头，定于" + cnDate(notice.date) +
                      "到你单位开展" + (notice.lines.size() > 1 ? std::string("联合") : std::string()) +
                      "检查（进一次门、查多项事）。检查事项、部门及人员如下：");
    body += "<table>\n<tr><th>部门</th><th>检查事项</th><th>检查人员</th></tr>\n";
    for (const NoticeLine& line : notice.lines) {
        std::string items, officers;
        for (const Text& item : line.items) items += (items.empty() ? "" : "、") + escapeHtml(item.zh);
        for (const std::string& name : line.inspectors) officers += (officers.empty() ? "" : "、") + escapeHtml(name);
        body += "<tr><td>" + escapeHtml(line.departmentName.zh.empty() ? line.department : line.departmentName.zh) +
                (line.unit.empty() ? "" : "（" + escapeHtml(unitName(line.unit)) + "）") + "</td><td>" + items + "</td><td>" +
                officers + "</td></tr>\n";
    }
    body += "</table>\n";
    if (!notice.code.empty())
        body += paragraph("&emsp;&emsp;检查人员入企时将出示检查码 <strong>" + escapeHtml(notice.code) +
                          "</strong>，未亮码的检查，你单位有权拒绝。");
    body += paragraph("&emsp;&emsp;请提前做好准备。如有疑问，请与牵头部门联系。");
    body += "<p class=\"sign\">" + escapeHtml(notice.leadName.zh) + "<br>" +
            (notice.sentOn ? cnDate(*notice.sentOn) : std::string("（例外情形，不预告）")) + "</p>\n";
    if (notice.clause) body += clauseLine(county, *notice.clause);
    return page("涉企检查预告通知书", body);
}

std::string commitmentHtml(const Workspace& workspace, const workflow::Definition& findings,
                           const workflow::Case& finding, const std::string& county) {
    const WorkspaceEnterprise* enterprise = workspace.enterprise(finding.enterprise);
    std::string name = enterprise ? enterprise->enterprise.name : finding.enterprise;
    std::optional<Date> deadline = finding.deadline;
    if (const std::string* given = workflow::find(finding.attributes, "deadline")) {
        if (auto parsed = Date::parse(*given)) deadline = parsed.value();
    }
    const std::string* measures = workflow::find(finding.attributes, "measures");
    const WorkspaceDepartment* department = workspace.department(finding.department);
    std::string body;
    body += paragraph("企业名称：" + escapeHtml(name));
    body += paragraph("统一社会信用代码：" + escapeHtml(finding.enterprise));
    body += paragraph("检查部门：" + escapeHtml(department ? department->name.zh : finding.department));
    body += paragraph("发现问题：" + escapeHtml(finding.title));
    body += paragraph("整改措施：" + (measures ? escapeHtml(*measures) : std::string("________________________________")));
    body += paragraph("整改期限：" + (deadline ? cnDate(*deadline) + "前" : std::string("______年____月____日前")));
    body += paragraph("&emsp;&emsp;本单位承诺：按上述措施和期限完成整改，并将整改情况报检查部门；逾期未完成整改的，"
                      "依法承担相应责任。");
    body += "<p class=\"sign\">承诺单位（盖章）：__________________<br>法定代表人（签字）：__________<br>" +
            cnDate(finding.entered) + "</p>\n";
    body += paragraph("（案件编号 " + std::to_string(finding.id) + "，" + escapeHtml(findings.name.zh) + "）");
    const workflow::State* state = findings.state(finding.state);
    body += clauseLine(county, state && !state->clause.clause.empty() ? state->clause : findings.clause);
    return page("整改承诺书", body);
}

std::string closureListHtml(const report::ClosureList& list, const std::string& county) {
    std::string body;
    body += paragraph("截至" + cnDate(list.day) + "：共 " + std::to_string(list.lines.size()) + " 项，已销号 " +
                      std::to_string(list.closed) + " 项，未销号 " + std::to_string(list.open) + " 项（其中逾期 " +
                      std::to_string(list.overdue) + " 项）。");
    body += "<table>\n<tr><th>编号</th><th>企业</th><th>问题</th><th>发现日期</th><th>状态</th><th>整改期限</th>"
            "<th>销号日期</th><th>依据</th></tr>\n";
    for (const report::ClosureLine& line : list.lines) {
        std::string status = escapeHtml(line.stateName.zh.empty() ? line.state : line.stateName.zh);
        if (line.standing == workflow::Standing::Overdue || line.standing == workflow::Standing::Escalated)
            status += "（" + escapeHtml(workflow::label(line.standing).zh) + "）";
        body += "<tr><td>" + std::to_string(line.caseId) + "</td><td>" +
                escapeHtml(line.enterpriseName.empty() ? line.enterprise : line.enterpriseName) + "</td><td>" +
                escapeHtml(line.title) + "</td><td>" + line.opened.iso() + "</td><td>" + status + "</td><td>" +
                (line.deadline ? line.deadline->iso() : "") + "</td><td>" + (line.closedOn ? line.closedOn->iso() : "") +
                "</td><td>" + escapeHtml(line.clause.clause) + "</td></tr>\n";
    }
    body += "</table>\n";
    body += clauseLine(county, list.clause);
    return page(county + "问题整改销号清单", body);
}

}  // namespace inspectonce::documents
