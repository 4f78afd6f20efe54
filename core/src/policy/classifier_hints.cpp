// Parsing a county's keyword hints for the text classifiers, with errors that name the
// JSON path: an unknown category, an empty or duplicate word.
#include "policy/classifier_hints.hpp"

#include <algorithm>

#include "inspectonce/classify.hpp"

namespace inspectonce {
namespace {

Result<std::vector<CategoryHints>> readKind(const json::Cursor& at, const CategoryList& categories) {
    if (!at.raw().is_object()) return at.fail("an object of category id: [words]");
    std::vector<CategoryHints> out;
    for (const auto& entry : at.raw().items()) {
        const std::string& key = entry.key();  // a plain reference: clang 14 (Emscripten) cannot capture bindings
        IO_TRY(field, at.field(key));
        if (std::none_of(categories.items.begin(), categories.items.end(), [&](const Category& c) { return c.id == key; })) {
            std::string known;
            for (const auto& c : categories.items) known += (known.empty() ? "" : ", ") + c.id;
            return makeError(field.where(), "\"" + key + "\" is not a category of " + categories.clause.text() + " (" + known + ")");
        }
        CategoryHints hints{key, {}};
        IO_TRY(items, field.items());
        for (const auto& item : items) {
            IO_TRY(word, item.string());
            if (classify::normalise(word).empty()) return item.fail("a word with at least one letter or character");
            if (std::find(hints.words.begin(), hints.words.end(), word) != hints.words.end())
                return makeError(item.where(), "hint \"" + word + "\" listed twice");
            hints.words.push_back(word);
        }
        out.push_back(std::move(hints));
    }
    return out;
}

}  // namespace

Result<ClassifierHints> readClassifierHints(const json::Cursor& at, const PolicyData& policy) {
    IO_CHECK(at.onlyKeys({"demand", "complaint", "finding"}));
    ClassifierHints hints;
    if (auto f = at.optionalField("demand")) {
        IO_TRY(v, readKind(*f, policy.demandCategories ? *policy.demandCategories : classify::defaultCategories(classify::Kind::Demand)));
        hints.demand = v;
    }
    if (auto f = at.optionalField("complaint")) {
        IO_TRY(v, readKind(*f, policy.complaintCategories ? *policy.complaintCategories
                                                          : classify::defaultCategories(classify::Kind::Complaint)));
        hints.complaint = v;
    }
    if (auto f = at.optionalField("finding")) {
        IO_TRY(v, readKind(*f, classify::defaultCategories(classify::Kind::Finding)));
        hints.finding = v;
    }
    return hints;
}

}  // namespace inspectonce
