// The model file (policies/classify/<kind>.model): plain text, one n-gram a line, integer
// weights, so that it is small, diffable, and reads back identically everywhere.
//
//   # comment lines (only before the header)
//   inspectonce-classifier 1
//   kind demand
//   labels 1 2 3 4 5 6 7 8 9
//   scale 1000
//   threshold 500                  confidence (‰) below which a person decides
//   hint-weight 1500               logit (× scale) a matched county hint adds to its category
//   corpus 5d2c…(16 hex) 812       digest and count of the training texts
//   bias -120 33 …                 one per label
//   features 5321
//   <n-gram>\t<label index>:<weight> …   sorted by n-gram bytes; label indexes ascending
#include <algorithm>
#include <charconv>

#include "embedded/embedded.hpp"
#include "inspectonce/classify.hpp"

namespace inspectonce::classify {
namespace {

constexpr std::string_view kMagic = "inspectonce-classifier 1";
constexpr long long kMaxWeight = 100000000;

std::vector<std::string_view> splitSpaces(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < line.size();) {
        std::size_t end = line.find(' ', at);
        if (end == std::string_view::npos) end = line.size();
        if (end > at) out.push_back(line.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

bool parseInteger(std::string_view text, long long min, long long max, long long& out) {
    const char* first = text.data();
    const char* last = first + text.size();
    auto [end, ec] = std::from_chars(first, last, out);
    return ec == std::errc{} && end == last && out >= min && out <= max;
}

// Counts code points of valid UTF-8 (the file's n-grams are checked for it first).
std::size_t codePoints(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class LineReader {
public:
    LineReader(std::string_view text, const std::string& source) : text_(text), source_(source) {}

    bool next(std::string_view& line) {
        while (at_ < text_.size()) {
            std::size_t end = text_.find('\n', at_);
            if (end == std::string_view::npos) end = text_.size();
            line = text_.substr(at_, end - at_);
            at_ = end + 1;
            ++number_;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (!inBody_ && (line.empty() || line.front() == '#')) continue;
            return true;
        }
        return false;
    }
    void body() { inBody_ = true; }
    Error fail(const std::string& why) const { return makeError(source_ + ":" + std::to_string(number_), why); }
    Error failAtEnd(const std::string& why) const { return makeError(source_ + ":" + std::to_string(number_ + 1), why); }

private:
    std::string_view text_;
    const std::string& source_;
    std::size_t at_ = 0;
    int number_ = 0;
    bool inBody_ = false;
};

// Reads "KEY VALUE…" and returns the values; an error names the line and what was expected.
Result<std::vector<std::string_view>> header(LineReader& reader, std::string_view key, std::size_t values) {
    std::string_view line;
    std::string expected = "\"" + std::string(key) + "\" with " + std::to_string(values) + " value(s)";
    if (!reader.next(line)) return reader.failAtEnd("expected " + expected + ", found the end of the file");
    auto words = splitSpaces(line);
    if (words.empty() || words[0] != key) return reader.fail("expected " + expected + ", found \"" + std::string(line.substr(0, 60)) + "\"");
    if (words.size() != values + 1)
        return reader.fail("expected " + expected + ", found " + std::to_string(words.size() - 1));
    words.erase(words.begin());
    return words;
}

Result<long long> headerInteger(LineReader& reader, std::string_view key, long long min, long long max) {
    IO_TRY(words, header(reader, key, 1));
    long long value = 0;
    if (!parseInteger(words[0], min, max, value))
        return reader.fail("expected \"" + std::string(key) + "\" to be an integer from " + std::to_string(min) + " to " +
                           std::to_string(max) + ", found \"" + std::string(words[0]) + "\"");
    return value;
}

}  // namespace

Result<Model> Model::parse(std::string_view text, const std::string& source) {
    LineReader reader(text, source);
    std::string_view line;
    if (!reader.next(line) || line != kMagic)
        return reader.fail("expected the first line \"" + std::string(kMagic) + "\" (not a classifier model, or another version)");
    Model model;
    IO_TRY(kindWords, header(reader, "kind", 1));
    auto kind = parseKind(kindWords[0]);
    if (!kind) return reader.fail("expected \"kind\" to be demand, complaint or finding, found \"" + std::string(kindWords[0]) + "\"");
    model.kind = *kind;
    const auto& labels = labelsOf(model.kind);
    IO_TRY(labelWords, header(reader, "labels", labels.size()));
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labelWords[i] != labels[i])
            return reader.fail("expected the labels of a " + std::string(toString(model.kind)) + " model in order, found \"" +
                               std::string(labelWords[i]) + "\" where \"" + labels[i] + "\" belongs");
    model.labels = labels;
    IO_TRY(scale, headerInteger(reader, "scale", 1, 1000000));
    model.scale = static_cast<int>(scale);
    IO_TRY(threshold, headerInteger(reader, "threshold", 0, 1000));
    model.thresholdPermille = static_cast<int>(threshold);
    IO_TRY(hintWeight, headerInteger(reader, "hint-weight", 0, kMaxWeight));
    model.hintWeight = static_cast<int>(hintWeight);
    IO_TRY(corpus, header(reader, "corpus", 2));
    long long count = 0;
    if (corpus[0].size() != 16 || corpus[0].find_first_not_of("0123456789abcdef") != std::string_view::npos ||
        !parseInteger(corpus[1], 0, 100000000, count))
        return reader.fail("expected \"corpus\" with a 16-digit lower-case hex digest and a count of texts");
    model.corpusDigest = std::string(corpus[0]);
    model.trainingTexts = static_cast<int>(count);
    IO_TRY(bias, header(reader, "bias", labels.size()));
    for (auto word : bias) {
        long long value = 0;
        if (!parseInteger(word, -kMaxWeight, kMaxWeight, value))
            return reader.fail("expected integer biases, found \"" + std::string(word) + "\"");
        model.bias.push_back(static_cast<int>(value));
    }
    IO_TRY(featureCount, headerInteger(reader, "features", 0, 10000000));
    reader.body();
    model.features.reserve(static_cast<std::size_t>(featureCount));
    while (reader.next(line)) {
        if (line.empty() && model.features.size() == static_cast<std::size_t>(featureCount)) continue;  // trailing newline
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0) return reader.fail("expected N-GRAM<TAB>LABEL:WEIGHT …");
        Feature feature;
        feature.ngram = std::string(line.substr(0, tab));
        if (auto problem = utf8Problem(feature.ngram)) return reader.fail("n-gram: " + *problem);
        if (normalise(feature.ngram) != feature.ngram || codePoints(feature.ngram) > 3)
            return reader.fail("\"" + feature.ngram + "\" is not a normalised n-gram of 1 to 3 characters");
        if (!model.features.empty() && !(model.features.back().ngram < feature.ngram))
            return reader.fail("n-grams must be sorted and unique: \"" + feature.ngram + "\" follows \"" + model.features.back().ngram + "\"");
        auto pairs = splitSpaces(line.substr(tab + 1));
        if (pairs.empty()) return reader.fail("\"" + feature.ngram + "\" has no weights");
        for (auto pair : pairs) {
            std::size_t colon = pair.find(':');
            long long index = 0, weight = 0;
            if (colon == std::string_view::npos ||
                !parseInteger(pair.substr(0, colon), 0, static_cast<long long>(labels.size()) - 1, index) ||
                !parseInteger(pair.substr(colon + 1), -kMaxWeight, kMaxWeight, weight))
                return reader.fail("expected LABEL-INDEX:WEIGHT with an index from 0 to " + std::to_string(labels.size() - 1) +
                                   ", found \"" + std::string(pair) + "\"");
            if (!feature.weights.empty() && feature.weights.back().first >= index)
                return reader.fail("label indexes of \"" + feature.ngram + "\" must ascend, each once");
            feature.weights.emplace_back(static_cast<int>(index), static_cast<int>(weight));
        }
        model.features.push_back(std::move(feature));
    }
    if (model.features.size() != static_cast<std::size_t>(featureCount))
        return reader.failAtEnd("the header announces " + std::to_string(featureCount) + " features, the file has " +
                                std::to_string(model.features.size()));
    return model;
}

std::string Model::serialise() const {
    std::string out;
    out += "# InspectOnce text classifier (core/include/inspectonce/classify.hpp), written by\n";
    out += "# `inspectonce classify train`: retrain from the corpus, never edit by hand.\n";
    out += std::string(kMagic) + "\n";
    out += "kind " + std::string(toString(kind)) + "\n";
    out += "labels";
    for (const auto& label : labels) out += " " + label;
    out += "\nscale " + std::to_string(scale) + "\n";
    out += "threshold " + std::to_string(thresholdPermille) + "\n";
    out += "hint-weight " + std::to_string(hintWeight) + "\n";
    out += "corpus " + corpusDigest + " " + std::to_string(trainingTexts) + "\n";
    out += "bias";
    for (int b : bias) out += " " + std::to_string(b);
    out += "\nfeatures " + std::to_string(features.size()) + "\n";
    for (const auto& feature : features) {
        out += feature.ngram;
        char separator = '\t';
        for (const auto& [index, weight] : feature.weights) {
            out += separator;
            out += std::to_string(index) + ":" + std::to_string(weight);
            separator = ' ';
        }
        out += "\n";
    }
    return out;
}

Result<Model> embeddedModel(Kind kind) {
    std::string name = std::string(toString(kind)) + ".model";
    for (const embedded::File& file : embedded::classifierModels)
        if (file.name == name) {
            auto model = Model::parse(file.text(), "policies/classify/" + name);
            if (model && model->kind != kind)
                return makeError("policies/classify/" + name, "holds a " + std::string(toString(model->kind)) + " model");
            return model;
        }
    return makeError("policies/classify/" + name, "no such model compiled into the core (train it with `inspectonce classify train`)");
}

}  // namespace inspectonce::classify
