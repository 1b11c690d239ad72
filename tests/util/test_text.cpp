// Text helpers: edit distance, did-you-mean, name normalisation, display width.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "roles/util/table.hpp"
#include "roles/util/text.hpp"

using namespace roles::util;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[util][text]") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("holders", "holders") == 0);
    CHECK(edit_distance("audti", "audit") == 1);  // one swap
}

TEST_CASE("closest_match suggests only plausible typos", "[util][text]") {
    const std::vector<std::string> keys = {"holders", "title", "effort"};
    CHECK(closest_match("holdres", keys) == std::optional<std::string>("holders"));
    CHECK_FALSE(closest_match("zzzzzz", keys).has_value());
}

TEST_CASE("names are normalised across accents, case, spacing and punctuation", "[util][text]") {
    CHECK(normalize_name("Előd Illés") == "elod illes");
    CHECK(normalize_name("  ELOD   ILLES ") == "elod illes");
    CHECK(normalize_name("Jean-Paul O'Neil") == "jean paul o neil");
    CHECK(normalize_name("Straße") == "strasse");
}

TEST_CASE("leading honorifics are dropped from names while two words remain", "[util][text]") {
    CHECK(normalize_name("Dr. Jens Harbott") == "jens harbott");
    CHECK(normalize_name("dr jens harbott") == normalize_name("Jens Harbott"));
    CHECK(normalize_name("Prof. Dr. Ada Lovelace") == "ada lovelace");
    CHECK(normalize_name("Mrs Mary Smith") == "mary smith");
    // Only a leading title: "Dr" inside a name, and a title before a single word, stay.
    CHECK(normalize_name("Dr Who") == "dr who");
    CHECK(normalize_name("Jens Dr Harbott") == "jens dr harbott");
    CHECK(normalize_name("Drew Barry") == "drew barry");
}

TEST_CASE("display width counts characters, not bytes", "[util][text]") {
    CHECK(display_width("Előd") == 4);
    CHECK(display_width("漢字") == 4);
}

TEST_CASE("tables pad columns to the widest cell", "[util][text]") {
    Table table({"A", "LONG"});
    table.add_row({"xyz", "1"});
    CHECK(table.render() == "A    LONG\nxyz  1\n");
}

TEST_CASE("control characters are escaped and long values cut in messages", "[util][text]") {
    CHECK(printable("a\x1b[31mb") == "a\\x1b[31mb");
    CHECK(printable("tab\there") == "tab\\x09here");
    CHECK(printable("Előd") == "Előd");
    CHECK(quoted("x") == "'x'");
    const std::string long_value(100, 'y');
    CHECK(quoted(long_value) == "'" + std::string(80, 'y') + "...'");
}

TEST_CASE("printable escapes what could fake or hide output: C1, separators, bidi marks, bad UTF-8", "[util][text]") {
    using namespace std::string_literals;
    CHECK(printable("a\0b"s) == "a\\x00b");
    CHECK(printable("x\ngate: passed") == "x\\x0agate: passed");
    CHECK(printable("\x7f") == "\\x7f");
    CHECK(printable("\xc2\x9b" "2J") == "\\u009b2J");            // U+009B, the one-byte CSI
    CHECK(printable("abc\xe2\x80\xae" "dcba") == "abc\\u202edcba");  // RIGHT-TO-LEFT OVERRIDE
    CHECK(printable("\xe2\x80\xa8") == "\\u2028");                // LINE SEPARATOR
    // Each byte that is not UTF-8 becomes U+FFFD (EF BF BD); a truncated sequence too.
    CHECK(printable("a\xff" "b") == "a\xef\xbf\xbd" "b");
    CHECK(printable("\xc3") == "\xef\xbf\xbd");
    CHECK(printable("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a UTF-16 surrogate
    CHECK(printable("Előd 漢字 🎉") == "Előd 漢字 🎉");
    // Escaping twice changes nothing more: renderers may pass text through it again.
    CHECK(printable(printable("a\x1b\xff")) == printable("a\x1b\xff"));
    CHECK(printable_lines("one\x1b\ntwo\n") == "one\\x1b\ntwo\n");
}

TEST_CASE("table cells are made printable", "[util][text]") {
    Table table({"NAME"});
    table.add_row({"evil\x1b[2J"});
    CHECK(table.render() == "NAME\nevil\\x1b[2J\n");
}

TEST_CASE("equals_ignoring_ascii_case folds ASCII letters only", "[util][text]") {
    CHECK(equals_ignoring_ascii_case("README.md", "readme.MD"));
    CHECK(equals_ignoring_ascii_case("", ""));
    CHECK_FALSE(equals_ignoring_ascii_case("abc", "abd"));
    CHECK_FALSE(equals_ignoring_ascii_case("abc", "ab"));
    // '@' and '`' sit next to 'A' and 'a' but are not letters.
    CHECK_FALSE(equals_ignoring_ascii_case("@", "`"));
    // Bytes beyond ASCII compare exactly: 'É' (C3 89) is not 'é' (C3 A9).
    CHECK_FALSE(equals_ignoring_ascii_case("\xC3\x89", "\xC3\xA9"));
}
