// Data files compiled into the binary (see cmake/Embed.cmake): the official calendars ship
// inside the core so that the CLI, the tests and the browser never look for them on disk.
#pragma once

#include <cstddef>
#include <string_view>

namespace inspectonce::embedded {

struct File {
    const char* name;  // file name without directory, e.g. "cn-2026.json"
    const unsigned char* data;
    std::size_t size;

    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

struct Files {
    const File* begin_;
    std::size_t count;

    const File* begin() const { return begin_; }
    const File* end() const { return begin_ + count; }
};

extern const Files calendarFiles;  // policies/calendar/*.json
extern const Files sdkFiles;       // plugins/sdk/host_exports.txt: what a plugin may import
extern const Files classifierModels;  // policies/classify/*.model: the text classifiers
extern const Files exerciseFiles;     // policies/exercises/*.json: training exercises (exercise.hpp)

}  // namespace inspectonce::embedded
