// Per-commit contents: trailers and co-authors, through load_history.

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "support/history_view.hpp"
#include "support/repo_fixture.hpp"

using roles::git::Commit;
using roles::git::History;
using roles::test::CommitSpec;
using roles::test::TempRepo;

namespace {

History load_single_commit(TempRepo& repo, const std::string& message) {
    CommitSpec spec;
    spec.message = message;
    spec.files = {{"a.txt", "a"}};
    repo.commit(spec);
    return roles::test::load_or_throw(repo.path());
}

std::vector<std::string> co_author_texts(const History& history, const Commit& commit) {
    std::vector<std::string> texts;
    for (const auto id : commit.co_authors) texts.push_back(roles::test::identity_text(history, id));
    return texts;
}

}  // namespace

TEST_CASE("trailers keep their keys as written and match case-insensitively", "[git]") {
    TempRepo repo;
    const History history = load_single_commit(repo,
                                               "Fix the crash\n\nLonger explanation.\n\n"
                                               "Closes-Bug: #123\n"
                                               "closes-bug: #456\n"
                                               "Signed-off-by: Alice Example <alice@example.com>\n");
    const Commit& commit = history.commits.at(0);
    REQUIRE(commit.trailers.size() == 3);
    CHECK(commit.trailers[0].key == "Closes-Bug");
    CHECK(commit.trailers[0].value == "#123");
    CHECK(commit.trailers[1].key == "closes-bug");
    CHECK(commit.trailers[2].key == "Signed-off-by");
    CHECK(commit.trailer_values("closes-bug") == std::vector<std::string_view>{"#123", "#456"});
    CHECK(commit.trailer_values("Closes-Bug") == std::vector<std::string_view>{"#123", "#456"});
    CHECK(commit.trailer_values("Partial-Bug").empty());
    CHECK(commit.co_authors.empty());
}

TEST_CASE("a message without a trailer block has no trailers", "[git]") {
    TempRepo repo;
    const History history = load_single_commit(repo, "Closes-Bug: #1 is in the subject only\n");
    CHECK(history.commits.at(0).trailers.empty());
}

TEST_CASE("Co-authored-by trailers give co-authors, whatever the key's case", "[git]") {
    TempRepo repo;
    const History history = load_single_commit(repo,
                                               "Pair work\n\n"
                                               "Co-authored-by: Bob Builder <bob@example.com>\n"
                                               "co-authored-by: Carol <carol@example.com>\n");
    CHECK(co_author_texts(history, history.commits.at(0)) ==
          std::vector<std::string>{"Bob Builder <bob@example.com>", "Carol <carol@example.com>"});
}

TEST_CASE("co-authors go through .mailmap and share the author's identity", "[git]") {
    TempRepo repo;
    repo.write_workdir_file(".mailmap", "Bob Builder <bob@example.com> <bob@old.example>\n");
    CommitSpec spec;
    spec.author_name = "Bob Builder";
    spec.author_email = "bob@example.com";
    spec.files = {{"b.txt", "b"}};
    repo.commit(spec);
    spec = CommitSpec{};
    spec.time += 60;
    spec.message = "Together\n\nCo-authored-by: bob <bob@old.example>\n";
    spec.files = {{"a.txt", "a"}};
    repo.commit(spec);

    const History history = roles::test::load_or_throw(repo.path());
    const Commit& together = history.commits.at(0);
    REQUIRE(together.co_authors.size() == 1);
    CHECK(together.co_authors[0] == history.commits.at(1).author);
    CHECK(roles::test::identity_text(history, together.co_authors[0]) == "Bob Builder <bob@example.com>");
}

TEST_CASE("the raw message is kept whole", "[git]") {
    TempRepo repo;
    const std::string message = "Subject line\n\nBody line one.\nBody line two.\n";
    const History history = load_single_commit(repo, message);
    CHECK(history.commits.at(0).message == message);
    CHECK(history.commits.at(0).summary() == "Subject line");
}

TEST_CASE("co-authors below a GitHub squash line of dashes are read", "[git][trailers]") {
    TempRepo repo;
    const History history = load_single_commit(repo,
                                               "Clarify validation reference (#9)\n\n* Clarify\n\n---------\n\n"
                                               "Co-authored-by: Ann Author <ann@example.com>\n"
                                               "Co-authored-by: Bo Byte <bo@example.com>\n");
    const Commit& commit = history.commits.at(0);
    CHECK(co_author_texts(history, commit) ==
          std::vector<std::string>{"Ann Author <ann@example.com>", "Bo Byte <bo@example.com>"});
    CHECK(commit.trailer_values("co-authored-by").size() == 2);
}
