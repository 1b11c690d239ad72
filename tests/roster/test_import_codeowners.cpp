// GitHub CODEOWNERS: rules as projects with an owner hat, last match wins, un-owned rules,
// teams, malformed lines; and the two sample files.
#include <catch2/catch.hpp>

#include "roster/import_support.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

// After GitHub's documentation example.
const char* const k_codeowners = R"(# This is a comment.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
/build/logs/ @doctocat
docs/*  docs@example.com
/apps/ @octocat
/apps/github
/scripts/ @doctocat @octocat
*.md    @octo-org/docs-team
**/logs @octocat
)";

ImportResult codeowners(const std::string& text) { return imported(ImportKind::codeowners, text, "CODEOWNERS"); }

}  // namespace

TEST_CASE("codeowners: each rule is a project whose owner hat has the pattern as its area",
          "[roster][import][codeowners]") {
    const auto result = codeowners(k_codeowners);
    const auto& roster = result.roster;
    REQUIRE(roster.projects.size() == 10);
    CHECK(roster.projects[0].name == "*");
    const auto& global = hat(roster.projects[0], "owner");
    CHECK(global.def.catalog == "codeowners");
    CHECK(global.def.area == Keys{"*"});
    CHECK(global.def.evidence.paths == Keys{"*"});
    CHECK(current_keys(global) == Keys{"global-owner1", "global-owner2"});
    // The inline comment is not an owner.
    CHECK(current_keys(hat(project(roster, "*.js"), "owner")) == Keys{"js-owner"});
    // An email owner; the same address in two rules is one person.
    CHECK(current_keys(hat(project(roster, "docs/*"), "owner")) == Keys{"docs"});
    CHECK(roster.people.at("docs").emails == Keys{"docs@example.com"});
    CHECK(roster.people.at("doctocat").logins == Keys{"doctocat"});
    // global-owner1, global-owner2, js-owner, docs, doctocat, octocat, octo-org-docs-team.
    CHECK(roster.people.size() == 7);
    CHECK(result.vacancies.empty());
}

TEST_CASE("codeowners: a rule with no owners is an intentionally un-owned area", "[roster][import][codeowners]") {
    const auto result = codeowners(k_codeowners);
    const auto& unowned = hat(project(result.roster, "/apps/github"), "owner");
    CHECK(unowned.source == HolderSource::listed);
    CHECK(unowned.holders.empty());
    CHECK_FALSE(unowned.def.required);  // so never a vacancy
    CHECK(unowned.def.description ==
          "Left without owners on purpose (line 8): changes here need no code owner's review.");
}

TEST_CASE("codeowners: a team is one unresolved holder", "[roster][import][codeowners]") {
    const auto result = codeowners(k_codeowners);
    CHECK(current_keys(hat(project(result.roster, "*.md"), "owner")) == Keys{"octo-org-docs-team"});
    const auto& team = result.roster.people.at("octo-org-docs-team");
    CHECK(team.name == "@octo-org/docs-team");
    CHECK(team.logins == Keys{"octo-org/docs-team"});
    CHECK(result.warnings ==
          Keys{"CODEOWNERS:10: team '@octo-org/docs-team' kept as one holder (its members are not resolved)"});
}

TEST_CASE("codeowners: the last matching rule decides", "[roster][import][codeowners]") {
    const auto rules = parse_codeowners(k_codeowners, "CODEOWNERS");
    REQUIRE(rules.has_value());
    REQUIRE(rules->size() == 10);
    CHECK((*rules)[1].line == 3);
    CHECK((*rules)[1].owners == Keys{"@js-owner"});
    // Rule indexes: 0 "*", 1 "*.js", 3 "/build/logs/", 4 "docs/*", 5 "/apps/", 6 "/apps/github",
    // 8 "*.md", 9 "**/logs".
    CHECK(deciding_rule(*rules, "README") == std::optional<std::size_t>(0));
    CHECK(deciding_rule(*rules, "src/app.js") == std::optional<std::size_t>(1));
    CHECK(deciding_rule(*rules, "apps/main.c") == std::optional<std::size_t>(5));
    CHECK(deciding_rule(*rules, "apps/github/main.c") == std::optional<std::size_t>(6));
    CHECK(deciding_rule(*rules, "docs/guide.md") == std::optional<std::size_t>(8));
    CHECK(deciding_rule(*rules, "build/logs/today.txt") == std::optional<std::size_t>(9));
    CHECK_FALSE(deciding_rule({}, "README").has_value());
}

TEST_CASE("codeowners: rules that a later rule always overrides are left out", "[roster][import][codeowners]") {
    const auto result = codeowners("/docs/ @a\n*.md @b\n/docs/ @c\n*.md @d\n** @e\n/tail/ @f\n");
    std::vector<std::string> names;
    for (const auto& rule : result.roster.projects) names.push_back(rule.name);
    CHECK(names == Keys{"**", "/tail/"});
    CHECK(result.warnings ==
          Keys{"CODEOWNERS:1: rule '/docs/' never applies: the rule at line 3 ('/docs/') matches every path it "
               "matches and wins, being later; left out",
               "CODEOWNERS:2: rule '*.md' never applies: the rule at line 4 ('*.md') matches every path it matches "
               "and wins, being later; left out",
               "CODEOWNERS:3: rule '/docs/' never applies: the rule at line 5 ('**') matches every path it matches "
               "and wins, being later; left out",
               "CODEOWNERS:4: rule '*.md' never applies: the rule at line 5 ('**') matches every path it matches "
               "and wins, being later; left out"});
    // a, b, c and d own nothing that can apply: only e and f are in the roster.
    CHECK(result.roster.people.size() == 2);
}

TEST_CASE("codeowners: malformed lines get FILE:LINE: message", "[roster][import][codeowners]") {
    CHECK(import_problems(ImportKind::codeowners, "!/secret/ @a\n[Documentation]\n*.c @not/valid/team user@ @-bad\n*.h @ok\n",
                          "CODEOWNERS") ==
          Keys{"CODEOWNERS:1: negated pattern '!/secret/' is not supported by CODEOWNERS",
               "CODEOWNERS:2: GitLab section headers such as '[Documentation]' are not CODEOWNERS syntax",
               "CODEOWNERS:3: invalid owner '@not/valid/team' (expected @user, @org/team or an email)",
               "CODEOWNERS:3: invalid owner 'user@' (expected @user, @org/team or an email)",
               "CODEOWNERS:3: invalid owner '@-bad' (expected @user, @org/team or an email)"});
    CHECK(import_problems(ImportKind::codeowners, "# only comments\n\n", "CODEOWNERS") ==
          Keys{"CODEOWNERS:1: the file has no rule"});
}

// tests/data: python/devguide has one rule with five owners; rust-lang/team has 19 rules
// (`grep -vcE '^\s*(#|$)'`), 4 of them with no owner (`awk 'NF==1'` on those lines) and 15
// with the same 5 owners (`awk 'NF>1{print NF-1}' | uniq -c`).
TEST_CASE("codeowners: the python/devguide and rust-lang/team files", "[roster][import][codeowners][data]") {
    const auto devguide = imported_file(ImportKind::codeowners, data_file("python-devguide-.github-CODEOWNERS"));
    REQUIRE(devguide.roster.projects.size() == 1);
    CHECK(current_keys(hat(devguide.roster.projects[0], "owner")) ==
          Keys{"warsaw", "ewdurbin", "ned-deily", "sethmlarson", "stanfromireland"});
    CHECK(devguide.roster.projects[0].name == "security/psrt*.csv");

    const auto team = imported_file(ImportKind::codeowners, data_file("rust-lang-team-.github-CODEOWNERS"));
    CHECK(team.roster.projects.size() == 19);
    int unowned = 0;
    for (const auto& rule : team.roster.projects) unowned += hat(rule, "owner").holders.empty() ? 1 : 0;
    CHECK(unowned == 4);
    const auto seats = seats_by_person(team.roster);
    REQUIRE(seats.size() == 5);
    // 15 owned rules each: ties in key order ("Mark-Simulacrum" lowercased).
    CHECK(seats[0].person == "emilyalbini");
    CHECK(seats[3].person == "mark-simulacrum");
    for (const auto& person : seats) CHECK((person.hats == 15 && person.projects == 15));
    CHECK(team.vacancies.empty());
    CHECK(team.warnings.empty());
}
