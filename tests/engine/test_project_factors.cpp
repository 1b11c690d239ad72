// Project-level factors: truck factor of the repository, of each top-level directory and of
// each hat area, and the CHAOSS factors over the window. Expectations worked out by hand.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/history_builder.hpp"
#include "roles/engine/activity.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/project_factors.hpp"

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

// Adds a commit creating `paths` (the builder's commits only modify).
git::Commit& create(test::HistoryBuilder& builder, git::IdentityId who, std::int64_t time,
                    const std::vector<std::string>& paths) {
    auto& commit = builder.commit(who, time, "add", paths);
    for (auto& change : commit.changes) change.kind = git::ChangeKind::added;
    return commit;
}

struct Computed {
    git::History history;
    engine::Resolution resolution;
    engine::Activity activity;
};

Computed prepare(const test::HistoryBuilder& builder, const roster::Roster& roster,
                 const std::vector<std::string>& head) {
    Computed c{builder.build(), {}, {}};
    for (const auto& path : head) {
        const auto found = std::find(c.history.paths.begin(), c.history.paths.end(), path);
        REQUIRE(found != c.history.paths.end());
        c.history.head_files.push_back(static_cast<git::PathId>(found - c.history.paths.begin()));
    }
    c.resolution = engine::resolve_identities(c.history, roster);
    c.activity = engine::collect_activity(c.history, c.resolution);
    return c;
}

std::vector<std::string> people_of(const engine::ScopedTruckFactor& scope) {
    std::vector<std::string> out;
    for (const auto& p : scope.people) out.push_back(p.key);
    return out;
}

}  // namespace

TEST_CASE("truck factor of the repository, each top-level directory and each hat area",
          "[engine][project_factors]") {
    test::HistoryBuilder builder;
    const auto alice = builder.identity("Alice", "alice@example.com");
    const auto bob = builder.identity("Bob", "bob@example.com");
    const auto carol = builder.identity("Carol", "carol@example.com");
    // Long before the window: authorship counts the whole history.
    create(builder, alice, k_head_time - 900 * k_day, {"src/a.c", "src/b.c"});
    create(builder, bob, k_head_time - 800 * k_day, {"lib/c.py"});
    create(builder, carol, k_head_time - 700 * k_day, {"docs/guide.md", "vendor/x.c"});
    auto docs = test::hat("docs-hat", {"carol"}, "docs/**");
    docs.def.area = {"docs/**", "vendor/**"};
    const auto lead = test::hat("lead", {"alice"}, "GOVERNANCE.md");  // no area: not listed
    const auto roster = test::make_roster({}, {lead, docs});
    const auto c =
        prepare(builder, roster, {"src/a.c", "src/b.c", "lib/c.py", "docs/guide.md", "vendor/x.c"});
    auto factors = engine::compute_project_factors(
        {c.history, c.resolution, c.activity, roster.hats(), {k_head_time - 365 * k_day, k_head_time}});
    REQUIRE(factors.has_value());

    // Source files: src/a.c, src/b.c (alice), lib/c.py (bob). docs/guide.md is documentation
    // and vendor/x.c vendored. Greedy: 3 covered; remove alice (2 files) -> 1 covered,
    // 2·1 < 3: truck factor 1.
    CHECK(factors->files_at_head == 5);
    CHECK(factors->files_not_source == 2);
    CHECK(factors->files_without_people == 0);
    const auto& repo = factors->truck_factor;
    CHECK(repo.scope == ".");
    CHECK(repo.truck_factor == 1);
    CHECK(repo.files == 3);
    CHECK(repo.covered_before == 3);
    CHECK(repo.covered_after == 1);
    REQUIRE(repo.people.size() == 1);
    CHECK(repo.people[0].key == "alice");
    CHECK(repo.people[0].files == 2);
    CHECK(repo.people[0].changes == 1);  // one commit created both files

    // lib: bob's one file; src: alice's two. Name order.
    REQUIRE(factors->by_directory.size() == 2);
    CHECK(factors->by_directory[0].scope == "lib");
    CHECK(people_of(factors->by_directory[0]) == std::vector<std::string>{"bob"});
    CHECK(factors->by_directory[1].scope == "src");
    CHECK(factors->by_directory[1].files == 2);
    CHECK(people_of(factors->by_directory[1]) == std::vector<std::string>{"alice"});

    // The docs hat's area takes in its documentation but never vendored code: 1 file, carol.
    REQUIRE(factors->by_hat.size() == 1);
    const auto& hat = factors->by_hat[0];
    CHECK(hat.scope == "docs-hat");
    CHECK(hat.area == std::vector<std::string>{"docs/**", "vendor/**"});
    CHECK(hat.files == 1);
    CHECK(hat.truck_factor == 1);
    CHECK(people_of(hat) == std::vector<std::string>{"carol"});
}

TEST_CASE("contributor absence and elephant factors count the window's credited commits",
          "[engine][project_factors]") {
    test::HistoryBuilder builder;
    const auto alice = builder.identity("Alice", "alice@acme.example");
    const auto bob = builder.identity("Bob", "bob@acme.example");
    const auto carol = builder.identity("Carol", "carol.free@gmail.com");
    const auto dan = builder.identity("Dan", "dan@gmail.com");
    // Before the window: 5 by dan, which would make him the largest group.
    for (int i = 0; i < 5; ++i) builder.commit(dan, k_head_time - (400 + i) * k_day, "old");
    // In the window: alice 3, bob 1, carol 1 plus 1 as alice's co-author.
    for (int i = 0; i < 2; ++i) builder.commit(alice, k_head_time - (10 + i) * k_day, "a");
    builder.commit(alice, k_head_time - 5 * k_day, "pair").co_authors = {carol};
    builder.commit(bob, k_head_time - 4 * k_day, "b");
    builder.commit(carol, k_head_time - 3 * k_day, "c");
    auto alice_p = test::person("alice", "Alice", "alice@acme.example");
    alice_p.affiliation = "Acme";
    const auto roster = test::make_roster({alice_p, test::person("bob", "Bob", "bob@acme.example"),
                                           test::person("carol", "Carol", "carol.free@gmail.com")},
                                          {});
    const auto c = prepare(builder, roster, {});
    auto factors = engine::compute_project_factors(
        {c.history, c.resolution, c.activity, roster.hats(), {k_head_time - 365 * k_day, k_head_time}});
    REQUIRE(factors.has_value());

    // Credited: alice 3, bob 1, carol 2 = 6. alice 3 is not more than half of 6; alice +
    // carol = 5 is: factor 2.
    const auto& caf = factors->contributor_absence;
    CHECK(caf.total_commits == 6);
    CHECK(caf.factor == 2);
    REQUIRE(caf.members.size() == 2);
    CHECK(caf.members[0].name == "alice");
    CHECK(caf.members[0].commits == 3);
    CHECK(caf.members[0].share == Approx(0.5));
    CHECK(caf.members[1].name == "carol");
    CHECK(caf.members[1].people == std::vector<std::string>{"carol"});

    // Organisations: "Acme" (alice's affiliation) 3; bob has none, so his email domain
    // acme.example 1; carol writes from gmail, so she is independent with 2. Acme 3 is not
    // more than 3; Acme + carol = 5 is: factor 2.
    const auto& ef = factors->elephant;
    CHECK(ef.factor == 2);
    REQUIRE(ef.members.size() == 2);
    CHECK(ef.members[0].name == "Acme");
    CHECK(ef.members[0].kind == engine::GroupKind::organisation);
    CHECK(ef.members[0].people == std::vector<std::string>{"alice"});
    CHECK(ef.members[1].name == "carol");
    CHECK(ef.members[1].kind == engine::GroupKind::independent);

    // No file at HEAD: nothing to count, truck factor 0.
    CHECK(factors->truck_factor.truck_factor == 0);
    CHECK(factors->truck_factor.files == 0);
    CHECK(factors->by_directory.empty());
}

TEST_CASE("the absence-aware truck factor treats authors idle for --active-within as gone",
          "[engine][project_factors]") {
    test::HistoryBuilder builder;
    const auto alice = builder.identity("Alice", "alice@example.com");
    const auto bob = builder.identity("Bob", "bob@example.com");
    const auto carol = builder.identity("Carol", "carol@example.com");
    // Alice wrote four files and left 900 days ago; Bob wrote two, last active 400 days ago;
    // Carol wrote two and is active 10 days ago.
    create(builder, alice, k_head_time - 900 * k_day, {"src/a.c", "src/b.c", "src/c.c", "lib/d.c"});
    create(builder, bob, k_head_time - 400 * k_day, {"src/e.c", "src/f.c"});
    create(builder, carol, k_head_time - 10 * k_day, {"lib/g.c", "lib/h.c"});
    const auto roster = test::make_roster({}, {});
    const std::vector<std::string> head = {"src/a.c", "src/b.c", "src/c.c", "lib/d.c",
                                           "src/e.c", "src/f.c", "lib/g.c", "lib/h.c"};
    const auto c = prepare(builder, roster, head);
    const engine::Window window{k_head_time - 365 * k_day, k_head_time};

    SECTION("one year: alice and bob are gone") {
        auto factors = engine::compute_project_factors(
            {c.history, c.resolution, c.activity, roster.hats(), window, 365});
        REQUIRE(factors.has_value());
        // Classic: 8 covered; remove alice (4) -> 4 covered, 2·4 = 8 is not below 8; remove
        // bob (2) -> 2 covered, 4 < 8: truck factor 2.
        const auto& repo = factors->truck_factor;
        CHECK(repo.truck_factor == 2);
        CHECK(people_of(repo) == std::vector<std::string>{"alice", "bob"});
        // Absence-aware: only carol's 2 of 8 files keep an active author, fewer than half
        // before anyone is removed: 0. Alice's and Bob's six files are already orphaned.
        CHECK(repo.absent.truck_factor == 0);
        CHECK(repo.absent.covered_before == 2);
        CHECK(repo.absent.orphaned == std::vector<std::string>{"lib/d.c", "src/a.c", "src/b.c", "src/c.c",
                                                               "src/e.c", "src/f.c"});
        CHECK(factors->gone_authors == std::vector<std::string>{"alice", "bob"});
        CHECK(factors->active_since == k_head_time - 365 * k_day);
        // lib/: d (alice, gone), g and h (carol): 2 of 3 active, carol removed -> 0: 1.
        REQUIRE(factors->by_directory.size() == 2);
        CHECK(factors->by_directory[0].scope == "lib");
        CHECK(factors->by_directory[0].absent.truck_factor == 1);
        CHECK(factors->by_directory[0].absent.orphaned == std::vector<std::string>{"lib/d.c"});
        // src/: all five by gone authors.
        CHECK(factors->by_directory[1].absent.truck_factor == 0);
        CHECK(factors->by_directory[1].absent.orphaned.size() == 5);
    }
    SECTION("two years: only alice is gone") {
        auto factors = engine::compute_project_factors(
            {c.history, c.resolution, c.activity, roster.hats(), window, 730});
        REQUIRE(factors.has_value());
        // 4 of 8 keep an active author (bob 2, carol 2): 2·4 = 8 is not below 8, remove
        // bob (ties on 2 files and 1 change: key "bob" < "carol") -> 2, 4 < 8: 1.
        const auto& repo = factors->truck_factor;
        CHECK(repo.absent.truck_factor == 1);
        CHECK(repo.absent.covered_before == 4);
        REQUIRE(repo.absent.people.size() == 1);
        CHECK(repo.absent.people[0].key == "bob");
        CHECK(repo.absent.orphaned == std::vector<std::string>{"lib/d.c", "src/a.c", "src/b.c", "src/c.c"});
        CHECK(factors->gone_authors == std::vector<std::string>{"alice"});
    }
}
