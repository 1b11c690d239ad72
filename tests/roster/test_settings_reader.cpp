// Roster settings: thresholds overrides and their validation.
#include <catch2/catch.hpp>

#include "roster/roster_support.hpp"

using namespace roles::roster;
using roles::roster::test::loaded;
using roles::roster::test::problems;
using Lines = std::vector<std::string>;

TEST_CASE("thresholds override the documented defaults (docs/formulas.md) one by one", "[roster]") {
    const auto roster = loaded(R"(thresholds:
  after_hours_ratio: 2
  after_hours_min_commits: 10
  recent_days: 60
  baseline_days: 180
  long_streak_days: 14
  rising_load_ratio: 1.25
  rising_load_min_days: 5
  commitment_max: 1.2
  many_hats: 4
  sole_holder_hats: 3
  single_point_backup_share: 0.2
  shadowed_share: 0.4
)");
    const auto& t = roster.thresholds;
    CHECK(t.after_hours_ratio == Approx(2.0));
    CHECK(t.after_hours_min_commits == 10);
    CHECK(t.recent_days == 60);
    CHECK(t.baseline_days == 180);
    CHECK(t.long_streak_days == 14);
    CHECK(t.rising_load_ratio == Approx(1.25));
    CHECK(t.rising_load_min_days == 5);
    CHECK(t.commitment_max == Approx(1.2));
    CHECK(t.many_hats == 4);
    CHECK(t.sole_holder_hats == 3);
    CHECK(t.single_point_backup_share == Approx(0.2));
    CHECK(t.shadowed_share == Approx(0.4));
}

TEST_CASE("thresholds not given keep their defaults", "[roster]") {
    const auto roster = loaded("thresholds:\n  many_hats: 5\n");
    CHECK(roster.thresholds.many_hats == 5);
    CHECK(roster.thresholds.after_hours_ratio == Approx(1.5));
    CHECK(roster.thresholds.long_streak_days == 21);
    CHECK(roster.thresholds.shadowed_share == Approx(0.5));
}

TEST_CASE("bad thresholds: unknown names, wrong types, out of range", "[roster]") {
    const std::string yaml = R"(thresholds:
  many_hat: 4
  long_streak_days: 2.5
  shadowed_share: 1.5
  after_hours_ratio: 0
  recent_days: 0
)";
    // Line 3: 2 + "long_streak_days: " (18) -> c20.  Line 4: 2 + "shadowed_share: " (16) -> c18.
    // Line 5: 2 + "after_hours_ratio: " (19) -> c21.  Line 6: 2 + "recent_days: " (13) -> c15.
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:2:3: unknown key 'many_hat' in 'thresholds' (did you mean 'many_hats'?)",
              "r.yaml:3:21: expected a whole number for 'long_streak_days', got '2.5'",
              "r.yaml:4:19: 'shadowed_share' must be at least 0 and at most 1, got '1.5'",
              "r.yaml:5:22: 'after_hours_ratio' must be more than 0, got '0'",
              "r.yaml:6:16: 'recent_days' must be at least 1, got '0'",
          });
}

TEST_CASE("min_evidence_items defaults to 5, is overridable and must be a whole number of at least 1", "[roster]") {
    CHECK(loaded("thresholds:\n  many_hats: 5\n").thresholds.min_evidence_items == 5);
    CHECK(loaded("thresholds:\n  min_evidence_items: 12\n").thresholds.min_evidence_items == 12);
    // 2 + "min_evidence_items: " (20) -> column 23.
    CHECK(problems("thresholds:\n  min_evidence_items: 0\n") ==
          Lines{"r.yaml:2:23: 'min_evidence_items' must be at least 1, got '0'"});
}

TEST_CASE("bot patterns cannot be empty", "[roster]") {
    // "bots: [zuul@*, " is 15 characters: the empty string starts at column 16.
    CHECK(problems("bots: [zuul@*, '']\n") == Lines{"r.yaml:1:16: a bot pattern cannot be empty"});
}
