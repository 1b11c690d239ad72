// `--cycle auto` on the two ways projects release (tags on the analysed line, tags on
// release branches forked from it), the previous cycle, ends off the history, and the
// cycle warnings. Expected values worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "engine/gerrit_history.hpp"
#include "roles/engine/cycle.hpp"

using namespace roles;
using test::HistoryBuilder;
using test::k_day;

namespace {

constexpr std::int64_t k_start = test::k_gerrit_start;

std::int64_t day(int n) { return k_start + n * k_day; }

// Main line: commits 0..5 on days 0, 10, 20, 30, 40, 50.
struct Line {
    HistoryBuilder builder;
    git::IdentityId ana = builder.identity("Ana", "ana@example.com");
    Line() {
        for (int i = 0; i < 6; ++i) builder.commit(ana, day(10 * i), "c" + std::to_string(i), {"a.c"});
    }
    // A tag of a commit that is not on the line (a release branch).
    void off_line(const std::string& name, const std::string& commit, std::int64_t time) {
        extra_tags.push_back({name, commit, ana, time, 0, true});
    }
    [[nodiscard]] git::History build() const {
        auto history = builder.build();
        history.tags.insert(history.tags.end(), extra_tags.begin(), extra_tags.end());
        return history;
    }
    std::vector<git::Tag> extra_tags;
};

// Fork points by branch commit, as `git merge-base HEAD commit` would answer; an unknown
// commit shares no history.
engine::RepositoryLookup forks(std::map<std::string, std::string> bases) {
    engine::RepositoryLookup lookup;
    lookup.fork = [bases](const std::string&, const std::string& commit) -> util::Expected<std::optional<std::string>> {
        const auto found = bases.find(commit);
        if (found == bases.end()) return std::optional<std::string>();
        return std::optional<std::string>(found->second);
    };
    return lookup;
}

const std::string k_branch_a(40, 'a');
const std::string k_branch_b(40, 'b');
const std::string k_branch_c(40, 'c');

}  // namespace

TEST_CASE("release versions are the numbers of a release tag", "[engine][cycle]") {
    CHECK(engine::release_version("v8.0.1") == std::vector<std::uint64_t>{8, 0, 1});
    CHECK(engine::release_version("nova-31.0.0") == std::vector<std::uint64_t>{31, 0, 0});
    CHECK(engine::release_version("2024.1") == std::vector<std::uint64_t>{2024, 1});
    CHECK(engine::release_version("v8.1.0.rc1").empty());
}

// On the line: v1.0.0 on c0 and v1.1.0 on c2. A side branch forked at c1 carries v1.2.0
// (tagged on day 60) and the old series' patch v1.0.1 (day 70). v1.2.0 lands on the line at
// c1 (day 10), before v1.1.0 (day 20), so series 1.1 ends the cycle; v1.0.1 is not the
// release of series 1.0 (v1.0.0 is): auto = v1.0.0..v1.1.0 = {c1, c2}.
TEST_CASE("cycle auto ignores a tag on a side branch and patch releases of old series", "[engine][cycle]") {
    Line line;
    line.builder.tag_on(0, "v1.0.0", line.ana, day(0));
    line.builder.tag_on(2, "v1.1.0", line.ana, day(20));
    line.off_line("v1.2.0", k_branch_a, day(60));
    line.off_line("v1.0.1", k_branch_b, day(70));
    const auto history = line.build();
    const auto cycle = engine::resolve_cycle(history, "auto",
                                             forks({{k_branch_a, HistoryBuilder::id_of(1)},
                                                    {k_branch_b, HistoryBuilder::id_of(1)}}));
    REQUIRE(cycle.has_value());
    CHECK(cycle->label == "v1.0.0..v1.1.0");
    CHECK(cycle->to.placement == engine::Placement::on_line);
    CHECK(*cycle->window.commits == engine::CommitSet{HistoryBuilder::id_of(1), HistoryBuilder::id_of(2)});
    CHECK(cycle->picked_by.find("series 1.1") != std::string::npos);
}

// Releases on branches cut from the line (rails): v1.0.0 on a branch forked at c1, v1.1.0
// and its patch v1.1.1 on one forked at c3. The cycle on the line runs between the fork
// points: c1..c3 = {c2, c3}, from day 10 to day 30.
TEST_CASE("cycle auto maps releases of release branches to where they forked", "[engine][cycle]") {
    Line line;
    line.off_line("v1.0.0", k_branch_a, day(12));
    line.off_line("v1.1.0", k_branch_b, day(33));
    line.off_line("v1.1.1", k_branch_c, day(80));
    const auto history = line.build();
    const auto cycle = engine::resolve_cycle(history, "auto",
                                             forks({{k_branch_a, HistoryBuilder::id_of(1)},
                                                    {k_branch_b, HistoryBuilder::id_of(3)},
                                                    {k_branch_c, HistoryBuilder::id_of(3)}}));
    REQUIRE(cycle.has_value());
    CHECK(cycle->label == "v1.0.0..v1.1.0");
    CHECK(cycle->from.placement == engine::Placement::fork_point);
    CHECK(cycle->from.commit == HistoryBuilder::id_of(1));
    CHECK(cycle->from.named == k_branch_a);
    CHECK(cycle->to.commit == HistoryBuilder::id_of(3));
    CHECK(cycle->window.begin == day(10) + 1);
    CHECK(cycle->window.end == day(30));
    CHECK(*cycle->window.commits == engine::CommitSet{HistoryBuilder::id_of(2), HistoryBuilder::id_of(3)});
    CHECK(cycle->picked_by.find("git merge-base HEAD v1.1.0") != std::string::npos);
    // The cycle's releases: its end v1.1.0 (tagged day 33, after the window's end at its fork
    // point), not its start v1.0.0 (tagged day 12, inside the window by date), not v1.1.1.
    const auto report = engine::build_cycle_report(history, test::make_roster({}, {}), engine::RosterMode::discovery,
                                                   *cycle);
    REQUIRE(report.has_value());
    REQUIRE(report->releases.size() == 1);
    CHECK(report->releases[0].tag == "v1.1.0");
}

// nova: 1.0.0 on c0 and 2.0.0 on c3 are on the line; 1.1.0, a minor release of the 1.x
// stable branch forked at c1, has a higher version than 1.0.0 but is no release of the
// line: when B is on the line, A is too. auto = 1.0.0..2.0.0; the previous cycle has no
// release before 1.0.0, so it is the same length (30 days) before, among c0's ancestors.
TEST_CASE("cycle auto takes the start from the line when the end is on it", "[engine][cycle]") {
    Line line;
    line.builder.tag_on(0, "1.0.0", line.ana, day(0));
    line.builder.tag_on(3, "2.0.0", line.ana, day(30));
    line.off_line("1.1.0", k_branch_a, day(25));
    const auto history = line.build();
    const auto cycle = engine::resolve_cycle(history, "auto", forks({{k_branch_a, HistoryBuilder::id_of(1)}}));
    REQUIRE(cycle.has_value());
    CHECK(cycle->label == "1.0.0..2.0.0");
    CHECK(cycle->previous_rule == engine::WindowRule::mixed);
    CHECK(cycle->previous.end == day(0));
    CHECK(cycle->previous.begin == day(0) - 30 * k_day + 1);
    CHECK(*cycle->previous.commits == engine::CommitSet{HistoryBuilder::id_of(0)});
}

// A Gerrit-style late merge: t1 was written on day 1, before v2.0.0 (day 3), and merged on
// day 10. It belongs to v2.0.0..v3.0.0, and the previous cycle v1.0.0..v2.0.0 does not hold it.
TEST_CASE("a change merged after a release is counted in the cycle it was merged into", "[engine][cycle]") {
    const test::GerritHistory g;
    const auto cycle = engine::resolve_cycle(g.history, "v2.0.0..v3.0.0", {});
    REQUIRE(cycle.has_value());
    CHECK(cycle->rule == engine::WindowRule::range);
    CHECK(*cycle->window.commits ==
          engine::CommitSet{HistoryBuilder::id_of(1), HistoryBuilder::id_of(4), HistoryBuilder::id_of(5)});
    CHECK(cycle->previous_label == "v1.0.0..v2.0.0");
    CHECK(*cycle->previous.commits == engine::CommitSet{HistoryBuilder::id_of(2), HistoryBuilder::id_of(3)});
}

TEST_CASE("a cycle end that shares no history with the analysed one is a usage error", "[engine][cycle]") {
    Line line;
    line.builder.tag_on(0, "v1.0.0", line.ana, day(0));
    line.off_line("orphan", k_branch_c, day(40));
    const auto cycle = engine::resolve_cycle(line.build(), "v1.0.0..orphan", forks({}));
    REQUIRE_FALSE(cycle.has_value());
    CHECK(cycle.error().kind == util::ErrorKind::usage);
    CHECK(cycle.error().context == "--cycle");
    CHECK(cycle.error().cause == "'orphan' (commit cccccccccccc) is neither on the analysed history nor on a branch "
                                 "forked from it; to report on its own history pass --ref orphan");
}

// 2024-01-01 .. 2024-01-05 is 5 days; 3 commits; it ends 400 days before HEAD.
TEST_CASE("short, thin and old cycles are warned about with how to choose another pair", "[engine][cycle]") {
    engine::Cycle cycle;
    cycle.label = "v1..v2";
    cycle.automatic = true;
    cycle.window = {k_start, k_start + 5 * k_day - 1, nullptr};
    const auto warnings = engine::cycle_warnings(cycle, 3, cycle.window.end + 400 * k_day);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0] == "the cycle v1..v2 lasts 5 days, less than 14; choose another pair with --cycle A..B "
                         "(two release tags, commits or dates)");
    CHECK(warnings[1].starts_with("the cycle v1..v2 holds 3 counted commits, fewer than 20"));
    CHECK(warnings[2].starts_with("the cycle v1..v2 ends on 2024-01-05, more than a year before HEAD (2025-02-08)"));
    CHECK(engine::cycle_warnings(cycle, 20, cycle.window.end).size() == 1);
}
