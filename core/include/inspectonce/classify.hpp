// Classifying Chinese free text: enterprise demands into the 9 categories of 002 二(一),
// disturbance complaints into the 8 categories of 002 二(二), and inspection findings into
// the severities of 000 二(二) (minor, general, prominent) or outside the mechanism (000 附则).
//
// Chinese has no spaces, so the features are characters and character n-grams (1 to 3) of a
// normalised text: no dictionary, nothing to download. A linear model (multinomial logistic
// regression, trained by `inspectonce classify train` from a labelled corpus) scores each
// category; the county's keyword hints (classifier_hints.hpp) add evidence on top. Each
// answer has a confidence and a runner-up; below the model's threshold it needs a person.
//
// Determinism: training and scoring use only + − × ÷ and sqrt on doubles (IEEE, identical
// natively and in wasm) and an exp of our own; model weights are stored as integers; outputs
// print integers (confidence in thousandths). No hash-map order reaches any output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inspectonce/classifier_hints.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"

namespace inspectonce::classify {

enum class Kind { Demand, Complaint, Finding };
Result<Kind> parseKind(std::string_view text);  // demand, complaint, finding
std::string_view toString(Kind kind);

// The labels of a kind, in the document's order: "1".."9", "1".."8", or
// minor, general, prominent, excluded.
const std::vector<std::string>& labelsOf(Kind kind);

// ---- Text ----------------------------------------------------------------------------

// Why `text` is not valid UTF-8 ("byte 7: …"), or nothing when it is.
std::optional<std::string> utf8Problem(std::string_view text);

// The text the features are taken from: full-width forms made half-width, ASCII letters
// lower-cased, every run of digits (ASCII, full-width) made one '0', punctuation, symbols and
// white space turned into segment breaks (a single ' '). Chinese characters stay as they are.
// Invalid UTF-8 bytes are dropped (callers check utf8Problem first).
std::string normalise(std::string_view text);

// The distinct character n-grams (n = 1, 2, 3) of the normalised text, never across a
// segment break, sorted bytewise.
std::vector<std::string> features(std::string_view text);

// ---- Labelled corpora ------------------------------------------------------------------

struct LabelledText {
    std::string id;
    std::string label;
    std::string text;
    int line = 0;  // in its file, for messages
};

// Reads lines `ID<TAB>LABEL<TAB>TEXT` (blank lines and lines starting with '#' skipped).
// Every problem names `source:LINE`: a missing field, an empty text, invalid UTF-8, a
// duplicate id.
Result<std::vector<LabelledText>> readCorpus(std::string_view content, const std::string& source);

// The held-out split: an id is held out when the FNV-1a 64-bit hash of its bytes is 0 mod 5
// (about 20 %). It depends on the id only, so adding texts never moves old ones.
bool isHeldOut(std::string_view id);

// The kind a labelled file holds: from its labels when they say (a severity name: finding;
// a "9": demand); otherwise from the file name (containing "demand", "complaint" or
// "finding"); otherwise an error saying why it cannot tell.
Result<Kind> inferKind(const std::vector<LabelledText>& corpus, std::string_view fileName);

// ---- Model -----------------------------------------------------------------------------

struct Model {
    Kind kind = Kind::Demand;
    std::vector<std::string> labels;          // = labelsOf(kind)
    int scale = 100;                          // weights are integers / scale
    int thresholdPermille = 500;              // below this confidence the answer needs a person
    int hintWeight = 0;                       // logit added per category with a matched hint, × scale
    std::string corpusDigest;                 // FNV-1a of the training texts: which corpus it came from
    int trainingTexts = 0;
    std::vector<int> bias;                    // per label
    struct Feature {
        std::string ngram;
        std::vector<std::pair<int, int>> weights;  // (label index, weight × scale), label index ascending
    };
    std::vector<Feature> features;            // sorted by ngram bytewise, unique

    // The model file format (policies/classify/<kind>.model): a compact text, one feature a line.
    static Result<Model> parse(std::string_view text, const std::string& source);
    std::string serialise() const;
};

// The model compiled into the core (policies/classify/<kind>.model).
Result<Model> embeddedModel(Kind kind);

// The defaults were chosen by 5-fold cross-validation on the training split (never on the
// held-out split or the independent set); README "Classification" gives the figures.
struct TrainOptions {
    int epochs = 30;
    double learningRate = 0.2;      // AdaGrad's base rate
    double l2 = 2e-4;               // per-example L2 penalty on the weights a text touches
    int minDocuments = 2;           // an n-gram must occur in this many training texts
    int maxFeatures = 6000;         // kept after the first pass, by their largest weight
    int minWeightPermille = 200;    // smaller weights are dropped from the file (|w| < 0.2)
    int scale = 100;                // weights are stored as round(w × scale)
    int thresholdPermille = 500;    // below this confidence the answer needs a person
    int hintWeightPermille = 1000;  // a matched hint adds 1.0 to its category's logit
    uint64_t seed = 20240805;       // the order texts are visited in, per epoch
};

// Trains on the texts that are not held out (isHeldOut), in a fixed order: the same corpus
// gives a byte-identical model natively and in wasm. Labels must be those of `kind`.
Result<Model> train(Kind kind, const std::vector<LabelledText>& corpus, const TrainOptions& options = {});

// ---- Classifying -----------------------------------------------------------------------

// The categories of 002 二(一) and 二(二) as the document lists them, used for a county
// without a list of its own; and the severities of 000 二(二) and 附则.
const CategoryList& defaultCategories(Kind kind);

struct MatchedHint {
    std::string category;
    std::string word;
};

struct Answer {
    std::string label;            // "3", or "prominent"
    int confidencePermille = 0;   // the model's probability of `label`, in thousandths
    std::string runnerUp;
    int runnerUpPermille = 0;
    bool needsPerson = false;     // confidence below the model's threshold
    Category category;            // id, name, clause of the chosen label
    std::vector<MatchedHint> hints;  // the county's hint words found in the text
};

class Classifier {
public:
    // `categories`: the county's list (their count must match the model's labels); `hints`
    // for this kind. Unknown hint categories are an error.
    static Result<Classifier> create(Model model, const CategoryList& categories, std::vector<CategoryHints> hints);
    // The embedded model of `kind` with the county's categories (or the documents' own, and
    // then categoriesFromCounty() says false) and the county's hints.
    static Result<Classifier> forCounty(Kind kind, const PolicyData& county);
    // The same with another model of `kind` (a file just trained).
    static Result<Classifier> forCounty(Kind kind, const PolicyData& county, Model model);

    Result<Answer> classify(std::string_view text) const;

    const Model& model() const { return model_; }
    const CategoryList& categories() const { return categories_; }
    bool categoriesFromCounty() const { return fromCounty_; }

private:
    Model model_;
    CategoryList categories_;
    std::vector<std::pair<std::string, int>> hintWords_;   // normalised word, label index; in file order
    std::unordered_map<std::string, std::size_t> lookup_;  // n-gram → index in model_.features (never iterated)
    bool fromCounty_ = false;
};

// ---- Evaluation ------------------------------------------------------------------------

struct Evaluation {
    std::vector<std::string> labels;
    std::vector<std::vector<int>> confusion;  // [gold][predicted]
    int total = 0;
    int correct = 0;
    int needsPerson = 0;
    int correctConfident = 0;  // right among those not needing a person

    double accuracy() const;
    double macroF1() const;
};

// Classifies every text; a label outside the classifier's labels is an error naming
// `source:LINE`.
Result<Evaluation> evaluate(const Classifier& classifier, const std::vector<LabelledText>& texts, const std::string& source);

// A fraction printed with `decimals` decimals, rounded half up, without printf: "0.917".
std::string formatFraction(double value, int decimals = 3);

}  // namespace inspectonce::classify
