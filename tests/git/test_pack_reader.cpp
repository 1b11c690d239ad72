// roles' own pack reader (src/git/fastread/) against libgit2's object database, through the
// loader: same history, whatever mix of packed (deltified) and loose objects a repository
// has. The reader's own tests, on hand-made bytes, are in tests/git/fastread/.

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../src/git/fastread/fastread.hpp"
#include "git/loader_fixtures.hpp"
#include "support/history_view.hpp"
#include "support/temp_dir.hpp"

using roles::git::CacheMode;
using roles::git::History;
using roles::git::LoadStats;
using roles::git::PackAccess;
using roles::test::build_sample_history;
using roles::test::CommitSpec;
using roles::test::dump;
using roles::test::load_with;
using roles::test::TempRepo;

TEST_CASE("reading packs directly gives the history libgit2 gives", "[git][pack]") {
    TempRepo repo;
    build_sample_history(repo, 8, true);

    LoadStats direct_stats;
    const History direct = load_with(repo.path(), 2, CacheMode::off, "", &direct_stats, PackAccess::direct);
    LoadStats libgit2_stats;
    const History through_libgit2 = load_with(repo.path(), 2, CacheMode::off, "", &libgit2_stats, PackAccess::libgit2);
    CHECK(dump(direct) == dump(through_libgit2));
    // Everything was packed: the pack reader served every commit and tree.
    CHECK(direct_stats.objects_from_packs > 0);
    CHECK(direct_stats.objects_from_libgit2 == 0);
    CHECK(libgit2_stats.objects_from_packs == 0);
}

TEST_CASE("objects outside the packs are read through libgit2 in the same load", "[git][pack]") {
    TempRepo repo;
    const auto sample = build_sample_history(repo, 4, true);
    // Two more commits after the repack: their commits and trees are loose objects.
    CommitSpec spec;
    spec.time = roles::test::k_base_time + 400 * roles::test::k_day;
    spec.message = "loose one\n";
    spec.files = {{"src/core/engine.c", "loose\n"}, {"src/core/new/deep/file.c", "deep\n"}};
    repo.commit(spec);
    spec.time += 60;
    spec.message = "loose two\n";
    spec.files = {{"notes/old/todo3.txt", std::nullopt}, {"notes/todo-moved.txt", "todo list\n"}};
    repo.commit(spec);

    LoadStats stats;
    const History direct = load_with(repo.path(), 1, CacheMode::off, "", &stats, PackAccess::direct);
    const History through_libgit2 = load_with(repo.path(), 1, CacheMode::off, "", nullptr, PackAccess::libgit2);
    REQUIRE(direct.commits.size() == sample.commits + 2);
    CHECK(dump(direct) == dump(through_libgit2));
    CHECK(stats.objects_from_packs > 0);
    CHECK(stats.objects_from_libgit2 > 0);
}

namespace {

// Writes a commit object with exactly `text` (git accepts odd ones with --literally).
std::string write_raw_commit(const std::string& git_dir, const std::string& text) {
    const std::string file = roles::test::make_temp_dir() + "/commit";
    std::ofstream(file, std::ios::binary) << text;
    const std::string command = "git --git-dir='" + git_dir + "' hash-object -w -t commit --literally '" + file + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    char id[64] = {};
    const bool read = std::fgets(id, sizeof id, pipe) != nullptr;
    if (pclose(pipe) != 0 || !read) throw std::runtime_error("failed: " + command);
    return std::string(id, 40);
}

}  // namespace

TEST_CASE("commits in unusual forms read the same from packs as through libgit2", "[git][pack]") {
    TempRepo repo(roles::test::Bare::yes);
    const std::string git_dir = repo.git_dir();
    const std::string tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";  // the empty tree
    roles::test::run_git(git_dir, "hash-object -w -t tree /dev/null");
    // Each line: the author and committer lines of one commit, then its message part.
    const std::vector<std::string> shapes = {
        // names and emails are trimmed of spaces and of . , : ; < > " ' \ at both ends
        "author   \"J. R. Dobbs.\"  <  bob@example.com > 1700000000 +0530\ncommitter C <c@x> 1700000001 -0000\n\nodd names\n",
        // hours beyond 14 keep offset 0; no zone at all; no time at all
        "author A <a@x> 1700000000 +9930\ncommitter C <c@x> 1700000002\n\nzones\n",
        "author A <a@x>\ncommitter C <c@x> 1700000003 +0100\n\nno time\n",
        // two spaces before the time, a second author line (libgit2 skips it)
        "author A <a@x>  1700000004 +0200\ncommitter C <c@x> 1700000004 +0200\n\nspaces\n",
        "author A <a@x> 1700000005 +0000\nauthor B <b@x> 1700000005 +0000\ncommitter C <c@x> 1700000005 +0000\n\ntwo\n",
        // an encoding header and a multi-line signature before the message
        "author A <a@x> 1700000006 +0000\ncommitter C <c@x> 1700000006 +0000\nencoding ISO-8859-1\n"
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n abc\n -----END PGP SIGNATURE-----\n\nsigned\n\nCo-authored-by: D <d@x>\n",
        // a NUL in the message (it ends there), and no message at all
        std::string("author A <a@x> 1700000007 +0000\ncommitter C <c@x> 1700000007 +0000\n\nbefore\0after\n", 80),
        "author A <a@x> 1700000008 +0000\ncommitter C <c@x> 1700000008 +0000\n",
    };
    std::string parent;
    for (const std::string& shape : shapes) {
        parent = write_raw_commit(git_dir, "tree " + tree + "\n" + (parent.empty() ? "" : "parent " + parent + "\n") + shape);
    }
    roles::test::run_git(git_dir, "update-ref refs/heads/main " + parent);
    roles::test::run_git(git_dir, "repack -adq");

    LoadStats stats;
    const History direct = load_with(repo.path(), 1, CacheMode::off, "", &stats, PackAccess::direct);
    const History through_libgit2 = load_with(repo.path(), 1, CacheMode::off, "", nullptr, PackAccess::libgit2);
    REQUIRE(direct.commits.size() == shapes.size());
    CHECK(dump(direct) == dump(through_libgit2));
    // Two shapes are left to libgit2 by roles' parser (the two spaces, the second author),
    // each read once, by the walk.
    CHECK(stats.objects_from_libgit2 == 2);
    // The first commit's author, trimmed as libgit2 trims: "J. R. Dobbs" <bob@example.com>, +05:30.
    const auto& oldest = direct.commits.back();
    CHECK(roles::test::identity_text(direct, oldest.author) == "J. R. Dobbs <bob@example.com>");
    CHECK(oldest.offset_minutes == 330);
}

namespace {

// Output of a git command in `git_dir`.
std::string git_output(const std::string& git_dir, const std::string& arguments) {
    const std::string command = "git --git-dir='" + git_dir + "' " + arguments;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("failed: " + command);
    std::string out;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
    return out;
}

// `count` numbered lines, the ones from `edited` on changed by `tag`.
std::string numbered(int count, int edited, const std::string& tag) {
    std::string out;
    for (int i = 0; i < count; ++i) out += "line " + std::to_string(i) + (i >= edited ? tag : "") + "\n";
    return out;
}

}  // namespace

TEST_CASE("blob sizes from pack headers and delta headers match git's", "[git][pack][rename]") {
    TempRepo repo;
    CommitSpec spec;
    // One file edited a little in each commit, so that repack stores most versions as deltas.
    for (int round = 0; round < 6; ++round) {
        spec.time = roles::test::k_base_time + 60 * round;
        spec.files = {{"src/big.c", numbered(400, 400 - 10 * round, "+" + std::to_string(round))}};
        repo.commit(spec);
    }
    roles::test::run_git(repo.git_dir(), "repack -adq --depth=20 --window=50");
    auto packs = roles::git::fastread::PackSet::open(repo.git_dir() + "/objects");
    REQUIRE(packs->size() == 1);
    auto reader = roles::git::fastread::PackReader::create(packs, std::size_t{1} << 20);
    REQUIRE(reader);
    const std::string listing = git_output(repo.git_dir(), "cat-file --batch-all-objects --batch-check='%(objectname) %(objecttype) %(objectsize) %(deltabase)'");
    int blobs = 0;
    int deltas = 0;
    std::size_t start = 0;
    while (start < listing.size()) {
        const std::size_t end = listing.find('\n', start);
        const std::string line = listing.substr(start, end - start);
        start = end + 1;
        char hex[41] = {};
        char type[16] = {};
        unsigned long long size = 0;
        char base[41] = {};
        REQUIRE(std::sscanf(line.c_str(), "%40s %15s %llu %40s", hex, type, &size, base) == 4);
        if (std::string(type) != "blob") continue;
        git_oid id;
        REQUIRE(git_oid_fromstr(&id, hex) == 0);
        CHECK(reader->object_size(id) == std::optional<std::uint64_t>(size));
        ++blobs;
        if (std::string(base) != std::string(40, '0')) ++deltas;
    }
    CHECK(blobs == 6);
    CHECK(deltas > 0);  // the delta path was exercised
}

TEST_CASE("edited renames read from packs are the ones read through libgit2", "[git][pack][rename]") {
    TempRepo repo;
    CommitSpec spec;
    spec.files = {{"old/a.c", numbered(50, 50, "")}, {"old/b.c", numbered(40, 0, "b")}};
    repo.commit(spec);
    spec.time += 60;
    spec.files = {{"old/a.c", std::nullopt}, {"new/a.c", numbered(50, 45, "!")},
                  {"old/b.c", std::nullopt}, {"new/c.c", numbered(40, 10, "b")}};
    repo.commit(spec);
    roles::test::run_git(repo.git_dir(), "repack -adq");
    const History direct = load_with(repo.path(), 1, CacheMode::off, "", nullptr, PackAccess::direct);
    const History through_libgit2 = load_with(repo.path(), 1, CacheMode::off, "", nullptr, PackAccess::libgit2);
    CHECK(dump(direct) == dump(through_libgit2));
    // a.c keeps 45 lines, 350 of 395 bytes (same name, 88% >= 75%); c.c keeps b.c's 30
    // tagged lines, 270 bytes of the larger 350 (77% >= 50%; a.c is already taken).
    CHECK(roles::test::change_texts(direct, direct.commits.at(0)) ==
          std::vector<std::string>{"R old/a.c -> new/a.c", "R old/b.c -> new/c.c"});
}

namespace {

// Position of `id` in the index at `index_file` (ids are sorted), and the object count.
std::pair<std::uint32_t, std::uint32_t> index_position(const std::string& index_file, const std::string& id) {
    std::ifstream in(index_file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto be32 = [&bytes](std::size_t at) {
        return (std::uint32_t{static_cast<unsigned char>(bytes[at])} << 24) |
               (std::uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16) |
               (std::uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    const std::uint32_t count = be32(8 + 255 * 4);
    git_oid wanted;
    if (git_oid_fromstr(&wanted, id.c_str()) < 0) throw std::runtime_error("bad id");
    for (std::uint32_t i = 0; i < count; ++i) {
        if (std::memcmp(bytes.data() + 8 + 1024 + std::size_t{i} * 20, wanted.id, 20) == 0) return {i, count};
    }
    throw std::runtime_error("not in the index: " + id);
}

// Swaps the 32-bit offsets the index records for two ids.
void swap_offsets(const std::string& index_file, const std::string& a, const std::string& b) {
    const auto [first, count] = index_position(index_file, a);
    const auto second = index_position(index_file, b).first;
    const std::size_t table = 8 + 1024 + std::size_t{count} * 24;
    std::filesystem::permissions(index_file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    std::fstream file(index_file, std::ios::in | std::ios::out | std::ios::binary);
    char x[4];
    char y[4];
    file.seekg(static_cast<std::streamoff>(table + first * 4));
    file.read(x, 4);
    file.seekg(static_cast<std::streamoff>(table + second * 4));
    file.read(y, 4);
    file.seekp(static_cast<std::streamoff>(table + first * 4));
    file.write(y, 4);
    file.seekp(static_cast<std::streamoff>(table + second * 4));
    file.write(x, 4);
}

}  // namespace

TEST_CASE("a pack index with shuffled offsets is an error naming the object, not another object's content",
          "[git][pack][hardening]") {
    TempRepo repo;
    const auto sample = build_sample_history(repo, 2, true);
    // Two versions of src/core/: each id now points at the other's entry.
    const std::string old_core = repo.object_id(sample.tip, "src/core");
    const std::string first_commit = git_output(repo.git_dir(), "rev-list --max-parents=0 HEAD").substr(0, 40);
    const std::string new_core = repo.object_id(first_commit, "src/core");
    REQUIRE(old_core != new_core);
    std::string index;
    for (const auto& entry : std::filesystem::directory_iterator(repo.git_dir() + "/objects/pack")) {
        if (entry.path().extension() == ".idx") index = entry.path().string();
    }
    swap_offsets(index, old_core, new_core);
    roles::git::LoadOptions options;
    options.path = repo.path();
    options.cache = CacheMode::off;
    const auto history = roles::git::load_history(options);
    REQUIRE_FALSE(history.has_value());
    INFO(history.error().message());
    CHECK(history.error().context == "reading tree 'src/core'");
    const std::string pack = index.substr(0, index.size() - 4) + ".pack";
    CHECK(history.error().cause.find(" at offset ") != std::string::npos);
    CHECK(history.error().cause.ends_with(" of " + pack +
                                          " does not match the CRC-32 its index records: the pack or its index is damaged"));
    const bool names_one = history.error().cause.starts_with("the entry of object " + old_core) ||
                           history.error().cause.starts_with("the entry of object " + new_core);
    CHECK(names_one);
}

TEST_CASE("entries are checked against their index with git's reverse index too", "[git][pack][hardening]") {
    // git 2.41+ writes pack-*.rev by default; the entries' ends then come from it.
    TempRepo repo;
    build_sample_history(repo, 3, false);
    roles::test::run_git(repo.git_dir(), "-c pack.writeReverseIndex=true repack -adq");
    bool has_rev = false;
    for (const auto& entry : std::filesystem::directory_iterator(repo.git_dir() + "/objects/pack")) {
        has_rev = has_rev || entry.path().extension() == ".rev";
    }
    REQUIRE(has_rev);
    LoadStats stats;
    const History direct = load_with(repo.path(), 1, CacheMode::off, "", &stats, PackAccess::direct);
    const History through_libgit2 = load_with(repo.path(), 1, CacheMode::off, "", nullptr, PackAccess::libgit2);
    CHECK(dump(direct) == dump(through_libgit2));
    CHECK(stats.objects_from_libgit2 == 0);
}
