// A shallow clone is never audited silently: exit 2 with what to do, unless --allow-shallow,
// which keeps the shallow-clone warning and "shallow": true in JSON.

#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"
#include "support/repo_fixture.hpp"

using roles::test::parse_json;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

// Five commits by one author, a day apart, each changing main.c; cloned with --depth 3, the
// clone holds the last three (a linear history has one commit per level).
std::string shallow_clone_of_five() {
    roles::test::TempRepo repo;
    for (int i = 0; i < 5; ++i) {
        roles::test::CommitSpec spec;
        spec.author_name = "Ada Lovelace";
        spec.author_email = "ada@example.com";
        spec.time = roles::test::k_base_time + i * roles::test::k_day;
        spec.message = "change " + std::to_string(i) + "\n";
        spec.files = {{"main.c", "int v = " + std::to_string(i) + ";\n"}};
        repo.commit(spec);
    }
    return roles::test::make_shallow_clone(repo.path(), 3);
}

const std::string k_refusal =
    "the history is shallow (3 commits): fetch it whole (`git fetch --unshallow`, or `fetch-depth: 0` in "
    "actions/checkout), or give --allow-shallow to audit it as it is\n";

}  // namespace

TEST_CASE("audit refuses a shallow clone with exit 2 and says how to fetch it whole", "[e2e][shallow]") {
    const auto clone = shallow_clone_of_five();
    for (const char* format : {"text", "json"}) {
        INFO(format);
        const auto run = run_roles("audit " + shell_quote(clone) + " --no-cache --format " + format);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        // The context quotes the path (cut at 80 characters, util::quoted).
        CHECK(run.err.starts_with("roles: error: auditing repository '"));
        CHECK(run.err.ends_with("': " + k_refusal));
    }
}

TEST_CASE("audit --allow-shallow audits the clone and marks it shallow", "[e2e][shallow]") {
    const auto clone = shallow_clone_of_five();
    const auto run = run_roles("audit " + shell_quote(clone) + " --no-cache --allow-shallow --format json");
    INFO(run.err);
    CHECK(run.exit_code == 0);  // no ROLES.yaml: discovery mode, every hat unassigned
    const auto audit = parse_json(run.out);
    CHECK(audit["shallow"] == true);
    CHECK(audit["totals"]["commits"] == 3);
    const std::string warning = "shallow clone: history is truncated, so activity and evidence before the cut are "
                                "missing (run 'git fetch --unshallow')";
    CHECK(audit["warnings"] == nlohmann::json::array({warning}));
    const auto text = run_roles("audit " + shell_quote(clone) + " --no-cache --allow-shallow");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("warning: " + warning) != std::string::npos);
}

TEST_CASE("a whole clone is audited without --allow-shallow and is not shallow", "[e2e][shallow]") {
    roles::test::TempRepo repo;
    roles::test::CommitSpec spec;
    spec.files = {{"main.c", "int v;\n"}};
    repo.commit(spec);
    const auto run = run_roles("audit " + shell_quote(repo.path()) + " --no-cache --format json");
    CHECK(run.exit_code == 0);
    CHECK(parse_json(run.out)["shallow"] == false);
}

TEST_CASE("a program audit refuses a project whose repository is a shallow clone", "[e2e][shallow][program]") {
    const auto clone = shallow_clone_of_five();
    const auto roster = roles::test::make_temp_dir() + "/ROLES.yaml";
    std::ofstream(roster) << "projects:\n  tiny:\n    repos: [" << clone << "]\n    catalogs: [generic]\n"
                          << "    hats:\n      lead: {holders: [ada]}\n"
                          << "people:\n  ada: {name: Ada Lovelace, emails: [ada@example.com]}\n";
    const auto refused = run_roles("audit --roster " + shell_quote(roster) + " --no-cache --format json");
    CHECK(refused.exit_code == 2);
    CHECK(refused.out.empty());
    CHECK(refused.err == "roles: error: auditing project 'tiny': " + k_refusal);
    const auto allowed =
        run_roles("audit --roster " + shell_quote(roster) + " --no-cache --format json --allow-shallow --fail-on none");
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
    const auto audit = parse_json(allowed.out);
    CHECK(audit["projects"][0]["shallow"] == true);
    CHECK(audit["projects"][0]["totals"]["commits"] == 3);
}
