// inspectonce exercise list [--county ID]                    the shipped training exercises
// inspectonce exercise show ID | --file PATH                 the brief, each question, its choices
// inspectonce exercise check ID ANSWERS.json | --file PATH ANSWERS.json
//     scores a trainee's answers against the county's engines; every mistake with the engine's
//     answer and its reasons, each with its clause. Exit 0 all right, 1 a mistake, 2 bad input.
// ANSWERS.json: {"q1": "refused", "q2": 2, …}; "-" reads it from stdin.
#include <fstream>
#include <iterator>
#include <memory>

#include "cli.hpp"
#include "inspectonce/exercise.hpp"

namespace inspectonce::cli {
namespace {

struct ExerciseArgs {
    std::string county, file;
    std::vector<std::string> positional;  // ID and/or ANSWERS
};

Result<std::string> readText(const std::string& path) {
    if (path == "-") return std::string((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path, "file not found or not readable");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The exercise named by ID, or the trainer's own file (--file); `rest` is what follows it.
Result<Exercise> exerciseFrom(const ExerciseArgs& a, std::size_t rest) {
    std::size_t expected = (a.file.empty() ? 1 : 0) + rest;
    if (a.positional.size() != expected) {
        std::string usage = a.file.empty() ? "ID" : "--file PATH";
        if (rest) usage += " ANSWERS.json";
        return makeError("exercise", "expected " + usage + " (" + std::to_string(a.positional.size()) + " argument(s) given)");
    }
    if (a.file.empty()) return shippedExercise(a.positional.front());
    IO_TRY(text, readText(a.file));
    return parseExercise(text, a.file);
}

// Loads the plugins and runs `run` with the exercise's county (an unknown one names /county).
template <class Run>
int withPlugin(const Exercise& exercise, const Options& options, Run run) {
    PluginHost host;
    auto report = loadPlugins(host, options);
    if (!report) return fail(report.error());
    auto plugin = exercisePlugin(exercise, host);
    if (!plugin) return fail(plugin.error());
    if (Status valid = check(exercise, (*plugin)->policy); !valid) return fail(valid.error());
    return run(**plugin);
}

int list(const ExerciseArgs& a, const Options& options) {
    auto exercises = shippedExercises(a.county);
    if (!exercises) return fail(exercises.error());
    if (!a.county.empty() && exercises->empty()) {
        auto all = shippedExercises();
        std::string counties;
        for (const auto& e : *all)
            if (counties.find(e.county) == std::string::npos) counties += (counties.empty() ? "" : ", ") + e.county;
        return fail(makeError("--county", "no exercise for \"" + a.county + "\" (exercises exist for: " + counties + ")"));
    }
    if (options.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : *exercises) {
            nlohmann::json clauses = nlohmann::json::array();
            for (const auto& c : e.clauses) clauses.push_back(c.text());
            out.push_back({{"id", e.id}, {"county", e.county}, {"title", {{"zh", e.title.zh}, {"en", e.title.en}}},
                           {"questions", e.questions.size()}, {"clauses", clauses}});
        }
        printJson({{"exercises", out}});
        return kOk;
    }
    bool en = options.lang() == Language::English;
    for (const auto& e : *exercises)
        std::cout << e.id << "\t" << e.county << "\t" << e.questions.size() << (en ? " questions" : " 题") << "\t" << options.say(e.title) << "\n";
    return kOk;
}

int show(const ExerciseArgs& a, const Options& options) {
    auto exercise = exerciseFrom(a, 0);
    if (!exercise) return fail(exercise.error());
    return withPlugin(*exercise, options, [&](const LoadedPlugin& plugin) {
        if (options.json) printJson(toJson(*exercise, plugin.policy));
        else std::cout << describe(*exercise, plugin.policy, options.lang());
        return int(kOk);
    });
}

int checkAnswers(const ExerciseArgs& a, const Options& options) {
    auto exercise = exerciseFrom(a, 1);
    if (!exercise) return fail(exercise.error());
    const std::string& path = a.positional.back();
    auto text = readText(path);
    if (!text) return fail(text.error());
    auto answers = parseAnswers(*text, path == "-" ? "stdin" : path);
    if (!answers) return fail(answers.error());
    return withPlugin(*exercise, options, [&](const LoadedPlugin& plugin) {
        auto scored = score(*exercise, plugin, *answers);
        if (!scored) return fail(scored.error());
        if (options.json) printJson(toJson(*scored));
        else std::cout << describe(*scored, options.lang());
        return scored->right == scored->total ? int(kOk) : int(kNo);
    });
}

}  // namespace

void addExerciseCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto a = std::make_shared<ExerciseArgs>();
    auto* exercise = app.add_subcommand("exercise", "Training exercises: a county situation, questions, answers scored against the engines");
    exercise->require_subcommand(1);

    auto* listCommand = exercise->add_subcommand("list", "The exercises shipped with InspectOnce");
    listCommand->add_option("--county", a->county, "only this county's, e.g. yunhe");
    listCommand->callback([a, &options, &exitCode] { exitCode = list(*a, options); });

    auto* showCommand = exercise->add_subcommand("show", "An exercise's brief, its questions and their choices (never the answers)");
    showCommand->add_option("ID", a->positional, "the exercise's id (exercise list)");
    showCommand->add_option("--file", a->file, "a trainer's own exercise file instead of ID");
    showCommand->callback([a, &options, &exitCode] { exitCode = show(*a, options); });

    auto* checkCommand = exercise->add_subcommand("check", "Score a trainee's answers; every mistake with the engine's answer and its clause");
    checkCommand->add_option("ARGS", a->positional, "ID ANSWERS.json, or ANSWERS.json with --file ('-' reads stdin)");
    checkCommand->add_option("--file", a->file, "a trainer's own exercise file instead of ID");
    checkCommand->callback([a, &options, &exitCode] { exitCode = checkAnswers(*a, options); });
}

}  // namespace inspectonce::cli
