// isCountyId (policy_data.cpp) for the fuzz build alone: validate() needs only this from the
// policy module, whose file would pull in the whole policy engine and the embedded
// classifier models. Keep it the same as core/src/policy/policy_data.cpp's.
#include <cctype>
#include <string_view>

namespace inspectonce {

bool isCountyId(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-')) return false;
    return true;
}

}  // namespace inspectonce
