// write_roster: what it writes, and that every roster reads back the same.
#include <catch2/catch.hpp>

#include "roster/import_support.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

// Every feature of the roster format that a roster keeps.
const char* const k_plain = R"(project: nova-mini
catalogs: [openstack]
window: 180d
stale_after: 60d
bots: ["zuul@*", "*[bot]@*"]
thresholds:
  after_hours_ratio: 2
  long_streak_days: 14
hats:
  release-liaison: {holders: [elod, gibi], min: 2}
  security-liaison: {holders: []}
  docs-liaison:
    title: Docs and API reference liaison
    required: true
    effort: 0.15
    area: ["doc/**"]
    evidence: {}
  stable-liaison:
    holders:
      - {person: sylvain, since: 2024-01-01, until: 2025-06-30}
      - gibi
  placement-liaison:
    title: Placement liaison
    description: Keeps the placement client working.
    min: 2
    required: false
    effort: 0.05
    area: ["nova/scheduler/client/**"]
    evidence:
      paths: ["nova/scheduler/client/**"]
      message: ['\bplacement\b']
      trailers: [Closes-Bug]
      credit_trailers: [Reviewed-by]
      tags: true
    fallback_for: [qa-liaison]
people:
  gibi:
    name: Balazs Gibizer
    emails: [gibi@example.com, balazs.gibizer@example.org]
    aliases: [gibi]
    logins: [gibizer]
    affiliation: Example Corp
    capacity: 0.8
    timezone: Europe/Budapest
  elod: {name: Előd Illés, emails: [elod@example.net]}
  sylvain: {name: Sylvain Bauza, emails: [sbauza@example.org]}
  "null": {name: "yes", emails: ["null@example.org"]}
)";

const char* const k_program = R"(catalogs: [openstack]
projects:
  nova:
    repos: [../nova, ../python-novaclient]
    hats:
      ptl: {holders: [gibi]}
  oslo:
    catalogs: [openstack-dpl]
    hats:
      release-liaison: {holders: [gibi]}
      tc-liaison: {holders: []}
  "3C59X NETWORK DRIVER: *odd*":
    catalogs: [maintainers, generic]
people:
  gibi: {name: Balazs Gibizer, emails: [gibi@example.com]}
)";

std::string written(const Roster& roster) {
    use_source_catalogs();
    const auto text = write_roster(roster);
    REQUIRE(text.has_value());
    return *text;
}

}  // namespace

TEST_CASE("writer: a plain roster with every feature reads back the same", "[roster][writer]") {
    const auto original = loaded(k_plain);
    check_equivalent(original, round_trip(original));
}

TEST_CASE("writer: a program roster with per-project catalogs and repos reads back the same", "[roster][writer]") {
    const auto original = loaded(k_program);
    const auto back = round_trip(original);
    check_equivalent(original, back);
    CHECK(back.projects[2].name == "3C59X NETWORK DRIVER: *odd*");
}

TEST_CASE("writer: catalog hats are written as overrides of what differs only", "[roster][writer]") {
    const auto text = written(loaded(k_plain));
    // release-liaison differs from the catalog in min and has holders; tact-sig-liaison is
    // untouched and so not written at all; a fallback is never written.
    CHECK(text.find("  release-liaison:\n    min: 2\n    holders: [elod, gibi]\n") != std::string::npos);
    CHECK(text.find("tact-sig-liaison") == std::string::npos);
    CHECK(text.find("bug-liaison") == std::string::npos);
    // Numbers in their shortest exact form.
    CHECK(text.find("effort: 0.15\n") != std::string::npos);
    CHECK(text.find("capacity: 0.8\n") != std::string::npos);
    // Text is UTF-8 as written, and YAML's special words are quoted where they are text.
    CHECK(text.find("name: Előd Illés") != std::string::npos);
    CHECK(text.find("\"null\":") != std::string::npos);
}

TEST_CASE("writer: a program project names its catalogs only when they differ", "[roster][writer]") {
    const auto text = written(loaded(k_program));
    CHECK(text.find("catalogs: [openstack]\nprojects:\n  nova:\n    repos:") != std::string::npos);
    CHECK(text.find("  oslo:\n    catalogs: [openstack-dpl]\n") != std::string::npos);
}

TEST_CASE("writer: comments go at the top", "[roster][writer]") {
    use_source_catalogs();
    WriteOptions options;
    options.comments = {"Imported with: roles import", ""};
    const auto text = write_roster(loaded(k_program), options);
    REQUIRE(text.has_value());
    CHECK(text->starts_with("# Imported with: roles import\n#\ncatalogs:"));
}

TEST_CASE("writer: line comments follow their value, and capacity 1.0 can be written", "[roster][writer]") {
    use_source_catalogs();
    const auto original = loaded(k_plain);
    WriteOptions options;
    options.line_comments = {{"hats/release-liaison/holders", "elod 3 of 4 items (75%)"},
                             {"people/elod/capacity", "a placeholder"},
                             {"hats/no-such-hat/holders", "never written"}};
    options.capacity = CapacityOutput::always;
    const auto text = write_roster(original, options);
    REQUIRE(text.has_value());
    CHECK(text->find("    holders: [elod, gibi]  # elod 3 of 4 items (75%)\n") != std::string::npos);
    CHECK(text->find("capacity: 1.0  # a placeholder\n") != std::string::npos);
    CHECK(text->find("never written") == std::string::npos);
    // gibi's 0.8 is written as before, with no comment.
    CHECK(text->find("capacity: 0.8\n") != std::string::npos);
    auto back = parse_roster(*text, "ROLES.yaml");
    REQUIRE(back.has_value());
    check_equivalent(original, *back);
}

TEST_CASE("writer: an unknown catalog fails instead of writing a roster that cannot load", "[roster][writer]") {
    auto roster = loaded(k_program);
    roster.catalogs = {"no-such-catalog"};
    use_source_catalogs();
    const auto text = write_roster(roster);
    REQUIRE_FALSE(text.has_value());
    CHECK(text.error().message().find("no-such-catalog") != std::string::npos);
}

TEST_CASE("writer: every sample import reads back the same", "[roster][writer][data]") {
    const std::vector<std::pair<ImportKind, std::string>> samples{
        {ImportKind::openstack, "openstack-governance-projects-2022-05-dc8ddc80.yaml"},
        {ImportKind::kubernetes, "kubernetes-community-sigs.yaml"},
        {ImportKind::codeowners, "rust-lang-team-.github-CODEOWNERS"},
    };
    for (const auto& [kind, file] : samples) {
        INFO(file);
        const auto result = imported_file(kind, data_file(file));
        check_equivalent(result.roster, round_trip(result.roster));
    }
    // One team, as a plain roster.
    const auto nova = imported_file(ImportKind::openstack, data_file("openstack-governance-projects-2022-05-dc8ddc80.yaml"),
                                    ImportOptions{"nova"});
    check_equivalent(nova.roster, round_trip(nova.roster));
}

TEST_CASE("writer: the MAINTAINERS import reads back the same", "[roster][writer][data][slow]") {
    const auto result = imported_file(ImportKind::maintainers, data_file("linux-6.12.117-MAINTAINERS"));
    check_equivalent(result.roster, round_trip(result.roster));
}
