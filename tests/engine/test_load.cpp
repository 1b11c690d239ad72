// Per-person load (docs/formulas.md, "Person load"): hats held, sole hats, commitment, activity
// and the wiring of the burnout signals. Expectations worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/audit.hpp"
#include "roles/engine/load.hpp"

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

// alice holds ptl (effort 0.5), release (0.1, filled from ptl by fallback), review (0.1, with
// bob) and docs (0.1, with carol, who never committed and so is inactive). dave is not on
// the roster but committed in the window; eve committed only before it; zuul is a bot.
struct Team {
    test::HistoryBuilder builder;
    git::IdentityId alice = builder.identity("Alice Liddell", "alice@example.com");
    git::IdentityId bob = builder.identity("Bob Builder", "bob@example.org");
    git::IdentityId dave = builder.identity("Dave Dee", "dave@example.net");
    git::IdentityId eve = builder.identity("Eve Old", "eve@example.net");
    git::IdentityId zuul = builder.identity("Zuul", "zuul@ci.example.org");
    roster::Roster roster;

    Team() {
        builder.commit(eve, k_head_time - 400 * k_day, "old work", {"src/old.c"});
        builder.commit(alice, k_head_time - 30 * k_day, "work", {"src/a.c"});
        builder.commit(bob, k_head_time - 20 * k_day, "review fix", {"src/b.c"});
        builder.commit(dave, k_head_time - 10 * k_day, "drive-by", {"src/c.c"});
        builder.commit(zuul, k_head_time - 5 * k_day, "constraints", {"requirements.txt"});
        builder.commit(alice, k_head_time - 2 * k_day, "docs", {"docs/index.rst"});
        auto alice_p = test::person("alice", "Alice Liddell", "alice@example.com");
        alice_p.capacity = 0.5;
        auto ptl = test::hat("ptl", {"alice"}, "GOVERNANCE.md");
        ptl.def.effort = 0.5;
        auto release = test::hat("release", {"alice"}, "RELEASE");
        release.source = roster::HolderSource::fallback;
        release.fallback_from = "ptl";
        roster = test::make_roster({alice_p, test::person("bob", "Bob Builder", "bob@example.org"),
                                    test::person("carol", "Carol Quiet", "carol@example.org")},
                                   {ptl, release, test::hat("review", {"alice", "bob"}, "src/b.c"),
                                    test::hat("docs", {"alice", "carol"}, "docs/**")});
    }

    engine::LoadResult load() const {
        auto result = engine::run_load(builder.build(), roster, engine::RosterMode::roster, {});
        REQUIRE(result.has_value());
        return *result;
    }
};

std::vector<std::string> keys(const engine::LoadResult& result) {
    std::vector<std::string> out;
    for (const auto& row : result.people) out.push_back(row.key);
    return out;
}

}  // namespace

TEST_CASE("load rows: roster people and anyone active in the window, riskiest first", "[engine][load]") {
    const auto result = Team().load();
    // eve's only commit is 400 days old (outside the 365-day window) and zuul is a bot.
    // alice is high risk (see below); the others have no signal, so commitment decides:
    // bob 0.1, carol 0.1 (tie: key), dave 0.
    CHECK(keys(result) == std::vector<std::string>{"alice", "bob", "carol", "dave-dee"});
    // Counted commits in the window: alice 2, bob 1, dave 1 (zuul's is a bot's).
    CHECK(result.commits == 4);
    CHECK(result.project == "demo");
}

TEST_CASE("hats held include fallbacks - sole hats need the only active holder", "[engine][load]") {
    const auto result = Team().load();
    const auto* alice = engine::find_person(result, "alice");
    REQUIRE(alice != nullptr);
    CHECK(alice->hats == std::vector<std::string>{"ptl", "release", "review", "docs"});
    // review has bob active too; docs has carol, but carol is inactive.
    CHECK(alice->sole_hats == std::vector<std::string>{"ptl", "release", "docs"});
    // effort 0.5 + 0.1 + 0.1 + 0.1 = 0.8; capacity 0.5 -> commitment 1.6.
    CHECK(alice->effort == Approx(0.8));
    CHECK(alice->commitment == Approx(1.6));
    // over-committed (1.6 > 1.0), many-hats (4 >= 3), sole-holder (3 >= 2): high.
    CHECK(alice->load.signals.active() == std::vector<engine::Signal>{engine::Signal::over_committed,
                                                                      engine::Signal::many_hats,
                                                                      engine::Signal::sole_holder});
    CHECK(alice->risk == engine::RiskLevel::high);
    CHECK(alice->load.signals.hat_load.hats == 4);
    CHECK(alice->load.signals.hat_load.sole_hats == 3);
    // 2 of the window's 4 counted commits.
    CHECK(alice->load.profile.commits == 2);
    CHECK(alice->load.profile.active_days == 2);
    CHECK(alice->commit_share == Approx(0.5));

    const auto* carol = engine::find_person(result, "carol");
    REQUIRE(carol != nullptr);
    CHECK(carol->hats == std::vector<std::string>{"docs"});
    CHECK(carol->sole_hats.empty());
    CHECK(carol->load.profile.commits == 0);
    CHECK(carol->commit_share == 0.0);
    CHECK(carol->risk == engine::RiskLevel::none);

    const auto* dave = engine::find_person(result, "dave-dee");
    REQUIRE(dave != nullptr);
    CHECK_FALSE(dave->on_roster);
    CHECK(dave->hats.empty());
    CHECK(dave->commitment == 0.0);
    CHECK(dave->commit_share == Approx(0.25));
    CHECK(engine::find_person(result, "eve") == nullptr);
}

TEST_CASE("evidence per hat lists the hats held or worked for, with the latest item", "[engine][load]") {
    const auto result = Team().load();
    const auto* alice = engine::find_person(result, "alice");
    REQUIRE(alice != nullptr);
    REQUIRE(alice->evidence.size() == 4);
    // review: 1 item (bob's src/b.c commit), none of it alice's.
    CHECK(alice->evidence[2].hat == "review");
    CHECK(alice->evidence[2].held);
    CHECK_FALSE(alice->evidence[2].sole);
    CHECK(alice->evidence[2].evidence == 0);
    CHECK(alice->evidence[2].items == 1);
    CHECK_FALSE(alice->evidence[2].last.has_value());
    // docs: her docs/index.rst commit 2 days before HEAD, 1 of 1.
    CHECK(alice->evidence[3].hat == "docs");
    CHECK(alice->evidence[3].sole);
    CHECK(alice->evidence[3].evidence == 1);
    CHECK(alice->evidence[3].share == 1.0);
    CHECK(alice->evidence[3].last == k_head_time - 2 * k_day);
    const auto* bob = engine::find_person(result, "bob");
    REQUIRE(bob != nullptr);
    REQUIRE(bob->evidence.size() == 1);
    CHECK(bob->evidence[0].hat == "review");
    CHECK(bob->evidence[0].evidence == 1);
    CHECK(bob->evidence[0].last == k_head_time - 20 * k_day);
    CHECK(engine::find_person(result, "dave-dee")->evidence.empty());
}

TEST_CASE("thresholds from the roster change the signals", "[engine][load]") {
    Team team;
    team.roster.thresholds.many_hats = 1;
    team.roster.thresholds.sole_holder_hats = 4;
    const auto result = team.load();
    // alice: over-committed and many-hats (4 >= 1), but 3 sole hats < 4: medium.
    // bob and carol: 1 hat >= 1 -> many-hats: low. dave: no hat: none.
    CHECK(keys(result) == std::vector<std::string>{"alice", "bob", "carol", "dave-dee"});
    CHECK(result.people[0].risk == engine::RiskLevel::medium);
    CHECK(result.people[1].risk == engine::RiskLevel::low);
    CHECK(result.people[2].risk == engine::RiskLevel::low);
    CHECK(result.people[3].risk == engine::RiskLevel::none);
    CHECK(result.thresholds.many_hats == 1);
}

TEST_CASE("local time is the author time plus that commit's own offset", "[engine][load]") {
    test::HistoryBuilder builder;
    const auto kim = builder.identity("Kim Night", "kim@example.com");
    // HEAD is Saturday 2024-06-01 12:00 UTC. 26 hours earlier is Friday 10:00 UTC, which at
    // -05:00 is Friday 05:00 local; 13 hours earlier is Friday 23:00 UTC, which at +02:00 is
    // Saturday 01:00 local.
    builder.commit(kim, k_head_time - 26 * 3600, "early").offset_minutes = -300;
    builder.commit(kim, k_head_time - 13 * 3600, "late").offset_minutes = 120;
    const auto roster = test::make_roster({test::person("kim", "Kim Night", "kim@example.com")}, {});
    auto result = engine::run_load(builder.build(), roster, engine::RosterMode::roster, {});
    REQUIRE(result.has_value());
    const auto& profile = result->people.at(0).load.profile;
    CHECK(profile.by_hour[1] == 1);
    CHECK(profile.by_hour[5] == 1);
    CHECK(profile.by_hour[23] == 0);
    CHECK(profile.by_weekday[5] == 1);  // Saturday
    CHECK(profile.by_weekday[4] == 1);  // Friday
    // Two local days in a row (Friday, Saturday).
    CHECK(profile.active_days == 2);
    CHECK(profile.longest_streak.days == 2);
}

TEST_CASE("burnout baselines read the person's commits before the window", "[engine][load]") {
    test::HistoryBuilder builder;
    const auto fay = builder.identity("Fay Steady", "fay@example.com");
    // 12 active days 150..139 days before HEAD (the 90 days before the last 90), and 12 in
    // the last 12 days. With a 30-day window, only the second run is in the window.
    for (int d = 150; d >= 139; --d) builder.commit(fay, k_head_time - d * k_day, "before");
    for (int d = 12; d >= 1; --d) builder.commit(fay, k_head_time - d * k_day, "recent");
    const auto roster = test::make_roster({test::person("fay", "Fay Steady", "fay@example.com")}, {});
    engine::WindowRequest request;
    request.since = k_head_time - 30 * k_day;
    auto result = engine::run_load(builder.build(), roster, engine::RosterMode::roster, request);
    REQUIRE(result.has_value());
    const auto& row = result->people.at(0);
    CHECK(row.load.profile.commits == 12);
    // rising-load compares 12 recent active days with the 12 before: 12 < 1.5 x 12, off.
    // Fed only the window's commits it would see 0 before and flag it.
    CHECK(row.load.signals.rising_load.recent_active_days == 12);
    CHECK(row.load.signals.rising_load.previous_active_days == 12);
    CHECK_FALSE(row.load.signals.rising_load.on);
    CHECK(row.risk == engine::RiskLevel::none);
}

TEST_CASE("counted commits in a window skip merges, bots and commits outside it", "[engine][load]") {
    test::HistoryBuilder builder;
    const auto ann = builder.identity("Ann", "ann@example.com");
    const auto bot = builder.identity("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");
    builder.commit(ann, k_head_time - 10 * k_day, "a");
    builder.commit(bot, k_head_time - 9 * k_day, "bump");
    builder.commit(ann, k_head_time - 8 * k_day, "merge").parent_count = 2;
    builder.commit(ann, k_head_time - 1 * k_day, "b");
    const auto history = builder.build();
    const auto roster = test::make_roster({}, {});
    const auto resolution = engine::resolve_identities(history, roster);
    const auto activity = engine::collect_activity(history, resolution);
    // Two commits by ann; the bot's and the merge don't count.
    CHECK(engine::counted_commits_in(activity, history, {k_head_time - 30 * k_day, k_head_time}) == 2);
    // From 5 days back only "b" is left.
    CHECK(engine::counted_commits_in(activity, history, {k_head_time - 5 * k_day, k_head_time}) == 1);
}
