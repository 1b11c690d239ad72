// Which commits and tags count as a hat's work, and who gets the credit.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/evidence.hpp"
#include "roster/roster_support.hpp"

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

struct Fixture {
    test::HistoryBuilder builder;
    git::IdentityId alice = builder.identity("Alice", "alice@example.com");
    git::IdentityId bob = builder.identity("Bob", "bob@example.org");
    git::IdentityId bot = builder.identity("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");

    // Evidence of one hat with `rules` over a 365-day window ending at HEAD.
    std::pair<engine::HatEvidence, engine::Resolution> evidence(const roster::EvidenceRules& rules) {
        const auto history = builder.build();
        roster::Hat hat;
        hat.def.id = "h";
        hat.def.evidence = rules;
        const auto roster = test::make_roster({test::person("alice", "Alice", "alice@example.com"),
                                               test::person("bob", "Bob", "bob@example.org")},
                                              {hat});
        auto resolution = engine::resolve_identities(history, roster);
        const auto activity = engine::collect_activity(history, resolution);
        auto all = engine::collect_evidence(history, resolution, activity, roster.hats(),
                                            {k_head_time - 365 * k_day, k_head_time});
        REQUIRE(all.has_value());
        return {all->front(), resolution};
    }
};

}  // namespace

TEST_CASE("path globs select the commits that touch matching files", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "notes", {"releasenotes/notes/x.yaml"});
    f.builder.commit(f.bob, k_head_time - 4 * k_day, "code", {"nova/api.py"});
    f.builder.commit(f.bob, k_head_time - 3 * k_day, "cfg", {"setup.cfg"});
    roster::EvidenceRules rules;
    rules.paths = {"releasenotes/notes/**", "setup.cfg"};
    auto [evidence, resolution] = f.evidence(rules);
    CHECK(evidence.items.size() == 2);
    CHECK(evidence.by_person[*resolution.find("alice")] == 1);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
}

TEST_CASE("message regexes and trailer keys (any case) make a commit evidence", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "Fix CVE-2024-12345 in parser");
    f.builder.commit(f.bob, k_head_time - 4 * k_day, "Fix CVE-24-1 (not a CVE id)");
    f.builder.commit(f.bob, k_head_time - 3 * k_day, "Fix crash").trailers = {{"closes-bug", "#123"}};
    roster::EvidenceRules rules;
    rules.message = {R"(\bCVE-\d{4}-\d{4,}\b)"};
    rules.trailers = {"Closes-Bug"};
    auto [evidence, resolution] = f.evidence(rules);
    // alice: the CVE commit; bob: the trailer commit; the malformed CVE id matches nothing.
    CHECK(evidence.items.size() == 2);
    CHECK(evidence.by_person[*resolution.find("alice")] == 1);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
}

TEST_CASE("co-authors get the same hat evidence credit as the author", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "pair", {"SECURITY.md"}).co_authors = {f.bob};
    roster::EvidenceRules rules;
    rules.paths = {"SECURITY.md"};
    auto [evidence, resolution] = f.evidence(rules);
    CHECK(evidence.items.size() == 1);
    CHECK(evidence.share(*resolution.find("alice")) == 1.0);
    CHECK(evidence.share(*resolution.find("bob")) == 1.0);
}

TEST_CASE("credit trailers credit the person they name", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "change").trailers = {{"Reviewed-by", "Bob <BOB@example.org>"}};
    roster::EvidenceRules rules;
    rules.credit_trailers = {"reviewed-by"};
    auto [evidence, resolution] = f.evidence(rules);
    CHECK(evidence.items.size() == 1);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
    CHECK(evidence.by_person[*resolution.find("alice")] == 0);
}

TEST_CASE("tags count for the tagger when the hat says tags: true", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "release prep");
    f.builder.tag("1.0.0", f.bob, k_head_time - 4 * k_day);
    roster::EvidenceRules rules;
    rules.tags = true;
    auto [evidence, resolution] = f.evidence(rules);
    REQUIRE(evidence.items.size() == 1);
    CHECK(evidence.items.front().kind == engine::EvidenceItem::Kind::tag);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
}

TEST_CASE("bots, merges and commits outside the window are never evidence", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 400 * k_day, "old", {"SECURITY.md"});  // before the window
    f.builder.commit(f.bot, k_head_time - 5 * k_day, "bump", {"SECURITY.md"});
    f.builder.commit(f.bob, k_head_time - 4 * k_day, "merge", {"SECURITY.md"}).parent_count = 2;
    f.builder.commit(f.bob, k_head_time - 3 * k_day, "real", {"SECURITY.md"});
    roster::EvidenceRules rules;
    rules.paths = {"SECURITY.md"};
    auto [evidence, resolution] = f.evidence(rules);
    CHECK(evidence.items.size() == 1);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
}

TEST_CASE("activity kinds name who a matching commit credits", "[engine][evidence][activity]") {
    Fixture f;
    const auto carol = f.builder.identity("Carol", "carol@example.net");
    auto& applied = f.builder.commit(carol, k_head_time - 5 * k_day, "fix", {"src/a.c"});
    applied.committer = f.alice;  // alice applied carol's patch
    f.builder.commit(carol, k_head_time - 4 * k_day, "fix 2", {"src/b.c"}).trailers = {
        {"Reviewed-by", "Bob <bob@example.org>"}};
    f.builder.commit(f.bob, k_head_time - 3 * k_day, "docs", {"doc/x.md"});
    roster::EvidenceRules rules;
    rules.paths = {"src/**"};
    rules.activity = {roster::ActivityKind::committed, roster::ActivityKind::reviewed};
    auto [evidence, resolution] = f.evidence(rules);
    // Two src/ commits; credit goes to the committer (alice) and the reviewer (bob), never
    // to the author (carol), since `authored` is not listed.
    CHECK(evidence.items.size() == 2);
    CHECK(evidence.by_person[*resolution.find("alice")] == 1);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
    CHECK(evidence.by_person[*resolution.find("carol")] == 0);
}

TEST_CASE("activity kinds without paths, messages or trailers make every such commit evidence",
          "[engine][evidence][activity]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "a").trailers = {{"Acked-by", "Bob <bob@example.org>"}};
    f.builder.commit(f.alice, k_head_time - 4 * k_day, "b");
    f.builder.commit(f.alice, k_head_time - 3 * k_day, "c").trailers = {{"Reviewed-by", "Bob <bob@example.org>"}};
    roster::EvidenceRules rules;
    rules.activity = {roster::ActivityKind::reviewed, roster::ActivityKind::acked};
    auto [evidence, resolution] = f.evidence(rules);
    // Commit b has no review or ack, so it credits nobody and is no item.
    CHECK(evidence.items.size() == 2);
    CHECK(evidence.by_person[*resolution.find("bob")] == 2);
    CHECK(evidence.by_person[*resolution.find("alice")] == 0);
}

TEST_CASE("exclude_message keeps matching commits out of a hat's evidence", "[engine][evidence]") {
    Fixture f;
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "Bump qs from 6.1.0 to 6.2.0\n", {"CHANGELOG.md"});
    f.builder.commit(f.alice, k_head_time - 4 * k_day, "Release 1.2.0\n", {"CHANGELOG.md"});
    roster::EvidenceRules rules;
    rules.paths = {"CHANGELOG*"};
    rules.exclude_message = {R"((?i)\Abump \S+ from \S+ to \S+)"};
    auto [evidence, resolution] = f.evidence(rules);
    CHECK(evidence.items.size() == 1);
    CHECK(evidence.items.front().index == 0);  // newest first: the release commit
}

TEST_CASE("the generic release manager: dependency bumps and package.json alone are not release work",
          "[engine][evidence][catalog]") {
    Fixture f;
    // Oldest first; the window holds all six.
    f.builder.commit(f.bot, k_head_time - 9 * k_day, "build(deps-dev): bump morgan from 1.10.0 to 1.10.1 (#6679)\n",
                     {"package.json"});
    f.builder.commit(f.alice, k_head_time - 8 * k_day, "Bump x from 1 to 2\n", {"package.json", "History.md"});
    f.builder.commit(f.bob, k_head_time - 7 * k_day, "deps: qs@^6.14.1\n", {"package.json"});
    f.builder.commit(f.bob, k_head_time - 6 * k_day, "Upgrade `content-type` (#7234)\n", {"package.json"});
    f.builder.commit(f.alice, k_head_time - 5 * k_day, "5.2.1\n", {"package.json", "History.md"});
    f.builder.commit(f.bob, k_head_time - 4 * k_day, "Release: 5.2.0 (#6920)\n", {"package.json"});
    const auto roster = roles::roster::test::loaded("project: demo\ncatalogs: [generic]\n");
    const auto& release = roles::roster::test::hat(roster.projects.front(), "release-manager");
    auto [evidence, resolution] = f.evidence(release.def.evidence);
    // Only "5.2.1" (History.md, and a version as its subject) and "Release: 5.2.0" count: the
    // bot's bump is a bot's, "Bump x from 1 to 2" is excluded though it touches History.md,
    // and the other two touch only package.json.
    REQUIRE(evidence.items.size() == 2);
    CHECK(evidence.by_person[*resolution.find("alice")] == 1);
    CHECK(evidence.by_person[*resolution.find("bob")] == 1);
}
