// Which commits and tags count as a hat's work, and who gets the credit.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/evidence.hpp"

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
