// Exercise files and answer files: read with errors that name the file, the JSON pointer and
// why; the shipped exercises come from the core itself (embedded at build time).
#include <algorithm>

#include "embedded/embedded.hpp"
#include "exercise/exercise_internal.hpp"

namespace inspectonce {

using namespace exercise_detail;

namespace {

struct KindName {
    QuestionKind kind;
    std::string_view id;
    Text label;
};

const KindName kKinds[] = {
    {QuestionKind::Decide, "decide", {"检查决定", "inspection decision"}},
    {QuestionKind::Grade, "grade", {"问题定级", "finding severity"}},
    {QuestionKind::Penalty, "penalty", {"处罚决定", "penalty decision"}},
    {QuestionKind::Route, "route", {"诉求分类", "routing a demand or complaint"}},
    {QuestionKind::Merge, "merge", {"联合检查合并", "merging into joint visits"}},
};

// An id of the exercise or a question: what files and the command line name it by.
Result<std::string> readId(const json::Cursor& at) {
    IO_TRY(id, at.string());
    if (!isCountyId(id)) return at.fail("an id of lowercase letters, digits and '-' (at most 32)");
    return id;
}

// A choice written by a trainer or a trainee: a string, or a whole number (a count of visits).
Result<std::string> readChoice(const json::Cursor& at) {
    if (at.raw().is_number_integer()) return std::to_string(at.raw().get<int64_t>());
    if (!at.raw().is_string() || at.raw().get<std::string>().empty()) return at.fail("a choice (a string or a whole number)");
    return at.raw().get<std::string>();
}

Result<std::vector<std::string>> readStrings(const json::Cursor& at) {
    IO_TRY(items, at.items());
    std::vector<std::string> out;
    for (const auto& item : items) {
        IO_TRY(value, item.string());
        out.push_back(value);
    }
    return out;
}

Result<std::vector<int64_t>> readPlanIds(const json::Cursor& at, std::size_t count) {
    IO_TRY(items, at.items());
    if (items.size() != count) return at.fail(count == 1 ? "one plan id, [3]" : "two plan ids, [1, 3]");
    std::vector<int64_t> out;
    for (const auto& item : items) {
        IO_TRY(id, item.integer(1, 1'000'000'000));
        out.push_back(id);
    }
    if (count == 2 && out[0] == out[1]) return at.fail("two different plans");
    return out;
}

Status readMerge(const json::Cursor& at, const std::optional<json::Cursor>& shared, const std::string& county, Question& q) {
    MergeQuestion merge;
    IO_TRY(ask, at.field("ask"));
    IO_TRY(askText, ask.string());
    if (askText == "visits") merge.ask = MergeAsk::Visits;
    else if (askText == "together") merge.ask = MergeAsk::Together;
    else if (askText == "refused") merge.ask = MergeAsk::Refused;
    else return ask.fail("\"visits\", \"together\" or \"refused\"");
    auto plans = at.optionalField("plans");
    if (merge.ask == MergeAsk::Visits && plans) return makeError(plans->where(), "a question of visits names no plans");
    if (merge.ask != MergeAsk::Visits) {
        if (!plans) return makeError(at.where(), "missing required field \"plans\" (the plans asked about)");
        IO_TRY(ids, readPlanIds(*plans, merge.ask == MergeAsk::Together ? 2 : 1));
        merge.plans = ids;
    }
    auto own = at.optionalField("situation");
    if (!own && !shared) return makeError(at.where(), "a merge question needs a \"situation\" (its own or the exercise's)");
    IO_TRY(workspace, readSituation(own ? *own : *shared, county));
    for (int64_t id : merge.plans)
        if (!workspace.plan(id))
            return makeError(plans->where(), "plan " + std::to_string(id) + " is not in the situation");
    merge.workspace = std::move(workspace);
    merge.shared = !own;
    q.merge = std::move(merge);
    return Ok{};
}

Result<Question> readQuestion(const json::Cursor& at, const std::optional<json::Cursor>& situation, const std::string& county) {
    Question q;
    IO_TRY(kind, at.field("kind"));
    IO_TRY(kindText, kind.string());
    auto known = parseQuestionKind(kindText);
    if (!known) return makeError(kind.where(), known.error().why);
    q.kind = *known;
    switch (q.kind) {
        case QuestionKind::Decide: IO_CHECK(at.onlyKeys({"id", "kind", "prompt", "expected", "request"})); break;
        case QuestionKind::Grade: IO_CHECK(at.onlyKeys({"id", "kind", "prompt", "expected", "facts", "areas"})); break;
        case QuestionKind::Penalty:
            IO_CHECK(at.onlyKeys({"id", "kind", "prompt", "expected", "facts", "areas", "matter"}));
            break;
        case QuestionKind::Route: IO_CHECK(at.onlyKeys({"id", "kind", "prompt", "expected", "list", "text"})); break;
        case QuestionKind::Merge:
            IO_CHECK(at.onlyKeys({"id", "kind", "prompt", "expected", "ask", "plans", "situation"}));
            break;
    }
    IO_TRY(id, at.field("id"));
    IO_TRY(idText, readId(id));
    q.id = idText;
    q.pointer = at.where().substr(at.where().rfind(" at ") + 4);
    IO_TRY(prompt, at.field("prompt"));
    IO_TRY(promptText, prompt.text());
    q.prompt = promptText;
    if (auto expected = at.optionalField("expected")) {
        IO_TRY(choice, readChoice(*expected));
        q.expected = choice;
    }
    auto facts = at.optionalField("facts");
    auto areas = at.optionalField("areas");
    std::vector<std::string> factList, areaList;
    if (facts) {
        IO_TRY(list, readStrings(*facts));
        factList = list;
    }
    if (areas) {
        IO_TRY(list, readStrings(*areas));
        areaList = list;
    }
    switch (q.kind) {
        case QuestionKind::Decide: {
            IO_TRY(request, at.field("request"));
            // The request's own reader keeps the JSON path: "<file> at /questions/0/request/date".
            std::string pointer = request.where().substr(request.where().rfind(" at ") + 4);
            std::string source = request.where().substr(0, request.where().rfind(" at "));
            IO_TRY(parsed, decisionRequestFromJson(request.raw(), source, pointer));
            q.request = parsed;
            break;
        }
        case QuestionKind::Grade:
            if (!facts && !areas) return makeError(at.where(), "a grade question needs \"facts\" or \"areas\"");
            q.finding = FindingFacts{factList, areaList, std::nullopt};
            break;
        case QuestionKind::Penalty: {
            std::string matter;
            if (auto m = at.optionalField("matter")) {
                IO_TRY(text, m->string());
                matter = text;
            }
            if (!facts && !areas && matter.empty()) return makeError(at.where(), "a penalty question needs \"facts\", \"areas\" or a \"matter\"");
            q.penalty = PenaltyFacts{factList, areaList, matter};
            break;
        }
        case QuestionKind::Route: {
            IO_TRY(list, at.field("list"));
            IO_TRY(listText, list.string());
            if (listText == "demand") q.list = classify::Kind::Demand;
            else if (listText == "complaint") q.list = classify::Kind::Complaint;
            else return list.fail("\"demand\" (002 二(一)) or \"complaint\" (002 二(二))");
            IO_TRY(text, at.field("text"));
            IO_TRY(words, text.string());
            if (words.empty()) return text.fail("the enterprise's words");
            q.text = words;
            break;
        }
        case QuestionKind::Merge: IO_CHECK(readMerge(at, situation, county, q)); break;
    }
    return q;
}

}  // namespace

Result<QuestionKind> parseQuestionKind(std::string_view text) {
    for (const auto& k : kKinds)
        if (k.id == text) return k.kind;
    return makeError("kind", "unknown question kind \"" + std::string(text) + "\" (known: decide, grade, penalty, route, merge)");
}

std::string_view toString(QuestionKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.id;
    return "";
}

Text label(QuestionKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.label;
    return {};
}

const Question* Exercise::question(std::string_view questionId) const {
    for (const auto& q : questions)
        if (q.id == questionId) return &q;
    return nullptr;
}

Result<Exercise> parseExercise(std::string_view text, const std::string& source) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    IO_CHECK(root.onlyKeys({"id", "county", "title", "brief", "clauses", "situation", "questions"}));
    Exercise e;
    e.source = source;
    IO_TRY(id, root.field("id"));
    IO_TRY(idText, readId(id));
    e.id = idText;
    IO_TRY(county, root.field("county"));
    IO_TRY(countyText, county.string());
    if (!isCountyId(countyText)) return county.fail("a county id such as \"yunhe\"");
    e.county = countyText;
    IO_TRY(title, root.field("title"));
    IO_TRY(titleText, title.text());
    e.title = titleText;
    IO_TRY(brief, root.field("brief"));
    IO_TRY(briefText, brief.text());
    e.brief = briefText;
    if (auto clauses = root.optionalField("clauses")) {
        IO_TRY(items, clauses->items());
        for (const auto& item : items) {
            IO_TRY(clause, item.clause());
            e.clauses.push_back(clause);
        }
    }
    auto situation = root.optionalField("situation");
    IO_TRY(questions, root.field("questions"));
    IO_TRY(items, questions.items());
    if (items.empty()) return questions.fail("at least one question");
    for (const auto& item : items) {
        IO_TRY(question, readQuestion(item, situation, e.county));
        if (e.question(question.id)) return makeError(item.where() + "/id", "the question id \"" + question.id + "\" is used twice");
        e.questions.push_back(std::move(question));
    }
    return e;
}

Result<std::vector<Exercise>> shippedExercises(const std::string& county) {
    std::vector<const embedded::File*> files;
    for (const embedded::File& file : embedded::exerciseFiles) files.push_back(&file);
    std::sort(files.begin(), files.end(), [](const auto* a, const auto* b) { return std::string_view(a->name) < b->name; });
    std::vector<Exercise> out;
    for (const auto* file : files) {
        std::string source = std::string("policies/exercises/") + file->name;
        IO_TRY(exercise, parseExercise(file->text(), source));
        // The file name is the id a trainer types: they must agree.
        std::string stem(file->name);
        stem = stem.substr(0, stem.rfind('.'));
        if (exercise.id != stem) return makeError(source + " at /id", "the id \"" + exercise.id + "\" differs from the file name \"" + stem + "\"");
        if (county.empty() || exercise.county == county) out.push_back(std::move(exercise));
    }
    return out;
}

Result<Exercise> shippedExercise(std::string_view id) {
    IO_TRY(all, shippedExercises());
    std::string known;
    for (auto& e : all) {
        if (e.id == id) return std::move(e);
        known += (known.empty() ? "" : ", ") + e.id;
    }
    return makeError("exercise", "no exercise \"" + std::string(id) + "\" (known: " + known + ")");
}

Result<const LoadedPlugin*> exercisePlugin(const Exercise& exercise, const PluginHost& host) {
    if (const LoadedPlugin* plugin = host.find(exercise.county)) return plugin;
    std::string loaded;
    for (const auto& p : host.plugins()) loaded += (loaded.empty() ? "" : ", ") + p.id;
    return makeError(exercise.source + " at /county",
                     "unknown county \"" + exercise.county + "\" (loaded: " + (loaded.empty() ? "none" : loaded) + ")");
}

Result<Answers> parseAnswers(std::string_view text, const std::string& source) {
    IO_TRY(document, json::parse(text, source));
    json::Cursor root(document, source);
    json::Cursor at = root;
    if (root.raw().is_object() && root.has("answers")) {
        IO_CHECK(root.onlyKeys({"answers"}));
        IO_TRY(inner, root.field("answers"));
        at = inner;
    }
    if (!at.raw().is_object()) return at.fail("an object of answers, {\"q1\": \"refused\", …}");
    Answers answers;
    answers.source = source;
    for (const auto& [key, value] : at.raw().items()) {
        IO_TRY(field, at.field(key));
        IO_TRY(choice, readChoice(field));
        answers.given[key] = choice;
    }
    return answers;
}

Error exercise_detail::questionError(const Exercise& exercise, const Question& question, const std::string& why) {
    return makeError(exercise.source + " at " + question.pointer, why);
}

}  // namespace inspectonce
