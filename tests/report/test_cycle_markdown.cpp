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
    CHECK(md.find("**This cycle:** 2025-04-01 to 2025-04-21, 21 days (2025-04-01..2025-04-21; commits by author date).") !=
          std::string::npos);
    CHECK(md.find("the previous cycle, 2025-03-11..2025-03-31: 2025-03-11 to 2025-03-31, 21 days (commits by author "
                  "date).") != std::string::npos);
}

TEST_CASE("markdown summary rows show this cycle, the last and the trend in words", "[report][cycle]") {
    const auto md = render_cycle_markdown(roles::test::cycle_fixture());
    CHECK(has_line(md, "| hats ok (of 2) | 1 | 2 | ↓ down, worse |"));
    CHECK(has_line(md, "| hats vacant | 1 | 0 | ↑ up, worse |"));
    CHECK(has_line(md, "| contributor absence factor | 1 | 1 | = same |"));
    CHECK(has_line(md, "| commits | 9 | 8 | ↑ up |"));
    CHECK(has_line(md, "| people at high burnout risk | 1 | 0 | ↑ up, worse |"));
    CHECK(md.find("Truck factor 1: gibi 3 of 4 source files") != std::string::npos);
    CHECK(md.find("Elephant factor 1: Example Corp 6 of 9 commits.") != std::string::npos);
}

TEST_CASE("markdown coverage and load rows carry holders, work, changes and trends", "[report][cycle]") {
    const auto md = render_cycle_markdown(roles::test::cycle_fixture());
    CHECK(has_line(md, "| ptl | ok | ok | gibi | 4 (↑ from 2) | gibi 4 (100%) |"));
    CHECK(has_line(md, "| security-liaison | vacant | single-point | ~~sylvain~~ (until 2025-04-10) | 1 (↓ from 3) | "
                       "Takashi Kajinami 1 (100%) not a holder |"));
    CHECK(has_line(md, "- **ptl** (ok): 1 active holder; holders did 100% of 4 evidence items"));
    CHECK(has_line(md, "- **security-liaison** (vacant): required hat with no holder; candidates by evidence: "
                       "tkajinam (100%, 1 item). Changes: vacant (was single-point)"));
    CHECK(has_line(md, "| gibi | high (↑ from low, worse) | 1.25 (↑ from 1.00) | 0.50 / 0.40 | ptl (sole) | 6 (= same) "
                       "| 5 (↑ from 4) | over-committed 1.25 |"));
    CHECK(has_line(md, "| Takashi Kajinami | none (★ new) | 0.00 (★ new) | 0.00 / 1.00 | — | 3 (★ new) | 3 (★ new) | — |"));
}

TEST_CASE("a '|' in a reason is escaped so it does not end a table cell", "[report][cycle]") {
    auto report = roles::test::cycle_fixture();
    report.hats[0].finding = {};
    report.hats[0].finding.code = roles::engine::FindingCode::unassigned;
    report.hats[0].finding.basis = roles::engine::FindingBasis::optional_hat;
    report.hats[0].finding.people = {{"gibi", "gibi | holds it", 4, 1.0}};
    const auto md = render_cycle_markdown(report);
    CHECK(has_line(md, "- **ptl** (ok): optional hat, nobody assigned; doing its work: gibi \\| holds it (100%, 4 items)"));
}

TEST_CASE("markdown lists newcomers, leavers, releases and numbered asks", "[report][cycle]") {
    auto report = roles::test::cycle_fixture();
    auto md = render_cycle_markdown(report);
    CHECK(has_line(md, "- tkajinam (Takashi Kajinami): first commit 2025-04-03, 3 commits this cycle"));
    CHECK(has_line(md, "- sylvain (Sylvain Bauza): last commit 2025-03-27, 2 commits last cycle"));
    CHECK(has_line(md, "| 31.0.0 | 2025-04-21 | gibi | release |"));
    CHECK(has_line(md, "1. Appoint someone as security liaison: the hat is vacant; doing its work this cycle: "
                       "tkajinam (100%)."));
    report.releases.clear();
    report.asks.clear();
    report.leavers.clear();
    md = render_cycle_markdown(report);
    CHECK(md.find("No tag was made in this cycle.") != std::string::npos);
    CHECK(md.find("Nothing to ask") != std::string::npos);
    CHECK(md.find("**Stopped contributing** (commits last cycle, none this cycle):\n\n- nobody\n") != std::string::npos);
}
