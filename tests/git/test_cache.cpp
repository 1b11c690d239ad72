// The history cache must never change a result: every case below compares a load that used
// the cache with a load that did not (a cold run).
//
// Cache file layout used by the damage tests (cache_file.hpp): 8-byte magic, u32 format at
// offset 8, u32 length of the tool version at 12, the tool version from offset 16, then
// sizes, checksum and payload; the last byte belongs to the payload.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "e2e/run_binary.hpp"
#include "git/loader_fixtures.hpp"
#include "support/history_view.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using roles::git::CacheMode;
using roles::git::History;
using roles::git::LoadStats;
using roles::test::build_sample_history;
using roles::test::CommitSpec;
using roles::test::dump;
using roles::test::load_with;
using roles::test::TempRepo;

namespace {

// 5 rounds of the sample history: 5 * 6 = 30 commits.
constexpr std::size_t k_sample_commits = 30;

std::vector<std::string> cache_files(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("facts-")) files.push_back(entry.path().string());
    }
    return files;
}

std::vector<std::string> order_files(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename().string().starts_with("order-")) files.push_back(entry.path().string());
    }
    return files;
}

// Whether the load walked the commit graph (rather than taking a recorded order).
bool walked(const LoadStats& stats) {
    return std::ranges::any_of(stats.phases_ms, [](const auto& phase) { return phase.first == "walk"; });
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

void flip_byte(const std::string& path, std::size_t offset) {
    std::string bytes = read_bytes(path);
    bytes.at(offset) = static_cast<char>(bytes.at(offset) ^ 0x5a);
    write_bytes(path, bytes);
}

// A repository with the sample history and a warm cache next to it.
struct CachedRepo {
    TempRepo repo;
    std::string cache = roles::test::make_temp_dir();
    CachedRepo() {
        build_sample_history(repo, 5, true);
        LoadStats stats;
        load_with(repo.path(), 2, CacheMode::use, cache, &stats);
        if (stats.commits_read != k_sample_commits) throw std::runtime_error("sample cache not built");
    }
    [[nodiscard]] History cold() const { return load_with(repo.path(), 2, CacheMode::off); }
    History cached(LoadStats* stats = nullptr) const { return load_with(repo.path(), 2, CacheMode::use, cache, stats); }
};

}  // namespace

TEST_CASE("a warm run gives the cold run's history without reading any commit", "[git][cache]") {
    const CachedRepo fixture;
    LoadStats stats;
    const History warm = fixture.cached(&stats);
    CHECK(dump(warm) == dump(fixture.cold()));
    CHECK(stats.commits_read == 0);
    CHECK(stats.cache_hits == k_sample_commits);
    CHECK(stats.cache_files_read == 1);
    CHECK(stats.cache_bytes_written == 0);  // nothing new: nothing written
    CHECK(warm.warnings.empty());
}

TEST_CASE("new commits are read from git and added to the cache in a file of their own", "[git][cache]") {
    CachedRepo fixture;
    CommitSpec spec;
    spec.time = roles::test::k_base_time + 100 * roles::test::k_day;
    for (int i = 0; i < 3; ++i) {
        spec.time += 60;
        spec.message = "new " + std::to_string(i) + "\n";
        spec.files = {{"src/new.c", std::to_string(i)}};
        fixture.repo.commit(spec);
    }
    LoadStats stats;
    const History incremental = fixture.cached(&stats);
    CHECK(dump(incremental) == dump(fixture.cold()));
    CHECK(stats.commits_read == 3);
    CHECK(stats.cache_hits == k_sample_commits);
    CHECK(cache_files(fixture.cache).size() == 2);
    LoadStats again;
    fixture.cached(&again);
    CHECK(again.commits_read == 0);
    CHECK(again.cache_hits == k_sample_commits + 3);
}

TEST_CASE("a large history is cached in up to four parts, read back on two threads", "[git][cache]") {
    TempRepo repo;
    build_sample_history(repo, 5, true);
    const std::string cache = roles::test::make_temp_dir();
    const auto load = [&](std::size_t part_commits, unsigned threads, LoadStats& stats) {
        roles::git::LoadOptions options;
        options.path = repo.path();
        options.threads = threads;
        options.cache = CacheMode::use;
        options.cache_dir = cache;
        options.cache_part_commits = part_commits;
        auto history = roles::git::load_history(options, stats);
        REQUIRE(history.has_value());
        return std::move(*history);
    };
    const History cold = load_with(repo.path(), 1, CacheMode::off);
    // 30 commits in parts of 8: 8 + 8 + 8 + 6, four files.
    LoadStats first;
    CHECK(dump(load(8, 2, first)) == dump(cold));
    CHECK(cache_files(cache).size() == 4);
    for (const unsigned threads : {1U, 2U}) {
        LoadStats warm;
        CHECK(dump(load(8, threads, warm)) == dump(cold));
        CHECK(warm.cache_files_read == 4);
        CHECK(warm.commits_read == 0);
    }
    // Parts of 5 would be six files: a save never writes more than four.
    fs::remove_all(cache);
    LoadStats capped;
    CHECK(dump(load(5, 2, capped)) == dump(cold));
    CHECK(cache_files(cache).size() == 4);
}

TEST_CASE("a warm run on the same tip takes the recorded order instead of walking", "[git][cache]") {
    const CachedRepo fixture;
    REQUIRE(order_files(fixture.cache).size() == 1);
    CHECK_THAT(order_files(fixture.cache)[0], Catch::Contains("order-" + fixture.cold().head_id));
    LoadStats stats;
    const History warm = fixture.cached(&stats);
    CHECK(dump(warm) == dump(fixture.cold()));
    CHECK_FALSE(walked(stats));
    CHECK(stats.commits_walked == k_sample_commits);
    CHECK(stats.cache_hits == k_sample_commits);
    CHECK(warm.warnings.empty());
}

TEST_CASE("a recorded order is only trusted whole and with all its commits cached", "[git][cache]") {
    CachedRepo fixture;
    const std::string order = order_files(fixture.cache).at(0);
    LoadStats stats;
    SECTION("a damaged order is reported, ignored and rebuilt") {
        flip_byte(order, read_bytes(order).size() - 1);
        const History history = fixture.cached(&stats);
        CHECK(dump(history) == dump(fixture.cold()));
        CHECK(walked(stats));
        REQUIRE(history.warnings.size() == 1);
        CHECK_THAT(history.warnings[0], Catch::Contains("is damaged (checksum mismatch)"));
        LoadStats again;
        CHECK(fixture.cached(&again).warnings.empty());
        CHECK_FALSE(walked(again));
    }
    SECTION("facts removed since: the commits are walked and read again") {
        for (const auto& file : cache_files(fixture.cache)) fs::remove(file);
        CHECK(dump(fixture.cached(&stats)) == dump(fixture.cold()));
        CHECK(walked(stats));
        CHECK(stats.commits_read == k_sample_commits);
    }
    SECTION("a new tip walks, and its order replaces the old one") {
        CommitSpec spec;
        spec.time = roles::test::k_base_time + 100 * roles::test::k_day;
        spec.message = "new\n";
        spec.files = {{"src/new.c", "1"}};
        fixture.repo.commit(spec);
        CHECK(dump(fixture.cached(&stats)) == dump(fixture.cold()));
        CHECK(walked(stats));
        CHECK(stats.commits_read == 1);
        REQUIRE(order_files(fixture.cache).size() == 1);
        CHECK(order_files(fixture.cache)[0] != order);
    }
}

TEST_CASE("history rewritten by a force-push gives the cold run's history", "[git][cache]") {
    CachedRepo fixture;
    const History before = fixture.cold();
    // main goes back 10 commits and grows 2 new ones, as after `git push --force`.
    const std::string base = before.commits.at(10).id;
    CommitSpec spec;
    spec.branch = "rewrite";
    spec.parent = base;
    spec.time = roles::test::k_base_time + 200 * roles::test::k_day;
    spec.message = "rewritten 1\n";
    spec.files = {{"src/core/engine.c", "rewritten\n"}};
    const std::string first = fixture.repo.commit(spec);
    spec.parent = "";
    spec.time += 60;
    spec.message = "rewritten 2\n";
    spec.files = {{"docs/guide/new.md", "new\n"}};
    const std::string tip = fixture.repo.commit(spec);
    roles::test::run_git(fixture.repo.path(), "update-ref refs/heads/main " + tip);

    LoadStats stats;
    const History after = fixture.cached(&stats);
    const History cold = fixture.cold();
    CHECK(dump(after) == dump(cold));
    CHECK(stats.commits_read == 2);
    CHECK(roles::test::summaries(after).front() == "rewritten 2");
    CHECK(after.commits.at(1).id == first);
}

TEST_CASE("a changed .mailmap applies to cached commits without invalidating them", "[git][cache]") {
    CachedRepo fixture;
    fixture.repo.write_workdir_file(".mailmap", "Bala I. <bala@corp.example> <bala@example.in>\n");
    LoadStats stats;
    const History cached = fixture.cached(&stats);
    CHECK(dump(cached) == dump(fixture.cold()));
    CHECK(stats.commits_read == 0);
    std::vector<std::string> names;
    for (roles::git::IdentityId id = 0; id < cached.identities.size(); ++id) {
        names.push_back(roles::test::identity_text(cached, id));
    }
    CHECK(std::find(names.begin(), names.end(), "Bala I. <bala@corp.example>") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Bala Iyer <bala@example.in>") == names.end());
}

TEST_CASE("a file written by another tool or format version is ignored and replaced", "[git][cache]") {
    CachedRepo fixture;
    const std::string file = cache_files(fixture.cache).at(0);
    SECTION("tool version") { flip_byte(file, 16); }
    SECTION("format version") { flip_byte(file, 8); }
    LoadStats stats;
    const History history = fixture.cached(&stats);
    CHECK(dump(history) == dump(fixture.cold()));
    CHECK(stats.cache_hits == 0);
    CHECK(stats.commits_read == k_sample_commits);
    CHECK(history.warnings.empty());  // not damage: nothing to warn about
    CHECK(cache_files(fixture.cache).size() == 1);
    LoadStats again;
    fixture.cached(&again);
    CHECK(again.cache_hits == k_sample_commits);
}

TEST_CASE("a damaged cache file is reported, ignored and rebuilt", "[git][cache]") {
    CachedRepo fixture;
    const std::string file = cache_files(fixture.cache).at(0);
    std::string problem;
    SECTION("a flipped byte") {
        flip_byte(file, read_bytes(file).size() - 1);
        problem = "checksum mismatch";
    }
    SECTION("cut in half") {
        const std::string bytes = read_bytes(file);
        write_bytes(file, bytes.substr(0, bytes.size() / 2));
        problem = "truncated";
    }
    SECTION("not a cache file at all") {
        write_bytes(file, "hello");
        problem = "not a roles cache file";
    }
    LoadStats stats;
    const History history = fixture.cached(&stats);
    CHECK(dump(history) == dump(fixture.cold()));
    CHECK(stats.commits_read == k_sample_commits);
    REQUIRE(history.warnings.size() == 1);
    CHECK_THAT(history.warnings[0], Catch::Contains("is damaged (" + problem + ")"));
    LoadStats again;
    const History rebuilt = fixture.cached(&again);
    CHECK(rebuilt.warnings.empty());
    CHECK(again.cache_hits == k_sample_commits);
}

TEST_CASE("what a run killed half-way leaves behind changes nothing", "[git][cache]") {
    CachedRepo fixture;
    // A writer killed before its rename leaves a temporary file, here half of a real file.
    const std::string bytes = read_bytes(cache_files(fixture.cache).at(0));
    write_bytes(fixture.cache + "/.tmp-4242-0123456789abcdef", bytes.substr(0, bytes.size() / 2));
    LoadStats stats;
    const History history = fixture.cached(&stats);
    CHECK(dump(history) == dump(fixture.cold()));
    CHECK(history.warnings.empty());
    CHECK(stats.cache_hits == k_sample_commits);
}

TEST_CASE("runs at the same time, on the same cache, all give the cold run's history", "[git][cache]") {
    TempRepo repo;
    build_sample_history(repo, 5, true);
    const std::string cache = roles::test::make_temp_dir();
    const std::string cold = dump(load_with(repo.path(), 1, CacheMode::off));
    // Four loads at once on an empty cache: all read everything and all write.
    std::vector<std::future<History>> runs;
    for (int i = 0; i < 4; ++i) {
        runs.push_back(std::async(std::launch::async, [&] { return load_with(repo.path(), 1, CacheMode::use, cache); }));
    }
    for (auto& run : runs) {
        const History history = run.get();
        CHECK(dump(history) == cold);
        CHECK(history.warnings.empty());
    }
    LoadStats stats;
    CHECK(dump(load_with(repo.path(), 2, CacheMode::use, cache, &stats)) == cold);
    CHECK(stats.cache_hits == k_sample_commits);
}

TEST_CASE("concurrent roles processes and a changed roster give the uncached report", "[git][cache]") {
    TempRepo repo;
    build_sample_history(repo, 5, true);
    const std::string dir = roles::test::make_temp_dir();
    const std::string cache = dir + "/cache";
    const auto roster = [&](const std::string& name, const std::string& holder) {
        const std::string path = dir + "/" + name;
        write_bytes(path, "project: sample\nhats:\n  lead: {holders: [" + holder +
                              "]}\npeople:\n  ada: {name: Ada Lovelace, emails: [ada@example.com]}\n"
                              "  bala: {name: Bala Iyer, emails: [bala@example.in]}\n");
        return path;
    };
    const std::string first = roster("first.yaml", "ada");
    const std::string second = roster("second.yaml", "bala");
    const std::string base = "audit " + roles::test::shell_quote(repo.path()) + " --format json --roster ";
    const auto uncached = roles::test::run_roles(base + roles::test::shell_quote(first) + " --no-cache");
    // Three processes at once on an empty cache.
    const auto together = roles::test::run_shell(
        "sh -c " + roles::test::shell_quote("for i in 1 2 3; do " + roles::test::shell_quote(ROLES_BINARY) + " " + base +
                                            roles::test::shell_quote(first) + " --cache-dir " +
                                            roles::test::shell_quote(cache) + " > " + roles::test::shell_quote(dir) +
                                            "/out-$i.json & done; wait"));
    CHECK(together.err.empty());
    for (int i = 1; i <= 3; ++i) CHECK(read_bytes(dir + "/out-" + std::to_string(i) + ".json") == uncached.out);
    const auto changed = roles::test::run_roles(base + roles::test::shell_quote(second) + " --cache-dir " +
                                                roles::test::shell_quote(cache));
    const auto changed_uncached = roles::test::run_roles(base + roles::test::shell_quote(second) + " --no-cache");
    CHECK(changed.exit_code == changed_uncached.exit_code);
    CHECK(changed.out == changed_uncached.out);
    CHECK(changed.out != uncached.out);
}

TEST_CASE("a shallow clone's cut commit is never served from the cache", "[git][cache]") {
    TempRepo repo;
    build_sample_history(repo, 3, true);
    const std::string clone = roles::test::make_shallow_clone(repo.path(), 4);
    const std::string cache = roles::test::make_temp_dir();
    const History cold = load_with(clone, 2, CacheMode::off);
    REQUIRE(cold.shallow);
    load_with(clone, 2, CacheMode::use, cache);
    LoadStats stats;
    CHECK(dump(load_with(clone, 2, CacheMode::use, cache, &stats)) == dump(cold));
    // The commits at the cut have no parent to compare with: their facts are incomplete,
    // so they are read again; every other commit comes from the cache.
    CHECK(stats.commits_read >= 1);
    CHECK(stats.commits_read + stats.cache_hits == cold.commits.size());
}

TEST_CASE("the default cache lives in the git dir and leaves the work tree clean", "[git][cache]") {
    TempRepo repo;
    build_sample_history(repo, 2, false);
    const History history = load_with(repo.path(), 2, CacheMode::use);
    CHECK(history.warnings.empty());
    CHECK(cache_files(repo.git_dir() + "/roles-cache").size() == 1);
    std::vector<std::string> work_tree;
    for (const auto& entry : fs::directory_iterator(repo.path())) work_tree.push_back(entry.path().filename().string());
    CHECK(work_tree == std::vector<std::string>{".git"});
}

TEST_CASE("a cache directory that cannot be written is a warning, never a failure", "[git][cache]") {
    TempRepo repo;
    build_sample_history(repo, 2, false);
    const std::string file = roles::test::make_temp_dir() + "/a-file";
    write_bytes(file, "not a directory\n");
    const History history = load_with(repo.path(), 2, CacheMode::use, file + "/cache");
    CHECK(dump(history) == dump(load_with(repo.path(), 2, CacheMode::off)));
    REQUIRE(history.warnings.size() == 1);
    CHECK_THAT(history.warnings[0], Catch::Contains("cannot write the history cache"));
}
