// A person's `checkins:`: read, sorted by date, and every mistake reported at its position.
#include <catch2/catch.hpp>

#include "roster/roster_support.hpp"

using roles::roster::CheckinAnswer;
using roles::roster::test::loaded;
using roles::roster::test::problems;
using Lines = std::vector<std::string>;

TEST_CASE("check-ins are read oldest first, with their notes", "[roster][checkin]") {
    const auto roster = loaded(R"(hats:
  lead: {holders: [gibi]}
people:
  gibi:
    emails: [g@example.com]
    checkins:
      - {date: 2025-06-30, answer: too-much, note: "two hats too many"}
      - {date: 2025-03-31, answer: just-right}
thresholds: {checkin_goal: 0.75}
)");
    const auto& checkins = roster.people.at("gibi").checkins;
    REQUIRE(checkins.size() == 2);
    // 2025-03-31 is day 20178 since 1970-01-01 (55 years with 14 leap days = 20089, + 89 days of 2025).
    CHECK(checkins[0].date.days == 20178);
    CHECK(checkins[0].answer == CheckinAnswer::just_right);
    CHECK_FALSE(checkins[0].note.has_value());
    CHECK(checkins[1].date.days == 20178 + 91);
    CHECK(checkins[1].answer == CheckinAnswer::too_much);
    CHECK(checkins[1].note == "two hats too many");
    CHECK(checkins[1].pos.line == 7);
    CHECK(roster.thresholds.checkin_goal == 0.75);
    CHECK(roles::roster::to_string(CheckinAnswer::dont_know) == "dont-know");
}

TEST_CASE("check-in mistakes are reported at FILE:LINE:COL", "[roster][checkin]") {
    const std::string yaml = R"(people:
  gibi:
    emails: [g@example.com]
    checkins:
      - {date: 2025-06-31, answer: too-much}
      - {date: 2025-07-01, answer: too_much}
      - {answer: dont-know}
      - just-right
      - {date: 2025-07-01, answer: just-right, mood: fine}
      - {date: 2025-07-01, answer: too-much}
  ben:
    emails: [b@example.com]
    checkins: yes
thresholds: {checkin_goal: 1.5}
)";
    // Items start at column 9 ("      - " is 8). Line 5: "{date: " puts the value at 16. Line 6:
    // "{date: 2025-07-01, answer: " puts it at 36. Line 9: "mood" at 48. Line 13: "    checkins: "
    // puts the value at 15. Line 14: "thresholds: {checkin_goal: " puts 1.5 at 28.
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:5:16: invalid date '2025-06-31' for 'date' (expected a real calendar date as YYYY-MM-DD)",
              "r.yaml:6:36: invalid answer 'too_much' (expected not-enough, just-right, too-much or dont-know) "
              "(did you mean 'too-much'?)",
              "r.yaml:7:9: a check-in of 'gibi' needs a 'date'",
              "r.yaml:8:9: expected a map with 'date' and 'answer' for a check-in of 'gibi', got 'just-right'",
              "r.yaml:9:48: unknown key 'mood' in a check-in of 'gibi' (expected one of: date, answer, note)",
              "r.yaml:10:9: two check-ins of 'gibi' on the same day",
              "r.yaml:13:15: expected a list of check-ins for 'checkins', got 'yes'",
              "r.yaml:14:28: 'checkin_goal' must be at least 0 and at most 1, got '1.5'",
          });
}
