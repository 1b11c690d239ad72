// Findings as data (engine/finding.hpp): which findings an audit has, in what order, located
// where, and how the gate grades them. Expectations worked out by hand.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/audit.hpp"

using namespace roles;
using engine::FindingCode;
using engine::FindingGrade;
using engine::LocationOrigin;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

// alice holds `docs` (named by the roster at line 7) alone; `security` (only in its catalog,
// line 4) has no holder and bob did 2 of its items; bob is on the roster at line 3.
struct Fixture {
    test::HistoryBuilder builder;
    roster::Roster roster;

    Fixture() {
        const auto alice = builder.identity("Alice Liddell", "alice@example.com");
        const auto bob = builder.identity("Bob Builder", "bob@example.org");
        for (int i = 0; i < 6; ++i) builder.commit(alice, k_head_time - (i + 1) * k_day, "docs", {"docs/a.md"});
        for (int i = 0; i < 2; ++i) builder.commit(bob, k_head_time - (i + 1) * k_day, "fix", {"SECURITY.md"});
        auto docs = test::hat("docs", {"alice"}, "docs/**");
        docs.pos = {"ROLES.yaml", 7, 3};
        auto security = test::hat("security", {}, "SECURITY.md");
        security.source = roster::HolderSource::unlisted;
        security.pos = {"/catalogs/generic.yaml", 4, 3};
        auto people = std::vector<roster::Person>{test::person("alice", "Alice Liddell", "alice@example.com"),
                                                  test::person("bob", "Bob Builder", "bob@example.org")};
        people[1].pos = {"ROLES.yaml", 3, 3};
        roster = test::make_roster(people, {docs, security});
    }
};

}  // namespace

TEST_CASE("an audit lists each hat's status finding, then its thin evidence, located in the roster",
          "[engine][finding]") {
    Fixture f;
    auto result = engine::run_audit(f.builder.build(), f.roster, engine::RosterMode::roster, {});
    REQUIRE(result.has_value());
    // docs: alice did all 6 items alone: single-point (no finding for ok hats).
    // security: vacant, bob 2 of 2 items, which is under the 5 needed: thin evidence too.
    REQUIRE(result->findings.size() == 3);
    const auto& single = result->findings[0];
    CHECK(single.code == FindingCode::single_point);
    CHECK(single.hat == "docs");
    CHECK(single.location.origin == LocationOrigin::roster);
    CHECK(single.location.pos.line == 7);
    CHECK(single.location.pos.column == 3);
    const auto& vacant = result->findings[1];
    CHECK(vacant.code == FindingCode::vacant);
    CHECK(vacant.location.origin == LocationOrigin::catalog);
    CHECK(vacant.location.pos.file == "/catalogs/generic.yaml");
    CHECK(vacant.location.pos.line == 4);
    REQUIRE(vacant.people.size() == 1);
    CHECK(vacant.people[0].key == "bob");
    CHECK(vacant.people[0].items == 2);
    const auto& thin = result->findings[2];
    CHECK(thin.code == FindingCode::thin_evidence);
    CHECK(thin.hat == "security");
    CHECK(thin.items == 2);
    CHECK(thin.needed == 5);
    CHECK(thin.location.pos.line == 4);
    // Until graded, every finding is a note.
    CHECK(single.grade == FindingGrade::note);
}

TEST_CASE("the gate grades findings: fail-on statuses fail it, problems warn, the rest are notes",
          "[engine][finding]") {
    Fixture f;
    auto result = engine::run_audit(f.builder.build(), f.roster, engine::RosterMode::roster, {});
    REQUIRE(result.has_value());
    auto fail_on = engine::parse_fail_on({"vacant"});
    REQUIRE(fail_on.has_value());
    engine::grade_findings(*result, *fail_on);
    CHECK(result->findings[0].grade == FindingGrade::warning);     // single-point, not in --fail-on
    CHECK(result->findings[1].grade == FindingGrade::fails_gate);  // vacant
    CHECK(result->findings[2].grade == FindingGrade::note);        // thin-evidence
    fail_on = engine::parse_fail_on({"single-point"});
    REQUIRE(fail_on.has_value());
    engine::grade_findings(*result, *fail_on);
    CHECK(result->findings[0].grade == FindingGrade::fails_gate);
    CHECK(result->findings[1].grade == FindingGrade::warning);
}

TEST_CASE("a person finding is located at their roster entry, or at the top of the roster", "[engine][finding]") {
    Fixture f;
    engine::AuditResult result;
    result.roster_file = "ROLES.yaml";
    engine::PersonLoadRow bob;
    bob.key = "bob";
    bob.name = "Bob Builder";
    bob.load.signals.weekend.on = true;
    engine::PersonLoadRow stranger;
    stranger.key = "ci@example.com";
    result.health.burnout_high = {bob, stranger};
    const auto findings = engine::collect_findings(result, f.roster);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].code == FindingCode::burnout_high);
    CHECK(findings[0].person == "bob");
    CHECK(findings[0].people[0].label == "Bob Builder");
    CHECK(findings[0].signals == std::vector<engine::Signal>{engine::Signal::weekend});
    CHECK(findings[0].location.pos.line == 3);
    CHECK(findings[1].location.pos.file == "ROLES.yaml");
    CHECK(findings[1].location.pos.line == 1);
    CHECK(findings[1].location.origin == LocationOrigin::roster);
}
