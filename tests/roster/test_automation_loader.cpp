// The automation list: roles/automation.yaml, its validation, and a roster's own rules.
#include <catch2/catch.hpp>

#include <set>

#include "roles/roster/automation.hpp"
#include "roster/roster_support.hpp"

using namespace roles::roster;
using roles::roster::test::loaded;
using roles::roster::test::problems;
using Lines = std::vector<std::string>;

TEST_CASE("the built-in automation list loads, with unique ids and every kind", "[roster][automation]") {
    roles::roster::test::use_source_catalogs();
    const auto& rules = builtin_automation();
    REQUIRE(rules.has_value());
    std::set<std::string> ids;
    std::set<AutomationKind> kinds;
    for (const auto& rule : *rules) {
        INFO(rule.id);
        CHECK(ids.insert(rule.id).second);
        CHECK_FALSE(rule.about.empty());
        CHECK((!rule.email.empty() || !rule.name.empty()));
        CHECK(rule.origin == "built-in");
        kinds.insert(rule.kind);
    }
    CHECK(kinds.size() == 3);
    // The cases issue 10 names: nova's release and proposal bots, Zuul, Jenkins, forge bots,
    // web-flow, Gerrit, and the assistants.
    for (const auto* id : {"openstack-release-bot", "openstack-proposal-bot", "zuul", "jenkins", "github-app-bots",
                           "dependabot", "renovate", "github-actions", "github-web-flow", "gitlab-web",
                           "gerrit-code-review", "claude", "github-copilot", "cursor"}) {
        INFO(id);
        CHECK(ids.contains(id));
    }
}

TEST_CASE("automation list problems are reported with their positions", "[roster][automation]") {
    const std::string text = R"(schema: roles.automation/1
rules:
  - id: a
    kind: robot
    email: "x@y"
  - id: b
  - kind: bot
    name: "n"
  - id: a
    name: "m"
  - id: c
    email: ""
)";
    const auto parsed = parse_automation(text, "auto.yaml");
    REQUIRE_FALSE(parsed.has_value());
    // Line 4 "    kind: robot": the value at c10. Line 6 "  - id: b": the map at c4. Line 12 email at c11.
    CHECK(parsed.error().details ==
          Lines{"auto.yaml:4:11: unknown automation kind 'robot' (expected bot, assistant, forge-committer)",
                "auto.yaml:6:5: automation rule 'b' needs 'email' or 'name' (or both)",
                "auto.yaml:7:5: an automation rule needs an 'id'",
                "auto.yaml:9:5: automation rule id 'a' is given twice",
                "auto.yaml:11:5: automation rule 'c' needs 'email' or 'name' (or both)",
                "auto.yaml:12:12: 'email' cannot be empty"});
    CHECK(parse_automation("rules: []\n", "x.yaml").error().details ==
          Lines{"x.yaml:1:1: missing 'schema: roles.automation/1'"});
}

TEST_CASE("a roster adds rules before the built-in ones and cancels built-in ones", "[roster][automation]") {
    const auto roster = loaded(R"(catalogs: []
bots: ["robot@*", "Release Robot"]
automation:
  add:
    - {id: ci-runner, kind: bot, name: "CI Runner"}
    - {id: helper, kind: assistant, email: "helper@tools.example"}
  cancel: [jenkins]
)");
    REQUIRE(roster.automation.size() >= 4);
    CHECK(roster.automation[0].id == "ci-runner");
    CHECK(roster.automation[0].origin == "r.yaml");
    CHECK(roster.automation[1].kind == AutomationKind::assistant);
    CHECK(roster.automation[2].id == "bots:robot@*");
    CHECK(roster.automation[2].email == "robot@*");
    CHECK(roster.automation[3].name == "Release Robot");
    CHECK(roster.automation_cancelled == std::vector<std::string>{"jenkins"});
    for (const auto& rule : roster.automation) CHECK(rule.id != "jenkins");
    const auto& builtin = builtin_automation();
    REQUIRE(builtin.has_value());
    CHECK(roster.automation.size() == 4 + builtin->size() - 1);
}

TEST_CASE("cancelling a rule that is not built in is an error with a suggestion", "[roster][automation]") {
    // Line 3 "  cancel: [jenkis, nosuch]": '[' at c10, "jenkis" at c11, "nosuch" at c19.
    CHECK(problems("catalogs: []\nautomation:\n  cancel: [jenkis, nosuch]\n") ==
          Lines{"r.yaml:3:12: no built-in automation rule 'jenkis' (did you mean 'jenkins'?)",
                "r.yaml:3:20: no built-in automation rule 'nosuch'"});
    CHECK(problems("catalogs: []\nautomation:\n  remove: [x]\n") ==
          Lines{"r.yaml:3:3: unknown key 'remove' in 'automation' (expected one of: add, cancel)"});
}
