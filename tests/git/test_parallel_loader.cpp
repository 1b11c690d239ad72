// The loader's parallel reading: the History must not depend on the number of threads.

#include <string>

#include <catch2/catch.hpp>

#include "git/loader_fixtures.hpp"
#include "support/history_view.hpp"
#include "support/temp_dir.hpp"

using roles::git::CacheMode;
using roles::git::History;
using roles::git::LoadStats;
using roles::test::build_sample_history;
using roles::test::dump;
using roles::test::load_with;
using roles::test::TempRepo;

TEST_CASE("1, 2, 3 and 8 reader threads give the same history, cold and warm", "[git][parallel]") {
    TempRepo repo;
    // 12 rounds of 6 commits: 72 commits, 12 of them merges, 11 exact renames, 12 co-authored.
    const auto sample = build_sample_history(repo, 12, true);
    const std::string cache = roles::test::make_temp_dir();

    LoadStats one_stats;
    const History one = load_with(repo.path(), 1, CacheMode::off, "", &one_stats);
    REQUIRE(one.commits.size() == sample.commits);
    CHECK(one_stats.threads == 1);
    LoadStats two_stats;
    const History two = load_with(repo.path(), 2, CacheMode::use, cache, &two_stats);
    CHECK(two_stats.threads == 2);
    CHECK(two_stats.commits_read == 72);
    CHECK(dump(two) == dump(one));
    CHECK(dump(load_with(repo.path(), 3, CacheMode::off)) == dump(one));
    // More readers than cores: ranges are split thinner and stolen more often.
    CHECK(dump(load_with(repo.path(), 8, CacheMode::off)) == dump(one));

    LoadStats warm_stats;
    const History warm = load_with(repo.path(), 1, CacheMode::use, cache, &warm_stats);
    CHECK(warm_stats.commits_read == 0);
    CHECK(warm_stats.cache_hits == 72);
    CHECK(dump(warm) == dump(one));
    CHECK(dump(load_with(repo.path(), 2, CacheMode::use, cache)) == dump(one));
}

TEST_CASE("the sample history has the shapes the parallel test relies on", "[git][parallel]") {
    TempRepo repo;
    build_sample_history(repo, 4, false);
    const History history = load_with(repo.path(), 2, CacheMode::off);
    // 4 rounds of 6 commits.
    REQUIRE(history.commits.size() == 24);
    int merges = 0;
    int renames = 0;
    int co_authored = 0;
    for (const auto& commit : history.commits) {
        merges += commit.is_merge() ? 1 : 0;
        co_authored += commit.co_authors.empty() ? 0 : 1;
        for (const auto& change : commit.changes) renames += change.kind == roles::git::ChangeKind::renamed ? 1 : 0;
    }
    CHECK(merges == 4);        // one per round
    CHECK(renames == 3);       // rounds 1..3 move the previous round's note
    CHECK(co_authored == 4);   // one per round
    // Ada, Bala, Chris, Dana and the co-author Eve.
    CHECK(history.identities.size() == 5);
    // Tags v0 and v3 (every third round) and "latest".
    CHECK(history.tags.size() == 3);
    const auto& oldest = history.commits.back();
    CHECK(roles::test::change_texts(history, oldest) ==
          std::vector<std::string>{"A docs/guide/round0.md", "A src/core/engine.c"});
}
