// digest_cycle on a hand-made report: which people the matrix, the load chart and the load
// table show, the names of each cell, and what is left out. Every expectation is worked out
// by hand in the comments.
#include <catch2/catch.hpp>

#include "roles/engine/cycle.hpp"
#include "roles/engine/cycle_digest.hpp"

using namespace roles::engine;

namespace {

PersonCycle person(const std::string& key, std::vector<std::string> hats = {}, double effort = 0.0) {
    PersonCycle p;
    p.key = key;
    p.on_roster = true;
    p.hats = std::move(hats);
    p.effort = effort;
    return p;
}

Contributor work(const std::string& key, std::uint32_t evidence, double share) {
    return {0, key, key, evidence, share, false};
}

// People in report order: ana (holds lead, effort 0.3), ben (medium risk), cai (low risk last
// cycle), dee, eve, fay (nothing). lead: ana holds it; dee 60%, eve 20%, fay 10%, ben 10% did
// its work. ci: vacant, ben 9% of its work. Asks: appoint for ci, check in with ben, find a
// backup for ana's lead. Newcomers dee (2 commits), eve (5), fay (5); leavers gus (3 commits
// last cycle), hal (1, still holds ci), ivy (3).
CycleReport sample() {
    CycleReport r;
    r.people = {person("ana", {"lead"}, 0.3), person("ben"), person("cai"), person("dee"), person("eve"), person("fay")};
    r.people[1].risk = RiskLevel::medium;
    r.people[2].previous_risk = RiskLevel::low;
    HatCycle lead;
    lead.hat = "lead";
    lead.status = Status::ok;
    lead.holders.push_back({0, "ana", std::nullopt, true, 0});
    lead.contributors = {work("dee", 6, 0.6), work("eve", 2, 0.2), work("fay", 1, 0.1), work("ben", 1, 0.1)};
    HatCycle ci;
    ci.hat = "ci";
    ci.status = Status::vacant;
    ci.contributors = {work("ben", 1, 0.09)};
    r.hats = {lead, ci};
    r.asks = {{AskKind::appoint, {"ci"}, {}, "appoint"}, {AskKind::check_in, {}, {"ben"}, "check in"},
              {AskKind::find_backup, {"lead"}, {"ana"}, "backup"}};
    r.newcomers = {{"dee", "Dee", 10, 2}, {"eve", "Eve", 20, 5}, {"fay", "Fay", 30, 5}};
    r.leavers = {{"gus", "Gus", 1, 3, {}}, {"hal", "Hal", 2, 1, {"ci"}}, {"ivy", "Ivy", 3, 3, {}}};
    return r;
}

}  // namespace

TEST_CASE("the matrix shows holders and the top workers with a meaningful share", "[engine][cycle][digest]") {
    const auto d = digest_cycle(sample());
    // ana holds lead; dee, eve, fay are lead's top 3 (60, 20, 10% >= 10%); ben is 4th on lead
    // and has 9% of ci: left out, with cai, who did nothing.
    CHECK(d.matrix_people == std::vector<std::size_t>{0, 3, 4, 5});
    CHECK(d.matrix_left_out == 2);
    // Only ana has hat effort.
    CHECK(d.load_rows == std::vector<std::size_t>{0});
    CHECK(d.load_left_out == 5);
    // ana holds a hat, ben has a risk, cai had one: listed; dee, eve, fay counted.
    CHECK(d.load_table.items == std::vector<std::size_t>{0, 1, 2});
    CHECK(d.load_table.more == 3);
}

TEST_CASE("cells name the first holders and the top workers, and count the rest", "[engine][cycle][digest]") {
    const auto d = digest_cycle(sample());
    REQUIRE(d.hats.size() == 2);
    CHECK(d.hats[0].holders.items == std::vector<std::size_t>{0});
    CHECK(d.hats[0].holders.more == 0);
    CHECK(d.hats[0].workers.items == std::vector<std::size_t>{0, 1, 2});
    CHECK(d.hats[0].workers.more == 1);
    CHECK(d.hats[1].holders.items.empty());
    CHECK(d.hats[1].workers.items == std::vector<std::size_t>{0});
    // Only ci is vacant; the appoint ask is about ci; check-in and backup are about people.
    CHECK_FALSE(d.hats[0].needs_someone);
    CHECK(d.hats[1].needs_someone);
    CHECK(d.hats[0].asks.empty());
    CHECK(d.hats[1].asks == std::vector<std::size_t>{0});
    CHECK(d.other_asks == std::vector<std::size_t>{1, 2});
}

TEST_CASE("lists of newcomers and leavers put the most telling first", "[engine][cycle][digest]") {
    DigestLimits limits;
    limits.people_per_list = 2;
    limits.workers_per_hat = 1;
    limits.holders_per_cell = 0;
    const auto d = digest_cycle(sample(), limits);
    // Newcomers by commits, then key: eve 5, fay 5, dee 2 -> eve, fay and 1 more.
    CHECK(d.newcomers.items == std::vector<std::size_t>{1, 2});
    CHECK(d.newcomers.more == 1);
    // Leavers holding a hat first (hal), then by commits last cycle, then key: gus, ivy.
    CHECK(d.leavers.items == std::vector<std::size_t>{1, 0});
    CHECK(d.leavers.more == 1);
    // One worker per hat: lead shows dee; the matrix then takes ana and dee only.
    CHECK(d.hats[0].workers.items == std::vector<std::size_t>{0});
    CHECK(d.hats[0].workers.more == 3);
    CHECK(d.hats[0].holders.items.empty());
    CHECK(d.hats[0].holders.more == 1);
    CHECK(d.matrix_people == std::vector<std::size_t>{0, 3});
    // A higher bar for a meaningful share: lead's top 3 at 20% or more are dee and eve.
    limits = {};
    limits.meaningful_share = 0.2;
    CHECK(digest_cycle(sample(), limits).matrix_people == std::vector<std::size_t>{0, 3, 4});
}
