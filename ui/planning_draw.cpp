#include "planning_draw.hpp"

#include <algorithm>

namespace inspectonce::ui {
namespace {

template <class Field>
std::vector<std::string> distinct(const Workspace& workspace, Field field) {
    std::vector<std::string> out;
    for (const auto& e : workspace.enterprises)
        if (!(e.*field).empty()) out.push_back(e.*field);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

Result<DrawRequest> drawRequestFrom(const DrawView& view, Language language) {
    auto problem = [language](const Text& where, const Text& why) { return makeError(where.in(language), why.in(language)); };
    DrawRequest r;
    if (view.departments.empty())
        return problem({"参与部门", "departments"}, {"至少选择一个部门", "choose at least one department"});
    auto date = Date::parse(view.date.data());
    if (!date) return problem({"抽查日期", "date"}, {date.error().why, date.error().why});
    auto ratio = parsePercentBp(view.ratio.data());
    if (!ratio) return problem({"基础比例", "base ratio"}, {ratio.error().why, ratio.error().why});
    std::string seed = view.seed.data();
    if (seed.empty())
        return problem({"随机种子", "seed"}, {"填写随抽查公开的随机种子", "enter the seed published with the draw"});
    r.date = *date;
    r.departments = view.departments;
    r.industries = view.industries;
    r.towns = view.towns;
    r.items = view.items;
    r.baseRatioBp = *ratio;
    r.lowerMultiplierPercent = view.lower;
    r.higherMultiplierPercent = view.higher;
    r.inspectorsPerEnterprise = view.inspectors;
    r.preferNotYetDrawn = view.preferNotYetDrawn;
    r.seed = seed;
    return r;
}

std::vector<std::string> industriesOf(const Workspace& workspace) { return distinct(workspace, &WorkspaceEnterprise::industry); }
std::vector<std::string> townsOf(const Workspace& workspace) { return distinct(workspace, &WorkspaceEnterprise::town); }

void toggle(std::vector<std::string>& values, const std::string& value, bool on) {
    auto at = std::find(values.begin(), values.end(), value);
    if (on && at == values.end()) values.push_back(value);
    if (!on && at != values.end()) values.erase(at);
}

}  // namespace inspectonce::ui
