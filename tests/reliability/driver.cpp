// A test-only helper for the reliability scripts (tests/reliability/*.sh):
//   reliability_driver csv N OUT.csv [FIRST]  writes N enterprises with valid credit codes
//                                         (numbered from FIRST)
//   reliability_driver batch FILE.db N    opens N cases, one transaction each (a hand-made
//                                         workflow), printing each committed case id at once
// The scripts kill it (or the CLI) part-way and check what the file holds afterwards.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "inspectonce/store.hpp"
#include "inspectonce/uscc.hpp"

using namespace inspectonce;

namespace {

int csv(long rows, const std::string& out, long start) {
    std::ofstream file(out, std::ios::binary);
    if (!file) {
        std::cerr << out << ": cannot write\n";
        return 2;
    }
    file << "统一社会信用代码,企业名称,信用等级\n";
    const char grades[] = {'A', 'B', 'C', 'D'};
    for (long i = 0; i < rows; ++i) {
        std::string body = std::to_string(10000000L + (start + i) % 90000000L);  // 8 digits
        std::string first17 = std::string("91331125") + body + organizationCodeCheckCharacter(body);
        std::string code = first17 + usccCheckCharacter(first17);
        if (!Uscc::parse(code)) {
            std::cerr << "made an invalid code " << code << "\n";
            return 2;
        }
        file << code << ",可靠性测试企业" << i << "," << grades[i % 4] << "\n";
    }
    return file ? 0 : 2;
}

workflow::Definition flow() {
    workflow::Definition d;
    d.id = "demand";
    d.name = {"诉求", "demand"};
    d.roles = {{"service-center", {"服务中心", "service center"}}};
    workflow::State received{"received", {"已受理", "received"}, "service-center", workflow::DeadlineRule{}, false, {}, {"002 三(一)1"}};
    received.deadline->workingDays = 5;
    workflow::State done{"done", {"办结", "done"}, "", std::nullopt, true, {}, {}};
    d.states = {received, done};
    workflow::Transition receive;
    receive.id = "receive";
    receive.to = "received";
    receive.roles = {"service-center"};
    receive.clause = {"002 三(一)1"};
    d.transitions = {receive};
    return d;
}

int batch(const std::string& path, long count) {
    auto db = store::Database::open(path, store::Database::Mode::Create);
    if (!db) {
        std::cerr << db.error().message() << "\n";
        return 2;
    }
    Status migrated = store::migrate(db.value());
    if (!migrated) {
        std::cerr << migrated.error().message() << "\n";
        return 2;
    }
    workflow::Definition definition = flow();
    Date day = Date::parse("2026-03-02").value();
    for (long i = 0; i < count; ++i) {
        workflow::Case subject;
        subject.title = "batch " + std::to_string(i);
        auto opened = store::openCase(db.value(), definition, WorkCalendar::official(), subject, "receive",
                                      {"service-center", "batch"}, day, {{"n", std::to_string(i)}});
        if (!opened) {
            std::cerr << opened.error().message() << "\n";
            return 2;
        }
        std::printf("%lld\n", static_cast<long long>(opened->after.id));  // committed: printed only now
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string what = argc > 1 ? argv[1] : "";
    if (what == "csv" && (argc == 4 || argc == 5)) return csv(std::atol(argv[2]), argv[3], argc == 5 ? std::atol(argv[4]) : 0);
    if (what == "batch" && argc == 4) return batch(argv[2], std::atol(argv[3]));
    std::cerr << "usage: reliability_driver csv N OUT.csv [FIRST] | batch FILE.db N\n";
    return 2;
}
