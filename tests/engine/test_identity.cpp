// Resolving identities to people: roster emails, logins and aliases, transitive merges that do
// not depend on order, readable keys, and tools told from people by the automation rules.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/history_builder.hpp"
#include "roles/engine/identity.hpp"

using namespace roles;

namespace {

std::optional<std::string> key_of(const engine::Resolution& resolution, git::IdentityId identity) {
    const auto person = resolution.person_of_identity.at(identity);
    if (!person) return std::nullopt;
    return resolution.people[*person].key;
}

}  // namespace

TEST_CASE("roster emails match case-insensitively", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("G. Gibizer", "Gibi@Example.com");
    const auto roster = test::make_roster({test::person("gibi", "Balazs Gibizer", "gibi@example.com")}, {});
    const auto resolution = engine::resolve_identities(builder.build(), roster);
    REQUIRE(resolution.person_of_identity.size() == 1);
    CHECK(resolution.person_of_identity[0] == resolution.find("gibi"));
    CHECK(resolution.link_of_identity[0].reason == engine::MergeReason::roster_email);
}

TEST_CASE("spellings of one name merge into one person named by name", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto a = builder.identity("Előd Illés", "elod@work.example");
    builder.identity("Elod Illes", "elod.illes@home.example");
    builder.identity("ELOD  ILLES", "other@x.example");
    builder.commit(a, test::k_head_time - 10, "a");
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    REQUIRE(resolution.people.size() == 1);
    // The key is the slug of the most used name, never an email's local part.
    CHECK(resolution.people[0].key == "elod-illes");
    CHECK(resolution.people[0].name == "Előd Illés");
    CHECK(resolution.people[0].emails.size() == 3);
    CHECK_FALSE(resolution.people[0].on_roster);
}

TEST_CASE("a roster name or alias matches history without an email", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("Jens Harbott", "frickler@personal.example");
    auto jens = test::person("frickler", "Dr. Jens Harbott", "jens@work.example");
    jens.aliases = {"Jens Harbott"};
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({jens}, {}));
    CHECK(resolution.person_of_identity[0] == resolution.find("frickler"));
    CHECK(resolution.link_of_identity[0].reason == engine::MergeReason::roster_name);
}

TEST_CASE("merging is transitive and independent of the order identities are met", "[engine][identity]") {
    // rails: "Eileen M. Uchitelle" writes from two addresses and "eileencodes" from one of
    // them. Met as A, B, C a first-match resolver split her in two; a union-find cannot.
    const std::vector<git::Identity> ids = {{"Eileen M. Uchitelle", "eileencodes@users.noreply.github.com"},
                                            {"eileencodes", "eileencodes@gmail.com"},
                                            {"Eileen M. Uchitelle", "eileencodes@gmail.com"}};
    for (const auto& order : std::vector<std::vector<int>>{{0, 1, 2}, {1, 0, 2}, {2, 1, 0}, {1, 2, 0}}) {
        test::HistoryBuilder builder;
        std::vector<git::IdentityId> made(3);
        for (int i : order) made[i] = builder.identity(ids[i].name, ids[i].email);
        // Weights: "Eileen M. Uchitelle" names 2 + 1 commits, "eileencodes" 1.
        builder.commit(made[0], test::k_head_time - 40, "a");
        builder.commit(made[0], test::k_head_time - 30, "b");
        builder.commit(made[2], test::k_head_time - 20, "c");
        builder.commit(made[1], test::k_head_time - 10, "d");
        const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
        REQUIRE(resolution.people.size() == 1);
        CHECK(resolution.people[0].key == "eileen-m-uchitelle");
        CHECK(resolution.people[0].name == "Eileen M. Uchitelle");
        CHECK(resolution.link_of_identity[made[1]].reason == engine::MergeReason::email);
        CHECK(resolution.link_of_identity[made[1]].value == "eileencodes@gmail.com");
    }
}

TEST_CASE("GitHub noreply addresses merge with their login, and roster logins match them", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto with_id = builder.identity("bjohansebas", "103585995+bjohansebas@users.noreply.github.com");
    const auto without = builder.identity("Sebastian Beltran", "bjohansebas@users.noreply.github.com");
    const auto other = builder.identity("Someone Else", "12+someone@users.noreply.github.com");
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    CHECK(resolution.people.size() == 2);
    CHECK(resolution.person_of_identity[with_id] == resolution.person_of_identity[without]);
    CHECK(resolution.link_of_identity[without].reason == engine::MergeReason::github_login);
    CHECK(resolution.person_of_identity[other] != resolution.person_of_identity[with_id]);

    auto sebastian = test::person("sebastian", "Sebastian Beltran", "sebastian@example.com");
    sebastian.logins = {"BJohanSebas"};
    const auto rostered = engine::resolve_identities(builder.build(), test::make_roster({sebastian}, {}));
    CHECK(key_of(rostered, with_id) == "sebastian");
    CHECK(key_of(rostered, without) == "sebastian");
    CHECK(rostered.link_of_identity[with_id].reason == engine::MergeReason::roster_login);
    CHECK(engine::resolve_text("x <bjohansebas@users.noreply.github.com>", builder.build(), rostered) ==
          rostered.find("sebastian"));
}

TEST_CASE("one-word names do not join people - equal slugs are numbered by smallest email", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto later = builder.identity("dev", "zed@b.example");
    const auto earlier = builder.identity("dev", "amy@a.example");
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    REQUIRE(resolution.people.size() == 2);
    // People are listed in order of first appearance; the unnumbered key goes to amy@ whatever the order.
    CHECK(key_of(resolution, later) == "dev-2");
    CHECK(key_of(resolution, earlier) == "dev");
}

TEST_CASE("a discovered slug never takes a roster key", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto john = builder.identity("John Smith", "work@a.example");
    const auto roster = test::make_roster({test::person("john-smith", "J. R. Smith", "jrs@b.example")}, {});
    const auto resolution = engine::resolve_identities(builder.build(), roster);
    CHECK(key_of(resolution, john) == "john-smith-2");
    CHECK(resolution.people[*resolution.person_of_identity[john]].name == "John Smith");
}

TEST_CASE("a group naming two roster people gives each identity to its own", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto at_alice = builder.identity("Pat Lee", "alice@a.example");
    const auto at_bob = builder.identity("Pat Lee", "bob@b.example");
    const auto bare = builder.identity("Pat Lee", "pat@c.example");
    const auto roster = test::make_roster(
        {test::person("alice", "Alice", "alice@a.example"), test::person("bob", "Bob", "bob@b.example")}, {});
    const auto resolution = engine::resolve_identities(builder.build(), roster);
    CHECK(key_of(resolution, at_alice) == "alice");
    CHECK(key_of(resolution, at_bob) == "bob");
    CHECK(key_of(resolution, bare) == "alice");  // the first roster person of the group, by key
}

TEST_CASE("built-in automation: bots, forge committers and assistants are nobody", "[engine][identity]") {
    test::HistoryBuilder builder;
    const std::vector<git::Identity> tools = {
        {"dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"},
        {"Zuul", "zuul@review.opendev.org"},
        {"OpenStack Release Bot", "infra-root@openstack.org"},
        {"OpenStack Proposal Bot", "openstack-infra@lists.openstack.org"},
        {"GitHub", "noreply@github.com"},
        {"Gerrit Code Review", "review@openstack.org"},
        {"Claude Opus 4.6", "noreply@anthropic.com"},
        {"Copilot", "175728472+Copilot@users.noreply.github.com"},
        {"renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"},
    };
    for (const auto& tool : tools) builder.identity(tool.name, tool.email);
    const auto human = builder.identity("Sean Bottomley", "sean@thoughtbot.com");  // "bot" inside words
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    for (git::IdentityId i = 0; i < tools.size(); ++i) {
        INFO(tools[i].name);
        CHECK_FALSE(resolution.person_of_identity[i].has_value());
        CHECK(resolution.rule_of_identity[i].has_value());
    }
    CHECK(resolution.person_of_identity[human].has_value());
    CHECK(resolution.automation_kind(4) == roster::AutomationKind::forge_committer);
    CHECK(resolution.automation_kind(6) == roster::AutomationKind::assistant);
    CHECK(resolution.automation_kind(7) == roster::AutomationKind::assistant);
    CHECK(resolution.automation_kind(0) == roster::AutomationKind::bot);
    CHECK(engine::resolve_text("Claude <noreply@anthropic.com>", builder.build(), resolution) == std::nullopt);
}

TEST_CASE("roster rules add bots and cancel built-in ones", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto robot = builder.identity("Release Robot", "robot@ci.example");
    const auto zuul = builder.identity("Zuul", "zuul@review.opendev.org");
    auto roster = test::make_roster({}, {});
    roster.bots = {"robot@*"};
    roster.automation_cancelled = {"zuul", "zuul-email"};
    roster::adopt_builtin_automation(roster);
    const auto resolution = engine::resolve_identities(builder.build(), roster);
    CHECK_FALSE(resolution.person_of_identity[robot].has_value());
    CHECK(resolution.rules[*resolution.rule_of_identity[robot]].id == "bots:robot@*");
    CHECK(resolution.person_of_identity[zuul].has_value());
}

TEST_CASE("automation globs treat brackets literally and need every glob to match", "[engine][identity]") {
    // fnmatch would read "[bot]" as one of b, o, t; the glob means the text "[bot]".
    roster::AutomationRule rule{"r", roster::AutomationKind::bot, "*[bot]@*", "", "", "", {}};
    CHECK(engine::matches(rule, {"x", "renovate[bot]@users.noreply.github.com"}));
    CHECK_FALSE(engine::matches(rule, {"x", "robot@example.com"}));
    rule.name = "codex*";
    CHECK_FALSE(engine::matches(rule, {"x", "renovate[bot]@users.noreply.github.com"}));
    CHECK(engine::matches(rule, {"Codex", "a[bot]@b"}));
}

TEST_CASE("github_login and person_slug", "[engine][identity]") {
    CHECK(engine::github_login("123+Login@users.noreply.github.com") == "login");
    CHECK(engine::github_login("login@users.noreply.github.com") == "login");
    CHECK(engine::github_login("a+b@users.noreply.github.com") == "a+b");  // not an account id
    CHECK(engine::github_login("login@example.com") == std::nullopt);
    CHECK(engine::person_slug("Dr. Jens  Harbott") == "jens-harbott");
    CHECK(engine::person_slug("!!!") == "person");
}

TEST_CASE("a discovered person is named by a full name over a handle or an email", "[engine][identity]") {
    // nova: "ghanshyam" on 312 commits, "Ghanshyam Mann" on 298; an email written as a name loses too.
    test::HistoryBuilder builder;
    const auto handle = builder.identity("ghanshyam", "gmann@example.com");
    const auto full = builder.identity("Ghanshyam Mann", "gmann@example.com");
    const auto mail = builder.identity("gmann@example.com", "gmann@example.com");
    for (int i = 0; i < 3; ++i) builder.commit(handle, test::k_head_time - 100 + i, "h");
    builder.commit(full, test::k_head_time - 10, "f");
    for (int i = 0; i < 5; ++i) builder.commit(mail, test::k_head_time - 50 + i, "m");
    const auto resolution = engine::resolve_identities(builder.build(), test::make_roster({}, {}));
    REQUIRE(resolution.people.size() == 1);
    CHECK(resolution.people[0].name == "Ghanshyam Mann");
    CHECK(resolution.people[0].key == "ghanshyam-mann");
}
