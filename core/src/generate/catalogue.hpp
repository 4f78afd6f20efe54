// The make-up of a generated county: department kinds with their units and inspection
// items, industries with the departments that inspect them, towns, and the words names
// are made of. Plain tables (catalogue.cpp); the generator draws from them.
#pragma once

#include <span>
#include <string_view>

namespace inspectonce::generate_detail {

struct ItemTemplate {
    std::string_view department;  // a DepartmentTemplate id
    std::string_view id;          // unique within the department
    std::string_view zh, en;
    std::string_view kind;        // the same-kind group; shared across departments where their work overlaps
    std::string_view unit;        // the department unit that inspects it (empty: the department has none)
    bool onSite, nonSite, delegable;
    std::string_view sectors;     // industry ids it concerns, space separated; empty: every industry
};

struct DepartmentTemplate {
    std::string_view id;
    std::string_view zh, en;          // the county's (or district's) bureau
    std::string_view cityZh, cityEn;  // the city's
    std::string_view units;           // unit ids, space separated; empty: none
};

struct Affinity {
    std::string_view department;  // a DepartmentTemplate id, or "town" for the town's enforcement team
    int weight;
};

struct Industry {
    std::string_view id;
    std::string_view zh;
    int weight;                     // share of enterprises, in ‰
    int individualPerMille;         // 个体工商户 (code type 92)
    int cooperativePerMille;        // 农民专业合作社 (code type 93)
    int aboveScalePerMille;         // 规上 among companies
    bool keySector;                 // drugs, hazardous chemicals, gas: key supervision (003 二(五))
    std::string_view words[4];      // what its enterprises' names say they do
    Affinity affinities[9];         // who plans inspections there, by weight
};

struct Town {
    std::string_view zh, en;
};

std::span<const DepartmentTemplate> departmentTemplates();  // in the order a county set takes them
std::span<const ItemTemplate> itemTemplates();              // grouped by department
std::span<const ItemTemplate> townTeamItems();              // what a town's enforcement team inspects
std::span<const Industry> industries();
std::span<const Town> towns();
std::span<const std::string_view> brandCharacters();  // two of them make an enterprise's 字号
std::span<const std::string_view> surnames();
std::span<const std::string_view> givenNames();

// The GB/T 2260 division codes a county's credit codes carry (several for a city).
std::span<const std::string_view> divisionCodes(std::string_view county);

}  // namespace inspectonce::generate_detail
