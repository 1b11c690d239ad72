// Projects built from catalogs and a roster's hats: overrides, project hats, holders with
// terms, fallbacks, program rosters.
#include <catch2/catch.hpp>

#include "roster/roster_support.hpp"

using namespace roles::roster;
using roles::roster::test::hat;
using roles::roster::test::holder_keys;
using roles::roster::test::loaded;
using Lines = std::vector<std::string>;

namespace {

const std::string k_people = R"(people:
  gibi: {name: Balazs Gibizer, emails: [gibi@example.com], capacity: 0.8}
  elod: {name: Előd Illés, emails: [elod@example.net]}
)";

}  // namespace

TEST_CASE("a plain roster yields one project with every catalog hat in catalog order", "[roster]") {
    const auto roster = loaded("project: nova\ncatalogs: [openstack]\n" + k_people);
    CHECK_FALSE(roster.program);
    CHECK(roster.project == "nova");
    CHECK(roster.catalogs == Lines{"openstack"});
    REQUIRE(roster.projects.size() == 1);
    CHECK(roster.projects[0].name == "nova");
    Lines ids;
    for (const auto& h : roster.hats()) ids.push_back(h.def.id);
    CHECK(ids == Lines{"ptl", "release-liaison", "bug-liaison", "tact-sig-liaison", "security-liaison",
                       "docs-liaison", "stable-liaison", "oslo-liaison", "i18n-liaison", "qa-liaison"});
    CHECK(hat(roster.projects[0], "ptl").def.catalog == "openstack");
    CHECK(hat(roster.projects[0], "ptl").def.effort == Approx(0.5));
}

TEST_CASE("without catalogs the generic catalog is used and the project is named after the directory",
          "[roster]") {
    const auto roster = loaded(k_people, "some/where/myproject/ROLES.yaml");
    CHECK(roster.catalogs == Lines{"generic"});
    CHECK(roster.project == "myproject");
    CHECK(hat(roster.projects[0], "lead").def.title == "Project lead");
    CHECK(roster.people.at("gibi").capacity == Approx(0.8));
    CHECK(roster.people.at("elod").name == "Előd Illés");
}

TEST_CASE("people keep every field the roster gives", "[roster]") {
    const auto roster = loaded(R"(people:
  gibi:
    name: Balazs Gibizer
    emails: [gibi@example.com, balazs.gibizer@example.org]
    aliases: [Balázs Gibizer, gibi]
    logins: [gibizer]
    affiliation: Example Corp
    capacity: 0.5
    timezone: Europe/Budapest
)");
    const auto& gibi = roster.people.at("gibi");
    CHECK(gibi.key == "gibi");
    CHECK(gibi.emails == Lines{"gibi@example.com", "balazs.gibizer@example.org"});
    CHECK(gibi.aliases == Lines{"Balázs Gibizer", "gibi"});
    CHECK(gibi.logins == Lines{"gibizer"});
    CHECK(gibi.affiliation == "Example Corp");
    CHECK(gibi.capacity == Approx(0.5));
    CHECK(gibi.timezone == "Europe/Budapest");
    CHECK(gibi.pos.line == 2);
    CHECK(gibi.pos.column == 3);
    CHECK(roster.warnings.empty());
}

TEST_CASE("holders are keys or terms with since and until", "[roster]") {
    const auto roster = loaded(R"(catalogs: [openstack]
hats:
  ptl:
    holders:
      - gibi
      - {person: elod, since: 2025-03-01, until: 2025-09-30}
)" + k_people);
    const auto& ptl = hat(roster.projects[0], "ptl");
    CHECK(ptl.source == HolderSource::listed);
    REQUIRE(ptl.holders.size() == 2);
    CHECK(ptl.holders[0].person == "gibi");
    CHECK_FALSE(ptl.holders[0].since.has_value());
    CHECK(ptl.holders[1].person == "elod");
    CHECK(ptl.holders[1].since == parse_date("2025-03-01"));
    CHECK(ptl.holders[1].until == parse_date("2025-09-30"));
    // "      - " is 8 characters: the holder starts at column 9 of line 5.
    CHECK(ptl.holders[0].pos.line == 5);
    CHECK(ptl.holders[0].pos.column == 9);
    CHECK(ptl.pos.line == 3);
}

TEST_CASE("an unlisted liaison falls back to the PTL - an explicitly empty one stays vacant", "[roster]") {
    const auto roster = loaded(R"(catalogs: [openstack]
hats:
  ptl: {holders: [gibi]}
  security-liaison: {holders: []}
)" + k_people);
    const auto& project = roster.projects[0];
    const auto& release = hat(project, "release-liaison");
    CHECK(release.source == HolderSource::fallback);
    CHECK(release.fallback_from == "ptl");
    CHECK(holder_keys(release) == Lines{"gibi"});
    const auto& security = hat(project, "security-liaison");
    CHECK(security.source == HolderSource::listed);
    CHECK(security.holders.empty());
    // Not a fallback target of the PTL: stays unlisted with nobody.
    const auto& bugs = hat(project, "bug-liaison");
    CHECK(bugs.source == HolderSource::unlisted);
    CHECK(bugs.holders.empty());
}

TEST_CASE("a roster can add fallbacks, and listed holders win over them", "[roster]") {
    const auto roster = loaded(R"(catalogs: [openstack]
hats:
  ptl: {holders: [gibi], fallback_for: [release-liaison, bug-liaison]}
  release-liaison: {holders: [elod]}
)" + k_people);
    const auto& project = roster.projects[0];
    CHECK(hat(project, "release-liaison").source == HolderSource::listed);
    CHECK(holder_keys(hat(project, "release-liaison")) == Lines{"elod"});
    CHECK(hat(project, "bug-liaison").source == HolderSource::fallback);
    CHECK(holder_keys(hat(project, "bug-liaison")) == Lines{"gibi"});
    // The override replaced the catalog's list: security no longer falls back.
    CHECK(hat(project, "security-liaison").source == HolderSource::unlisted);
}

TEST_CASE("apply_fallbacks copies holders with their terms, first claimant wins", "[roster]") {
    std::vector<Hat> hats(3);
    hats[0].def.id = "a";
    hats[0].def.fallback_for = {"c"};
    hats[0].holders = {Holder{"x", Date{10}, Date{20}, {}}};
    hats[0].source = HolderSource::listed;
    hats[1].def.id = "b";
    hats[1].def.fallback_for = {"c"};
    hats[1].holders = {Holder{"y", {}, {}, {}}};
    hats[1].source = HolderSource::listed;
    hats[2].def.id = "c";
    apply_fallbacks(hats);
    CHECK(hats[2].source == HolderSource::fallback);
    CHECK(hats[2].fallback_from == "a");
    REQUIRE(hats[2].holders.size() == 1);
    CHECK(hats[2].holders[0].person == "x");
    CHECK(hats[2].holders[0].until == Date{20});
}

TEST_CASE("a roster overrides catalog fields and defines its own hats", "[roster]") {
    const auto roster = loaded(R"(catalogs: [openstack]
hats:
  release-liaison: {holders: [elod, gibi], min: 2, required: false}
  security-liaison:
    effort: 0.2
    evidence: {paths: ["nova/crypto/**"]}
  placement-liaison:
    title: Placement liaison
    effort: 0.1
    area: ["nova/scheduler/**"]
    evidence: {paths: ["nova/scheduler/client/**"]}
    holders: [gibi]
)" + k_people);
    const auto& project = roster.projects[0];
    const auto& release = hat(project, "release-liaison");
    CHECK(release.def.min == 2);
    CHECK_FALSE(release.def.required);
    CHECK(release.def.evidence.tags);  // untouched fields keep the catalog's value
    const auto& security = hat(project, "security-liaison");
    CHECK(security.def.effort == Approx(0.2));
    // An evidence override replaces the catalog's rules as a whole.
    CHECK(security.def.evidence.paths == Lines{"nova/crypto/**"});
    CHECK(security.def.evidence.message.empty());
    const auto& placement = hat(project, "placement-liaison");
    CHECK(placement.def.catalog.empty());
    CHECK(placement.def.title == "Placement liaison");
    CHECK(placement.def.min == 1);
    CHECK(placement.def.required);
    CHECK(placement.def.area == Lines{"nova/scheduler/**"});
    CHECK(holder_keys(placement) == Lines{"gibi"});
    CHECK(project.hats.back().def.id == "placement-liaison");  // after the catalog hats
    CHECK(roster.warnings.empty());
}

TEST_CASE("a program roster has one project per entry and shared people", "[roster]") {
    const auto roster = loaded(R"(catalogs: [openstack]
projects:
  nova:
    repos: [../nova]
    hats:
      ptl: {holders: [gibi]}
  placement:
    catalogs: [openstack-dpl]
    repos: [../placement]
    hats:
      release-liaison: {holders: [gibi, elod]}
      tc-liaison: {holders: [elod]}
)" + k_people);
    CHECK(roster.program);
    CHECK(roster.project.empty());
    REQUIRE(roster.projects.size() == 2);
    const auto& nova = roster.projects[0];
    const auto& placement = roster.projects[1];
    CHECK(nova.name == "nova");
    CHECK(nova.repos == Lines{"../nova"});
    CHECK(holder_keys(hat(nova, "release-liaison")) == Lines{"gibi"});  // PTL fallback
    CHECK(placement.name == "placement");
    CHECK(hat(placement, "release-liaison").def.catalog == "openstack-dpl");
    CHECK(holder_keys(hat(placement, "tc-liaison")) == Lines{"elod"});
    CHECK_THROWS(hat(placement, "ptl"));  // DPL has no PTL
    CHECK(roster.people.size() == 2);
    CHECK(&roster.hats() == &roster.projects.front().hats);
}

TEST_CASE("a program roster checks each project's hats and holders", "[roster]") {
    const auto details = roles::roster::test::problems(R"(projects:
  nova:
    hats:
      lead: {holders: [gibbi]}
  swift:
    hats:
      leed: {holders: [gibi]}
    repo: [../swift]
hats: {}
)" + k_people);
    // Line 4: 6 spaces + "lead: {holders: [" (17) -> "gibbi" at c23.
    CHECK(
        details ==
        Lines{
            "r.yaml:4:24: unknown person 'gibbi' in holders of 'lead' (did you mean 'gibi'?)",
            "r.yaml:7:7: unknown hat 'leed' (did you mean 'lead'?)",
            "r.yaml:8:5: unknown key 'repo' in project 'swift' (did you mean 'repos'?)",
            "r.yaml:9:1: top-level 'hats' cannot be used with 'projects' (give each project its own 'hats')",
        });
}

TEST_CASE("a later catalog's hat replaces an earlier one, with a warning", "[roster]") {
    const auto roster = loaded("catalogs: [openstack, openstack-dpl]\n" + k_people);
    const auto& project = roster.projects[0];
    CHECK(hat(project, "release-liaison").def.catalog == "openstack-dpl");
    CHECK(hat(project, "ptl").def.catalog == "openstack");
    // openstack-dpl redefines release-, tact-sig- and security-liaison; "catalogs: [openstack, "
    // is 22 characters, so the reference is at column 23.
    CHECK(roster.warnings == Lines{
                                 "r.yaml:1:23: hat 'release-liaison' of catalog 'openstack-dpl' replaces the "
                                 "one of catalog 'openstack'",
                                 "r.yaml:1:23: hat 'tact-sig-liaison' of catalog 'openstack-dpl' replaces "
                                 "the one of catalog 'openstack'",
                                 "r.yaml:1:23: hat 'security-liaison' of catalog 'openstack-dpl' replaces "
                                 "the one of catalog 'openstack'",
                             });
}

TEST_CASE("settings: window, stale_after and bots", "[roster]") {
    const auto roster = loaded("window: 6m\nstale_after: 12w\nbots: [\"zuul@*\", \"*[bot]@*\"]\n" + k_people);
    REQUIRE(roster.window.has_value());
    CHECK(roster.window->days == 180);     // 6 * 30
    CHECK(roster.stale_after.days == 84);  // 12 * 7
    CHECK(roster.bots == Lines{"zuul@*", "*[bot]@*"});
    const auto defaults = loaded(k_people);
    CHECK_FALSE(defaults.window.has_value());
    CHECK(defaults.stale_after.days == 90);
}

TEST_CASE("a catalog listed twice is merged once, with a warning", "[roster]") {
    const auto roster = loaded("catalogs: [generic, generic]\n" + k_people);
    CHECK(roster.hats().size() == 6);
    // "catalogs: [generic, " is 20 characters: the second reference is at column 21.
    CHECK(roster.warnings == Lines{"r.yaml:1:21: catalog 'generic' is listed twice"});
}

TEST_CASE("project hats with similar names are not taken for typos of each other", "[roster]") {
    const auto roster = roles::roster::parse_roster(R"(catalogs: [generic]
hats:
  server-crd-subproject: {title: CRD server}
  server-sdk-subproject: {title: SDK server}
)",
                                                    "r.yaml");
    REQUIRE(roster.has_value());
    CHECK(roster->warnings.empty());
}

TEST_CASE("problems inside an unknown hat are reported with the unknown hat", "[roster]") {
    // An unknown hat (no title, no catalog holds it) used to hide what was wrong inside it
    // until the hat's name was fixed; now one load reports all three.
    const auto details = roles::roster::test::problems(R"(hats:
  leed:
    min: two
    holders: [gibbi]
)" + k_people);
    // Line 2: "  leed:" -> the key at column 3. Line 3: "    min: " is 9 characters, so
    // "two" is at column 10. Line 4: "    holders: [" is 14 characters, "gibbi" at column 15.
    CHECK(details == Lines{
                         "r.yaml:2:3: unknown hat 'leed' (did you mean 'lead'?)",
                         "r.yaml:3:10: expected a whole number for 'min', got 'two'",
                         "r.yaml:4:15: unknown person 'gibbi' in holders of 'leed' (did you mean 'gibi'?)",
                     });
}
