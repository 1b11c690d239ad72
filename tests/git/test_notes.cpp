// Gerrit review notes (refs/notes/review) read into Commit::review_note by the loader.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "roles/git/loader.hpp"
#include "support/repo_fixture.hpp"
#include "support/temp_dir.hpp"

using roles::git::History;
using roles::git::LoadOptions;
using roles::test::CommitSpec;
using roles::test::k_base_time;
using roles::test::k_day;
using roles::test::TempRepo;

namespace {

History load(const TempRepo& repo, const std::string& cache_dir = {}) {
    LoadOptions options;
    options.path = repo.path();
    if (!cache_dir.empty()) {
        options.cache = roles::git::CacheMode::use;
        options.cache_dir = cache_dir;
    }
    auto history = roles::git::load_history(options);
    REQUIRE(history.has_value());
    return std::move(*history);
}

std::vector<std::string> fields(const roles::git::Commit& commit) {
    std::vector<std::string> out;
    for (const auto& field : commit.review_note) out.push_back(field.key + "=" + field.value);
    return out;
}

const std::string k_gerrit = "Gerrit Code Review";
const std::string k_gerrit_email = "gerrit@example.org";

}  // namespace

TEST_CASE("review notes are read as Key: value lines, other lines skipped", "[git][notes]") {
    TempRepo repo;
    CommitSpec spec;
    spec.files = {{"a.txt", "a\n"}};
    const auto first = repo.commit(spec);
    spec.time = k_base_time + k_day;
    spec.files = {{"b.txt", "b\n"}};
    spec.branch = "side";  // not on HEAD's history: its note is ignored
    spec.parent = first;
    const auto side = repo.commit(spec);
    repo.note("refs/notes/review", first,
              "Code-Review+2:   Erin Gerrit <erin@example.com>  \n"
              "free text without a colon\n"
              "\n"
              "Not a key: value\n"
              "Reviewed-on: https://review.example.org/c/demo/+/1\n",
              k_gerrit, k_gerrit_email, k_base_time);
    repo.note("refs/notes/review", side, "Code-Review+1: Alice <alice@example.com>\n", k_gerrit, k_gerrit_email,
              k_base_time);
    const auto history = load(repo);
    CHECK(history.review_notes);
    REQUIRE(history.commits.size() == 1);
    CHECK(fields(history.commits.front()) ==
          std::vector<std::string>{"Code-Review+2=Erin Gerrit <erin@example.com>",
                                   "Reviewed-on=https://review.example.org/c/demo/+/1"});
}

TEST_CASE("review notes are read on a warm cached run too, including notes added since", "[git][notes][cache]") {
    TempRepo repo;
    CommitSpec spec;
    spec.files = {{"a.txt", "a\n"}};
    const auto commit = repo.commit(spec);
    const std::string cache = roles::test::make_temp_dir();
    const auto cold = load(repo, cache);
    CHECK_FALSE(cold.review_notes);
    CHECK(cold.commits.front().review_note.empty());
    repo.note("refs/notes/review", commit, "Submitted-by: Erin Gerrit <erin@example.com>\n", k_gerrit,
              k_gerrit_email, k_base_time + k_day);
    const auto warm = load(repo, cache);
    CHECK(warm.review_notes);
    CHECK(fields(warm.commits.front()) == std::vector<std::string>{"Submitted-by=Erin Gerrit <erin@example.com>"});
}
