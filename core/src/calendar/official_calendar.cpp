// The calendar compiled into the core from policies/calendar (see cmake/Embed.cmake).
#include <cstdio>
#include <cstdlib>

#include "embedded/embedded.hpp"
#include "inspectonce/calendar.hpp"

namespace inspectonce {
namespace {

WorkCalendar loadOfficial() {
    std::vector<WorkCalendar::SourceFile> files;
    for (const embedded::File& file : embedded::calendarFiles)
        files.push_back({file.name, std::string(file.text())});
    auto calendar = WorkCalendar::fromJson(files);
    if (!calendar) {
        // The data is fixed at build time and the tests load it: failing here means a broken
        // build, and no caller could do anything useful with it.
        std::fprintf(stderr, "inspectonce: the built-in working-day calendar is invalid: %s\n",
                     calendar.error().message().c_str());
        std::abort();
    }
    return std::move(calendar).value();
}

}  // namespace

const WorkCalendar& WorkCalendar::official() {
    static const WorkCalendar calendar = loadOfficial();
    return calendar;
}

}  // namespace inspectonce
