// Git range semantics on a History: reachability, A..B as git rev-list lists it, and the
// history as it was at a commit. Expected values worked out by hand (gerrit_history.hpp).
#include <catch2/catch.hpp>

#include "engine/gerrit_history.hpp"
#include "roles/engine/range.hpp"

using namespace roles;
using test::GerritHistory;
using test::HistoryBuilder;

namespace {

// History indexes are newest first: c5 0, m 1, c3 2, c2 3, t1 4, c0 5.
std::uint32_t at(const git::History& history, std::size_t number) {
    return *engine::commit_index(history, HistoryBuilder::id_of(number));
}

}  // namespace

TEST_CASE("reachability follows every parent of a merge", "[engine][range]") {
    const GerritHistory g;
    const auto from_c3 = engine::reachable_from(g.history, at(g.history, 3));
    CHECK(from_c3 == std::vector<bool>{false, false, true, true, false, true});  // c3, c2, c0
    const auto from_merge = engine::reachable_from(g.history, at(g.history, 4));
    CHECK(from_merge == std::vector<bool>{false, true, true, true, true, true});  // all but c5
}

TEST_CASE("a range holds what git rev-list A..B lists, late merges in the cycle they were merged into",
          "[engine][range]") {
    const GerritHistory g;
    const auto first = engine::range_commits(g.history, at(g.history, 0), at(g.history, 3));
    CHECK(*first == engine::CommitSet{HistoryBuilder::id_of(2), HistoryBuilder::id_of(3)});
    const auto second = engine::range_commits(g.history, at(g.history, 3), at(g.history, 5));
    CHECK(*second == engine::CommitSet{HistoryBuilder::id_of(1), HistoryBuilder::id_of(4), HistoryBuilder::id_of(5)});
    const auto everything = engine::range_commits(g.history, std::nullopt, at(g.history, 3));
    CHECK(everything->size() == 3);  // c0, c2, c3
}

// Mixed ends: from a date (day 2, so c2 and later by time) to v2.0.0's commit: c2 and c3;
// from v2.0.0 to a date (day 10): t1 and m, not c5.
TEST_CASE("a window with one ref end follows ancestry there and dates at the other", "[engine][range]") {
    const GerritHistory g;
    const engine::WindowEnd day2{std::nullopt, GerritHistory::day(2)};
    const engine::WindowEnd c3{at(g.history, 3), GerritHistory::day(3)};
    CHECK(engine::rule_between(day2, c3) == engine::WindowRule::mixed);
    CHECK(*engine::commits_between(g.history, day2, c3) ==
          engine::CommitSet{HistoryBuilder::id_of(2), HistoryBuilder::id_of(3)});
    const engine::WindowEnd day10{std::nullopt, GerritHistory::day(10)};
    CHECK(*engine::commits_between(g.history, c3, day10) ==
          engine::CommitSet{HistoryBuilder::id_of(1), HistoryBuilder::id_of(4)});
    CHECK(engine::commits_between(g.history, day2, day10) == nullptr);
    CHECK(engine::rule_between(c3, c3) == engine::WindowRule::range);
}

// At v2.0.0 (c3): its ancestors c3, c2, c0 only; t1, older than c3, is left out with the
// file it added; parents renumbered (c3 -> c2 at 1, c2 -> c0 at 2); HEAD is c3; tags up to
// day 3.
TEST_CASE("the history at a commit keeps its ancestors only", "[engine][range]") {
    const GerritHistory g;
    const auto then = engine::history_at(g.history, at(g.history, 3), GerritHistory::day(3));
    REQUIRE(then.commits.size() == 3);
    CHECK(then.commits[0].message == "c3");
    CHECK(then.commits[1].message == "c2");
    CHECK(then.commits[2].message == "c0");
    CHECK(then.commits[0].parents == std::vector<std::uint32_t>{1});
    CHECK(then.commits[1].parents == std::vector<std::uint32_t>{2});
    CHECK(then.commits[2].parents.empty());
    CHECK(then.head_id == HistoryBuilder::id_of(3));
    CHECK(then.head_time == GerritHistory::day(3));
    REQUIRE(then.head_files.size() == 1);
    CHECK(then.paths[then.head_files.front()] == "a.c");
    REQUIRE(then.tags.size() == 2);
    CHECK(then.tags[1].name == "v2.0.0");
}
