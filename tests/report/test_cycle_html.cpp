// The HTML cycle report: one self-contained page with the charts the issue asks for.
// Counts worked out from report/cycle_fixture.hpp: 2 hats x 2 people = 4 matrix cells; 2 load
// bars with 2 capacity marks; 3 weekly bars; 11 summary figures, each with a trend icon.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "report/cycle_fixture.hpp"
#include "roles/report/cycle.hpp"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The text of the element with this id attribute up to its closing tag `close`.
std::string element(const std::string& html, const std::string& id, const std::string& close) {
    const auto begin = html.find("id=\"" + id + "\"");
    REQUIRE(begin != std::string::npos);
    return html.substr(begin, html.find(close, begin) - begin);
}

}  // namespace

TEST_CASE("html cycle report is one file that fetches nothing", "[report][cycle]") {
    const auto html = roles::report::render_cycle_html(roles::test::cycle_fixture());
    CHECK(html.starts_with("<!DOCTYPE html>\n"));
    CHECK(html.ends_with("</html>\n"));
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK_FALSE(std::regex_search(html, std::regex(R"(\s(src|href)\s*=)")));
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("@media (prefers-color-scheme: dark)") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("html charts have titles, axis labels and one element per value", "[report][cycle]") {
    const auto html = roles::report::render_cycle_html(roles::test::cycle_fixture());
    const auto matrix = element(html, "coverage-matrix", "</svg>");
    CHECK(count(matrix, "<rect class=\"cell") == 4);
    CHECK(matrix.find("<title id=\"coverage-matrix-title\">Who holds and who does each hat, this cycle</title>") !=
          std::string::npos);
    const auto load = element(html, "load-chart", "</svg>");
    // Only gibi has hat effort: tkajinam's all-zero row is left out, and the page says so.
    CHECK(count(load, "<rect class=\"bar") == 1);
    CHECK(count(load, "class=\"capacity\"") == 1);
    CHECK(html.find("The chart leaves out 1 person with no hat effort (all zero)") != std::string::npos);
    // The matrix scrolls in its own container rather than shrinking.
    CHECK(html.find("<div class=\"scroll\"><svg class=\"chart\" id=\"coverage-matrix\"") != std::string::npos);
    CHECK(load.find("<rect class=\"bar over\"") != std::string::npos);  // gibi is over-committed
    CHECK(load.find("0.50 / 0.40 = 1.25 over capacity") != std::string::npos);
    CHECK(load.find("share of a full-time week") != std::string::npos);
    const auto weeks = element(html, "weekly-chart", "</svg>");
    CHECK(count(weeks, "<rect class=\"bar\"") == 3);
    CHECK(weeks.find(">commits</text>") != std::string::npos);
    CHECK(weeks.find("week starting") != std::string::npos);
    CHECK(weeks.find("<title>week of 2025-04-15: 7 commits</title>") != std::string::npos);
}

TEST_CASE("html summary figures have trend arrows and status is told in words", "[report][cycle]") {
    const auto html = roles::report::render_cycle_html(roles::test::cycle_fixture());
    const auto summary = element(html, "summary", "id=\"weekly-chart\"");
    CHECK(count(summary, "<svg class=\"trend-icon") == 11);
    CHECK(count(summary, "aria-label=\"down, worse\"") == 2);  // hats ok, truck factor
    CHECK(summary.find("<div class=\"value\">9</div>") != std::string::npos);
    CHECK(summary.find("last cycle: 8") != std::string::npos);
    // The status shape comes with the status word; the matrix rows say it too.
    CHECK(html.find("</svg>vacant</span>") != std::string::npos);
    CHECK(html.find(">security-liaison · vacant</text>") != std::string::npos);
    CHECK(html.find("<pre id=\"self-check\" hidden></pre>") != std::string::npos);
}

TEST_CASE("html escapes text from the roster and history", "[report][cycle]") {
    auto report = roles::test::cycle_fixture();
    report.hats[0].finding.code = roles::engine::FindingCode::shadowed;
    report.hats[0].finding.people = {{"x", "a <b> & \"c\"", 2, 0.5}};
    report.project = "<script>";
    const auto html = roles::report::render_cycle_html(report);
    CHECK(html.find("a &lt;b&gt; &amp; &quot;c&quot;") != std::string::npos);
    CHECK(html.find("<title>Cycle report: &lt;script&gt;,") != std::string::npos);
    CHECK(count(html, "<script>") == 1);  // only the page's own
}
