// Kubernetes-style OWNERS files: approvers and reviewers as hats of the file's directory,
// aliases expanded, emeritus approvers as former holders, filters, malformed entries; and the
// kind repository's real OWNERS file.
#include <catch2/catch.hpp>

#include <fstream>

#include "roster/import_support.hpp"
#include "support/temp_dir.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

// After the OWNERS documentation of the Kubernetes community (contributors/guide/owners.md).
const char* const k_owners = R"(# See the OWNERS docs at https://go.k8s.io/owners
approvers:
  - node-approvers
  - Alice
reviewers:
  - bob
  - node-approvers
emeritus_approvers:
  - old-timer
labels:
  - sig/node
options:
  no_parent_owners: true
)";

const char* const k_aliases = R"(aliases:
  node-approvers:
    - carol
    - dave
)";

void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

ImportResult owners(const std::string& text, const std::string& file, const char* aliases) {
    ImportOptions options;
    if (aliases != nullptr) options.owners_aliases = CompanionFile{"OWNERS_ALIASES", aliases};
    return imported(ImportKind::owners, text, file, options);
}

}  // namespace

TEST_CASE("owners: one project per file, approvers and reviewers with aliases expanded",
          "[roster][import][owners]") {
    const auto result = owners(k_owners, "pkg/kubelet/OWNERS", k_aliases);
    const auto& roster = result.roster;
    REQUIRE(roster.projects.size() == 1);
    const auto& project = roster.projects.front();
    CHECK(project.name == "pkg/kubelet/");
    const auto& approver = hat(project, "approver");
    CHECK(approver.def.catalog == "owners");
    CHECK(approver.def.area == Keys{"pkg/kubelet/**"});
    CHECK(approver.def.evidence.paths == Keys{"pkg/kubelet/**"});
    // The alias is its members, in the alias file's order; logins become lowercase keys.
    CHECK(current_keys(approver) == Keys{"carol", "dave", "alice"});
    CHECK(former_keys(approver) == Keys{"old-timer"});
    const auto& reviewer = hat(project, "reviewer");
    CHECK(current_keys(reviewer) == Keys{"bob", "carol", "dave"});
    CHECK(roster.people.at("alice").logins == Keys{"Alice"});
    // carol, dave, alice, bob, old-timer.
    CHECK(roster.people.size() == 5);
    CHECK(result.vacancies.empty());
    CHECK(result.warnings.empty());
}

TEST_CASE("owners: the root file governs the whole repository", "[roster][import][owners]") {
    const auto result = owners("approvers: [ann]\n", "OWNERS", nullptr);
    const auto& project = result.roster.projects.front();
    CHECK(project.name == "/");
    CHECK(hat(project, "approver").def.area == Keys{"**"});
    // No reviewers named: the optional hat stays unlisted, never a vacancy.
    CHECK(hat(project, "reviewer").holders.empty());
    CHECK(hat(project, "reviewer").source == HolderSource::unlisted);
    CHECK(result.vacancies.empty());
    // Without an alias file every entry is a login, and the import says so.
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings.front() == "OWNERS: no OWNERS_ALIASES was read, so every entry is taken as a GitHub login");
}

TEST_CASE("owners: the '.*' filter is the whole directory, other filters are left out with a warning",
          "[roster][import][owners]") {
    const char* const text = R"(filters:
  ".*":
    approvers:
      - ann
  "\\.md$":
    approvers:
      - docs-person
)";
    const auto result = owners(text, "docs/OWNERS", "aliases: {}\n");
    CHECK(current_keys(hat(result.roster.projects.front(), "approver")) == Keys{"ann"});
    CHECK_FALSE(result.roster.people.contains("docs-person"));
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings.front() ==
          "docs/OWNERS:5:3: filter '\\.md$' applies to some files only, which an area cannot say; left out");
}

TEST_CASE("owners: malformed files fail with every problem", "[roster][import][owners]") {
    CHECK(import_problems(ImportKind::owners, "approvers:\n  - good\n  - not a login\n  - -dash\n", "OWNERS") ==
          Keys{"OWNERS:3:5: invalid entry 'not a login' (expected a GitHub login or an alias of OWNERS_ALIASES)",
               "OWNERS:4:5: invalid entry '-dash' (expected a GitHub login or an alias of OWNERS_ALIASES)"});
    CHECK(import_problems(ImportKind::owners, "labels: [a]\n", "OWNERS") ==
          Keys{"OWNERS:1:1: the file names no approvers and no reviewers"});
    CHECK(import_problems(ImportKind::owners, "- a\n", "OWNERS").front().starts_with(
        "OWNERS:1:1: expected a map at the top level"));
}

TEST_CASE("owners: an unknown key is a warning with a suggestion", "[roster][import][owners]") {
    const auto result = owners("approvers: [ann]\nreviwers: [bob]\n", "OWNERS", "aliases: {}\n");
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings.front() == "OWNERS:2:1: unknown key 'reviwers' (did you mean 'reviewers'?); ignored");
}

TEST_CASE("owners: the kind repository's OWNERS file", "[roster][import][owners]") {
    // tests/data/kubernetes-sigs-kind-OWNERS: 6 reviewers, 4 approvers, all logins.
    const auto result = imported_file(ImportKind::owners, data_file("kubernetes-sigs-kind-OWNERS"));
    const auto& project = result.roster.projects.front();
    CHECK(current_keys(hat(project, "approver")) == Keys{"amwat", "aojea", "bentheelder", "munnerz"});
    CHECK(current_keys(hat(project, "reviewer")) ==
          Keys{"amwat", "aojea", "bentheelder", "krzyzacy", "munnerz", "neolit123"});
    CHECK(result.roster.people.size() == 6);
}

TEST_CASE("owners: import_roster_file reads the OWNERS_ALIASES beside the file", "[roster][import][owners]") {
    const auto dir = roles::test::make_temp_dir();
    write_file(dir + "/OWNERS", "approvers: [team]\n");
    write_file(dir + "/OWNERS_ALIASES", "aliases:\n  team: [erin, frank]\n");
    const auto result = imported_file(ImportKind::owners, dir + "/OWNERS");
    CHECK(current_keys(hat(result.roster.projects.front(), "approver")) == Keys{"erin", "frank"});
    CHECK(result.warnings.empty());
}
