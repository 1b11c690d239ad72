#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "roles/git/loader.hpp"
#include "support/history_view.hpp"
#include "support/repo_fixture.hpp"
#include "support/temp_dir.hpp"

using roles::git::History;
using roles::git::LoadOptions;
using roles::test::CommitSpec;
using roles::test::k_base_time;
using roles::test::k_day;
using roles::test::TempRepo;

namespace {

// Three commits on main, one a day, by two people in two time zones.
struct LinearRepo {
    TempRepo repo;
    std::string first;
    std::string second;
    std::string third;

    explicit LinearRepo(roles::test::Bare bare = roles::test::Bare::no) : repo(bare) {
        CommitSpec spec;
        spec.message = "first\n";
        spec.offset_minutes = 330;  // +0530
        spec.files = {{"README.md", "hello\n"}};
        first = repo.commit(spec);
        spec = CommitSpec{};
        spec.author_name = "Bob Builder";
        spec.author_email = "bob@example.com";
        spec.time = k_base_time + k_day;
        spec.offset_minutes = -420;  // -0700
        spec.message = "second\n\nwith a body\n";
        spec.files = {{"src/main.cpp", "int main() {}\n"}};
        second = repo.commit(spec);
        spec = CommitSpec{};
        spec.time = k_base_time + 2 * k_day;
        spec.message = "third\n";
        spec.files = {{"README.md", "hello again\n"}};
        third = repo.commit(spec);
    }
};

LoadOptions options_for(const std::string& path, const std::string& ref = "HEAD") {
    LoadOptions options;
    options.path = path;
    options.ref = ref;
    return options;
}

}  // namespace

TEST_CASE("load_history returns every commit newest first with author time and offset", "[git]") {
    const LinearRepo fixture;
    const History history = roles::test::load_or_throw(fixture.repo.path());

    REQUIRE(history.commits.size() == 3);
    CHECK(roles::test::summaries(history) == std::vector<std::string>{"third", "second", "first"});
    CHECK(history.commits[0].id == fixture.third);
    CHECK(history.commits[2].id == fixture.first);
    CHECK(history.commits[0].parent_count == 1);
    CHECK(history.commits[2].parent_count == 0);
    // +0530 is 5*60+30 = 330 minutes, -0700 is -(7*60) = -420.
    CHECK(history.commits[2].time == k_base_time);
    CHECK(history.commits[2].offset_minutes == 330);
    CHECK(history.commits[1].time == k_base_time + 86'400);
    CHECK(history.commits[1].offset_minutes == -420);
    CHECK(history.commits[1].message == "second\n\nwith a body\n");
    CHECK(roles::test::identity_text(history, history.commits[1].author) == "Bob Builder <bob@example.com>");
    CHECK(roles::test::identity_text(history, history.commits[0].author) == "Alice Example <alice@example.com>");
    // Alice and Bob, each both author and committer of their own commits.
    CHECK(history.identities.size() == 2);
    CHECK(history.commits[0].author == history.commits[2].author);
}

TEST_CASE("load_history describes the repository and its head", "[git]") {
    const LinearRepo fixture;
    const History history = roles::test::load_or_throw(fixture.repo.path());

    CHECK(history.head_id == fixture.third);
    CHECK(history.head_time == k_base_time + std::int64_t{2} * 86'400);
    CHECK(history.workdir == fixture.repo.path());
    CHECK(history.repo_path == fixture.repo.path() + "/.git");
    CHECK_FALSE(history.shallow);
    CHECK(history.missing_objects == 0);
    CHECK(roles::test::head_file_texts(history) == std::vector<std::string>{"README.md", "src/main.cpp"});
}

TEST_CASE("head_time is the committer time, commit time is the author's", "[git]") {
    TempRepo repo;
    CommitSpec spec;
    spec.time = k_base_time;
    spec.commit_time = k_base_time + 3600;  // applied an hour later by someone else
    spec.committer_name = "Carol Committer";
    spec.committer_email = "carol@example.com";
    spec.files = {{"a.txt", "a"}};
    repo.commit(spec);

    const History history = roles::test::load_or_throw(repo.path());
    REQUIRE(history.commits.size() == 1);
    CHECK(history.commits[0].time == k_base_time);
    CHECK(history.head_time == k_base_time + 3600);
    CHECK(roles::test::identity_text(history, history.commits[0].committer) ==
          "Carol Committer <carol@example.com>");
    CHECK(history.commits[0].author != history.commits[0].committer);
}

TEST_CASE(".mailmap in the work tree merges two emails into one identity", "[git]") {
    TempRepo repo;
    CommitSpec spec;
    spec.author_name = "alice";
    spec.author_email = "alice@old.example.org";
    spec.files = {{"a.txt", "1"}};
    repo.commit(spec);
    spec = CommitSpec{};  // Alice Example <alice@example.com>
    spec.time = k_base_time + 60;
    spec.files = {{"a.txt", "2"}};
    repo.commit(spec);
    repo.write_workdir_file(".mailmap", "Alice Example <alice@example.com> <alice@old.example.org>\n");

    const History history = roles::test::load_or_throw(repo.path());
    REQUIRE(history.commits.size() == 2);
    CHECK(history.commits[0].author == history.commits[1].author);
    CHECK(history.commits[1].committer == history.commits[1].author);
    REQUIRE(history.identities.size() == 1);
    CHECK(roles::test::identity_text(history, 0) == "Alice Example <alice@example.com>");
}

TEST_CASE("a bare repository loads, with .mailmap read from HEAD", "[git]") {
    TempRepo repo(roles::test::Bare::yes);
    CommitSpec spec;
    spec.author_email = "alice@old.example.org";
    spec.files = {{".mailmap", "Alice Example <alice@example.com> <alice@old.example.org>\n"}};
    const std::string id = repo.commit(spec);

    const History history = roles::test::load_or_throw(repo.path());
    REQUIRE(history.commits.size() == 1);
    CHECK(history.head_id == id);
    CHECK(history.workdir.empty());
    CHECK(history.repo_path == repo.path());
    CHECK(roles::test::identity_text(history, history.commits[0].author) == "Alice Example <alice@example.com>");
    CHECK(roles::test::head_file_texts(history) == std::vector<std::string>{".mailmap"});
}

TEST_CASE("a bare mirror whose config lacks core.bare still gets HEAD's .mailmap", "[git]") {
    // Mirrors made by copying a git dir often have no core.bare; libgit2 then takes the parent
    // directory for a work tree, finds no .mailmap there and applies none.
    TempRepo repo(roles::test::Bare::yes);
    CommitSpec spec;
    spec.author_name = "alice";
    spec.author_email = "alice@old.example.org";
    spec.files = {{".mailmap", "Alice Example <alice@example.com> <alice@old.example.org>\n"}};
    repo.commit(spec);
    std::filesystem::remove(repo.git_dir() + "/config");

    const History history = roles::test::load_or_throw(repo.path());
    REQUIRE(history.commits.size() == 1);
    CHECK(roles::test::identity_text(history, history.commits[0].author) == "Alice Example <alice@example.com>");
    CHECK(history.warnings.empty());
}

TEST_CASE("a .mailmap line with an empty email is skipped, not the whole file", "[git]") {
    // libgit2 1.5 rejects a buffer holding "Name <new> old <>" (git accepts it); nova has such lines.
    TempRepo repo(roles::test::Bare::yes);
    CommitSpec spec;
    spec.author_name = "alice";
    spec.author_email = "alice@old.example.org";
    spec.files = {{".mailmap", "# people\nJay Pipes <jay@example.com> jay@example.com <>\n"
                               "Alice Example <alice@example.com> <alice@old.example.org>\n"}};
    repo.commit(spec);

    const History history = roles::test::load_or_throw(repo.path());
    CHECK(roles::test::identity_text(history, history.commits[0].author) == "Alice Example <alice@example.com>");
    CHECK(history.warnings ==
          std::vector<std::string>{".mailmap: 1 line with an empty email skipped (line 2); the rest applies"});
}

TEST_CASE("a work tree .mailmap line with an empty email is skipped, not the rest of the file", "[git]") {
    // libgit2 1.5 stops reading the file at such a line (and leaks an entry: the ASan suite).
    TempRepo repo;
    CommitSpec spec;
    spec.author_name = "alice";
    spec.author_email = "alice@old.example.org";
    spec.files = {{"a.txt", "1"}};
    repo.commit(spec);
    repo.write_workdir_file(".mailmap", "Jay Pipes <jay@example.com> jay@example.com <>\n"
                                        "Alice Example <alice@example.com> <alice@old.example.org>\n");

    const History history = roles::test::load_or_throw(repo.path());
    CHECK(roles::test::identity_text(history, history.commits[0].author) == "Alice Example <alice@example.com>");
    CHECK(history.warnings ==
          std::vector<std::string>{".mailmap: 1 line with an empty email skipped (line 1); the rest applies"});
}

TEST_CASE("load_history finds the repository from a subdirectory of its work tree", "[git]") {
    LinearRepo fixture;
    fixture.repo.write_workdir_file("sub/dir/notes.txt", "untracked\n");

    const History history = roles::test::load_or_throw(fixture.repo.path() + "/sub/dir");
    CHECK(history.head_id == fixture.third);
    CHECK(history.commits.size() == 3);
    CHECK(history.workdir == fixture.repo.path());
}

TEST_CASE("load_history walks from a detached HEAD, a branch, a tag or an id", "[git]") {
    LinearRepo fixture;
    fixture.repo.tag_lightweight("v1", fixture.first);

    SECTION("detached HEAD") {
        fixture.repo.detach_head(fixture.second);
        const History history = roles::test::load_or_throw(fixture.repo.path());
        CHECK(history.head_id == fixture.second);
        CHECK(roles::test::summaries(history) == std::vector<std::string>{"second", "first"});
    }
    SECTION("branch") {
        CHECK(roles::test::load_or_throw(fixture.repo.path(), "main").commits.size() == 3);
    }
    SECTION("tag") {
        const History history = roles::test::load_or_throw(fixture.repo.path(), "v1");
        CHECK(history.head_id == fixture.first);
        CHECK(history.commits.size() == 1);
    }
    SECTION("commit id") {
        CHECK(roles::test::load_or_throw(fixture.repo.path(), fixture.second).commits.size() == 2);
    }
}

TEST_CASE("an unknown revision is an input error naming it", "[git]") {
    const LinearRepo fixture;
    const auto history = roles::git::load_history(options_for(fixture.repo.path(), "no-such-branch"));
    REQUIRE_FALSE(history.has_value());
    CHECK(history.error().kind == roles::util::ErrorKind::input);
    CHECK(history.error().cause == "unknown revision 'no-such-branch'");
}

TEST_CASE("an empty repository is an input error", "[git]") {
    const TempRepo repo;
    const auto history = roles::git::load_history(options_for(repo.path()));
    REQUIRE_FALSE(history.has_value());
    CHECK(history.error().kind == roles::util::ErrorKind::input);
    CHECK(history.error().message() == "reading repository '" + repo.path() + "': repository has no commits yet");
}

TEST_CASE("a directory outside any repository is an input error", "[git]") {
    const std::string dir = roles::test::make_temp_dir();
    const auto history = roles::git::load_history(options_for(dir));
    REQUIRE_FALSE(history.has_value());
    CHECK(history.error().kind == roles::util::ErrorKind::input);
    CHECK(history.error().message() ==
          "opening repository '" + dir + "': not a git repository (or any parent up to the root)");

    const auto missing = roles::git::load_history(options_for(dir + "/absent"));
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().cause == "no such file or directory");
}

TEST_CASE("find_workdir returns the work tree root, empty for a bare repository", "[git]") {
    LinearRepo fixture;
    fixture.repo.write_workdir_file("sub/file.txt", "x");
    const auto workdir = roles::git::find_workdir(fixture.repo.path() + "/sub");
    REQUIRE(workdir.has_value());
    CHECK(*workdir == fixture.repo.path());

    const TempRepo bare(roles::test::Bare::yes);
    const auto bare_workdir = roles::git::find_workdir(bare.path());
    REQUIRE(bare_workdir.has_value());
    CHECK(bare_workdir->empty());

    const std::string outside = roles::test::make_temp_dir();
    CHECK_FALSE(roles::git::find_workdir(outside).has_value());
}

TEST_CASE("a shallow clone is flagged and loads the commits it has", "[git]") {
    const LinearRepo fixture;
    const std::string clone = roles::test::make_shallow_clone(fixture.repo.path(), 2);

    const History history = roles::test::load_or_throw(clone);
    CHECK(history.shallow);
    CHECK(roles::test::summaries(history) == std::vector<std::string>{"third", "second"});
    // The boundary commit keeps its recorded parent but cannot be compared with it, and its
    // absent parent is the clone's cut, not a missing object.
    CHECK(history.commits[1].parent_count == 1);
    CHECK(history.commits[1].changes.empty());
    CHECK(roles::test::change_texts(history, history.commits[0]) == std::vector<std::string>{"M README.md"});
    CHECK(history.missing_objects == 0);
}

TEST_CASE("an absent blob costs nothing: tree walks never read blobs", "[git]") {
    LinearRepo fixture;
    fixture.repo.remove_object(fixture.repo.object_id(fixture.third, "README.md"));

    const History history = roles::test::load_or_throw(fixture.repo.path());
    CHECK(history.missing_objects == 0);
    CHECK(roles::test::change_texts(history, history.commits[0]) == std::vector<std::string>{"M README.md"});
    CHECK(roles::test::head_file_texts(history) == std::vector<std::string>{"README.md", "src/main.cpp"});
}

TEST_CASE("an absent tree of a partial clone is counted and the walk goes on", "[git]") {
    TempRepo repo;
    repo.mark_partial_clone();
    CommitSpec spec;
    spec.message = "c1\n";
    spec.files = {{"lib/a.txt", "1"}, {"top.txt", "1"}};
    repo.commit(spec);
    spec.message = "c2\n";
    spec.time += 60;
    spec.files = {{"lib/a.txt", "2"}};
    const std::string c2 = repo.commit(spec);
    spec.message = "c3\n";
    spec.time += 60;
    spec.files = {{"top.txt", "3"}};
    repo.commit(spec);
    // c2's lib/ (a.txt = "2") is also c3's lib/.
    repo.remove_object(repo.object_id(c2, "lib"));

    const History history = roles::test::load_or_throw(repo.path());
    REQUIRE(roles::test::summaries(history) == std::vector<std::string>{"c3", "c2", "c1"});
    // c3 vs c2: lib/ has the same id on both sides, so it is never read.
    CHECK(roles::test::change_texts(history, history.commits[0]) == std::vector<std::string>{"M top.txt"});
    // c2 vs c1: lib/ differs and c2's side is absent (1 missing); nothing else changed.
    CHECK(history.commits[1].changes.empty());
    CHECK(roles::test::change_texts(history, history.commits[2]) ==
          std::vector<std::string>{"A lib/a.txt", "A top.txt"});
    // HEAD's files cannot list lib/ (1 more missing): 1 + 1 = 2.
    CHECK(roles::test::head_file_texts(history) == std::vector<std::string>{"top.txt"});
    CHECK(history.missing_objects == 2);
}

TEST_CASE("an absent commit of a partial clone is counted and the commits before it still load", "[git]") {
    LinearRepo fixture;
    fixture.repo.mark_partial_clone();
    fixture.repo.remove_object(fixture.first);

    const History history = roles::test::load_or_throw(fixture.repo.path());
    CHECK_FALSE(history.shallow);
    CHECK(roles::test::summaries(history) == std::vector<std::string>{"third", "second"});
    // second's parent is gone: no changes, and the absent commit counts once.
    CHECK(history.commits[1].changes.empty());
    CHECK(history.missing_objects == 1);
}

namespace {

// "context: cause" of a load expected to fail.
std::string load_error(const std::string& path) {
    LoadOptions options;
    options.path = path;
    options.cache = roles::git::CacheMode::off;
    const auto history = roles::git::load_history(options);
    if (history) return "loaded";
    CHECK(history.error().kind == roles::util::ErrorKind::input);  // exit code 2
    return history.error().context + ": " + history.error().cause;
}

}  // namespace

TEST_CASE("an absent tree outside a partial clone is damage: an error naming it", "[git][hardening]") {
    LinearRepo fixture;
    const std::string src = fixture.repo.object_id(fixture.second, "src");
    fixture.repo.remove_object(src);
    // HEAD's files are listed first: src/ is the first absent tree met.
    CHECK(load_error(fixture.repo.path()) ==
          "reading tree 'src': object " + src +
              " is missing and the repository is not a partial clone: it is damaged (git fsck lists what is missing)");
}

TEST_CASE("an absent commit outside a partial or shallow clone is damage: an error naming it", "[git][hardening]") {
    LinearRepo fixture;
    fixture.repo.remove_object(fixture.first);
    CHECK(load_error(fixture.repo.path()) ==
          "reading commit " + fixture.first +
              ": the commit is missing and the repository is neither shallow nor a partial clone: it is damaged "
              "(git fsck lists what is missing)");
}

TEST_CASE("a commit that names itself as its parent is an error, not a shorter history", "[git][hardening]") {
    // Its id cannot be its hash; ids are not verified when read, so it loads as given.
    LinearRepo fixture;
    const std::string self = "2222222222222222222222222222222222222222";
    const std::string tree = fixture.repo.object_id(fixture.third, "");
    fixture.repo.write_loose("commit", roles::test::raw_commit(tree, {fixture.third, self}, k_base_time + 3 * k_day, "loop\n"),
                             self);
    fixture.repo.set_branch("main", self);
    CHECK(load_error(fixture.repo.path()) ==
          "reading commit " + self + ": the commit names itself as its parent: the repository is damaged");
}

TEST_CASE("two commits that are each other's parent are an error, not a shorter history", "[git][hardening]") {
    LinearRepo fixture;
    const std::string a = "3333333333333333333333333333333333333333";
    const std::string b = "4444444444444444444444444444444444444444";
    const std::string tree = fixture.repo.object_id(fixture.third, "");
    fixture.repo.write_loose("commit", roles::test::raw_commit(tree, {b}, k_base_time + 4 * k_day, "a\n"), a);
    fixture.repo.write_loose("commit", roles::test::raw_commit(tree, {a, fixture.third}, k_base_time + 3 * k_day, "b\n"),
                             b);
    fixture.repo.set_branch("main", a);
    // The date order cannot place a commit before its own descendant: the first commit it
    // leaves out is named (the tip, discovered first).
    CHECK(load_error(fixture.repo.path()) ==
          "reading commit " + a + ": the commit is its own ancestor (a cycle of parents): the repository is damaged");
}

TEST_CASE("a parent that is a tree is an error, not an absent commit", "[git][hardening]") {
    LinearRepo fixture;
    const std::string tree = fixture.repo.object_id(fixture.third, "");
    const std::string commit =
        fixture.repo.write_loose("commit", roles::test::raw_commit(tree, {tree}, k_base_time + 3 * k_day, "odd\n"));
    fixture.repo.set_branch("main", commit);
    CHECK(load_error(fixture.repo.path()) ==
          "reading commit " + tree + ": object " + tree + " is a tree, not a commit: the repository is damaged");
}
