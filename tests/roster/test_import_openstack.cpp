// OpenStack governance projects.yaml: every shape the file has had, its quirks, and the
// 2022-05 file of tests/data.
#include <catch2/catch.hpp>

#include "roster/import_support.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

ImportResult openstack(const std::string& yaml, const ImportOptions& options = {}) {
    return imported(ImportKind::openstack, yaml, "projects.yaml", options);
}

// The 2015 file: `ptl: Name (nick)`, co-PTLs joined by "and" or "&", `projects:` of repos.
const char* const k_2015 = R"(Nova:
  ptl: John Garbutt (johnthetubaguy)
  service: Compute
  projects:
    - repo: openstack/nova
Packaging-rpm:
  ptl: Dirk Mueller (dirk) and Haikel Guemar (number80)
Searchlight:
  ptl: Travis Tripp (TravT) & Nikhil Komawar (nikhil_k)
Glance:
  ptl: Nikhil Komawar (nikhil_k)
)";

// 2020: the ptl map, placeholders, "No nick supplied", null nicks, liaisons as TC nicks.
const char* const k_2020 = R"(adjutant:
  ptl:
    name: APPOINTMENT NEEDED
    irc: No nick supplied
    email: example@example.org
barbican:
  ptl:
    name: Douglas Mendizábal
    irc: redrobot
    email: dmendiza@redhat.com
  liaisons:
    - knikolla
    - mnaser
cloudkitty:
  ptl:
    name: Rafael Weingartner
    irc: No nick supplied
    email: rafael@apache.org
vitrage:
  ptl:
    name: Eyal Bar-Ilan
    irc: null
    email: eyalb1@gmail.com
)";

// 2021 on: liaisons as a map of kinds (dashes and underscores), tc_members, distributed teams.
const char* const k_2023 = R"(keystone:
  ptl:
    name: Douglas Mendizábal
    irc: 'dmendiza[m]'
    email: DMENDIZA@redhat.com
  liaisons:
    tc_members: [gmann, knikolla]
    release:
      - name: 'Dr. Jens Harbott'
        irc: 'frickler'
        email: 'frickler@offenerstapel.de'
oslo:
  leadership_type: distributed
  liaisons:
    release:
      - name: Hervé Beraud
        irc: hberaud
        email: hberaud@redhat.com
    tact_sig:
      - name: Ghanshyam Mann
        irc: gmann
        email: gmann@ghanshyammann.com
    security:
      - name: 'APPOINTMENT NEEDED'
        irc: No nick supplied
        email: 'example@example.org'
    events-liaison:
      - name: Jens Harbott
        irc: frickler
        email: frickler@offenerstapel.de
    meeting_facilitator: []
Release Management:
  ptl:
    name: Elod Illes
    irc: elodilles
    email: elod.illes@est.tech
  liaisons:
    security:
      - name: Előd Illés
        email: elod@example.net
requirements:
  ptl:
    name: Jens Harbott
    email: jens@example.net
)";

}  // namespace

TEST_CASE("openstack 2015: one-line PTLs, co-PTLs and nicks become holders", "[roster][import][openstack]") {
    const auto result = openstack(k_2015);
    const auto& roster = result.roster;
    CHECK(roster.program);
    REQUIRE(roster.projects.size() == 4);
    CHECK(current_keys(hat(project(roster, "Nova"), "ptl")) == Keys{"johnthetubaguy"});
    CHECK(current_keys(hat(project(roster, "Packaging-rpm"), "ptl")) == Keys{"dirk", "number80"});
    // Keys are lowercased handles; the nick stays as written in logins.
    CHECK(current_keys(hat(project(roster, "Searchlight"), "ptl")) == Keys{"travt", "nikhil_k"});
    CHECK(roster.people.at("travt").logins == Keys{"TravT"});
    // nikhil_k leads two teams: one person, two seats.
    CHECK(current_keys(hat(project(roster, "Glance"), "ptl")) == Keys{"nikhil_k"});
    CHECK(roster.people.at("nikhil_k").name == "Nikhil Komawar");
    CHECK(roster.people.size() == 5);  // johnthetubaguy, dirk, number80, travt, nikhil_k
    // The PTL stands in for the unlisted release and security liaisons.
    const auto& release = hat(project(roster, "Nova"), "release-liaison");
    CHECK(release.source == HolderSource::fallback);
    CHECK(release.fallback_from == "ptl");
    CHECK(current_keys(release) == Keys{"johnthetubaguy"});
    CHECK(result.vacancies.empty());
}

TEST_CASE("openstack: a placeholder PTL is a vacancy that the release and security liaisons inherit",
          "[roster][import][openstack]") {
    const auto result = openstack(k_2020);
    const auto& adjutant = project(result.roster, "adjutant");
    CHECK(hat(adjutant, "ptl").source == HolderSource::listed);
    CHECK(hat(adjutant, "ptl").holders.empty());
    CHECK(hat(adjutant, "security-liaison").holders.empty());
    // Nobody was made of the placeholder.
    for (const auto& [key, person] : result.roster.people) CHECK(person.emails != Keys{"example@example.org"});
    REQUIRE(result.vacancies.size() == 3);
    CHECK(vacancy_names(result.vacancies) ==
          Keys{"adjutant/ptl", "adjutant/release-liaison", "adjutant/security-liaison"});
    CHECK(result.vacancies[0].reason == "placeholder 'APPOINTMENT NEEDED'");
    CHECK(result.vacancies[1].reason == "falls back to vacant 'ptl'");
}

TEST_CASE("openstack: 'No nick supplied' and null nicks give keys from the email", "[roster][import][openstack]") {
    const auto result = openstack(k_2020);
    CHECK(current_keys(hat(project(result.roster, "cloudkitty"), "ptl")) == Keys{"rafael"});
    CHECK(result.roster.people.at("rafael").logins.empty());
    CHECK(current_keys(hat(project(result.roster, "vitrage"), "ptl")) == Keys{"eyalb1"});
}

TEST_CASE("openstack 2020: liaisons as a list of nicks are the team's TC liaisons", "[roster][import][openstack]") {
    const auto result = openstack(k_2020);
    const auto& tc = hat(project(result.roster, "barbican"), "tc-liaison");
    // Not in the openstack catalog: an optional project hat, described as openstack-dpl does.
    CHECK(tc.def.catalog.empty());
    CHECK(tc.def.title == "TC liaison");
    CHECK_FALSE(tc.def.required);
    CHECK(current_keys(tc) == Keys{"knikolla", "mnaser"});
}

TEST_CASE("openstack 2021 on: liaison kinds with dashes or underscores, tc_members, distributed teams",
          "[roster][import][openstack]") {
    const auto result = openstack(k_2023);
    const auto& roster = result.roster;
    const auto& keystone = project(roster, "keystone");
    CHECK(current_keys(hat(keystone, "tc-liaison")) == Keys{"gmann", "knikolla"});
    CHECK(current_keys(hat(keystone, "release-liaison")) == Keys{"frickler"});
    // No security liaison listed: the PTL stands in.
    CHECK(hat(keystone, "security-liaison").source == HolderSource::fallback);
    CHECK(current_keys(hat(keystone, "security-liaison")) == Keys{"dmendiza-m"});

    const auto& oslo = project(roster, "oslo");
    CHECK_FALSE(has_hat(oslo, "ptl"));  // openstack-dpl has no PTL
    CHECK(hat(oslo, "release-liaison").def.catalog == "openstack-dpl");
    CHECK(current_keys(hat(oslo, "release-liaison")) == Keys{"hberaud"});
    CHECK(current_keys(hat(oslo, "tact-sig-liaison")) == Keys{"gmann"});  // "tact_sig"
    CHECK(current_keys(hat(oslo, "events-liaison")) == Keys{"frickler"});  // "events-liaison"
    CHECK(hat(oslo, "meeting-facilitator").source == HolderSource::listed);  // "meeting_facilitator: []"
    // security: a placeholder; tc-liaison: required of a distributed team, not given.
    CHECK(vacancy_names(result.vacancies) == Keys{"oslo/security-liaison", "oslo/tc-liaison"});
    CHECK(result.vacancies[0].reason == "placeholder 'APPOINTMENT NEEDED'");
    CHECK(result.vacancies[1].reason == "distributed team names no tc-liaison");
}

TEST_CASE("openstack: identities merge by email, nick and normalised name", "[roster][import][openstack]") {
    const auto roster = openstack(k_2023).roster;
    // gmann: a bare nick in tc_members, then a full contact with the same nick.
    CHECK(roster.people.at("gmann").name == "Ghanshyam Mann");
    CHECK(roster.people.at("gmann").emails == Keys{"gmann@ghanshyammann.com"});
    // "Dr. Jens Harbott" and "Jens Harbott": same email in oslo; in requirements another email
    // and no nick, merged by the name with its title dropped.
    const auto& jens = roster.people.at("frickler");
    CHECK(jens.name == "Dr. Jens Harbott");
    CHECK(jens.aliases == Keys{"Jens Harbott"});
    CHECK(jens.emails == Keys{"frickler@offenerstapel.de", "jens@example.net"});
    CHECK(current_keys(hat(project(roster, "requirements"), "ptl")) == Keys{"frickler"});
    // "Elod Illes" and "Előd Illés" with two emails: one person.
    const auto& elod = roster.people.at("elodilles");
    CHECK(elod.aliases == Keys{"Előd Illés"});
    CHECK(elod.emails == Keys{"elod.illes@est.tech", "elod@example.net"});
    CHECK(current_keys(hat(project(roster, "Release Management"), "security-liaison")) == Keys{"elodilles"});
    // Eight contacts and nicks name six people: dmendiza-m, gmann, knikolla, frickler, hberaud,
    // elodilles.
    CHECK(roster.people.size() == 6);
}

TEST_CASE("openstack: an email in another case is the same person", "[roster][import][openstack]") {
    const auto roster = openstack(std::string(k_2020) + k_2023).roster;
    // barbican has dmendiza@redhat.com (nick redrobot), keystone DMENDIZA@redhat.com (dmendiza[m]).
    const auto& douglas = roster.people.at("redrobot");
    CHECK(douglas.logins == Keys{"redrobot", "dmendiza[m]"});
    CHECK_FALSE(roster.people.contains("dmendiza-m"));
    CHECK(current_keys(hat(project(roster, "keystone"), "ptl")) == Keys{"redrobot"});
}

TEST_CASE("openstack --team keeps one team as a plain roster with its people", "[roster][import][openstack]") {
    const auto result = openstack(k_2023, ImportOptions{"release-management"});
    const auto& roster = result.roster;
    CHECK_FALSE(roster.program);
    CHECK(roster.project == "Release Management");
    CHECK(roster.catalogs == Keys{"openstack"});
    REQUIRE(roster.projects.size() == 1);
    CHECK(roster.people.size() == 1);  // elodilles holds both seats
    CHECK(result.vacancies.empty());
    const auto oslo = openstack(k_2023, ImportOptions{"oslo"}).roster;
    CHECK(oslo.catalogs == Keys{"openstack-dpl"});

    use_source_catalogs();
    const auto unknown = import_roster_text(ImportKind::openstack, k_2023, "p.yaml", ImportOptions{"olso"});
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().kind == roles::util::ErrorKind::usage);
    CHECK(unknown.error().cause == "no project 'olso' in the file (did you mean 'oslo'?)");
}

TEST_CASE("openstack: a distributed team's PTL is left out with a warning", "[roster][import][openstack]") {
    const auto result = openstack(R"(mistral:
  leadership_type: distributed
  ptl: {name: Renat Akhmerov, irc: rakhmerov, email: renat.akhmerov@gmail.com}
)");
    CHECK(result.warnings == Keys{"projects.yaml:3:3: team 'mistral' has distributed leadership: its 'ptl' is left out"});
    // All four required liaisons missing.
    CHECK(result.vacancies.size() == 4);
}

TEST_CASE("openstack: malformed teams are reported with FILE:LINE:COL", "[roster][import][openstack]") {
    const auto lines = import_problems(ImportKind::openstack, R"(nova:
  ptl: [a, b]
glance: just a string
swift:
  leadership_type: shared
  ptl: "Tim Burke (timburke"
cinder:
  liaisons:
    release:
      - {irc: null}
)",
                                       "p.yaml");
    CHECK(lines == Keys{
                       "p.yaml:2:8: expected 'Name (nick)' or {name, irc, email} for 'ptl', got a list",
                       "p.yaml:3:9: expected a map for team 'glance', got 'just a string'",
                       "p.yaml:5:20: unknown leadership_type 'shared' (expected 'ptl' or 'distributed')",
                       "p.yaml:6:8: cannot read 'Tim Burke (timburke' as 'Name (nick)' (co-leads joined by 'and' or '&')",
                       "p.yaml:10:9: a contact needs a 'name', an 'email' or an 'irc' nick",
                   });
    CHECK(import_problems(ImportKind::openstack, "nova: [", "p.yaml").size() == 1);
    CHECK(import_problems(ImportKind::openstack, "- a\n- b\n", "p.yaml") ==
          Keys{"p.yaml:1:1: expected a map at the top level, got a list"});
}

// tests/data/openstack-governance-projects-2022-05-dc8ddc80.yaml. Cross-checked without
// the importer: `grep -c '^[^ #-]' FILE` counts 52 top-level keys (teams);
// `grep -c 'leadership_type: distributed' FILE` gives 2 (mistral, oslo); `grep -c 'APPOINTMENT
// NEEDED' FILE` gives 1 (adjutant); PyYAML lists mistral's liaisons as release, tact-sig,
// security and oslo's the same, neither with tc-liaison.
TEST_CASE("openstack: figures of the 2022-05 governance file", "[roster][import][openstack][data]") {
    const auto result =
        imported_file(ImportKind::openstack, data_file("openstack-governance-projects-2022-05-dc8ddc80.yaml"));
    const auto& roster = result.roster;
    CHECK(roster.projects.size() == 52);
    int distributed = 0;
    for (const auto& team : roster.projects) distributed += has_hat(team, "ptl") ? 0 : 1;
    CHECK(distributed == 2);
    // adjutant's placeholder PTL leaves ptl, release and security vacant (3); the two
    // distributed teams name no TC liaison (2): 5 vacant hats in 3 teams.
    CHECK(vacancy_names(result.vacancies) == Keys{"adjutant/ptl", "adjutant/release-liaison",
                                                  "adjutant/security-liaison", "mistral/tc-liaison",
                                                  "oslo/tc-liaison"});
    // Seats: 50 PTL-led teams less adjutant = 49 PTL seats; mistral release 2 + tact-sig 2 +
    // security 1 = 5; oslo 2 + 1 + 1 = 4; 49 + 5 + 4 = 58.
    const auto seats = seats_by_person(roster);
    int total = 0;
    for (const auto& person : seats) total += person.hats;
    CHECK(total == 58);
    // 49 PTL seats held by 46 people (three PTLs lead two teams each), plus rakhmerov,
    // apetrich, vgvoleg (mistral) and hberaud, damani, gmann, bnemec (oslo): 53.
    CHECK(roster.people.size() == 53);
    // Most seats, two each: PTLs of two teams first (Douglas Mendizábal under two nicks and
    // one email, Takashi Kajinami, Rong Zhu), then two hats in mistral.
    REQUIRE(seats.size() >= 6);
    CHECK(seats[0].person == "redrobot");
    CHECK(seats[1].person == "tkajinam");
    CHECK(seats[2].person == "zhurong");
    for (int i = 0; i < 3; ++i) CHECK((seats[i].hats == 2 && seats[i].projects == 2));
    CHECK(seats[3].person == "apetrich");
    CHECK(seats[4].person == "rakhmerov");
    CHECK((seats[4].hats == 2 && seats[4].projects == 1));
    CHECK(seats[5].hats == 1);
    CHECK(roster.people.at("redrobot").logins == Keys{"redrobot", "dmendiza[m]"});
}
