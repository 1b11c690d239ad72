#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/history_view.hpp"
#include "support/repo_fixture.hpp"

using roles::git::History;
using roles::git::Tag;
using roles::test::CommitSpec;
using roles::test::k_base_time;
using roles::test::k_day;
using roles::test::TempRepo;

namespace {

struct TaggedRepo {
    TempRepo repo;
    std::string first;
    std::string second;

    TaggedRepo() {
        CommitSpec spec;
        spec.author_name = "Bob Builder";
        spec.author_email = "bob@example.com";
        spec.offset_minutes = 60;
        spec.files = {{"a.txt", "1"}};
        first = repo.commit(spec);
        spec = CommitSpec{};
        spec.time = k_base_time + k_day;
        spec.files = {{"a.txt", "2"}};
        second = repo.commit(spec);
    }
};

std::vector<std::string> tag_names(const History& history) {
    std::vector<std::string> names;
    for (const Tag& tag : history.tags) names.push_back(tag.name);
    return names;
}

}  // namespace

TEST_CASE("an annotated tag carries its tagger, time and offset", "[git]") {
    TaggedRepo fixture;
    // -0300 is -(3*60) = -180 minutes.
    fixture.repo.tag_annotated("v2.0", fixture.second, "Release Bot", "release@example.com",
                               k_base_time + 5 * k_day, -180, "release 2.0\n");
    const History history = roles::test::load_or_throw(fixture.repo.path());
    REQUIRE(history.tags.size() == 1);
    const Tag& tag = history.tags[0];
    CHECK(tag.name == "v2.0");
    CHECK(tag.target == fixture.second);
    CHECK(tag.annotated);
    REQUIRE(tag.tagger.has_value());
    CHECK(roles::test::identity_text(history, *tag.tagger) == "Release Bot <release@example.com>");
    CHECK(tag.time == k_base_time + 5 * 86'400);
    CHECK(tag.offset_minutes == -180);
}

TEST_CASE("a lightweight tag takes its commit's author and author time", "[git]") {
    TaggedRepo fixture;
    fixture.repo.tag_lightweight("v1.0", fixture.first);
    const History history = roles::test::load_or_throw(fixture.repo.path());
    REQUIRE(history.tags.size() == 1);
    const Tag& tag = history.tags[0];
    CHECK(tag.target == fixture.first);
    CHECK_FALSE(tag.annotated);
    REQUIRE(tag.tagger.has_value());
    CHECK(*tag.tagger == history.commits[1].author);
    CHECK(roles::test::identity_text(history, *tag.tagger) == "Bob Builder <bob@example.com>");
    CHECK(tag.time == k_base_time);
    CHECK(tag.offset_minutes == 60);
}

TEST_CASE("tags are sorted by name, peeled through tags, and tags of trees skipped", "[git]") {
    TaggedRepo fixture;
    fixture.repo.tag_annotated("z-inner", fixture.first, "Inner", "inner@example.com", k_base_time, 0, "inner\n");
    const std::string inner = fixture.repo.object_id(fixture.first, "");  // a tree id
    fixture.repo.tag_lightweight("tree-tag", inner);
    fixture.repo.tag_lightweight("b-light", fixture.second);
    fixture.repo.tag_annotated("a-outer", fixture.first, "Outer", "outer@example.com", k_base_time + 7, 0,
                               "outer\n");

    const History history = roles::test::load_or_throw(fixture.repo.path());
    CHECK(tag_names(history) == std::vector<std::string>{"a-outer", "b-light", "z-inner"});
    CHECK(history.tags[0].target == fixture.first);
    CHECK(history.tags[1].target == fixture.second);
}

TEST_CASE("an annotated tag of a tag peels to the commit and keeps the outer tagger", "[git]") {
    TaggedRepo fixture;
    const std::string inner =
        fixture.repo.tag_annotated("inner", fixture.second, "Inner", "inner@example.com", k_base_time, 0, "i\n");
    fixture.repo.tag_annotated("outer", inner, "Outer", "outer@example.com", k_base_time + 9, 120, "o\n");

    const History history = roles::test::load_or_throw(fixture.repo.path());
    REQUIRE(tag_names(history) == std::vector<std::string>{"inner", "outer"});
    const Tag& outer = history.tags[1];
    CHECK(outer.target == fixture.second);
    CHECK(outer.annotated);
    REQUIRE(outer.tagger.has_value());
    CHECK(roles::test::identity_text(history, *outer.tagger) == "Outer <outer@example.com>");
    CHECK(outer.time == k_base_time + 9);
    CHECK(outer.offset_minutes == 120);
}

TEST_CASE("taggers go through .mailmap", "[git]") {
    TaggedRepo fixture;
    fixture.repo.tag_annotated("v1", fixture.first, "rel", "rel@old.example", k_base_time, 0, "v1\n");
    fixture.repo.write_workdir_file(".mailmap", "Release Team <release@example.com> <rel@old.example>\n");
    const History history = roles::test::load_or_throw(fixture.repo.path());
    REQUIRE(history.tags.size() == 1);
    REQUIRE(history.tags[0].tagger.has_value());
    CHECK(roles::test::identity_text(history, *history.tags[0].tagger) == "Release Team <release@example.com>");
}
