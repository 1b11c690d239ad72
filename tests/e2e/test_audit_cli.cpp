// End-to-end: the real binary on examples/ (built from their fast-import streams).
// Expected values are worked out by hand from examples/*/history.fi and ROLES.yaml.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::run_roles;
using roles::test::parse_json;
using roles::test::shell_quote;
using roles::test::text_row;

namespace {

std::string status_of(const nlohmann::json& audit, const std::string& hat) {
    for (const auto& h : audit["hats"]) {
        if (h["id"] == hat) return h["status"];
    }
    FAIL("no hat " << hat);
    return {};
}


}  // namespace

TEST_CASE("audit of the liaisons example finds each problem it was built with", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto json_run = run_roles("audit " + shell_quote(repo) + " --format json");
    // security-liaison is vacant and the default gate is --fail-on vacant.
    REQUIRE(json_run.exit_code == 1);
    const auto audit = parse_json(json_run.out);
    CHECK(audit["schema"] == "roles.audit/1");
    CHECK(audit["project"] == "nova-mini");
    // README.rst was only touched by stephen's initial import: 1 of 1 items, not a holder.
    CHECK(status_of(audit, "ptl") == "shadowed");
    // min 2, one holder.
    CHECK(status_of(audit, "release-liaison") == "understaffed");
    // Closes-Bug trailers: sylvain 5, melanie 6 (lower-case key) -> melanie 6/11 = 55%.
    CHECK(status_of(audit, "bug-liaison") == "shadowed");
    // .zuul.yaml/tox.ini: melanie 3 of 3 (once as co-author), gibi 1 of 3 = 33% >= 10%.
    CHECK(status_of(audit, "tact-sig-liaison") == "ok");
    CHECK(status_of(audit, "security-liaison") == "vacant");
    // stephen's last commit is 200 days before 2025-10-01: 2025-03-15.
    CHECK(status_of(audit, "docs-liaison") == "stale");
    // sylvain's term ended 2025-06-30: a former holder of an optional hat.
    CHECK(status_of(audit, "stable-liaison") == "unassigned");
    for (const auto& hat : {"oslo-liaison", "i18n-liaison", "qa-liaison"}) CHECK(status_of(audit, hat) == "unassigned");

    // 39 human commits: stephen 3, gibi 14, elod 6 (two spellings), sylvain 6, melanie 8, takashi 2;
    // Zuul and dependabot made the other 2.
    CHECK(audit["totals"]["commits"] == 39);
    CHECK(audit["totals"]["bot_commits"] == 2);
    CHECK(audit["totals"]["contributors"] == 6);
    CHECK(audit["totals"]["hats"] == 10);
    CHECK(audit["gate"]["failed"] == nlohmann::json::array({"security-liaison"}));

    for (const auto& hat : audit["hats"]) {
        if (hat["id"] == "security-liaison") {
            CHECK(hat["reason"] == "required hat with no holder; candidates by evidence: Takashi Kajinami (100%, 2 items)");
        }
        if (hat["id"] == "release-liaison") {
            // 8 release notes + setup.cfg + the 31.0.0 tag by elod = 10 items; elod 6 notes + tag = 7.
            CHECK(hat["evidence"]["items"] == 10);
            CHECK(hat["reason"] == "1 of 2 holders needed; candidates by evidence: gibi (10%, 1 item), stephen (10%, 1 item), sylvain (10%, 1 item)");
        }
        if (hat["id"] == "docs-liaison") {
            CHECK(hat["reason"] == "every holder inactive for over 90d (stephen last active 2025-03-15); confirm or replace them");
        }
        if (hat["id"] == "stable-liaison") CHECK(hat["former_holders"] == nlohmann::json::array({"sylvain"}));
    }
}

TEST_CASE("text and JSON of the same audit agree", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto text_run = run_roles("audit " + shell_quote(repo));
    const auto json_run = run_roles("audit " + shell_quote(repo) + " --format json");
    REQUIRE(text_run.exit_code == json_run.exit_code);
    const auto audit = parse_json(json_run.out);
    const auto& totals = audit["totals"];
    const std::string counts = std::to_string(totals["commits"].get<int>()) + " commits by " +
                               std::to_string(totals["contributors"].get<int>()) + " people";
    CHECK(text_run.out.find(counts) != std::string::npos);
    for (const auto& hat : audit["hats"]) {
        const auto row = text_row(text_run.out, hat["id"]);
        INFO("hat " << hat["id"] << " row: " << row);
        CHECK(row.find("  " + hat["status"].get<std::string>() + "  ") != std::string::npos);
        CHECK(row.find("  " + std::to_string(hat["evidence"]["items"].get<int>()) + "  ") != std::string::npos);
        CHECK(row.find(hat["reason"].get<std::string>()) != std::string::npos);
    }
    CHECK(text_run.out.find("gate: failed (--fail-on vacant): security-liaison") != std::string::npos);
}

TEST_CASE("the gate given by --fail-on decides the exit code", "[e2e]") {
    const auto repo = build_example("liaisons");
    CHECK(run_roles("audit " + shell_quote(repo) + " --fail-on none").exit_code == 0);
    CHECK(run_roles("audit " + shell_quote(repo) + " --fail-on stale").exit_code == 1);
    CHECK(run_roles("audit " + shell_quote(repo) + " --fail-on single-point").exit_code == 0);
    const auto typo = run_roles("audit " + shell_quote(repo) + " --fail-on vacnat");
    CHECK(typo.exit_code == 2);
    CHECK(typo.err == "roles: error: --fail-on: unknown value 'vacnat' (did you mean 'vacant'?)\n");
}

TEST_CASE("a healthy project passes even --fail-on any", "[e2e]") {
    const auto repo = build_example("healthy");
    const auto run = run_roles("audit " + shell_quote(repo) + " --fail-on any --format json");
    CHECK(run.exit_code == 0);
    const auto audit = parse_json(run.out);
    // 17 commits: initial, 10 features, 2 CI, 2 security, 2 releases; ada and bo.
    CHECK(audit["totals"]["commits"] == 17);
    CHECK(audit["totals"]["contributors"] == 2);
    CHECK(audit["totals"]["by_status"]["ok"] == 6);
    for (const auto& hat : audit["hats"]) {
        // release-manager: 13 changelog commits + 2 tags; reviewer: 10 Reviewed-by trailers.
        if (hat["id"] == "release-manager") CHECK(hat["evidence"]["items"] == 15);
        if (hat["id"] == "reviewer") CHECK(hat["evidence"]["items"] == 10);
    }
}

TEST_CASE("without a roster, audit runs in discovery mode and exits 0", "[e2e]") {
    const auto repo = build_example("healthy", false);
    const auto run = run_roles("audit " + shell_quote(repo) + " --format json");
    CHECK(run.exit_code == 0);
    const auto audit = parse_json(run.out);
    CHECK(audit["mode"] == "discovery");
    CHECK(audit["totals"]["by_status"]["unassigned"] == 6);
    const auto required = run_roles("audit " + shell_quote(repo) + " --require-roster");
    CHECK(required.exit_code == 2);
    CHECK(required.err == "roles: error: --require-roster: no roster at '" + repo + "/ROLES.yaml'\n");
}

TEST_CASE("bad input exits 2 with a clear message", "[e2e]") {
    SECTION("a path that is not a repository") {
        const auto dir = roles::test::make_temp_dir();
        const auto run = run_roles("audit " + shell_quote(dir));
        CHECK(run.exit_code == 2);
        CHECK(run.err.starts_with("roles: error: "));
        CHECK(run.err.find("not a git repository") != std::string::npos);
    }
    SECTION("an unknown command gets a suggestion") {
        const auto run = run_roles("audti");
        CHECK(run.exit_code == 2);
        CHECK(run.err == "roles: error: unknown command 'audti': did you mean 'audit'?\n");
    }
    SECTION("an unknown flag") {
        const auto run = run_roles("audit --bogus");
        CHECK(run.exit_code == 2);
        CHECK(run.err.starts_with("roles: error: bad usage: "));
    }
    SECTION("an invalid roster is reported with its position, and nothing is analysed") {
        const auto repo = build_example("healthy");
        const auto roster = roles::test::make_temp_dir() + "/ROLES.yaml";
        REQUIRE(roles::test::run_shell("printf 'hats:\\n  lead: {holdres: [ada]}\\n' > " + shell_quote(roster))
                    .exit_code == 0);
        const auto run = run_roles("audit " + shell_quote(repo) + " --roster " + shell_quote(roster));
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err.find(roster + ":2:10: ") != std::string::npos);
        CHECK(run.err.find("did you mean 'holders'?") != std::string::npos);
    }
}

TEST_CASE("validate and hats work without a repository", "[e2e]") {
    const auto valid = run_roles("validate " + shell_quote(std::string(ROLES_SOURCE_DIR) + "/examples/liaisons/ROLES.yaml"));
    CHECK(valid.exit_code == 0);
    CHECK(valid.out.find(": valid: 1 project, 10 hats") != std::string::npos);
    const auto hats = run_roles("hats --catalog openstack --format json");
    CHECK(hats.exit_code == 0);
    const auto json = parse_json(hats.out);
    CHECK(json["schema"] == "roles.hats/1");
    CHECK(json["catalogs"][0]["hats"].size() == 10);
    const auto help = run_roles("audit --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Examples:") != std::string::npos);
}

TEST_CASE("repositories of every shape: empty, shallow, bare, a subdirectory", "[e2e]") {
    using roles::test::run_shell;
    SECTION("an empty repository is an input error") {
        const auto dir = roles::test::make_temp_dir() + "/empty";
        REQUIRE(run_shell("git init -q " + shell_quote(dir)).exit_code == 0);
        const auto run = run_roles("audit " + shell_quote(dir));
        CHECK(run.exit_code == 2);
        CHECK(run.err == "roles: error: reading repository '" + dir + "': repository has no commits yet\n");
    }
    SECTION("a shallow clone is refused, and with --allow-shallow analysed with a warning") {
        const auto repo = build_example("liaisons");
        const auto clone = roles::test::make_temp_dir() + "/shallow";
        REQUIRE(run_shell("git clone -q --depth 3 " + shell_quote("file://" + repo) + " " + shell_quote(clone) +
                          " && cp " + shell_quote(repo + "/ROLES.yaml") + " " + shell_quote(clone))
                    .exit_code == 0);
        const auto refused = run_roles("audit " + shell_quote(clone) + " --format json");
        CHECK(refused.exit_code == 2);
        CHECK(refused.out.empty());
        // Depth 3 of a history whose last three commits are in a line: 3 commits.
        CHECK(refused.err.ends_with("': the history is shallow (3 commits): fetch it whole (`git fetch --unshallow`, "
                                    "or `fetch-depth: 0` in actions/checkout), or give --allow-shallow to audit it "
                                    "as it is\n"));
        const auto run = run_roles("audit " + shell_quote(clone) + " --format json --allow-shallow");
        CHECK(run.exit_code == 1);
        const auto audit = parse_json(run.out);
        CHECK(audit["shallow"] == true);
        // Depth 3 keeps gibi's release prep, dependabot's and Zuul's commits: 1 human commit.
        CHECK(audit["totals"]["commits"] == 1);
        CHECK(audit["totals"]["bot_commits"] == 2);
        REQUIRE(audit["warnings"].size() == 1);
        CHECK(audit["warnings"][0].get<std::string>().starts_with("shallow clone: history is truncated"));
    }
    SECTION("a bare repository with an explicit roster") {
        const auto repo = build_example("liaisons");
        const auto bare = roles::test::make_temp_dir() + "/bare.git";
        REQUIRE(run_shell("git clone -q --bare " + shell_quote(repo) + " " + shell_quote(bare)).exit_code == 0);
        const auto run = run_roles("audit " + shell_quote(bare) + " --roster " + shell_quote(repo + "/ROLES.yaml") +
                                   " --format json");
        CHECK(run.exit_code == 1);
        CHECK(parse_json(run.out)["totals"]["commits"] == 39);
    }
    SECTION("a subdirectory of the work tree finds the roster at the root") {
        const auto repo = build_example("liaisons");
        const auto run = run_roles("audit " + shell_quote(repo + "/nova/scheduler") + " --format json");
        CHECK(run.exit_code == 1);
        CHECK(parse_json(run.out)["project"] == "nova-mini");
    }
}

// Worked out from examples/liaisons/history.fi. Source files at HEAD (setup.cfg, tox.ini,
// .zuul.yaml, requirements.txt, README.rst, doc/ and releasenotes/ are not source): 7, all in nova/.
//  - nova/__init__.py: stephen created it, nobody changed it -> stephen.
//  - nova/api.py: stephen created it, melanie changed it 6 times. stephen DOA = 3.293 + 1.098
//    - 0.321·ln 7 = 3.766; melanie 3.293 + 0.164·6 = 4.277; 3.766 / 4.277 = 0.88 > 0.75 -> both.
//  - nova/scheduler/s0..s2.py: gibi alone; nova/compute.py: sylvain; nova/console.py: takashi-kajinami.
// Greedy: gibi (3 files) leaves 4 of 7 covered (4·2 >= 7), stephen (2) leaves 3 (api.py keeps
// melanie): 3·2 < 7, so the truck factor is 2.
// Credited commits in the window (all 41 commits are in it): gibi 14, melanie 6 + 2 + 1 as
// co-author = 9, elod 6, sylvain 6, stephen 3, takashi-kajinami 2 = 40. gibi 14 is not more than 20;
// + melanie 23 is: contributor absence factor 2. Example Corp (gibi, elod) 20 is not more than
// 20; + Other Inc (melanie, sylvain) 15: elephant factor 2.
// tact-sig-liaison area (.zuul.yaml, tox.ini): melanie created both; on tox.ini gibi has DL 1,
// AC 0 (3.457) against melanie's FA + DL 1 (4.555): 0.76 > 0.75, so both author it. melanie
// (2 files) then gibi (1): truck factor 2. docs-liaison area (doc/**): stephen's 3 files: 1.
TEST_CASE("audit reports the project's truck factor, CHAOSS factors and people at risk", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo) + " --format json");
    const auto audit = parse_json(run.out);
    const auto& health = audit["health"];
    const auto& tf = health["truck_factor"];
    CHECK(tf["truck_factor"] == 2);
    CHECK(tf["files"] == 7);
    CHECK(tf["covered_after"] == 3);
    REQUIRE(tf["people"].size() == 2);
    CHECK(tf["people"][0]["person"] == "gibi");
    CHECK(tf["people"][0]["files"] == 3);
    CHECK(tf["people"][1]["person"] == "stephen");
    CHECK(tf["people"][1]["files"] == 2);
    REQUIRE(health["truck_factor_by_directory"].size() == 1);
    CHECK(health["truck_factor_by_directory"][0]["scope"] == "nova");
    CHECK(health["truck_factor_by_directory"][0]["truck_factor"] == 2);
    const auto& caf = health["contributor_absence_factor"];
    CHECK(caf["factor"] == 2);
    CHECK(caf["total_commits"] == 40);
    CHECK(caf["members"][0]["name"] == "gibi");
    CHECK(caf["members"][0]["commits"] == 14);
    CHECK(caf["members"][1]["name"] == "melanie");
    CHECK(caf["members"][1]["commits"] == 9);
    const auto& ef = health["elephant_factor"];
    CHECK(ef["factor"] == 2);
    CHECK(ef["members"][0]["name"] == "Example Corp");
    CHECK(ef["members"][0]["commits"] == 20);
    // People by id: roster people come first, in key order.
    CHECK(ef["members"][0]["people"] == nlohmann::json::array({"elod", "gibi"}));
    CHECK(ef["members"][1]["name"] == "Other Inc");
    CHECK(ef["members"][1]["commits"] == 15);
    for (const auto& hat : health["truck_factor_by_hat"]) {
        if (hat["scope"] == "tact-sig-liaison") {
            CHECK(hat["files"] == 2);
            CHECK(hat["truck_factor"] == 2);
            CHECK(hat["people"][0]["person"] == "melanie");
            CHECK(hat["people"][1]["person"] == "gibi");
        }
        if (hat["scope"] == "docs-liaison") {
            CHECK(hat["files"] == 3);
            CHECK(hat["truck_factor"] == 1);
            CHECK(hat["people"][0]["person"] == "stephen");
        }
    }
    CHECK(health["burnout_high"].empty());

    const auto text = run_roles("audit " + shell_quote(repo)).out;
    CHECK(text.find("  truck factor 2: gibi (3 files), stephen (2 files); without them 3 of 7 source files keep "
                    "an author\n") != std::string::npos);
    CHECK(text.find("  contributor absence factor 2: gibi 14, melanie 9 of 40 credited commits in the window\n") !=
          std::string::npos);
    CHECK(text.find("  high burnout risk: nobody\n") != std::string::npos);
}

// examples/healthy: source files src/main.c, f0.c, f2.c (ada created them, only ada changed
// them), f1.c and f3.c (bo). On f1.c ada's one change (DL 1, AC 2: 3.104) is 0.69 of bo's
// (FA, DL 2, AC 1: 4.497), so not an author. ada (3 files) leaves 2 of 5: truck factor 1.
// ci-keeper's area (.github/workflows/ci.yml): ada created it, bo and ada changed it once
// each; bo's 3.235 is 0.747 of ada's 4.333, not above 0.75: truck factor 1 (ada).
// Commits: ada 9, bo 8 of 17: ada alone is more than half; both write from example.com.
TEST_CASE("a healthy two-person project still has a truck factor of 1", "[e2e]") {
    const auto repo = build_example("healthy");
    const auto audit = parse_json(run_roles("audit " + shell_quote(repo) + " --format json").out);
    const auto& health = audit["health"];
    CHECK(health["truck_factor"]["truck_factor"] == 1);
    CHECK(health["truck_factor"]["people"][0]["person"] == "ada");
    CHECK(health["truck_factor"]["people"][0]["files"] == 3);
    CHECK(health["contributor_absence_factor"]["factor"] == 1);
    CHECK(health["elephant_factor"]["factor"] == 1);
    CHECK(health["elephant_factor"]["members"][0]["name"] == "example.com");
    REQUIRE(health["truck_factor_by_hat"].size() == 1);
    CHECK(health["truck_factor_by_hat"][0]["scope"] == "ci-keeper");
    CHECK(health["truck_factor_by_hat"][0]["truck_factor"] == 1);
    REQUIRE(health["truck_factor_by_hat"][0]["people"].size() == 1);
    CHECK(health["truck_factor_by_hat"][0]["people"][0]["person"] == "ada");
}

// The liaisons history with a roster that piles five hats on gibi (capacity 0.8): ptl 0.5,
// release and security liaisons by fallback from ptl, bug and docs liaisons 0.1 each:
// 0.9 / 0.8 = 1.125 > 1 (over-committed), 5 >= 3 hats (many-hats), sole active holder of all
// 5 (sole-holder): three signals, high risk.
TEST_CASE("the burnout-high gate fails for people at high risk", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto roster = roles::test::make_temp_dir() + "/ROLES.yaml";
    std::ofstream(roster) << "project: nova-mini\ncatalogs: [openstack]\n"
                             "hats:\n  ptl: {holders: [gibi]}\n  bug-liaison: {holders: [gibi]}\n"
                             "  docs-liaison: {holders: [gibi]}\n  tact-sig-liaison: {holders: [melanie]}\n"
                             "people:\n  gibi: {name: Balazs Gibizer, emails: [gibi@example.com], capacity: 0.8}\n"
                             "  melanie: {name: Melanie Witt, emails: [melwitt@example.org]}\n";
    const auto args = "audit " + shell_quote(repo) + " --roster " + shell_quote(roster);
    CHECK(run_roles(args + " --fail-on vacant").exit_code == 0);
    const auto run = run_roles(args + " --fail-on burnout-high --format json");
    CHECK(run.exit_code == 1);
    const auto audit = parse_json(run.out);
    CHECK(audit["gate"]["failed"] == nlohmann::json::array({"burnout:gibi"}));
    REQUIRE(audit["health"]["burnout_high"].size() == 1);
    CHECK(audit["health"]["burnout_high"][0]["signals"] ==
          nlohmann::json::array({"over-committed", "many-hats", "sole-holder"}));
    const auto text = run_roles(args + " --fail-on burnout-high");
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("  high burnout risk: gibi (over-committed 1.12, many-hats 5, sole-holder 5)") !=
          std::string::npos);
    CHECK(text.out.find("gate: failed (--fail-on burnout-high): burnout:gibi\n") != std::string::npos);
}

TEST_CASE("an inverted window and a failed write are input errors, not empty reports", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto inverted = run_roles("audit " + shell_quote(repo) + " --since 2025-09-01 --until 2025-01-01");
    CHECK(inverted.exit_code == 2);
    CHECK(inverted.err ==
          "roles: error: window: it starts on 2025-09-01 but ends on 2025-01-01 (check --since and --until)\n");
    CHECK(run_roles("load " + shell_quote(repo) + " --since 2099-01-01").exit_code == 2);
    const auto full = roles::test::run_shell(shell_quote(ROLES_BINARY) + " audit " + shell_quote(repo) + " >/dev/full");
    CHECK(full.exit_code == 2);
    CHECK(full.err == "roles: error: writing stdout: no space left on device\n");
}

TEST_CASE("names that are not UTF-8 still give valid JSON", "[e2e]") {
    using roles::test::run_shell;
    const auto dir = roles::test::make_temp_dir() + "/latin1";
    // A fast-import stream whose author name is Latin-1 "Jos\xe9" (one byte, not UTF-8).
    const std::string stream = "commit refs/heads/main\\nauthor Jos\\351 <jose@example.com> 1700000000 +0000\\n"
                               "committer Jos\\351 <jose@example.com> 1700000000 +0000\\ndata 3\\nfix\\n"
                               "M 100644 inline a.c\\ndata 2\\nx\\n\\n";
    REQUIRE(run_shell("git init -q -b main " + shell_quote(dir) + " && printf '" + stream + "' | git -C " + shell_quote(dir) +
                      " fast-import --quiet")
                .exit_code == 0);
    const auto run = run_roles("audit " + shell_quote(dir) + " --format json");
    CHECK(run.exit_code == 0);
    const auto audit = parse_json(run.out);
    CHECK(audit["totals"]["commits"] == 1);
}

TEST_CASE("validate reports an invalid roster as JSON when asked", "[e2e]") {
    const auto roster = roles::test::make_temp_dir() + "/ROLES.yaml";
    REQUIRE(roles::test::run_shell("printf 'hats:\\n  lead: {holdres: [ada]}\\n' > " + shell_quote(roster)).exit_code == 0);
    const auto run = run_roles("validate " + shell_quote(roster) + " --format json");
    CHECK(run.exit_code == 2);
    const auto json = parse_json(run.out);
    CHECK(json["valid"] == false);
    REQUIRE(json["problems"].size() == 1);
    CHECK(json["problems"][0].get<std::string>().starts_with(roster + ":2:10: unknown key 'holdres'"));
}

TEST_CASE("former holders are shown in the text table", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto run = run_roles("audit " + shell_quote(repo));
    // sylvain's stable-liaison term ended on 2025-06-30.
    CHECK(text_row(run.out, "stable-liaison").find("- (former: sylvain)") != std::string::npos);
}

TEST_CASE("one thread and two give the same audit, cold and warm", "[e2e][parallel]") {
    // --threads 1 also runs the analysis serially; two threads compute the project factors
    // beside the hats and read the cache files in parallel. The reports must be identical.
    for (const char* example : {"liaisons", "cycles"}) {
        INFO(example);
        const auto repo = build_example(example);
        const auto cache = roles::test::make_temp_dir();
        const auto audit = [&](const std::string& threads) {
            return run_roles("audit " + shell_quote(repo) + " --format json --fail-on none --cache-dir " +
                             shell_quote(cache) + " --threads " + threads);
        };
        const auto cold_one = audit("1");
        REQUIRE(cold_one.exit_code == 0);
        const auto warm_two = audit("2");
        const auto warm_one = audit("1");
        std::filesystem::remove_all(cache);
        const auto cold_two = audit("2");
        CHECK(warm_two.out == cold_one.out);
        CHECK(warm_one.out == cold_one.out);
        CHECK(cold_two.out == cold_one.out);
        // Not vacuous: the report has the project section the second thread computes.
        CHECK(parse_json(cold_one.out)["health"]["truck_factor"]["files"].get<int>() > 0);
    }
}

TEST_CASE("audit --active-within sets who is gone for the absence-aware truck factor", "[e2e]") {
    const auto repo = build_example("liaisons");
    const auto bad = run_roles("audit " + shell_quote(repo) + " --active-within soon");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "roles: error: --active-within: 'soon' is not a duration such as 90d, 12w, 6m or 1y\n");
    const auto year = parse_json(run_roles("audit " + shell_quote(repo) + " --format json --fail-on none").out);
    CHECK(year["health"]["active_within"]["days"] == 365);
    CHECK(year["health"]["truck_factor"].contains("absence_aware"));
    const auto week = parse_json(run_roles("audit " + shell_quote(repo) + " --format json --fail-on none --active-within 7d").out);
    CHECK(week["health"]["active_within"]["days"] == 7);
    // A shorter horizon can only send more people away.
    CHECK(week["health"]["active_within"]["gone_authors"].size() >= year["health"]["active_within"]["gone_authors"].size());
}
