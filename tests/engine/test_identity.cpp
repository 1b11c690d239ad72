// Resolving identities to people: roster emails, names across spellings, bots.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/identity.hpp"

using namespace roles;

TEST_CASE("roster emails match case-insensitively", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("G. Gibizer", "Gibi@Example.com");
    const auto roster = test::make_roster({test::person("gibi", "Balazs Gibizer", "gibi@example.com")}, {});
    const auto resolution = engine::resolve_identities(builder.build(), roster);
    REQUIRE(resolution.person_of_identity.size() == 1);
    CHECK(resolution.person_of_identity[0] == resolution.find("gibi"));
}

TEST_CASE("spellings of one name merge into one person", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("Előd Illés", "elod@work.example");
    builder.identity("Elod Illes", "elod.illes@home.example");
    builder.identity("ELOD  ILLES", "other@x.example");
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    REQUIRE(resolution.people.size() == 1);
    CHECK(resolution.people[0].key == "elod");
    CHECK(resolution.people[0].emails.size() == 3);
    CHECK_FALSE(resolution.people[0].on_roster);
}

TEST_CASE("a roster name or alias matches history without an email", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("Jens Harbott", "frickler@personal.example");
    auto jens = test::person("frickler", "Dr. Jens Harbott", "jens@work.example");
    jens.aliases = {"Jens Harbott"};
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({jens}, {}));
    CHECK(resolution.person_of_identity[0] == resolution.find("frickler"));
}

TEST_CASE("bots resolve to nobody", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");
    builder.identity("Zuul", "zuul@review.opendev.org");
    builder.identity("Release Robot", "robot@ci.example");
    builder.identity("Human", "human@example.com");
    auto roster = test::make_roster({}, {});
    roster.bots = {"robot@*"};
    const auto resolution = engine::resolve_identities(builder.build(), roster);
    CHECK_FALSE(resolution.person_of_identity[0].has_value());
    CHECK_FALSE(resolution.person_of_identity[1].has_value());
    CHECK_FALSE(resolution.person_of_identity[2].has_value());
    CHECK(resolution.person_of_identity[3].has_value());
}

TEST_CASE("bot globs treat brackets literally", "[engine][identity]") {
    // fnmatch would read "[bot]" as one of b, o, t; the glob means the text "[bot]".
    CHECK(engine::is_bot({"x", "renovate[bot]@users.noreply.github.com"}, {"*[bot]@*"}));
    CHECK_FALSE(engine::is_bot({"x", "robot@example.com"}, {"*[bot]@*"}));
}

TEST_CASE("discovered people get unique keys from their email", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("John Smith", "john@a.example");
    builder.identity("John Doe", "john@b.example");
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    REQUIRE(resolution.people.size() == 2);
    CHECK(resolution.people[0].key == "john");
    CHECK(resolution.people[1].key == "john-2");
}
