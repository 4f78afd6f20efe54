#include "case_reports.hpp"

#include <cstdio>

#include "inspectonce/documents.hpp"
#include "inspectonce/exchange.hpp"

namespace inspectonce::ui {
namespace {

const std::string& say(const Text& text, Language language) { return text.in(language); }

std::string share(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", value * 100);
    return buffer;
}

std::string ratio(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

}  // namespace

ReportTable dueTable(const report::DueReport& due, Language language) {
    bool en = language == Language::English;
    ReportTable table;
    table.headers = en ? std::vector<std::string>{"holder", "case", "workflow", "enterprise", "state", "deadline", "standing",
                                                  "working days late", "working days left", "clause"}
                       : std::vector<std::string>{"办理", "案件", "流程", "企业", "状态", "期限", "时限", "逾期工作日", "剩余工作日", "依据"};
    for (const auto& holder : due.holders)
        for (const auto& item : holder.items)
            table.rows.push_back({say(holder.name, language), std::to_string(item.caseId), say(item.workflowName, language),
                                  item.enterpriseName.empty() ? item.enterprise : item.enterpriseName, say(item.stateName, language),
                                  item.deadline.iso(), say(workflow::label(item.standing), language),
                                  std::to_string(item.workingDaysLate), std::to_string(item.workingDaysLeft), item.clause.clause});
    return table;
}

ReportTable figuresTable(const report::TrackedFigures& f, Language language) {
    bool en = language == Language::English;
    ReportTable table;
    table.headers = en ? std::vector<std::string>{"figure", "value", "counted as"} : std::vector<std::string>{"指标", "数值", "口径"};
    auto row = [&](const Text& name, const std::string& value, const Text& counted) {
        table.rows.push_back({say(name, language), value, say(counted, language)});
    };
    std::string plans = std::to_string(f.plans), filed = std::to_string(f.filedPlans), visits = std::to_string(f.visits),
                joint = std::to_string(f.jointVisits), cross = std::to_string(f.crossLevelVisits),
                visited = std::to_string(f.enterprisesVisited);
    row({"检查计划制订", "Plans made"}, plans, {"当年计划数", "plans of the year"});
    row({"平台使用度", "Platform use"}, share(f.platformUse), {"已报备 " + filed + " / 计划 " + plans, filed + " filed of " + plans + " plans"});
    row({"企业检查频次", "Visits per enterprise"}, ratio(f.visitsPerEnterprise),
        {"检查 " + visits + " / 受检企业 " + visited, visits + " visits / " + visited + " enterprises visited"});
    row({"联合检查比例", "Joint-inspection share"}, share(f.jointShare), {"联合检查 " + joint + " / 检查 " + visits, joint + " joint of " + visits + " visits"});
    row({"层级间联动", "Linkage between levels"}, share(f.crossLevelShare),
        {"跨层级检查 " + cross + " / 检查 " + visits, cross + " cross-level of " + visits + " visits"});
    return table;
}

ReportTable feedbackTable(const report::FeedbackList& list, Language language) {
    bool en = language == Language::English;
    ReportTable table;
    table.headers = en ? std::vector<std::string>{"code", "enterprise", "above scale", "key", "guidance", "surveys and visits",
                                                  "on-site inspections", "complaints", "opinions"}
                       : std::vector<std::string>{"统一社会信用代码", "企业", "规上", "重点", "指导服务", "调研走访", "现场检查", "投诉", "意见建议"};
    std::string yes = en ? "yes" : "是";
    for (const auto& line : list.lines) {
        std::string opinions;
        for (const auto& opinion : line.opinions) opinions += (opinions.empty() ? "" : "; ") + opinion;
        table.rows.push_back({line.enterprise, line.name, line.aboveScale ? yes : "", line.key ? yes : "", std::to_string(line.guidance),
                              std::to_string(line.surveys), std::to_string(line.onSiteInspections), std::to_string(line.complaints),
                              opinions});
    }
    return table;
}

std::string csvOf(const ReportTable& table) {
    std::string out = exchange::csvLine(table.headers);
    for (const auto& row : table.rows) out += exchange::csvLine(row);
    return out;
}

std::string htmlOf(const ReportTable& table, const std::string& title, const std::string& subtitle) {
    using documents::escapeHtml;
    std::string html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapeHtml(title) +
                       "</title>\n<style>\n@page { size: A4 landscape; margin: 15mm; }\n"
                       "body { font-family: \"Noto Sans CJK SC\", \"Microsoft YaHei\", sans-serif; font-size: 10.5pt; }\n"
                       "h1 { text-align: center; font-size: 16pt; }\n.sub { text-align: center; color: #333; }\n"
                       "table { width: 100%; border-collapse: collapse; }\n"
                       "th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }\nth { background: #eee; }\n"
                       "</style>\n</head>\n<body>\n<h1>" + escapeHtml(title) + "</h1>\n<p class=\"sub\">" + escapeHtml(subtitle) +
                       "</p>\n<table>\n<tr>";
    for (const auto& header : table.headers) html += "<th>" + escapeHtml(header) + "</th>";
    html += "</tr>\n";
    for (const auto& row : table.rows) {
        html += "<tr>";
        for (const auto& cell : row) html += "<td>" + escapeHtml(cell) + "</td>";
        html += "</tr>\n";
    }
    return html + "</table>\n</body>\n</html>\n";
}

}  // namespace inspectonce::ui
