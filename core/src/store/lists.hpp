// How the schema stores a list of ids in one column: comma-separated, empty parts dropped
// (units, lists, a draw's departments and inspectors).
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace inspectonce::store {

inline std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, ','))
        if (!part.empty()) out.push_back(part);
    return out;
}

inline std::string joinList(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
    return out;
}

}  // namespace inspectonce::store
