// A finding's text, read by the finding classifier (classify.hpp), only to catch an excluded
// area (000 附则) the official did not give as a fact. The classifier never grades: the
// severity comes from facts; a suggestion asks a person to confirm the area.
#include "grade/grading_internal.hpp"
#include "inspectonce/classify.hpp"

namespace inspectonce {

using namespace grading;

Result<std::optional<TextFlag>> flagFindingText(const PolicyData& policy, const std::string& text, bool areasGiven) {
    if (!policy.severity || policy.severity->outsideAreas.empty() || !policy.severity->outsideClause)
        return std::optional<TextFlag>{};
    IO_TRY(classifier, classify::Classifier::forCounty(classify::Kind::Finding, policy));
    auto answer = classifier.classify(text);
    if (!answer) return makeError("--text", answer.error().message());
    TextFlag flag;
    flag.label = answer->label;
    flag.confidencePermille = answer->confidencePermille;
    for (const auto& hint : answer->hints)
        if (hint.category == "excluded" && !contains(flag.words, hint.word)) flag.words.push_back(hint.word);
    flag.suggestsExcluded = !areasGiven && (flag.label == "excluded" || !flag.words.empty());

    Text said = concat({{"文本分类：", "text classifier: "}, same(flag.label),
                        {"，置信度", ", confidence "}, same(permille(flag.confidencePermille))});
    if (!flag.words.empty()) {
        std::string words;
        for (const auto& w : flag.words) words += (words.empty() ? "" : "、") + w;
        said = concat({said, {"，命中词：", ", hint words: "}, same(words)});
    }
    const Citation& clause = *policy.severity->outsideClause;
    if (flag.suggestsExcluded)
        flag.ground = {concat({said, {"。文本可能涉及附则所列领域：请核实；属实的，以领域（--area）给出，定级随之改为不适用",
                                      ". The text may touch an excluded area: confirm it and, if so, give the area (--area); the grade then becomes excluded"}}),
                       clause};
    else if (areasGiven)
        flag.ground = {concat({said, {"。已给出领域，文本仅供参考", ". Areas are given; the text is for reference only"}}), clause};
    else
        flag.ground = {concat({said, {"。文本未提示附则所列领域", ". The text does not suggest an excluded area"}}), clause};
    return std::optional<TextFlag>{flag};
}

}  // namespace inspectonce
