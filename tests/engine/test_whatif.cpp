// roles whatif: the audit once people have left, against the audit as it is. Every expected
// value is worked out by hand in the comments (statuses: docs/vocabulary.md; factors:
// docs/formulas.md).
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/history_builder.hpp"
#include "roles/engine/whatif.hpp"

using namespace roles;
using test::HistoryBuilder;
using test::k_day;
using test::k_head_time;

namespace {

// Appends a commit by `who`, `days_ago` before HEAD, adding each path (a new file).
void add(HistoryBuilder& builder, git::IdentityId who, int days_ago, const std::vector<std::string>& paths) {
    auto& commit = builder.commit(who, k_head_time - days_ago * k_day, "change");
    for (const auto& path : paths) commit.changes.push_back({builder.path(path), builder.path(path), git::ChangeKind::added});
}

// The history with every path touched present at HEAD.
git::History with_head_files(const HistoryBuilder& builder) {
    auto history = builder.build();
    for (git::PathId id = 0; id < history.paths.size(); ++id) history.head_files.push_back(id);
    return history;
}

engine::WhatIfRequest without(std::vector<std::string> who) {
    engine::WhatIfRequest request;
    request.without = std::move(who);
    return request;
}

const engine::HatShift& hat_named(const engine::ProjectShift& project, const std::string& id) {
    const auto it = std::ranges::find_if(project.hats, [&](const engine::HatShift& h) { return h.hat == id; });
    REQUIRE(it != project.hats.end());
    return *it;
}

const engine::Handover* handover_of(const engine::ProjectShift& project, const std::string& id) {
    const auto it = std::ranges::find_if(project.handovers, [&](const engine::Handover& h) { return h.hat == id; });
    return it == project.handovers.end() ? nullptr : &*it;
}

// ana holds release and docs alone, ben holds ci. In the window: ana changes release/ twice
// and docs/ once, ben ci/ once and release/ once. Release: 3 items (ana 2, ben 1), fewer
// than the 5 needed, so ben's 33% saves nothing: single-point; docs (1 item, ana) and ci
// (1 item, ben) are single-point too.
struct TwoHats {
    HistoryBuilder builder;
    git::History history;
    roster::Roster roster;
    TwoHats() {
        const auto ana = builder.identity("Ana", "ana@example.com");
        const auto ben = builder.identity("Ben", "ben@example.com");
        add(builder, ana, 30, {"release/notes.txt"});
        add(builder, ana, 29, {"release/more.txt"});
        add(builder, ana, 28, {"docs/index.md"});
        add(builder, ben, 20, {"ci/jobs.yml"});
        add(builder, ben, 10, {"release/ben.txt"});
        history = with_head_files(builder);
        roster = test::make_roster({test::person("ana", "Ana", "ana@example.com"), test::person("ben", "Ben", "ben@example.com")},
                                   {test::hat("release", {"ana"}, "release/**"), test::hat("docs", {"ana"}, "docs/**"),
                                    test::hat("ci", {"ben"}, "ci/**")});
    }
};

}  // namespace

// Without ana, release and docs have no holder: both required, so both vacant, and both
// fail the default gate (vacant). ci does not move. Release's work lands on ben, its only
// other contributor (1 of 3 items, 33%); ben holds ci (effort 0.1, capacity 1), so his
// commitment goes 0.10 -> 0.20 if he takes release. Nobody but ana ever touched docs/.
TEST_CASE("whatif: the only holder of two hats leaves both vacant", "[engine][whatif]") {
    const TwoHats fixture;
    const auto result = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, without({"ana"}));
    REQUIRE(result.has_value());
    REQUIRE(result->scenarios.size() == 1);
    const auto& scenario = result->scenarios.front();
    CHECK(scenario.departure.people == std::vector<std::string>{"ana"});
    const auto& project = scenario.projects.front();
    CHECK(hat_named(project, "release").before == engine::Status::single_point);
    CHECK(hat_named(project, "release").after == engine::Status::vacant);
    CHECK(hat_named(project, "release").leaving == std::vector<std::string>{"ana"});
    CHECK(hat_named(project, "docs").after == engine::Status::vacant);
    CHECK(hat_named(project, "ci").before == hat_named(project, "ci").after);
    CHECK(scenario.failures == std::vector<std::string>{"release", "docs"});
    CHECK(scenario.severity.vacant == 2);

    const auto* release = handover_of(project, "release");
    REQUIRE(release != nullptr);
    CHECK(release->held);
    CHECK(release->items == 3);
    CHECK(release->leaving_items == 2);
    REQUIRE(release->candidates.size() == 1);
    CHECK(release->candidates[0].key == "ben");
    CHECK(release->candidates[0].evidence == 1);
    CHECK(release->candidates[0].share == Approx(1.0 / 3.0));
    CHECK(release->candidates[0].commitment_before == Approx(0.1));
    CHECK(release->candidates[0].commitment_after == Approx(0.2));
    CHECK_FALSE(release->candidates[0].over_committed);
    CHECK(release->note == engine::HandoverNote::thin_evidence);  // 3 items of the 5 needed

    const auto* docs = handover_of(project, "docs");
    REQUIRE(docs != nullptr);
    CHECK(docs->candidates.empty());
    CHECK(docs->note == engine::HandoverNote::nobody_else);
    CHECK(handover_of(project, "ci") == nullptr);

    // The user's roster is untouched: ana still holds both hats.
    CHECK(fixture.roster.hats()[0].holders.size() == 1);
    CHECK(fixture.roster.hats()[0].holders[0].person == "ana");
}

// Files: ben's ci/jobs.yml and release/ben.txt are his alone; ana's three files hers. The
// source filter keeps which of them count; whatever it keeps, ana's files are the ones left
// without an author, and none of ben's.
TEST_CASE("whatif: files only the departing person authors are left without an author", "[engine][whatif]") {
    const TwoHats fixture;
    const auto result = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, without({"ana"}));
    REQUIRE(result.has_value());
    const auto& repository = result->scenarios.front().projects.front().repository;
    for (const auto& path : repository.orphaned) CHECK((path.starts_with("release/notes") || path.starts_with("release/more") || path.starts_with("docs/")));
    CHECK(repository.covered.before - repository.covered.after == repository.orphaned.size());
}

namespace {

// Example Corp: ana (2 commits) and ben (2); Other Inc: cid (5); dee and eve write from
// gmail.com (independent, 2 each). Each commit adds its own file src/<key><n>.c, so each
// file's only author is its creator. lead is held by ana and ben.
struct Companies {
    HistoryBuilder builder;
    git::History history;
    roster::Roster roster;
    Companies() {
        const std::vector<std::pair<std::string, int>> people = {{"ana", 2}, {"ben", 2}, {"cid", 5}, {"dee", 2}, {"eve", 2}};
        std::vector<roster::Person> listed;
        int day = 60;
        for (const auto& [key, commits] : people) {
            const bool free_mail = key == "dee" || key == "eve";
            const std::string email = key + (free_mail ? "@gmail.com" : key == "cid" ? "@other.example" : "@example.com");
            const auto who = builder.identity(key, email);
            for (int n = 0; n < commits; ++n) add(builder, who, day--, {"src/" + key + std::to_string(n) + ".c"});
            auto person = test::person(key, key, email);
            if (key == "ana" || key == "ben") person.affiliation = "Example Corp";
            if (key == "cid") person.affiliation = "Other Inc";
            listed.push_back(person);
        }
        history = with_head_files(builder);
        roster = test::make_roster(listed, {test::hat("lead", {"ana", "ben"}, "src/**")});
    }
};

}  // namespace

// 13 credited commits. Elephant before: Other Inc 5, Example Corp 4, dee 2, eve 2; half is
// 6.5: 5 < 6.5, 5 + 4 = 9 > 6.5, so 2. Without Example Corp: 9 commits, half 4.5, Other Inc's
// 5 > 4.5, so 1. Contributor absence: cid 5 + ana 2 = 7 > 6.5 -> 2; after: cid 5 > 4.5 -> 1.
// Truck factor (13 files, one author each): remove cid (8 left, 16 >= 13), ana (6 left,
// 12 < 13): 2. Without ana and ben 9 files keep an author and 4 are orphaned; remove cid
// (4 left, 8 < 13): 1. Everyone is active, so the absence-aware figures are the same, and
// the 4 orphaned files lose their last active author. lead (held by ana and ben, both
// active) is ok and becomes vacant: it fails the gate.
TEST_CASE("whatif: a company leaving drops the elephant factor", "[engine][whatif]") {
    const Companies fixture;
    for (const std::string word : {"@Example Corp", "@example.com"}) {
        const auto result = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, without({word}));
        REQUIRE(result.has_value());
        const auto& scenario = result->scenarios.front();
        CHECK(scenario.departure.people == std::vector<std::string>{"ana", "ben"});
        const auto& project = scenario.projects.front();
        CHECK(project.elephant.factor.before == 2);
        CHECK(project.elephant.factor.after == 1);
        CHECK(project.elephant.commits_before == 13);
        CHECK(project.elephant.commits_after == 9);
        CHECK(project.elephant.members_after == std::vector<std::string>{"Other Inc"});
        CHECK(project.contributor_absence.factor.before == 2);
        CHECK(project.contributor_absence.factor.after == 1);
        CHECK(project.repository.files == 13);
        CHECK(project.repository.truck_factor.before == 2);
        CHECK(project.repository.truck_factor.after == 1);
        CHECK(project.repository.absence_aware.before == 2);
        CHECK(project.repository.absence_aware.after == 1);
        CHECK(project.repository.covered.before == 13);
        CHECK(project.repository.covered.after == 9);
        CHECK(project.repository.orphaned ==
              std::vector<std::string>{"src/ana0.c", "src/ana1.c", "src/ben0.c", "src/ben1.c"});
        CHECK(project.repository.orphaned_active.size() == 4);
        CHECK(hat_named(project, "lead").before == engine::Status::ok);
        CHECK(hat_named(project, "lead").after == engine::Status::vacant);
        CHECK(scenario.failures == std::vector<std::string>{"lead"});
    }
}

// --without-each @: the organisations of the people who matter are Example Corp and Other
// Inc (dee and eve are independents). Example Corp empties lead (1 failure); Other Inc
// (cid) fails nothing, so Example Corp comes first.
TEST_CASE("whatif --without-each @ puts the worst company first", "[engine][whatif]") {
    const Companies fixture;
    engine::WhatIfRequest request;
    request.each = engine::EachKind::affiliation;
    const auto result = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, request);
    REQUIRE(result.has_value());
    REQUIRE(result->scenarios.size() == 2);
    CHECK(result->scenarios[0].departure.subject == "@Example Corp");
    CHECK(result->scenarios[0].severity.failures == 1);
    CHECK(result->scenarios[1].departure.subject == "@Other Inc");
    CHECK(result->scenarios[1].departure.people == std::vector<std::string>{"cid"});
    CHECK(result->scenarios[1].failures.empty());
}

// release (effort 0.5) is ana's; in the window its 10 items are ana 3, cid 4, ben 2 and
// one by Dee Doe, who is not on the roster (key dee-doe). Without ana: cid (4 items, 40%),
// then ben (2, 20%), then dee-doe (1, 10%). cid holds docs (0.2) with capacity 0.5:
// 0.40 -> (0.2 + 0.5) / 0.5 = 1.40, over-committed. ben holds ci (0.6), capacity 1:
// 0.60 -> 1.10, over-committed. dee-doe holds nothing: 0.00 -> 0.50.
TEST_CASE("whatif ranks successors by evidence and shows their commitment after", "[engine][whatif]") {
    HistoryBuilder builder;
    const auto ana = builder.identity("Ana", "ana@example.com");
    const auto ben = builder.identity("Ben", "ben@example.com");
    const auto cid = builder.identity("Cid", "cid@example.com");
    const auto dee = builder.identity("Dee Doe", "dee@example.org");
    int day = 40;
    for (const auto who : {ana, cid, ben, ana, cid, cid, ben, ana, cid, dee}) {
        add(builder, who, day, {"release/r" + std::to_string(day) + ".txt"});
        --day;
    }
    const auto history = with_head_files(builder);
    auto release = test::hat("release", {"ana"}, "release/**");
    release.def.effort = 0.5;
    auto ci = test::hat("ci", {"ben"}, "ci/**");
    ci.def.effort = 0.6;
    auto docs = test::hat("docs", {"cid"}, "docs/**");
    docs.def.effort = 0.2;
    auto cid_person = test::person("cid", "Cid", "cid@example.com");
    cid_person.capacity = 0.5;
    const auto roster = test::make_roster({test::person("ana", "Ana", "ana@example.com"),
                                           test::person("ben", "Ben", "ben@example.com"), cid_person},
                                          {release, ci, docs});
    const auto result = engine::run_whatif(history, roster, engine::RosterMode::roster, without({"ana@example.com"}));
    REQUIRE(result.has_value());
    const auto* handover = handover_of(result->scenarios.front().projects.front(), "release");
    REQUIRE(handover != nullptr);
    CHECK(handover->items == 10);
    CHECK(handover->leaving_items == 3);
    CHECK(handover->note == engine::HandoverNote::none);
    REQUIRE(handover->candidates.size() == 3);
    const auto& first = handover->candidates[0];
    CHECK(first.key == "cid");
    CHECK(first.evidence == 4);
    CHECK(first.share == Approx(0.4));
    CHECK(first.commitment_before == Approx(0.4));
    CHECK(first.commitment_after == Approx(1.4));
    CHECK(first.over_committed);
    CHECK(handover->candidates[1].key == "ben");
    CHECK(handover->candidates[1].commitment_before == Approx(0.6));
    CHECK(handover->candidates[1].commitment_after == Approx(1.1));
    CHECK(handover->candidates[1].over_committed);
    CHECK(handover->candidates[2].key == "dee-doe");
    CHECK(handover->candidates[2].commitment_before == Approx(0.0));
    CHECK(handover->candidates[2].commitment_after == Approx(0.5));
    CHECK_FALSE(handover->candidates[2].over_committed);
}

TEST_CASE("whatif: nobody by that name is a usage error with did you mean", "[engine][whatif]") {
    const TwoHats fixture;
    const auto result = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, without({"anna"}));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().kind == util::ErrorKind::usage);
    CHECK(result.error().message().find("did you mean 'ana'?") != std::string::npos);
    // A name works as well as the key or an email.
    const auto by_name = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, without({"Ben"}));
    REQUIRE(by_name.has_value());
    CHECK(by_name->scenarios.front().departure.people == std::vector<std::string>{"ben"});
}

// Two projects share ben: he holds ci in alpha (0.1) and docs in beta (0.1), so across the
// program his commitment is 0.20, and 0.30 if he takes alpha's release from ana.
TEST_CASE("whatif on a program adds up commitment across projects", "[engine][whatif]") {
    const TwoHats fixture;
    auto roster = fixture.roster;
    roster.program = true;
    roster.projects.front().name = "alpha";
    roster.projects.push_back({"beta", {}, {test::hat("docs", {"ben"}, "docs/**")}, {}});
    engine::ProgramInput input{roster, {&fixture.history, nullptr}, {}};
    const auto result = engine::run_program_whatif(input, without({"ana"}));
    REQUIRE(result.has_value());
    const auto& scenario = result->scenarios.front();
    REQUIRE(scenario.projects.size() == 2);
    CHECK(scenario.failures == std::vector<std::string>{"alpha/release", "alpha/docs"});
    CHECK(scenario.projects[1].mode == engine::RosterMode::roster_only);
    const auto* release = handover_of(scenario.projects[0], "release");
    REQUIRE(release != nullptr);
    REQUIRE(release->candidates.size() == 1);
    CHECK(release->candidates[0].commitment_before == Approx(0.2));
    CHECK(release->candidates[0].commitment_after == Approx(0.3));
}

// Each case runs on its own; the order and the figures never depend on the thread count.
TEST_CASE("whatif --without-each person gives the same cases on one thread or four", "[engine][whatif]") {
    const Companies fixture;
    engine::WhatIfRequest request;
    request.each = engine::EachKind::person;
    const auto serial = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, request);
    request.threads = 4;
    const auto parallel = engine::run_whatif(fixture.history, fixture.roster, engine::RosterMode::roster, request);
    REQUIRE(serial.has_value());
    REQUIRE(parallel.has_value());
    REQUIRE(serial->scenarios.size() == 5);  // ana, ben, cid, dee, eve
    REQUIRE(parallel->scenarios.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(serial->scenarios[i].departure.subject == parallel->scenarios[i].departure.subject);
        CHECK(serial->scenarios[i].severity.orphaned == parallel->scenarios[i].severity.orphaned);
        CHECK(serial->scenarios[i].failures == parallel->scenarios[i].failures);
    }
    // Nobody's leaving fails the gate or moves a status (lead keeps a holder whoever goes,
    // and cid's 38% backs up the one left). ana and ben each leave lead (hats left 1) and
    // 2 files: ana first by name. Then cid (5 files), then dee and eve (2 files each, truck
    // factor 2 -> 1 for both, 2 commits lost each): by name.
    std::vector<std::string> order;
    for (const auto& scenario : serial->scenarios) order.push_back(scenario.departure.subject);
    CHECK(order == std::vector<std::string>{"ana", "ben", "cid", "dee", "eve"});
    CHECK(serial->scenarios[0].severity.hats_left == 1);
    CHECK(serial->scenarios[2].severity.orphaned == 5);
    CHECK(serial->scenarios[2].severity.hats_left == 0);
}
