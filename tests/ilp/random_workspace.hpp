// Small random workspaces for the ILP cross-check: a handful of enterprises of varied
// grades and lists, several departments (with units, at county, city or town level), and
// 50–400 plans with overlapping windows across 2026, so that blackout months (Yunhe's
// quiet period 004 二(三), Pingyang's service week 001 三.1) cut many windows. Seeded with
// its own generator: the same seed gives the same workspace on every platform.
#pragma once

#include <cstdint>
#include <string>

#include "inspectonce/workspace.hpp"

namespace inspectonce::ilp {

// SplitMix64: tiny, deterministic, no library distributions.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next();
    int below(int n);                  // 0 … n−1 (n ≥ 1)
    int between(int lo, int hi);       // lo … hi inclusive
    bool chance(int percent);

private:
    uint64_t state_;
};

struct InstanceShape {
    std::string county;
    int plans = 100;
    int enterprises = 5;
    int departments = 4;
    bool tightCapacity = false;  // daily limits of 2–3 inspectors; otherwise none
    int firstStart = 0;          // windows start on one of `startDays` days from 1 January + firstStart
    int startDays = 365;         // (a short season crowds the departments' days)
};

// A valid unified social credit code for enterprise n of a county (check character computed).
std::string enterpriseCode(const std::string& county, int n);

// A workspace that passes validate(): ids from 1, windows inside 2026.
Workspace randomWorkspace(const InstanceShape& shape, Rng& rng);

}  // namespace inspectonce::ilp
