// Writing the exchange tables: the columns of columnsOf() in their order, Chinese headers and
// words by default (English ids with Headers::English), rows in id order. Import reads every
// cell back to the same value, so export → import → export gives the same bytes.
#include <algorithm>

#include "exchange/exchange_internal.hpp"
#include "inspectonce/exceptions.hpp"

namespace inspectonce::exchange {
namespace {

using detail::spell;

std::string headerLine(Table table, const ExportOptions& o) {
    std::vector<std::string> cells;
    for (const auto& c : columnsOf(table)) cells.emplace_back(o.headers == Headers::English ? c.id : c.zh);
    return (o.bom ? "\xEF\xBB\xBF" : "") + csvLine(cells);
}

// A list cell: "、" between parts in Chinese, ";" in English.
std::string joined(const std::vector<std::string>& parts, const ExportOptions& o) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : o.headers == Headers::English ? ";" : "、") + p;
    return out;
}

std::string word(const std::vector<detail::Word>& words, std::string_view id, const ExportOptions& o) {
    for (const auto& w : words)
        if (w.id == id) return std::string(spell(w, o.headers));
    return std::string(id);
}

template <class T, class Less>
std::vector<const T*> sorted(const std::vector<T>& records, Less less) {
    std::vector<const T*> out;
    for (const auto& r : records) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [&](const T* a, const T* b) { return less(*a, *b); });
    return out;
}

std::string enterprises(const Workspace& w, const ExportOptions& o) {
    std::string out = headerLine(Table::Enterprises, o);
    auto rows = sorted(w.enterprises, [](const WorkspaceEnterprise& a, const WorkspaceEnterprise& b) { return a.enterprise.code < b.enterprise.code; });
    for (const auto* e : rows) {
        std::vector<std::string> lists;
        for (const auto& l : e->enterprise.lists) lists.push_back(word(detail::listWords(), l, o));
        out += csvLine({e->enterprise.code.str(), e->enterprise.name, std::string(toString(e->enterprise.grade)), joined(lists, o),
                        e->town, e->industry, word(detail::yesNoWords(), e->aboveScale ? "yes" : "no", o)});
    }
    return out;
}

std::string departments(const Workspace& w, const ExportOptions& o) {
    std::string out = headerLine(Table::Departments, o);
    auto rows = sorted(w.departments, [](const WorkspaceDepartment& a, const WorkspaceDepartment& b) { return a.id < b.id; });
    for (const auto* d : rows)
        out += csvLine({d->id, d->name.zh, d->name.en, word(detail::levelWords(), toString(d->level), o), joined(d->units, o),
                        std::to_string(d->inspectorsPerDay)});
    return out;
}

std::string plans(const Workspace& w, const ExportOptions& o) {
    std::string out = headerLine(Table::Plans, o);
    auto rows = sorted(w.plans, [](const Plan& a, const Plan& b) { return a.id < b.id; });
    for (const auto* p : rows) {
        std::string exception;
        if (p->exception) {
            const ExceptionReason* r = findException(*p->exception);
            exception = r && o.headers == Headers::Chinese ? r->name.zh : *p->exception;
        }
        out += csvLine({std::to_string(p->id), p->department, p->unit, p->enterprise, joined(p->items, o), p->window.first.iso(),
                        p->window.last.iso(), word(detail::kindWords(), toString(p->kind), o),
                        word(detail::methodWords(), toString(p->method), o), exception, p->filedOn ? p->filedOn->iso() : "",
                        std::to_string(p->inspectors)});
    }
    return out;
}

// workflow::find and workflow::set, written out here: the workflow engine's file is not
// part of this module (attributes are kept sorted by key).
std::string attribute(const workflow::Case& c, std::string_view key) {
    for (const auto& [k, v] : c.attributes)
        if (k == key) return v;
    return {};
}

void setAttribute(workflow::Attributes& attributes, std::string key, std::string value) {
    auto at = std::lower_bound(attributes.begin(), attributes.end(), key,
                               [](const std::pair<std::string, std::string>& a, const std::string& k) { return a.first < k; });
    if (at != attributes.end() && at->first == key) at->second = std::move(value);
    else attributes.emplace(at, std::move(key), std::move(value));
}

}  // namespace

std::string exportDemands(const std::vector<workflow::Case>& cases, const ExportOptions& o) {
    std::string out = headerLine(Table::Demands, o);
    std::vector<const workflow::Case*> rows;
    for (const auto& c : cases)
        if (c.workflow == "demand") rows.push_back(&c);
    std::stable_sort(rows.begin(), rows.end(), [](const workflow::Case* a, const workflow::Case* b) { return a->id < b->id; });
    for (const auto* c : rows) {
        std::string department = attribute(*c, "department");
        if (department.empty()) department = c->department;
        out += csvLine({std::to_string(c->id), c->enterprise, c->opened.iso(), attribute(*c, "channel"), c->title,
                        attribute(*c, "category"), department, c->state, c->deadline ? c->deadline->iso() : ""});
    }
    return out;
}

workflow::Case demandCase(const DemandRecord& d) {
    workflow::Case c;
    c.id = d.id.value_or(0);
    c.workflow = "demand";
    c.enterprise = d.enterprise;
    c.title = d.text;
    c.opened = d.received;
    c.entered = d.received;
    c.state = d.state.value_or("");
    c.deadline = d.deadline;
    setAttribute(c.attributes, "channel", d.channel);
    if (d.category) setAttribute(c.attributes, "category", *d.category);
    if (d.department) setAttribute(c.attributes, "department", *d.department);
    return c;
}

std::string exportCsv(const Workspace& workspace, Table table, const ExportOptions& options) {
    switch (table) {
        case Table::Enterprises: return enterprises(workspace, options);
        case Table::Departments: return departments(workspace, options);
        case Table::Plans: return plans(workspace, options);
        case Table::Demands: return exportDemands(workspace.cases, options);
    }
    return {};
}

}  // namespace inspectonce::exchange
