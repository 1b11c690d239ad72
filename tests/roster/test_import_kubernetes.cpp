// Kubernetes community sigs.yaml: groups as projects, leads as hats, emeritus leads as
// history, subprojects as optional hats; and the figures of the sample file.
#include <catch2/catch.hpp>

#include <map>

#include "roster/import_support.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

const char* const k_sigs = R"(sigs:
  - dir: sig-apps
    name: Apps
    label: apps
    leadership:
      chairs:
        - github: janetkuo
          name: Janet Kuo
          company: Google
          email: chiachenk@google.com
        - github: Soltysh
          name: Maciej Szulik
      tech_leads:
        - github: soltysh
          name: Maciej Szulik
          company: Defense Unicorns
      emeritus_leads:
        - github: mattfarina
          name: Matt Farina
    contact:
      slack: sig-apps
      liaison:
        github: aojea
        name: Antonio Ojea
    subprojects:
      - name: kompose
        owners:
          - https://raw.githubusercontent.com/kubernetes/kompose/master/OWNERS
      - name: Release Team
        owners:
          - https://raw.githubusercontent.com/kubernetes/sig-release/master/release-team/OWNERS
        leads:
          - github: janetkuo
            name: Janet Kuo
workinggroups:
  - dir: wg-batch
    name: Batch
    leadership:
      chairs:
        - github: alculquicondor
          name: Aldo Culquicondor
    contact:
      liaison: {github: aojea, name: Antonio Ojea}
usergroups: []
committees:
  - dir: committee-steering
    name: Steering
    leadership:
      chairs:
        - {github: dims, name: Davanum Srinivas}
gb_rep:
  github: cblecker
  name: Christoph Blecker
)";

ImportResult kubernetes(const std::string& yaml, const ImportOptions& options = {}) {
    return imported(ImportKind::kubernetes, yaml, "sigs.yaml", options);
}

}  // namespace

TEST_CASE("kubernetes: SIGs, working groups and committees are projects with their catalogs",
          "[roster][import][kubernetes]") {
    const auto roster = kubernetes(k_sigs).roster;
    REQUIRE(roster.projects.size() == 3);
    CHECK(roster.projects[0].name == "sig-apps");
    CHECK(hat(roster.projects[0], "chair").def.catalog == "kubernetes-sig");
    CHECK(roster.projects[1].name == "wg-batch");
    CHECK(hat(roster.projects[1], "chair").def.catalog == "kubernetes-group");
    CHECK_FALSE(has_hat(roster.projects[1], "tech-lead"));  // working groups have none
    CHECK(roster.projects[2].name == "committee-steering");
    // The steering committee has no liaison to itself: optional, so not a vacancy.
    CHECK(hat(roster.projects[2], "steering-liaison").source == HolderSource::unlisted);
    CHECK_FALSE(roster.people.contains("cblecker"));  // gb_rep is no group's hat
}

TEST_CASE("kubernetes: chairs, tech leads and the steering liaison hold hats - handles merge across case",
          "[roster][import][kubernetes]") {
    const auto result = kubernetes(k_sigs);
    const auto& apps = project(result.roster, "sig-apps");
    CHECK(current_keys(hat(apps, "chair")) == Keys{"janetkuo", "soltysh"});
    CHECK(current_keys(hat(apps, "tech-lead")) == Keys{"soltysh"});
    CHECK(current_keys(hat(apps, "steering-liaison")) == Keys{"aojea"});
    const auto& soltysh = result.roster.people.at("soltysh");
    CHECK(soltysh.logins == Keys{"Soltysh"});  // "soltysh" is the same GitHub login
    CHECK(soltysh.affiliation == std::optional<std::string>("Defense Unicorns"));
    CHECK(result.roster.people.at("janetkuo").emails == Keys{"chiachenk@google.com"});
    CHECK(result.vacancies.empty());
}

TEST_CASE("kubernetes: emeritus leads are former holders, never coverage or seats", "[roster][import][kubernetes]") {
    const auto result = kubernetes(k_sigs);
    const auto& emeritus = hat(project(result.roster, "sig-apps"), "emeritus-lead");
    CHECK(current_keys(emeritus).empty());
    CHECK(former_keys(emeritus) == Keys{"mattfarina"});
    CHECK(emeritus.holders[0].until == std::optional<Date>(Date{0}));
    CHECK_FALSE(emeritus.def.required);
    for (const auto& seats : seats_by_person(result.roster)) CHECK(seats.person != "mattfarina");
}

TEST_CASE("kubernetes: subprojects are optional hats with their OWNERS links and leads",
          "[roster][import][kubernetes]") {
    const auto result = kubernetes(k_sigs);
    const auto& apps = project(result.roster, "sig-apps");
    const auto& kompose = hat(apps, "kompose-subproject");
    CHECK(kompose.def.title == "Subproject kompose");
    CHECK(kompose.def.description ==
          "Approves changes to the subproject 'kompose'. Its owners are named in "
          "https://raw.githubusercontent.com/kubernetes/kompose/master/OWNERS.");
    CHECK_FALSE(kompose.def.required);
    CHECK(kompose.source == HolderSource::unlisted);  // owners live in the OWNERS file
    CHECK(current_keys(hat(apps, "release-team-subproject")) == Keys{"janetkuo"});
    CHECK_FALSE(hat(apps, "subproject-owner").def.required);
}

TEST_CASE("kubernetes: seats count every current hat", "[roster][import][kubernetes]") {
    const auto seats = seats_by_person(kubernetes(k_sigs).roster);
    // aojea: steering liaison of sig-apps and wg-batch (2 hats, 2 projects); janetkuo: chair
    // and subproject lead in sig-apps (2, 1); soltysh: chair and tech lead (2, 1); then
    // alculquicondor and dims with one each. mattfarina is emeritus.
    std::vector<std::string> order;
    for (const auto& person : seats) order.push_back(person.person);
    CHECK(order == Keys{"aojea", "janetkuo", "soltysh", "alculquicondor", "dims"});
    CHECK((seats[0].hats == 2 && seats[0].projects == 2));
    CHECK((seats[1].hats == 2 && seats[1].projects == 1));
}

TEST_CASE("kubernetes --group picks a group by dir, name or label", "[roster][import][kubernetes]") {
    for (const std::string name : {"sig-apps", "Apps", "apps"}) {
        INFO(name);
        const auto roster = kubernetes(k_sigs, ImportOptions{name}).roster;
        CHECK_FALSE(roster.program);
        CHECK(roster.project == "sig-apps");
        CHECK(roster.catalogs == Keys{"kubernetes-sig"});
        // janetkuo, soltysh, aojea, and mattfarina (a former holder, kept as history).
        CHECK(roster.people.size() == 4);
    }
    CHECK(kubernetes(k_sigs, ImportOptions{"Batch"}).roster.catalogs == Keys{"kubernetes-group"});
}

TEST_CASE("kubernetes: malformed groups are reported with FILE:LINE:COL", "[roster][import][kubernetes]") {
    const auto lines = import_problems(ImportKind::kubernetes, R"(sigs:
  - name: Apps
    leadership:
      chairs:
        - company: Google
        - just-a-name
  - label: nothing
workinggroups: wg-batch
)",
                                       "sigs.yaml");
    CHECK(lines == Keys{
                       "sigs.yaml:5:11: a person in 'chairs' needs a 'github' handle or a 'name'",
                       "sigs.yaml:6:11: expected {github, name} in 'chairs', got 'just-a-name'",
                       "sigs.yaml:7:5: a group needs a 'dir' or a 'name'",
                       "sigs.yaml:8:16: expected a list of groups for 'workinggroups', got 'wg-batch'",
                   });
}

// tests/data/kubernetes-community-sigs.yaml. Cross-checked without the importer by a
// PyYAML script that walks sigs, workinggroups, usergroups and committees, counts chairs per
// group, and counts seats (chairs, tech_leads, contact.liaison, subproject leads; one per
// group, role and lowercased login): 35 groups, 112 chairs, 235 seats held by 142 logins;
// top seats aojea 11 in 8 groups, bentheelder 10 in 8, ritazh and soltysh 9 in 8.
TEST_CASE("kubernetes: figures of the community sigs.yaml", "[roster][import][kubernetes][data]") {
    const auto result = imported_file(ImportKind::kubernetes, data_file("kubernetes-community-sigs.yaml"));
    const auto& roster = result.roster;
    // 24 SIGs, 8 working groups, no user groups, 3 committees.
    CHECK(roster.projects.size() == 35);
    std::map<std::size_t, int> groups_by_chairs;
    std::size_t chairs = 0;
    for (const auto& group : roster.projects) {
        const auto count = current_keys(hat(group, "chair")).size();
        ++groups_by_chairs[count];
        chairs += count;
    }
    // 11 SIGs and 1 WG with 2 chairs, 13 SIGs and 3 WGs with 3, 2 WGs with 4, 2 WGs and the
    // code of conduct committee with 5, steering 7, security response 10:
    // 12*2 + 16*3 + 2*4 + 3*5 + 7 + 10 = 112.
    CHECK(groups_by_chairs == std::map<std::size_t, int>{{2, 12}, {3, 16}, {4, 2}, {5, 3}, {7, 1}, {10, 1}});
    CHECK(chairs == 112);
    CHECK(current_keys(hat(project(roster, "sig-api-machinery"), "chair")) == Keys{"deads2k", "fedebongio"});
    const auto seats = seats_by_person(roster);
    int total = 0;
    for (const auto& person : seats) total += person.hats;
    CHECK(total == 235);
    CHECK(seats.size() == 142);
    REQUIRE(seats.size() >= 4);
    CHECK((seats[0].person == "aojea" && seats[0].hats == 11 && seats[0].projects == 8));
    CHECK((seats[1].person == "bentheelder" && seats[1].hats == 10 && seats[1].projects == 8));
    CHECK((seats[2].person == "ritazh" && seats[2].hats == 9));
    CHECK((seats[3].person == "soltysh" && seats[3].hats == 9));
    // 142 holders and 95 people met only as emeritus leads.
    CHECK(roster.people.size() == 237);
    CHECK(result.vacancies.empty());
}
