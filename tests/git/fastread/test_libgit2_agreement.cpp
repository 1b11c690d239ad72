// The same repository read both ways: every object of a git-made pack read by the fast
// reader is the object libgit2 reads, every commit it parses is the commit libgit2 parses,
// and a history of 5,000 commits loaded with small budgets (so that cache eviction, page
// trimming, block freeing and work stealing all happen) is the History of the libgit2 path.

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/fastread.hpp"
#include "git/fastread/pack_bytes.hpp"
#include "git/loader_fixtures.hpp"
#include "roles/git/handles.hpp"
#include "roles/git/loader.hpp"
#include "support/temp_dir.hpp"

using roles::git::CacheMode;
using roles::git::History;
using roles::git::LoadOptions;
using roles::git::LoadStats;
using roles::git::PackAccess;
namespace fastread = roles::git::fastread;

namespace {

struct Objects {
    std::vector<git_oid> ids;
};

int collect(const git_oid* id, void* payload) {
    static_cast<Objects*>(payload)->ids.push_back(*id);
    return 0;
}

// `path` loaded without the cache, with `packs` access and `budgets`.
History load(const std::string& path, unsigned threads, PackAccess packs, const fastread::ReaderBudgets& budgets,
             LoadStats& stats) {
    LoadOptions options;
    options.path = path;
    options.threads = threads;
    options.cache = CacheMode::off;
    options.packs = packs;
    options.budgets = budgets;
    auto history = roles::git::load_history(options, stats);
    if (!history) throw std::runtime_error(history.error().message());
    return std::move(*history);
}

// bench/gen_history.cpp's history of 5,000 commits (fixed identities and times, topic
// branches merged back, renames, tags), imported and repacked with fresh deltas: made once.
const std::string& generated_history() {
    static const std::string path = [] {
        const std::string dir = roles::test::make_temp_dir() + "/g5k.git";
        const std::string command = "git init -q --bare -b main '" + dir + "' && '" + std::string(ROLES_BENCH_GEN) +
                                    "' 5000 | git -C '" + dir + "' fast-import --quiet && git -C '" + dir +
                                    "' repack -adfq";
        if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
        return dir;
    }();
    return path;
}

}  // namespace

TEST_CASE("every object of a git-made pack reads as libgit2 reads it", "[git][fastread][libgit2]") {
    roles::test::TempRepo repo;
    roles::test::build_sample_history(repo, 6, true);
    roles::git::ensure_libgit2();
    roles::git::RepositoryHandle handle;
    REQUIRE(git_repository_open(roles::git::out(handle), repo.git_dir().c_str()) == 0);
    roles::git::Handle<git_odb, git_odb_free> odb;
    REQUIRE(git_repository_odb(roles::git::out(odb), handle.get()) == 0);
    Objects objects;
    REQUIRE(git_odb_foreach(odb.get(), collect, &objects) == 0);
    REQUIRE(objects.ids.size() > 100);

    const auto packs = fastread::PackSet::open(repo.git_dir() + "/objects");
    auto reader = fastread::PackReader::create(packs, 4096);  // small: evictions on the way
    std::size_t commits = 0;
    for (const git_oid& id : objects.ids) {
        INFO(roles::test::pack::hex(id));
        roles::git::Handle<git_odb_object, git_odb_object_free> expected;
        REQUIRE(git_odb_read(roles::git::out(expected), odb.get(), &id) == 0);
        const fastread::ObjectRef object = reader->read(id);
        REQUIRE(object);
        CHECK(static_cast<int>(object.type()) == static_cast<int>(git_odb_object_type(expected.get())));
        REQUIRE(object.size() == git_odb_object_size(expected.get()));
        CHECK(std::memcmp(object.data(), git_odb_object_data(expected.get()), object.size()) == 0);
        CHECK(reader->object_size(id) == git_odb_object_size(expected.get()));
        if (object.type() != fastread::ObjectType::commit) continue;
        fastread::CommitHeader parsed;
        REQUIRE(fastread::parse_commit(object.data(), object.size(), parsed));
        roles::git::CommitHandle commit;
        REQUIRE(git_commit_lookup(roles::git::out(commit), handle.get(), &id) == 0);
        fastread::CommitHeader from_libgit2;
        fastread::header_from_libgit2(commit.get(), from_libgit2);
        CHECK(git_oid_equal(&parsed.tree, &from_libgit2.tree));
        CHECK(parsed.parents.size() == from_libgit2.parents.size());
        CHECK(parsed.author == from_libgit2.author);
        CHECK(parsed.committer == from_libgit2.committer);
        CHECK(parsed.author_time == from_libgit2.author_time);
        CHECK(parsed.author_offset == from_libgit2.author_offset);
        CHECK(parsed.commit_time == from_libgit2.commit_time);
        CHECK(parsed.message == from_libgit2.message);
        ++commits;
    }
    CHECK(commits == 6 * 6);  // six rounds: three on main, two on the topic, the merge
    CHECK(reader->evictions() > 0);
}

TEST_CASE("5,000 commits read with small budgets give the libgit2 path's history", "[git][fastread][libgit2][slow]") {
    const std::string& path = generated_history();
    fastread::ReaderBudgets small;
    small.tree_cache_bytes = 64 << 10;
    small.blob_cache_bytes = 16 << 10;
    small.resident_pack_bytes = 1;  // every check trims
    small.request_block_commits = 64;
    small.claim_batch = 2;
    small.steal_min_commits = 2;
    LoadStats fast;
    const History direct = load(path, 4, PackAccess::direct, small, fast);
    LoadStats reference;
    const History through_libgit2 = load(path, 2, PackAccess::libgit2, {}, reference);
    REQUIRE(direct.commits.size() == 5000);
    CHECK(roles::test::dump(direct) == roles::test::dump(through_libgit2));
    CHECK(fast.objects_from_libgit2 == 0);
    CHECK(fast.objects_from_packs > 5000);
    CHECK(fast.cache_evictions > 0);
    CHECK(fast.pack_trims > 0);
    CHECK(fast.blocks_freed >= 5000 / 64 - 1);  // all full blocks but the walk's last
    CHECK(fast.work_steals > 0);
    // The libgit2 path has no pack reader to trim, evict or share out.
    CHECK(reference.cache_evictions == 0);
    CHECK(reference.pack_trims == 0);
}
