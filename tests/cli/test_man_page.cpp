// roles(1) from a hand-built CliDoc: the page's header, one section per command with every
// option, escaping, the examples block.
#include <catch2/catch.hpp>

#include "cli/cli_doc_fixture.hpp"

using namespace roles::cli;

TEST_CASE("the man page has a section per command with each option", "[cli][man]") {
    const auto page = render_man_page(roles::cli::test::small_doc());
    // The description loses its "roles: " prefix; the version goes in the .TH footer.
    CHECK(page.starts_with(".TH ROLES 1 \"\" \"roles 9.8.7\" \"User Commands\"\n.SH NAME\nroles \\- count hats\n"));
    CHECK(page.find(".SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nPrint this help message and exit\n") !=
          std::string::npos);
    // Synopsis: the positional, then [OPTIONS].
    CHECK(page.find(".SS \"roles audit\"\ncoverage of every hat.\n.PP\n.B roles audit\n.RI [ REPO ]\n.RI [ OPTIONS ]\n") !=
          std::string::npos);
    CHECK(page.find(".TP\n\\fIREPO\\fR\nrepository\n") != std::string::npos);
    // Every value named in the help already: no "One of" line.
    CHECK(page.find(".TP\n\\fB\\-\\-format\\fR \\fIFORMAT\\fR\noutput format: text (default) or json\n.TP\n") !=
          std::string::npos);
    CHECK(page.find(".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR\nwrite to FILE, \\- for stdout\n") !=
          std::string::npos);
    CHECK(page.find(".TP\n\\fB\\-\\-stats\\fR\n") != std::string::npos);
    // Choices the help does not name are listed.
    CHECK(page.find("\\fB\\-\\-gate\\fR \\fIWHAT\\fR\nwhat fails\nOne of: vacant, stale.\n") != std::string::npos);
    // A help line starting with '.' would be a roff request: kept literal with \&.
    CHECK(page.find("\n\\&.hidden files too\n") != std::string::npos);
    // The examples as written, unfilled.
    CHECK(page.find(".PP\n.nf\nExamples:\n  roles audit \\e\n.fi\n") != std::string::npos);
    CHECK(page.find(".SH EXIT STATUS\n") != std::string::npos);
}
