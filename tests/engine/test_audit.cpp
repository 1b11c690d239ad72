// roles audit's window: ref ends follow git range semantics (as report --cycle does), and
// the project's figures are computed on the history as it was at the window's end.
// Expected values worked out by hand in the comments (see gerrit_history.hpp).
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/gerrit_history.hpp"
#include "roles/engine/audit.hpp"

using namespace roles;
using test::GerritHistory;
using test::HistoryBuilder;
using test::k_day;

namespace {

roster::Roster people_only() {
    return test::make_roster({test::person("ana", "Ana", "ana@example.com"), test::person("ben", "Ben", "ben@example.com")},
                             {});
}

std::vector<std::string> truck_people(const engine::AuditResult& result) {
    std::vector<std::string> keys;
    for (const auto& person : result.health.factors.truck_factor.people) keys.push_back(person.key);
    return keys;
}

}  // namespace

// --since v2.0.0 --until v3.0.0: t1 (written day 1, merged day 10), m (a merge) and c5: 2
// counted commits and 1 merge. As dates, (day 3, day 11] holds m and c5 only: 1 commit.
TEST_CASE("audit with ref ends counts the commits of the range, late merges included", "[engine][audit]") {
    const GerritHistory g;
    engine::WindowRequest range;
    range.since = GerritHistory::day(3);
    range.since_commit = HistoryBuilder::id_of(3);
    range.until = GerritHistory::day(11);
    range.until_commit = HistoryBuilder::id_of(5);
    const auto by_range = engine::run_audit(g.history, people_only(), engine::RosterMode::roster, range,
                                            engine::Concurrency::serial);
    REQUIRE(by_range.has_value());
    CHECK(by_range->window_rule == engine::WindowRule::range);
    CHECK(by_range->totals.commits == 2);
    CHECK(by_range->totals.merges == 1);
    CHECK(by_range->totals.contributors == 2);
    CHECK(by_range->head_id == HistoryBuilder::id_of(5));

    engine::WindowRequest dates;
    dates.since = GerritHistory::day(3) + 1;
    dates.until = GerritHistory::day(11);
    const auto by_dates = engine::run_audit(g.history, people_only(), engine::RosterMode::roster, dates,
                                            engine::Concurrency::serial);
    REQUIRE(by_dates.has_value());
    CHECK(by_dates->window_rule == engine::WindowRule::dates);
    CHECK(by_dates->totals.commits == 1);
}

// --until v2.0.0 (c3): the audit reads v2.0.0's history, so HEAD is c3 and t.c (added by t1,
// which v2.0.0 does not contain) is not a file.
TEST_CASE("audit --until a ref analyses the history of that ref", "[engine][audit]") {
    const GerritHistory g;
    engine::WindowRequest request;
    request.until = GerritHistory::day(3);
    request.until_commit = HistoryBuilder::id_of(3);
    const auto result = engine::run_audit(g.history, people_only(), engine::RosterMode::roster, request,
                                          engine::Concurrency::serial);
    REQUIRE(result.has_value());
    CHECK(result->window_rule == engine::WindowRule::mixed);
    CHECK(result->head_id == HistoryBuilder::id_of(3));
    CHECK(result->health.factors.truck_factor.files == 1);  // a.c
    CHECK(truck_people(*result) == std::vector<std::string>{"ana"});
}

// ana adds a.c and b.c on days 0 and 1; ben, from day 100, adds c.c, d.c and e.c. At HEAD
// the greedy removes ben (3 of 5 files; 2 of 5 left is under half): truck factor 1, ben.
// Until day 50 the files are a.c and b.c, both ana's: truck factor 1, ana; ben, whose first
// commit is later, is nowhere.
TEST_CASE("audit --until a date computes the truck factor on the history as of that date", "[engine][audit]") {
    HistoryBuilder builder;
    const auto ana = builder.identity("Ana", "ana@example.com");
    const auto ben = builder.identity("Ben", "ben@example.com");
    const auto add = [&](git::IdentityId who, int day, const std::vector<std::string>& paths) {
        auto& commit = builder.commit(who, test::k_gerrit_start + day * k_day, "add");
        for (const auto& path : paths) commit.changes.push_back({builder.path(path), builder.path(path), git::ChangeKind::added});
    };
    add(ana, 0, {"a.c"});
    add(ana, 1, {"b.c"});
    add(ben, 100, {"c.c", "d.c"});
    add(ben, 101, {"e.c"});
    auto history = builder.build();
    for (const auto* path : {"a.c", "b.c", "c.c", "d.c", "e.c"}) history.head_files.push_back(builder.path(path));

    const auto now = engine::run_audit(history, people_only(), engine::RosterMode::roster, {}, engine::Concurrency::serial);
    REQUIRE(now.has_value());
    CHECK(truck_people(*now) == std::vector<std::string>{"ben"});

    engine::WindowRequest request;
    request.until = test::k_gerrit_start + 50 * k_day;
    const auto then = engine::run_audit(history, people_only(), engine::RosterMode::roster, request,
                                        engine::Concurrency::serial);
    REQUIRE(then.has_value());
    CHECK(then->head_id == HistoryBuilder::id_of(1));
    CHECK(then->health.factors.truck_factor.files == 2);
    CHECK(truck_people(*then) == std::vector<std::string>{"ana"});
}
