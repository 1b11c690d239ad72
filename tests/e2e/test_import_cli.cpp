// End-to-end: `roles import` and `roles audit --import` with the real binary.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "e2e/governance_fixture.hpp"
#include "e2e/run_binary.hpp"
#include "support/temp_dir.hpp"

using roles::test::build_example;
using roles::test::k_nova_governance;
using roles::test::make_temp_dir;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

std::string data_file(const std::string& name) { return std::string(ROLES_DATA_DIR) + "/" + name; }

const std::string k_governance = data_file("openstack-governance-projects-2022-05-dc8ddc80.yaml");

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("roles import writes a roster that roles validate accepts", "[e2e][import]") {
    const auto out = make_temp_dir() + "/programs.yaml";
    const auto run = run_roles("import openstack " + shell_quote(k_governance) + " -o " + shell_quote(out));
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty());
    // 52 teams; 58 seats held by 53 people; 5 vacant hats (see test_import_openstack.cpp).
    CHECK(run.err.find("roles: imported 52 projects from") != std::string::npos);
    CHECK(run.err.find("58 seats held by 53 people, 5 vacant hats") != std::string::npos);
    const auto text = read_file(out);
    CHECK(text.starts_with("# Imported with: roles import openstack "));
    const auto validate = run_roles("validate " + shell_quote(out));
    CHECK(validate.exit_code == 0);
    CHECK(validate.out.find("valid: 52 projects") != std::string::npos);
}

TEST_CASE("roles import never replaces a file without --force", "[e2e][import]") {
    const auto out = make_temp_dir() + "/ROLES.yaml";
    write_file(out, "project: mine\n");
    const auto refused = run_roles("import openstack " + shell_quote(k_governance) + " --team nova -o " + shell_quote(out));
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("exists; use --force to replace it") != std::string::npos);
    CHECK(read_file(out) == "project: mine\n");
    const auto forced =
        run_roles("import openstack " + shell_quote(k_governance) + " --team nova --force -q -o " + shell_quote(out));
    CHECK(forced.exit_code == 0);
    CHECK(forced.err.empty());  // -q: no summary
    CHECK(read_file(out).find("project: nova\n") != std::string::npos);
}

TEST_CASE("roles import without -o writes to stdout", "[e2e][import]") {
    const auto run = run_roles("import codeowners " + shell_quote(data_file("python-devguide-.github-CODEOWNERS")));
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("projects:\n  security/psrt*.csv:\n") != std::string::npos);
    CHECK(run.out.find("holders: [warsaw, ewdurbin, ned-deily, sethmlarson, stanfromireland]") != std::string::npos);
}

TEST_CASE("roles import reports a malformed file as FILE:LINE: message, exit 2", "[e2e][import]") {
    const auto file = make_temp_dir() + "/MAINTAINERS";
    write_file(file, "GOOD\nM:\tA <a@example.org>\n\nM:\tStray <s@example.org>\n");
    const auto run = run_roles("import maintainers " + shell_quote(file));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("roles: error: invalid MAINTAINERS file '" + file + "': 1 problem\n") != std::string::npos);
    CHECK(run.err.find(file + ":4: 'M:' line outside a section") != std::string::npos);
}

TEST_CASE("roles import: usage errors exit 2", "[e2e][import]") {
    const auto sigs = shell_quote(data_file("kubernetes-community-sigs.yaml"));
    CHECK(run_roles("import kubernetes " + sigs + " --team sig-node").exit_code == 2);
    const auto unknown_group = run_roles("import kubernetes " + sigs + " --group sig-nod");
    CHECK(unknown_group.exit_code == 2);
    CHECK(unknown_group.err.find("no project 'sig-nod' in the file (did you mean 'sig-node'?)") != std::string::npos);
    CHECK(run_roles("import ldap " + sigs).exit_code == 2);
    CHECK(run_roles("import openstack /nonexistent/projects.yaml").exit_code == 2);
}

TEST_CASE("roles audit --import audits one team of a governance file", "[e2e][import]") {
    const auto repo = build_example("liaisons", false);
    const auto file = make_temp_dir() + "/projects.yaml";
    write_file(file, k_nova_governance);
    const auto run = run_roles("audit " + shell_quote(repo) + " --import openstack:" + shell_quote(file) +
                               " --team nova --format json");
    // The placeholder leaves security-liaison vacant: the default gate fails.
    REQUIRE(run.exit_code == 1);
    const auto audit = roles::test::parse_json(run.out);
    CHECK(audit["project"] == "nova");
    std::map<std::string, nlohmann::json> hats;
    for (const auto& hat : audit["hats"]) hats[hat["id"]] = hat;
    CHECK(hats["security-liaison"]["status"] == "vacant");
    CHECK(hats["ptl"]["holders"][0]["person"] == "gibi");
    // The key comes from the nick; the email matches both spellings of Előd in the history:
    // 6 release notes and the 31.0.0 tag (examples/README.md) = 7 evidence items.
    CHECK(hats["release-liaison"]["holders"][0]["person"] == "elodilles");
    CHECK(hats["release-liaison"]["holders"][0]["evidence"] == 7);
    // The governance file does not record bug or gate liaisons, so they are optional here:
    // unassigned, and the reason names who does the work (Closes-Bug: Melanie Witt 6 of 11,
    // Sylvain Bauza 5 of 11 in the liaisons history; neither is in the file, so their keys
    // come from their emails).
    CHECK(hats["bug-liaison"]["status"] == "unassigned");
    CHECK(hats["bug-liaison"]["reason"] ==
          "optional hat, nobody assigned; doing its work: Melanie Witt (55%, 6 items), Sylvain Bauza (45%, 5 items)");
}

TEST_CASE("roles audit: --import conflicts and picks without an import are usage errors", "[e2e][import]") {
    const auto repo = build_example("liaisons", false);
    CHECK(run_roles("audit " + shell_quote(repo) + " --team nova").exit_code == 2);
    const auto bad_spec = run_roles("audit " + shell_quote(repo) + " --import projects.yaml");
    CHECK(bad_spec.exit_code == 2);
    CHECK(bad_spec.err.find("expected KIND:FILE") != std::string::npos);
    CHECK(run_roles("audit " + shell_quote(repo) + " --import openstack:" + shell_quote(k_governance) +
                    " --roster x.yaml")
              .exit_code == 2);
}

TEST_CASE("audit --import openstack without --team picks REPO's team by its deliverables", "[e2e][import]") {
    const auto repo = build_example("liaisons", false);
    const auto file = make_temp_dir() + "/projects.yaml";
    write_file(file, std::string(k_nova_governance) + "  deliverables:\n    glance:\n      repos: [openstack/glance]\n");
    // No team lists a repository named 'liaisons' (the folder; the example has no remote).
    const auto unmatched = run_roles("audit " + shell_quote(repo) + " --import openstack:" + shell_quote(file));
    CHECK(unmatched.exit_code == 2);
    CHECK(unmatched.err.find("no team of '" + file + "' lists a deliverable repository named 'liaisons'") !=
          std::string::npos);
    CHECK(unmatched.err.find("give --team NAME") != std::string::npos);
    // With nova's deliverable and an origin remote at opendev, the repository is nova's.
    write_file(file, std::string(k_nova_governance).replace(std::string(k_nova_governance).find("glance:"), 0,
                                                 "  deliverables:\n    nova:\n      repos:\n        - openstack/nova\n"));
    REQUIRE(roles::test::run_shell("git -C " + shell_quote(repo) +
                                   " remote add origin https://opendev.org/openstack/nova.git")
                .exit_code == 0);
    const auto matched =
        run_roles("audit " + shell_quote(repo) + " --import openstack:" + shell_quote(file) + " --format json");
    INFO(matched.err);
    CHECK(matched.exit_code == 1);  // the placeholder security liaison is vacant, as with --team nova
    CHECK(matched.err.find("roles: analysing team 'nova' of '" + file + "'") != std::string::npos);
    const auto audit = roles::test::parse_json(matched.out);
    CHECK(audit["project"] == "nova");
    CHECK_FALSE(audit.contains("program"));
}
