// Kinds and labels, labelled corpora (ID<TAB>LABEL<TAB>TEXT) and the held-out split.
#include <algorithm>
#include <set>

#include "inspectonce/classify.hpp"

namespace inspectonce::classify {

Result<Kind> parseKind(std::string_view text) {
    if (text == "demand") return Kind::Demand;
    if (text == "complaint") return Kind::Complaint;
    if (text == "finding") return Kind::Finding;
    return makeError("kind", "expected demand, complaint or finding, found \"" + std::string(text) + "\"");
}

std::string_view toString(Kind kind) {
    switch (kind) {
        case Kind::Demand: return "demand";
        case Kind::Complaint: return "complaint";
        case Kind::Finding: return "finding";
    }
    return "demand";
}

const std::vector<std::string>& labelsOf(Kind kind) {
    static const std::vector<std::string> demand{"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    static const std::vector<std::string> complaint{"1", "2", "3", "4", "5", "6", "7", "8"};
    static const std::vector<std::string> finding{"minor", "general", "prominent", "excluded"};
    switch (kind) {
        case Kind::Demand: return demand;
        case Kind::Complaint: return complaint;
        case Kind::Finding: return finding;
    }
    return demand;
}

Result<std::vector<LabelledText>> readCorpus(std::string_view content, const std::string& source) {
    std::vector<LabelledText> out;
    std::set<std::string> ids;
    int lineNumber = 0;
    for (std::size_t start = 0; start < content.size();) {
        std::size_t end = content.find('\n', start);
        if (end == std::string_view::npos) end = content.size();
        std::string_view line = content.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::string where = source + ":" + std::to_string(lineNumber);
        if (auto problem = utf8Problem(line)) return makeError(where, *problem);
        std::size_t tab1 = line.find('\t');
        std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos)
            return makeError(where, std::string("expected ID<TAB>LABEL<TAB>TEXT, found ") +
                                        (tab1 == std::string_view::npos ? "no tab" : "only one tab"));
        LabelledText item{std::string(line.substr(0, tab1)), std::string(line.substr(tab1 + 1, tab2 - tab1 - 1)),
                          std::string(line.substr(tab2 + 1)), lineNumber};
        if (item.id.empty()) return makeError(where, "empty ID");
        if (item.label.empty()) return makeError(where, "empty LABEL");
        if (normalise(item.text).empty()) return makeError(where, "empty TEXT (nothing but punctuation or spaces)");
        if (!ids.insert(item.id).second) return makeError(where, "duplicate ID \"" + item.id + "\"");
        out.push_back(std::move(item));
    }
    return out;
}

bool isHeldOut(std::string_view id) {
    uint64_t hash = 14695981039346656037ull;
    for (char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash % 5 == 0;
}

Result<Kind> inferKind(const std::vector<LabelledText>& corpus, std::string_view fileName) {
    auto within = [&](Kind kind) {
        const auto& labels = labelsOf(kind);
        return std::all_of(corpus.begin(), corpus.end(), [&](const LabelledText& t) {
            return std::find(labels.begin(), labels.end(), t.label) != labels.end();
        });
    };
    auto anyLabel = [&](const char* label) {
        return std::any_of(corpus.begin(), corpus.end(), [&](const LabelledText& t) { return t.label == label; });
    };
    std::string name(fileName.substr(fileName.rfind('/') == std::string_view::npos ? 0 : fileName.rfind('/') + 1));
    std::optional<Kind> byName;
    for (Kind kind : {Kind::Demand, Kind::Complaint, Kind::Finding})
        if (name.find(toString(kind)) != std::string::npos) byName = kind;

    bool demand = within(Kind::Demand), complaint = within(Kind::Complaint), finding = within(Kind::Finding);
    if (!corpus.empty() && finding) return Kind::Finding;
    if (!corpus.empty() && demand && (anyLabel("9") || !complaint)) return Kind::Demand;
    if (!corpus.empty() && demand && complaint && byName && *byName != Kind::Finding) return *byName;
    if (corpus.empty() && byName) return *byName;
    if (corpus.empty()) return makeError(std::string(fileName), "no labelled texts, and the file name names no kind: pass --kind");
    if (demand && complaint)
        return makeError(std::string(fileName),
                         "labels 1–8 fit both demands (1–9) and complaints (1–8) and the file name says neither: pass --kind");
    // Mixed or unknown labels: name the first that fits no kind.
    for (const auto& t : corpus) {
        bool known = false;
        for (Kind kind : {Kind::Demand, Kind::Finding}) {
            const auto& labels = labelsOf(kind);
            known = known || std::find(labels.begin(), labels.end(), t.label) != labels.end();
        }
        if (!known)
            return makeError(std::string(fileName) + ":" + std::to_string(t.line),
                             "label \"" + t.label + "\" is no category number (1–9) and no severity (minor, general, prominent, excluded)");
    }
    return makeError(std::string(fileName), "the labels mix category numbers and severities: one kind per file");
}

}  // namespace inspectonce::classify
