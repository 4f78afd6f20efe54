// A county's keyword hints for the text classifiers (classify.hpp): words that, found in a
// demand, a complaint or a finding, count as evidence for one category. They live in the
// county's parameter file under "classifier_hints", so a county tunes its classifier with
// its own vocabulary without retraining the statistical model.
#pragma once

#include <string>
#include <vector>

namespace inspectonce {

struct CategoryHints {
    std::string category;             // a category id ("government-services") or a severity ("excluded")
    std::vector<std::string> words;   // as written in the file; matched after the classifier's normalisation
};

struct ClassifierHints {
    std::vector<CategoryHints> demand;     // ids of 002 二(一) (the county's own list if it has one)
    std::vector<CategoryHints> complaint;  // ids of 002 二(二)
    std::vector<CategoryHints> finding;    // minor, general, prominent, excluded (000 二(二), 附则)

    bool empty() const { return demand.empty() && complaint.empty() && finding.empty(); }
};

}  // namespace inspectonce
