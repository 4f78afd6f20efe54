// Demands read from a CSV file become cases of the county's demand workflow (store.hpp
// openDemands, DemandOpening): the engine decides each row and it is written, all in one
// transaction, so a refused row leaves the workspace as it was. The CLI's `demand import`
// and the app's "Import demands CSV…" share it.
#include <algorithm>
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

// The demand's case as the workflow opens it (not yet written), or why it is refused.
Result<workflow::Applied> decide(const workflow::Definition& definition, const exchange::DemandRecord& demand,
                                 const workflow::Actor& actor, const std::string& csv) {
    workflow::Case subject = exchange::demandCase(demand);
    subject.id = 0;  // numbered by the store; the file's own number is kept as an attribute
    if (demand.id) workflow::set(subject.attributes, "number", std::to_string(*demand.id));
    if (demand.department) subject.department = *demand.department;
    workflow::set(subject.attributes, "channel", channelId(demand.channel));
    if (!demand.channel.empty()) workflow::set(subject.attributes, "channel-written", demand.channel);
    workflow::Attributes data = subject.attributes;
    auto applied = workflow::open(definition, WorkCalendar::official(), subject, "", actor, demand.received, data);
    if (!applied) return makeError(csv + ": line " + std::to_string(demand.line), applied.error().message());
    return applied;
}

workflow::Actor importer(const std::string& csv) { return {"service-center", "import:" + csv}; }

}  // namespace

Result<std::vector<int64_t>> openDemands(Database& db, const workflow::Definition& definition,
                                         const std::vector<exchange::DemandRecord>& demands, const std::string& csv,
                                         Date date, bool dryRun) {
    if (dryRun) {
        for (const auto& demand : demands) IO_CHECK(decide(definition, demand, importer(csv), csv));
        return std::vector<int64_t>(demands.size(), 0);
    }
    DemandOpening opening(db, definition, demands, csv, date);
    IO_CHECK(opening.step(demands.size()));
    return opening.ids();
}

DemandOpening::DemandOpening(Database& db, const workflow::Definition& definition,
                             std::vector<exchange::DemandRecord> demands, std::string csv, Date date)
    : transaction_(db), definition_(&definition), demands_(std::move(demands)), csv_(std::move(csv)), date_(date) {}

Result<bool> DemandOpening::step(std::size_t count) {
    if (done_) return true;
    IO_CHECK(transaction_.begin());
    const workflow::Actor actor = importer(csv_);
    std::size_t to = std::min(demands_.size(), ids_.size() + std::max<std::size_t>(count, 1));
    while (ids_.size() < to) {
        auto applied = decide(*definition_, demands_[ids_.size()], actor, csv_);
        if (!applied) {
            cancel();
            return applied.error();
        }
        workflow::Case& item = applied->after;
        audit::Entry entry;
        entry.date = date_;
        entry.actor = actor.role + ":" + actor.name;
        entry.action = definition_->id + "." + item.steps.back().transition;
        entry.clause = applied->clause.clause;
        if (Status written = writeCase(transaction_.db(), item, nullptr, entry); !written) {
            cancel();
            return written.error();
        }
        ids_.push_back(item.id);
    }
    if (ids_.size() < demands_.size()) return false;
    done_ = true;
    if (Status committed = transaction_.commit(); !committed) {
        ids_.clear();  // COMMIT failed and rolled back: nothing was opened
        return committed.error();
    }
    return true;
}

double DemandOpening::fraction() const {
    if (done_ || demands_.empty()) return 1.0;
    return static_cast<double>(ids_.size()) / static_cast<double>(demands_.size());
}

void DemandOpening::cancel() {
    transaction_.rollback();
    if (!done_) ids_.clear();
    done_ = true;
}

}  // namespace inspectonce::store
