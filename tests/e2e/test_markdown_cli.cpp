// End-to-end: `--format markdown` of audit (plain and program rosters) and load, and
// `audit --format codequality`, on examples/ projects. Expected texts worked out by hand from
// examples/*/history.fi and ROLES.yaml (see examples/README.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::parse_json;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("the audit summary of liaisons opens with the failed gate and its vacant hat", "[e2e][markdown]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format markdown");
    CHECK(run.exit_code == 1);  // the gate, as for text
    const auto json = parse_json(run_roles("audit " + shell_quote(repo) + " --format json").out);
    const std::string head = json["head"].get<std::string>().substr(0, 12);
    CHECK(run.out.starts_with(
        "## roles audit: nova-mini\n"
        "\n"
        "**Gate: failed** (`--fail-on vacant`): 1 hat.\n"
        "\n"
        "| failing | status | holders | reason |\n"
        "|---|---|---|---|\n"
        "| security-liaison | vacant | — | required hat with no holder; candidates by evidence: "
        "Takashi Kajinami (100%, 2 items) |\n"
        "\n"
        "Window 2024-09-30 .. 2025-09-30, HEAD `" +
        head +
        "`: 39 commits by 6 people. 10 hats: 1 vacant, "
        "1 understaffed, 1 stale, 2 shadowed, 1 ok, 4 unassigned.\n"
        "\n"
        "<details>\n"
        "<summary>9 other hats, project health</summary>\n"));
    // Every hat but the failing one, once, inside the collapsed block.
    const auto details = run.out.substr(run.out.find("<details>"));
    CHECK(details.find("| security-liaison |") == std::string::npos);
    CHECK(count(details, "\n| ") == 1 + 9);  // the header and 9 rows (the separator starts "|-")
    CHECK(details.find(
              "| release-liaison | understaffed | elod | 10 | 70% | 1 of 2 holders needed; candidates by "
              "evidence: gibi (10%, 1 item), stephen (10%, 1 item), sylvain (10%, 1 item) |\n") !=
          std::string::npos);
    CHECK(details.find("| docs-liaison | stale | stephen (inactive) |") != std::string::npos);
    CHECK(details.find("| stable-liaison | unassigned | — (former: sylvain) |") != std::string::npos);
    CHECK(details.find("**Project health:** truck factor ") != std::string::npos);
    CHECK(run.out.ends_with("</details>\n"));
}

TEST_CASE("the audit summary names every --fail-on status and passes when nothing matches",
          "[e2e][markdown]") {
    const auto repo = build_example("liaisons");
    const auto failed =
        run_roles("audit " + shell_quote(repo) + " --format markdown --fail-on vacant,understaffed,stale");
    CHECK(failed.exit_code == 1);
    CHECK(failed.out.find("**Gate: failed** (`--fail-on vacant,understaffed,stale`): 3 hats.\n") !=
          std::string::npos);
    // Roster order: release-liaison, security-liaison, docs-liaison.
    const auto release = failed.out.find("| release-liaison | understaffed |");
    const auto security = failed.out.find("| security-liaison | vacant |");
    const auto docs = failed.out.find("| docs-liaison | stale |");
    CHECK(release < security);
    CHECK(security < docs);
    CHECK(docs < failed.out.find("<details>"));

    const auto healthy = build_example("healthy");
    const auto passed = run_roles("audit " + shell_quote(healthy) + " --format markdown --fail-on any");
    CHECK(passed.exit_code == 0);
    CHECK(passed.out.find("**Gate: passed** (`--fail-on any`): nothing matched.\n") != std::string::npos);
    CHECK(passed.out.find("| failing |") == std::string::npos);
    CHECK(passed.out.find("<summary>All ") != std::string::npos);

    const auto quiet = run_roles("audit " + shell_quote(repo) + " --format markdown -q");
    CHECK(quiet.exit_code == 1);
    CHECK(quiet.out.find("<details>") == std::string::npos);
    CHECK(quiet.out.find("| security-liaison | vacant |") != std::string::npos);
}

TEST_CASE("a person at high burnout risk fails a burnout-high gate in the summary", "[e2e][markdown]") {
    // cycles: ana holds 3 hats on a capacity of 0.4 (1.25), sole active holder of 2: high risk.
    const auto repo = build_example("cycles");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format markdown --fail-on burnout-high");
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("**Gate: failed** (`--fail-on burnout-high`): 1 person at high burnout risk.\n") !=
          std::string::npos);
    CHECK(run.out.find("| burnout:ana | high burnout risk | ana | ") != std::string::npos);
}

TEST_CASE("the program summary names failing hats PROJECT/HAT", "[e2e][markdown][program]") {
    const auto dir = build_example("program");
    const auto run = run_roles("audit --roster " + shell_quote(dir + "/ROLES.yaml") + " --format markdown");
    CHECK(run.exit_code == 1);
    CHECK(run.out.starts_with("## roles audit: program " + dir +
                              "/ROLES.yaml\n\n"
                              "**Gate: failed** (`--fail-on vacant`): 4 hats.\n\n"
                              "| failing | status | holders | reason |\n|---|---|---|---|\n"
                              "| nova-mini/security-liaison | vacant | — |"));
    for (const auto* hat : {"governance/ci-keeper", "governance/security-contact", "governance/triager"}) {
        CHECK(run.out.find(std::string("| ") + hat + " | vacant | — |") < run.out.find("<details>"));
    }
    CHECK(run.out.find("> **Warning:** ") != std::string::npos);  // governance's repository is missing
    CHECK(run.out.find("3 projects, 22 hats: ") != std::string::npos);
    CHECK(run.out.find("| governance | none: roster only |") != std::string::npos);
    // gibi: 4 seats in 3 projects, 1.00 of effort at capacity 0.80; elod 2 projects at 0.2.
    // melanie (one seat, 0.1) and ada (one project, 0.75) are not listed.
    const auto seats = run.out.substr(run.out.find("People with seats in more than one project"));
    CHECK(seats.find("| gibi | ") != std::string::npos);
    CHECK(seats.find(" | 3 | 1.00 | 0.80 | 1.25 |\n") != std::string::npos);
    CHECK(seats.find("| elod | nova-mini/release-liaison, governance/release-manager | 2 | 0.20 | ") !=
          std::string::npos);
    CHECK(seats.find("| melanie |") == std::string::npos);
    CHECK(seats.find("| ada |") == std::string::npos);
}

TEST_CASE("the load summary of liaisons counts the people and collapses them", "[e2e][markdown][load]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("load " + shell_quote(repo) + " --format markdown");
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("## roles load: nova-mini\n\nWindow 2024-09-30 .. 2025-09-30, HEAD `") == 0);
    CHECK(run.out.find("`: 39 counted commits.\n\n"
                       "**0 people at high burnout risk, 0 at medium, 0 at low** (of 6 people;") !=
          std::string::npos);
    CHECK(run.out.find("Nobody shows two or more signals.\n") != std::string::npos);
    // The five roster people in the collapsed table; takashi (off the roster, no signal) counted.
    CHECK(run.out.find("<summary>5 other people with one signal or on the roster</summary>") !=
          std::string::npos);
    CHECK(run.out.find("| Balazs Gibizer (gibi) | none | 0.62 | ptl\\* | 14 | 14 | 36% | - |\n") !=
          std::string::npos);
    CHECK(run.out.find("And 1 person active in the window off the roster without a signal.\n") !=
          std::string::npos);
    const auto person = run_roles("load " + shell_quote(repo) + " --format markdown --person gibi");
    CHECK(person.exit_code == 0);
    CHECK(person.out.find("| ptl | sole holder | 0.50 |") != std::string::npos);
}

TEST_CASE("the code quality report of liaisons locates each finding in ROLES.yaml", "[e2e][codequality]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format codequality");
    CHECK(run.exit_code == 1);
    const auto issues = nlohmann::json::parse(run.out);
    REQUIRE(issues.is_array());
    // GitLab's required fields, checked by python3-jsonschema; the schema rejects an issue
    // without a line, so it is not a schema that accepts anything.
    const auto schema = std::string(ROLES_SOURCE_DIR) + "/tests/support/gitlab-codequality.schema.json";
    const auto valid = roles::test::validate_against_schema(run.out, schema);
    INFO(valid.out + valid.err);
    CHECK(valid.exit_code == 0);
    auto broken = issues;
    broken[0]["location"].erase("lines");
    const auto invalid = roles::test::validate_against_schema(broken.dump(), schema);
    CHECK(invalid.exit_code == 1);
    CHECK(invalid.out.find("'lines' is a required property") != std::string::npos);
    std::ifstream file(repo + "/ROLES.yaml");
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);) lines.push_back(line);
    std::set<std::string> fingerprints;
    std::multiset<std::string> checks;
    for (const auto& issue : issues) {
        for (const auto* field : {"description", "check_name", "fingerprint", "severity"}) {
            REQUIRE(issue[field].is_string());
            CHECK_FALSE(issue[field].get<std::string>().empty());
        }
        CHECK(issue["location"]["path"] == "ROLES.yaml");  // from the work tree's root
        const int begin = issue["location"]["lines"]["begin"];
        CHECK(begin >= 1);
        CHECK(begin <= static_cast<int>(lines.size()));
        fingerprints.insert(issue["fingerprint"]);
        checks.insert(issue["check_name"]);
        if (issue["check_name"] == "roles/vacant") {
            CHECK(issue["severity"] == "critical");
            CHECK(lines[begin - 1].find("security-liaison") != std::string::npos);
        }
        if (issue["check_name"] == "roles/understaffed") CHECK(issue["severity"] == "major");  // not gated
    }
    CHECK(fingerprints.size() == issues.size());
    // ptl and bug-liaison shadowed, release-liaison understaffed, docs-liaison stale, security vacant.
    CHECK(checks.count("roles/vacant") == 1);
    CHECK(checks.count("roles/understaffed") == 1);
    CHECK(checks.count("roles/stale") == 1);
    CHECK(checks.count("roles/shadowed") == 2);
    // The same findings the next run: the fingerprints do not move.
    const auto again =
        nlohmann::json::parse(run_roles("audit " + shell_quote(repo) + " --format codequality").out);
    CHECK(again == issues);
}

TEST_CASE("markdown and codequality are refused where they are not rendered", "[e2e][markdown]") {
    const auto repo = build_example("liaisons");
    const auto validate = run_roles("validate " + shell_quote(repo + "/ROLES.yaml") + " --format markdown");
    CHECK(validate.exit_code == 2);
    const auto load = run_roles("load " + shell_quote(repo) + " --format codequality");
    CHECK(load.exit_code == 2);
    const auto help = run_roles("audit --help");
    CHECK(help.out.find("output format: text (default), json, markdown, sarif, github (GitHub Actions annotations) or "
                        "codequality (GitLab Code Quality)") != std::string::npos);
}

TEST_CASE("the code quality report of a program names PROJECT/HAT and the roster as given",
          "[e2e][codequality]") {
    // The program folder is not a repository: the path stays as given.
    const auto dir = build_example("program");
    const auto run =
        run_roles("audit --roster " + shell_quote(dir + "/ROLES.yaml") + " --format codequality");
    CHECK(run.exit_code == 1);
    const auto issues = nlohmann::json::parse(run.out);
    std::vector<std::string> critical;
    for (const auto& issue : issues) {
        CHECK(issue["location"]["path"] == dir + "/ROLES.yaml");
        if (issue["severity"] == "critical") critical.push_back(issue["description"]);
    }
    // The four vacant hats of the program gate, in project order.
    REQUIRE(critical.size() == 4);
    CHECK(critical[0].starts_with("hat nova-mini/security-liaison is vacant: "));
    CHECK(critical[1].starts_with("hat governance/ci-keeper is vacant: "));
}

TEST_CASE("the code quality report of an imported roster points at the imported file", "[e2e][codequality]") {
    // The 2022 governance file names nova's PTL and liaisons.
    const auto repo = build_example("liaisons", false);
    const std::string file =
        std::string(ROLES_DATA_DIR) + "/openstack-governance-projects-2022-05-dc8ddc80.yaml";
    const auto run =
        run_roles("audit " + shell_quote(repo) + " --import " + shell_quote("openstack:" + file) +
                  " --team nova --format codequality --fail-on any");
    const auto issues = nlohmann::json::parse(run.out);
    REQUIRE_FALSE(issues.empty());
    // The data file lies in the roles checkout, a work tree: its path from that tree's root.
    // Every issue is about a hat of team nova, whose entry starts at line 976 of the file
    // (`grep -n '^nova:'`): that is where the user reads and fixes it.
    for (const auto& issue : issues) {
        CHECK(issue["location"]["path"] == "tests/data/openstack-governance-projects-2022-05-dc8ddc80.yaml");
        CHECK(issue["location"]["lines"]["begin"] == 976);
    }
}
