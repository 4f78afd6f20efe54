// inspectonce calendar add DATE N | is-workday DATE
#include "cli.hpp"
#include "inspectonce/calendar.hpp"
#include "inspectonce/calendar_names.hpp"

namespace inspectonce::cli {
namespace {

nlohmann::json dayJson(const DayInfo& day) {
    nlohmann::json out{{"date", day.date.iso()},
                       {"weekday", weekdayName(day.date.weekday()).en},
                       {"workday", day.isWorkday},
                       {"kind", dayKindName(day.kind).en}};
    if (!day.name.zh.empty()) out["name"] = {{"zh", day.name.zh}, {"en", day.name.en}};
    if (!day.source.empty()) out["source"] = day.source;
    return out;
}

// "2026-02-14（周六，调休上班，春节，国办发明电〔2025〕7号）"
std::string describeDay(const DayInfo& day, const Options& options) {
    std::string out = day.date.iso() + (options.lang() == Language::English ? " (" : "（");
    std::string sep = options.lang() == Language::English ? ", " : "，";
    out += options.say(weekdayName(day.date.weekday())) + sep + options.say(dayKindName(day.kind));
    if (!day.name.zh.empty()) out += sep + options.say(day.name);
    if (!day.source.empty()) out += sep + day.source;
    return out + (options.lang() == Language::English ? ")" : "）");
}

int add(const std::string& dateText, int count, const Options& options) {
    auto from = Date::parse(dateText);
    if (!from) return fail(makeError("DATE", from.error().message()));
    const auto& calendar = WorkCalendar::official();
    auto result = calendar.addWorkdays(*from, count);
    if (!result) return fail(result.error());
    auto day = calendar.day(*result);
    if (!day) return fail(day.error());
    if (options.json) {
        printJson({{"from", from->iso()}, {"workdays", count}, {"result", dayJson(*day)}});
    } else if (options.lang() == Language::English) {
        std::cout << describeDay(*day, options) << " is " << count << " working day(s) "
                  << (count < 0 ? "before " : "after ") << from->iso() << "\n";
    } else {
        std::cout << describeDay(*day, options) << "：" << from->iso() << (count < 0 ? " 之前" : " 之后") << "第 "
                  << (count < 0 ? -count : count) << " 个工作日\n";
    }
    return kOk;
}

int isWorkday(const std::string& dateText, const Options& options) {
    auto date = Date::parse(dateText);
    if (!date) return fail(makeError("DATE", date.error().message()));
    auto day = WorkCalendar::official().day(*date);
    if (!day) return fail(day.error());
    if (options.json) {
        printJson(dayJson(*day));
    } else if (options.lang() == Language::English) {
        std::cout << describeDay(*day, options) << (day->isWorkday ? ": a working day\n" : ": not a working day\n");
    } else {
        std::cout << describeDay(*day, options) << (day->isWorkday ? "：工作日\n" : "：非工作日\n");
    }
    return day->isWorkday ? kOk : kNo;
}

}  // namespace

void addCalendarCommands(CLI::App& app, const Options& options, int& exitCode) {
    auto* calendar = app.add_subcommand("calendar", "The PRC working-day calendar (2022–2026)");
    calendar->require_subcommand(1);

    struct AddArgs { std::string date; int count = 0; };
    auto addArgs = std::make_shared<AddArgs>();
    auto* addCommand = calendar->add_subcommand("add", "The date N working days after DATE (N < 0: before)");
    addCommand->add_option("DATE", addArgs->date, "YYYY-MM-DD")->required();
    addCommand->add_option("N", addArgs->count, "working days; negative counts go back")->required();
    addCommand->callback([addArgs, &options, &exitCode] { exitCode = add(addArgs->date, addArgs->count, options); });

    auto date = std::make_shared<std::string>();
    auto* isWorkdayCommand = calendar->add_subcommand("is-workday", "Whether DATE is a working day (exit 1 if not)");
    isWorkdayCommand->add_option("DATE", *date, "YYYY-MM-DD")->required();
    isWorkdayCommand->callback([date, &options, &exitCode] { exitCode = isWorkday(*date, options); });
}

}  // namespace inspectonce::cli
