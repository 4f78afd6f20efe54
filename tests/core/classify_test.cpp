// The text classifiers (classify.hpp): normalisation and n-grams, corpora and the held-out
// split, the model file and its errors, training determinism (the committed models are
// retrained from the corpora byte for byte, natively and in wasm), confidence, the
// needs-a-person threshold, county hints, categories and their clauses, and the accuracy
// of the committed models on the held-out split.
#include <gtest/gtest.h>

#include <cmath>

#include "classify/det_math.hpp"
#include "inspectonce/classify.hpp"
#include "test_support.hpp"

namespace inspectonce::classify {
namespace {

using test::readFile;
using test::sourcePath;

std::vector<LabelledText> corpus(const std::string& relative) {
    auto texts = readCorpus(readFile(sourcePath(relative)), relative);
    EXPECT_TRUE(texts.ok()) << (texts ? "" : texts.error().message());
    return texts ? texts.value() : std::vector<LabelledText>{};
}

PolicyData county(const std::string& id) {
    std::string path = "policies/" + id + ".json";
    auto data = PolicyData::fromJson(readFile(sourcePath(path)), path);
    EXPECT_TRUE(data.ok()) << (data ? "" : data.error().message());
    return data ? data.value() : PolicyData{};
}

// A demand model by hand: "贷款" pulls strongly to label 5 (index 4), nothing else.
Model handModel(int threshold = 500, int hintWeight = 100) {
    Model m;
    m.kind = Kind::Demand;
    m.labels = labelsOf(Kind::Demand);
    m.scale = 100;
    m.thresholdPermille = threshold;
    m.hintWeight = hintWeight;
    m.corpusDigest = "0123456789abcdef";
    m.bias.assign(9, 0);
    m.features = {{"款", {{4, 2000}}}, {"贷", {{4, 2000}}}, {"贷款", {{4, 2000}}}};
    return m;
}

TEST(ClassifyText, NormalisesWidthCaseDigitsAndPunctuation) {
    EXPECT_EQ(normalise("ＡＢＣ１２３，你好！ 2024年"), "abc0 你好 0年");
    EXPECT_EQ(normalise("“营业执照”——怎么办？？"), "营业执照 怎么办");
    EXPECT_EQ(normalise("　\t，。"), "");
    EXPECT_EQ(normalise("第3.5万元"), "第0 0万元");
}

TEST(ClassifyText, CharacterNgramsStayWithinSegments) {
    EXPECT_EQ(features("你好吗"), (std::vector<std::string>{"你", "你好", "你好吗", "吗", "好", "好吗"}));
    EXPECT_EQ(features("你，好"), (std::vector<std::string>{"你", "好"}));
    EXPECT_TRUE(features("！？").empty());
}

TEST(ClassifyText, Utf8ProblemsNameTheByte) {
    EXPECT_FALSE(utf8Problem("企业诉求 ok").has_value());
    EXPECT_EQ(utf8Problem("ab\xff").value(), "byte 3 (0xFF) is not valid UTF-8");
    EXPECT_TRUE(utf8Problem("\xC0\xAF").has_value());       // overlong '/'
    EXPECT_TRUE(utf8Problem("\xED\xA0\x80").has_value());   // a surrogate
    EXPECT_TRUE(utf8Problem("\xE4\xBD").has_value());       // cut short
}

TEST(ClassifyText, FractionsAreRoundedHalfUpWithoutPrintf) {
    EXPECT_EQ(formatFraction(0.9166), "0.917");
    EXPECT_EQ(formatFraction(0.0005), "0.001");
    EXPECT_EQ(formatFraction(1.0), "1.000");
    EXPECT_EQ(formatFraction(0.25, 1), "0.3");
    EXPECT_EQ(formatFraction(0.12345, 4), "0.1235");
}

TEST(ClassifyMath, OwnExpMatchesTheMathematicalValue) {
    EXPECT_EQ(detail::expNonPositive(0.0), 1.0);
    EXPECT_NEAR(detail::expNonPositive(-1.0), 0.36787944117144233, 1e-16);
    EXPECT_NEAR(detail::expNonPositive(-20.5) / 1.2501528663867426e-09, 1.0, 1e-14);
    EXPECT_EQ(detail::expNonPositive(-800.0), 0.0);
}

TEST(ClassifyCorpus, ReadsLinesAndNamesEveryProblem) {
    auto ok = readCorpus("# comment\na1\t3\t我们想申请贷款\n\nb2\tminor\t有\t一个 tab\r\n", "x.tsv");
    ASSERT_TRUE(ok.ok()) << ok.error().message();
    ASSERT_EQ(ok->size(), 2u);
    EXPECT_EQ((*ok)[1].id, "b2");
    EXPECT_EQ((*ok)[1].text, "有\t一个 tab");
    EXPECT_EQ((*ok)[1].line, 4);

    auto message = [](std::string_view text) { return readCorpus(text, "x.tsv").error().message(); };
    EXPECT_EQ(message("a\t1\tok\nb 1 no tabs\n"), "x.tsv:2: expected ID<TAB>LABEL<TAB>TEXT, found no tab");
    EXPECT_EQ(message("a\t1 only one\n"), "x.tsv:1: expected ID<TAB>LABEL<TAB>TEXT, found only one tab");
    EXPECT_EQ(message("a\t1\t，。！\n"), "x.tsv:1: empty TEXT (nothing but punctuation or spaces)");
    EXPECT_EQ(message("a\t1\t一\na\t2\t二\n"), "x.tsv:2: duplicate ID \"a\"");
    EXPECT_EQ(message("a\t1\t\xff\n"), "x.tsv:1: byte 5 (0xFF) is not valid UTF-8");
    EXPECT_EQ(message("\t1\t一\n"), "x.tsv:1: empty ID");
}

TEST(ClassifyCorpus, HeldOutSplitIsFnv1aOfTheIdModFive) {
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector): 1 mod 5.
    EXPECT_FALSE(isHeldOut("a"));
    EXPECT_TRUE(isHeldOut("x2"));  // 0x08f10607b58d6f0f ≡ 0 mod 5
    int held = 0;
    for (int i = 0; i < 2000; ++i) held += isHeldOut("t" + std::to_string(i));
    EXPECT_GT(held, 340);
    EXPECT_LT(held, 460);
}

TEST(ClassifyCorpus, InfersTheKindFromLabelsThenTheFileName) {
    auto texts = [](std::vector<std::string> labels) {
        std::vector<LabelledText> out;
        for (std::size_t i = 0; i < labels.size(); ++i) out.push_back({"i" + std::to_string(i), labels[i], "文本", int(i + 1)});
        return out;
    };
    EXPECT_EQ(inferKind(texts({"1", "9"}), "x.tsv").value(), Kind::Demand);
    EXPECT_EQ(inferKind(texts({"minor", "excluded"}), "demands.tsv").value(), Kind::Finding);
    EXPECT_EQ(inferKind(texts({"1", "8"}), "dir/complaints.tsv").value(), Kind::Complaint);
    EXPECT_EQ(inferKind(texts({"1", "8"}), "dir/demands.tsv").value(), Kind::Demand);
    auto ambiguous = inferKind(texts({"1", "8"}), "x.tsv");
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_NE(ambiguous.error().why.find("pass --kind"), std::string::npos);
    EXPECT_EQ(inferKind(texts({"1", "urgent"}), "x.tsv").error().where, "x.tsv:2");
    EXPECT_NE(inferKind(texts({"1", "minor"}), "x.tsv").error().why.find("mix"), std::string::npos);
}

TEST(ClassifyModel, SerialisesAndParsesBackIdentically) {
    Model m = handModel();
    std::string text = m.serialise();
    auto back = Model::parse(text, "m.model");
    ASSERT_TRUE(back.ok()) << back.error().message();
    EXPECT_EQ(back->serialise(), text);
    EXPECT_EQ(back->features.size(), 3u);
    EXPECT_EQ(back->features[2].weights[0], (std::pair<int, int>{4, 2000}));
}

TEST(ClassifyModel, MalformedFilesAreReportedWithTheirLine) {
    std::string good = handModel().serialise();  // two comment lines, then the header
    auto replaceLine = [&](int number, const std::string& with) {
        std::string out;
        int line = 0;
        for (std::size_t at = 0; at < good.size();) {
            std::size_t end = good.find('\n', at);
            ++line;
            out += (line == number ? with : good.substr(at, end - at)) + "\n";
            at = end + 1;
        }
        return out;
    };
    auto message = [](const std::string& text) { return Model::parse(text, "m.model").error().message(); };
    EXPECT_EQ(message("hello\n"), "m.model:1: expected the first line \"inspectonce-classifier 1\" (not a classifier model, or another version)");
    EXPECT_EQ(message(replaceLine(4, "kind survey")), "m.model:4: expected \"kind\" to be demand, complaint or finding, found \"survey\"");
    EXPECT_EQ(message(replaceLine(5, "labels 1 2 3 4 5 6 7 9 8")),
              "m.model:5: expected the labels of a demand model in order, found \"9\" where \"8\" belongs");
    EXPECT_EQ(message(replaceLine(7, "threshold 1200")), "m.model:7: expected \"threshold\" to be an integer from 0 to 1000, found \"1200\"");
    EXPECT_EQ(message(replaceLine(10, "bias 0 0")), "m.model:10: expected \"bias\" with 9 value(s), found 2");
    EXPECT_EQ(message(replaceLine(12, "款\t9:100")), "m.model:12: expected LABEL-INDEX:WEIGHT with an index from 0 to 8, found \"9:100\"");
    EXPECT_EQ(message(replaceLine(13, "a\t1:1")), "m.model:13: n-grams must be sorted and unique: \"a\" follows \"款\"");
    EXPECT_EQ(message(replaceLine(13, "贷，\t1:1")), "m.model:13: \"贷，\" is not a normalised n-gram of 1 to 3 characters");
    EXPECT_EQ(message(replaceLine(12, "款\t3:1 1:1")), "m.model:12: label indexes of \"款\" must ascend, each once");
    EXPECT_EQ(message(replaceLine(11, "features 4")), "m.model:15: the header announces 4 features, the file has 3");
    EXPECT_EQ(message(good.substr(0, good.find("features"))), "m.model:11: expected \"features\" with 1 value(s), found the end of the file");
}

TEST(ClassifyModel, EmbeddedModelsAreTheCommittedFiles) {
    for (Kind kind : {Kind::Demand, Kind::Complaint, Kind::Finding}) {
        std::string path = "policies/classify/" + std::string(toString(kind)) + ".model";
        auto model = embeddedModel(kind);
        ASSERT_TRUE(model.ok()) << model.error().message();
        EXPECT_EQ(model->serialise(), readFile(sourcePath(path))) << path;
        EXPECT_LE(readFile(sourcePath(path)).size(), 300u * 1024) << path << " is downloaded by the browser";
    }
}

// The committed models are provably from the corpora: retraining gives the same bytes
// (natively and in wasm: the same test runs under Node).
TEST(ClassifyTrain, CommittedModelsAreRetrainedByteForByte) {
    for (Kind kind : {Kind::Demand, Kind::Complaint, Kind::Finding}) {
        std::string name(toString(kind));
        auto texts = corpus("tests/data/classify/" + name + "s.tsv");
        auto model = train(kind, texts);
        ASSERT_TRUE(model.ok()) << model.error().message();
        EXPECT_EQ(model->serialise(), readFile(sourcePath("policies/classify/" + name + ".model")))
            << "retrain: inspectonce classify train --kind " << name << " --corpus tests/data/classify/" << name
            << "s.tsv --out policies/classify/" << name << ".model";
        int heldOut = 0;
        for (const auto& t : texts) heldOut += isHeldOut(t.id);
        EXPECT_EQ(model->trainingTexts + heldOut, static_cast<int>(texts.size()));
    }
}

TEST(ClassifyTrain, SameCorpusSameModelWhateverTheLineOrder) {
    auto texts = corpus("tests/data/classify/fixtures/demands.tsv");
    TrainOptions small;
    small.epochs = 5;
    small.minDocuments = 1;
    auto first = train(Kind::Demand, texts, small);
    ASSERT_TRUE(first.ok()) << first.error().message();
    std::reverse(texts.begin(), texts.end());
    auto second = train(Kind::Demand, texts, small);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(first->serialise(), second->serialise());
    EXPECT_GT(first->features.size(), 10u);
    // It learnt something: most of its own training texts come back with their label.
    auto classifier = Classifier::create(first.value(), defaultCategories(Kind::Demand), {});
    ASSERT_TRUE(classifier.ok());
    std::vector<LabelledText> training;
    for (const auto& t : texts)
        if (!isHeldOut(t.id)) training.push_back(t);
    auto e = evaluate(classifier.value(), training, "fixtures");
    ASSERT_TRUE(e.ok());
    EXPECT_GT(e->accuracy(), 0.9);
}

TEST(ClassifyTrain, RefusesForeignLabelsAndMissingClasses) {
    std::vector<LabelledText> texts{{"a", "3", "贷款", 1}, {"b", "minor", "贷款", 2}};
    auto wrong = train(Kind::Demand, texts);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().message(), "line 2: label \"minor\" is not a demand label (1, 2, 3, 4, 5, 6, 7, 8, 9)");
    auto missing = train(Kind::Finding, {{"a", "minor", "轻微", 1}});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().why, "no training text with label \"general\"");
}

TEST(ClassifyAnswer, ConfidenceRunnerUpAndNeedsPerson) {
    auto classifier = Classifier::create(handModel(), defaultCategories(Kind::Demand), {});
    ASSERT_TRUE(classifier.ok()) << classifier.error().message();
    auto sure = classifier->classify("想申请贷款");
    ASSERT_TRUE(sure.ok());
    EXPECT_EQ(sure->label, "5");
    EXPECT_GT(sure->confidencePermille, 900);
    EXPECT_FALSE(sure->needsPerson);
    EXPECT_EQ(sure->category.clause.text(), "002 二(一)5");
    EXPECT_EQ(sure->runnerUp, "1");  // the others tie: the first in the document's order

    // Nothing the model knows: nine equal scores, 1/9 each, below the threshold.
    auto unsure = classifier->classify("天气很好");
    ASSERT_TRUE(unsure.ok());
    EXPECT_EQ(unsure->confidencePermille, 111);
    EXPECT_TRUE(unsure->needsPerson);

    auto never = Classifier::create(handModel(0), defaultCategories(Kind::Demand), {});
    EXPECT_FALSE(never->classify("天气很好")->needsPerson);

    EXPECT_EQ(classifier->classify("，，").error().why, "empty (nothing but punctuation or spaces)");
    EXPECT_EQ(classifier->classify("a\xff").error().why, "byte 2 (0xFF) is not valid UTF-8");
}

TEST(ClassifyAnswer, CountyHintsAddEvidence) {
    std::vector<CategoryHints> hints{{"legal-aid", {"律师", "法律援助"}}};
    auto hinted = Classifier::create(handModel(), defaultCategories(Kind::Demand), hints);
    ASSERT_TRUE(hinted.ok()) << hinted.error().message();
    auto answer = hinted->classify("需要律师帮忙");
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer->label, "6");
    // One matched category adds hint-weight 1.0 to its logit: e / (e + 8).
    EXPECT_EQ(answer->confidencePermille, 254);
    ASSERT_EQ(answer->hints.size(), 1u);
    EXPECT_EQ(answer->hints[0].category, "legal-aid");
    EXPECT_EQ(answer->hints[0].word, "律师");
    // Without the hint the same text is a tie the model cannot break.
    auto plain = Classifier::create(handModel(), defaultCategories(Kind::Demand), {});
    EXPECT_EQ(plain->classify("需要律师帮忙")->confidencePermille, 111);

    auto unknown = Classifier::create(handModel(), defaultCategories(Kind::Demand), {{"loans", {"贷款"}}});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().message(), "classifier_hints/demand/loans: not a category of 002 二(一)");
}

TEST(ClassifyCounty, HintsAreReadFromTheParameterFileWithPreciseErrors) {
    PolicyData yuancheng = county("yuancheng");
    EXPECT_EQ(yuancheng.classifierHints.demand.size(), 9u);
    EXPECT_EQ(yuancheng.classifierHints.complaint.size(), 8u);
    PolicyData dinghai = county("dinghai");
    EXPECT_EQ(dinghai.classifierHints.finding.size(), 4u);

    std::string text = readFile(sourcePath("policies/yuancheng.json"));
    std::string bad = text;
    bad.replace(bad.find("\"legal-aid\": ["), std::string("\"legal-aid\"").size(), "\"legal-help\"");
    auto error = PolicyData::fromJson(bad, "y.json");
    ASSERT_FALSE(error.ok());
    EXPECT_EQ(error.error().where, "y.json at /classifier_hints/demand/legal-help");
    EXPECT_NE(error.error().why.find("is not a category of 002 二(一)"), std::string::npos);

    std::string twice = text;
    twice.replace(twice.find("[\"法律援助\""), 1, "[\"法律援助\", ");
    auto duplicate = PolicyData::fromJson(twice, "y.json");
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().message(), "y.json at /classifier_hints/demand/legal-aid/1: hint \"法律援助\" listed twice");
}

TEST(ClassifyCounty, CategoriesComeFromTheCountyOrTheDocument) {
    auto yuancheng = Classifier::forCounty(Kind::Complaint, county("yuancheng"));
    ASSERT_TRUE(yuancheng.ok()) << yuancheng.error().message();
    EXPECT_TRUE(yuancheng->categoriesFromCounty());
    auto fee = yuancheng->classify("镇里要求每家企业交两千元赞助费，不交就上黑名单");
    ASSERT_TRUE(fee.ok());
    EXPECT_EQ(fee->label, "1");
    EXPECT_EQ(fee->category.clause.text(), "002 二(二)1");
    EXPECT_FALSE(fee->hints.empty());

    auto yunhe = Classifier::forCounty(Kind::Demand, county("yunhe"));
    ASSERT_TRUE(yunhe.ok()) << yunhe.error().message();
    EXPECT_FALSE(yunhe->categoriesFromCounty());
    EXPECT_EQ(yunhe->categories().clause.text(), "002 二(一)");
    EXPECT_TRUE(yunhe->classify("想申请银行贷款")->hints.empty());

    auto dinghai = Classifier::forCounty(Kind::Finding, county("dinghai"));
    ASSERT_TRUE(dinghai.ok()) << dinghai.error().message();
    EXPECT_TRUE(dinghai->categoriesFromCounty());
    EXPECT_EQ(dinghai->categories().items[3].clause.text(), "000 附则");
    auto food = dinghai->classify("后厨使用过期变质的肉类加工菜品，存在食品安全风险");
    ASSERT_TRUE(food.ok());
    EXPECT_EQ(food->label, "excluded");
    EXPECT_EQ(food->category.clause.text(), "000 附则");
}

// The targets, measured on the held-out split of each corpus (never trained on).
TEST(ClassifyQuality, HeldOutAccuracyMeetsTheTargets) {
    struct Target { Kind kind; const char* county; double accuracy; };
    for (const Target& target : {Target{Kind::Demand, "yuancheng", 0.90}, Target{Kind::Complaint, "yuancheng", 0.88},
                                 Target{Kind::Finding, "dinghai", 0.85}}) {
        std::string name(toString(target.kind));
        std::vector<LabelledText> held;
        for (const auto& t : corpus("tests/data/classify/" + name + "s.tsv"))
            if (isHeldOut(t.id)) held.push_back(t);
        auto classifier = Classifier::forCounty(target.kind, county(target.county));
        ASSERT_TRUE(classifier.ok()) << classifier.error().message();
        auto e = evaluate(classifier.value(), held, name);
        ASSERT_TRUE(e.ok()) << e.error().message();
        EXPECT_GE(held.size(), 150u) << name;
        EXPECT_GE(e->accuracy(), target.accuracy) << name << ": " << e->correct << "/" << e->total;
        EXPECT_GE(e->macroF1(), target.accuracy - 0.02) << name;
    }
}

// The same targets on tests/data/classify/independent/: texts written apart from the
// training corpus, by another author, never trained on (the "done when").
TEST(ClassifyQuality, IndependentTextsMeetTheTargets) {
    struct Target { Kind kind; const char* county; double accuracy; };
    for (const Target& target : {Target{Kind::Demand, "yuancheng", 0.90}, Target{Kind::Complaint, "yuancheng", 0.88},
                                 Target{Kind::Finding, "dinghai", 0.85}}) {
        std::string name(toString(target.kind));
        auto texts = corpus("tests/data/classify/independent/" + name + "s.tsv");
        auto classifier = Classifier::forCounty(target.kind, county(target.county));
        ASSERT_TRUE(classifier.ok()) << classifier.error().message();
        auto e = evaluate(classifier.value(), texts, name);
        ASSERT_TRUE(e.ok()) << e.error().message();
        EXPECT_GE(texts.size(), 200u) << name;
        EXPECT_GE(e->accuracy(), target.accuracy) << name << ": " << e->correct << "/" << e->total;
    }
}

TEST(ClassifyQuality, EvaluationCountsAndMacroF1) {
    auto classifier = Classifier::create(handModel(), defaultCategories(Kind::Demand), {});
    std::vector<LabelledText> texts{{"a", "5", "贷款", 1}, {"b", "5", "天气", 2}, {"c", "1", "下雨", 3}};
    auto e = evaluate(classifier.value(), texts, "t.tsv");
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->total, 3);
    EXPECT_EQ(e->correct, 2);     // "天气" is predicted 1
    EXPECT_EQ(e->needsPerson, 2);
    EXPECT_EQ(e->confusion[4][0], 1);
    // label 1: TP 1, FP 1 → F1 2/3; label 5: TP 1, FN 1 → F1 2/3.
    EXPECT_NEAR(e->macroF1(), 2.0 / 3.0, 1e-12);
    auto bad = evaluate(classifier.value(), {{"x", "minor", "贷款", 7}}, "t.tsv");
    EXPECT_EQ(bad.error().message(), "t.tsv:7: label \"minor\" is not a demand label");
}

}  // namespace
}  // namespace inspectonce::classify
