// The words a request uses for what is done and how (kind, method).
#include <array>

#include "inspectonce/policy.hpp"

namespace inspectonce {
namespace {

constexpr std::array<std::string_view, 4> kKindNames{"inspection", "survey", "guidance", "leader-visit"};
constexpr std::array<std::string_view, 2> kMethodNames{"on-site", "non-site"};

std::string found(std::string_view text) { return text.empty() ? "found nothing" : "found '" + std::string(text) + "'"; }

}  // namespace

Result<InspectionKind> parseInspectionKind(std::string_view text) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (text == kKindNames[i]) return static_cast<InspectionKind>(i);
    return makeError("", "kind must be inspection, survey, guidance or leader-visit, " + found(text));
}

std::string_view toString(InspectionKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

Text label(InspectionKind kind) {
    switch (kind) {
        case InspectionKind::Inspection: return {"行政检查", "inspection"};
        case InspectionKind::Survey: return {"调研", "survey"};
        case InspectionKind::Guidance: return {"行政指导服务", "guidance"};
        case InspectionKind::LeaderVisit: return {"领导干部入企", "leader's visit"};
    }
    return {};
}

Result<Method> parseMethod(std::string_view text) {
    for (std::size_t i = 0; i < kMethodNames.size(); ++i)
        if (text == kMethodNames[i]) return static_cast<Method>(i);
    return makeError("", "method must be on-site or non-site, " + found(text));
}

std::string_view toString(Method method) { return kMethodNames[static_cast<std::size_t>(method)]; }

Text label(Method method) {
    return method == Method::OnSite ? Text{"现场", "on-site"} : Text{"非现场", "non-site"};
}

}  // namespace inspectonce
