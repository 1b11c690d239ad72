// build_cycle_report and derive_asks: two cycles analysed and diffed. The scenario and every
// expectation are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/history_builder.hpp"
#include "roles/engine/cycle.hpp"

using namespace roles;
using roles::test::k_day;

namespace {

constexpr std::int64_t k_jan1 = 1704067200;  // 2024-01-01T00:00:00Z
constexpr std::int64_t k_hour = 3600;

std::int64_t at(int day, int hour = 10) { return k_jan1 + day * k_day + hour * k_hour; }

// The cycle is v1..v2 = (day 28 12:00, day 56 12:00], the previous one (day 0 12:00,
// day 28 12:00]. Roster: lead [alice] on GOVERNANCE.md; rel [alice, bob] on CHANGELOG and
// tags; ci [bob] on .ci/**; sec [carol until 2024-02-05 = day 35] on SECURITY.md.
// alice, bob, carol on the roster; dave (newcomer) and eve (leaver) are discovered.
//   day -10 alice src/a.c
//   previous: day 2 bob .ci/x; day 3 carol SECURITY.md; day 4 eve src/e.c; day 5 alice src/a.c;
//             day 28 12:00 alice CHANGELOG + tag v1
//   this:     day 30 dave .ci/y; day 31 dave .ci/z; day 33 alice src/a.c; day 40 dave
//             SECURITY.md; day 56 12:00 alice CHANGELOG + tag v2
struct Scenario {
    test::HistoryBuilder builder;
    git::IdentityId alice = builder.identity("Alice Liddell", "alice@example.com");
    git::IdentityId bob = builder.identity("Bob Builder", "bob@example.org");
    git::IdentityId carol = builder.identity("Carol Quiet", "carol@example.org");
    git::IdentityId dave = builder.identity("Dave Dee", "dave@example.net");
    git::IdentityId eve = builder.identity("Eve Old", "eve@example.net");
    roster::Roster roster;

    Scenario() {
        builder.commit(alice, at(-10), "import", {"src/a.c"});
        builder.commit(bob, at(2), "ci", {".ci/x"});
        builder.commit(carol, at(3), "policy", {"SECURITY.md"});
        builder.commit(eve, at(4), "drive-by", {"src/e.c"});
        builder.commit(alice, at(5), "work", {"src/a.c"});
        builder.commit(alice, at(28, 12), "release 1", {"CHANGELOG"});
        builder.tag("v1", alice, at(28, 12));
        builder.commit(dave, at(30), "ci y", {".ci/y"});
        builder.commit(dave, at(31), "ci z", {".ci/z"});
        builder.commit(alice, at(33), "work", {"src/a.c"});
        builder.commit(dave, at(40), "security fix", {"SECURITY.md"});
        builder.commit(alice, at(56, 12), "release 2", {"CHANGELOG"});
        builder.tag("v2", alice, at(56, 12));
        auto rel = test::hat("rel", {"alice", "bob"}, "CHANGELOG");
        rel.def.evidence.tags = true;
        auto sec = test::hat("sec", {}, "SECURITY.md");
        sec.holders.push_back({"carol", std::nullopt, roster::Date{35 + k_jan1 / k_day}, {}});
        roster = test::make_roster({test::person("alice", "Alice Liddell", "alice@example.com"),
                                    test::person("bob", "Bob Builder", "bob@example.org"),
                                    test::person("carol", "Carol Quiet", "carol@example.org")},
                                   {test::hat("lead", {"alice"}, "GOVERNANCE.md"), rel,
                                    test::hat("ci", {"bob"}, ".ci/**"), sec});
        roster.thresholds.min_evidence_items = 1;  // a handful of commits: one item is enough to judge
    }

    engine::CycleReport report() const {
        const auto history = builder.build();
        const auto cycle = engine::resolve_cycle(history, "v1..v2", {});
        REQUIRE(cycle.has_value());
        auto report = engine::build_cycle_report(history, roster, engine::RosterMode::roster, *cycle);
        REQUIRE(report.has_value());
        return *report;
    }
};

const engine::HatCycle& hat(const engine::CycleReport& report, const std::string& id) {
    const auto found = std::ranges::find(report.hats, id, &engine::HatCycle::hat);
    REQUIRE(found != report.hats.end());
    return *found;
}

std::vector<std::string> change_texts(const engine::HatCycle& hat) {
    std::vector<std::string> out;
    for (const auto& c : hat.changes) out.push_back(std::string(engine::to_string(c.kind)) + ": " + c.text);
    return out;
}

}  // namespace

// Now: rel ok (alice and bob active: bob's last commit, day 2, is 54.5 days before the end,
// under 90); lead single-point (alice, no items); ci shadowed (bob active, dave did 2 of 2);
// sec vacant (carol's term ended day 35). Before: rel ok; lead, ci (bob 1 of 1) and sec
// (carol 1 of 1) single-point. Commits: 5 now (dave 3, alice 2), 5 before (alice 2, bob,
// carol, eve). Contributor absence: now dave 3 > 5/2, so 1; before alice 2 + bob 1 = 3 > 2.5,
// so 2. Elephant (email domains, no affiliations): now example.net 3 > 2.5, so 1; before
// example.com 2 + example.org 2 (bob, carol) = 4, so 2.
TEST_CASE("the cycle summary counts both windows and gives each figure its trend", "[engine][cycle]") {
    const Scenario s;
    const auto report = s.report();
    CHECK(report.previous_exists);
    const auto& sum = report.summary;
    CHECK(sum.hats == 4);
    CHECK(sum.hats_ok.current == 1);
    CHECK(sum.hats_ok.trend == engine::Trend::same);
    CHECK(sum.hats_at_risk.current == 2);
    CHECK(*sum.hats_at_risk.previous == 3);
    CHECK(sum.hats_at_risk.assessment == engine::Assessment::better);
    CHECK(sum.hats_vacant.current == 1);
    CHECK(*sum.hats_vacant.previous == 0);
    CHECK(sum.hats_vacant.assessment == engine::Assessment::worse);
    CHECK(sum.commits.current == 5);
    CHECK(sum.commits.trend == engine::Trend::same);
    CHECK(sum.contributors.current == 2);
    CHECK(*sum.contributors.previous == 4);
    CHECK(sum.contributor_absence.current == 1);
    CHECK(*sum.contributor_absence.previous == 2);
    CHECK(sum.contributor_absence.assessment == engine::Assessment::worse);
    CHECK(sum.elephant.current == 1);
    CHECK(*sum.elephant.previous == 2);
    CHECK(sum.releases.current == 0);  // "v2" is not a version with two numbers
    CHECK(sum.high_risk.current == 0);
}

TEST_CASE("hat changes: became vacant, term ended, went quiet, new implicit holder", "[engine][cycle]") {
    const Scenario s;
    const auto report = s.report();
    CHECK(change_texts(hat(report, "sec")) ==
          std::vector<std::string>{"became-vacant: vacant (was single-point)",
                                   "holder-left: carol's term ended 2024-02-05",
                                   "new-implicit-holder: Dave Dee did 100% of its items (1 of 1) without holding it"});
    CHECK(change_texts(hat(report, "ci")) ==
          std::vector<std::string>{"status-changed: shadowed (was single-point)",
                                   "holder-went-quiet: bob: 1 item last cycle, none this cycle",
                                   "new-implicit-holder: Dave Dee did 100% of its items (2 of 2) without holding it"});
    CHECK(hat(report, "lead").changes.empty());
    CHECK(hat(report, "rel").changes.empty());
    const auto& sec = hat(report, "sec");
    REQUIRE(sec.former_holders.size() == 1);
    CHECK(*sec.former_holders[0].until == k_jan1 + 35 * k_day);
    CHECK(sec.previous_holders == std::vector<std::string>{"carol"});
    // rel: before, "release 1" and tag v1 (2 items); now "release 2" and tag v2.
    CHECK(hat(report, "rel").evidence.current == 2);
    CHECK(hat(report, "rel").evidence.trend == engine::Trend::same);
}

// Rows in load order: all risk none, then commitment (alice 0.2 = lead 0.1 + rel 0.1; bob
// 0.2 = rel + ci; carol 0 now that her term ended; dave 0), ties by key.
TEST_CASE("people carry their load trends - newcomers, leavers and releases are listed", "[engine][cycle]") {
    const Scenario s;
    const auto report = s.report();
    std::vector<std::string> keys;
    for (const auto& p : report.people) keys.push_back(p.key);
    CHECK(keys == std::vector<std::string>{"alice", "bob", "carol", "dave-dee"});
    const auto& carol = report.people[2];
    CHECK(carol.commitment.current == 0);
    CHECK(*carol.commitment.previous == Approx(0.1));
    CHECK(carol.commits.trend == engine::Trend::down);
    const auto& dave = report.people[3];
    CHECK(dave.commits.current == 3);
    CHECK(dave.commits.trend == engine::Trend::fresh);  // not on the roster, first commit day 30
    CHECK_FALSE(dave.previous_risk.has_value());
    REQUIRE(report.newcomers.size() == 1);
    CHECK(report.newcomers[0].key == "dave-dee");
    CHECK(report.newcomers[0].first_commit == at(30));
    std::vector<std::string> leavers;
    for (const auto& l : report.leavers) leavers.push_back(l.key);
    CHECK(leavers == std::vector<std::string>{"bob", "carol", "eve-old"});  // "Eve Old", discovered
    CHECK(report.leavers[0].hats == std::vector<std::string>{"rel", "ci"});
    CHECK(report.leavers[0].last_commit == at(2));
    CHECK(report.leavers[1].hats.empty());
    REQUIRE(report.releases.size() == 1);
    CHECK(report.releases[0].tag == "v2");
    CHECK(report.releases[0].by == "alice");
    CHECK_FALSE(report.releases[0].release);
}

// 28-day cycle from day 28 12:00:01: weeks [28.5, 35.5) dave 30, 31, alice 33 = 3;
// [35.5, 42.5) dave 40 = 1; [42.5, 49.5) none; [49.5, 56.5] alice 56 = 1.
TEST_CASE("commits per week start at the cycle's start", "[engine][cycle]") {
    const Scenario s;
    const auto report = s.report();
    std::vector<std::uint32_t> commits;
    for (const auto& w : report.weeks) commits.push_back(w.commits);
    CHECK(commits == std::vector<std::uint32_t>{3, 1, 0, 1});
    CHECK(report.weeks[1].begin == at(35, 12) + 1);
}

// Hats first (vacant, then shadowed), then per person (alice: only active holder of lead,
// which is single-point; bob's sole hat ci is shadowed, not single-point), then the elephant
// factor (example.net: dave's 3 of 5 = 60%), then the leaver who still holds hats (bob).
// No truck-factor ask: the in-memory history has no files at HEAD.
TEST_CASE("the asks follow from the findings, most urgent first", "[engine][cycle]") {
    const Scenario s;
    const auto report = s.report();
    std::vector<std::string> texts;
    for (const auto& ask : report.asks) texts.push_back(std::string(engine::to_string(ask.kind)) + ": " + ask.text);
    CHECK(texts ==
          std::vector<std::string>{
              "appoint: Appoint someone as sec: the hat is vacant since carol's term ended 2024-02-05; doing its "
              "work this cycle: Dave Dee (100%, 1 item)",
              "recognise-holder: Make Dave Dee a holder of ci or hand the work back: Dave Dee did 100% of its items this "
              "cycle without holding it",
              "find-backup: Find a backup for alice as lead",
              "diversify: Broaden the contributor base: example.net made 60% of this cycle's commits (elephant "
              "factor 1)",
              "update-roster: Ask bob whether they still hold rel, ci (no commit this cycle, last 2024-01-03) and "
              "update the roster"});
    CHECK(report.asks[0].people == std::vector<std::string>{"dave-dee"});
}

// With the default minimum of 5 items, dave's 1 item on sec and 2 on ci are too few: the
// vacant hat's ask names nobody to appoint, and nobody is asked to become a holder of ci.
TEST_CASE("the asks put nobody forward on thin evidence", "[engine][cycle][thin]") {
    Scenario s;
    s.roster.thresholds.min_evidence_items = 5;
    const auto report = s.report();
    std::vector<std::string> texts;
    for (const auto& ask : report.asks) texts.push_back(std::string(engine::to_string(ask.kind)) + ": " + ask.text);
    REQUIRE_FALSE(texts.empty());
    CHECK(texts.front() == "appoint: Appoint someone as sec: the hat is vacant since carol's term ended 2024-02-05; "
                           "too little evidence to suggest anyone (1 item of the 5 needed: Dave Dee (100%, 1 item))");
    CHECK(report.asks.front().people.empty());
    for (const auto& ask : report.asks) CHECK(ask.kind != engine::AskKind::recognise_holder);
    CHECK(change_texts(hat(report, "ci")).size() == 1);  // bob went quiet; no new implicit holder
}

// 2023-12-01..2024-01-15 is 46 days; the previous window, 2023-10-16 .. 2023-11-30, is before
// the first commit (day -10 = 2023-12-22). In the cycle: day -10 alice, day 2 bob, day 3
// carol, day 4 eve, day 5 alice = 5 commits.
TEST_CASE("without commits before the cycle every trend is new and nothing changed", "[engine][cycle]") {
    const Scenario s;
    const auto history = s.builder.build();
    const auto cycle = engine::resolve_cycle(history, "2023-12-01..2024-01-15", {});
    REQUIRE(cycle.has_value());
    const auto report = engine::build_cycle_report(history, s.roster, engine::RosterMode::roster, *cycle);
    REQUIRE(report.has_value());
    CHECK_FALSE(report->previous_exists);
    CHECK(report->summary.commits.current == 5);
    CHECK(report->summary.commits.trend == engine::Trend::fresh);
    CHECK(report->summary.truck_factor.trend == engine::Trend::fresh);
    for (const auto& h : report->hats) {
        CHECK_FALSE(h.previous_status.has_value());
        CHECK(h.changes.empty());
    }
    for (const auto& p : report->people) CHECK(p.commits.trend == engine::Trend::fresh);
    CHECK(report->leavers.empty());
    REQUIRE_FALSE(report->warnings.empty());
    CHECK(report->warnings.back() ==
          "no commit on or before 2023-11-30: there is no previous cycle to compare with, so every trend is 'new'");
}

// derive_asks on a hand-made report: an understaffed and a stale hat, one person at high
// risk (check in, not rebalance), one over-committed at low risk (rebalance), and a truck
// factor of 1 with two files.
TEST_CASE("asks for understaffed and stale hats, burnout, over-commitment and the truck factor", "[engine][cycle]") {
    engine::CycleReport report;
    engine::HatCycle release;
    release.hat = "release-liaison";
    release.title = "Release liaison";
    release.min = 2;
    release.status = engine::Status::understaffed;
    release.holders.push_back({0, "elod", std::nullopt, true, 1});
    release.contributors.push_back({0, "elod", "elod", 3, 0.75, true});
    release.contributors.push_back({1, "gibi", "gibi", 1, 0.25, false});
    engine::HatCycle docs;
    docs.hat = "docs-liaison";
    docs.title = "Docs liaison";
    docs.status = engine::Status::stale;
    docs.holders.push_back({2, "stephen", k_jan1, false, 0});
    report.hats = {release, docs};
    engine::PersonCycle gibi;
    gibi.key = "gibi";
    gibi.risk = engine::RiskLevel::high;
    gibi.load.signals.over_committed = true;
    gibi.load.signals.many_hats = true;
    gibi.load.signals.long_streak = true;
    gibi.commitment = engine::make_figure(1.3, 1.3, engine::Polarity::neutral, engine::Scale::ratio);
    engine::PersonCycle elod;
    elod.key = "elod";
    elod.risk = engine::RiskLevel::low;
    elod.load.signals.over_committed = true;
    elod.hats = {"release-liaison"};
    elod.commitment = engine::make_figure(1.2, std::nullopt, engine::Polarity::neutral, engine::Scale::ratio);
    report.people = {gibi, elod};
    report.truck_factor.truck_factor = 1;
    report.truck_factor.files = 2;
    report.truck_factor.people.push_back({"gibi", "gibi", 2, 5});
    report.summary.truck_factor = engine::make_figure(1, 1, engine::Polarity::higher_is_better);
    std::vector<std::string> texts;
    for (const auto& ask : engine::derive_asks(report, {})) texts.push_back(ask.text);
    CHECK(texts == std::vector<std::string>{
                       "Find 1 more holder for release liaison (1 of 2 needed); doing its work this cycle: gibi (25%, 1 item)",
                       "Confirm or replace stephen (last active 2024-01-01) as docs liaison; nobody did its work this "
                       "cycle",
                       "Check in with gibi and lighten their load: high burnout risk (long-streak, over-committed, "
                       "many-hats); commitment 1.30",
                       "Rebalance elod's hats: commitment 1.20 is above their capacity",
                       "Spread knowledge of the code: truck factor 1 (gibi authors 2 of 2 source files)"});
}
