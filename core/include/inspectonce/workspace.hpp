// A workspace: everything one county office works on in one year — its departments and
// their inspectors, the catalogue of inspection items, the enterprises, the plans the
// departments file, the inspections already done, the enterprises' records (penalties,
// rewards …) and the visits the scheduler made. It lives in one SQLite file (store.hpp);
// engines work on this in-memory form and never see SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspectonce/calendar.hpp"
#include "inspectonce/decision.hpp"
#include "inspectonce/error.hpp"
#include "inspectonce/model.hpp"
#include "inspectonce/policy.hpp"
#include "inspectonce/text.hpp"
#include "inspectonce/workflow.hpp"

namespace inspectonce {

// A department (执法主体) with its internal units (内设机构) and how many inspectors it can
// send out on one working day: the scheduler's capacity.
struct WorkspaceDepartment {
    std::string id;  // "market-supervision"
    Text name;
    DepartmentLevel level = DepartmentLevel::County;
    std::vector<std::string> units;  // "food", "pricing" … (may be empty)
    int inspectorsPerDay = 0;        // 0: no limit recorded
};

// An enforcement officer who may be drawn (双随机: "random inspectors").
struct Inspector {
    std::string id;
    std::string department;
    std::string unit;  // empty: the department as a whole
    std::string name;
};

// One entry of the inspection-item catalogue (监管事项目录清单, 003 二(一)).
struct InspectionItem {
    std::string id;          // "fire-safety-routine"
    Text name;
    std::string kind;        // the same-kind group (同类检查): "fire-safety"
    std::string department;  // who owns the item
    bool onSite = true;      // may be inspected on site
    bool nonSite = false;    // may be inspected without a visit (非现场)
    bool delegable = false;  // simple enough to be inspected by another department (委托查, 004 二(二))
};

struct WorkspaceEnterprise {
    Enterprise enterprise;  // code, name, grade, lists
    std::string town;
    std::string industry;
    bool aboveScale = false;  // 规上企业 (004 二(八) feedback lists)
};

// A filed or proposed inspection plan: one department (and unit) intends to inspect one
// enterprise for some items within a window of dates.
struct Plan {
    int64_t id = 0;
    std::string department;
    std::string unit;
    std::string enterprise;  // USCC
    std::vector<std::string> items;
    DateRange window;        // any day in it will do (inclusive)
    InspectionKind kind = InspectionKind::Inspection;
    Method method = Method::OnSite;
    std::optional<std::string> exception;  // an exceptions.hpp id: goes ahead directly (ALL-4)
    std::optional<Date> filedOn;           // unset: not filed (no filing, no inspection: 001 三.3)
    int inspectors = 2;                    // officers needed on site (two, as enforcement law requires)
};

// A record of the enterprise's year the graders read: penalties, rewards, dishonesty,
// complaints, inspection results, rectification.
struct EnterpriseEvent {
    std::string enterprise;
    Date date;
    std::string kind;    // penalty, reward, dishonesty, complaint, inspection-clean, inspection-violation, rectified
    std::string detail;  // free text
};

// One trip through the enterprise's door: the plans it carries out together.
struct Visit {
    int64_t id = 0;
    std::string enterprise;
    Date date;
    InspectionKind kind = InspectionKind::Inspection;
    std::string lead;                     // the lead department (牵头部门)
    std::vector<int64_t> plans;           // the plans it carries out, ascending ids
    std::optional<Date> noticeDate;       // the advance notice (预告) is sent on this day
    std::string code;                     // the inspection code token (亮码); empty without a filing

    bool operator==(const Visit&) const = default;
};

struct Workspace {
    std::string county;     // the plugin id whose policy applies
    int year = 0;           // the year planned
    Date planningDate;      // "today" for the scheduler: notices cannot be sent before it
    std::vector<WorkspaceDepartment> departments;
    std::vector<Inspector> inspectors;
    std::vector<InspectionItem> items;
    std::vector<WorkspaceEnterprise> enterprises;
    std::vector<Plan> plans;
    std::vector<std::pair<std::string, HistoryEntry>> history;  // enterprise USCC → an earlier inspection
    std::vector<EnterpriseEvent> events;
    std::vector<Visit> visits;
    std::vector<workflow::Case> cases;  // demands, findings, filings … (workflow.hpp), ascending id

    const WorkspaceDepartment* department(std::string_view id) const;
    const InspectionItem* item(std::string_view id) const;
    const WorkspaceEnterprise* enterprise(std::string_view uscc) const;
    // By id: a binary search, as plans and visits are kept in ascending id (a linear scan
    // when they are not).
    const Plan* plan(int64_t id) const;
    const Visit* visit(int64_t id) const;
};

// Checks references and values (unknown department or item, a window outside the year,
// duplicate ids …); the first problem is an error naming the record.
Status validate(const Workspace& workspace);

}  // namespace inspectonce
