// inspectonce classify demand|complaint|finding --county ID     (stdin: ID<TAB>TEXT lines)
//              classify train --kind K --corpus FILE --out FILE
//              classify eval FILE [--kind K] [--county ID] [--split all|held-out|training]
//              classify bench FILE [--kind K] [--county ID] [--rounds N]   (a measurement, never an assertion)
#include <chrono>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "cli.hpp"
#include "inspectonce/classify.hpp"

namespace inspectonce::cli {
namespace {

using classify::Kind;

Result<std::string> readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path, "cannot read the file");
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string permille(int value) { return classify::formatFraction(value / 1000.0, 3); }

// The county a kind's categories come from when none is named: the document that defines them.
std::string defaultCounty(Kind kind) { return kind == Kind::Finding ? "dinghai" : "yuancheng"; }

// The county's classifier: the embedded model, or `modelPath` (a model just trained, before
// it is committed and compiled in).
Result<classify::Classifier> classifierFor(Kind kind, const std::string& county, const std::string& modelPath,
                                           const Options& options, PluginHost& host) {
    auto report = loadPlugins(host, options);
    if (!report) return report.error();
    Error unknown;
    const LoadedPlugin* plugin = findCounty(host, county, unknown);
    if (!plugin) return unknown;
    if (modelPath.empty()) return classify::Classifier::forCounty(kind, plugin->policy);
    IO_TRY(text, readWholeFile(modelPath));
    IO_TRY(model, classify::Model::parse(text, modelPath));
    if (model.kind != kind)
        return makeError(modelPath, "holds a " + std::string(classify::toString(model.kind)) + " model, not a " +
                                        std::string(classify::toString(kind)) + " model");
    return classify::Classifier::forCounty(kind, plugin->policy, model);
}

struct InputLine {
    int line = 0;
    std::string id, text;
};

// Every line of stdin checked before anything is printed: a bad line stops the batch.
Result<std::vector<InputLine>> readInput(std::istream& in) {
    std::vector<InputLine> out;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        std::string where = "stdin:" + std::to_string(number);
        if (auto problem = classify::utf8Problem(line)) return makeError(where, *problem);
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) return makeError(where, "expected ID<TAB>TEXT, found no tab");
        if (tab == 0) return makeError(where, "empty ID");
        InputLine item{number, line.substr(0, tab), line.substr(tab + 1)};
        if (classify::normalise(item.text).empty()) return makeError(where, "empty TEXT (nothing but punctuation or spaces)");
        out.push_back(std::move(item));
    }
    return out;
}

nlohmann::json categoryJson(const Category& c) {
    return {{"id", c.id}, {"name", {{"zh", c.name.zh}, {"en", c.name.en}}}, {"clause", c.clause.text()}};
}

int classifyLines(Kind kind, const std::string& county, const std::string& modelPath, const Options& options) {
    PluginHost host;
    auto classifier = classifierFor(kind, county, modelPath, options, host);
    if (!classifier) return fail(classifier.error());
    auto lines = readInput(std::cin);
    if (!lines) return fail(lines.error());
    bool english = options.lang() == Language::English;
    int threshold = classifier->model().thresholdPermille;
    nlohmann::json answers = nlohmann::json::array();
    for (const auto& line : *lines) {
        auto answer = classifier->classify(line.text);
        if (!answer) return fail(makeError("stdin:" + std::to_string(line.line), answer.error().why));
        if (options.json) {
            nlohmann::json hints = nlohmann::json::array();
            for (const auto& h : answer->hints) hints.push_back({{"category", h.category}, {"word", h.word}});
            answers.push_back({{"id", line.id},
                               {"label", answer->label},
                               {"confidence", answer->confidencePermille / 1000.0},
                               {"runner_up", {{"label", answer->runnerUp}, {"confidence", answer->runnerUpPermille / 1000.0}}},
                               {"needs_person", answer->needsPerson},
                               {"category", categoryJson(answer->category)},
                               {"hints", hints}});
            continue;
        }
        std::cout << line.id << "\t" << answer->label << "\t" << permille(answer->confidencePermille) << "\n";
        if (answer->needsPerson)  // on stderr: stdout keeps exactly ID, LABEL, CONFIDENCE
            std::cerr << "inspectonce: stdin:" << line.line << " " << line.id
                      << (english ? ": needs a person (confidence " : "：需人工判断（置信度 ") << permille(answer->confidencePermille)
                      << " < " << permille(threshold) << (english ? ", runner-up " : "，次选 ") << answer->runnerUp
                      << (english ? ")\n" : "）\n");
    }
    if (options.json) {
        const auto& categories = classifier->categories();
        printJson({{"county", county},
                   {"kind", std::string(classify::toString(kind))},
                   {"categories", {{"clause", categories.clause.text()},
                                   {"from", classifier->categoriesFromCounty() ? "county" : "document"}}},
                   {"threshold", threshold / 1000.0},
                   {"answers", answers}});
    }
    return kOk;
}

int trainModel(const std::string& kindText, const std::string& corpusPath, const std::string& outPath, const Options& options) {
    auto kind = classify::parseKind(kindText);
    if (!kind) return fail(makeError("--kind", kind.error().why));
    auto content = readWholeFile(corpusPath);
    if (!content) return fail(content.error());
    auto corpus = classify::readCorpus(*content, corpusPath);
    if (!corpus) return fail(corpus.error());
    auto model = classify::train(*kind, *corpus);
    if (!model) return fail(makeError(corpusPath + " " + model.error().where, model.error().why));
    std::string text = model->serialise();
    std::ofstream out(outPath, std::ios::binary);
    if (!out || !(out << text) || !out.flush()) return fail(makeError(outPath, "cannot write the file"));
    int heldOut = static_cast<int>(corpus->size()) - model->trainingTexts;
    if (options.json) {
        printJson({{"kind", kindText}, {"corpus", corpusPath}, {"out", outPath}, {"training_texts", model->trainingTexts},
                   {"held_out_texts", heldOut}, {"features", model->features.size()}, {"bytes", text.size()},
                   {"corpus_digest", model->corpusDigest}});
    } else if (options.lang() == Language::English) {
        std::cout << kindText << " model: " << model->trainingTexts << " training texts (" << heldOut << " held out), "
                  << model->features.size() << " n-grams, " << text.size() << " bytes -> " << outPath << "\n";
    } else {
        std::cout << kindText << " 模型：训练文本 " << model->trainingTexts << " 条（留出 " << heldOut << " 条），n 元特征 "
                  << model->features.size() << " 个，" << text.size() << " 字节 -> " << outPath << "\n";
    }
    return kOk;
}

struct EvalArgs {
    std::string file, kind, county, model, split = "all";
};

int evalFile(const EvalArgs& args, const Options& options) {
    auto content = readWholeFile(args.file);
    if (!content) return fail(content.error());
    auto corpus = classify::readCorpus(*content, args.file);
    if (!corpus) return fail(corpus.error());
    Result<Kind> kind = args.kind.empty() ? classify::inferKind(*corpus, args.file) : classify::parseKind(args.kind);
    if (!kind) return fail(args.kind.empty() ? kind.error() : makeError("--kind", kind.error().why));
    std::vector<classify::LabelledText> texts;
    for (const auto& t : *corpus)
        if (args.split == "all" || (args.split == "held-out") == classify::isHeldOut(t.id)) texts.push_back(t);
    std::string county = args.county.empty() ? defaultCounty(*kind) : args.county;
    PluginHost host;
    auto classifier = classifierFor(*kind, county, args.model, options, host);
    if (!classifier) return fail(classifier.error());
    auto result = classify::evaluate(*classifier, texts, args.file);
    if (!result) return fail(result.error());
    const auto& e = *result;
    double restAccuracy = e.total == e.needsPerson ? 0.0 : static_cast<double>(e.correctConfident) / (e.total - e.needsPerson);
    if (options.json) {
        printJson({{"file", args.file}, {"kind", std::string(classify::toString(*kind))}, {"county", county}, {"split", args.split},
                   {"texts", e.total}, {"correct", e.correct}, {"accuracy", classify::formatFraction(e.accuracy(), 4)},
                   {"macro_f1", classify::formatFraction(e.macroF1(), 4)}, {"needs_person", e.needsPerson},
                   {"accuracy_without_needs_person", classify::formatFraction(restAccuracy, 4)},
                   {"labels", e.labels}, {"confusion", e.confusion}});
        return kOk;
    }
    bool en = options.lang() == Language::English;
    std::cout << args.file << " (" << classify::toString(*kind) << ", " << county << ", " << args.split << "): " << e.total
              << (en ? " texts\n" : " 条\n");
    std::cout << (en ? "accuracy  " : "准确率    ") << classify::formatFraction(e.accuracy()) << " (" << e.correct << "/" << e.total << ")\n";
    std::cout << (en ? "macro-F1  " : "宏平均 F1 ") << classify::formatFraction(e.macroF1()) << "\n";
    std::cout << (en ? "needs a person " : "需人工判断 ") << e.needsPerson << (en ? " (accuracy of the others " : "（其余准确率 ")
              << classify::formatFraction(restAccuracy) << (en ? ")\n" : "）\n");
    std::cout << (en ? "confusion (rows: true label, columns: predicted)\n" : "混淆矩阵（行：标注，列：预测）\n");
    std::size_t width = 5;
    for (const auto& l : e.labels) width = std::max(width, l.size() + 1);
    std::cout << std::setw(static_cast<int>(width)) << "";
    for (const auto& l : e.labels) std::cout << std::setw(static_cast<int>(width)) << l;
    std::cout << "\n";
    for (std::size_t g = 0; g < e.labels.size(); ++g) {
        std::cout << std::setw(static_cast<int>(width)) << e.labels[g];
        for (int n : e.confusion[g]) std::cout << std::setw(static_cast<int>(width)) << n;
        std::cout << "\n";
    }
    return kOk;
}

struct BenchArgs {
    std::string file, kind, county;
    int rounds = 20;
};

// Texts per second of Classifier::classify over every text of FILE, `rounds` times, on the
// wall clock; natively and under Node the same command gives the two figures of the README.
int bench(const BenchArgs& args, const Options& options) {
    auto content = readWholeFile(args.file);
    if (!content) return fail(content.error());
    auto corpus = classify::readCorpus(*content, args.file);
    if (!corpus) return fail(corpus.error());
    Result<Kind> kind = args.kind.empty() ? classify::inferKind(*corpus, args.file) : classify::parseKind(args.kind);
    if (!kind) return fail(kind.error());
    std::string county = args.county.empty() ? defaultCounty(*kind) : args.county;
    PluginHost host;
    using Clock = std::chrono::steady_clock;
    auto loadStart = Clock::now();
    auto classifier = classifierFor(*kind, county, "", options, host);
    if (!classifier) return fail(classifier.error());
    double loadSeconds = std::chrono::duration<double>(Clock::now() - loadStart).count();
    long long checksum = 0;  // keeps the work observable
    auto start = Clock::now();
    for (int round = 0; round < args.rounds; ++round)
        for (const auto& t : *corpus) {
            auto answer = classifier->classify(t.text);
            if (!answer) return fail(answer.error());
            checksum += answer->confidencePermille;
        }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    long long texts = static_cast<long long>(corpus->size()) * args.rounds;
    double perSecond = seconds > 0 ? static_cast<double>(texts) / seconds : 0.0;
    if (options.json) {
        printJson({{"kind", std::string(classify::toString(*kind))}, {"file", args.file}, {"texts", texts}, {"seconds", seconds},
                   {"texts_per_second", perSecond}, {"model_load_seconds", loadSeconds}, {"checksum", checksum}});
        return kOk;
    }
    std::cout << classify::toString(*kind) << ": " << texts << " texts in " << std::fixed << std::setprecision(3) << seconds
              << " s = " << std::setprecision(0) << perSecond << " texts/s (model and county loaded in " << std::setprecision(3)
              << loadSeconds << " s)\n";
    return kOk;
}

}  // namespace

void addClassifyCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* classifyCommand = app.add_subcommand("classify", "Chinese free text: demands (002 二(一)), complaints (002 二(二)), findings (000 二(二))");
    classifyCommand->require_subcommand(1);

    for (Kind kind : {Kind::Demand, Kind::Complaint, Kind::Finding}) {
        auto county = std::make_shared<std::string>();
        auto model = std::make_shared<std::string>();
        std::string help = kind == Kind::Demand      ? "Enterprise demands into the 9 categories of 002 二(一)"
                           : kind == Kind::Complaint ? "Disturbance complaints into the 8 categories of 002 二(二)"
                                                     : "Inspection findings: minor, general, prominent (000 二(二)) or excluded (000 附则)";
        auto* command = classifyCommand->add_subcommand(std::string(classify::toString(kind)),
                                                        help + "; reads ID<TAB>TEXT lines, prints ID<TAB>LABEL<TAB>CONFIDENCE");
        command->add_option("--county", *county, "county id, e.g. yuancheng")->required();
        command->add_option("--model", *model, "a model file instead of the one compiled in");
        command->callback([kind, county, model, &options, &exitCode] { exitCode = classifyLines(kind, *county, *model, options); });
    }

    struct TrainArgs { std::string kind, corpus, out; };
    auto train = std::make_shared<TrainArgs>();
    auto* trainCommand = classifyCommand->add_subcommand("train", "Train a model from a labelled corpus (ID<TAB>LABEL<TAB>TEXT), held-out split excluded");
    trainCommand->add_option("--kind", train->kind, "demand, complaint or finding")->required();
    trainCommand->add_option("--corpus", train->corpus, "labelled corpus file")->required();
    trainCommand->add_option("--out", train->out, "model file to write, e.g. policies/classify/demand.model")->required();
    trainCommand->callback([train, &options, &exitCode] { exitCode = trainModel(train->kind, train->corpus, train->out, options); });

    auto eval = std::make_shared<EvalArgs>();
    auto* evalCommand = classifyCommand->add_subcommand("eval", "Accuracy, macro-F1 and confusion matrix on a labelled file");
    evalCommand->add_option("FILE", eval->file, "labelled file ID<TAB>LABEL<TAB>TEXT")->required();
    evalCommand->add_option("--kind", eval->kind, "demand, complaint or finding (default: from the labels, else the file name)");
    evalCommand->add_option("--county", eval->county, "whose categories and hints (default: yuancheng; dinghai for findings)");
    evalCommand->add_option("--model", eval->model, "a model file instead of the one compiled in");
    evalCommand->add_option("--split", eval->split, "all (default), held-out or training (isHeldOut: FNV-1a of the id mod 5 = 0)")
        ->check(CLI::IsMember({"all", "held-out", "training"}));
    evalCommand->callback([eval, &options, &exitCode] { exitCode = evalFile(*eval, options); });

    auto benchArgs = std::make_shared<BenchArgs>();
    auto* benchCommand = classifyCommand->add_subcommand("bench", "Throughput: texts per second over a labelled file (wall clock)");
    benchCommand->add_option("FILE", benchArgs->file, "labelled file ID<TAB>LABEL<TAB>TEXT")->required();
    benchCommand->add_option("--kind", benchArgs->kind, "demand, complaint or finding (default: from the labels, else the file name)");
    benchCommand->add_option("--county", benchArgs->county, "whose categories and hints (default: yuancheng; dinghai for findings)");
    benchCommand->add_option("--rounds", benchArgs->rounds, "passes over the file (default 20)")->check(CLI::Range(1, 100000));
    benchCommand->callback([benchArgs, &options, &exitCode] { exitCode = bench(*benchArgs, options); });
}

}  // namespace inspectonce::cli
