// The exception vocabulary. The Chinese names are the seeds' words; where two seeds word one
// reason differently (上级部署 001 三.1, 上级交办 002 三(二)1, 上级安排部署 004 二(三)), one id
// stands for both and the county's parameter file cites its own clause.
#include "inspectonce/exceptions.hpp"

namespace inspectonce {

const std::vector<ExceptionReason>& exceptionVocabulary() {
    static const std::vector<ExceptionReason> vocabulary{
        {"work-safety", {"安全生产", "work safety"}, ""},
        {"food-drug-safety", {"食品药品安全", "food and drug safety"}, ""},
        {"environment", {"环境保护", "environmental protection"}, ""},
        {"emergency", {"突发事件", "emergency"}, ""},
        {"public-health-emergency", {"公共卫生等突发应急事件", "public-health or other sudden emergency"}, ""},
        {"complaint-report", {"投诉举报", "complaint or report"}, ""},
        {"case-investigation", {"案件查处", "case investigation"}, ""},
        {"superior-assignment", {"上级交办、部署或安排", "assigned or deployed by a superior"}, ""},
        {"serious-dishonesty", {"列入严重失信主体", "on the serious-dishonesty list"}, "serious-dishonesty"},
        {"life-property-safety", {"涉及人民群众生命财产安全", "life and property safety of the public"}, ""},
        {"major-public-interest", {"重大公共利益", "major public interest"}, ""},
        {"public-security", {"公共安全", "public security"}, ""},
        {"national-security", {"国家安全", "national security"}, ""},
        {"major-social-impact", {"重大社会影响", "major social impact"}, ""},
        {"key-area-campaign", {"重点领域治理部署", "key-area campaign"}, ""},
        {"urgent", {"性质紧要、时间紧迫", "urgent by nature or time"}, ""},
        {"substandard-products", {"生产销售不合格产品", "making or selling substandard products"}, ""},
        {"national-provision", {"国家另有规定", "a national provision says otherwise"}, ""},
    };
    return vocabulary;
}

const ExceptionReason* findException(std::string_view id) {
    for (const auto& reason : exceptionVocabulary())
        if (reason.id == id) return &reason;
    return nullptr;
}

Result<const ExceptionReason*> parseException(std::string_view id) {
    if (const auto* reason = findException(id)) return reason;
    std::string known;
    for (const auto& reason : exceptionVocabulary()) known += (known.empty() ? "" : ", ") + std::string(reason.id);
    return makeError("", "unknown exception \"" + std::string(id) + "\" (known: " + known + ")");
}

}  // namespace inspectonce
