// End-to-end: `roles report` on the program example (examples/program): the program summary
// (project × hat statuses, the people with the most seats) and then each project's report.
// Expected seats worked out by hand from examples/program/ROLES.yaml and the catalogs' efforts.
#include <catch2/catch.hpp>

#include <string>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("a program report sums up the projects, then shows each one", "[e2e][program][report]") {
    const auto dir = build_example("program");
    const auto args = "report --roster " + shell_quote(dir + "/ROLES.yaml") + " --cycle 2025-04-01..2025-09-30";
    const auto run = run_roles(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto& md = run.out;
    CHECK(md.starts_with("# Program cycle report: " + dir + "/ROLES.yaml\n"));
    CHECK(md.find("\n## Hats per project\n") != std::string::npos);
    // governance lists a repository that is not there: no report, said in its row.
    CHECK(md.find("\n| governance | no report: no repository to read |") != std::string::npos);
    CHECK(md.find("\n| nova-mini | 2025-04-01..2025-09-30 | ") != std::string::npos);
    // ada and bo hold the 6 generic hats of tinylib: 0.3 + 0.1 + 0.1 + 0.05 + 0.1 + 0.1 = 0.75.
    // gibi: nova-mini/ptl 0.5, tinylib/reviewer 0.1, governance/lead 0.3 and release-manager
    // 0.1 = 1.0 at capacity 0.8 = 1.25.
    CHECK(has_line(md, "| ada | 6 (tinylib/lead, tinylib/release-manager, tinylib/ci-keeper and 3 more) | 1 | 0.75 |"));
    CHECK(has_line(md, "| gibi | 4 (nova-mini/ptl, tinylib/reviewer, governance/lead and 1 more) | 3 | 1.25 |"));
    CHECK(md.find("| bo | 6 (") < md.find("| gibi | 4 ("));
    // Then each project with a report, its headings one level down.
    CHECK(md.find("\n## Cycle report: nova-mini, 2025-04-01..2025-09-30\n") != std::string::npos);
    CHECK(md.find("\n## Cycle report: tinylib, 2025-04-01..2025-09-30\n") != std::string::npos);
    CHECK(md.find("\n### Coverage\n") != std::string::npos);
    CHECK(md.find("Cycle report: governance") == std::string::npos);

    const auto text = run_roles(args + " --format text");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("\nPEOPLE WITH THE MOST SEATS\n") != std::string::npos);
    CHECK(text.out.find("\n  governance: no report (no repository to read).\n") != std::string::npos);
    CHECK(text.out.find("\nPROJECT nova-mini\n") != std::string::npos);
    const auto html = run_roles(args + " --format html");
    REQUIRE(html.exit_code == 0);
    CHECK(html.out.find("<h2>Hats per project</h2>") != std::string::npos);
    CHECK(html.out.find("<section id=\"project-tinylib\">") != std::string::npos);
    // JSON has no program summary: it holds each project's own report (test_program_cli.cpp).
    const auto json = run_roles(args + " --format json");
    REQUIRE(json.exit_code == 0);
    CHECK(roles::test::parse_json(json.out)["program"] == true);
}
