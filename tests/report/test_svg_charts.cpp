// svg::escape, the one escaper of the HTML cycle report (content and attribute values, in the
// page and in its SVG charts). Expected strings written by hand from its rule: printable
// (util::printable), line breaks as spaces, then & < > " ' as entities.
#include <catch2/catch.hpp>

#include <string>

#include "../../src/report/svg.hpp"

using roles::report::svg::escape;

TEST_CASE("the HTML escape turns markup and quotes into entities", "[report][html]") {
    CHECK(escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(escape("a & b \"q\"") == "a &amp; b &quot;q&quot;");
    CHECK(escape("&lt;b&gt;") == "&amp;lt;b&amp;gt;");
    CHECK(escape("\" onmouseover=\"alert(1)") == "&quot; onmouseover=&quot;alert(1)");
    // Markdown means nothing in HTML: pipes, backticks, links stay as written.
    CHECK(escape("a|b `c` [d](e) ![f](g) @h") == "a|b `c` [d](e) ![f](g) @h");
    CHECK(escape("Előd Illés 🎉") == "Előd Illés 🎉");
}

TEST_CASE("the HTML escape shows controls, bidi marks and bad UTF-8 as visible text", "[report][html]") {
    CHECK(escape("first\nsecond\r\nthird") == "first second  third");
    CHECK(escape("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(escape(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(escape("evil\xE2\x80\xAEtxt.exe") == "evil\\u202etxt.exe");
    CHECK(escape("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("the HTML escape of a 10,000-character name keeps every character", "[report][html]") {
    std::string expected;
    for (int i = 0; i < 10000; ++i) expected += "&lt;";
    CHECK(escape(std::string(10000, '<')) == expected);  // 40,000 characters
    CHECK(escape(std::string(10000, 'n')) == std::string(10000, 'n'));
}
