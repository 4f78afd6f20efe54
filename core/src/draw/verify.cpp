// verifyDraw: re-run a published draw on the workspace and say whether it stands, and if
// not, what differs — the inputs (section by section) or, with the same inputs, the result.
#include <algorithm>
#include <map>

#include "inspectonce/draw.hpp"

namespace inspectonce {
namespace {

std::string at(const nlohmann::json& document, const std::string& pointer) {
    nlohmann::json::json_pointer p(pointer);
    if (!document.contains(p)) return "";
    const auto& value = document.at(p);
    return value.is_string() ? value.get<std::string>() : value.dump();
}

struct Section {
    const char* key;
    Text what;
};

// The drawn enterprises of a record's JSON: USCC → inspector ids.
std::map<std::string, std::vector<std::string>> drawnOf(const nlohmann::json& record) {
    std::map<std::string, std::vector<std::string>> out;
    if (!record.contains("drawn") || !record["drawn"].is_array()) return out;
    for (const auto& d : record["drawn"]) {
        if (!d.is_object() || !d.contains("enterprise") || !d["enterprise"].is_string()) continue;
        auto& ids = out[d["enterprise"].get<std::string>()];
        if (d.contains("inspectors") && d["inspectors"].is_array())
            for (const auto& i : d["inspectors"])
                if (i.is_object() && i.contains("id") && i["id"].is_string()) ids.push_back(i["id"].get<std::string>());
    }
    return out;
}

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
    return out.empty() ? "-" : out;
}

}  // namespace

std::string_view toString(DrawVerification::Outcome outcome) {
    switch (outcome) {
        case DrawVerification::Outcome::Confirmed: return "confirmed";
        case DrawVerification::Outcome::InputsChanged: return "inputs-changed";
        case DrawVerification::Outcome::ResultDiffers: return "result-differs";
    }
    return "confirmed";
}

Result<DrawVerification> verifyDraw(const Workspace& w, const PolicyData& policy, const RecordedDraw& recorded,
                                    const std::vector<PastDraw>& earlier) {
    if (recorded.county != w.county)
        return makeError("draw record: county", "the record is for \"" + recorded.county + "\", the workspace for \"" + w.county + "\"");
    DrawVerification v;
    v.recordedInputHash = at(recorded.json, "/hashes/input");

    std::vector<PastDraw> used;
    for (int64_t id : recorded.earlierDraws) {
        auto found = std::find_if(earlier.begin(), earlier.end(), [&](const PastDraw& d) { return d.id == id; });
        if (found == earlier.end()) {
            std::string n = std::to_string(id);
            v.differences.push_back({"记录依据的第" + n + "号抽查已不在工作区中", "earlier draw " + n + ", which the record took into account, is no longer in the workspace"});
        } else {
            used.push_back(*found);
        }
    }
    auto rerun = runDraw(w, policy, recorded.request, used);
    if (!rerun) {
        v.outcome = DrawVerification::Outcome::InputsChanged;
        v.differences.push_back({"按记录的请求已无法重新抽取：" + rerun.error().message(),
                                 "the recorded request can no longer be re-run: " + rerun.error().message()});
        return v;
    }
    DrawRecord again = std::move(rerun).value();
    again.id = recorded.id;
    v.rerunInputHash = again.hashes.input;
    nlohmann::json now = toJson(again);

    const Section sections[] = {
        {"request", {"抽取请求（部门、范围、比例、倍数、人员数、回避申报、此前抽查）不同", "the request differs (departments, filter, ratios, multipliers, team size, declared conflicts, earlier draws)"}},
        {"population", {"抽查对象不同（企业、信用等级、本年度被抽中次数或免检）", "the population differs (enterprises, credit grades, earlier draws or exemptions)"}},
        {"strata", {"信用分层不同（本地比例、条款或各层数量）", "the strata differ (the county's ratios or clauses, or the numbers per grade)"}},
        {"inspectors", {"参与部门的检查人员名录不同", "the inspectors of the taking-part departments differ"}},
        {"exclusions", {"回避（上次检查过、申报的利害关系）不同", "the exclusions differ (inspected last time, declared conflicts)"}},
    };
    for (const auto& s : sections) {
        std::string pointer = std::string("/hashes/") + s.key;
        if (at(recorded.json, pointer) != at(now, pointer)) v.differences.push_back(s.what);
    }
    for (const char* count : {"population", "eligible"}) {
        std::string pointer = std::string("/") + count;
        std::string was = at(recorded.json, pointer), is = at(now, pointer);
        if (was != is)
            v.differences.push_back({std::string(count) == "population" ? "对象数：记录 " + was + "，现在 " + is : "可抽数：记录 " + was + "，现在 " + is,
                                     std::string(count) + ": recorded " + was + ", now " + is});
    }
    bool inputsChanged = !v.differences.empty() || v.recordedInputHash != v.rerunInputHash;
    if (inputsChanged && v.differences.empty())
        v.differences.push_back({"输入哈希不符", "the input hash does not match"});

    // The result: enterprises and inspectors, then the result hash.
    auto was = drawnOf(recorded.json), is = drawnOf(now);
    std::vector<Text> results;
    for (const auto& [code, ids] : was) {
        auto found = is.find(code);
        if (found == is.end()) results.push_back({code + " 在记录中被抽中，重算未抽中", code + " is drawn in the record, not in the re-run"});
        else if (found->second != ids)
            results.push_back({code + " 的检查人员：记录 " + joinIds(ids) + "，重算 " + joinIds(found->second),
                               code + " inspectors: recorded " + joinIds(ids) + ", re-run " + joinIds(found->second)});
    }
    for (const auto& [code, ids] : is)
        if (!was.count(code)) results.push_back({code + " 重算被抽中，记录中没有", code + " is drawn in the re-run, not in the record"});
    if (at(recorded.json, "/hashes/result") != at(now, "/hashes/result"))
        results.push_back({"结果哈希不符", "the result hash does not match"});
    constexpr std::size_t kShown = 10;
    if (results.size() > kShown) {
        std::string more = std::to_string(results.size() - kShown);
        results.resize(kShown);
        results.push_back({"……另有 " + more + " 处不同", "… and " + more + " more differences"});
    }

    if (inputsChanged) {
        v.outcome = DrawVerification::Outcome::InputsChanged;
        if (!results.empty())
            v.differences.push_back({"因此结果也不同（" + std::to_string(was.size()) + " 家 → " + std::to_string(is.size()) + " 家）",
                                     "so the result differs too (" + std::to_string(was.size()) + " → " + std::to_string(is.size()) + " enterprises)"});
    } else if (!results.empty()) {
        v.outcome = DrawVerification::Outcome::ResultDiffers;
        v.differences = results;
    }
    return v;
}

nlohmann::json toJson(const DrawVerification& v) {
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& d : v.differences) differences.push_back({{"zh", d.zh}, {"en", d.en}});
    return {{"outcome", toString(v.outcome)}, {"confirmed", v.outcome == DrawVerification::Outcome::Confirmed},
            {"differences", differences}, {"recorded_input_hash", v.recordedInputHash}, {"rerun_input_hash", v.rerunInputHash}};
}

}  // namespace inspectonce
