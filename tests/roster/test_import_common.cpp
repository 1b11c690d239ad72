// What the importers share: kinds, seats, vacancies, unreadable files.
#include <catch2/catch.hpp>

#include "roster/import_support.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

// A program roster: nova has a PTL who falls back to release and security; glance's PTL seat
// is explicitly vacant, so its release and security liaisons fall back to nobody; docs has a
// former holder only; bug-liaison is never mentioned (unlisted).
const char* const k_program = R"(catalogs: [openstack]
projects:
  nova:
    hats:
      ptl: {holders: [gibi]}
      docs-liaison: {holders: [gibi, elod]}
  glance:
    hats:
      ptl: {holders: []}
      release-liaison: {holders: [elod]}
      qa-liaison:
        holders:
          - {person: gibi, until: 2020-01-31}
people:
  gibi: {name: Balazs Gibizer, emails: [gibi@example.com]}
  elod: {name: Elod Illes, emails: [elod@example.net]}
)";

}  // namespace

TEST_CASE("import kinds are named as the CLI spells them", "[roster][import]") {
    CHECK(std::vector<std::string>(import_kind_names().begin(), import_kind_names().end()) ==
          Keys{"openstack", "kubernetes", "maintainers", "codeowners", "owners"});
    CHECK(parse_import_kind("maintainers") == std::optional<ImportKind>(ImportKind::maintainers));
    CHECK_FALSE(parse_import_kind("MAINTAINERS").has_value());
    CHECK(import_kind_name(ImportKind::codeowners) == "codeowners");
}

TEST_CASE("seats count listed current holders, not fallbacks or former holders", "[roster][import]") {
    const auto seats = seats_by_person(loaded(k_program));
    // gibi: nova ptl + nova docs = 2 hats in 1 project (the fallbacks to release and security
    // are not seats; the qa term ended). elod: nova docs + glance release = 2 hats in 2 projects.
    REQUIRE(seats.size() == 2);
    CHECK(seats[0].person == "elod");
    CHECK((seats[0].hats == 2 && seats[0].projects == 2));
    CHECK(seats[1].person == "gibi");
    CHECK((seats[1].hats == 2 && seats[1].projects == 1));
}

TEST_CASE("vacant hats are required hats with no current holder that the roster speaks to",
          "[roster][import]") {
    const auto roster = loaded(k_program);
    // 2025-01-01: gibi's qa term has ended, but qa-liaison is optional.
    const auto vacancies = vacant_hats(roster, 1735689600);
    CHECK(vacancy_names(vacancies) == Keys{"glance/ptl", "glance/security-liaison"});
    CHECK(vacancies[0].reason == "no holder");
    CHECK(vacancies[1].reason == "falls back to vacant 'ptl'");
}

TEST_CASE("an unreadable file is an input error naming it", "[roster][import]") {
    use_source_catalogs();
    const auto result = import_roster_file(ImportKind::openstack, "/nonexistent/projects.yaml");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().kind == roles::util::ErrorKind::input);
    CHECK(result.error().context == "reading '/nonexistent/projects.yaml'");
}
