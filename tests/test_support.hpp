// Helpers shared by the core suites (native and wasm).
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include "inspectonce/calendar.hpp"

namespace inspectonce::test {

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string sourcePath(const std::string& relative) { return std::string(INSPECTONCE_SOURCE_DIR) + "/" + relative; }
inline std::string pluginPath(const std::string& id) {
    return std::string(INSPECTONCE_PLUGIN_DIR) + "/" + id + INSPECTONCE_PLUGIN_SUFFIX;
}
inline std::string testPluginPath(const std::string& name) {
    return std::string(INSPECTONCE_TEST_PLUGIN_DIR) + "/" + name + INSPECTONCE_PLUGIN_SUFFIX;
}

inline Date date(const char* iso) { return Date::parse(iso).value(); }
inline YearMonth month(const char* iso) { return YearMonth::parse(iso).value(); }

}  // namespace inspectonce::test
