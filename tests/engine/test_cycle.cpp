// Cycle resolution (`--cycle A..B` and `auto`), the previous window, the history as it was
// at a cycle's end, and the trend rules. Expected values worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine/history_builder.hpp"
#include "roles/engine/cycle.hpp"

using namespace roles;
using roles::test::k_day;

namespace {

// 2024-01-01T00:00:00Z, a Monday.
constexpr std::int64_t k_jan1 = 1704067200;
constexpr std::int64_t k_hour = 3600;

// Three releases four weeks apart at noon, an rc and a nightly tag in between:
//   c0 2024-01-01 12:00 tag v1.0.0; c1 01-15 10:00; c2 01-29 12:00 tag v1.1.0 (tagged an
//   hour after the commit); c3 02-12 10:00 tag v1.2.0-rc1; c4 02-26 12:00 tag v1.2.0;
//   c5 02-27 10:00 tag nightly.
struct Releases {
    test::HistoryBuilder builder;
    git::IdentityId ana = builder.identity("Ana", "ana@example.com");
    Releases() {
        builder.commit(ana, k_jan1 + 12 * k_hour, "c0", {"a.c"});
        builder.tag("v1.0.0", ana, k_jan1 + 12 * k_hour);
        builder.commit(ana, k_jan1 + 14 * k_day + 10 * k_hour, "c1", {"a.c"});
        builder.commit(ana, k_jan1 + 28 * k_day + 12 * k_hour, "c2", {"a.c"});
        builder.tag("v1.1.0", ana, k_jan1 + 28 * k_day + 13 * k_hour);
        builder.commit(ana, k_jan1 + 42 * k_day + 10 * k_hour, "c3", {"a.c"});
        builder.tag("v1.2.0-rc1", ana, k_jan1 + 42 * k_day + 10 * k_hour);
        builder.commit(ana, k_jan1 + 56 * k_day + 12 * k_hour, "c4", {"a.c"});
        builder.tag("v1.2.0", ana, k_jan1 + 56 * k_day + 12 * k_hour);
        builder.commit(ana, k_jan1 + 57 * k_day + 10 * k_hour, "c5", {"a.c"});
        builder.tag("nightly", ana, k_jan1 + 57 * k_day + 10 * k_hour);
    }
};

util::Expected<engine::RefPoint> unknown_ref(const std::string& ref) {
    return util::fail(util::ErrorKind::input, "lookup", "unknown " + ref);
}

const engine::RepositoryLookup no_refs{unknown_ref, {}};

}  // namespace

TEST_CASE("release tags are versions with an optional prefix and no pre-release suffix", "[engine][cycle]") {
    for (const auto* name : {"v1.2.0", "1.2.0", "31.0.0", "2024.1", "V2.0", "nova-31.0.0", "release-1.2", "stable/2024.1",
                             "r_1.0"}) {
        INFO(name);
        CHECK(engine::looks_like_release(name));
    }
    for (const auto* name : {"v1.2.0-rc1", "1.2.0rc1", "1.2.0.0b1", "v2", "nightly", "1.2.", "v1.2.0-eol", "-1.2",
                             "12-1.2", ""}) {
        INFO(name);
        CHECK_FALSE(engine::looks_like_release(name));
    }
}

// auto: release tags v1.0.0, v1.1.0, v1.2.0 (rc1 and nightly are not releases), one series
// each; the latest two are v1.1.0 and v1.2.0. v1.1.0's time is its tag time, 01-29 13:00 (an
// hour after its commit), so the cycle spans (01-29 13:00, 02-26 12:00]: 28 days - 1 hour =
// 2415600 s, and holds c3 and c4 (reachable from c4, not from c2). The previous cycle is the
// same rule on the release before: v1.0.0..v1.1.0 = c1, c2, from 01-01 12:00:01.
TEST_CASE("cycle auto takes the two latest release series", "[engine][cycle]") {
    const Releases r;
    const auto history = r.builder.build();
    const auto cycle = engine::resolve_cycle(history, "auto", no_refs);
    REQUIRE(cycle.has_value());
    CHECK(cycle->automatic);
    CHECK(cycle->label == "v1.1.0..v1.2.0");
    CHECK(cycle->from.kind == engine::EndpointKind::tag);
    CHECK(cycle->from.time == k_jan1 + 28 * k_day + 13 * k_hour);
    CHECK(cycle->window.begin == k_jan1 + 28 * k_day + 13 * k_hour + 1);
    CHECK(cycle->window.end == k_jan1 + 56 * k_day + 12 * k_hour);
    const std::int64_t length = 28 * k_day - k_hour;
    CHECK(cycle->window.end - cycle->window.begin + 1 == length);
    CHECK(cycle->rule == engine::WindowRule::range);
    REQUIRE(cycle->window.commits);
    CHECK(*cycle->window.commits == engine::CommitSet{test::HistoryBuilder::id_of(3), test::HistoryBuilder::id_of(4)});
    CHECK(cycle->previous_label == "v1.0.0..v1.1.0");
    CHECK(cycle->previous_rule == engine::WindowRule::range);
    CHECK(cycle->previous.end == cycle->window.begin - 1);
    CHECK(cycle->previous.begin == k_jan1 + 12 * k_hour + 1);
    REQUIRE(cycle->previous.commits);
    CHECK(*cycle->previous.commits == engine::CommitSet{test::HistoryBuilder::id_of(1), test::HistoryBuilder::id_of(2)});
    CHECK(cycle->previous_end_commit == test::HistoryBuilder::id_of(2));
}

TEST_CASE("cycle auto ignores release tags whose commit is not in the history", "[engine][cycle]") {
    Releases r;
    auto history = r.builder.build();
    // v1.2.0 now names a commit of another branch: the latest two on this history are
    // v1.0.0 and v1.1.0.
    std::ranges::find(history.tags, std::string("v1.2.0"), &git::Tag::name)->target = std::string(40, 'f');
    const auto cycle = engine::resolve_cycle(history, "auto", no_refs);
    REQUIRE(cycle.has_value());
    CHECK(cycle->label == "v1.0.0..v1.1.0");
}

// "1.3.0" and "v1.3.0" name c5 at the same time: one release. Without the rule the two
// latest would be 1.3.0..v1.3.0, an empty cycle; with it the cycle starts at v1.2.0.
TEST_CASE("cycle auto counts two names of one release once", "[engine][cycle]") {
    Releases r;
    r.builder.tag("1.3.0", r.ana, k_jan1 + 57 * k_day + 10 * k_hour);  // on c5, with nightly
    r.builder.tag("v1.3.0", r.ana, k_jan1 + 57 * k_day + 10 * k_hour);
    const auto cycle = engine::resolve_cycle(r.builder.build(), "auto", no_refs);
    REQUIRE(cycle.has_value());
    CHECK(cycle->label == "v1.2.0..v1.3.0");
}

TEST_CASE("cycle auto with fewer than two release tags is a usage error", "[engine][cycle]") {
    test::HistoryBuilder builder;
    const auto ana = builder.identity("Ana", "ana@example.com");
    builder.commit(ana, k_jan1, "c0", {"a.c"});
    builder.tag("v1.0.0", ana, k_jan1);
    builder.tag("v1.1.0-rc1", ana, k_jan1);
    const auto cycle = engine::resolve_cycle(builder.build(), "auto", no_refs);
    REQUIRE_FALSE(cycle.has_value());
    CHECK(cycle.error().kind == util::ErrorKind::usage);
    CHECK(cycle.error().context == "--cycle");
    CHECK(cycle.error().cause.find("found 1;") != std::string::npos);
}

// Dates: A from its 00:00 UTC, B through its 23:59:59 UTC. 2024-01-10..2024-01-16 is 7 days
// = 604800 s; the previous window is 2024-01-03 00:00 .. 2024-01-09 23:59:59.
TEST_CASE("a cycle between dates covers both days in full", "[engine][cycle]") {
    const Releases r;
    const auto cycle = engine::resolve_cycle(r.builder.build(), "2024-01-10..2024-01-16", no_refs);
    REQUIRE(cycle.has_value());
    CHECK_FALSE(cycle->automatic);
    CHECK(cycle->from.kind == engine::EndpointKind::date);
    CHECK(cycle->window.begin == k_jan1 + 9 * k_day);
    CHECK(cycle->window.end == k_jan1 + 16 * k_day - 1);
    CHECK(cycle->previous.begin == k_jan1 + 2 * k_day);
    CHECK(cycle->previous.end == k_jan1 + 9 * k_day - 1);
}

// Commit ids of the builder are 40-digit decimal numbers: c1 is "000…01", c4 "000…04".
TEST_CASE("cycle ends may be commit id prefixes, tags or other refs through the lookup", "[engine][cycle]") {
    const Releases r;
    const auto history = r.builder.build();
    const auto by_commit = engine::resolve_cycle(history, std::string(39, '0') + "1..v1.2.0", no_refs);
    REQUIRE(by_commit.has_value());
    CHECK(by_commit->from.kind == engine::EndpointKind::commit);
    CHECK(by_commit->window.begin == k_jan1 + 14 * k_day + 10 * k_hour + 1);
    CHECK(by_commit->to.kind == engine::EndpointKind::tag);

    const auto lookup = [](const std::string& ref) -> util::Expected<engine::RefPoint> {
        if (ref == "main") return engine::RefPoint{std::string(39, '0') + "5", k_jan1 + 57 * k_day + 10 * k_hour};
        return util::fail(util::ErrorKind::input, "lookup", "unknown");
    };
    const auto by_branch = engine::resolve_cycle(history, "v1.2.0..main", engine::RepositoryLookup{lookup, {}});
    REQUIRE(by_branch.has_value());
    CHECK(by_branch->to.kind == engine::EndpointKind::ref);
    CHECK(by_branch->to.commit == std::string(39, '0') + "5");
    CHECK(by_branch->window.end == k_jan1 + 57 * k_day + 10 * k_hour);
}

TEST_CASE("bad cycle specs are usage errors that say what is wrong", "[engine][cycle]") {
    const Releases r;
    const auto history = r.builder.build();
    const auto cause = [&](const std::string& spec) {
        const auto cycle = engine::resolve_cycle(history, spec, no_refs);
        REQUIRE_FALSE(cycle.has_value());
        CHECK(cycle.error().kind == util::ErrorKind::usage);
        return cycle.error().cause;
    };
    CHECK(cause("v1.1.0") == "'v1.1.0' is not a cycle: expected A..B or 'auto'");
    CHECK(cause("..v1.1.0") == "expected A..B with both ends given, or 'auto'");
    CHECK(cause("v9..v1.1.0") ==
          "'v9' is neither a date (YYYY-MM-DD), a tag, a commit nor a branch of the repository");
    CHECK(cause("2024-13-01..v1.1.0") == "'2024-13-01' is not a valid date (YYYY-MM-DD)");
    CHECK(cause("v1.2.0..v1.1.0") ==
          "the cycle 'v1.2.0..v1.1.0' ends before it starts: 'v1.1.0' is not later than 'v1.2.0'");
    // Every builder id starts with 38 zeros: "0000" names six commits.
    CHECK(cause("0000..v1.1.0") == "commit id prefix '0000' is ambiguous");
}

TEST_CASE("a tag's time as a cycle end is the later of the tag and its commit", "[engine][cycle]") {
    const Releases r;
    auto history = r.builder.build();
    const auto& v110 = *std::ranges::find(history.tags, std::string("v1.1.0"), &git::Tag::name);
    CHECK(engine::tag_time(v110, history) == k_jan1 + 28 * k_day + 13 * k_hour);  // tagged after
    auto early = v110;
    early.time = k_jan1;  // a clock that was wrong: the commit's time wins
    CHECK(engine::tag_time(early, history) == k_jan1 + 28 * k_day + 12 * k_hour);
}

TEST_CASE("the previous window has the same length and ends just before", "[engine][cycle]") {
    const auto previous = engine::previous_window({1000, 1099});  // 100 seconds
    CHECK(previous.begin == 900);
    CHECK(previous.end == 999);
}

// HEAD's files are a.c, b.c (renamed from old.c by c2), d.c (added by c3); c2 also deleted
// gone.c. At c1's time: c3 and c2 are undone newest first: d.c removed, b.c back to old.c,
// gone.c restored. Files at HEAD keep their order (a.c), restored ones follow sorted.
TEST_CASE("the history at a cycle end drops later commits and tags and rebuilds its files", "[engine][cycle]") {
    test::HistoryBuilder builder;
    const auto ana = builder.identity("Ana", "ana@example.com");
    builder.commit(ana, k_jan1, "c0", {"a.c", "old.c", "gone.c"});
    builder.commit(ana, k_jan1 + k_day, "c1", {"a.c"});
    builder.tag("v1", ana, k_jan1 + k_day);
    auto& c2 = builder.commit(ana, k_jan1 + 2 * k_day, "c2");
    c2.changes = {{builder.path("b.c"), builder.path("old.c"), git::ChangeKind::renamed},
                  {builder.path("gone.c"), builder.path("gone.c"), git::ChangeKind::deleted}};
    auto& c3 = builder.commit(ana, k_jan1 + 3 * k_day, "c3");
    c3.changes = {{builder.path("d.c"), builder.path("d.c"), git::ChangeKind::added}};
    builder.tag("v2", ana, k_jan1 + 3 * k_day);
    auto history = builder.build();
    history.head_files = {builder.path("a.c"), builder.path("b.c"), builder.path("d.c")};

    const auto then = engine::history_until(history, k_jan1 + k_day);
    REQUIRE(then.commits.size() == 2);
    CHECK(then.commits.front().message == "c1");
    CHECK(then.head_id == then.commits.front().id);
    CHECK(then.head_time == k_jan1 + k_day);
    REQUIRE(then.tags.size() == 1);
    CHECK(then.tags.front().name == "v1");
    std::vector<std::string> files;
    for (const auto path : then.head_files) files.push_back(then.paths[path]);
    CHECK(files == std::vector<std::string>{"a.c", "gone.c", "old.c"});

    const auto same = engine::history_until(history, k_jan1 + 10 * k_day);
    CHECK(same.commits.size() == 4);
    CHECK(same.head_files == history.head_files);
    CHECK(same.head_time == history.head_time);
}

TEST_CASE("trends compare with the previous value - ratios at two decimals", "[engine][cycle]") {
    using engine::Assessment;
    using engine::Polarity;
    using engine::Trend;
    const auto up = engine::make_figure(3, 2, Polarity::lower_is_better);
    CHECK(up.trend == Trend::up);
    CHECK(up.assessment == Assessment::worse);
    const auto down = engine::make_figure(1, 2, Polarity::higher_is_better);
    CHECK(down.trend == Trend::down);
    CHECK(down.assessment == Assessment::worse);
    CHECK(engine::make_figure(3, 2, Polarity::higher_is_better).assessment == Assessment::better);
    CHECK(engine::make_figure(3, 2, Polarity::neutral).assessment == Assessment::neutral);
    const auto same = engine::make_figure(2, 2, Polarity::higher_is_better);
    CHECK(same.trend == Trend::same);
    CHECK(same.assessment == Assessment::neutral);
    const auto fresh = engine::make_figure(5, std::nullopt, Polarity::higher_is_better);
    CHECK(fresh.trend == Trend::fresh);
    CHECK(engine::to_string(fresh.trend) == "new");
    CHECK_FALSE(fresh.previous.has_value());
    // 1.254 and 1.246 both show as 1.25: same.
    const auto ratio = engine::make_figure(1.254, 1.246, Polarity::neutral, engine::Scale::ratio);
    CHECK(ratio.current == Approx(1.25));
    CHECK(ratio.trend == Trend::same);
}
