// Bilingual text and clause citations: every decision the software makes is shown in
// Chinese (the default) or English, and names the clause of the seed document behind it.
#pragma once

#include <string>

namespace inspectonce {

enum class Language { Chinese, English };

struct Text {
    std::string zh;
    std::string en;

    const std::string& in(Language language) const { return language == Language::English ? en : zh; }
};

// A clause of one of the policy documents in shared/seeds, e.g. "004 二(三)": the seed's
// three-digit number, a space, and the clause number as the document writes it.
struct Citation {
    std::string clause;

    const std::string& text() const { return clause; }
    bool operator==(const Citation& other) const { return clause == other.clause; }
};

}  // namespace inspectonce
