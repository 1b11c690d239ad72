// Roster validation: every problem with its exact message and FILE:LINE:COL (1-based).
// Columns are counted by hand in the comments: "c0" means the character at 0-based index 0.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "roster/roster_support.hpp"
#include "support/temp_dir.hpp"

using namespace roles::roster;
using roles::roster::test::loaded;
using roles::roster::test::problems;
using Lines = std::vector<std::string>;

TEST_CASE("invalid YAML is one problem at the parser's position", "[roster]") {
    // Line 2 "window: 90d: x": the second ':' is at index 11, column 12.
    CHECK(problems("project: nova\nwindow: 90d: x\n") ==
          Lines{"r.yaml:2:12: invalid YAML: illegal map value"});
}

TEST_CASE("an empty roster or one that is not a map is rejected", "[roster]") {
    CHECK(problems("") == Lines{"r.yaml:1:1: the roster is empty"});
    CHECK(problems("# only a comment\n") == Lines{"r.yaml:1:1: the roster is empty"});
    CHECK(problems("- gibi\n- elod\n") == Lines{"r.yaml:1:1: expected a map at the top level, got a list"});
}

TEST_CASE("a second YAML document in a roster is an error, not silently dropped", "[roster]") {
    // Line 3 is "project: other": the second document starts at its first column.
    CHECK(problems("project: nova\n---\nproject: other\n") ==
          Lines{"r.yaml:3:1: a roster is one YAML document, and this is another one (after a '---' line)"});
    // A leading '---' and a trailing one with nothing after it are still one document.
    CHECK(problems("---\nproject: nova\n---\n") == Lines{"(roster loaded without error)"});
}

TEST_CASE("a failed roster is one input error naming the file and the problem count", "[roster]") {
    roles::roster::test::use_source_catalogs();
    const auto roster = parse_roster("window: 90x\n", "team/ROLES.yaml");
    REQUIRE_FALSE(roster.has_value());
    CHECK(roster.error().kind == roles::util::ErrorKind::input);
    CHECK(roster.error().context == "invalid roster 'team/ROLES.yaml'");
    CHECK(roster.error().cause == "1 problem");
    // "window: " is 8 characters: the value starts at column 9.
    CHECK(roster.error().details ==
          Lines{"team/ROLES.yaml:1:9: invalid duration '90x' for 'window' (expected a whole number of "
                "days, weeks, months or years: 90d, 12w, 6m, 1y)"});
}

TEST_CASE("wrong types name the key, the expected type and what was found", "[roster]") {
    const std::string yaml = R"(people:
  gibi:
    name: [Balazs, Gibizer]
    emails: {work: gibi@example.com}
    capacity: lots
hats:
  lead: {min: 1.5, required: maybe, effort: high}
bots: {zuul: yes}
)";
    // Line 3: 4 spaces + "name: " -> '[' at c10, column 11.  Line 4: 4 + "emails: " -> c12.
    // Line 5: 4 + "capacity: " -> c14.  Line 7: "  lead: {" is 9 characters, "min: " puts 1.5 at
    // c14; "1.5, required: " is 15 more -> c29; "maybe, effort: " is 15 more -> c44.
    // Line 8: "bots: " -> '{' at c6.
    CHECK(problems(yaml) == Lines{
                                "r.yaml:3:11: expected a string for 'name', got a list",
                                "r.yaml:4:13: expected a list of strings for 'emails', got a map",
                                "r.yaml:5:15: expected a number for 'capacity', got 'lots'",
                                "r.yaml:7:15: expected a whole number for 'min', got '1.5'",
                                "r.yaml:7:30: expected true or false for 'required', got 'maybe'",
                                "r.yaml:7:45: expected a number for 'effort', got 'high'",
                                "r.yaml:8:7: expected a list of strings for 'bots', got a map",
                            });
}

TEST_CASE("a map expected where something else is written", "[roster]") {
    // Line 1: "people: " -> '[' at c8.  Line 2: "hats: " -> value at c6.
    CHECK(problems("people: [gibi]\nhats: ptl\n") ==
          Lines{
              "r.yaml:1:9: expected a map for 'people', got a list",
              "r.yaml:2:7: expected a map for 'hats', got 'ptl'",
          });
}

TEST_CASE("unknown keys are reported with a suggestion or the list of keys", "[roster]") {
    const std::string yaml = R"(catalogs: [openstack]
hats:
  ptl:
    holdrs: [gibi]
people:
  gibi: {name: Gibi, emals: [gibi@example.com]}
peeple: {}
colour: red
)";
    // Line 6: "  gibi: {" is 9 characters, "name: Gibi, " 12 more -> "emals" at c21.
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:4:5: unknown key 'holdrs' in hat 'ptl' (did you mean 'holders'?)",
              "r.yaml:6:22: unknown key 'emals' in person 'gibi' (did you mean 'emails'?)",
              "r.yaml:7:1: unknown key 'peeple' at the top level (did you mean 'people'?)",
              "r.yaml:8:1: unknown key 'colour' at the top level (expected one of: project, projects, "
              "catalogs, window, stale_after, automation, bots, thresholds, hats, people)",
          });
}

TEST_CASE("a holder who is not in people is reported with a suggestion", "[roster]") {
    const std::string yaml = R"(hats:
  lead: {holders: [gibbi, zed]}
people:
  gibi: {emails: [gibi@example.com]}
)";
    // Line 2: "  lead: {holders: [" is 19 characters -> "gibbi" at c19; "gibbi, " -> "zed" at c26.
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:2:20: unknown person 'gibbi' in holders of 'lead' (did you mean 'gibi'?)",
              "r.yaml:2:27: unknown person 'zed' in holders of 'lead' (not in 'people')",
          });
}

TEST_CASE("holders must be keys or {person, since, until} maps", "[roster]") {
    const std::string yaml = R"(hats:
  lead:
    holders:
      - [gibi]
      - {since: 2025-01-01}
      - {person: gibi, role: chair}
  ci-keeper: {holders: {gibi: yes}}
people:
  gibi: {emails: [gibi@example.com]}
)";
    // Lines 4-6: 6 spaces + "- " -> the item at c8.  Line 6: "{person: gibi, " is 15
    // characters from c8 -> "role" at c23.  Line 7: "  ci-keeper: {holders: " is 23 -> c23.
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:4:9: expected a person key or {person, since, until} in holders of 'lead', got a list",
              "r.yaml:5:9: missing 'person' in a holder of 'lead'",
              "r.yaml:6:24: unknown key 'role' in a holder of 'lead' (expected one of: person, since, until)",
              "r.yaml:7:24: expected a list of people for 'holders', got a map",
          });
}

TEST_CASE("one email listed for two people is an error naming both", "[roster]") {
    const std::string yaml = R"(people:
  gibi:
    emails: [Gibi@Example.com]
  balazs:
    emails: [gibi@example.com, balazs@example.com]
  elod:
    emails: [elod-at-example.net]
)";
    // Lines 5 and 7: 4 spaces + "emails: [" -> the first email at c13.
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:5:14: email 'gibi@example.com' is listed for both 'gibi' and 'balazs'",
              "r.yaml:7:14: invalid email 'elod-at-example.net' (expected name@domain)",
          });
}

TEST_CASE("a person key written twice is a duplicate key", "[roster]") {
    // yaml-cpp keeps both entries of a map, so the loader sees and reports the second one.
    const std::string yaml = R"(people:
  gibi: {emails: [a@example.com]}
  elod: {emails: [e@example.com]}
  gibi: {emails: [b@example.com]}
)";
    CHECK(problems(yaml) == Lines{"r.yaml:4:3: duplicate key 'gibi' in 'people' (first at 2:3)"});
}

TEST_CASE("bad durations and dates, and a term that ends before it starts", "[roster]") {
    const std::string yaml = R"(window: 0d
stale_after: 3 months
hats:
  lead:
    holders:
      - {person: gibi, since: 2025-02-30}
      - {person: gibi, since: 2025-09-30, until: 2025-03-01}
      - {person: gibi, until: 03/01/2025}
people:
  gibi: {emails: [gibi@example.com]}
)";
    // Line 2: "stale_after: " is 13 -> c13.  Lines 6-8: 6 spaces + "- {" + "person: gibi, " puts
    // the key at c23; "since: " or "until: " is 7 more -> the value at c30.
    const std::string duration_help =
        " (expected a whole number of days, weeks, months or years: 90d, 12w, 6m, 1y)";
    const std::string date_help = " (expected a real calendar date as YYYY-MM-DD)";
    CHECK(problems(yaml) == Lines{
                                "r.yaml:1:9: invalid duration '0d' for 'window'" + duration_help,
                                "r.yaml:2:14: invalid duration '3 months' for 'stale_after'" + duration_help,
                                "r.yaml:6:31: invalid date '2025-02-30' for 'since'" + date_help,
                                "r.yaml:7:31: since '2025-09-30' is after until '2025-03-01'",
                                "r.yaml:8:31: invalid date '03/01/2025' for 'until'" + date_help,
                            });
}

TEST_CASE("a message regex that RE2 rejects is reported with RE2's reason", "[roster]") {
    const std::string yaml = R"(hats:
  security-contact:
    evidence: {message: ['(cve', 'a**']}
)";
    // Line 3: 4 spaces + "evidence: {" (11) + "message: [" (10) -> the quote at c25;
    // "'(cve', " is 8 more -> c33.
    CHECK(problems(yaml) == Lines{
                                "r.yaml:3:26: invalid regular expression '(cve' in evidence of hat "
                                "'security-contact': missing ): (cve",
                                "r.yaml:3:34: invalid regular expression 'a**' in evidence of hat "
                                "'security-contact': bad repetition operator: **",
                            });
}

TEST_CASE("numbers out of their range", "[roster]") {
    const std::string yaml = R"(hats:
  lead: {effort: 2, min: -1}
  triager: {effort: -0.1}
people:
  gibi: {emails: [g@example.com], capacity: 0}
  elod: {emails: [e@example.com], capacity: 1.5}
)";
    // Line 2: "  lead: {effort: " is 17 -> c17; "2, min: " 8 more -> c25.  Line 3: "  triager: {effort: "
    // is 20 -> c20.  Lines 5-6: "  gibi: {" 9 + "emails: [g@example.com], " 25 + "capacity: " 10 -> c44.
    CHECK(problems(yaml) == Lines{
                                "r.yaml:2:18: 'effort' must be at least 0 and at most 1, got '2'",
                                "r.yaml:2:26: 'min' must be at least 0, got '-1'",
                                "r.yaml:3:21: 'effort' must be at least 0 and at most 1, got '-0.1'",
                                "r.yaml:5:45: 'capacity' must be at least 0.01 and at most 1, got '0'",
                                "r.yaml:6:45: 'capacity' must be at least 0.01 and at most 1, got '1.5'",
                            });
}

TEST_CASE("hat ids must be kebab-case", "[roster]") {
    const std::string yaml = R"(hats:
  Release_Liaison: {title: Release liaison}
  -x-: {title: X}
)";
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:2:3: hat id 'Release_Liaison' is not kebab-case (try 'release-liaison')",
              "r.yaml:3:3: hat id '-x-' is not kebab-case (try 'x')",
          });
}

TEST_CASE("fallback_for must name another known hat", "[roster]") {
    const std::string yaml = R"(catalogs: [openstack]
hats:
  ptl: {fallback_for: [release-liason, ptl]}
)";
    // Line 3: "  ptl: {fallback_for: [" is 23 -> c23; "release-liason, " is 16 more -> c39.
    CHECK(problems(yaml) == Lines{
                                "r.yaml:3:24: unknown hat 'release-liason' in 'fallback_for' of hat 'ptl' "
                                "(did you mean 'release-liaison'?)",
                                "r.yaml:3:40: hat 'ptl' cannot be a fallback for itself",
                            });
}

TEST_CASE("a hat in no catalog needs a title, which catches typos", "[roster]") {
    const std::string yaml = R"(catalogs: [openstack]
hats:
  release-liason: {holders: []}
  cookie-baker: {effort: 0.1}
)";
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:3:3: unknown hat 'release-liason' (did you mean 'release-liaison'?)",
              "r.yaml:4:3: unknown hat 'cookie-baker' (a hat that is in no catalog needs a 'title')",
          });
}

TEST_CASE("unknown built-in catalogs get a suggestion or the list of catalogs", "[roster]") {
    // "catalogs: [" is 11 -> c11; "opnstack, " is 10 more -> c21.  The hats of a roster whose
    // catalogs failed are not reported as unknown: they may be in the missing catalog.
    const std::string yaml = "catalogs: [opnstack, nosuch]\nhats:\n  ptl: {holders: []}\n";
    CHECK(problems(yaml) ==
          Lines{
              "r.yaml:1:12: unknown catalog 'opnstack' (did you mean 'openstack'?)",
              "r.yaml:1:22: unknown catalog 'nosuch' (built-in catalogs: 2i2c, codeowners, generic, "
              "kubernetes-group, kubernetes-sig, maintainers, openstack, openstack-dpl, ospo, owners)",
          });
}

TEST_CASE("project and projects cannot be combined", "[roster]") {
    CHECK(problems("project: nova\nprojects:\n  nova: {}\n") ==
          Lines{"r.yaml:2:1: 'project' and 'projects' cannot be used together"});
}

TEST_CASE("several problems of different kinds come back from one run, in file order", "[roster]") {
    const std::string yaml = R"(window: 1 year
hats:
  lead: {holders: [gibbi]}
  release-manger: {holders: [gibi]}
people:
  gibi:
    emails: [gibi@example.com]
    capacity: lots
    affilation: Example Corp
)";
    roles::roster::test::use_source_catalogs();
    const auto roster = parse_roster(yaml, "ROLES.yaml");
    REQUIRE_FALSE(roster.has_value());
    CHECK(roster.error().cause == "5 problems");
    // Line 3: "  lead: {holders: [" is 19 -> c19.  Line 8: 4 + "capacity: " -> c14.
    CHECK(roster.error().details ==
          Lines{
              "ROLES.yaml:1:9: invalid duration '1 year' for 'window' (expected a whole number of days, "
              "weeks, months or years: 90d, 12w, 6m, 1y)",
              "ROLES.yaml:3:20: unknown person 'gibbi' in holders of 'lead' (did you mean 'gibi'?)",
              "ROLES.yaml:4:3: unknown hat 'release-manger' (did you mean 'release-manager'?)",
              "ROLES.yaml:8:15: expected a number for 'capacity', got 'lots'",
              "ROLES.yaml:9:5: unknown key 'affilation' in person 'gibi' (did you mean 'affiliation'?)",
          });
}

TEST_CASE("a catalog file is validated with its own positions", "[roster]") {
    const auto dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/team.yaml") << R"(catalog: team
hats:
  doc-wrangler:
    title: Docs
    efort: 0.1
  ops: {fallback_for: [doc-wrangler, nope]}
)";
    std::ofstream(dir + "/ROLES.yaml") << "catalogs: [generic, team.yaml]\n";
    roles::roster::test::use_source_catalogs();
    const auto roster = load_roster(dir + "/ROLES.yaml");
    REQUIRE_FALSE(roster.has_value());
    // Line 6: "  ops: {fallback_for: [" is 23 -> "doc-wrangler" at c23, "nope" 14 later at c37.
    CHECK(roster.error().details ==
          Lines{
              dir + "/team.yaml:5:5: unknown key 'efort' in hat 'doc-wrangler' (did you mean 'effort'?)",
              dir + "/team.yaml:6:38: unknown hat 'nope' in 'fallback_for' of hat 'ops'",
          });
}

TEST_CASE("a missing catalog file is reported where the roster names it", "[roster]") {
    const auto dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/ROLES.yaml") << "catalogs: [./missing.yaml]\n";
    const auto roster = load_roster(dir + "/ROLES.yaml");
    REQUIRE_FALSE(roster.has_value());
    CHECK(roster.error().details ==
          Lines{dir + "/ROLES.yaml:1:12: cannot read catalog '" + dir + "/missing.yaml': no such file"});
}

TEST_CASE("an unreadable roster file is an input error", "[roster]") {
    const auto roster = load_roster("/nonexistent/ROLES.yaml");
    REQUIRE_FALSE(roster.has_value());
    CHECK(roster.error().kind == roles::util::ErrorKind::input);
    CHECK(roster.error().message() == "reading roster '/nonexistent/ROLES.yaml': no such file");
}

TEST_CASE("warnings do not stop a roster from loading", "[roster]") {
    const std::string yaml = R"(hats:
  lead: {holders: [elod], effort: 0.3}
  release-managers: {title: Release managers}
people:
  elod: {name: Előd Illés}
  gibi: {emails: [gibi@example.com, GIBI@example.com]}
)";
    const auto roster = loaded(yaml);
    // Line 2: "  lead: {holders: [elod], " is 26 -> "effort" at c26 (0.3 is the generic value).
    // Line 6: "  gibi: {emails: [gibi@example.com, " is 36 -> c36.
    CHECK(roster.warnings ==
          Lines{
              "r.yaml:2:27: 'effort' of hat 'lead' is the same as in catalog 'generic'",
              "r.yaml:3:3: hat 'release-managers' is in no catalog and is defined here as a project hat "
              "(did you mean 'release-manager'?)",
              "r.yaml:5:3: person 'elod' has no emails: their commits can only be matched by name",
              "r.yaml:6:37: email 'GIBI@example.com' is listed twice for 'gibi'",
          });
    CHECK(roster.people.at("gibi").emails == Lines{"gibi@example.com"});
}

TEST_CASE("the same holder with the same term twice is an error", "[roster]") {
    const std::string yaml = R"(hats:
  lead: {holders: [gibi, gibi, {person: gibi, since: 2024-01-01}]}
people:
  gibi: {emails: [gibi@example.com]}
)";
    // Line 2: "  lead: {holders: [" is 19 -> c19; "gibi, " 6 more -> c25.  The third entry has
    // a term of its own and is a different seat.
    CHECK(problems(yaml) == Lines{"r.yaml:2:26: 'gibi' is listed twice in holders of 'lead'"});
}

TEST_CASE("evidence `activity` kinds and `exclude_message` regexes are read and checked", "[roster][activity]") {
    const auto roster = loaded(R"(hats:
  reviewer:
    evidence: {activity: [reviewed, gerrit-review], exclude_message: ['(?i)\Abump ']}
)");
    const auto& rules = test::hat(roster.projects.front(), "reviewer").def.evidence;
    CHECK(rules.activity == std::vector<ActivityKind>{ActivityKind::reviewed, ActivityKind::gerrit_review});
    CHECK(rules.exclude_message == std::vector<std::string>{R"((?i)\Abump )"});

    const std::string yaml = R"(hats:
  reviewer:
    evidence: {activity: [reveiwed, acked, acked], exclude_message: ['(x']}
)";
    // Line 3: 4 spaces + "evidence: {" (11) + "activity: [" (11) -> c26 'reveiwed'; "reveiwed, " is
    // 10 more -> c36 'acked', +7 -> c43 the second 'acked'; "acked], " 8 more -> c51
    // "exclude_message: [" (18) -> c69 the quote.
    CHECK(problems(yaml) == Lines{
                                "r.yaml:3:27: unknown activity kind 'reveiwed' in evidence of hat 'reviewer' "
                                "(did you mean 'reviewed'?)",
                                "r.yaml:3:44: activity kind 'acked' listed twice in evidence of hat 'reviewer'",
                                "r.yaml:3:70: invalid regular expression '(x' in evidence of hat 'reviewer': "
                                "missing ): (x",
                            });
}

TEST_CASE("catalog paths in a roster stay inside its root, links followed", "[roster][untrusted]") {
    namespace fs = std::filesystem;
    const auto top = fs::weakly_canonical(roles::test::make_temp_dir()).string();
    const auto dir = top + "/repo";
    fs::create_directories(dir + "/ci");
    std::ofstream(top + "/outside.yaml") << "hats:\n  x: {title: X}\n";
    std::ofstream(dir + "/ci/hats.yaml") << "hats:\n  x: {title: X}\n";
    fs::create_symlink(top + "/outside.yaml", dir + "/ci/link.yaml");
    std::ofstream(dir + "/ROLES.yaml") << "catalogs: [../outside.yaml, /etc/passwd, ci/link.yaml]\n";
    const auto roster = load_roster(dir + "/ROLES.yaml");
    REQUIRE_FALSE(roster.has_value());
    // "catalogs: [" is 11 -> c11; "../outside.yaml, " 17 more -> c28; "/etc/passwd, " 13 more -> c41.
    const std::string why = " (a roster reads catalogs from inside its repository only)";
    CHECK(roster.error().details ==
          Lines{dir + "/ROLES.yaml:1:12: catalog path '../outside.yaml' leads outside '" + dir + "'" + why,
                dir + "/ROLES.yaml:1:29: catalog path '/etc/passwd' leads outside '" + dir + "'" + why,
                dir + "/ROLES.yaml:1:42: catalog path 'ci/link.yaml' leads outside '" + dir + "'" + why});
    // Inside, the same catalog loads; a wider root (the repository around a roster in a
    // subfolder) lets '..' reach it.
    std::ofstream(dir + "/ROLES.yaml") << "catalogs: [ci/hats.yaml]\n";
    CHECK(load_roster(dir + "/ROLES.yaml").has_value());
    std::ofstream(dir + "/common.yaml") << "hats:\n  y: {title: Y}\n";
    std::ofstream(dir + "/ci/ROLES.yaml") << "catalogs: [./hats.yaml, ../common.yaml]\n";
    CHECK(load_roster(dir + "/ci/ROLES.yaml", RosterContext{dir, {}, {}, {}}).has_value());
    CHECK_FALSE(load_roster(dir + "/ci/ROLES.yaml").has_value());
}

TEST_CASE("catalog paths of a roster read through a reader never leave the repository", "[roster][untrusted]") {
    roles::roster::test::use_source_catalogs();
    std::vector<std::string> asked;
    RosterContext context;
    context.read = [&](const std::string& path) -> std::expected<std::string, std::string> {
        asked.push_back(path);
        if (path == "ci/hats.yaml") return std::string("hats:\n  x: {title: X}\n");
        return std::unexpected(std::string("no such file in 'HEAD'"));
    };
    context.shown_prefix = "HEAD:";
    context.default_project = "nova";
    const auto good = parse_roster("catalogs: [./ci/../ci/hats.yaml]\n", "HEAD:ROLES.yaml", context);
    REQUIRE(good.has_value());
    CHECK(good->projects.at(0).name == "nova");
    CHECK(asked == Lines{"ci/hats.yaml"});
    const auto bad = parse_roster("catalogs: [../x.yaml, /etc/x.yaml, gone.yaml]\n", "HEAD:ROLES.yaml", context);
    REQUIRE_FALSE(bad.has_value());
    const std::string why = " leads outside the repository (a roster reads catalogs from inside it only)";
    CHECK(bad.error().details == Lines{"HEAD:ROLES.yaml:1:12: catalog path '../x.yaml'" + why,
                                       "HEAD:ROLES.yaml:1:23: catalog path '/etc/x.yaml'" + why,
                                       "HEAD:ROLES.yaml:1:36: cannot read catalog 'HEAD:gone.yaml': no such file in 'HEAD'"});
}

TEST_CASE("50,000 holders of one hat load, with duplicates still found", "[roster][untrusted]") {
    // Linear since issue 14 (16.6 s before: every holder was compared with every earlier one).
    std::string yaml = "catalogs: [generic]\npeople:\n";
    std::string holders;
    constexpr int k_people = 50000;
    for (int i = 0; i < k_people; ++i) {
        yaml += "  p" + std::to_string(i) + ": {name: P" + std::to_string(i) + "}\n";
        holders += (i == 0 ? "p" : ", p") + std::to_string(i);
    }
    yaml += "hats:\n  lead:\n    holders: [" + holders + ", p7]\n";
    const auto details = problems(yaml);
    REQUIRE(details.size() == 1);
    CHECK(details[0].ends_with(": 'p7' is listed twice in holders of 'lead'"));
}
