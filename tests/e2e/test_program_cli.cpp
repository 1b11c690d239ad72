// End-to-end: `roles audit` on the program example (examples/program, built with build.sh).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::run_roles;
using roles::test::shell_quote;

TEST_CASE("a program roster is audited per project with seats added up across projects", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto roster = dir + "/ROLES.yaml";
    const auto run = run_roles("audit --roster " + shell_quote(roster) + " --format json");
    // Vacant: nova-mini's security liaison (explicit []), and governance's ci-keeper,
    // security-contact and triager (generic hats the roster does not fill).
    CHECK(run.exit_code == 1);
    const auto audit = roles::test::parse_json(run.out);
    CHECK(audit["schema"] == "roles.audit/1");
    CHECK(audit["program"] == true);
    REQUIRE(audit["projects"].size() == 3);
    CHECK(audit["projects"][0]["project"] == "nova-mini");
    CHECK(audit["projects"][0]["totals"]["commits"] == 39);  // as in the liaisons example
    CHECK(audit["projects"][1]["project"] == "tinylib");
    CHECK(audit["projects"][1]["totals"]["by_status"]["ok"] == 6);
    const auto& governance = audit["projects"][2];
    CHECK(governance["mode"] == "roster-only");
    CHECK(governance["repos"].empty());
    CHECK(audit["gate"]["failed"] == nlohmann::json::array({"nova-mini/security-liaison", "governance/ci-keeper",
                                                            "governance/security-contact", "governance/triager"}));
    // governance's repository is not there: one warning names it.
    REQUIRE(audit["warnings"].size() == 1);
    CHECK(audit["warnings"][0].get<std::string>().find("repository '" + dir + "/governance' cannot be read") !=
          std::string::npos);

    // Seats (effort from the catalogs): gibi nova-mini/ptl 0.5 + tinylib/reviewer 0.1 +
    // governance/lead 0.3 + governance/release-manager 0.1 = 1.0 at capacity 0.8 -> 1.25.
    // ada and bo: the six generic hats of tinylib, 0.3+0.1+0.1+0.05+0.1+0.1 = 0.75.
    // elod: nova-mini/release-liaison 0.1 + governance/release-manager 0.1 = 0.2.
    // melanie, stephen, sylvain: one 0.1 liaison seat each (sylvain's stable term ended).
    const auto& people = audit["people"];
    REQUIRE(people.size() == 7);
    const std::vector<std::string> order = {"gibi", "ada", "bo", "elod", "melanie", "stephen", "sylvain"};
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(people[i]["person"] == order[i]);
    CHECK(people[0]["seats"].size() == 4);
    CHECK(people[0]["projects"] == 3);
    CHECK(people[0]["commitment"].get<double>() == Approx(1.25));
    CHECK(people[1]["commitment"].get<double>() == Approx(0.75));
    CHECK(people[3]["effort"].get<double>() == Approx(0.2));
}

TEST_CASE("the program text shows each project, the seats table and a program gate", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto run = run_roles("audit --roster " + shell_quote(dir + "/ROLES.yaml"));
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("roles audit: nova-mini") != std::string::npos);
    CHECK(run.out.find("roles audit: tinylib") != std::string::npos);
    CHECK(run.out.find("no repository: coverage from the roster alone") != std::string::npos);
    CHECK(run.out.find("cross-project load") != std::string::npos);
    CHECK(run.out.find("gibi     4      3         1.00    0.80      1.25") != std::string::npos);
    CHECK(run.out.find("3 projects, 22 hats:") != std::string::npos);
    const auto quiet = run_roles("audit --roster " + shell_quote(dir + "/ROLES.yaml") + " --fail-on none -q");
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out == "gate: passed (--fail-on none)\n");
}

TEST_CASE("load takes a program roster: every project on its own repository, or --project P", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto roster = shell_quote(dir + "/ROLES.yaml");
    const auto all = run_roles("load --roster " + roster + " --format json");
    CHECK(all.exit_code == 0);
    // governance has no repository: left out, with a warning.
    CHECK(all.err.find("project 'governance' has no repository that could be read: left out") != std::string::npos);
    const auto program = roles::test::parse_json(all.out);
    CHECK(program["program"] == true);
    REQUIRE(program["projects"].size() == 2);
    CHECK(program["projects"][0]["project"] == "nova-mini");
    CHECK(program["projects"][0]["commits"] == 39);  // the liaisons example's 39 credited commits
    CHECK(program["projects"][1]["project"] == "tinylib");
    const auto one = run_roles("load --roster " + roster + " --project tinylib --format json");
    CHECK(one.exit_code == 0);
    const auto tinylib = roles::test::parse_json(one.out);
    CHECK(tinylib["project"] == "tinylib");
    CHECK_FALSE(tinylib.contains("program"));
    const auto text = run_roles("load --roster " + roster);
    CHECK(text.out.starts_with("project nova-mini:\n"));
    CHECK(text.out.find("\nproject tinylib:\n") != std::string::npos);
    const auto typo = run_roles("load --roster " + roster + " --project tinylb");
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("no project 'tinylb' in '" + dir + "/ROLES.yaml' (did you mean 'tinylib'?)") != std::string::npos);
    const auto plain = run_roles("load " + shell_quote(dir + "/liaisons") + " --project nova-mini");
    CHECK(plain.exit_code == 2);
    CHECK(plain.err.find("picks a project of a program roster") != std::string::npos);
}

TEST_CASE("report takes a program roster: JSON holds every project, --project P one", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto roster = shell_quote(dir + "/ROLES.yaml");
    // tinylib (examples/healthy) has the releases v1.2.0 and v1.3.0: --cycle auto works.
    const auto one = run_roles("report --roster " + roster + " --project tinylib --format json");
    INFO(one.err);
    CHECK(one.exit_code == 0);
    const auto report = roles::test::parse_json(one.out);
    CHECK(report["project"] == "tinylib");
    const auto both = run_roles("report --roster " + roster + " --cycle 2020-01-01..2030-12-31 --format json");
    INFO(both.err);
    CHECK(both.exit_code == 0);
    const auto program = roles::test::parse_json(both.out);
    REQUIRE(program["projects"].size() == 2);
    CHECK(program["projects"][0]["project"] == "nova-mini");
    CHECK(program["projects"][1]["project"] == "tinylib");
    // HTML of the whole program is the program summary page (test_program_report_cli.cpp);
    // HTML of one project is that project's page.
    const auto html = run_roles("report --roster " + roster + " --project tinylib --format html");
    CHECK(html.exit_code == 0);
    CHECK(html.out.find("<html") != std::string::npos);
}

TEST_CASE("the program text starts with a project by status table", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto run = run_roles("audit --roster " + shell_quote(dir + "/ROLES.yaml"));
    // tinylib: its 6 generic hats all ok (the JSON test above); governance: lead and
    // release-manager held, ci-keeper, security-contact and triager vacant, reviewer optional.
    CHECK(run.out.starts_with("PROJECT       HATS  VACANT  UNDERSTAFFED  STALE  SINGLE-POINT  SHADOWED  OK  "
                              "UNASSIGNED\n"));
    CHECK(roles::test::text_row(run.out, "tinylib").starts_with("tinylib       6     -       -             -      "
                                                                "-             -         6   -"));
    CHECK(run.out.find("\nall projects  22 ") != std::string::npos);
}

TEST_CASE("a project repository's damaged history cache is a program warning", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto audit = "audit --roster " + shell_quote(dir + "/ROLES.yaml") + " --format json";
    REQUIRE(run_roles(audit).exit_code == 1);  // writes the cache of nova-mini's repository, liaisons/
    std::vector<std::filesystem::path> facts;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/liaisons/.git/roles-cache")) {
        if (entry.path().filename().string().starts_with("facts-")) facts.push_back(entry.path());
    }
    REQUIRE_FALSE(facts.empty());
    {
        std::ofstream damage(facts.front(), std::ios::binary | std::ios::trunc);
        damage << "not a cache file";
    }
    const auto run = run_roles(audit);
    CHECK(run.exit_code == 1);
    const auto json = roles::test::parse_json(run.out);
    REQUIRE(json["warnings"].size() == 2);  // the damaged file, then governance's missing repository
    const auto warning = json["warnings"][0].get<std::string>();
    CHECK(warning.starts_with("project 'nova-mini': repository '" + dir + "/liaisons': history cache file '"));
    CHECK(warning.find("is damaged (not a roles cache file)") != std::string::npos);
    // Totals are those of an undamaged run: the cache never changes a result.
    CHECK(json["projects"][0]["totals"]["commits"] == 39);
}

TEST_CASE("with --cache-dir each repository of a program gets a directory of its own", "[e2e][program]") {
    const auto dir = build_example("program");
    const auto cache = roles::test::make_temp_dir();
    const auto audit = "audit --roster " + shell_quote(dir + "/ROLES.yaml") + " --cache-dir " + shell_quote(cache);
    REQUIRE(run_roles(audit).exit_code == 1);
    // liaisons/ and healthy/ (governance has no repository): two directories, each with
    // its own facts, none at the top.
    std::vector<std::string> subdirectories;
    for (const auto& entry : std::filesystem::directory_iterator(cache)) {
        if (entry.is_directory()) subdirectories.push_back(entry.path().filename().string());
        CHECK_FALSE(entry.path().filename().string().starts_with("facts-"));
    }
    std::sort(subdirectories.begin(), subdirectories.end());
    REQUIRE(subdirectories.size() == 2);
    CHECK(subdirectories[0].starts_with("healthy-"));
    CHECK(subdirectories[1].starts_with("liaisons-"));
    const auto again = run_roles(audit + " --stats");
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("roles: warning") == std::string::npos);
}
