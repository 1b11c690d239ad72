// The two Markdown escapers of src/report/markdown_text.cpp: md_escape (CI summaries, every
// inline markup inert) and md_cell (cycle and what-if pages, only what changes structure,
// links or the characters shown). Each expected string is written by hand from the rules in
// markdown_text.hpp: a C++ literal "\\|" is the two characters backslash and pipe.
#include <catch2/catch.hpp>

#include <string>

#include "../../src/report/markdown_text.hpp"

using roles::report::md_cell;
using roles::report::md_escape;

namespace {

const std::string k_replacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

}  // namespace

TEST_CASE("md_escape makes a table cell's structure and every inline markup inert", "[report][markdown]") {
    CHECK(md_escape("a|b") == "a\\|b");
    CHECK(md_escape("`rm -rf`") == "\\`rm -rf\\`");
    CHECK(md_escape("*bold* _it_ ~~s~~ $x$") == "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\$x\\$");
    CHECK(md_escape("back\\slash") == "back\\\\slash");
    // A backslash in the name cannot undo the escape of the pipe after it: \ | -> \\ \|.
    CHECK(md_escape("a\\|b") == "a\\\\\\|b");
    CHECK(md_escape("Előd Illés (50%, 2 items) 🎉 李") == "Előd Illés (50%, 2 items) 🎉 李");
}

TEST_CASE("md_escape lets no raw HTML, entity, link or image through", "[report][markdown]") {
    CHECK(md_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(md_escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
    CHECK(md_escape("Tom & Jerry") == "Tom &amp; Jerry");
    // An entity would be decoded into a right-to-left override: & is escaped, # gets U+200B.
    CHECK(md_escape("&#x202e;") == "&amp;#&#8203;x202e;");
    CHECK(md_escape("[click](https://evil.example)") == "\\[click\\](https://evil.example)");
    CHECK(md_escape("![x](https://t.example/p.png)") == "!\\[x\\](https://t.example/p.png)");
    CHECK(md_escape("<https://evil.example>") == "&lt;https://evil.example&gt;");
}

TEST_CASE("md_escape stops GitHub mentions and issue references with a zero-width space", "[report][markdown]") {
    // GitHub links @name and #N after parsing Markdown, so "\@" would still notify.
    CHECK(md_escape("@octocat") == "@&#8203;octocat");
    CHECK(md_escape("fixes #12") == "fixes #&#8203;12");
}

TEST_CASE("md_escape puts the text on one printable line", "[report][markdown]") {
    CHECK(md_escape("first\nsecond\r\nthird") == "first second  third");
    // ESC becomes the four characters \x1b, whose backslash is then escaped; '[' too.
    CHECK(md_escape("a\x1b[31mred") == "a\\\\x1b\\[31mred");
    CHECK(md_escape(std::string("a\0b", 3)) == "a\\\\x00b");
    CHECK(md_escape("a\tb\x7f") == "a\\\\x09b\\\\x7f");
    // U+202E (right-to-left override), U+2066 (isolate), U+2028 (line separator), U+0085 (C1).
    CHECK(md_escape("evil\xE2\x80\xAEtxt.exe") == "evil\\\\u202etxt.exe");
    CHECK(md_escape("\xE2\x81\xA6x\xE2\x80\xA8y\xC2\x85") == "\\\\u2066x\\\\u2028y\\\\u0085");
    // Each byte that is not UTF-8 is one U+FFFD: a stray 0xFF, a sequence cut after 2 of 3 bytes.
    CHECK(md_escape("a\xFF" "b") == "a" + k_replacement + "b");
    CHECK(md_escape("\xE2\x80") == k_replacement + k_replacement);
}

TEST_CASE("md_escape of a 10,000-character name keeps every character", "[report][markdown]") {
    CHECK(md_escape(std::string(10000, 'a')) == std::string(10000, 'a'));
    std::string pipes;
    for (int i = 0; i < 10000; ++i) pipes += "\\|";
    CHECK(md_escape(std::string(10000, '|')) == pipes);  // 20,000 characters
    std::string mixed, escaped;
    for (int i = 0; i < 2500; ++i) mixed += "a<\n@", escaped += "a&lt; @&#8203;";
    CHECK(md_escape(mixed) == escaped);
}

TEST_CASE("md_cell escapes a cell's end, links, raw HTML and entities, not emphasis", "[report][markdown]") {
    CHECK(md_cell("a|b") == "a\\|b");
    CHECK(md_cell("a\\|b") == "a\\\\\\|b");
    CHECK(md_cell("[click](https://evil.example)") == "\\[click\\](https://evil.example)");
    CHECK(md_cell("![x](https://t.example/p.png)") == "!\\[x\\](https://t.example/p.png)");
    CHECK(md_cell("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>");
    CHECK(md_cell("Tom & Jerry &#x202e;") == "Tom &amp; Jerry &amp;#x202e;");
    // Left as they are: they restyle a word at most, and hat ids and keys stay readable.
    CHECK(md_cell("stable_maint *-core `x` ~~s~~ $x$ @octocat #12 a > b") ==
          "stable_maint *-core `x` ~~s~~ $x$ @octocat #12 a > b");
    CHECK(md_cell("Előd Illés 🎉") == "Előd Illés 🎉");
}

TEST_CASE("md_cell puts the text on one printable line", "[report][markdown]") {
    CHECK(md_cell("first\nsecond\r\nthird") == "first second  third");
    CHECK(md_cell("a\x1b[31mred") == "a\\\\x1b\\[31mred");
    CHECK(md_cell(std::string("a\0b", 3)) == "a\\\\x00b");
    CHECK(md_cell("evil\xE2\x80\xAEtxt") == "evil\\\\u202etxt");
    CHECK(md_cell("a\xFF" "b") == "a" + k_replacement + "b");
}

TEST_CASE("md_cell of a 10,000-character name keeps every character", "[report][markdown]") {
    CHECK(md_cell(std::string(10000, 'x')) == std::string(10000, 'x'));
    std::string expected;
    for (int i = 0; i < 5000; ++i) expected += "\\[";
    for (int i = 0; i < 5000; ++i) expected += "\\]";
    CHECK(md_cell(std::string(5000, '[') + std::string(5000, ']')) == expected);
}
