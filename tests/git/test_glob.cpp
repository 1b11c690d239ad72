// Gitignore-style globs on top of libgit2's pathspec matcher.
#include <catch2/catch.hpp>

#include "roles/git/glob.hpp"

using roles::git::GlobSet;

namespace {
bool match(const std::string& glob, const std::string& path) {
    auto set = GlobSet::compile({glob});
    REQUIRE(set.has_value());
    return set->matches(path);
}
}  // namespace

TEST_CASE("a glob without a slash matches a name at any depth", "[git][glob]") {
    CHECK(match("*.po", "nova/locale/de/nova.po"));
    CHECK(match("SECURITY.md", "SECURITY.md"));
    CHECK(match("SECURITY.md", "docs/SECURITY.md"));
    CHECK_FALSE(match("SECURITY.md", "SECURITY.md.bak"));
    CHECK(match("locale", "nova/locale/de/nova.po"));
}

TEST_CASE("a glob with a slash is anchored at the root", "[git][glob]") {
    CHECK(match("/setup.cfg", "setup.cfg"));
    CHECK_FALSE(match("/setup.cfg", "sub/setup.cfg"));
    CHECK(match("releasenotes/notes/**", "releasenotes/notes/fix-1.yaml"));
    CHECK_FALSE(match("releasenotes/notes/**", "doc/releasenotes/notes/x.yaml"));
}

TEST_CASE("a directory glob covers everything below it", "[git][glob]") {
    CHECK(match("doc/", "doc/source/index.rst"));
    CHECK(match(".github/workflows", ".github/workflows/ci.yml"));
    CHECK(match("zuul.d/*", "zuul.d/jobs.yaml"));
    CHECK(match("doc*/", "docs/a/b.md"));
}

TEST_CASE("**/ matches zero or more directories", "[git][glob]") {
    CHECK(match("**/tests/functional/**", "nova/tests/functional/test_a.py"));
    CHECK(match("a/**/b.txt", "a/b.txt"));
    CHECK(match("a/**/b.txt", "a/x/y/b.txt"));
    CHECK(match("**/locale/**", "locale/x.po"));
}

TEST_CASE("an empty glob set matches nothing", "[git][glob]") {
    auto set = GlobSet::compile({});
    REQUIRE(set.has_value());
    CHECK(set->empty());
    CHECK_FALSE(set->matches("anything"));
}
