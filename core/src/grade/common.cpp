// Shared by the grading engines: canonical inputs, precise checks, labels.
#include "grade/grading_internal.hpp"

namespace inspectonce {

Result<PenaltyOutcome> parsePenaltyOutcome(std::string_view text) {
    for (auto outcome : {PenaltyOutcome::NoPenalty, PenaltyOutcome::NoPenaltyIfRectified, PenaltyOutcome::Reduced,
                         PenaltyOutcome::Lighter, PenaltyOutcome::Normal})
        if (toString(outcome) == text) return outcome;
    return makeError("outcome", "expected no-penalty, no-penalty-if-rectified, reduced, lighter or normal, found \"" +
                                    std::string(text) + "\"");
}

std::string_view toString(PenaltyOutcome outcome) {
    switch (outcome) {
        case PenaltyOutcome::NoPenalty: return "no-penalty";
        case PenaltyOutcome::NoPenaltyIfRectified: return "no-penalty-if-rectified";
        case PenaltyOutcome::Reduced: return "reduced";
        case PenaltyOutcome::Lighter: return "lighter";
        case PenaltyOutcome::Normal: return "normal";
    }
    return "normal";
}

Text label(PenaltyOutcome outcome) {
    switch (outcome) {
        case PenaltyOutcome::NoPenalty: return {"不予处罚", "no penalty"};
        case PenaltyOutcome::NoPenaltyIfRectified: return {"整改到位后不予处罚", "no penalty once rectified"};
        case PenaltyOutcome::Reduced: return {"减轻处罚", "reduced penalty"};
        case PenaltyOutcome::Lighter: return {"从轻处罚", "lighter penalty"};
        case PenaltyOutcome::Normal: return {"依法处理（文件未给予从宽）", "by law (the document grants no leniency)"};
    }
    return {};
}

namespace grading {

std::vector<std::string> canonical(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const Text* find(const Named& named, const std::string& id) {
    for (const auto& [key, text] : named)
        if (key == id) return &text;
    return nullptr;
}

Status checkKnown(const std::vector<std::string>& given, const Named& accepted, const std::string& what,
                  const std::string& flag, const PolicyData& policy) {
    for (const auto& value : given) {
        if (find(accepted, value)) continue;
        std::string list;
        for (const auto& [id, text] : accepted) list += (list.empty() ? "" : ", ") + id + " (" + text.zh + " / " + text.en + ")";
        return makeError(flag, "unknown " + what + " \"" + value + "\" for " + policy.county + "; " +
                                   (list.empty() ? "it accepts none" : "it accepts: " + list));
    }
    return Ok{};
}

Status checkExclusive(const std::vector<std::string>& facts, const PolicyData& policy) {
    if (!policy.penalties) return Ok{};
    for (const auto& [a, b] : policy.penalties->exclusive)
        if (contains(facts, a) && contains(facts, b))
            return makeError("--facts", "\"" + a + "\" and \"" + b + "\" cannot both hold (" + policy.county + ")");
    return Ok{};
}

Text joinLabels(const std::vector<std::string>& ids, const Named& labels) {
    Text out;
    for (const auto& id : ids) {
        const Text* text = find(labels, id);
        out.zh += (out.zh.empty() ? "" : "；") + (text ? text->zh : id);
        out.en += (out.en.empty() ? "" : "; ") + (text ? text->en : id);
    }
    return out;
}

Text concat(std::initializer_list<Text> parts) {
    Text out;
    for (const auto& p : parts) {
        out.zh += p.zh;
        out.en += p.en;
    }
    return out;
}

Text same(const std::string& both) { return {both, both}; }

std::string signedNumber(int value) { return (value > 0 ? "+" : "") + std::to_string(value); }

std::string permille(int value) {
    std::string frac = std::to_string(value % 1000);
    return std::to_string(value / 1000) + "." + std::string(3 - frac.size(), '0') + frac;
}

Text eventLabel(const std::string& kind) {
    if (kind == "penalty") return {"行政处罚", "administrative penalty"};
    if (kind == "reward") return {"行政奖励", "administrative reward"};
    if (kind == "dishonesty") return {"失信违约", "dishonesty record"};
    if (kind == "complaint") return {"投诉举报", "complaint or report"};
    if (kind == "inspection-clean") return {"检查未发现违法", "inspection without violation"};
    if (kind == "inspection-violation") return {"检查发现违法", "inspection found a violation"};
    if (kind == "rectified") return {"整改到位", "rectified"};
    return same(kind);
}

Text levelLabel(SamplingRule::Level level) {
    switch (level) {
        case SamplingRule::Level::Lower: return {"较低", "lower"};
        case SamplingRule::Level::Normal: return {"一般", "normal"};
        case SamplingRule::Level::Higher: return {"较高", "higher"};
    }
    return {};
}

}  // namespace grading
}  // namespace inspectonce
