// End-to-end: `roles report` on examples/cycles. Every expectation is worked out by hand from
// examples/cycles/history.fi and its ROLES.yaml (see examples/README.md):
//   tags v1.0.0 2025-01-06 12:00, v1.1.0 2025-04-07 12:00, v1.2.0-rc1 2025-06-30 10:00,
//   v1.2.0 2025-07-07 12:00 (all tagged by ana at their commit's time).
//   auto -> v1.1.0..v1.2.0 = (2025-04-07 12:00, 2025-07-07 12:00], 91 days; the previous
//   91 days are (2025-01-06 12:00, 2025-04-07 12:00], i.e. v1.0.0..v1.1.0.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using nlohmann::json;
using roles::test::build_example;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

json report_json(const std::string& repo, const std::string& extra = "") {
    const auto run = run_roles("report " + shell_quote(repo) + " --format json" + extra);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return roles::test::parse_json(run.out);
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Cells of a Markdown table row "| a | b |" (no escaped pipes in this example).
std::vector<std::string> cells(const std::string& row) {
    std::vector<std::string> out;
    std::string inner = row.substr(2, row.size() - 4);
    for (std::size_t at = 0;;) {
        const auto bar = inner.find(" | ", at);
        out.push_back(inner.substr(at, bar == std::string::npos ? std::string::npos : bar - at));
        if (bar == std::string::npos) break;
        at = bar + 3;
    }
    return out;
}

// The rows of the table under a "## Heading", keyed by their first cell.
std::map<std::string, std::vector<std::string>> table(const std::string& md, const std::string& heading) {
    std::map<std::string, std::vector<std::string>> rows;
    bool inside = false;
    int seen = 0;
    for (const auto& line : split_lines(md)) {
        if (line.starts_with("## ")) inside = line == "## " + heading;
        if (!inside || !line.starts_with("| ")) continue;
        if (seen++ == 0) continue;  // the header; the |---| line does not start with "| "
        const auto row = cells(line);
        rows[row.front()] = row;
    }
    return rows;
}

// "7 (↑ from 4)" -> current 7, previous 4; "2 (= same)" -> 2, 2; "5 (★ new)" -> 5, null.
void check_trend_cell(const std::string& cell, const json& figure) {
    INFO("cell " << cell << " figure " << figure.dump());
    std::smatch m;
    REQUIRE(std::regex_match(cell, m, std::regex(R"(([0-9.]+) \((↑ from|↓ from|= same|★ new) ?([0-9.]*)(, \w+)?\))")));
    CHECK(std::stod(m[1]) == Approx(figure["current"].get<double>()));
    if (m[2] == "★ new") {
        CHECK(figure["previous"].is_null());
        CHECK(figure["trend"] == "new");
    } else if (m[2] == "= same") {
        CHECK(figure["previous"] == figure["current"]);
        CHECK(figure["trend"] == "same");
    } else {
        CHECK(std::stod(m[3]) == Approx(figure["previous"].get<double>()));
        CHECK(figure["trend"] == (m[2] == "↑ from" ? "up" : "down"));
    }
}

// Every number in a JSON document: as written, with two decimals, and (for shares) as a
// whole percentage; plus the numbers inside its strings.
void collect_numbers(const json& value, std::set<std::string>& out) {
    static const std::regex k_number(R"(\d+(?:\.\d+)?)");
    if (value.is_number_integer() || value.is_number_unsigned()) {
        out.insert(std::to_string(value.get<long long>()));
    } else if (value.is_number_float()) {
        const double v = value.get<double>();
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.2f", v);
        out.insert(buffer);
        std::snprintf(buffer, sizeof buffer, "%.0f", v * 100.0);
        out.insert(buffer);
        if (v == static_cast<double>(static_cast<long long>(v))) out.insert(std::to_string(static_cast<long long>(v)));
    } else if (value.is_string()) {
        const auto text = value.get<std::string>();
        for (std::sregex_iterator it(text.begin(), text.end(), k_number), end; it != end; ++it) out.insert(it->str());
    } else if (value.is_structured()) {
        for (const auto& item : value) collect_numbers(item, out);
    }
}

}  // namespace

TEST_CASE("report --cycle auto resolves the two latest release tags", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto j = report_json(repo);
    CHECK(j["schema"] == "roles.report/1");
    CHECK(j["project"] == "harbour");
    CHECK(j["cycle"]["label"] == "v1.1.0..v1.2.0");  // v1.2.0-rc1 is not a release
    CHECK(j["cycle"]["automatic"] == true);
    CHECK(j["cycle"]["since_epoch"] == 1744027201);   // 2025-04-07 12:00:00 + 1 s
    CHECK(j["cycle"]["until_epoch"] == 1751889600);   // 2025-07-07 12:00:00
    CHECK(j["cycle"]["days"] == 91);
    CHECK(j["previous"]["since_epoch"] == 1736164801);  // 2025-01-06 12:00:00 + 1 s
    CHECK(j["previous"]["until_epoch"] == 1744027200);
}

// This cycle: lead single-point (ana, 1 item: GOVERNANCE.md), release-manager ok (ana and
// cai active; 4 items: the rc and release commits, two tags), ci-keeper stale (ben last
// active 2025-02-24, more than 90 days before the end; dee did 3 of 3), security-contact
// vacant (cai's term ended 2025-05-15; dee's CVE fix is 1 of 1), triager single-point (ana
// since 2025-04-14; ben inactive), reviewer unassigned. Last cycle: release-manager ok, four
// single-points (lead 0 items, ci-keeper ben 2, security-contact cai 2, triager ben 2).
TEST_CASE("report summary and hats against the previous cycle", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto j = report_json(repo);
    const auto& s = j["summary"];
    const auto pair = [&](const char* key) { return std::pair<int, int>(s[key]["current"], s[key]["previous"]); };
    CHECK(s["hats"] == 6);
    CHECK(pair("hats_ok") == std::pair(1, 1));
    CHECK(pair("hats_at_risk") == std::pair(3, 4));
    CHECK(s["hats_at_risk"]["assessment"] == "better");
    CHECK(pair("hats_vacant") == std::pair(1, 0));
    CHECK(s["hats_vacant"]["assessment"] == "worse");
    // Truck factor at v1.2.0: ana authors 5 of 9 source files (core, util, api, config,
    // cache), ben 2, cai 1, dee 1: removing ana leaves 4 of 9 < half, so 1. At v1.1.0: ana 3
    // of 6, ben 2, cai 1: removing ana leaves 3 of 6 (half), removing ben 1 of 6, so 2.
    CHECK(pair("truck_factor") == std::pair(1, 2));
    CHECK(s["truck_factor"]["assessment"] == "worse");
    // Commits: now ana 7, dee 5, cai 2 = 14; before ben 5, ana 4, cai 2, eli 2 = 13.
    // Absence: 7 is not > 14/2, 7 + 5 is: 2; before 5 + 4 = 9 > 6.5: 2. Elephant: Example
    // Corp 7 (ana), dee 5 (gmail: independent): 2; before Example Corp 9 (ana, ben): 1.
    CHECK(pair("commits") == std::pair(14, 13));
    CHECK(pair("contributors") == std::pair(3, 4));
    CHECK(pair("contributor_absence_factor") == std::pair(2, 2));
    CHECK(pair("elephant_factor") == std::pair(2, 1));
    CHECK(pair("releases") == std::pair(1, 1));
    CHECK(pair("high_burnout_risk") == std::pair(1, 0));
    std::map<std::string, std::pair<std::string, std::string>> statuses;
    for (const auto& hat : j["hats"]) statuses[hat["id"]] = {hat["status"], hat["previous_status"]};
    CHECK(statuses["lead"] == std::pair<std::string, std::string>("single-point", "single-point"));
    CHECK(statuses["release-manager"] == std::pair<std::string, std::string>("ok", "ok"));
    CHECK(statuses["ci-keeper"] == std::pair<std::string, std::string>("stale", "single-point"));
    CHECK(statuses["security-contact"] == std::pair<std::string, std::string>("vacant", "single-point"));
    CHECK(statuses["triager"] == std::pair<std::string, std::string>("single-point", "single-point"));
    CHECK(statuses["reviewer"] == std::pair<std::string, std::string>("unassigned", "unassigned"));
}

TEST_CASE("report lists what changed on each hat", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto j = report_json(repo);
    std::map<std::string, std::vector<std::string>> changes;
    for (const auto& hat : j["hats"]) {
        for (const auto& c : hat["changes"]) changes[hat["id"]].push_back(c["kind"].get<std::string>() + ": " + c["text"].get<std::string>());
    }
    CHECK(changes["ci-keeper"] ==
          std::vector<std::string>{"status-changed: stale (was single-point)",
                                   "holder-went-quiet: ben: 2 items last cycle, none this cycle",
                                   "new-implicit-holder: Dee Rahman did 100% of its items (3 of 3) without holding it"});
    CHECK(changes["security-contact"] ==
          std::vector<std::string>{"became-vacant: vacant (was single-point)", "holder-left: cai's term ended 2025-05-15",
                                   "new-implicit-holder: Dee Rahman did 100% of its items (1 of 1) without holding it"});
    CHECK(changes["triager"] == std::vector<std::string>{"holder-added: ana became a holder since 2025-04-14",
                                                         "holder-went-quiet: ben: 2 items last cycle, none this cycle"});
    CHECK(changes["lead"].empty());
    CHECK(changes["release-manager"].empty());
}

// ana: lead 0.3 + release-manager 0.1 + triager 0.1 = 0.5 over capacity 0.4 = 1.25; sole
// holder of lead and triager; 3 hats: over-committed, many-hats, sole-holder = high. At
// v1.1.0 she held lead and release-manager: 0.4 / 0.4 = 1.00 (not over), 1 sole hat: none.
// ben: ci-keeper + triager = 0.2; last cycle sole active holder of both (sole-holder: low),
// now of neither (inactive): none. cai: release-manager 0.1 (security-contact 0.05 ended).
// dee: not on the roster, first commit 2025-04-14: new.
TEST_CASE("report load per person with trends, newcomers, leavers, releases and weeks", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto j = report_json(repo);
    std::vector<std::string> order;
    for (const auto& p : j["people"]) order.push_back(p["person"]);
    CHECK(order == std::vector<std::string>{"ana", "ben", "cai", "dee-rahman"});
    const auto& ana = j["people"][0];
    CHECK(ana["commitment"]["current"] == Approx(1.25));
    CHECK(ana["commitment"]["previous"] == Approx(1.0));
    CHECK(ana["risk"] == json{{"current", "high"}, {"previous", "none"}, {"trend", "up"}, {"assessment", "worse"}});
    CHECK(ana["commits"]["current"] == 7);
    CHECK(ana["commits"]["previous"] == 4);
    CHECK(ana["sole_hats"] == json::array({"lead", "triager"}));
    CHECK(j["people"][1]["risk"]["previous"] == "low");
    CHECK(j["people"][1]["risk"]["current"] == "none");
    CHECK(j["people"][2]["commitment"]["previous"] == Approx(0.15));
    CHECK(j["people"][3]["commits"]["trend"] == "new");
    CHECK(j["newcomers"] == json::array({{{"person", "dee-rahman"}, {"name", "Dee Rahman"}, {"first_commit", "2025-04-14"},
                                          {"commits", 5}}}));
    REQUIRE(j["leavers"].size() == 2);
    CHECK(j["leavers"][0] == json{{"person", "ben"}, {"name", "Ben Okafor"}, {"last_commit", "2025-02-24"},
                                  {"previous_commits", 5}, {"hats", {"ci-keeper", "triager"}}});
    CHECK(j["leavers"][1]["person"] == "eli-park");
    CHECK(j["leavers"][1]["previous_commits"] == 2);
    REQUIRE(j["releases"].size() == 2);
    CHECK(j["releases"][0]["tag"] == "v1.2.0-rc1");
    CHECK(j["releases"][0]["release"] == false);
    CHECK(j["releases"][1]["tag"] == "v1.2.0");
    CHECK(j["releases"][1]["by"] == "ana");
    // Weeks from 2025-04-07 12:00:01: a commit on Monday 10:00 falls in the week before.
    std::vector<int> weeks;
    for (const auto& w : j["weeks"]) weeks.push_back(w["commits"]);
    CHECK(weeks == std::vector<int>{1, 1, 2, 0, 1, 1, 1, 1, 2, 2, 0, 1, 1});
}

TEST_CASE("report asks for the actions the findings imply", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto j = report_json(repo);
    std::vector<std::string> asks;
    for (const auto& a : j["asks"]) asks.push_back(a["text"]);
    CHECK(asks == std::vector<std::string>{
                      "Appoint someone as security contact: the hat is vacant since cai's term ended 2025-05-15; doing "
                      "its work this cycle: Dee Rahman (100%, 1 item)",
                      "Confirm or replace ben (last active 2025-02-24) as CI keeper; doing its work this cycle: Dee Rahman "
                      "(100%, 3 items)",
                      "Check in with ana and lighten their load: high burnout risk (over-committed, many-hats, "
                      "sole-holder); commitment 1.25",
                      "Find a backup for ana's 2 sole hats: project lead, triager",
                      "Spread knowledge of the code: truck factor 1, down from 2 (ana authors 5 of 9 source files)",
                      "Ask ben whether they still hold CI keeper, triager (no commit this cycle, last 2025-02-24) and "
                      "update the roster"});
}

TEST_CASE("report markdown and json agree on every number", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto j = report_json(repo);
    const auto run = run_roles("report " + shell_quote(repo));  // markdown is the default
    REQUIRE(run.exit_code == 0);
    const auto& md = run.out;

    const std::map<std::string, std::string> summary_keys = {
        {"hats ok (of 6)", "hats_ok"}, {"hats at risk", "hats_at_risk"},
        {"hats vacant", "hats_vacant"}, {"hats unassigned", "hats_unassigned"}, {"truck factor", "truck_factor"},
        {"contributor absence factor", "contributor_absence_factor"}, {"elephant factor", "elephant_factor"},
        {"commits", "commits"}, {"contributors", "contributors"}, {"releases", "releases"},
        {"people at high burnout risk", "high_burnout_risk"}};
    const auto summary = table(md, "Summary");
    REQUIRE(summary.size() == summary_keys.size());
    for (const auto& [label, key] : summary_keys) {
        INFO(label);
        REQUIRE(summary.contains(label));
        const auto& row = summary.at(label);
        CHECK(row[1] == std::to_string(j["summary"][key]["current"].get<int>()));
        CHECK(row[2] == std::to_string(j["summary"][key]["previous"].get<int>()));
        CHECK(row[3].find(j["summary"][key]["trend"].get<std::string>()) != std::string::npos);
    }

    // A hat nobody held or worked on, with no change, is named in one line instead of a row.
    const auto coverage = table(md, "Coverage");
    std::size_t rows = 0;
    for (const auto& hat : j["hats"]) {
        const bool idle = hat["holders"].empty() && hat["former_holders"].empty() && hat["contributors"].empty() &&
                          hat["changes"].empty();
        INFO(hat["id"]);
        REQUIRE(coverage.contains(hat["id"]) == !idle);
        if (idle) {
            CHECK(md.find("Nobody held or worked on: ") != std::string::npos);
            continue;
        }
        ++rows;
        const auto& row = coverage.at(hat["id"]);
        // "ok", or "vacant (was single-point)" when it changed.
        const auto status = hat["status"].get<std::string>();
        const auto previous = hat["previous_status"].get<std::string>();
        CHECK(row[1] == (status == previous ? status : status + " (was " + previous + ")"));
        check_trend_cell(row[3], hat["evidence"]);
        // Every contributor of this small example is among the top 3 of the cell.
        REQUIRE(hat["contributors"].size() <= 3);
        for (const auto& c : hat["contributors"]) {
            // Text names people off the roster by name (JSON `name`), roster people by key.
            const auto expected = c["name"].get<std::string>() + " " + std::to_string(c["evidence"].get<int>()) +
                                  " (" + std::to_string(std::lround(c["share"].get<double>() * 100)) + "%)";
            CHECK(row[4].find(expected) != std::string::npos);
        }
    }

    // The load table lists the people who hold a hat or have (or had) a burnout risk; the
    // others are counted in one line.
    CHECK(coverage.size() == rows);
    const auto load = table(md, "Load");
    std::size_t listed = 0;
    for (const auto& p : j["people"]) {
        const auto label = p["on_roster"].get<bool>() ? p["person"].get<std::string>() : p["name"].get<std::string>();
        const bool held = !p["hats"].empty();
        const bool risky = p["risk"]["current"] != "none" || (!p["risk"]["previous"].is_null() && p["risk"]["previous"] != "none");
        INFO(label);
        REQUIRE(load.contains(label) == (held || risky));
        if (!load.contains(label)) continue;
        ++listed;
        const auto& row = load.at(label);
        CHECK(row[1].starts_with(p["risk"]["current"].get<std::string>()));
        check_trend_cell(row[2], p["commitment"]);
        check_trend_cell(row[4], p["commits"]);
    }
    CHECK(load.size() == listed);
    if (listed < j["people"].size()) {
        const auto others = j["people"].size() - listed;
        CHECK(md.find(std::to_string(others) + (others == 1 ? " other person holds" : " other people hold")) !=
              std::string::npos);
    }

    const auto releases = table(md, "Releases");
    REQUIRE(releases.size() == j["releases"].size());
    for (const auto& t : j["releases"]) CHECK(releases.at(t["tag"])[1] == t["date"]);
    // Newcomers and leavers by name, each with their date and commits (this example has fewer
    // than the 4 a list names).
    REQUIRE(j["newcomers"].size() <= 4);
    for (const auto& n : j["newcomers"]) {
        const auto commits = n["commits"].get<int>();
        CHECK(md.find(n["name"].get<std::string>() + " (" + n["first_commit"].get<std::string>() + ", " +
                      std::to_string(commits) + (commits == 1 ? " commit)" : " commits)")) != std::string::npos);
    }
    REQUIRE(j["leavers"].size() <= 4);
    for (const auto& l : j["leavers"]) {
        CHECK(md.find(l["name"].get<std::string>() + " (" + l["last_commit"].get<std::string>() + ", " +
                      std::to_string(l["previous_commits"].get<int>()) + " commit") != std::string::npos);
    }
    for (std::size_t i = 0; i < j["asks"].size(); ++i) {
        CHECK(md.find("\n" + std::to_string(i + 1) + ". " + j["asks"][i]["text"].get<std::string>() + ".\n") !=
              std::string::npos);
    }

    // And the sweep: every number on a data line of the Markdown (dates, tag names and the
    // HEAD id taken out) is a number of the JSON.
    std::set<std::string> numbers;
    collect_numbers(j, numbers);
    const std::regex k_noise(R"(\d{4}-\d{2}-\d{2}|v\d+\.\d+\.\d+(-rc\d+)?|HEAD [0-9a-f]+)");
    const std::regex k_number(R"(\d+(?:\.\d+)?)");
    for (const auto& line : split_lines(md)) {
        if (line.starts_with("Trends:") || line.starts_with("Evidence:") || line.starts_with("Commitment:")) continue;
        const auto cleaned = std::regex_replace(line, k_noise, " ");
        for (std::sregex_iterator it(cleaned.begin(), cleaned.end(), k_number), end; it != end; ++it) {
            INFO("line: " << line);
            CHECK(numbers.contains(it->str()));
        }
    }
}

TEST_CASE("report html is one self-contained file with the three charts", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto out = roles::test::make_temp_dir() + "/cycle.html";
    const auto run = run_roles("report " + shell_quote(repo) + " --format html -o " + shell_quote(out));
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty());
    std::ifstream file(out);
    std::stringstream text;
    text << file.rdbuf();
    const auto html = text.str();
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)")));
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    const auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("<rect class=\"cell") == 6 * 4);  // 6 hats x ana, ben, cai, dee
    // A load bar per person with hat effort (ana, ben, cai; dee holds none), a bar per week.
    CHECK(count("class=\"capacity\"") == 3);
    CHECK(count("<rect class=\"bar") == 3 + 13);
    CHECK(html.find("The chart leaves out 1 person with no hat effort") != std::string::npos);
}

TEST_CASE("report takes cycles between dates, commits and branches", "[e2e][report]") {
    const auto repo = build_example("cycles");
    // 2025-04-01 00:00 .. 2025-06-30 23:59:59 (91 days): ana 04-07 (release 1.1.0), 04-21,
    // 05-12, 05-26, 06-09, 06-11, 06-30 = 7, dee 5, cai 2: 14 commits; tags v1.1.0 and
    // v1.2.0-rc1 (v1.2.0 is 07-07). The previous 91 days, 2024-12-31 .. 2025-03-31: ana 01-06,
    // 01-13, 02-03, 03-03 = 4, ben 5, cai 2, eli 2: 13; one release, v1.0.0.
    const auto dates = report_json(repo, " --cycle 2025-04-01..2025-06-30");
    CHECK(dates["cycle"]["from"]["kind"] == "date");
    CHECK(dates["cycle"]["days"] == 91);
    CHECK(dates["previous"]["since"] == "2024-12-31");
    CHECK(dates["summary"]["commits"]["current"] == 14);
    CHECK(dates["summary"]["commits"]["previous"] == 13);
    REQUIRE(dates["releases"].size() == 2);
    CHECK(dates["releases"][0]["tag"] == "v1.1.0");
    CHECK(dates["summary"]["releases"]["current"] == 1);
    CHECK(dates["summary"]["releases"]["previous"] == 1);
    const auto branch = report_json(repo, " --cycle v1.1.0..main");
    CHECK(branch["cycle"]["to"]["kind"] == "ref");
    CHECK(branch["cycle"]["until_epoch"] == 1751889600);
    CHECK(branch["summary"]["commits"]["current"] == 14);
}

TEST_CASE("report refuses bad cycles and formats with exit code 2", "[e2e][report]") {
    const auto repo = build_example("cycles");
    const auto bad = run_roles("report " + shell_quote(repo) + " --cycle v1.2.0..v1.1.0");
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err == "roles: error: --cycle: the cycle 'v1.2.0..v1.1.0' ends before it starts: 'v1.1.0' is not later "
                     "than 'v1.2.0'\n");
    const auto format = run_roles("report " + shell_quote(repo) + " --format sarif");
    CHECK(format.exit_code == 2);
    // liaisons has one release tag: auto cannot pick a cycle.
    const auto one_tag = run_roles("report " + shell_quote(build_example("liaisons")));
    CHECK(one_tag.exit_code == 2);
    CHECK(one_tag.err.find("'auto' needs two releases") != std::string::npos);
    const auto help = run_roles("report --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--cycle") != std::string::npos);
    CHECK(help.out.find("Examples:") != std::string::npos);
    CHECK(help.out.find("--since") == std::string::npos);
}

namespace {

std::string build_crowd(const std::string& size) {
    const auto repo = roles::test::make_temp_dir() + "/crowd";
    const auto built = roles::test::run_shell("CROWD_SIZE=" + size + " " +
                                              shell_quote(std::string(ROLES_SOURCE_DIR) + "/examples/build.sh") +
                                              " crowd " + shell_quote(repo));
    REQUIRE(built.exit_code == 0);
    return repo;
}

}  // namespace

// examples/crowd: the core team (20 of 100 people; 10 of 30) checks in on 2025-06-30, in the
// cycle v1.1.0..v1.2.0: ana-alves not-enough, bruno-alves too-much, chiara-alves dont-know, the
// rest just-right. ana holds lead (0.3), release-manager (0.1) and api-maintainer (0.2) at
// capacity 0.5: commitment 1.2, over commitment_max 1.0, so her load is heavy and her answer
// disagrees. Her 2025-03-31 check-in belongs to the previous cycle.
TEST_CASE("report shows check-ins against the measured load and the just-right goal", "[e2e][report][checkin]") {
    const auto repo = build_crowd("100x15");
    const auto j = report_json(repo);
    const auto& c = j["checkins"];
    CHECK(c["people"] == 20);
    CHECK(c["just_right"] == 17);
    CHECK(c["not_enough"] == 1);
    CHECK(c["too_much"] == 1);
    CHECK(c["dont_know"] == 1);
    CHECK(c["just_right_share"].get<double>() == Approx(0.85));
    CHECK(c["goal"].get<double>() == Approx(0.8));
    CHECK(c["met"] == true);
    const auto& people = j["people"];
    const auto ana = std::find_if(people.begin(), people.end(), [](const json& p) { return p["person"] == "ana-alves"; });
    REQUIRE(ana != people.end());
    CHECK((*ana)["commitment"]["current"].get<double>() == Approx(1.2));
    CHECK((*ana)["checkin"]["date"] == "2025-06-30");
    CHECK((*ana)["checkin"]["answer"] == "not-enough");
    CHECK((*ana)["checkin"]["note"] == "happy to take more");
    CHECK((*ana)["checkin"]["measured"] == "heavy");
    CHECK((*ana)["checkin"]["agreement"] == "says-less-than-measured");

    // 30 people: 7 just-right of 10 = 70%, under the goal.
    const auto small = report_json(build_crowd("30x10"));
    CHECK(small["checkins"]["people"] == 10);
    CHECK(small["checkins"]["just_right"] == 7);
    CHECK(small["checkins"]["met"] == false);

    // The mail and Markdown say it in words; no line of the mail is wider than 72 columns.
    const auto text = run_roles("report " + shell_quote(repo) + " --format text");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("\nCHECK-INS\n\n  17 of 20 people who checked in (85%) said just-right; the goal is 80%,\n  met.") !=
          std::string::npos);
    for (const auto& line : split_lines(text.out)) {
        std::size_t columns = 0;
        for (const char ch : line) columns += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
        INFO(line);
        CHECK(columns <= 72);
    }
    const auto md = run_roles("report " + shell_quote(repo));
    REQUIRE(md.exit_code == 0);
    CHECK(md.out.find("\n| ana-alves | not-enough on 2025-06-30 | heavy (disagrees) | 1.20 | happy to take more |\n") !=
          std::string::npos);
    // roles load shows the same check-in over its own window (the year to HEAD).
    const auto load = run_roles("load " + shell_quote(repo) + " --format json");
    REQUIRE(load.exit_code == 0);
    const auto l = roles::test::parse_json(load.out);
    CHECK(l["checkins"]["people"] == 20);
    const auto person = run_roles("load " + shell_quote(repo) + " --person ana-alves");
    CHECK(person.out.find("check-in: not-enough on 2025-06-30 (\"happy to take more\"); measured heavy: says less than "
                          "measured\n") != std::string::npos);
}
