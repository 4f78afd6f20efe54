// Demands read from a CSV file become cases of the county's demand workflow (store.hpp
// openDemands): the engine decides every row first, then all are written in one
// transaction, so a refused row leaves the workspace as it was. The CLI's `demand import`
// and the app's "Import demands CSV…" share it.
#include <utility>
#include <vector>

#include "inspectonce/exchange.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce::store {
namespace {

// The channel a demand came by, as the workflows name it (002 三(一)1 the window, 三(一)2
// the other channels pooled): officials write "窗口", "12345热线", "网上" …
std::string channelId(const std::string& written) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kChannels = {
        {"window", {"window", "窗口", "大厅", "当面"}},
        {"hotline", {"hotline", "12345", "热线", "电话"}},
        {"online", {"online", "网上", "线上", "平台", "网络", "微信", "App", "APP"}},
        {"letter", {"letter", "信件", "来信", "信函"}},
    };
    for (const auto& [id, words] : kChannels)
        for (const auto& word : words)
            if (written.find(word) != std::string::npos) return id;
    return "other";
}

}  // namespace

Result<std::vector<int64_t>> openDemands(Database& db, const workflow::Definition& definition,
                                         const std::vector<exchange::DemandRecord>& demands, const std::string& csv,
                                         Date date, bool dryRun) {
    const WorkCalendar& calendar = WorkCalendar::official();
    std::vector<workflow::Applied> decided;
    workflow::Actor actor{"service-center", "import:" + csv};
    for (const auto& demand : demands) {
        workflow::Case subject = exchange::demandCase(demand);
        subject.id = 0;  // numbered by the store; the file's own number is kept as an attribute
        if (demand.id) workflow::set(subject.attributes, "number", std::to_string(*demand.id));
        if (demand.department) subject.department = *demand.department;
        workflow::set(subject.attributes, "channel", channelId(demand.channel));
        if (!demand.channel.empty()) workflow::set(subject.attributes, "channel-written", demand.channel);
        workflow::Attributes data = subject.attributes;
        auto applied = workflow::open(definition, calendar, subject, "", actor, demand.received, data);
        if (!applied) return makeError(csv + ": line " + std::to_string(demand.line), applied.error().message());
        decided.push_back(std::move(applied.value()));
    }
    std::vector<int64_t> ids(decided.size(), 0);
    if (dryRun) return ids;
    Status written = db.transaction([&]() -> Status {
        for (std::size_t i = 0; i < decided.size(); ++i) {
            workflow::Case& item = decided[i].after;
            audit::Entry entry;
            entry.date = date;
            entry.actor = actor.role + ":" + actor.name;
            entry.action = definition.id + "." + item.steps.back().transition;
            entry.clause = decided[i].clause.clause;
            IO_CHECK(writeCase(db, item, nullptr, entry));
            ids[i] = item.id;
        }
        return Ok{};
    });
    if (!written) return written.error();
    return ids;
}

}  // namespace inspectonce::store
