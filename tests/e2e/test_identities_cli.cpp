// End-to-end: the people example (examples/people), a generated history with every kind of
// automation and identity roles resolves. Expectations worked out by hand from
// examples/people/history.fi (17 commits, one a day from 2026-01-05, tag 1.0.0) and its ROLES.yaml.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::parse_json;
using roles::test::run_roles;
using roles::test::shell_quote;

TEST_CASE("identities: one person per human, named by name, tools apart", "[e2e][identities]") {
    const auto repo = build_example("people");
    const auto run = run_roles("identities " + shell_quote(repo) + " --format json");
    REQUIRE(run.exit_code == 0);
    const auto j = parse_json(run.out);
    CHECK(j["schema"] == "roles.identities/1");
    CHECK(j["identities"] == 17);  // 10 human, 7 tools (GitHub appears as committer only)
    std::map<std::string, nlohmann::json> people;
    for (const auto& p : j["people"]) people[p["person"]] = p;
    // Eileen: three identities joined through her two emails (the gmail one carries both names).
    REQUIRE(people.contains("eileen-m-uchitelle"));
    CHECK(people["eileen-m-uchitelle"]["name"] == "Eileen M. Uchitelle");
    CHECK(people["eileen-m-uchitelle"]["commits"] == 4);
    CHECK(people["eileen-m-uchitelle"]["identities"].size() == 3);
    // Sebastian: the roster login matches both noreply forms; the gmail identity by roster name.
    CHECK(people["sebastian"]["on_roster"] == true);
    CHECK(people["sebastian"]["commits"] == 3);
    CHECK(people["sebastian"]["identities"].size() == 3);
    // Ana: .mailmap maps "Old Name <ana@old.example>"; her commits: the mapped one, her own, and
    // the Copilot commit she co-authored.
    CHECK(people["ana"]["commits"] == 3);
    CHECK(people["ana"]["identities"].size() == 1);
    // Jenkins is a person here: the roster cancels the built-in jenkins rules.
    CHECK(people["jenkins"]["name"] == "Jenkins");
    // Two "kaz" with different emails stay two people, keyed by smallest email first.
    CHECK(people["kaz"]["identities"][0]["email"] == "kaz@one.example");
    CHECK(people["kaz-2"]["identities"][0]["email"] == "kaz@two.example");
    CHECK(people.size() == 6);
    std::vector<std::string> tools;
    for (const auto& t : j["tools"]) tools.push_back(t["rule"]);
    CHECK(tools == std::vector<std::string>{"ci-runner", "bots:robot@*", "claude", "github-copilot",
                                            "github-web-flow", "github-app-bots", "openstack-release-bot"});
    REQUIRE(j["likely_merges"].size() == 1);
    CHECK(j["likely_merges"][0]["people"] == nlohmann::json::array({"kaz", "kaz-2"}));
}

TEST_CASE("audit: tools are nobody's work, and each rule says what it removed", "[e2e][identities]") {
    const auto repo = build_example("people");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format json");
    REQUIRE(run.exit_code == 0);  // the one hat is held by two active people
    const auto j = parse_json(run.out);
    // 17 commits: 4 by bots (CI Runner, Release Robot, dependabot, the release bot) credit nobody;
    // the Copilot commit is credited to its human co-author.
    CHECK(j["totals"]["commits"] == 13);
    CHECK(j["totals"]["bot_commits"] == 4);
    CHECK(j["totals"]["contributors"] == 6);
    CHECK(j["automation"]["assisted_commits"] == 2);  // Claude's co-authored one, Copilot's
    std::map<std::string, nlohmann::json> rules;
    for (const auto& r : j["automation"]["rules"]) rules[r["rule"]] = r;
    CHECK(rules["github-web-flow"]["committed"] == 2);  // Ana's squash and the dependabot bump
    CHECK(rules["github-web-flow"]["kind"] == "forge-committer");
    CHECK(rules["github-copilot"]["authored"] == 1);
    CHECK(rules["github-copilot"]["removed"] == 0);
    CHECK(rules["claude"]["co_authored"] == 1);
    CHECK(rules["openstack-release-bot"]["removed"] == 1);
    CHECK(rules["ci-runner"]["origin"].get<std::string>().ends_with("ROLES.yaml"));
    CHECK(rules.size() == 7);
    // Nobody shown by an email local part: the hat's doers are named by name or roster key.
    std::vector<std::string> names;
    for (const auto& c : j["hats"][0]["contributors"]) names.push_back(c["name"]);
    CHECK(names == std::vector<std::string>{"Eileen M. Uchitelle", "sebastian", "ana"});

    const auto text = run_roles("audit " + shell_quote(repo) + " -v");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("13 commits by 6 people (0 merges and 4 bot commits not counted; 2 commits assisted by AI "
                        "tools)") != std::string::npos);
    CHECK(text.out.find("  claude (assistant, built-in): 1 commit co-authored; 1 identity") != std::string::npos);
    CHECK(text.out.find("kaz (kaz) (1 file), kaz (kaz-2) (1 file)") != std::string::npos);
}

TEST_CASE("identities text lists merged people, tools and likely merges", "[e2e][identities]") {
    const auto repo = build_example("people");
    const auto run = run_roles("identities " + shell_quote(repo));
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.starts_with("17 identities: 6 people, 7 identities of tools (7 rules)\n"));
    CHECK(run.out.find("    eileencodes <eileencodes@gmail.com>  1  (email eileencodes@gmail.com)\n") !=
          std::string::npos);
    CHECK(run.out.find("  kaz, kaz-2: same-name 'kaz'\n") != std::string::npos);
    // ana, Jenkins and the two kaz have a single identity each.
    CHECK(run.out.find("(4 people with a single identity not shown; -v shows them)") != std::string::npos);
    CHECK(run_roles("identities " + shell_quote(repo) + " --format markdown").exit_code == 2);
}
