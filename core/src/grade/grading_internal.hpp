// Pieces the grading engines share: canonical fact lists, checks that name what a county
// accepts, bilingual labels and small text builders.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inspectonce/grading.hpp"

namespace inspectonce::grading {

using Named = std::vector<std::pair<std::string, Text>>;

// Sorted and unique: the order facts are given in never changes an answer.
std::vector<std::string> canonical(std::vector<std::string> values);

bool contains(const std::vector<std::string>& list, const std::string& value);
const Text* find(const Named& named, const std::string& id);

// Every value must be one of `accepted`; the error names `what` ("fact", "area"), the county
// and lists every accepted id with its Chinese and English label.
Status checkKnown(const std::vector<std::string>& given, const Named& accepted, const std::string& what,
                  const std::string& flag, const PolicyData& policy);
// Facts the county declares exclusive must not both be given.
Status checkExclusive(const std::vector<std::string>& facts, const PolicyData& policy);

// "情节轻微；无主观故意" / "slight circumstances; no intent" (ids without a label stay ids).
Text joinLabels(const std::vector<std::string>& ids, const Named& labels);
Text concat(std::initializer_list<Text> parts);
Text same(const std::string& both);  // a text identical in both languages (dates, numbers, ids)
std::string signedNumber(int value);  // "+10", "-20", "0"
std::string permille(int value);      // 812 → "0.812"

Text eventLabel(const std::string& kind);  // penalty → 行政处罚 / administrative penalty
Text levelLabel(SamplingRule::Level level);
// The better of two grades is the smaller; "at best" caps take the worse.
inline CreditGrade worse(CreditGrade a, CreditGrade b) { return a < b ? b : a; }

}  // namespace inspectonce::grading
