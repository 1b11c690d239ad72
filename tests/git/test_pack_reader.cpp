// roles' own pack reader against libgit2's object database: same history, whatever mix of
// packed (deltified) and loose objects a repository has.

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

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
