// The Markdown cycle report: sections in the order, each figure with its trend, cells
// escaped. Expected lines written by hand from report/cycle_fixture.hpp.
#include <catch2/catch.hpp>

#include <string>

#include "report/cycle_fixture.hpp"
#include "roles/report/cycle.hpp"

using roles::report::render_cycle_markdown;

namespace {

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("markdown cycle report has its sections in order", "[report][cycle]") {
    const auto md = render_cycle_markdown(roles::test::cycle_fixture());
    CHECK(md.starts_with("# Cycle report: demo, 2025-04-01..2025-04-21\n"));
    std::size_t last = 0;
    for (const auto* heading : {"## Summary", "## Coverage", "## Load", "## Newcomers and leavers", "## Releases",
                                "## Asks"}) {
        INFO(heading);
        const auto at = md.find(std::string("\n") + heading + "\n");
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    CHECK(md.find("**This cycle:** 2025-04-01 to 2025-04-21, 21 days (commits by author date).") != std::string::npos);
    // Both cycles are of dates: the previous cycle's rule is not repeated.
    CHECK(md.find("the previous cycle, 2025-03-11..2025-03-31: 2025-03-11 to 2025-03-31, 21 days.  \n") !=
          std::string::npos);
}

TEST_CASE("markdown summary rows show this cycle, the last and the trend in words", "[report][cycle]") {
    const auto md = render_cycle_markdown(roles::test::cycle_fixture());
    CHECK(has_line(md, "| hats ok (of 2) | 1 | 2 | ↓ down, worse |"));
    CHECK(has_line(md, "| hats vacant | 1 | 0 | ↑ up, worse |"));
    CHECK(has_line(md, "| contributor absence factor | 1 | 1 | = same |"));
    CHECK(has_line(md, "| commits | 9 | 8 | ↑ up |"));
    CHECK(has_line(md, "| people at high burnout risk | 1 | 0 | ↑ up, worse |"));
    CHECK(md.find("Truck factor 1: gibi 3 of 4 source files.") != std::string::npos);
    CHECK(md.find("Elephant factor 1: Example Corp 6 of 9 commits.") != std::string::npos);
}

TEST_CASE("markdown coverage and load rows carry holders, work, changes and trends", "[report][cycle]") {
    const auto md = render_cycle_markdown(roles::test::cycle_fixture());
    CHECK(has_line(md, "| ptl | ok | gibi | 4 (↑ from 2) | gibi 4 (100%) |"));
    CHECK(has_line(md, "| security-liaison | vacant (was single-point) | ~~sylvain~~ (until 2025-04-10) | 1 (↓ from 3) | "
                       "Takashi Kajinami 1 (100%) |"));
    // No hat gets a line under the table: security-liaison's only change is its status, and
    // its ask says what to do.
    CHECK(md.find("- **") == std::string::npos);
    CHECK(has_line(md, "| gibi | high (↑ from low, worse) | 1.25 (↑ from 1.00) | ptl (sole) | 6 (= same) "
                       "| over-committed 1.25 |"));
    // tkajinam holds no hat and has no risk: counted, not listed.
    CHECK(md.find("| Takashi Kajinami |") == std::string::npos);
    CHECK(has_line(md, "1 other person holds no hat and no burnout signal."));
}

TEST_CASE("markdown cells name a handful of people and say how many more", "[report][cycle]") {
    auto report = roles::test::cycle_fixture();
    auto& ptl = report.hats[0];
    ptl.contributors.push_back({2, "ana", "ana", 2, 0.25, false});
    ptl.holders.push_back({3, "ben", std::nullopt, false, 0});
    // The digest shows one worker of two and one holder of two.
    report.digest.hats[0].holders = {{0}, 1};
    report.digest.hats[0].workers = {{0}, 1};
    report.digest.newcomers = {{0}, 2};
    const auto md = render_cycle_markdown(report);
    CHECK(has_line(md, "| ptl | ok | gibi and 1 more | 4 (↑ from 2) | gibi 4 (100%) and 1 more |"));
    CHECK(md.find("Takashi Kajinami (2025-04-03, 3 commits) and 2 more.") != std::string::npos);
    // A hat the digest explains gets a line; a '|' in its reason would end a cell: escaped.
    report.hats[1].finding.people = {{"ab", "a | b", 1, 1.0}};
    report.digest.hats[1].explain = true;
    CHECK(has_line(render_cycle_markdown(report), "- **security-liaison**: required hat with no holder; candidates by evidence: a \\| b (100%, 1 "
                                                         "item). Changes: vacant (was single-point)"));
    // An idle hat is named in one line instead of a row.
    report.digest.hats[0].idle = true;
    const auto idle = render_cycle_markdown(report);
    CHECK(idle.find("| ptl |") == std::string::npos);
    CHECK(has_line(idle, "Nobody held or worked on: ptl."));
}

TEST_CASE("a '|' in a reason is escaped so it does not end a table cell", "[report][cycle]") {
    auto report = roles::test::cycle_fixture();
    report.hats[0].finding = {};
    report.hats[0].finding.code = roles::engine::FindingCode::unassigned;
    report.hats[0].finding.basis = roles::engine::FindingBasis::optional_hat;
    report.hats[0].finding.people = {{"gibi", "gibi | holds it", 4, 1.0}};
    report.digest.hats[0].explain = true;  // the digest gives ptl a line under the table
    const auto md = render_cycle_markdown(report);
    CHECK(md.find("\n- **ptl**: optional hat, nobody assigned; doing its work: gibi \\| holds it (100%, 4 items)") !=
          std::string::npos);
}

TEST_CASE("markdown lists newcomers, leavers, releases and numbered asks", "[report][cycle]") {
    auto report = roles::test::cycle_fixture();
    auto md = render_cycle_markdown(report);
    CHECK(has_line(md, "**New this cycle** (1, first commit in the cycle): Takashi Kajinami (2025-04-03, 3 commits)."));
    CHECK(has_line(md, "**Stopped contributing** (1, commits last cycle, none this cycle): Sylvain Bauza (2025-03-27, "
                       "2 commits)."));
    CHECK(has_line(md, "| 31.0.0 | 2025-04-21 | gibi | release |"));
    CHECK(has_line(md, "1. Appoint someone as security liaison: the hat is vacant; doing its work this cycle: "
                       "tkajinam (100%)."));
    report.releases.clear();
    report.asks.clear();
    report.leavers.clear();
    report.digest.leavers = {};
    report.digest.other_asks.clear();
    report.digest.hats[1].asks.clear();
    md = render_cycle_markdown(report);
    CHECK(md.find("No tag was made in this cycle.") != std::string::npos);
    CHECK(md.find("Nothing to ask") != std::string::npos);
    CHECK(md.find("**Stopped contributing** (0, commits last cycle, none this cycle): nobody.\n") != std::string::npos);
}
