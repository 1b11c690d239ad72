// End-to-end: `roles load` on examples/, expectations worked out by hand from
// examples/liaisons/history.fi and its ROLES.yaml.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::run_roles;
using roles::test::parse_json;
using roles::test::shell_quote;
using roles::test::text_row;

// Nobody has a signal: each holds one hat (ptl, release, bug, tact-sig, docs liaison),
// commitment is far below 1, and nobody has 20 commits in the 90 days before the window end.
// So the order is commitment: gibi 0.5 / 0.8 = 0.625; elod, melanie, stephen, sylvain 0.1 / 1
// (by key); takashi-kajinami, who holds nothing, 0. Commits in the window: 39 (the two bots' don't
// count); gibi 14 = 12 scheduler commits + tox + release prep, 14 distinct days.
TEST_CASE("load lists every person with hats, commitment, activity and signals", "[e2e][load]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("load " + shell_quote(repo) + " --format json");
    REQUIRE(run.exit_code == 0);
    const auto load = parse_json(run.out);
    CHECK(load["schema"] == "roles.load/1");
    CHECK(load["project"] == "nova-mini");
    CHECK(load["commits"] == 39);
    std::vector<std::string> order;
    for (const auto& person : load["people"]) order.push_back(person["person"]);
    CHECK(order == std::vector<std::string>{"gibi", "elod", "melanie", "stephen", "sylvain", "takashi-kajinami"});
    const auto& gibi = load["people"][0];
    CHECK(gibi["hats"] == nlohmann::json::array({"ptl"}));
    CHECK(gibi["sole_hats"] == nlohmann::json::array({"ptl"}));
    CHECK(gibi["capacity"] == Approx(0.8));
    CHECK(gibi["commitment"] == Approx(0.625));
    CHECK(gibi["commits"] == 14);
    CHECK(gibi["active_days"] == 14);
    CHECK(gibi["commit_share"] == Approx(14.0 / 39.0));
    CHECK(gibi["risk"] == "none");
    // stephen's last commit is 2025-03-15, over 90 days before the end: not an active holder,
    // so docs-liaison is not his sole hat.
    const auto& stephen = load["people"][3];
    CHECK(stephen["hats"] == nlohmann::json::array({"docs-liaison"}));
    CHECK(stephen["sole_hats"].empty());
    const auto& tkajinam = load["people"][5];
    CHECK(tkajinam["on_roster"] == false);
    CHECK(tkajinam["hats"].empty());
    CHECK(tkajinam["commits"] == 2);
}

TEST_CASE("load text and JSON agree", "[e2e][load]") {
    const auto repo = build_example("liaisons");
    const auto text = run_roles("load " + shell_quote(repo));
    const auto load = parse_json(run_roles("load " + shell_quote(repo) + " --format json").out);
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find(std::to_string(load["commits"].get<int>()) + " commits in the window; 6 people") !=
          std::string::npos);
    for (const auto& person : load["people"]) {
        const auto row = text_row(text.out, person["person"]);
        INFO("person " << person["person"] << " row: " << row);
        CHECK(row.find("  " + person["risk"].get<std::string>() + "  ") != std::string::npos);
        CHECK(row.find("  " + std::to_string(person["commits"].get<int>()) + "  ") != std::string::npos);
    }
}

// gibi's commits: 12 at 12:00 UTC with +02:00 (14:00 local), all on Fridays (2025-04-04 and
// every 14 days); "Tune tox env" 2025-09-16 (a Tuesday) 12:00 +00:00; the release prep
// 2025-09-29 (a Monday) 12:00 UTC at +02:00 = 14:00. So 13 at 14h, 1 at 12h.
TEST_CASE("load --person shows one person's local-time histograms and evidence", "[e2e][load]") {
    const auto repo = build_example("liaisons");
    const auto json = parse_json(run_roles("load " + shell_quote(repo) + " --person gibi --format json").out);
    CHECK(json["person"] == "gibi");
    REQUIRE(json["people"].size() == 1);
    const auto& gibi = json["people"][0];
    CHECK(gibi["by_hour"][14] == 13);
    CHECK(gibi["by_hour"][12] == 1);
    CHECK(gibi["by_weekday"][4] == 12);
    CHECK(gibi["by_weekday"][1] == 1);
    CHECK(gibi["by_weekday"][0] == 1);
    // Evidence: ptl (held, no item in the window credits him: README.rst was stephen's),
    // release-liaison 1 of 10 (the release prep note), tact-sig-liaison 1 of 3 (tox.ini).
    REQUIRE(gibi["evidence"].size() == 3);
    CHECK(gibi["evidence"][0]["hat"] == "ptl");
    CHECK(gibi["evidence"][0]["held"] == true);
    CHECK(gibi["evidence"][1]["hat"] == "release-liaison");
    CHECK(gibi["evidence"][1]["evidence"] == 1);
    CHECK(gibi["evidence"][1]["items"] == 10);
    CHECK(gibi["evidence"][2]["hat"] == "tact-sig-liaison");
    CHECK(gibi["evidence"][2]["last"] == "2025-09-16");

    const auto text = run_roles("load " + shell_quote(repo) + " --person gibi");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("person: gibi (Balazs Gibizer, Example Corp)\n") != std::string::npos);
    CHECK(text.out.find("\n14          13       " + std::string(40, '#') + "\n") != std::string::npos);
}

TEST_CASE("load --person with an unknown key is a usage error with a suggestion", "[e2e][load]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("load " + shell_quote(repo) + " --person gibbi");
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err ==
          "roles: error: --person: no person 'gibbi' on the roster or active in the window (did you mean "
          "'gibi'?)\n");
}

// With `thresholds: {many_hats: 1, sole_holder_hats: 1}` everyone holding a hat gets
// many-hats; gibi, elod, melanie and sylvain are also sole active holders of theirs: medium.
// stephen (inactive holder) only gets many-hats: low. takashi-kajinami holds nothing: none.
TEST_CASE("roster thresholds override the defaults", "[e2e][load]") {
    const auto repo = build_example("liaisons");
    const auto roster = roles::test::make_temp_dir() + "/ROLES.yaml";
    {
        std::ifstream original(repo + "/ROLES.yaml");
        std::ofstream copy(roster);
        std::string text((std::istreambuf_iterator<char>(original)), std::istreambuf_iterator<char>());
        const std::string old_line = "thresholds: {min_evidence_items: 1}\n";
        REQUIRE(text.find(old_line) != std::string::npos);
        text.replace(text.find(old_line), old_line.size(), "");
        copy << text << "thresholds: {many_hats: 1, sole_holder_hats: 1, min_evidence_items: 1}\n";
    }
    const auto load = parse_json(
        run_roles("load " + shell_quote(repo) + " --roster " + shell_quote(roster) + " --format json").out);
    CHECK(load["thresholds"]["many_hats"] == 1);
    std::map<std::string, std::string> risk;
    for (const auto& person : load["people"]) risk[person["person"]] = person["risk"];
    CHECK(risk["gibi"] == "medium");
    CHECK(risk["elod"] == "medium");
    CHECK(risk["stephen"] == "low");
    CHECK(risk["takashi-kajinami"] == "none");
    CHECK(load["people"][0]["person"] == "gibi");  // medium, highest commitment
}

TEST_CASE("load has help with examples and runs without a roster", "[e2e][load]") {
    const auto help = run_roles("load --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--person") != std::string::npos);
    CHECK(help.out.find("Examples:") != std::string::npos);
    const auto repo = build_example("healthy", false);
    const auto run = run_roles("load " + shell_quote(repo) + " --format json");
    CHECK(run.exit_code == 0);
    const auto load = parse_json(run.out);
    CHECK(load["mode"] == "discovery");
    // Discovery mode: nobody holds a hat; ada and bo are there by their commits.
    REQUIRE(load["people"].size() == 2);
    CHECK(load["people"][0]["hats"].empty());
}
