// The cycle mail: the whole text of report/cycle_fixture.hpp written by hand (widths counted
// by hand, wrapped at 72 columns), then the rules every mail keeps: no line wider than 72
// columns, no Markdown.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "report/cycle_fixture.hpp"
#include "roles/report/cycle.hpp"

using roles::report::render_cycle_text;

namespace {

// Columns of a UTF-8 line: one per code point.
std::size_t columns(const std::string& line) {
    std::size_t n = 0;
    for (const char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

void check_mail_rules(const std::string& text) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        INFO("line: '" << line << "'");
        CHECK(columns(line) <= 72);
        CHECK_FALSE(line.starts_with("#"));
        CHECK(line.find('|') == std::string::npos);
        CHECK(line.find("**") == std::string::npos);
        CHECK(line.find("~~") == std::string::npos);
        CHECK(line.find("---") == std::string::npos);
        if (line != "-- ") CHECK_FALSE(line.ends_with(" "));
    }
}

}  // namespace

TEST_CASE("the cycle mail of the fixture, as written by hand", "[report][cycle][text]") {
    const std::string expected = R"(Cycle report: demo, 2025-04-01..2025-04-21

This cycle: 2025-04-01 to 2025-04-21, 21 days (commits by author date).
Compared with the previous cycle, 2025-03-11..2025-03-31: 2025-03-11 to
2025-03-31, 21 days.

IN NUMBERS

  commits                         9  up from 8
  contributors                    2  same
  releases                        1  up from 0
  hats ok (of 2)                  1  down from 2, worse
  hats at risk                    0  same
  hats vacant                     1  up from 0, worse
  hats unassigned                 0  same
  truck factor                    1  down from 2, worse
  contributor absence factor      1  same
  elephant factor                 1  same
  people at high burnout risk     1  up from 0, worse

HATS THAT NEED SOMEONE

  security-liaison, vacant (was single-point): required hat with no
  holder; candidates by evidence: tkajinam (100%, 1 item).
    Ask: Appoint someone as security liaison: the hat is vacant; doing
    its work this cycle: tkajinam (100%).

WHO CARRIED WHICH HAT

  ptl: ok, held by gibi. 4 items (up from 2): gibi 4 (100%).
  security-liaison: vacant (was single-point), no holder; sylvain's term
  ended 2025-04-10. 1 item (down from 3): Takashi Kajinami 1 (100%, not
  a holder).

LOAD

  gibi: high risk (up from low, worse); commitment 1.25 (up from 1.00);
  holds ptl (sole); 6 commits (same); over-committed 1.25.
  1 other person holds no hat and no burnout signal.
  Commitment: effort of the hats held (share of a full-time week) over
  capacity; above 1.00 is over-committed. Sole: the only active holder.

NEWCOMERS AND LEAVERS

  New this cycle (1): Takashi Kajinami (2025-04-03, 3 commits).
  Stopped contributing (1): Sylvain Bauza (2025-03-27, 2 commits last
  cycle).

RELEASES

  31.0.0 on 2025-04-21 by gibi.

-- 
roles report, HEAD 0123456789ab
)";
    const auto text = render_cycle_text(roles::test::cycle_fixture());
    CHECK(text == expected);
    check_mail_rules(text);
}

TEST_CASE("the cycle mail wraps long names and cuts words wider than a line", "[report][cycle][text]") {
    auto report = roles::test::cycle_fixture();
    report.hats[0].finding.code = roles::engine::FindingCode::vacant;
    report.hats[0].finding.people = {{"x", std::string(100, 'x'), 1, 1.0}};
    report.hats[0].status = roles::engine::Status::stale;
    report.digest.hats[0].needs_someone = true;
    report.warnings.push_back("a warning that is long enough to be wrapped onto a second line, with an indent there");
    report.asks.push_back({roles::engine::AskKind::diversify, {}, {}, "Broaden the contributor base"});
    report.digest.other_asks = {1};
    const auto text = render_cycle_text(report);
    check_mail_rules(text);
    CHECK(text.find("\nWarning: a warning that is long enough to be wrapped onto a second line,\n  with an indent there\n") !=
          std::string::npos);
    // A word wider than a line (101 columns) starts a line of its own and is cut at 70 columns.
    CHECK(text.find("\n  " + std::string(70, 'x') + "\n  " + std::string(30, 'x') + " (100%, 1 item).\n") !=
          std::string::npos);
    CHECK(text.find("\nOTHER ASKS\n\n  1. Broaden the contributor base.\n") != std::string::npos);
}
