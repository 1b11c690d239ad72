// The commit parser on raw commit bytes: the fields of a plain commit, time zones, extra
// headers before the message, and the forms it leaves to libgit2 (refused here).

#include <string>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/commit_parser.hpp"
#include "roles/git/handles.hpp"

using roles::git::fastread::CommitHeader;
using roles::git::fastread::CommitLinks;
using roles::git::fastread::parse_commit;
using roles::git::fastread::parse_commit_links;

namespace {

const std::string k_tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const std::string k_parent_a = "1111111111111111111111111111111111111111";
const std::string k_parent_b = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";

// libgit2 must be initialised: the parser reads ids with git_oid_fromstrn, which records
// its errors in libgit2's thread state.
bool parses(const std::string& raw, CommitHeader& header) {
    roles::git::ensure_libgit2();
    return parse_commit(reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), header);
}

std::string hex(const git_oid& id) {
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &id);
    return text;
}

}  // namespace

TEST_CASE("a plain merge commit is parsed field by field", "[git][fastread][commit]") {
    const std::string raw = "tree " + k_tree + "\nparent " + k_parent_a + "\nparent " + k_parent_b +
                            "\nauthor Ada Lovelace <ada@example.org> 1700000000 +0530\n"
                            "committer Bot <bot@ci> 1700000099 -0100\n\nSubject line\n\nBody.\n";
    CommitHeader header;
    REQUIRE(parses(raw, header));
    CHECK(hex(header.tree) == k_tree);
    REQUIRE(header.parents.size() == 2);
    CHECK(hex(header.parents[0]) == k_parent_a);
    CHECK(hex(header.parents[1]) == k_parent_b);
    CHECK(header.author.name == "Ada Lovelace");
    CHECK(header.author.email == "ada@example.org");
    CHECK(header.author_time == 1700000000);
    CHECK(header.author_offset == 5 * 60 + 30);
    CHECK(header.committer.name == "Bot");
    CHECK(header.committer.email == "bot@ci");
    CHECK(header.commit_time == 1700000099);
    CHECK(header.message == "Subject line\n\nBody.\n");

    CommitLinks links;
    REQUIRE(parse_commit_links(reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), links));
    CHECK(hex(links.tree) == k_tree);
    CHECK(links.parents.size() == 2);
    CHECK(links.commit_time == 1700000099);
}

TEST_CASE("extra headers before the message are skipped", "[git][fastread][commit]") {
    const std::string raw = "tree " + k_tree +
                            "\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\nencoding ISO-8859-1\n"
                            "gpgsig -----BEGIN PGP SIGNATURE-----\n abc\n -----END PGP SIGNATURE-----\n\nsigned\n";
    CommitHeader header;
    REQUIRE(parses(raw, header));
    CHECK(header.parents.empty());
    CHECK(header.message == "signed\n");
}

TEST_CASE("commits outside the plain form are refused, for libgit2 to read", "[git][fastread][commit][hardening]") {
    const std::string tail = "\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 2 +0000\n\nm\n";
    std::string raw;
    SECTION("no tree line") { raw = "parent " + k_parent_a + tail; }
    SECTION("a tree id one digit short") { raw = "tree " + k_tree.substr(1) + tail; }
    SECTION("a tree id that is not hex") { raw = "tree " + std::string(40, 'g') + tail; }
    SECTION("no committer") { raw = "tree " + k_tree + "\nauthor A <a@x> 1 +0000\n\nm\n"; }
    SECTION("a second author line") { raw = "tree " + k_tree + "\nauthor B <b@x> 1 +0000" + tail; }
    SECTION("two spaces before the time") { raw = "tree " + k_tree + "\nauthor A <a@x>  1 +0000\ncommitter C <c@x> 2 +0000\n\nm\n"; }
    SECTION("a zone of three digits") { raw = "tree " + k_tree + "\nauthor A <a@x> 1 +000\ncommitter C <c@x> 2 +0000\n\nm\n"; }
    SECTION("an email never closed") { raw = "tree " + k_tree + "\nauthor A <a@x 1 +0000\ncommitter C <c@x> 2 +0000\n\nm\n"; }
    SECTION("cut in the committer line") { raw = "tree " + k_tree + "\nauthor A <a@x> 1 +0000\ncommitter C <c@"; }
    SECTION("empty") { raw = ""; }
    CommitHeader header;
    CHECK_FALSE(parses(raw, header));
    CommitLinks links;
    CHECK_FALSE(parse_commit_links(reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), links));
}
