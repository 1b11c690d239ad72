// Commit::parents as the loader fills them, and RepositoryGraph (libgit2 ref resolution and
// merge bases) on a real repository:
//   main:   c0 (day 0) - c1 (day 2) - m (day 3, merges t1)
//   topic:  t1 (day 1), from c0
//   stable: s1 (day 4), from c1
//   other:  o1 (day 5), a root of its own
// By hand: History order (date order, children first) is m, c1, t1, c0; m's parents are c1
// and t1; merge-base(m, s1) = c1; merge-base(m, o1) does not exist.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "roles/git/graph.hpp"
#include "roles/git/loader.hpp"
#include "support/repo_fixture.hpp"

using roles::test::CommitSpec;
using roles::test::k_base_time;
using roles::test::k_day;

namespace {

struct ForkedRepo {
    roles::test::TempRepo repo;
    std::string c0, t1, c1, m, s1, o1;

    static CommitSpec at(int day, const std::string& path, const std::string& branch = "main") {
        CommitSpec spec;
        spec.time = k_base_time + day * k_day;
        spec.files = {{path, std::to_string(day)}};
        spec.branch = branch;
        return spec;
    }

    ForkedRepo() {
        c0 = repo.commit(at(0, "a.c"));
        auto topic = at(1, "t.c", "topic");
        topic.parent = c0;
        t1 = repo.commit(topic);
        c1 = repo.commit(at(2, "a.c"));
        auto merge = at(3, "t.c");
        merge.extra_parents = {t1};
        m = repo.commit(merge);
        auto stable = at(4, "a.c", "stable");
        stable.parent = c1;
        s1 = repo.commit(stable);
        o1 = repo.commit(at(5, "o.c", "other"));
    }
};

std::uint32_t index_of(const roles::git::History& history, const std::string& id) {
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        if (history.commits[i].id == id) return static_cast<std::uint32_t>(i);
    }
    FAIL("commit not loaded: " << id);
    return 0;
}

}  // namespace

TEST_CASE("the loader links each commit to its parents, cold and from the cache", "[git][graph]") {
    const ForkedRepo r;
    for (const auto cache : {roles::git::CacheMode::off, roles::git::CacheMode::use, roles::git::CacheMode::use}) {
        roles::git::LoadOptions options;
        options.path = r.repo.path();
        options.cache = cache;
        const auto history = roles::git::load_history(options);
        REQUIRE(history.has_value());
        REQUIRE(history->commits.size() == 4);
        const auto& merge = history->commits[index_of(*history, r.m)];
        CHECK(merge.parents == std::vector<std::uint32_t>{index_of(*history, r.c1), index_of(*history, r.t1)});
        CHECK(history->commits[index_of(*history, r.t1)].parents == std::vector<std::uint32_t>{index_of(*history, r.c0)});
        CHECK(history->commits[index_of(*history, r.c0)].parents.empty());
    }
}

TEST_CASE("the repository graph resolves refs and finds where a branch forked", "[git][graph]") {
    const ForkedRepo r;
    const auto graph = roles::git::RepositoryGraph::open(r.repo.path());
    REQUIRE(graph.has_value());
    const auto stable = graph->resolve("stable");
    REQUIRE(stable.has_value());
    CHECK(stable->id == r.s1);
    CHECK(stable->time == k_base_time + 4 * k_day);
    CHECK(graph->resolve("main~1")->id == r.c1);
    const auto unknown = graph->resolve("no-such-branch");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().context == "revision 'no-such-branch'");

    const auto fork = graph->merge_base(r.m, r.s1);
    REQUIRE(fork.has_value());
    CHECK(*fork == r.c1);
    const auto none = graph->merge_base(r.m, r.o1);
    REQUIRE(none.has_value());
    CHECK_FALSE(none->has_value());
}

TEST_CASE("a remote's URL is read from the config with git's longest insteadOf rewriting", "[git][graph]") {
    const ForkedRepo r;
    std::ofstream(r.repo.git_dir() + "/config", std::ios::app)
        << "[remote \"origin\"]\n\turl = gh:openstack/nova.git\n"
        << "[remote \"mirror\"]\n\turl = https://opendev.org/openstack/nova.git\n"
        << "[url \"https://github.com/\"]\n\tinsteadOf = gh:\n"
        << "[url \"ssh://git@github.com/\"]\n\tinsteadOf = gh:openstack/\n"
        << "[url \"https://unused.example/\"]\n\tinsteadOf = other:\n";
    const auto graph = roles::git::RepositoryGraph::open(r.repo.path());
    REQUIRE(graph.has_value());
    CHECK(graph->remote_url("origin") == "ssh://git@github.com/nova.git");  // the longer prefix wins
    CHECK(graph->remote_url("mirror") == "https://opendev.org/openstack/nova.git");
    CHECK_FALSE(graph->remote_url("upstream").has_value());
}
