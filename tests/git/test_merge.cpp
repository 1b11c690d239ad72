// Merging the histories of a project's repositories.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/git/merge.hpp"

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

TEST_CASE("merged histories re-intern identities and paths and interleave commits", "[git][merge]") {
    test::HistoryBuilder first;
    const auto alice = first.identity("Alice", "alice@example.com");
    first.commit(alice, k_head_time - 5 * k_day, "a1", {"README.md"});
    first.commit(alice, k_head_time - 1 * k_day, "a2", {"src/a.c"});
    auto one = first.build();
    one.head_files = {0, 1};
    one.repo_path = "one.git";

    test::HistoryBuilder second;
    const auto bob = second.identity("Bob", "bob@example.org");
    const auto alice_again = second.identity("Alice", "alice@example.com");
    second.commit(bob, k_head_time - 3 * k_day, "b1", {"README.md"});
    second.commit(alice_again, k_head_time - 2 * k_day, "b2", {"lib/b.c"});
    auto two = second.build();
    two.head_time = k_head_time + k_day;
    two.head_files = {0, 1};
    two.repo_path = "two.git";
    two.shallow = true;

    const auto merged = git::merge_histories({one, two});
    // Newest first: a2 (-1d), b2 (-2d), b1 (-3d), a1 (-5d).
    REQUIRE(merged.commits.size() == 4);
    CHECK(merged.commits[0].message == "a2");
    CHECK(merged.commits[1].message == "b2");
    CHECK(merged.commits[2].message == "b1");
    CHECK(merged.commits[3].message == "a1");
    // Parents follow their commits: a2 -> a1 (now 3), b2 -> b1 (now 2); the roots have none.
    CHECK(merged.commits[0].parents == std::vector<std::uint32_t>{3});
    CHECK(merged.commits[1].parents == std::vector<std::uint32_t>{2});
    CHECK(merged.commits[2].parents.empty());
    CHECK(merged.commits[3].parents.empty());
    // Alice appears in both and is one identity; README.md is one path.
    CHECK(merged.identities.size() == 2);
    CHECK(merged.commits[0].author == merged.commits[1].author);
    CHECK(merged.paths.size() == 3);
    CHECK(merged.paths[merged.commits[2].changes[0].path] == "README.md");
    CHECK(merged.commits[2].changes[0].path == merged.commits[3].changes[0].path);
    // HEAD files: README.md, src/a.c, lib/b.c (README.md once).
    CHECK(merged.head_files.size() == 3);
    CHECK(merged.head_time == k_head_time + k_day);
    CHECK(merged.shallow);
    CHECK(merged.repo_path == "one.git, two.git");
}

TEST_CASE("merging one history returns it unchanged", "[git][merge]") {
    test::HistoryBuilder builder;
    builder.commit(builder.identity("A", "a@x.example"), k_head_time, "only", {"f"});
    const auto history = builder.build();
    const auto merged = git::merge_histories({history});
    CHECK(merged.commits.size() == 1);
    CHECK(merged.paths == history.paths);
}
