// End-to-end: `roles audit --format sarif|github` and the JSON findings on examples/, every
// SARIF document checked against the official 2.1.0 schema and GitHub's upload rules.
// Positions are read off examples/liaisons/ROLES.yaml by hand (ptl: line 13, security-liaison:
// line 17, both at column 3).
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"
#include "e2e/sarif_check.hpp"

using roles::test::build_example;
using roles::test::check_sarif;
using roles::test::parse_json;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

const nlohmann::json& finding_of(const nlohmann::json& findings, const std::string& code, const std::string& hat) {
    for (const auto& f : findings) {
        if (f["code"] == code && f["hat"] == hat) return f;
    }
    FAIL("no finding " << code << " for " << hat);
    return findings;
}

void check_valid_sarif(const std::string& text) {
    const auto verdict = check_sarif(text);
    INFO(verdict.out + verdict.err);
    CHECK(verdict.exit_code == 0);
}

}  // namespace

TEST_CASE("audit JSON lists the findings with their roster locations", "[e2e][findings]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format json --no-cache");
    REQUIRE(run.exit_code == 1);
    const auto audit = parse_json(run.out);
    const auto& vacant = finding_of(audit["findings"], "vacant", "security-liaison");
    CHECK(vacant["grade"] == "fails-gate");
    CHECK(vacant["location"]["line"] == 17);
    CHECK(vacant["location"]["column"] == 3);
    CHECK(vacant["location"]["origin"] == "roster");
    CHECK(std::string(vacant["location"]["file"]).ends_with("/ROLES.yaml"));
    CHECK(finding_of(audit["findings"], "shadowed", "ptl")["location"]["line"] == 13);
    CHECK(finding_of(audit["findings"], "shadowed", "ptl")["grade"] == "warning");
    // A hat the roster never names is located in its catalog.
    const auto& oslo = finding_of(audit["findings"], "unassigned", "oslo-liaison");
    CHECK(oslo["location"]["origin"] == "catalog");
    CHECK(std::string(oslo["location"]["file"]).ends_with("/openstack.yaml"));
    CHECK(oslo["grade"] == "note");
    // Every format says the same thing: each hat's reason is its finding's message.
    for (const auto& hat : audit["hats"]) {
        if (hat["status"] == "ok") continue;
        CHECK(finding_of(audit["findings"], hat["status"], hat["id"])["message"] == hat["reason"]);
    }
}

TEST_CASE("audit --format sarif is valid SARIF located in ROLES.yaml, graded by the gate", "[e2e][sarif]") {
    const auto repo = build_example("liaisons");
    const auto json = parse_json(run_roles("audit " + shell_quote(repo) + " --format json --no-cache").out);
    const auto run = run_roles("audit " + shell_quote(repo) + " --format sarif --no-cache");
    CHECK(run.exit_code == 1);  // the gate decides the exit code in every format
    check_valid_sarif(run.out);
    const auto sarif = nlohmann::json::parse(run.out);
    const auto& results = sarif["runs"][0]["results"];
    CHECK(results.size() == json["findings"].size());
    bool seen_vacant = false;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& finding = json["findings"][i];
        const auto subject = finding["hat"].is_null() ? "burnout:" + std::string(finding["person"])
                                                      : std::string(finding["hat"]);
        CHECK(results[i]["message"]["text"] == subject + ": " + std::string(finding["message"]));
        if (results[i]["ruleId"] != "vacant") continue;
        seen_vacant = true;
        CHECK(results[i]["level"] == "error");
        const auto& where = results[i]["locations"][0]["physicalLocation"];
        CHECK(where["artifactLocation"]["uri"] == "ROLES.yaml");
        CHECK(where["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
        CHECK(where["region"]["startLine"] == 17);
    }
    CHECK(seen_vacant);
    // Same findings, other gate: the vacant hat is a warning and the exit code 0.
    const auto relaxed = run_roles("audit " + shell_quote(repo) + " --format sarif --no-cache --fail-on none");
    CHECK(relaxed.exit_code == 0);
    const auto again = nlohmann::json::parse(relaxed.out)["runs"][0]["results"];
    for (std::size_t i = 0; i < again.size(); ++i) {
        CHECK(again[i]["level"] != "error");
        CHECK(again[i]["partialFingerprints"] == results[i]["partialFingerprints"]);
    }
}

TEST_CASE("audit --format github writes one workflow command per finding and the gate", "[e2e][github]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format github --no-cache");
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("::error file=ROLES.yaml,line=17,col=3,title=roles%3A security-liaison (vacant)::"
                       "security-liaison: ") != std::string::npos);
    CHECK(run.out.find("::warning file=ROLES.yaml,line=13,col=3,title=roles%3A ptl (shadowed)::ptl: ") !=
          std::string::npos);
    CHECK(run.out.ends_with("::error title=roles gate::gate: failed (--fail-on vacant): 1 finding\n"));
    std::size_t lines = 0;
    for (const char c : run.out) lines += c == '\n' ? 1 : 0;
    const auto json = parse_json(run_roles("audit " + shell_quote(repo) + " --format json --no-cache").out);
    CHECK(lines == json["findings"].size() + 1);
}

TEST_CASE("SARIF of a program roster and of discovery mode is valid too", "[e2e][sarif]") {
    const auto program = build_example("program");
    const auto run = run_roles("audit --roster " + shell_quote(program + "/ROLES.yaml") +
                               " --format sarif --no-cache --fail-on none");
    CHECK(run.exit_code == 0);
    check_valid_sarif(run.out);
    const auto sarif = nlohmann::json::parse(run.out);
    CHECK(sarif["runs"][0]["automationDetails"]["id"] == "roles/audit/program/");
    for (const auto& result : sarif["runs"][0]["results"]) {
        CHECK_FALSE(std::string(result["properties"]["project"]).empty());
        CHECK(std::string(result["properties"]["subject"]).find('/') != std::string::npos);  // "project/hat"
    }
    const auto bare = build_example("healthy", false);
    const auto discovery = run_roles("audit " + shell_quote(bare) + " --format sarif --no-cache");
    CHECK(discovery.exit_code == 0);
    check_valid_sarif(discovery.out);
    const auto found = nlohmann::json::parse(discovery.out)["runs"][0]["results"];
    REQUIRE_FALSE(found.empty());
    // No roster: each hat is shown at its built-in catalog entry, as a note.
    CHECK(found[0]["level"] == "note");
    CHECK(found[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "ROLESCATALOGS");
    CHECK(found[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "generic.yaml");
}

TEST_CASE("sarif and github are audit formats only", "[e2e][sarif]") {
    const auto repo = build_example("liaisons");
    const auto load = run_roles("load " + shell_quote(repo) + " --format sarif --no-cache");
    CHECK(load.exit_code == 2);
    CHECK(load.err.find("--format") != std::string::npos);
}

TEST_CASE("findings of an imported roster point at the published file's entries", "[e2e][sarif][import]") {
    const auto repo = build_example("healthy", false);
    // Rule `docs/` is line 2 and rule `*.c` line 3 of this file (line 1 is a comment); the
    // audit reads it from the repository's work tree, so SARIF gives it under %SRCROOT%.
    {
        std::ofstream out(repo + "/CODEOWNERS");
        out << "# owners\ndocs/ @nobody-here\n*.c @someone-else\n";
    }
    const auto spec = shell_quote("codeowners:" + repo + "/CODEOWNERS");
    const auto run = run_roles("audit " + shell_quote(repo) + " --import " + spec + " --format sarif --no-cache");
    INFO(run.err);
    check_valid_sarif(run.out);
    const auto results = nlohmann::json::parse(run.out)["runs"][0]["results"];
    REQUIRE_FALSE(results.empty());
    std::set<std::string> projects;
    for (const auto& result : results) {
        const std::string project = result["properties"]["project"];
        const auto& where = result["locations"][0]["physicalLocation"];
        if (where["artifactLocation"].value("uriBaseId", "") == "ROLESCATALOGS") continue;  // a catalog's hat
        projects.insert(project);
        CHECK(where["artifactLocation"]["uri"] == "CODEOWNERS");
        CHECK(where["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
        CHECK(where["region"]["startLine"] == (project == "docs/" ? 2 : 3));
    }
    CHECK(projects == std::set<std::string>{"*.c", "docs/"});
    // GitLab Code Quality points at the same lines.
    const auto quality = run_roles("audit " + shell_quote(repo) + " --import " + spec +
                                   " --format codequality --no-cache");
    std::set<int> lines;
    for (const auto& issue : nlohmann::json::parse(quality.out)) {
        CHECK(issue["location"]["path"] == "CODEOWNERS");
        lines.insert(issue["location"]["lines"]["begin"].get<int>());
    }
    CHECK(lines == std::set<int>{2, 3});
}
