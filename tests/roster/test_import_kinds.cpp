// The import table: every kind with its name, what it reads, its pick option and its importer.
#include <catch2/catch.hpp>

#include "roster/import_support.hpp"

using namespace roles::roster;
using Keys = std::vector<std::string>;

TEST_CASE("the import table lists the five kinds with their picks", "[roster][import]") {
    const auto kinds = import_kinds();
    REQUIRE(kinds.size() == 5);
    Keys names;
    Keys picks;
    for (const auto& kind : kinds) {
        names.emplace_back(kind.name);
        picks.emplace_back(kind.pick);
        CHECK(kind.import != nullptr);
        CHECK_FALSE(kind.source.empty());
        CHECK(&import_kind_info(kind.kind) == &kind);  // each row is found by its key
    }
    CHECK(names == Keys{"openstack", "kubernetes", "maintainers", "codeowners", "owners"});
    CHECK(picks == Keys{"team", "group", "", "", ""});
    CHECK(Keys(import_kind_names().begin(), import_kind_names().end()) == names);
    // Only openstack chooses its team by the repository when no --team is given.
    CHECK(import_kind_info(ImportKind::openstack).by_repository == PickByRepository::yes);
    CHECK(import_kind_info(ImportKind::kubernetes).by_repository == PickByRepository::no);
}

TEST_CASE("import_roster_text dispatches through the table's importer", "[roster][import]") {
    // One CODEOWNERS rule with one owner: one project, '*' owned by @ana (test_import_codeowners.cpp
    // covers the mapping; here only that the codeowners row's importer ran).
    const auto result = import_roster_text(ImportKind::codeowners, "* @ana\n", "CODEOWNERS");
    REQUIRE(result.has_value());
    CHECK(result->roster.people.contains("ana"));
}
