// Coverage statuses (docs/vocabulary.md, "Coverage statuses"), one scenario per status,
// expectations worked out by hand.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/audit.hpp"
#include "roles/report/findings.hpp"  // the words of a finding, to read its arguments as text

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

// The status finding as the renderers write it.
std::string reason(const engine::HatCoverage& hat) { return report::finding_message(hat.finding); }

struct Team {
    test::HistoryBuilder builder;
    git::IdentityId alice = builder.identity("Alice Liddell", "alice@example.com");
    git::IdentityId bob = builder.identity("Bob Builder", "bob@example.org");
    std::vector<roster::Person> people = {test::person("alice", "Alice Liddell", "alice@example.com"),
                                          test::person("bob", "Bob Builder", "bob@example.org")};

    // `count` commits touching `path`, one a day, the last `days_ago` days before HEAD.
    void work(git::IdentityId who, int count, const std::string& path, int days_ago = 1) {
        for (int i = count - 1; i >= 0; --i) {
            builder.commit(who, k_head_time - (days_ago + i) * k_day, "work", {path});
        }
    }

    engine::HatCoverage audit_one(roster::Hat hat, engine::RosterMode mode = engine::RosterMode::roster) {
        const auto roster = test::make_roster(people, {std::move(hat)});
        auto result = engine::run_audit(builder.build(), roster, mode, {});
        REQUIRE(result.has_value());
        REQUIRE(result->hats.size() == 1);
        return result->hats.front();
    }
};

}  // namespace

TEST_CASE("a required hat with no holder is vacant and names candidates by evidence", "[engine][coverage]") {
    Team team;
    team.work(team.bob, 3, "SECURITY.md");
    team.work(team.alice, 1, "SECURITY.md", 10);
    const auto hat = team.audit_one(test::hat("security-contact", {}, "SECURITY.md"));
    // 4 evidence commits: bob 3/4 = 75%, alice 1/4 = 25%.
    CHECK(hat.status == engine::Status::vacant);
    CHECK(hat.evidence_items == 4);
    CHECK(hat.people == std::vector<std::string>{"bob", "alice"});
    // The finding carries the figures; the words come from report/findings.
    CHECK(hat.finding.code == engine::FindingCode::vacant);
    CHECK(hat.finding.hat == "security-contact");
    REQUIRE(hat.finding.people.size() == 2);
    CHECK(hat.finding.people[0].key == "bob");
    CHECK(hat.finding.people[0].items == 3);
    CHECK(hat.finding.people[0].share == 0.75);
    REQUIRE(hat.finding.thin.has_value());
    CHECK(hat.finding.thin->items == 4);
    CHECK(hat.finding.thin->needed == 5);
    CHECK(reason(hat) == "required hat with no holder; candidates by evidence: bob (75%, 3 items), alice (25%, 1 item); "
                        "evidence too thin to judge (4 items of the 5 needed)");
}

TEST_CASE("a vacant hat with no evidence asks for an appointment", "[engine][coverage]") {
    Team team;
    team.work(team.alice, 2, "src/main.cpp");
    const auto hat = team.audit_one(test::hat("security-contact", {}, "SECURITY.md"));
    CHECK(hat.status == engine::Status::vacant);
    CHECK(hat.evidence_items == 0);
    CHECK(reason(hat) == "required hat with no holder and no evidence in the window; appoint someone");
}

TEST_CASE("fewer current holders than min is understaffed", "[engine][coverage]") {
    Team team;
    team.work(team.alice, 2, "CHANGELOG.md");
    team.work(team.bob, 1, "CHANGELOG.md", 5);
    const auto hat = team.audit_one(test::hat("release-manager", {"alice"}, "CHANGELOG.md", 2));
    // alice 2/3, bob 1/3 = 33%.
    CHECK(hat.status == engine::Status::understaffed);
    CHECK(reason(hat) == "1 of 2 holders needed; candidates by evidence: bob (33%, 1 item); evidence too thin to judge "
                        "(3 items of the 5 needed)");
    CHECK(hat.people == std::vector<std::string>{"alice", "bob"});
}

TEST_CASE("a holder inactive for longer than stale_after makes the hat stale", "[engine][coverage]") {
    Team team;
    SECTION("last commit 91 days before HEAD: stale (limit is 90 days)") {
        team.work(team.alice, 1, "ci.yml", 91);
        const auto hat = team.audit_one(test::hat("ci-keeper", {"alice"}, "ci.yml"));
        CHECK(hat.status == engine::Status::stale);
        // HEAD is 2024-06-01T12:00Z; 91 days earlier is 2024-03-02.
        CHECK(hat.finding.code == engine::FindingCode::stale);
        CHECK(hat.finding.days == 90);
        REQUIRE(hat.finding.people.size() == 1);
        CHECK(hat.finding.people[0].last_active == k_head_time - 91 * k_day);
        CHECK(reason(hat) == "every holder inactive for over 90d (alice last active 2024-03-02); confirm or replace them");
    }
    SECTION("last commit exactly 90 days before HEAD: still active") {
        team.work(team.alice, 1, "ci.yml", 90);
        const auto hat = team.audit_one(test::hat("ci-keeper", {"alice"}, "ci.yml"));
        CHECK(hat.status == engine::Status::single_point);
    }
    SECTION("a holder who never committed is stale") {
        team.work(team.bob, 1, "other.txt");
        const auto hat = team.audit_one(test::hat("ci-keeper", {"alice"}, "ci.yml"));
        CHECK(hat.status == engine::Status::stale);
        CHECK(reason(hat) == "every holder inactive for over 90d (alice never active); confirm or replace them");
    }
}

TEST_CASE("one active holder with nobody else at 10% of the evidence is a single point", "[engine][coverage]") {
    Team team;
    SECTION("bob did 1 of 20 = 5%: no backup") {
        team.work(team.alice, 19, "docs/guide.md");
        team.work(team.bob, 1, "docs/guide.md", 30);
        const auto hat = team.audit_one(test::hat("docs", {"alice"}, "docs/**"));
        CHECK(hat.status == engine::Status::single_point);
        CHECK(hat.people == std::vector<std::string>{"alice"});
        CHECK(reason(hat) ==
              "alice is the only active holder and nobody else did 10% of its 20 evidence items; find a backup");
        CHECK(hat.finding.basis == engine::FindingBasis::evidence);
        CHECK(hat.finding.items == 20);
        CHECK(hat.finding.share == 0.10);
    }
    SECTION("bob did 2 of 20 = 10%: bob is a backup, so the hat is ok") {
        team.work(team.alice, 18, "docs/guide.md");
        team.work(team.bob, 2, "docs/guide.md", 30);
        const auto hat = team.audit_one(test::hat("docs", {"alice"}, "docs/**"));
        CHECK(hat.status == engine::Status::ok);
        // alice's 18 of 20 items are by a holder: 90%.
        CHECK(reason(hat) == "1 active holder; holders did 90% of 20 evidence items");
    }
}

TEST_CASE("a non-holder doing at least half of the evidence shadows the holder", "[engine][coverage]") {
    Team team;
    SECTION("bob 6 of 10 = 60%") {
        team.work(team.alice, 4, "releasenotes/a.yaml");
        team.work(team.bob, 6, "releasenotes/b.yaml", 20);
        const auto hat = team.audit_one(test::hat("release", {"alice"}, "releasenotes/"));
        CHECK(hat.status == engine::Status::shadowed);
        CHECK(hat.people == std::vector<std::string>{"bob"});
        CHECK(reason(hat) == "bob did 60% (6 items) of its evidence without holding it; add them as holders or hand the work back");
    }
    SECTION("bob 5 of 10 = exactly 50% still shadows") {
        team.work(team.alice, 5, "releasenotes/a.yaml");
        team.work(team.bob, 5, "releasenotes/b.yaml", 20);
        CHECK(team.audit_one(test::hat("release", {"alice"}, "releasenotes/")).status == engine::Status::shadowed);
    }
    SECTION("bob 4 of 10 = 40% does not") {
        team.work(team.alice, 6, "releasenotes/a.yaml");
        team.work(team.bob, 4, "releasenotes/b.yaml", 20);
        CHECK(team.audit_one(test::hat("release", {"alice"}, "releasenotes/")).status == engine::Status::ok);
    }
}

TEST_CASE("two active holders doing the work are ok", "[engine][coverage]") {
    Team team;
    team.work(team.alice, 3, "tox.ini");
    team.work(team.bob, 1, "tox.ini", 7);
    const auto hat = team.audit_one(test::hat("gate", {"alice", "bob"}, "tox.ini"));
    CHECK(hat.status == engine::Status::ok);
    CHECK(hat.holder_share == 1.0);
    CHECK(reason(hat) == "2 active holders; holders did 100% of 4 evidence items");
}

TEST_CASE("discovery mode marks every hat unassigned and names who does the work", "[engine][coverage]") {
    Team team;
    team.work(team.bob, 1, "tox.ini");
    const auto hat = team.audit_one(test::hat("gate", {}, "tox.ini"), engine::RosterMode::discovery);
    CHECK(hat.status == engine::Status::unassigned);
    CHECK(reason(hat) == "no roster; doing its work: bob (100%, 1 item); evidence too thin to judge (1 item of the 5 needed)");
}

TEST_CASE("an optional hat with nobody assigned is unassigned, not vacant", "[engine][coverage]") {
    Team team;
    auto optional = test::hat("i18n", {}, "*.po");
    optional.def.required = false;
    CHECK(team.audit_one(optional).status == engine::Status::unassigned);
}

TEST_CASE("former holders are history, never coverage", "[engine][coverage]") {
    Team team;
    team.work(team.alice, 2, "SECURITY.md");
    auto security = test::hat("security-contact", {"alice"}, "SECURITY.md");
    SECTION("a term that ended before the window end") {
        security.holders.front().until = roster::Date{(k_head_time / k_day) - 30};
        const auto hat = team.audit_one(security);
        CHECK(hat.status == engine::Status::vacant);
        CHECK(hat.former_holders == std::vector<std::string>{"alice"});
    }
    SECTION("a term that starts after the window end") {
        security.holders.front().since = roster::Date{(k_head_time / k_day) + 1};
        CHECK(team.audit_one(security).status == engine::Status::vacant);
    }
    SECTION("a term ending on the window's last day still counts") {
        security.holders.front().until = roster::Date{k_head_time / k_day};
        CHECK(team.audit_one(security).status == engine::Status::single_point);
    }
}

TEST_CASE("the gate matches the statuses given to --fail-on", "[engine][coverage]") {
    engine::AuditResult result;
    result.hats.resize(3);
    result.hats[0].hat = "a";
    result.hats[0].status = engine::Status::vacant;
    result.hats[1].hat = "b";
    result.hats[1].status = engine::Status::single_point;
    result.hats[2].hat = "c";
    result.hats[2].status = engine::Status::unassigned;
    auto check = [&](std::vector<std::string> values) {
        auto fail_on = engine::parse_fail_on(values);
        REQUIRE(fail_on.has_value());
        return engine::gate_failures(result, *fail_on);
    };
    CHECK(check({"vacant"}) == std::vector<std::string>{"a"});
    CHECK(check({"single-point"}) == std::vector<std::string>{"b"});
    CHECK(check({"any"}) == std::vector<std::string>{"a", "b"});
    CHECK(check({"none"}).empty());
    const auto typo = engine::parse_fail_on({"vacnat"});
    REQUIRE_FALSE(typo.has_value());
    CHECK(typo.error().message() == "--fail-on: unknown value 'vacnat' (did you mean 'vacant'?)");

    SECTION("burnout-high adds the people at high risk, after the hats") {
        result.health.burnout_high.resize(2);
        result.health.burnout_high[0].key = "zoe";
        result.health.burnout_high[1].key = "ann";
        CHECK(check({"vacant"}) == std::vector<std::string>{"a"});
        CHECK(check({"burnout-high"}) == std::vector<std::string>{"burnout:zoe", "burnout:ann"});
        CHECK(check({"burnout-high", "vacant"}) == std::vector<std::string>{"a", "burnout:zoe", "burnout:ann"});
        CHECK(check({"any"}) == std::vector<std::string>{"a", "b", "burnout:zoe", "burnout:ann"});
        const auto near = engine::parse_fail_on({"burnout-hihg"});
        REQUIRE_FALSE(near.has_value());
        CHECK(near.error().message() == "--fail-on: unknown value 'burnout-hihg' (did you mean 'burnout-high'?)");
    }
}

TEST_CASE("an ok hat with no evidence says so instead of a share of nothing", "[engine][coverage]") {
    Team team;
    team.work(team.alice, 1, "src/a.c");
    team.work(team.bob, 1, "src/b.c");
    const auto hat = team.audit_one(test::hat("lead", {"alice", "bob"}, "GOVERNANCE.md"));
    CHECK(hat.status == engine::Status::ok);
    CHECK(reason(hat) == "2 active holders; no evidence in the window");
}

TEST_CASE("a single point with no evidence at all still asks for a backup", "[engine][coverage]") {
    Team team;
    team.work(team.alice, 1, "src/a.c");
    const auto hat = team.audit_one(test::hat("lead", {"alice"}, "GOVERNANCE.md"));
    CHECK(hat.status == engine::Status::single_point);
    CHECK(reason(hat) == "alice is the only active holder and nobody else shares the hat; find a backup");
}

namespace {

engine::HatCoverage audit_with(Team& team, roster::Hat hat, int min_items) {
    auto roster = test::make_roster(team.people, {std::move(hat)});
    roster.thresholds.min_evidence_items = min_items;
    auto result = engine::run_audit(team.builder.build(), roster, engine::RosterMode::roster, {});
    REQUIRE(result.has_value());
    REQUIRE(result->hats.size() == 1);
    return result->hats.front();
}

}  // namespace

TEST_CASE("a share of too few items decides no status: thin evidence", "[engine][coverage][thin]") {
    Team team;
    SECTION("nova's security liaison: a non-holder did the only item; the hat keeps its roster status") {
        team.work(team.alice, 3, "src/main.cpp");  // alice is active, but did none of the hat's work
        team.work(team.bob, 1, "SECURITY.md", 5);
        const auto hat = audit_with(team, test::hat("security", {"alice"}, "SECURITY.md"), 5);
        // 1 item < 5: bob's 100% neither shadows alice nor backs her up; one holder = single-point.
        CHECK(hat.status == engine::Status::single_point);
        REQUIRE(hat.thin_evidence.has_value());
        CHECK(hat.thin_evidence->items == 1);
        CHECK(hat.thin_evidence->needed == 5);
        CHECK(hat.people == std::vector<std::string>{"alice"});
        CHECK(reason(hat) == "alice is the only active holder; evidence too thin to judge (1 item of the 5 needed), "
                            "so nobody else's share counts as a backup; find a backup");
    }
    SECTION("two holders and a non-holder with 4 of 4 items: ok, and the reason says why") {
        team.people.push_back(test::person("carol", "Carol Quiet", "carol@example.net"));
        const auto carol = team.builder.identity("Carol Quiet", "carol@example.net");
        team.work(team.alice, 1, "src/main.cpp");
        team.work(carol, 1, "src/other.cpp");
        team.work(team.bob, 4, "SECURITY.md", 5);
        const auto hat = audit_with(team, test::hat("security", {"alice", "carol"}, "SECURITY.md"), 5);
        CHECK(hat.status == engine::Status::ok);
        CHECK(reason(hat) == "2 active holders; holders did 0% of 4 evidence items; evidence too thin to judge "
                            "(4 items of the 5 needed): bob did 100% (4 items) without holding it");
    }
    SECTION("exactly the minimum (5 of 5) is enough: bob shadows alice") {
        team.work(team.alice, 1, "src/main.cpp");
        team.work(team.bob, 5, "SECURITY.md", 5);
        const auto hat = audit_with(team, test::hat("security", {"alice"}, "SECURITY.md"), 5);
        CHECK(hat.status == engine::Status::shadowed);
        CHECK_FALSE(hat.thin_evidence.has_value());
    }
    SECTION("the roster can lower the minimum: 1 item then shadows") {
        team.work(team.alice, 1, "src/main.cpp");
        team.work(team.bob, 1, "SECURITY.md", 5);
        CHECK(audit_with(team, test::hat("security", {"alice"}, "SECURITY.md"), 1).status == engine::Status::shadowed);
    }
    SECTION("a vacant hat still names its candidates, each with their items, and flags the thin evidence") {
        team.work(team.bob, 2, "SECURITY.md");
        team.work(team.alice, 1, "SECURITY.md", 10);
        const auto hat = audit_with(team, test::hat("security", {}, "SECURITY.md"), 5);
        CHECK(hat.status == engine::Status::vacant);
        CHECK(hat.people == std::vector<std::string>{"bob", "alice"});
        REQUIRE(hat.thin_evidence.has_value());
        CHECK(hat.thin_evidence->items == 3);
        CHECK(reason(hat) == "required hat with no holder; candidates by evidence: bob (67%, 2 items), alice (33%, "
                            "1 item); evidence too thin to judge (3 items of the 5 needed)");
    }
}

TEST_CASE("a holder who no longer authors but reviews is not stale", "[engine][coverage][activity]") {
    test::HistoryBuilder builder;
    const auto gibi = builder.identity("Gibi Holder", "gibi@example.com");
    const auto bob = builder.identity("Bob Builder", "bob@example.org");
    const auto head = k_head_time;
    const auto tk_day = k_day;
    builder.commit(gibi, head - 200 * tk_day, "old work", {"src/a.c"});
    builder.commit(bob, head - 10 * tk_day, "new work\n\nReviewed-by: Gibi Holder <gibi@example.com>\n", {"src/b.c"})
        .trailers = {{"Reviewed-by", "Gibi Holder <gibi@example.com>"}};
    const auto people = std::vector<roster::Person>{test::person("gibi", "Gibi Holder", "gibi@example.com"),
                                                    test::person("bob", "Bob Builder", "bob@example.org")};
    const auto roster = test::make_roster(people, {test::hat("ptl", {"gibi"}, "README.rst")});
    auto result = engine::run_audit(builder.build(), roster, engine::RosterMode::roster, {});
    REQUIRE(result.has_value());
    const auto& hat = result->hats.front();
    // Last authored 200 days ago (stale by authorship, over 90d); reviewed 10 days ago.
    CHECK(hat.status == engine::Status::single_point);
    REQUIRE(hat.holders.size() == 1);
    CHECK(hat.holders.front().active);
    CHECK(*hat.holders.front().last_active == head - 10 * tk_day);
    CHECK(hat.holders.front().last_kind == engine::ActivityKind::reviewed);
}

TEST_CASE("a holder whose only recent activity is authorship long ago is stale, and the reason names the kind",
          "[engine][coverage][activity]") {
    test::HistoryBuilder builder;
    const auto gibi = builder.identity("Gibi Holder", "gibi@example.com");
    const auto bob = builder.identity("Bob Builder", "bob@example.org");
    const auto head = k_head_time;
    const auto tk_day = k_day;
    builder.commit(gibi, head - 200 * tk_day, "older");
    builder.commit(bob, head - 150 * tk_day, "work").trailers = {{"Acked-by", "Gibi Holder <gibi@example.com>"}};
    builder.commit(bob, head - 5 * tk_day, "recent", {"src/b.c"});
    const auto people = std::vector<roster::Person>{test::person("gibi", "Gibi Holder", "gibi@example.com"),
                                                    test::person("bob", "Bob Builder", "bob@example.org")};
    const auto roster = test::make_roster(people, {test::hat("ptl", {"gibi"}, "README.rst")});
    auto result = engine::run_audit(builder.build(), roster, engine::RosterMode::roster, {});
    REQUIRE(result.has_value());
    const auto& hat = result->hats.front();
    // Newest activity: the ack 150 days before HEAD (> 90d), so stale, and the reason says it was an ack.
    CHECK(hat.status == engine::Status::stale);
    CHECK(reason(hat) == "every holder inactive for over 90d (gibi last active 2024-01-03 (acked)); confirm or replace them");
}
