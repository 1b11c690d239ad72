// End-to-end: `roles whatif` on the examples/ projects (examples/README.md has their
// findings). Statuses before a departure are the audit's own; the changes after are
// worked out from the rosters by hand in the comments.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

std::vector<std::string> strings(const nlohmann::json& list) {
    std::vector<std::string> out;
    for (const auto& item : list) out.push_back(item.get<std::string>());
    return out;
}

const nlohmann::json& hat_of(const nlohmann::json& project, const std::string& id) {
    for (const auto& hat : project["hats"]) {
        if (hat["hat"] == id) return hat;
    }
    FAIL("no hat " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

// gibi holds only ptl (shadowed: the README change is stephen's). Without gibi nobody holds
// it: vacant, which the default gate (vacant) fails. Every hat's status before is the
// audit's.
TEST_CASE("whatif --without a person: the hats they leave and the gate", "[e2e][whatif]") {
    const auto dir = build_example("liaisons");
    const auto run = run_roles("whatif " + shell_quote(dir) + " --without gibi --format json");
    INFO(run.err);
    CHECK(run.exit_code == 1);
    const auto doc = roles::test::parse_json(run.out);  // validated against schemas/roles.whatif.1
    CHECK(doc["schema"] == "roles.whatif/1");
    REQUIRE(doc["scenarios"].size() == 1);
    const auto& scenario = doc["scenarios"][0];
    CHECK(scenario["people"][0]["person"] == "gibi");
    CHECK(strings(scenario["failures"]) == std::vector<std::string>{"ptl"});
    CHECK(strings(doc["gate"]["failed"]) == std::vector<std::string>{"gibi: ptl"});
    const auto& project = scenario["projects"][0];
    CHECK(hat_of(project, "ptl")["before"] == "shadowed");
    CHECK(hat_of(project, "ptl")["after"] == "vacant");
    CHECK(strings(hat_of(project, "ptl")["leaving"]) == std::vector<std::string>{"gibi"});

    const auto audit = run_roles("audit " + shell_quote(dir) + " --format json");
    const auto audited = roles::test::parse_json(audit.out);
    for (const auto& hat : audited["hats"]) CHECK(hat_of(project, hat["id"])["before"] == hat["status"]);
    // The factors before are the audit's too.
    const auto& health = project["health"];
    CHECK(health["truck_factor"]["truck_factor"]["before"] == audited["health"]["truck_factor"]["truck_factor"]);
    CHECK(health["elephant"]["factor"]["before"] == audited["health"]["elephant_factor"]["factor"]);

    // The ptl's work lands on the people who did it, stephen first (the README change).
    bool ptl_handover = false;
    for (const auto& handover : project["handovers"]) {
        if (handover["hat"] != "ptl") continue;
        ptl_handover = true;
        CHECK(handover["held"] == true);
        REQUIRE_FALSE(handover["candidates"].empty());
        CHECK(handover["candidates"][0]["person"] == "stephen");
    }
    CHECK(ptl_handover);

    // The roster file is never edited.
    const auto again = run_roles("audit " + shell_quote(dir) + " --format json");
    CHECK(again.out == audit.out);
}

// Example Corp is gibi and elod: ptl (gibi) and release-liaison (elod, understaffed) both
// become vacant. --fail-on none passes whatever happens.
TEST_CASE("whatif --without @Affiliation removes the whole company", "[e2e][whatif]") {
    const auto dir = build_example("liaisons");
    const auto run = run_roles("whatif " + shell_quote(dir) + " --without '@Example Corp' --format json");
    CHECK(run.exit_code == 1);
    const auto doc = roles::test::parse_json(run.out);
    const auto& scenario = doc["scenarios"][0];
    CHECK(strings(scenario["failures"]) == std::vector<std::string>{"ptl", "release-liaison"});
    CHECK(scenario["people"].size() == 2);
    CHECK(hat_of(scenario["projects"][0], "release-liaison")["before"] == "understaffed");
    CHECK(run_roles("whatif " + shell_quote(dir) + " --without '@Example Corp' --fail-on none -q").exit_code == 0);

    const auto text = run_roles("whatif " + shell_quote(dir) + " --without '@Example Corp'");
    CHECK(text.out.find("what if @Example Corp leaves: nova-mini") != std::string::npos);
    CHECK(text.out.find("shadowed → vacant") != std::string::npos);
    CHECK(text.out.find("understaffed → vacant") != std::string::npos);
    CHECK(text.out.find("gate: failed (--fail-on vacant): @Example Corp: ptl, @Example Corp: release-liaison") !=
          std::string::npos);
}

// Every affiliation in turn, worst first: the failures never increase down the list, and
// Example Corp's case is the one above.
TEST_CASE("whatif --without-each @ lists every company, worst first", "[e2e][whatif]") {
    const auto dir = build_example("liaisons");
    const auto run = run_roles("whatif " + shell_quote(dir) + " --without-each @ --format json");
    CHECK(run.exit_code == 1);
    const auto doc = roles::test::parse_json(run.out);
    CHECK(doc["each"] == "affiliation");
    REQUIRE(doc["scenarios"].size() >= 2);
    std::uint64_t previous = 1000;
    bool example_corp = false;
    for (const auto& scenario : doc["scenarios"]) {
        CHECK(scenario["subject"].get<std::string>().starts_with("@"));
        const auto failures = scenario["severity"]["failures"].get<std::uint64_t>();
        CHECK(failures <= previous);
        previous = failures;
        if (scenario["subject"] == "@Example Corp") {
            example_corp = true;
            CHECK(strings(scenario["failures"]) == std::vector<std::string>{"ptl", "release-liaison"});
        }
    }
    CHECK(example_corp);
    const auto markdown = run_roles("whatif " + shell_quote(dir) + " --without-each @ --format markdown");
    CHECK(markdown.out.starts_with("# what if each affiliation leaves in turn: nova-mini"));
    CHECK(markdown.out.find("| WHO | PEOPLE | FAILS |") != std::string::npos);
    CHECK(markdown.out.find("**Gate: failed**") != std::string::npos);
}

// healthy: ada and bo share every hat, so either leaving makes each hat single-point (one
// active holder, and nobody else did the work), never vacant.
TEST_CASE("whatif --without-each person on two maintainers sharing every hat", "[e2e][whatif]") {
    const auto dir = build_example("healthy");
    const auto run = run_roles("whatif " + shell_quote(dir) + " --without-each person --format json");
    CHECK(run.exit_code == 0);
    const auto doc = roles::test::parse_json(run.out);
    REQUIRE(doc["scenarios"].size() == 2);
    for (const auto& scenario : doc["scenarios"]) {
        CHECK(scenario["severity"]["vacant"] == 0);
        CHECK(scenario["severity"]["single_point"] == 6);
    }
    CHECK(run_roles("whatif " + shell_quote(dir) + " --without-each person --fail-on single-point -q").exit_code == 1);
}

// Program: gibi holds nova-mini/ptl, tinylib/reviewer (with ada and bo) and governance's
// lead and release-manager (with elod). Without gibi: nova-mini/ptl and governance/lead are
// vacant; governance/release-manager keeps elod.
TEST_CASE("whatif on a program roster", "[e2e][whatif]") {
    const auto dir = build_example("program");
    const auto run = run_roles("whatif --roster " + shell_quote(dir + "/ROLES.yaml") + " --without gibi --format json");
    CHECK(run.exit_code == 1);
    const auto doc = roles::test::parse_json(run.out);
    CHECK(doc["program"] == true);
    const auto& scenario = doc["scenarios"][0];
    CHECK(strings(scenario["failures"]) == std::vector<std::string>{"nova-mini/ptl", "governance/lead"});
    REQUIRE(scenario["projects"].size() == 3);
    CHECK(scenario["projects"][2]["mode"] == "roster-only");
    CHECK(scenario["projects"][2]["health"].is_null());
    const auto text = run_roles("whatif --roster " + shell_quote(dir + "/ROLES.yaml") + " --without gibi");
    CHECK(text.out.find("project governance:") != std::string::npos);
}

TEST_CASE("whatif usage errors: unknown WHO, nobody named, both modes", "[e2e][whatif]") {
    const auto dir = build_example("liaisons");
    const auto unknown = run_roles("whatif " + shell_quote(dir) + " --without gbi");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("nobody is 'gbi' (did you mean 'gibi'?)") != std::string::npos);
    const auto nobody = run_roles("whatif " + shell_quote(dir));
    CHECK(nobody.exit_code == 2);
    CHECK(nobody.err.find("--without-each") != std::string::npos);
    CHECK(run_roles("whatif " + shell_quote(dir) + " --without gibi --without-each @").exit_code == 2);
    CHECK(run_roles("whatif " + shell_quote(dir) + " --without-each company").exit_code == 2);
    const auto help = run_roles("whatif --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--without-each") != std::string::npos);
}

// The schema refuses a document with a required field missing, and one with a status
// outside the vocabulary.
TEST_CASE("the whatif schema rejects a broken document", "[e2e][whatif]") {
    const auto dir = build_example("liaisons");
    const auto run = run_roles("whatif " + shell_quote(dir) + " --without gibi --format json");
    auto doc = nlohmann::json::parse(run.out);
    auto missing = doc;
    missing.erase("scenarios");
    CHECK(roles::test::validate_against_schema(missing.dump()).exit_code == 1);
    auto bad_status = doc;
    bad_status["scenarios"][0]["projects"][0]["hats"][0]["after"] = "gone";
    CHECK(roles::test::validate_against_schema(bad_status.dump()).exit_code == 1);
    CHECK(roles::test::validate_against_schema(doc.dump()).exit_code == 0);
}
