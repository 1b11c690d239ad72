// The published JSON schemas (schemas/): each accepts what the program writes and rejects a
// document that lacks a required field, has a field it does not define, or a wrong type.
// Every other e2e test validates its JSON through parse_json (run_binary.hpp).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::parse_json;
using roles::test::run_roles;
using roles::test::shell_quote;
using roles::test::validate_against_schema;

namespace {

// The document with `edit` applied, as text.
template <typename Edit>
std::string edited(const nlohmann::json& document, Edit edit) {
    auto copy = document;
    edit(copy);
    return copy.dump(2);
}

// The validator's verdict on `text`: exit code 1 and exactly `message` among its lines.
void check_rejected(const std::string& text, const std::string& message) {
    const auto result = validate_against_schema(text);
    INFO(result.out + result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.out.find(": " + message + "\n") != std::string::npos);
}

}  // namespace

TEST_CASE("the audit schema rejects a document missing a required field", "[e2e][schemas]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format json --fail-on none --no-cache");
    REQUIRE(run.exit_code == 0);
    const auto audit = parse_json(run.out);  // valid as written
    REQUIRE(audit["hats"].size() == 10);
    // A field missing at the top, in a hat, and in a project-health object.
    check_rejected(edited(audit, [](auto& j) { j.erase("gate"); }), "/: 'gate' is a required property");
    check_rejected(edited(audit, [](auto& j) { j["hats"][0].erase("status"); }),
                   "/hats/0: 'status' is a required property");
    check_rejected(edited(audit, [](auto& j) { j["health"]["truck_factor"].erase("absence_aware"); }),
                   "/health/truck_factor: 'absence_aware' is a required property");
    // A field the schema does not define, a wrong type, a status that does not exist.
    check_rejected(edited(audit, [](auto& j) { j["hats"][0]["colour"] = "red"; }),
                   "/hats/0: Additional properties are not allowed ('colour' was unexpected)");
    check_rejected(edited(audit, [](auto& j) { j["totals"]["commits"] = "12"; }),
                   "/totals/commits: '12' is not of type 'integer'");
    check_rejected(edited(audit, [](auto& j) { j["hats"][0]["status"] = "fine"; }),
                   "/hats/0/status: 'fine' is not one of ['vacant', 'understaffed', 'stale', 'single-point', "
                   "'shadowed', 'ok', 'unassigned']");
    // The project document has no "program" field: with one it must be a whole program audit.
    check_rejected(edited(audit, [](auto& j) { j["program"] = true; }), "/: 'projects' is a required property");
}

TEST_CASE("the audit schema rejects findings without their code, arguments or location", "[e2e][schemas]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format json --fail-on none --no-cache");
    REQUIRE(run.exit_code == 0);
    const auto audit = parse_json(run.out);
    REQUIRE_FALSE(audit["findings"].empty());
    REQUIRE(audit["findings"][0]["code"] == "shadowed");  // ptl, the roster's first hat
    check_rejected(edited(audit, [](auto& j) { j.erase("findings"); }), "/: 'findings' is a required property");
    for (const char* field : {"code", "args", "location", "message", "grade"}) {
        check_rejected(edited(audit, [&](auto& j) { j["findings"][0].erase(field); }),
                       "/findings/0: '" + std::string(field) + "' is a required property");
    }
    // A known code keeps exactly its arguments; a location is a whole position.
    check_rejected(edited(audit, [](auto& j) { j["findings"][0]["args"].erase("people"); }),
                   "/findings/0/args: 'people' is a required property");
    check_rejected(edited(audit, [](auto& j) { j["findings"][0]["args"]["extra"] = 1; }),
                   "/findings/0/args: Additional properties are not allowed ('extra' was unexpected)");
    check_rejected(edited(audit, [](auto& j) { j["findings"][0]["grade"] = "fatal"; }),
                   "/findings/0/grade: 'fatal' is not one of ['fails-gate', 'warning', 'note']");
}

TEST_CASE("every schema rejects its document without its last field", "[e2e][schemas]") {
    const auto liaisons = build_example("liaisons");
    const auto cycles = build_example("cycles");
    const auto program = build_example("program");
    const auto roster = std::string(ROLES_SOURCE_DIR) + "/examples/liaisons/ROLES.yaml";
    struct Case {
        std::string args;
        std::string schema;
        std::string last_field;  // the renderer writes it last (src/report/*)
    };
    const std::vector<Case> cases = {
        {"audit " + shell_quote(liaisons) + " --format json --fail-on none --no-cache", "roles.audit/1", "note"},
        {"audit --roster " + shell_quote(program + "/ROLES.yaml") + " --format json --fail-on none --no-cache",
         "roles.audit/1", "warnings"},
        {"load " + shell_quote(liaisons) + " --format json --no-cache", "roles.load/1", "warnings"},
        {"report " + shell_quote(cycles) + " --format json --no-cache", "roles.report/1", "warnings"},
        {"identities " + shell_quote(liaisons) + " --format json --no-cache", "roles.identities/1", "warnings"},
        {"hats --format json", "roles.hats/1", "catalogs"},
        {"validate " + shell_quote(roster) + " --format json", "roles.validate/1", "warnings"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        const auto run = run_roles(c.args);
        REQUIRE(run.exit_code == 0);
        const auto document = parse_json(run.out);
        CHECK(document["schema"] == c.schema);
        REQUIRE(document.contains(c.last_field));
        check_rejected(edited(document, [&](auto& j) { j.erase(c.last_field); }),
                       "/: '" + c.last_field + "' is a required property");
    }
}

TEST_CASE("validate --format json of a valid roster follows its schema", "[e2e][schemas]") {
    const auto roster = std::string(ROLES_SOURCE_DIR) + "/examples/liaisons/ROLES.yaml";
    const auto run = run_roles("validate " + shell_quote(roster) + " --format json");
    REQUIRE(run.exit_code == 0);
    const auto json = parse_json(run.out);
    CHECK(json["valid"] == true);
    REQUIRE(json["projects"].size() == 1);
    CHECK(json["projects"][0]["hats"].size() == 10);  // "valid: 1 project, 10 hats" (test_audit_cli.cpp)
    // A valid document has no "problems"; an invalid one has nothing but them.
    check_rejected(edited(json, [](auto& j) { j["problems"] = nlohmann::json::array({"x"}); }),
                   "/: Additional properties are not allowed ('problems' was unexpected)");
    check_rejected(edited(json, [](auto& j) { j["valid"] = false; }), "/: 'problems' is a required property");
}

TEST_CASE("schemas/ holds one draft 2020-12 schema per document, named after it", "[e2e][schemas]") {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(roles::test::k_schema_dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::ranges::sort(names);
    CHECK(names == std::vector<std::string>{"roles.audit.1.schema.json", "roles.hats.1.schema.json",
                                            "roles.identities.1.schema.json", "roles.load.1.schema.json",
                                            "roles.report.1.schema.json", "roles.validate.1.schema.json",
                                            "roles.whatif.1.schema.json"});
    for (const auto& name : names) {
        INFO(name);
        std::ifstream file(roles::test::k_schema_dir + "/" + name);
        const auto schema = nlohmann::json::parse(file, nullptr, false);
        REQUIRE_FALSE(schema.is_discarded());
        CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
        // The title is the "schema" value of the documents it describes.
        const auto title = schema["title"].get<std::string>();
        CHECK(name == title.substr(0, title.find('/')) + "." + title.substr(title.find('/') + 1) + ".schema.json");
    }
}
