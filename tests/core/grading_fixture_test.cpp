// The committed workspaces tests/data/grading/<county>-2026.db (read by the CLI tests and the
// native ≡ wasm parity lines) are the recipes of grading_fixtures.hpp: loading one grades
// exactly like the recipe. To rewrite them after changing a recipe (natively):
//   INSPECTONCE_WRITE_FIXTURES=1 build/native/bin/core_tests --gtest_filter='GradingFixture*'
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "decision_test_support.hpp"
#include "grading_fixtures.hpp"
#include "inspectonce/grading.hpp"
#include "inspectonce/store.hpp"

namespace inspectonce {
namespace {

std::map<std::string, std::string> gradesByCode(const Workspace& w) {
    auto gradings = gradeWorkspace(test::countyPolicy(w.county), w);
    EXPECT_TRUE(gradings) << gradings.error().message();
    std::map<std::string, std::string> out;
    if (gradings)
        for (const auto& g : *gradings) out[g.code] = toJson(g).dump();
    return out;
}

#ifndef __EMSCRIPTEN__
// A rollback-journal file (not WAL), so the wasm build's SQLite reads it too, with small pages.
void write(const Workspace& w, const std::string& path) {
    std::remove(path.c_str());
    ASSERT_TRUE(store::saveWorkspace(w, path));
    auto db = store::Database::open(path, store::Database::Mode::ReadWrite);
    ASSERT_TRUE(db) << db.error().message();
    ASSERT_TRUE(db.value().exec("PRAGMA journal_mode = DELETE"));
    ASSERT_TRUE(db.value().exec("PRAGMA page_size = 1024"));  // small pages: a small file in git
    ASSERT_TRUE(db.value().exec("VACUUM"));
}
#endif

void check(const Workspace& recipe, const std::string& name) {
    std::string path = test::sourcePath("tests/data/grading/" + name);
#ifndef __EMSCRIPTEN__
    if (const char* flag = std::getenv("INSPECTONCE_WRITE_FIXTURES"); flag && std::string(flag) == "1") write(recipe, path);
#endif
    auto loaded = store::loadWorkspace(path);
    ASSERT_TRUE(loaded) << loaded.error().message() << " (see this file's header to rewrite it)";
    EXPECT_EQ(loaded->enterprises.size(), recipe.enterprises.size());
    EXPECT_EQ(gradesByCode(*loaded), gradesByCode(recipe)) << name << " differs from its recipe; see this file's header";
}

TEST(GradingFixture, YunheWorkspaceIsItsRecipe) { check(test::yunheGradingWorkspace(), "yunhe-2026.db"); }
TEST(GradingFixture, WuxiWorkspaceIsItsRecipe) { check(test::wuxiGradingWorkspace(), "wuxi-2026.db"); }

}  // namespace
}  // namespace inspectonce
