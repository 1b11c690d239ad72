// The load text renderer: the people table, the signal wording, quiet mode and --person.
#include <catch2/catch.hpp>

#include <string>

#include "roles/report/load.hpp"

using namespace roles;

namespace {

// ann: 4 signals (after-hours, over-committed, many-hats, sole-holder), so high risk.
engine::PersonLoadRow ann() {
    engine::PersonLoadRow row;
    row.key = "ann";
    row.name = "Ann Example";
    row.on_roster = true;
    row.affiliation = "Acme";
    row.capacity = 0.8;
    row.hats = {"ptl", "release", "docs"};
    row.sole_hats = {"ptl", "release"};
    row.effort = 1.0;
    row.commitment = 1.25;
    row.commit_share = 8.0 / 12.0;
    auto& p = row.load.profile;
    p.commits = 8;
    p.active_days = 6;
    p.by_hour[9] = 4;
    p.by_hour[22] = 2;
    p.by_weekday[0] = 6;
    p.longest_streak = {3, roster::Date{20000}, roster::Date{20002}};
    auto& s = row.load.signals;
    s.after_hours = {true, true, 100, 45, 100, 20};
    s.weekend = {false, true, 100, 5, 100, 5};
    s.rising_load = {false, 6, 5};
    s.over_committed = true;
    s.many_hats = true;
    s.sole_holder = true;
    s.hat_load = {3, 2, 1.25};
    row.risk = engine::RiskLevel::high;
    row.evidence = {{"ptl", true, true, 0.5, 3, 4, 0.75, 1733011200},
                    {"docs", true, false, 0.1, 0, 2, 0.0, std::nullopt}};
    return row;
}

engine::PersonLoadRow bo() {
    engine::PersonLoadRow row;
    row.key = "bo";
    row.name = "Bo";
    row.on_roster = true;
    row.hats = {"review"};
    row.effort = 0.1;
    row.commitment = 0.1;
    row.commit_share = 4.0 / 12.0;
    row.load.profile.commits = 4;
    row.load.profile.active_days = 4;
    row.load.signals.hat_load = {1, 0, 0.1};
    return row;
}

engine::LoadResult sample() {
    engine::LoadResult result;
    result.project = "demo";
    result.roster_file = "ROLES.yaml";
    result.window = {1704067200, 1735603200};  // 2024-01-01 .. 2024-12-31
    result.head_id = "0123456789abcdef0123456789abcdef01234567";
    result.commits = 12;
    result.people = {ann(), bo()};
    return result;
}

}  // namespace

TEST_CASE("signal figures read as the tables show them", "[report][load]") {
    engine::BurnoutSignals s;
    s.after_hours = {true, true, 20, 9, 40, 8};  // 9/20 = 45% vs 8/40 = 20%
    s.weekend = {true, true, 20, 6, 40, 4};      // 30% vs 10%
    s.rising_load = {true, 30, 12};
    s.hat_load = {4, 2, 1.25};
    engine::TimeProfile profile;
    profile.longest_streak.days = 24;
    using engine::Signal;
    CHECK(report::signal_brief(s, profile, Signal::after_hours) == "after-hours 45% vs 20%");
    CHECK(report::signal_brief(s, profile, Signal::weekend) == "weekend 30% vs 10%");
    CHECK(report::signal_brief(s, profile, Signal::long_streak) == "long-streak 24d");
    CHECK(report::signal_brief(s, profile, Signal::rising_load) == "rising-load 30d vs 12d");
    CHECK(report::signal_brief(s, profile, Signal::over_committed) == "over-committed 1.25");
    CHECK(report::signal_brief(s, profile, Signal::many_hats) == "many-hats 4");
    CHECK(report::signal_brief(s, profile, Signal::sole_holder) == "sole-holder 2");
    CHECK(report::signals_brief(engine::PersonLoad{}) == "-");
}

// Column widths: PERSON 6, NAME 11 ("Ann Example"), RISK 4, COMMITMENT 10, EFFORT 6, CAPACITY 8, HATS 20
// ("ptl*, release*, docs"), COMMITS 7, ACTIVE DAYS 11, SHARE 5; two spaces between columns.
// Shares: 8/12 = 67%, 4/12 = 33%.
TEST_CASE("the load text has a header, one aligned row per person and the thresholds", "[report][load]") {
    const auto result = sample();
    const auto text = report::render_load_text({result}, report::Color::off);
    const std::string expected_start =
        "roles load: demo (roster ROLES.yaml)\n"
        "window 2024-01-01 .. 2024-12-31, HEAD 0123456789ab\n"
        "12 commits in the window; 2 people\n"
        "\n"
        "PERSON  NAME         RISK  COMMITMENT  EFFORT  CAPACITY  HATS                  COMMITS  ACTIVE DAYS  "
        "SHARE  SIGNALS\n"
        "ann     Ann Example  high  1.25        1.00    0.80      ptl*, release*, docs  8        6            "
        "67%    after-hours 45% vs 20%, over-committed 1.25, many-hats 3, sole-holder 2\n"
        "bo      Bo           none  0.10        0.10    1.00      review                4        4            "
        "33%    -\n"
        "\n"
        "* sole active holder of the hat\n";
    CHECK(text.substr(0, expected_start.size()) == expected_start);
    CHECK(text.find("over-committed > 1.00; many-hats >= 3; sole-holder of >= 2 hats") != std::string::npos);
}

TEST_CASE("the thresholds line shows the roster's thresholds", "[report][load]") {
    auto result = sample();
    result.thresholds.many_hats = 5;
    result.thresholds.long_streak_days = 14;
    const auto text = report::render_load_text({result}, report::Color::off);
    CHECK(text.find("many-hats >= 5") != std::string::npos);
    CHECK(text.find("long-streak >= 14 days in a row") != std::string::npos);
}

TEST_CASE("quiet load text keeps only people with a signal", "[report][load]") {
    const auto result = sample();
    const auto text = report::render_load_text({result, nullptr, report::Detail::quiet}, report::Color::off);
    CHECK(text.starts_with("PERSON  NAME"));
    CHECK(text.find("\nann ") != std::string::npos);
    CHECK(text.find("\nbo ") == std::string::npos);
    auto calm = sample();
    calm.people = {bo()};
    CHECK(report::render_load_text({calm, nullptr, report::Detail::quiet}, report::Color::off) ==
          "nobody shows a burnout signal\n");
}

TEST_CASE("load --person shows the figures, histograms and evidence of one person", "[report][load]") {
    const auto result = sample();
    const auto text = report::render_load_text({result, &result.people[0]}, report::Color::off);
    CHECK(text.find("person: ann (Ann Example, Acme)\n") != std::string::npos);
    CHECK(text.find("risk: high (after-hours, over-committed, many-hats, sole-holder)\n") !=
          std::string::npos);
    CHECK(text.find(
              "hats: ptl (sole), release (sole), docs; effort 1.00 / capacity 0.80 = commitment 1.25\n") !=
          std::string::npos);
    CHECK(
        text.find("activity: 8 commits in the window (67% of 12), 6 active days, longest streak 3 days\n") !=
        std::string::npos);
    // SIGNAL column is 14 wide ("over-committed"), ON 3.
    CHECK(text.find(
              "after-hours     yes  last 90d: 45 of 100 commits after hours (45%); 365d before: 20 of 100 "
              "(20%); flags at >= 1.5x with >= 20 commits in each\n") != std::string::npos);
    // Day 20000 is 2024-10-04, day 20002 is 2024-10-06.
    CHECK(
        text.find(
            "long-streak     no   longest run 3 active days (2024-10-04 .. 2024-10-06); flags at >= 21\n") !=
        std::string::npos);
    // Histogram: LOCAL HOUR 10 wide, COMMITS 7; the busiest hour (4) gets 40 marks, 2 gets 20.
    CHECK(text.find("\n09          4        " + std::string(40, '#') + "\n") != std::string::npos);
    CHECK(text.find("\n22          2        " + std::string(20, '#') + "\n") != std::string::npos);
    CHECK(text.find("\n23          0\n") != std::string::npos);
    CHECK(text.find("\nMon      6        " + std::string(40, '#') + "\n") != std::string::npos);
    // Evidence: HAT 4 wide ("docs"), HELD 4, EFFORT 6, EVIDENCE 8, SHARE 5; 1733011200 = 2024-12-01.
    CHECK(text.find("\nptl   sole  0.50    3 of 4    75%    2024-12-01\n") != std::string::npos);
    CHECK(text.find("\ndocs  yes   0.10    0 of 2    0%     -\n") != std::string::npos);
    CHECK(text.find("\nbo ") == std::string::npos);
}

TEST_CASE("load text colours the risk only when asked", "[report][load]") {
    const auto result = sample();
    CHECK(report::render_load_text({result}, report::Color::off).find('\x1b') == std::string::npos);
    CHECK(report::render_load_text({result}, report::Color::on).find('\x1b') != std::string::npos);
}

// Column widths of the activity table: PERSON 6, AUTHORED 8, COMMITTED 9, SIGNED-OFF 10,
// REVIEWED 8, ACKED 5, TAGGED 6, GERRIT-REVIEW 13, LAST ACTIVE 23 ("2024-12-01 (signed-off)").
TEST_CASE("the load text shows each kind of activity in its own column", "[report][load][activity]") {
    auto result = sample();
    result.people[0].activity = {8, 3, 2, 1, 0, 1, 4};
    result.people[0].last_activity = engine::LastActivity{1733011200, roster::ActivityKind::signed_off};
    const auto text = report::render_load_text({result}, report::Color::off);
    const std::string expected =
        "Activity in the window by kind (see README, \"Activity\"):\n"
        "PERSON  AUTHORED  COMMITTED  SIGNED-OFF  REVIEWED  ACKED  TAGGED  GERRIT-REVIEW  LAST ACTIVE\n"
        "ann     8         3          2           1         0      1       4              2024-12-01 (signed-off)\n"
        "bo      0         0          0           0         0      0       0              never\n";
    CHECK(text.find(expected) != std::string::npos);
    report::LoadView person{result};
    person.person = &result.people[0];
    CHECK(report::render_load_text(person, report::Color::off)
              .find("activity by kind in the window: authored 8, committed 3, signed-off 2, reviewed 1, acked 0, "
                    "tagged 1, gerrit-review 4; last active 2024-12-01 (signed-off)\n") != std::string::npos);
}
