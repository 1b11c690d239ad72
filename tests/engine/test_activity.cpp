// Activity beyond authorship: committing others' patches, sign-offs, reviews, acks, tags and
// Gerrit review notes, read from real repositories built with libgit2. Expectations are
// worked out by hand from each fixture.
#include <catch2/catch.hpp>

#include "roles/engine/activity.hpp"
#include "roles/git/loader.hpp"
#include "roles/roster/automation.hpp"
#include "support/repo_fixture.hpp"

using namespace roles;
using engine::ActivityKind;
using roles::test::CommitSpec;
using roles::test::k_base_time;
using roles::test::TempRepo;

namespace {

using roles::test::k_day;

roster::Person person(const std::string& key, const std::string& name, const std::string& email) {
    roster::Person p;
    p.key = key;
    p.name = name;
    p.emails = {email};
    return p;
}

roster::Roster roster_of(const std::vector<roster::Person>& people) {
    roster::Roster r;
    r.file = "ROLES.yaml";
    for (const auto& p : people) r.people[p.key] = p;
    r.projects.push_back({"demo", {}, {}, {}});
    roster::adopt_builtin_automation(r);  // roles/automation.yaml: web-flow is a forge committer
    return r;
}

std::size_t at(ActivityKind kind) { return static_cast<std::size_t>(kind); }

// Loads `repo` and resolves it against a roster of these people (no hats).
struct Loaded {
    git::History history;
    engine::Resolution resolution;
    engine::Activity activity;

    Loaded(const TempRepo& repo, const std::vector<roster::Person>& people) {
        git::LoadOptions options;
        options.path = repo.path();
        auto loaded = git::load_history(options);
        REQUIRE(loaded.has_value());
        history = std::move(*loaded);
        resolution = engine::resolve_identities(history, roster_of(people));
        activity = engine::collect_activity(history, resolution);
    }

    engine::ActivityCounts counts(const std::string& key) const {
        const auto person = resolution.find(key);
        REQUIRE(person.has_value());
        return engine::activity_counts(activity, *person, {0, k_base_time + 1000 * k_day});
    }
};

const std::vector<roster::Person> k_people = {
    person("alice", "Alice Author", "alice@example.com"),
    person("junio", "Junio Maintainer", "junio@example.org"),
    person("carol", "Carol Reviewer", "carol@example.net"),
    person("dave", "Dave Releaser", "dave@example.com"),
    person("erin", "Erin Gerrit", "erin@example.com"),
};

CommitSpec patch(const std::string& message, std::int64_t day, const std::string& file) {
    CommitSpec spec;
    spec.message = message;
    spec.time = k_base_time + day * k_day;
    spec.files = {{file, message}};
    return spec;
}

}  // namespace

TEST_CASE("a committer who applies someone else's patch is active - web-flow is not", "[engine][activity]") {
    TempRepo repo;
    auto applied = patch("fix parser\n", 0, "a.c");
    applied.committer_name = "Junio Maintainer";
    applied.committer_email = "junio@example.org";
    applied.commit_time = k_base_time + 3 * k_day;
    repo.commit(applied);
    auto web_flow = patch("add docs\n", 5, "b.md");
    web_flow.committer_name = "GitHub";
    web_flow.committer_email = "noreply@github.com";
    repo.commit(web_flow);
    auto own = patch("own work\n", 6, "c.c");  // Junio commits his own patch: authored only
    own.author_name = "Junio Maintainer";
    own.author_email = "junio@example.org";
    repo.commit(own);

    const Loaded loaded(repo, k_people);
    CHECK(loaded.counts("alice")[at(ActivityKind::authored)] == 2);
    CHECK(loaded.counts("alice")[at(ActivityKind::committed)] == 0);
    CHECK(loaded.counts("junio")[at(ActivityKind::committed)] == 1);
    CHECK(loaded.counts("junio")[at(ActivityKind::authored)] == 1);
    // GitHub's web-flow account is nobody: no person is discovered for it.
    for (const auto& person : loaded.resolution.people) {
        const auto id = loaded.resolution.find(person.key);
        CHECK(engine::activity_counts(loaded.activity, *id, {0, k_base_time + 1000 * k_day})
                  [at(ActivityKind::committed)] == (person.key == "junio" ? 1U : 0U));
    }
    // Junio's committed event is at the committer time (day 3), his own commit at day 6.
    const auto last = engine::last_activity(loaded.activity, *loaded.resolution.find("junio"));
    REQUIRE(last.has_value());
    CHECK(last->time == k_base_time + 6 * k_day);
    CHECK(last->kind == ActivityKind::authored);
    for (std::size_t i = 0; i < loaded.history.identities.size(); ++i) {
        const auto& identity = loaded.history.identities[i];
        INFO(identity.name + " <" + identity.email + ">");
        CHECK(engine::is_forge_committer(loaded.resolution, static_cast<git::IdentityId>(i)) ==
              (identity.email == "noreply@github.com"));
    }
}

TEST_CASE("sign-offs, reviews and acks on others' commits count - on one's own they do not", "[engine][activity]") {
    TempRepo repo;
    // Carol and Dave never commit: the roster's emails resolve their trailers.
    repo.commit(patch("fix leak\n\nSigned-off-by: Alice Author <alice@example.com>\n"
                      "Reviewed-by: Carol Reviewer <carol@example.net>\n"
                      "Acked-by: Dave Releaser <dave@example.com>\n"
                      "Signed-off-by: Junio Maintainer <junio@example.org>\n",
                      1, "a.c"));
    repo.commit(patch("more\n\nReviewed-by: Alice Author <alice@example.com>\n", 2, "b.c"));  // self-review

    const Loaded loaded(repo, k_people);
    CHECK(loaded.counts("junio")[at(ActivityKind::signed_off)] == 1);
    CHECK(loaded.counts("carol")[at(ActivityKind::reviewed)] == 1);
    CHECK(loaded.counts("dave")[at(ActivityKind::acked)] == 1);
    CHECK(loaded.counts("alice")[at(ActivityKind::signed_off)] == 0);
    CHECK(loaded.counts("alice")[at(ActivityKind::reviewed)] == 0);
    CHECK(loaded.counts("alice")[at(ActivityKind::authored)] == 2);
}

TEST_CASE("the tagger of an annotated tag is active - a lightweight tag credits nobody", "[engine][activity]") {
    TempRepo repo;
    const auto first = repo.commit(patch("release prep\n", 0, "NEWS"));
    repo.tag_annotated("v1.0", first, "Dave Releaser", "dave@example.com", k_base_time + 2 * k_day, 60, "v1.0\n");
    repo.tag_lightweight("v1.0-light", first);

    const Loaded loaded(repo, k_people);
    CHECK(loaded.counts("dave")[at(ActivityKind::tagged)] == 1);
    CHECK(loaded.counts("alice")[at(ActivityKind::tagged)] == 0);
    const auto last = engine::last_activity(loaded.activity, *loaded.resolution.find("dave"));
    REQUIRE(last.has_value());
    CHECK(last->time == k_base_time + 2 * k_day);
    CHECK(last->kind == ActivityKind::tagged);
}

TEST_CASE("Gerrit review notes credit the reviewers and the submitter", "[engine][activity]") {
    TempRepo repo;
    const auto change = repo.commit(patch("change\n", 0, "a.py"));
    const auto other = repo.commit(patch("other\n", 1, "b.py"));
    repo.note("refs/notes/review", change,
              "Code-Review+2: Erin Gerrit <erin@example.com>\n"
              "Code-Review+1: Alice Author <alice@example.com>\n"  // the author's own vote: not counted
              "Workflow+1: Erin Gerrit <erin@example.com>\n"
              "Verified+2: Zuul <zuul@example.org>\n"
              "Submitted-by: Carol Reviewer <carol@example.net>\n"
              "Submitted-at: Tue, 14 Nov 2023 22:13:20 +0000\n"
              "Reviewed-on: https://review.example.org/c/demo/+/1\n",
              "Gerrit Code Review", "gerrit@example.org", k_base_time + k_day);
    repo.note("refs/notes/review", other, "Code-Review-1: Junio Maintainer <junio@example.org>\nCode-Review0: Dave Releaser <dave@example.com>\n",
              "Gerrit Code Review", "gerrit@example.org", k_base_time + 2 * k_day);

    const Loaded loaded(repo, k_people);
    CHECK(loaded.history.review_notes);
    // Erin's Code-Review+2 and Workflow+1 are one credit on one commit.
    CHECK(loaded.counts("erin")[at(ActivityKind::gerrit_review)] == 1);
    CHECK(loaded.counts("carol")[at(ActivityKind::gerrit_review)] == 1);
    CHECK(loaded.counts("junio")[at(ActivityKind::gerrit_review)] == 1);  // a -1 is review work too
    CHECK(loaded.counts("dave")[at(ActivityKind::gerrit_review)] == 0);   // a 0 vote is no vote
    CHECK(loaded.counts("alice")[at(ActivityKind::gerrit_review)] == 0);
}

TEST_CASE("a repository without refs/notes/review has no review notes", "[engine][activity]") {
    TempRepo repo;
    repo.commit(patch("change\n", 0, "a.py"));
    const Loaded loaded(repo, k_people);
    CHECK_FALSE(loaded.history.review_notes);
    CHECK(loaded.history.commits.front().review_note.empty());
}

