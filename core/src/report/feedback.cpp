// Yunhe's annual feedback list (年度企业合规经营互助清单, 004 二(八)): for each above-scale or key
// enterprise, how often the government came to it in the year — guidance, surveys, on-site
// inspections — and the opinions it gave.
#include <map>

#include "inspectonce/report.hpp"

namespace inspectonce::report {

FeedbackList feedbackList(const Workspace& workspace, int year) {
    FeedbackList list;
    list.year = year;
    std::map<std::string, FeedbackLine> lines;  // by code: the list is printed in code order
    for (const WorkspaceEnterprise& e : workspace.enterprises) {
        bool key = e.enterprise.isOn(kKeyEnterpriseList);
        if (!e.aboveScale && !key) continue;
        FeedbackLine& line = lines[e.enterprise.code.str()];
        line.enterprise = e.enterprise.code.str();
        line.name = e.enterprise.name;
        line.aboveScale = e.aboveScale;
        line.key = key;
    }
    for (const Visit& visit : workspace.visits) {
        if (visit.date.year() != year) continue;
        auto it = lines.find(visit.enterprise);
        if (it == lines.end()) continue;
        switch (visit.kind) {
            case InspectionKind::Inspection: ++it->second.onSiteInspections; break;
            case InspectionKind::Survey:
            case InspectionKind::LeaderVisit: ++it->second.surveys; break;
            case InspectionKind::Guidance: ++it->second.guidance; break;
        }
    }
    for (const workflow::Case& item : workspace.cases) {
        if (item.opened.year() != year) continue;
        auto it = lines.find(item.enterprise);
        if (it == lines.end()) continue;
        if (item.workflow == "guidance") ++it->second.guidance;
        else if (item.workflow == "leader-visit") ++it->second.surveys;
        else if (item.workflow == "complaint") ++it->second.complaints;
        if (const std::string* opinion = workflow::find(item.attributes, "opinion"); opinion && !opinion->empty())
            it->second.opinions.push_back(*opinion);
    }
    for (auto& [code, line] : lines) list.lines.push_back(std::move(line));
    return list;
}

}  // namespace inspectonce::report
