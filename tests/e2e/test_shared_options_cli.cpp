// End-to-end: the options every command that reads history shares (--import KIND:FILE with
// --team, above all), and the output options every command that prints a report shares.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

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

struct Fixture {
    std::string repo = build_example("liaisons", false);
    std::string import;
    Fixture() {
        const auto file = make_temp_dir() + "/projects.yaml";
        std::ofstream(file) << k_nova_governance;
        import = " --import openstack:" + shell_quote(file) + " --team nova";
    }
};

bool contains(const nlohmann::json& list, const std::string& value) {
    for (const auto& item : list) {
        if (item == value) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("load, identities, whatif and report read an imported roster as audit does", "[e2e][import]") {
    const Fixture fixture;
    SECTION("load") {
        const auto run = run_roles("load " + shell_quote(fixture.repo) + fixture.import + " --format json");
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto load = roles::test::parse_json(run.out);
        std::map<std::string, nlohmann::json> people;
        for (const auto& person : load["people"]) people[person["person"]] = person;
        // The keys come from the IRC nicks of the file; gibi is nova's PTL, elodilles its
        // release liaison.
        REQUIRE(people.contains("gibi"));
        REQUIRE(people.contains("elodilles"));
        CHECK(contains(people["gibi"]["hats"], "ptl"));
        CHECK(contains(people["elodilles"]["hats"], "release-liaison"));
    }
    SECTION("identities") {
        const auto run = run_roles("identities " + shell_quote(fixture.repo) + fixture.import + " --format json");
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto identities = roles::test::parse_json(run.out);
        std::vector<std::string> keys;
        for (const auto& person : identities["people"]) keys.push_back(person["person"]);
        CHECK(std::find(keys.begin(), keys.end(), "elodilles") != keys.end());
    }
    SECTION("whatif") {
        // Without gibi, nova's PTL seat is empty: the default gate (vacant) fails newly.
        const auto run = run_roles("whatif " + shell_quote(fixture.repo) + fixture.import +
                                   " --without gibi --format json");
        INFO(run.err);
        CHECK(run.exit_code == 1);
        const auto whatif = roles::test::parse_json(run.out);
        CHECK(whatif["scenarios"][0]["people"][0]["person"] == "gibi");
    }
    SECTION("report") {
        // The example has one release tag, so the cycle is given as dates.
        const auto run = run_roles("report " + shell_quote(fixture.repo) + fixture.import +
                                   " --cycle 2025-04-01..2025-09-30 --format json");
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(roles::test::parse_json(run.out)["project"] == "nova");
    }
}

TEST_CASE("a pick without an import, or of another kind, is a usage error for every command", "[e2e][import]") {
    const Fixture fixture;
    for (const std::string command : {"load", "identities", "report"}) {
        INFO(command);
        const auto run = run_roles(command + " " + shell_quote(fixture.repo) + " --team nova");
        CHECK(run.exit_code == 2);
        CHECK(run.err == "roles: error: --team: picks a project of an import: give --import KIND:FILE too\n");
    }
    const auto wrong = run_roles("load " + shell_quote(fixture.repo) + " --import maintainers:MAINTAINERS --team x");
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err == "roles: error: --team: is for openstack imports; a maintainers import keeps every project\n");
}

TEST_CASE("report takes --no-color and -v like the other commands", "[e2e]") {
    const auto repo = build_example("liaisons");
    const std::string cycle = " --cycle 2025-04-01..2025-09-30";
    const auto run = run_roles("report " + shell_quote(repo) + cycle + " --no-color -v --format text");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("\033[") == std::string::npos);
    // -v names the cycle and the previous one of the same length on stderr: April to September
    // is 30+31+30+31+31+30 = 183 days, so the previous cycle is the 183 days to 2025-03-31,
    // from 2024-09-30 (30 Sep + Oct..Mar's 182 days).
    CHECK(run.err.find("roles: cycle 2025-04-01..2025-09-30 against 2024-09-30..2025-03-31\n") != std::string::npos);
    const auto quiet = run_roles("report " + shell_quote(repo) + cycle + " -q -v --format text");
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.find("roles: cycle ") == std::string::npos);
}

TEST_CASE("a misspelled option names the command's help, not roles --help", "[e2e]") {
    const auto run = run_roles("load --formt json");
    CHECK(run.exit_code == 2);
    CHECK(run.err == "roles: error: bad usage: unknown option '--formt' for 'roles load' (did you mean '--format'?); "
                     "run 'roles load --help'\n");
    const auto value = run_roles("report --format pdf");
    CHECK(value.exit_code == 2);
    CHECK(value.err.ends_with("; run 'roles report --help'\n"));
}
