// The selected county's rules, grouped by topic, each with the clause that makes it
// (issue 3: "its rules grouped by topic with their clauses").
#include <imgui.h>

#include "inspectonce/exceptions.hpp"
#include "inspectonce/policy.hpp"
#include "screens.hpp"

namespace inspectonce::ui {
namespace {

const ImVec4 kClauseColour(0.15f, 0.35f, 0.75f, 1);

void clause(const Citation& citation) {
    ImGui::SameLine();
    ImGui::TextColored(kClauseColour, "[%s]", citation.text().c_str());
}

void wrapped(const AppState& state, const Text& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", state.tr(text));
    ImGui::PopTextWrapPos();
}

void exceptionList(const AppState& state, const ExceptionClause& exceptions) {
    std::string names;
    for (const auto& id : exceptions.allowed) {
        const auto* reason = findException(id);
        names += (names.empty() ? "" : (state.language == Language::English ? ", " : "、")) +
                 (reason ? reason->name.in(state.language) : id);
    }
    ImGui::TextUnformatted(names.empty() ? state.tr({"无例外情形", "No exceptions"})
                                         : state.tr({"可例外情形", "Exceptions"}));
    clause(exceptions.clause);
    if (!names.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::Indent();
        ImGui::TextUnformatted(names.c_str());
        ImGui::Unindent();
        ImGui::PopTextWrapPos();
    }
    for (const auto& obligation : exceptions.obliges) {
        ImGui::BulletText("%s", state.tr(obligation.text));
        clause(obligation.clause);
    }
    if (exceptions.note) wrapped(state, *exceptions.note);
}

void drawDocument(const AppState& state, const PolicyData& policy) {
    const auto& doc = policy.document;
    ImGui::Text("%s %s", doc.number.c_str(), state.tr(doc.title));
    ImGui::TextDisabled("%s %s", state.tr({"来源：", "Source:"}), doc.file.c_str());
    std::string from = doc.inForceFrom ? doc.inForceFrom->iso() : std::string(state.tr({"未注明", "not stated"}));
    std::string until = doc.inForceUntil ? doc.inForceUntil->iso() : std::string(state.tr({"长期", "open-ended"}));
    ImGui::Text("%s %s — %s", state.tr({"施行：", "In force:"}), from.c_str(), until.c_str());
}

void drawBlackouts(const AppState& state, const PolicyData& policy) {
    if (policy.blackouts.empty()) {
        ImGui::TextDisabled("%s", state.tr({"文件未规定每月禁止检查期。", "The document sets no monthly blackout period."}));
        return;
    }
    for (const auto& rule : policy.blackouts) {
        ImGui::PushID(rule.id.c_str());
        ImGui::Text("%s · %s", state.tr(rule.name), state.tr(rule.period.describe()));
        clause(rule.clause);
        wrapped(state, rule.rule);
        for (const auto& obligation : rule.necessary) {
            ImGui::BulletText("%s %s", state.tr({"确需进行的：", "If necessary:"}), state.tr(obligation.text));
            clause(obligation.clause);
        }
        if (rule.exceptions) exceptionList(state, *rule.exceptions);
        for (const auto& extension : rule.extensions) {
            ImGui::BulletText("%s %s", state.tr({"等级", "Grade"}), std::string(toString(extension.grade)).c_str());
            clause(extension.clause);
            if (extension.note) wrapped(state, *extension.note);
        }
        ImGui::Separator();
        ImGui::PopID();
    }
}

Text ruleTypeName(PolicyRule::Type type) {
    switch (type) {
        case PolicyRule::Type::Obligation: return {"程序义务", "Obligations"};
        case PolicyRule::Type::Cap: return {"现场检查次数上限", "On-site caps"};
        case PolicyRule::Type::Exempt: return {"免检", "Exemptions"};
        case PolicyRule::Type::NoRepeat: return {"同类检查不重复", "No repeat of the same kind"};
        case PolicyRule::Type::CrossLevel: return {"跨层级只查一次", "Once across levels"};
        case PolicyRule::Type::NonSiteFirst: return {"非现场优先", "Non-site first"};
        case PolicyRule::Type::Merge: return {"合并检查", "Merging"};
        case PolicyRule::Type::Inform: return {"提示", "Notes"};
    }
    return {};
}

void drawRules(const AppState& state, const PolicyData& policy) {
    const PolicyRule::Type order[] = {PolicyRule::Type::Obligation, PolicyRule::Type::Exempt,
                                      PolicyRule::Type::Cap,        PolicyRule::Type::NonSiteFirst,
                                      PolicyRule::Type::NoRepeat,   PolicyRule::Type::CrossLevel,
                                      PolicyRule::Type::Merge,      PolicyRule::Type::Inform};
    Policy county(policy);
    for (auto type : order) {
        auto rules = county.rulesOf(type);
        if (rules.empty()) continue;
        ImGui::TextUnformatted(state.tr(ruleTypeName(type)));
        ImGui::Indent();
        for (const auto* rule : rules) {
            ImGui::PushID(rule->id.c_str());
            ImGui::BulletText("%s", state.tr(rule->name));
            clause(rule->clause);
            wrapped(state, rule->rule);
            if (rule->exceptions) exceptionList(state, *rule->exceptions);
            if (rule->note) wrapped(state, *rule->note);
            ImGui::PopID();
        }
        ImGui::Unindent();
    }
}

void drawCategories(const AppState& state, const CategoryList& list) {
    ImGui::TextColored(kClauseColour, "[%s]", list.clause.text().c_str());
    int number = 1;
    for (const auto& item : list.items) {
        ImGui::Text("%d. %s", number++, state.tr(item.name));
        if (ImGui::IsItemHovered() && !item.examples.zh.empty()) ImGui::SetTooltip("%s", state.tr(item.examples));
    }
}

void drawTargets(const AppState& state, const PolicyData& policy) {
    for (const auto& target : policy.targets) {
        ImGui::BulletText("%d · %s ≥ %d%%%s", target.year, state.tr(target.name), target.minPercent,
                          target.strength == Strength::Should ? state.tr({"（力争）", " (aim)"}) : "");
        clause(target.clause);
    }
}

}  // namespace

void drawRulesScreen(AppState& state) {
    const LoadedPlugin* plugin = state.selectedPlugin();
    if (!plugin) {
        ImGui::TextDisabled("%s", state.tr({"请选择县区", "Choose a county"}));
        return;
    }
    const PolicyData& policy = plugin->policy;
    ImGui::Text("%s · %s", state.tr(policy.name), state.tr(policy.region));
    ImGuiTreeNodeFlags open = ImGuiTreeNodeFlags_DefaultOpen;
    if (ImGui::CollapsingHeader(state.tr({"政策文件", "Document"}), open)) drawDocument(state, policy);
    if (ImGui::CollapsingHeader(state.tr({"禁止入企检查期", "Blackout periods"}), open)) drawBlackouts(state, policy);
    if (!policy.rules.empty() && ImGui::CollapsingHeader(state.tr({"检查规则", "Inspection rules"}), open))
        drawRules(state, policy);
    if (policy.demandCategories && ImGui::CollapsingHeader(state.tr({"企业诉求分类", "Demand categories"})))
        drawCategories(state, *policy.demandCategories);
    if (policy.complaintCategories && ImGui::CollapsingHeader(state.tr({"干扰行为分类", "Disturbance categories"})))
        drawCategories(state, *policy.complaintCategories);
    if (!policy.targets.empty() && ImGui::CollapsingHeader(state.tr({"年度目标", "Yearly targets"}), open))
        drawTargets(state, policy);
}

}  // namespace inspectonce::ui
