// Paths each commit touched against its first parent, through load_history.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/history_view.hpp"
#include "support/repo_fixture.hpp"

using roles::git::History;
using roles::test::CommitSpec;
using roles::test::EntryMode;
using roles::test::FileWrite;
using roles::test::TempRepo;
using Texts = std::vector<std::string>;

namespace {

// Commits `files` on main one minute after the previous commit made through it.
class Builder {
public:
    std::string commit(std::vector<FileWrite> files, const std::string& message = "change\n") {
        CommitSpec spec;
        spec.time = roles::test::k_base_time + 60 * m_count++;
        spec.message = message;
        spec.files = std::move(files);
        return m_repo.commit(spec);
    }
    [[nodiscard]] History load() const { return roles::test::load_or_throw(m_repo.path()); }
    TempRepo& repo() { return m_repo; }

private:
    TempRepo m_repo;
    int m_count = 0;
};

Texts changes_of_head(const Builder& builder) {
    const History history = builder.load();
    return roles::test::change_texts(history, history.commits.at(0));
}

}  // namespace

TEST_CASE("a root commit adds every file, nested ones included", "[git]") {
    Builder builder;
    builder.commit({{"README.md", "r"}, {"src/main.cpp", "m"}, {"src/util/text.cpp", "t"}});
    CHECK(changes_of_head(builder) == Texts{"A README.md", "A src/main.cpp", "A src/util/text.cpp"});
}

TEST_CASE("added, modified and deleted files are found, untouched subtrees skipped", "[git]") {
    Builder builder;
    builder.commit({{"README.md", "r"}, {"src/main.cpp", "m"}, {"src/util/text.cpp", "t"}, {"lib/x/y.c", "y"}});
    builder.commit({{"README.md", std::nullopt}, {"src/main.cpp", "m2"}, {"docs/guide.md", "g"}});
    // src/util/ and lib/ are unchanged: nothing below them is reported.
    CHECK(changes_of_head(builder) == Texts{"A docs/guide.md", "D README.md", "M src/main.cpp"});
}

TEST_CASE("deleting a directory deletes every file below it", "[git]") {
    Builder builder;
    builder.commit({{"keep.txt", "k"}, {"old/a.txt", "a"}, {"old/deep/b.txt", "b"}});
    builder.commit({{"old/a.txt", std::nullopt}, {"old/deep/b.txt", std::nullopt}});
    CHECK(changes_of_head(builder) == Texts{"D old/a.txt", "D old/deep/b.txt"});
}

TEST_CASE("a file replaced by a directory of the same name", "[git]") {
    Builder builder;
    builder.commit({{"x", "file"}});
    builder.commit({{"x", std::nullopt}, {"x/y", "inside"}});
    CHECK(changes_of_head(builder) == Texts{"A x/y", "D x"});
}

TEST_CASE("trees are matched in git's order, where a tree sorts as NAME/", "[git]") {
    // Stored order: "a-c" (0x2d) < "a.b" (0x2e) < "a.c" (0x2e 0x63) < "a/" (0x2f) < "a0" (0x30).
    // Comparing the tree as plain "a" would put it before "a-c" and report a/x as deleted
    // and added again.
    Builder builder;
    builder.commit({{"a/x", "1"}, {"a-c", "c"}, {"a.b", "b"}, {"a0", "0"}});
    builder.commit({{"a/x", "2"}, {"a.c", "new"}});
    CHECK(changes_of_head(builder) == Texts{"A a.c", "M a/x"});
}

TEST_CASE("an exact move is one rename - a move edited past 50% similarity is a delete and an add", "[git]") {
    Builder builder;
    builder.commit({{"src/util/text.cpp", "text"}, {"src/util/other.cpp", "other"}});
    SECTION("exact") {
        builder.commit({{"src/util/text.cpp", std::nullopt}, {"src/text/text.cpp", "text"}});
        CHECK(changes_of_head(builder) == Texts{"R src/util/text.cpp -> src/text/text.cpp"});
    }
    SECTION("edited") {
        builder.commit({{"src/util/text.cpp", std::nullopt}, {"src/text/text.cpp", "text, edited"}});
        CHECK(changes_of_head(builder) == Texts{"A src/text/text.cpp", "D src/util/text.cpp"});
    }
    SECTION("two files with the same content pair by file name") {
        builder.commit({{"a/same.txt", "s"}, {"b/twin.txt", "s"}});
        builder.commit({{"a/same.txt", std::nullopt},
                        {"b/twin.txt", std::nullopt},
                        {"c/twin.txt", "s"},
                        {"d/same.txt", "s"}});
        CHECK(changes_of_head(builder) == Texts{"R a/same.txt -> d/same.txt", "R b/twin.txt -> c/twin.txt"});
    }
}

TEST_CASE("a rename keeps the old path as old_path and the new one as path", "[git]") {
    Builder builder;
    builder.commit({{"old.txt", "same"}});
    builder.commit({{"old.txt", std::nullopt}, {"new.txt", "same"}});
    const History history = builder.load();
    REQUIRE(history.commits[0].changes.size() == 1);
    const roles::git::PathChange& change = history.commits[0].changes[0];
    CHECK(change.kind == roles::git::ChangeKind::renamed);
    CHECK(history.paths.at(change.path) == "new.txt");
    CHECK(history.paths.at(change.old_path) == "old.txt");
}

TEST_CASE("a mode change alone is a modification", "[git]") {
    Builder builder;
    builder.commit({{"run.sh", "echo hi\n"}});
    builder.commit({{"run.sh", "echo hi\n", EntryMode::executable}});
    CHECK(changes_of_head(builder) == Texts{"M run.sh"});
}

TEST_CASE("submodule entries are neither changes nor HEAD files", "[git]") {
    const std::string module_a(40, 'a');
    const std::string module_b(40, 'b');
    Builder builder;
    builder.commit({{"file.txt", "f"}, {"vendor/lib", module_a, EntryMode::submodule}});
    builder.commit({{"vendor/lib", module_b, EntryMode::submodule}, {"file.txt", "g"}});
    const History history = builder.load();
    CHECK(roles::test::change_texts(history, history.commits[0]) == Texts{"M file.txt"});
    CHECK(roles::test::change_texts(history, history.commits[1]) == Texts{"A file.txt"});
    CHECK(roles::test::head_file_texts(history) == Texts{"file.txt"});
}

TEST_CASE("a merge commit is kept with its parents and no changes", "[git]") {
    Builder builder;
    const std::string base = builder.commit({{"f.txt", "1"}}, "base\n");
    TempRepo& repo = builder.repo();
    CommitSpec side;
    side.branch = "side";
    side.parent = base;
    side.time = roles::test::k_base_time + roles::test::k_day;
    side.message = "side\n";
    side.files = {{"g.txt", "side"}};
    const std::string side_id = repo.commit(side);
    CommitSpec main_change;
    main_change.time = roles::test::k_base_time + 2 * roles::test::k_day;
    main_change.message = "main\n";
    main_change.files = {{"f.txt", "2"}};
    repo.commit(main_change);
    CommitSpec merge;
    merge.time = roles::test::k_base_time + 3 * roles::test::k_day;
    merge.message = "merge side\n";
    merge.extra_parents = {side_id};
    merge.files = {{"g.txt", "side"}};
    repo.commit(merge);

    const History history = builder.load();
    // Date order: merge (day 3); then main (day 2) before side (day 1); base waits for both.
    CHECK(roles::test::summaries(history) == Texts{"merge side", "main", "side", "base"});
    CHECK(history.commits[0].parent_count == 2);
    CHECK(history.commits[0].is_merge());
    CHECK(history.commits[0].changes.empty());
    CHECK(roles::test::change_texts(history, history.commits[2]) == Texts{"A g.txt"});
    CHECK(roles::test::head_file_texts(history) == Texts{"f.txt", "g.txt"});
}

TEST_CASE("paths are interned once across commits", "[git]") {
    Builder builder;
    builder.commit({{"a.txt", "1"}});
    builder.commit({{"a.txt", "2"}});
    builder.commit({{"a.txt", "3"}, {"b.txt", "b"}});
    const History history = builder.load();
    // a.txt and b.txt: 2 paths, whatever the number of changes (1 + 1 + 2 = 4).
    CHECK(history.paths.size() == 2);
    CHECK(history.commits[0].changes.size() == 2);
    CHECK(history.commits[1].changes[0].path == history.commits[2].changes[0].path);
}

namespace {

// A blob `f` below a chain of `depth` directories named `d`, written bottom-up as loose
// objects; returns the root tree's id.
std::string deep_tree(TempRepo& repo, int depth, const std::string& content) {
    const std::string blob = repo.write_loose("blob", content);
    std::string tree = repo.write_loose("tree", roles::test::raw_tree_entry("100644", "f", blob));
    for (int i = 0; i < depth; ++i) tree = repo.write_loose("tree", roles::test::raw_tree_entry("40000", "d", tree));
    return tree;
}

std::string deep_path(int depth) {
    std::string path;
    for (int i = 0; i < depth; ++i) path += "d/";
    return path + "f";
}

// Loads `repo` expecting an error; returns "context: cause".
std::string load_error(const TempRepo& repo) {
    roles::git::LoadOptions options;
    options.path = repo.path();
    options.cache = roles::git::CacheMode::off;
    const auto history = roles::git::load_history(options);
    if (history) return "loaded";
    return history.error().context + ": " + history.error().cause;
}

}  // namespace

TEST_CASE("a tree 15,000 directories deep is compared without recursion", "[git][hardening]") {
    // A pull request can add such a chain; comparing it level by level on the call stack
    // overflowed it. The explicit stack gives the same paths as any other tree.
    constexpr int k_depth = 15'000;
    TempRepo repo;
    const std::string first_tree = deep_tree(repo, k_depth, "one\n");
    const std::string first =
        repo.write_loose("commit", roles::test::raw_commit(first_tree, {}, roles::test::k_base_time, "deep\n"));
    const std::string second_tree = deep_tree(repo, k_depth, "two\n");
    const std::string second = repo.write_loose(
        "commit", roles::test::raw_commit(second_tree, {first}, roles::test::k_base_time + 60, "deeper\n"));
    repo.set_branch("main", second);

    const History history = roles::test::load_or_throw(repo.path());
    REQUIRE(history.commits.size() == 2);
    CHECK(roles::test::change_texts(history, history.commits[0]) == Texts{"M " + deep_path(k_depth)});
    CHECK(roles::test::change_texts(history, history.commits[1]) == Texts{"A " + deep_path(k_depth)});
    CHECK(roles::test::head_file_texts(history) == Texts{deep_path(k_depth)});
}

TEST_CASE("a tree that lists itself as a subdirectory is an error naming it", "[git][hardening]") {
    // Object ids are not verified when read, so a crafted tree can name its own id.
    TempRepo repo;
    const std::string blob = repo.write_loose("blob", "x\n");
    const std::string self = "1111111111111111111111111111111111111111";
    repo.write_loose("tree", roles::test::raw_tree_entry("40000", "a", self) + roles::test::raw_tree_entry("100644", "f", blob),
                     self);
    const std::string commit =
        repo.write_loose("commit", roles::test::raw_commit(self, {}, roles::test::k_base_time, "loop\n"));
    repo.set_branch("main", commit);
    // The root's own id is not on the path, so the cycle shows one level down.
    CHECK(load_error(repo) == "reading tree 'a/a/': tree " + self +
                                  " contains itself (a cycle of trees): the repository is damaged");
}

TEST_CASE("a directory entry naming a blob is an error, not an absent tree", "[git][hardening]") {
    TempRepo repo;
    const std::string blob = repo.write_loose("blob", "x\n");
    const std::string tree = repo.write_loose("tree", roles::test::raw_tree_entry("40000", "dir", blob));
    const std::string commit =
        repo.write_loose("commit", roles::test::raw_commit(tree, {}, roles::test::k_base_time, "wrong type\n"));
    repo.set_branch("main", commit);
    CHECK(load_error(repo) == "reading tree 'dir': object " + blob + " is a blob, not a tree: the repository is damaged");
}

TEST_CASE("a directory replaced by a file lists the directory's files first, as git does", "[git]") {
    Builder builder;
    builder.commit({{"x/a.txt", "a"}, {"x/b.txt", "b"}, {"y.txt", "y"}});
    builder.commit({{"x/a.txt", std::nullopt}, {"x/b.txt", std::nullopt}, {"x", "now a file"}});
    // git diff --name-status: D x/a.txt, D x/b.txt, A x (the file sorts as "x", the tree
    // as "x/", so the file's entry comes first in the new tree).
    CHECK(changes_of_head(builder) == Texts{"A x", "D x/a.txt", "D x/b.txt"});
}

TEST_CASE("a tree entry named with a slash, '.' or '..' is a malformed tree", "[git][hardening]") {
    // git never writes such names (fsck reports fullPathname, hasDot, hasDotdot). Accepted, the
    // entry "/rc" made the path "/rc" (found by the tree_parser fuzz target) and ".." a path
    // climbing out of its directory.
    for (const char* name : {"/rc", "a/b", ".", ".."}) {
        INFO(name);
        TempRepo repo;
        const std::string blob = repo.write_loose("blob", "x\n");
        const std::string tree = repo.write_loose("tree", roles::test::raw_tree_entry("100644", name, blob));
        const std::string commit =
            repo.write_loose("commit", roles::test::raw_commit(tree, {}, roles::test::k_base_time, "bad name\n"));
        repo.set_branch("main", commit);
        CHECK(load_error(repo) == "reading tree '/': malformed tree object");
    }
}
