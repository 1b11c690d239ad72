// `roles init`: round trips init -> validate -> audit on the examples and on a repository
// with a CODEOWNERS file, and the rule that an existing roster is never replaced.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "e2e/run_binary.hpp"
#include "support/repo_fixture.hpp"

using namespace roles::test;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// init writes DIR/ROLES.yaml, validate accepts it, and the audit of DIR on it shadows no hat.
nlohmann::json round_trip(const std::string& dir, const std::string& init_args = {}) {
    const auto init = run_roles("init " + shell_quote(dir) + " --no-cache " + init_args);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    CHECK(init.out.empty());
    CHECK(init.err.find("roles: drafted ") != std::string::npos);
    const auto validate = run_roles("validate " + shell_quote(dir + "/ROLES.yaml"));
    INFO(validate.out + validate.err);
    CHECK(validate.exit_code == 0);
    const auto audit =
        run_roles("audit " + shell_quote(dir) + " --no-cache --format json --fail-on shadowed");
    INFO(audit.err);
    CHECK(audit.exit_code == 0);  // --fail-on shadowed: no hat is shadowed
    auto json = parse_json(audit.out);
    CHECK(json["mode"] == "roster");
    for (const auto& hat : json["hats"]) CHECK(hat["status"] != "shadowed");
    return json;
}

// One commit by `name` <`email`> at `day` days after the base time, writing one file.
CommitSpec change(const std::string& name, const std::string& email, int day, const std::string& path,
                  const std::string& content = "x\n") {
    CommitSpec spec;
    spec.author_name = name;
    spec.author_email = email;
    spec.time = k_base_time + day * k_day;
    spec.files = {{path, content}};
    return spec;
}

}  // namespace

TEST_CASE("init drafts a roster for each example that validates and audits with no shadowed hat",
          "[e2e][init]") {
    for (const char* name : {"healthy", "liaisons", "people", "cycles"}) {
        INFO(name);
        const auto dir = build_example(name, false);
        round_trip(dir);
        // Every person written carries the capacity placeholder and its comment (the people
        // example has no hat with 5 items or more, so nobody is proposed there).
        const auto text = read_file(dir + "/ROLES.yaml");
        CHECK(text.find("# Drafted by `roles init`") == 0);
        const bool has_people = text.find("\npeople:\n") != std::string::npos;
        CHECK(has_people == (std::string(name) != "people"));
        if (has_people) CHECK(text.find("capacity: 1.0  # a placeholder") != std::string::npos);
    }
}

TEST_CASE("init imports the repository's CODEOWNERS and proposes its owners", "[e2e][init]") {
    TempRepo repo;
    // Alice 6 commits under docs/, Bob 2 under src/, then Bob adds the CODEOWNERS file
    // (a third credited commit of his, outside docs/ and src/).
    for (int i = 0; i < 6; ++i) {
        repo.commit(change("Alice Example", "alice@example.com", i, "docs/page" + std::to_string(i) + ".md"));
    }
    for (int i = 0; i < 2; ++i) {
        repo.commit(change("Bob Example", "bob@example.com", 10 + i, "src/main" + std::to_string(i) + ".c"));
    }
    repo.commit(change("Bob Example", "bob@example.com", 20, ".github/CODEOWNERS",
                       "docs/ @bob-gh\n*.c bob@example.com\n"));
    const auto json = round_trip(repo.path(), "--catalog generic --project demo");
    const auto text = read_file(repo.path() + "/ROLES.yaml");
    INFO(text);
    // Rule `docs/`: owner @bob-gh (no commit under that login); Alice did all 6 docs items,
    // 100% >= 50%, so she is added to keep the hat from being shadowed.
    CHECK(text.find("owner-docs:") != std::string::npos);
    CHECK(text.find("title: \"Code owner: docs/\"") != std::string::npos);
    CHECK(text.find("holders: [bob-gh, alice-example]  # from .github/CODEOWNERS; 6 items in the window: "
                    "bob-gh none (no "
                    "commit of theirs is matched: add their emails), alice-example 6 (100%, not in "
                    ".github/CODEOWNERS)") != std::string::npos);
    // Rule `*.c`: owner bob@example.com, the author of both src/*.c commits (2 of 2 items).
    CHECK(text.find("holders: [bob]  # from .github/CODEOWNERS; 2 items in the window: bob 2 (100%)") !=
          std::string::npos);
    CHECK(text.find(".github/CODEOWNERS (codeowners): 2 hats imported with the holders it names") !=
          std::string::npos);
    // The audit sees both imported hats.
    std::vector<std::string> hats;
    for (const auto& hat : json["hats"]) hats.push_back(hat["id"]);
    CHECK(std::find(hats.begin(), hats.end(), "owner-docs") != hats.end());
    CHECK(std::find(hats.begin(), hats.end(), "owner-c") != hats.end());
}

TEST_CASE("init imports a root OWNERS file with its aliases and picks the kubernetes-sig catalog",
          "[e2e][init][owners]") {
    TempRepo repo;
    // Carol 6 commits under pkg/, then Dave adds OWNERS and OWNERS_ALIASES (a 7th commit).
    for (int i = 0; i < 6; ++i) {
        repo.commit(change("Carol Example", "carol@example.com", i, "pkg/file" + std::to_string(i) + ".go"));
    }
    CommitSpec owners = change("Dave Example", "dave@example.com", 10, "OWNERS", "approvers:\n  - core-approvers\n");
    owners.files.push_back({"OWNERS_ALIASES", "aliases:\n  core-approvers:\n    - carol\n    - dave\n"});
    repo.commit(owners);
    round_trip(repo.path(), "--project demo");
    const auto text = read_file(repo.path() + "/ROLES.yaml");
    INFO(text);
    // A root OWNERS file means a Kubernetes project.
    CHECK(text.find("catalogs: [kubernetes-sig]") != std::string::npos);
    // The root OWNERS governs "**": all 7 commits are its items. The alias is carol and dave,
    // whose logins match no commit; Carol Example did 6 of 7 (86% >= 50%), so she is added.
    CHECK(text.find("approver-all:") != std::string::npos);
    CHECK(text.find("title: \"Approver: /\"") != std::string::npos);
    CHECK(text.find("holders: [carol, dave, carol-example]  # from OWNERS; 7 items in the window: carol none (no "
                    "commit of theirs is matched: add their emails), dave none (no commit of theirs is matched: "
                    "add their emails), carol-example 6 (86%, not in OWNERS)") != std::string::npos);
    // No reviewers named: only the approver hat is imported.
    CHECK(text.find("# OWNERS (owners): 1 hat imported with the holders it names") != std::string::npos);
    CHECK(text.find("reviewer-all") == std::string::npos);
}

TEST_CASE("init never replaces a file without --force, and -o - writes to stdout", "[e2e][init]") {
    const auto dir = build_example("healthy", false);
    const auto roster = dir + "/ROLES.yaml";
    std::ofstream(roster) << "project: mine\n";
    const auto refused = run_roles("init " + shell_quote(dir) + " --no-cache");
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("exists; roles init never replaces a roster: give --force") != std::string::npos);
    CHECK(read_file(roster) == "project: mine\n");
    const auto printed = run_roles("init " + shell_quote(dir) + " --no-cache -o -");
    CHECK(printed.exit_code == 0);
    CHECK(printed.out.find("# Drafted by `roles init`") == 0);
    CHECK(read_file(roster) == "project: mine\n");
    const auto forced = run_roles("init " + shell_quote(dir) + " --no-cache --force -q");
    CHECK(forced.exit_code == 0);
    CHECK(forced.err.empty());
    CHECK(read_file(roster) == printed.out);
}

TEST_CASE("discovery mode points to roles init", "[e2e][init]") {
    const auto dir = build_example("healthy", false);
    const auto audit = run_roles("audit " + shell_quote(dir) + " --no-cache");
    CHECK(audit.exit_code == 0);
    CHECK(audit.out.find("run 'roles init' to draft a ROLES.yaml") != std::string::npos);
}
