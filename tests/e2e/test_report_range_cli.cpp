// End-to-end: `roles report --cycle A..B` and `roles audit --since A --until B` on a real
// repository count exactly the commits of `git rev-list --no-merges A..B`, including a change
// written before A's release and merged after it. The fixture, by hand (days from k_base_time):
//   main:  c0 day 0 (tag v1.0.0) - c2 day 2 - c3 day 3 (tag v2.0.0) - m day 10 (merges t1)
//          - c5 day 11 - c6 day 12 (tag v3.0.0) - c7 day 20 (HEAD)
//   topic: t1 day 1, from c0, merged by m
//   other: o1 day 5, a root of its own (tag orphan), sharing no history with main
//   v1.0.0..v2.0.0 = c2, c3: 2 commits. v2.0.0..v3.0.0 = t1, m, c5, c6: 3 commits and a merge.
//   By date, (day 3, day 12] would hold m, c5 and c6 only (t1 is from day 1).
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"
#include "support/repo_fixture.hpp"

using nlohmann::json;
using roles::test::CommitSpec;
using roles::test::k_base_time;
using roles::test::k_day;
using roles::test::run_roles;
using roles::test::run_shell;
using roles::test::shell_quote;

namespace {

struct RangeRepo {
    roles::test::TempRepo repo;
    std::string c6;

    static CommitSpec spec(const std::string& who, int day, const std::string& path, const std::string& text) {
        CommitSpec s;
        s.author_name = who;
        s.author_email = who + "@example.com";
        s.time = k_base_time + day * k_day;
        s.message = text + "\n";
        s.files = {{path, text}};
        return s;
    }

    RangeRepo() {
        const auto c0 = repo.commit(spec("alice", 0, "a.c", "c0"));
        repo.tag_annotated("v1.0.0", c0, "alice", "alice@example.com", k_base_time, 0, "v1.0.0\n");
        auto topic = spec("bob", 1, "t.c", "t1");
        topic.branch = "topic";
        topic.parent = c0;
        const auto t1 = repo.commit(topic);
        repo.commit(spec("alice", 2, "a.c", "c2"));
        const auto c3 = repo.commit(spec("alice", 3, "a.c", "c3"));
        repo.tag_annotated("v2.0.0", c3, "alice", "alice@example.com", k_base_time + 3 * k_day, 0, "v2.0.0\n");
        auto merge = spec("alice", 10, "t.c", "t1");  // the merged tree: t.c as t1 wrote it
        merge.message = "Merge topic\n";
        merge.extra_parents = {t1};
        repo.commit(merge);
        repo.commit(spec("bob", 11, "a.c", "c5"));
        c6 = repo.commit(spec("alice", 12, "b.c", "c6"));
        repo.tag_annotated("v3.0.0", c6, "alice", "alice@example.com", k_base_time + 12 * k_day, 0, "v3.0.0\n");
        repo.commit(spec("alice", 20, "a.c", "c7"));
        auto other = spec("carol", 5, "o.c", "o1");
        other.branch = "other";
        repo.tag_lightweight("orphan", repo.commit(other));
    }

    [[nodiscard]] int git_count(const std::string& range) const {
        const auto run = run_shell("git -C " + shell_quote(repo.path()) + " rev-list --count --no-merges " + range);
        REQUIRE(run.exit_code == 0);
        return std::stoi(run.out);
    }
};

json run_json(const std::string& args) {
    const auto run = run_roles(args + " --format json --no-cache");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return roles::test::parse_json(run.out);
}

}  // namespace

TEST_CASE("report --cycle A..B counts the commits of git rev-list --no-merges A..B", "[e2e][report]") {
    const RangeRepo r;
    REQUIRE(r.git_count("v2.0.0..v3.0.0") == 3);
    REQUIRE(r.git_count("v1.0.0..v2.0.0") == 2);
    const auto report = run_json("report " + shell_quote(r.repo.path()) + " --cycle v2.0.0..v3.0.0");
    CHECK(report["summary"]["commits"]["current"] == r.git_count("v2.0.0..v3.0.0"));
    CHECK(report["summary"]["commits"]["previous"] == r.git_count("v1.0.0..v2.0.0"));
    CHECK(report["cycle"]["rule"] == "range");
    CHECK(report["previous"]["label"] == "v1.0.0..v2.0.0");
    CHECK(report["head"] == r.c6);  // v3.0.0's commit, not HEAD (c7)
    // bob's t1 was written before v2.0.0 and merged after it: he contributes to this cycle.
    CHECK(report["summary"]["contributors"]["current"] == 2);
}

TEST_CASE("audit and load --since A --until B agree with report --cycle A..B", "[e2e][audit]") {
    const RangeRepo r;
    const auto audit = run_json("audit " + shell_quote(r.repo.path()) + " --since v2.0.0 --until v3.0.0");
    const auto report = run_json("report " + shell_quote(r.repo.path()) + " --cycle v2.0.0..v3.0.0");
    CHECK(audit["totals"]["commits"] == 3);
    CHECK(audit["totals"]["merges"] == 1);
    CHECK(audit["totals"]["commits"] == report["summary"]["commits"]["current"]);
    CHECK(audit["window"]["rule"] == "range");
    CHECK(audit["window"]["since"] == report["cycle"]["since"]);
    CHECK(audit["window"]["until"] == report["cycle"]["until"]);
    CHECK(audit["head"] == r.c6);
    const auto load = run_json("load " + shell_quote(r.repo.path()) + " --since v2.0.0 --until v3.0.0");
    CHECK(load["window"]["rule"] == "range");
    CHECK(load["commits"] == 3);
    CHECK(load["head"] == r.c6);
    // --since alone: v2.0.0..HEAD = t1, c5, c6, c7 (and m).
    const auto to_head = run_json("audit " + shell_quote(r.repo.path()) + " --since v2.0.0");
    CHECK(to_head["window"]["rule"] == "range");
    CHECK(to_head["totals"]["commits"] == r.git_count("v2.0.0..HEAD"));
    CHECK(to_head["totals"]["commits"] == 4);
    // The same ends as dates: (day 3 00:00, day 12 23:59:59] by author time, so t1 is out.
    const auto by_dates = run_json("audit " + shell_quote(r.repo.path()) + " --since 2023-11-18 --until 2023-11-26");
    CHECK(by_dates["window"]["rule"] == "dates");
    CHECK(by_dates["totals"]["commits"] == 2);  // c5 (11-25) and c6 (11-26); c2 and c3 are 11-16/17
}

TEST_CASE("a cycle end that shares no history with --ref is a usage error", "[e2e][report]") {
    const RangeRepo r;
    const auto run = run_roles("report " + shell_quote(r.repo.path()) + " --cycle v1.0.0..orphan --no-cache");
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("roles: error: --cycle: 'orphan' (commit "));
    CHECK(run.err.find("is neither on the analysed history nor on a branch forked from it; to report on its own "
                       "history pass --ref orphan") != std::string::npos);
    CHECK(run.out.empty());
}
