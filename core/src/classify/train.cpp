// Training a classifier: multinomial logistic regression over character n-grams.
//
// Why this model: texts are short (one sentence to a paragraph) and the corpus has hundreds
// of texts per class, where a regularised linear model over n-grams is hard to beat and its
// weights stay readable (every n-gram's pull on every category is in the model file).
//
// Each text is a set of distinct n-grams, each of value 1/√m (m: its number of distinct
// n-grams), so long and short texts weigh alike. AdaGrad with an L2 penalty visits the
// training texts in a fixed pseudo-random order (splitmix64, our own, not a std
// distribution) for a fixed number of epochs. Then the features are pruned to the
// `maxFeatures` with the largest weight, the model is trained again on those only, and
// the weights are rounded to integers (× scale); small ones are dropped. Every step uses
// IEEE + − × ÷ and sqrt, and our own exp: the same bytes natively and in wasm.
#include <algorithm>
#include <cmath>
#include <map>

#include "classify/det_math.hpp"
#include "inspectonce/classify.hpp"

namespace inspectonce::classify {
namespace {

struct Document {
    std::vector<std::size_t> features;  // indexes into the vocabulary, ascending
    double value = 0.0;                 // 1/√(number of distinct n-grams of the text)
    std::size_t label = 0;
};

struct Weights {
    std::size_t labels = 0;
    std::vector<double> w;     // [feature * labels + label]
    std::vector<double> bias;  // [label]
};

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

Weights fit(const std::vector<Document>& docs, std::size_t featureCount, std::size_t labelCount, const TrainOptions& options) {
    Weights model{labelCount, std::vector<double>(featureCount * labelCount, 0.0), std::vector<double>(labelCount, 0.0)};
    std::vector<double> squares(featureCount * labelCount, 0.0), biasSquares(labelCount, 0.0);
    std::vector<std::size_t> order(docs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    uint64_t state = options.seed;
    std::vector<double> scores(labelCount);
    const double epsilon = 1e-8;
    auto step = [&](double& weight, double& square, double gradient) {
        square += gradient * gradient;
        weight -= options.learningRate * gradient / (std::sqrt(square) + epsilon);
    };
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix64(state) % i]);
        for (std::size_t index : order) {
            const Document& doc = docs[index];
            for (std::size_t c = 0; c < labelCount; ++c) scores[c] = model.bias[c];
            for (std::size_t f : doc.features)
                for (std::size_t c = 0; c < labelCount; ++c) scores[c] += doc.value * model.w[f * labelCount + c];
            detail::softmax(scores);
            for (std::size_t c = 0; c < labelCount; ++c) {
                double error = scores[c] - (c == doc.label ? 1.0 : 0.0);
                step(model.bias[c], biasSquares[c], error);
                for (std::size_t f : doc.features) {
                    std::size_t k = f * labelCount + c;
                    step(model.w[k], squares[k], error * doc.value + options.l2 * model.w[k]);
                }
            }
        }
    }
    return model;
}

// FNV-1a over the training texts in training order: which corpus a model came from.
std::string digest(const std::vector<const LabelledText*>& texts) {
    uint64_t hash = 14695981039346656037ull;
    auto mix = [&](const std::string& s) {
        for (char c : s) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
        hash ^= 0xFF;  // a separator no UTF-8 text contains
        hash *= 1099511628211ull;
    };
    for (const LabelledText* t : texts) {
        mix(t->id);
        mix(t->label);
        mix(t->text);
    }
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int shift = 60; shift >= 0; shift -= 4) out += hex[(hash >> shift) & 15];
    return out;
}

long long roundToInteger(double x) { return static_cast<long long>(std::floor(x + 0.5)); }

}  // namespace

Result<Model> train(Kind kind, const std::vector<LabelledText>& corpus, const TrainOptions& options) {
    const auto& labels = labelsOf(kind);
    std::vector<const LabelledText*> texts;
    for (const auto& t : corpus) {
        auto label = std::find(labels.begin(), labels.end(), t.label);
        if (label == labels.end()) {
            std::string known;
            for (const auto& l : labels) known += (known.empty() ? "" : ", ") + l;
            return makeError("line " + std::to_string(t.line), "label \"" + t.label + "\" is not a " + std::string(toString(kind)) +
                                                                   " label (" + known + ")");
        }
        if (!isHeldOut(t.id)) texts.push_back(&t);
    }
    // By id, so that the model does not depend on the order of the file's lines.
    std::sort(texts.begin(), texts.end(), [](const LabelledText* a, const LabelledText* b) { return a->id < b->id; });
    if (texts.empty()) return makeError("corpus", "no training texts (all held out, or the file is empty)");
    for (std::size_t c = 0; c < labels.size(); ++c)
        if (std::none_of(texts.begin(), texts.end(), [&](const LabelledText* t) { return t->label == labels[c]; }))
            return makeError("corpus", "no training text with label \"" + labels[c] + "\"");

    // The vocabulary: n-grams in at least `minDocuments` training texts, in byte order.
    std::vector<std::vector<std::string>> grams;
    std::map<std::string, int> documentFrequency;
    for (const LabelledText* t : texts) {
        grams.push_back(features(t->text));
        for (const auto& g : grams.back()) ++documentFrequency[g];
    }
    std::vector<std::string> vocabulary;
    for (const auto& [gram, count] : documentFrequency)
        if (count >= options.minDocuments) vocabulary.push_back(gram);

    auto documents = [&](const std::vector<std::string>& vocab) {
        std::vector<Document> docs;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            Document doc;
            doc.label = static_cast<std::size_t>(std::find(labels.begin(), labels.end(), texts[i]->label) - labels.begin());
            doc.value = 1.0 / std::sqrt(static_cast<double>(grams[i].size()));
            for (const auto& g : grams[i]) {
                auto at = std::lower_bound(vocab.begin(), vocab.end(), g);
                if (at != vocab.end() && *at == g) doc.features.push_back(static_cast<std::size_t>(at - vocab.begin()));
            }
            docs.push_back(std::move(doc));
        }
        return docs;
    };

    const std::size_t L = labels.size();
    Weights first = fit(documents(vocabulary), vocabulary.size(), L, options);

    // Keep the n-grams that pull hardest on some category, then train again on them alone.
    std::vector<std::pair<double, std::size_t>> strength;
    for (std::size_t f = 0; f < vocabulary.size(); ++f) {
        double largest = 0.0;
        for (std::size_t c = 0; c < L; ++c) largest = std::max(largest, std::fabs(first.w[f * L + c]));
        strength.emplace_back(largest, f);
    }
    std::sort(strength.begin(), strength.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (strength.size() > static_cast<std::size_t>(options.maxFeatures)) strength.resize(static_cast<std::size_t>(options.maxFeatures));
    std::vector<std::string> kept;
    for (const auto& s : strength) kept.push_back(vocabulary[s.second]);
    std::sort(kept.begin(), kept.end());
    Weights second = fit(documents(kept), kept.size(), L, options);

    // Softmax ignores a constant added to every label's weight of one n-gram (and to every
    // bias): shifting each row by its median zeroes about half its weights at no cost, and
    // the pruning below drops them.
    auto center = [](double* row, std::size_t count) {
        std::vector<double> sorted(row, row + count);
        std::sort(sorted.begin(), sorted.end());
        double median = sorted[count / 2];  // an element, so that one weight becomes exactly 0
        for (std::size_t c = 0; c < count; ++c) row[c] -= median;
    };
    center(second.bias.data(), L);
    for (std::size_t f = 0; f < kept.size(); ++f) center(&second.w[f * L], L);

    Model model;
    model.kind = kind;
    model.labels = labels;
    model.scale = options.scale;
    model.thresholdPermille = options.thresholdPermille;
    model.hintWeight = options.hintWeightPermille * model.scale / 1000;
    model.corpusDigest = digest(texts);
    model.trainingTexts = static_cast<int>(texts.size());
    for (double b : second.bias) model.bias.push_back(static_cast<int>(roundToInteger(b * model.scale)));
    const long long minimum = static_cast<long long>(options.minWeightPermille) * model.scale / 1000;
    for (std::size_t f = 0; f < kept.size(); ++f) {
        Model::Feature feature{kept[f], {}};
        for (std::size_t c = 0; c < L; ++c) {
            long long q = roundToInteger(second.w[f * L + c] * model.scale);
            if (q >= minimum || -q >= minimum) feature.weights.emplace_back(static_cast<int>(c), static_cast<int>(q));
        }
        if (!feature.weights.empty()) model.features.push_back(std::move(feature));
    }
    return model;
}

}  // namespace inspectonce::classify
