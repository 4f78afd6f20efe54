// Classifying one text: the model's n-gram weights, the county's hints, a confidence, the
// runner-up, and the category with its clause.
#include <algorithm>
#include <cmath>

#include "classify/det_math.hpp"
#include "inspectonce/classify.hpp"

namespace inspectonce::classify {
namespace {

Category category(const char* id, const char* zh, const char* en, const char* clause, const char* exZh, const char* exEn) {
    return Category{id, Text{zh, en}, Citation{clause}, Text{exZh, exEn}};
}

CategoryList demandDefaults() {
    return {Citation{"002 二(一)"},
            {category("government-services", "政务服务类", "government services", "002 二(一)1",
                      "市场准入、行政审批、投资审批、年检年审、资质认定、知识产权保护等",
                      "market entry, approvals, investment approval, annual checks, qualifications, IP protection"),
             category("production-operations", "生产经营类", "production and operations", "002 二(一)2",
                      "建设用地、用水、用电、用气、安全生产、环保等", "land, water, power, gas, work safety, environment"),
             category("contract-performance", "合同履约类", "contract performance", "002 二(一)3",
                      "项目签约时提供的优惠政策、扶持民营经济的普惠性措施等", "incentives promised at signing, general support measures"),
             category("social-security", "社会保障类", "social security", "002 二(一)4", "住房公积金、劳动用工、社会保险、医疗保险等",
                      "housing fund, employment, social and medical insurance"),
             category("financial-services", "金融服务类", "financial services", "002 二(一)5",
                      "银行贷款、社会融资、融资担保、风险补偿基金、应急周转资金、上市、发债等",
                      "loans, financing, guarantees, risk compensation, bridge funds, listing, bonds"),
             category("legal-aid", "法律援助类", "legal aid", "002 二(一)6", "生产经营和项目建设中需政府部门和司法机关提供的法律援助",
                      "legal aid from departments and judicial bodies"),
             category("living-support", "生活保障类", "living support", "002 二(一)7", "新投资企业、人才引进中的医疗保障、子女入学等",
                      "medical care and schooling for new investors and recruited talent"),
             category("policy-consultation", "政策咨询类", "policy consultation", "002 二(一)8", "涉企政策的统一发布、宣传解读和精准推送等",
                      "publishing, explaining and targeting enterprise policies"),
             category("other-coordination", "其他协调类", "other coordination", "002 二(一)9",
                      "企业、项目在生产经营和建设推进中需政府部门协调解决的其他事项", "other matters needing government coordination")}};
}

CategoryList complaintDefaults() {
    return {Citation{"002 二(二)"},
            {category("three-arbitrary", "三乱行为类", "arbitrary charges, fines and levies", "002 二(二)1", "乱收费、乱罚款、乱拉赞助搞摊派等",
                      "arbitrary fees, fines, sponsorship demands"),
             category("arbitrary-inspection", "随意检查类", "arbitrary inspection", "002 二(二)2",
                      "不经批准到企业、项目开展的随意性检查、选择性执法等", "unapproved, arbitrary or selective inspections"),
             category("coercive-measures", "强制措施类", "coercive measures", "002 二(二)3",
                      "不符合法定程序的扣押财产、停止发票发放、违法强行补税、临时停工停产停建等",
                      "unlawful seizure, invoice stops, forced back taxes, stoppages"),
             category("evaluations", "考评评比类", "evaluations and rankings", "002 二(二)4", "要求企业参加无益的考评、评比、排名、创建等活动",
                      "useless evaluations, rankings, campaigns"),
             category("paperwork", "材料报送类", "paperwork", "002 二(二)5", "无法定依据和不必要的报表、数据、材料等",
                      "forms and data without legal basis"),
             category("forced-membership", "强制入会类", "forced membership", "002 二(二)6", "强制要求企业参加各类行业协会、学会、研究会等",
                      "forced membership of associations"),
             category("surveys", "调查研究类", "surveys", "002 二(二)7", "对企业生产经营和发展无实际意义的调研、会议等",
                      "surveys and meetings of no use to the enterprise"),
             category("other-disturbance", "其他干扰类", "other disturbance", "002 二(二)8",
                      "干扰企业正常生产经营秩序和项目正常建设秩序的其他行为", "anything else disturbing normal operations or construction")}};
}

CategoryList findingDefaults() {
    return {Citation{"000 二(二)"},
            {category("minor", "轻微问题", "minor problem", "000 二(二)1", "情节轻微，尚未造成后果且企业无主观故意",
                      "slight, no consequence yet, no intent"),
             category("general", "一般问题", "general problem", "000 二(二)2",
                      "尚属首次情节较轻或没有造成明显危害后果或不良社会影响，无主观故意，能够整改",
                      "first time or no obvious harm or impact, no intent, can be rectified"),
             category("prominent", "突出问题", "prominent problem", "000 二(二)3", "问题较为突出，造成较大影响或经群众举报，情况较为严重",
                      "prominent, large impact or reported by the public, fairly serious"),
             category("excluded", "不适用容错机制", "outside the tolerance mechanism", "000 附则",
                      "触及安全底线、环保红线、食品安全、疫情防控等严重危害人民群众生命财产安全、市场公平竞争秩序等领域的违法行为",
                      "violations touching work safety, environment, food safety, epidemic control, serious danger to life, "
                      "property or fair competition")}};
}

// A county's own severity levels, when it uses the ids of 000 二(二) (Dinghai does).
std::optional<CategoryList> countyFindingCategories(const PolicyData& county) {
    if (!county.severity) return std::nullopt;
    CategoryList list = findingDefaults();
    for (std::size_t i = 0; i < 3; ++i) {
        auto level = std::find_if(county.severity->levels.begin(), county.severity->levels.end(),
                                  [&](const SeverityLevel& l) { return l.id == list.items[i].id; });
        if (level == county.severity->levels.end()) return std::nullopt;
        list.items[i].name = level->name;
        list.items[i].clause = level->clause;
    }
    list.clause = county.severity->clause;
    if (!county.severity->outsideClause) return std::nullopt;
    list.items[3].clause = *county.severity->outsideClause;
    return list;
}

}  // namespace

const CategoryList& defaultCategories(Kind kind) {
    static const CategoryList demand = demandDefaults(), complaint = complaintDefaults(), finding = findingDefaults();
    switch (kind) {
        case Kind::Demand: return demand;
        case Kind::Complaint: return complaint;
        case Kind::Finding: return finding;
    }
    return demand;
}

Result<Classifier> Classifier::create(Model model, const CategoryList& categories, std::vector<CategoryHints> hints) {
    if (categories.items.size() != model.labels.size())
        return makeError(categories.clause.text(), "lists " + std::to_string(categories.items.size()) + " categories, the " +
                                                       std::string(toString(model.kind)) + " model has " +
                                                       std::to_string(model.labels.size()) + " labels");
    Classifier classifier;
    classifier.categories_ = categories;
    for (const auto& hint : hints) {
        auto at = std::find_if(categories.items.begin(), categories.items.end(), [&](const Category& c) { return c.id == hint.category; });
        if (at == categories.items.end())
            return makeError("classifier_hints/" + std::string(toString(model.kind)) + "/" + hint.category,
                             "not a category of " + categories.clause.text());
        int index = static_cast<int>(at - categories.items.begin());
        for (const auto& word : hint.words) {
            std::string normal = normalise(word);
            if (normal.empty())
                return makeError("classifier_hints/" + std::string(toString(model.kind)) + "/" + hint.category,
                                 "hint \"" + word + "\" is empty once punctuation is dropped");
            classifier.hintWords_.emplace_back(normal, index);
        }
    }
    for (std::size_t i = 0; i < model.features.size(); ++i) classifier.lookup_.emplace(model.features[i].ngram, i);
    classifier.model_ = std::move(model);
    return classifier;
}

Result<Classifier> Classifier::forCounty(Kind kind, const PolicyData& county) {
    IO_TRY(model, embeddedModel(kind));
    return forCounty(kind, county, std::move(model));
}

Result<Classifier> Classifier::forCounty(Kind kind, const PolicyData& county, Model model) {
    if (model.kind != kind)
        return makeError(std::string(toString(kind)), "the model is a " + std::string(toString(model.kind)) + " model");
    std::optional<CategoryList> own;
    if (kind == Kind::Demand) own = county.demandCategories;
    if (kind == Kind::Complaint) own = county.complaintCategories;
    if (kind == Kind::Finding) own = countyFindingCategories(county);
    const auto& hints = kind == Kind::Demand ? county.classifierHints.demand
                        : kind == Kind::Complaint ? county.classifierHints.complaint
                                                  : county.classifierHints.finding;
    auto classifier = create(std::move(model), own ? *own : defaultCategories(kind), hints);
    if (!classifier) return makeError(county.county + ": " + classifier.error().where, classifier.error().why);
    classifier.value().fromCounty_ = own.has_value();
    return classifier;
}

Result<Answer> Classifier::classify(std::string_view text) const {
    if (auto problem = utf8Problem(text)) return makeError("text", *problem);
    std::string normal = normalise(text);
    if (normal.empty()) return makeError("text", "empty (nothing but punctuation or spaces)");
    const std::size_t L = model_.labels.size();
    const double scale = model_.scale;
    std::vector<double> scores(L);
    for (std::size_t c = 0; c < L; ++c) scores[c] = model_.bias[c] / scale;

    // Integer sums per label, then one division: the order of additions cannot matter.
    std::vector<long long> sums(L, 0);
    auto grams = features(text);
    for (const auto& gram : grams) {
        auto at = lookup_.find(gram);
        if (at == lookup_.end()) continue;
        for (const auto& [index, weight] : model_.features[at->second].weights) sums[static_cast<std::size_t>(index)] += weight;
    }
    double value = 1.0 / std::sqrt(static_cast<double>(grams.size()));
    for (std::size_t c = 0; c < L; ++c) scores[c] += static_cast<double>(sums[c]) * value / scale;

    Answer answer;
    std::vector<bool> hinted(L, false);
    for (const auto& [word, index] : hintWords_)
        if (normal.find(word) != std::string::npos) {
            answer.hints.push_back({categories_.items[static_cast<std::size_t>(index)].id, word});
            hinted[static_cast<std::size_t>(index)] = true;
        }
    for (std::size_t c = 0; c < L; ++c)
        if (hinted[c]) scores[c] += model_.hintWeight / scale;

    detail::softmax(scores);
    std::size_t best = 0, second = L > 1 ? 1 : 0;
    if (L > 1 && scores[1] > scores[0]) std::swap(best, second);
    for (std::size_t c = 2; c < L; ++c) {
        if (scores[c] > scores[best]) {
            second = best;
            best = c;
        } else if (scores[c] > scores[second]) {
            second = c;
        }
    }
    auto permille = [](double p) { return static_cast<int>(std::floor(p * 1000.0 + 0.5)); };
    answer.label = model_.labels[best];
    answer.confidencePermille = permille(scores[best]);
    answer.runnerUp = model_.labels[second];
    answer.runnerUpPermille = permille(scores[second]);
    answer.needsPerson = answer.confidencePermille < model_.thresholdPermille;
    answer.category = categories_.items[best];
    return answer;
}

Result<Evaluation> evaluate(const Classifier& classifier, const std::vector<LabelledText>& texts, const std::string& source) {
    Evaluation e;
    e.labels = classifier.model().labels;
    const std::size_t L = e.labels.size();
    e.confusion.assign(L, std::vector<int>(L, 0));
    for (const auto& t : texts) {
        auto gold = std::find(e.labels.begin(), e.labels.end(), t.label);
        if (gold == e.labels.end())
            return makeError(source + ":" + std::to_string(t.line),
                             "label \"" + t.label + "\" is not a " + std::string(toString(classifier.model().kind)) + " label");
        auto classified = classifier.classify(t.text);
        if (!classified) return makeError(source + ":" + std::to_string(t.line), classified.error().why);
        const Answer& answer = *classified;
        auto predicted = std::find(e.labels.begin(), e.labels.end(), answer.label);
        ++e.confusion[static_cast<std::size_t>(gold - e.labels.begin())][static_cast<std::size_t>(predicted - e.labels.begin())];
        ++e.total;
        bool right = answer.label == t.label;
        e.correct += right;
        e.needsPerson += answer.needsPerson;
        e.correctConfident += right && !answer.needsPerson;
    }
    return e;
}

double Evaluation::accuracy() const { return total == 0 ? 0.0 : static_cast<double>(correct) / total; }

// The mean over the labels that occur (as gold or as prediction) of 2·TP / (2·TP + FP + FN).
double Evaluation::macroF1() const {
    double sum = 0.0;
    int counted = 0;
    for (std::size_t c = 0; c < labels.size(); ++c) {
        int tp = confusion[c][c], fp = 0, fn = 0;
        for (std::size_t o = 0; o < labels.size(); ++o) {
            if (o == c) continue;
            fp += confusion[o][c];
            fn += confusion[c][o];
        }
        if (tp + fp + fn == 0) continue;
        sum += 2.0 * tp / (2.0 * tp + fp + fn);
        ++counted;
    }
    return counted == 0 ? 0.0 : sum / counted;
}

}  // namespace inspectonce::classify
