// What the CI renderers share: GitHub's workflow-command escaping, repository-relative
// paths and the stable hash behind SARIF fingerprints. Expectations written by hand.
#include <catch2/catch.hpp>

#include "roles/report/ci.hpp"

using namespace roles;

TEST_CASE("GitHub message data escapes %, CR and LF and nothing else", "[report][ci]") {
    CHECK(report::escape_github_data("plain text") == "plain text");
    CHECK(report::escape_github_data("100%") == "100%25");
    CHECK(report::escape_github_data("a\r\nb\nc") == "a%0D%0Ab%0Ac");
    // ':' and ',' are fine in the message, and '%' is escaped before anything else reads it.
    CHECK(report::escape_github_data("ptl: alice, bob (50%)") == "ptl: alice, bob (50%25)");
    CHECK(report::escape_github_data("%0A") == "%250A");
}

TEST_CASE("GitHub property values also escape ':' and ','", "[report][ci]") {
    CHECK(report::escape_github_property("ROLES.yaml") == "ROLES.yaml");
    CHECK(report::escape_github_property("roles: nova/ptl (vacant)") == "roles%3A nova/ptl (vacant)");
    CHECK(report::escape_github_property("a,b") == "a%2Cb");
    CHECK(report::escape_github_property("50%, done\r\nnext: a,b") == "50%25%2C done%0D%0Anext%3A a%2Cb");
}

TEST_CASE("paths under the repository root become relative with '/'", "[report][ci]") {
    CHECK(report::path_under("/tmp/repo/ROLES.yaml", "/tmp/repo") == "ROLES.yaml");
    CHECK(report::path_under("/tmp/repo/governance/team.yaml", "/tmp/repo/") == "governance/team.yaml");
    CHECK(report::path_under("/tmp/other/ROLES.yaml", "/tmp/repo") == "");
    CHECK(report::path_under("/tmp/repo-two/ROLES.yaml", "/tmp/repo") == "");
    CHECK(report::path_under("/tmp/repo/ROLES.yaml", "") == "");
}

TEST_CASE("the stable hash is 64-bit FNV-1a in hex", "[report][ci]") {
    // The published FNV-1a 64 test values: "" is the offset basis, "a" and "foobar".
    CHECK(report::stable_hash("") == "cbf29ce484222325");
    CHECK(report::stable_hash("a") == "af63dc4c8601ec8c");
    CHECK(report::stable_hash("foobar") == "85944171f73967e8");
}
