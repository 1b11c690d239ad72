// Program rosters: each project audited on its own history (or the roster alone), and
// every person's seats added up across projects.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/program.hpp"
#include "roles/report/findings.hpp"  // the words of a finding, to read its arguments as text

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

// The status finding as the renderers write it.
std::string reason(const engine::HatCoverage& hat) { return report::finding_message(hat.finding); }

roster::Hat hat_with_effort(const std::string& id, std::vector<std::string> holders, double effort) {
    auto hat = test::hat(id, std::move(holders), id + "/**");
    hat.def.effort = effort;
    return hat;
}

struct Program {
    roster::Roster roster;
    git::History alpha_history;

    Program() {
        auto alice = test::person("alice", "Alice", "alice@example.com");
        alice.capacity = 0.5;
        roster = test::make_roster({alice, test::person("bob", "Bob", "bob@example.org")}, {});
        roster.program = true;
        roster.projects = {
            {"alpha", {"alpha.git"}, {hat_with_effort("ptl", {"alice"}, 0.5), hat_with_effort("release", {"alice", "bob"}, 0.1)}, {}},
            {"beta", {}, {hat_with_effort("ptl", {"alice"}, 0.5), hat_with_effort("security", {}, 0.1)}, {}}};
        test::HistoryBuilder builder;
        const auto a = builder.identity("Alice", "alice@example.com");
        const auto b = builder.identity("Bob", "bob@example.org");
        builder.commit(a, k_head_time - 3 * k_day, "notes", {"release/notes.txt"});
        builder.commit(b, k_head_time - 2 * k_day, "notes", {"release/more.txt"});
        builder.commit(a, k_head_time - 1 * k_day, "lead", {"ptl/plan.txt"});
        alpha_history = builder.build();
    }
};

const engine::HatCoverage& hat_of(const engine::ProjectAudit& project, const std::string& id) {
    for (const auto& hat : project.audit.hats) {
        if (hat.hat == id) return hat;
    }
    FAIL("no hat " << id);
    throw;
}

}  // namespace

TEST_CASE("a program audit covers each project and adds up seats across projects", "[engine][program]") {
    Program program;
    const auto result = engine::run_program_audit({program.roster, {&program.alpha_history, nullptr}, {}});
    REQUIRE(result.has_value());
    REQUIRE(result->projects.size() == 2);
    const auto& alpha = result->projects[0];
    const auto& beta = result->projects[1];
    CHECK(alpha.repos == std::vector<std::string>{"alpha.git"});
    CHECK(alpha.audit.totals.commits == 3);
    // alpha: both release holders active (2 of 2 items by holders); alice alone on ptl.
    CHECK(hat_of(alpha, "release").status == engine::Status::ok);
    CHECK(hat_of(alpha, "ptl").status == engine::Status::single_point);
    // beta has no repository: roster only, so holders count as active.
    CHECK(beta.repos.empty());
    CHECK(beta.audit.mode == engine::RosterMode::roster_only);
    CHECK(hat_of(beta, "ptl").status == engine::Status::single_point);
    CHECK(hat_of(beta, "security").status == engine::Status::vacant);
    CHECK(result->hats == 4);
    CHECK(result->by_status[static_cast<int>(engine::Status::single_point)] == 2);

    // alice: alpha/ptl 0.5 + alpha/release 0.1 + beta/ptl 0.5 = 1.1 at capacity 0.5 -> 2.2.
    // bob: alpha/release 0.1 at capacity 1.0 -> 0.1.
    REQUIRE(result->people.size() == 2);
    const auto& alice = result->people[0];
    CHECK(alice.person == "alice");
    CHECK(alice.seats == std::vector<std::string>{"alpha/ptl", "alpha/release", "beta/ptl"});
    CHECK(alice.projects == 2);
    CHECK(alice.effort == Approx(1.1));
    CHECK(alice.commitment == Approx(2.2));
    CHECK(result->people[1].person == "bob");
    CHECK(result->people[1].commitment == Approx(0.1));
}

TEST_CASE("a program gate names the project of each failing hat", "[engine][program]") {
    Program program;
    const auto result = engine::run_program_audit({program.roster, {&program.alpha_history, nullptr}, {}});
    REQUIRE(result.has_value());
    auto fail_on = engine::parse_fail_on({"vacant", "single-point"});
    REQUIRE(fail_on.has_value());
    CHECK(engine::gate_failures(*result, *fail_on) ==
          std::vector<std::string>{"alpha/ptl", "beta/ptl", "beta/security"});
}

TEST_CASE("roster-only reasons do not claim activity that was not assessed", "[engine][program]") {
    Program program;
    program.roster.projects[1].hats.push_back(hat_with_effort("gate", {"alice", "bob"}, 0.1));
    const auto result = engine::run_program_audit({program.roster, {&program.alpha_history, nullptr}, {}});
    REQUIRE(result.has_value());
    const auto& beta = result->projects[1];
    CHECK(reason(hat_of(beta, "ptl")) == "alice is the only holder; find a backup");
    CHECK(hat_of(beta, "gate").status == engine::Status::ok);
    CHECK(reason(hat_of(beta, "gate")) == "2 holders (no repository: activity not assessed)");
}
