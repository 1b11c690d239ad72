#include <catch2/catch.hpp>

#include "roles/roster/loader.hpp"

using roles::roster::parse_date;
using roles::roster::parse_duration;

TEST_CASE("parse_duration converts each unit to days", "[roster]") {
    CHECK(parse_duration("90d")->days == 90);
    CHECK(parse_duration("12w")->days == 84);  // 12 * 7
    CHECK(parse_duration("6m")->days == 180);  // 6 * 30
    CHECK(parse_duration("1y")->days == 365);
    CHECK(parse_duration("2y")->days == 730);  // 2 * 365
    CHECK(parse_duration("1d")->seconds() == 86400);
}

TEST_CASE("parse_duration rejects anything but a positive whole number and a unit", "[roster]") {
    for (const char* text : {"", "d", "90", "0d", "-5d", "+5d", "1.5w", "5 d", " 5d", "5D", "5x", "d5", "5dd",
                             "99999999999999999999d"}) {
        INFO(text);
        CHECK_FALSE(parse_duration(text).has_value());
    }
}

TEST_CASE("parse_date counts days since 1970-01-01", "[roster]") {
    CHECK(parse_date("1970-01-01")->days == 0);
    CHECK(parse_date("1970-01-02")->days == 1);
    CHECK(parse_date("1970-02-01")->days == 31);
    // 30 years of which 7 leap (1972..1996) = 10957 days to 2000-01-01, then 31 + 29 days
    // (2000 is a leap year) = 11017.
    CHECK(parse_date("2000-03-01")->days == 11017);
    CHECK(parse_date("1969-12-31")->days == -1);
    CHECK(parse_date("1970-01-02")->seconds() == 86400);
}

TEST_CASE("parse_date accepts only real calendar dates written YYYY-MM-DD", "[roster]") {
    CHECK(parse_date("2024-02-29").has_value());  // leap year
    for (const char* text : {"2025-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10",
                             "2025-01-00", "2025-1-01", "2025-01-1", "20250101", "2025/01/01", "2025-01-01x",
                             " 2025-01-01", "", "yesterday", "2025-0a-01"}) {
        INFO(text);
        CHECK_FALSE(parse_date(text).has_value());
    }
}

TEST_CASE("dates and durations order by their day counts", "[roster]") {
    CHECK(*parse_date("2025-03-01") < *parse_date("2025-09-30"));
    CHECK(*parse_duration("12w") < *parse_duration("90d"));  // 84 < 90
}
