// The SARIF renderer: rules per code, results located in the roster, levels from the gate,
// fingerprints that ignore lines; every document checked against the official SARIF 2.1.0
// schema and GitHub's upload rules (tests/support/check_sarif_github.py).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e/sarif_check.hpp"
#include "roles/report/ci.hpp"

using namespace roles;
using engine::FindingCode;

namespace {

engine::Finding located(FindingCode code, const std::string& hat, roster::SourcePos pos, engine::LocationOrigin origin,
                        engine::FindingGrade grade) {
    engine::Finding out;
    out.code = code;
    out.hat = hat;
    out.basis = engine::FindingBasis::no_evidence;
    out.location = {std::move(pos), origin};
    out.grade = grade;
    return out;
}

// A vacant hat the roster names (fails the gate), a single-point hat only its catalog
// defines and its thin evidence, and a person at high burnout risk.
engine::AuditResult sample(int vacant_line = 12) {
    engine::AuditResult result;
    result.project = "demo";
    result.roster_file = "/repo/ROLES.yaml";
    using engine::FindingGrade;
    using engine::LocationOrigin;
    result.findings.push_back(located(FindingCode::vacant, "security-contact", {"/repo/ROLES.yaml", vacant_line, 3},
                                      LocationOrigin::roster, FindingGrade::fails_gate));
    auto single = located(FindingCode::single_point, "ptl", {"/usr/share/roles/catalogs/openstack.yaml", 5, 3},
                          LocationOrigin::catalog, FindingGrade::warning);
    single.people = {{"alice", "alice", 0, 0.0}};
    result.findings.push_back(single);
    auto thin = located(FindingCode::thin_evidence, "ptl", single.location.pos, LocationOrigin::catalog,
                        FindingGrade::note);
    thin.items = 2;
    thin.needed = 5;
    result.findings.push_back(thin);
    auto burnout = located(FindingCode::burnout_high, "", {"/repo/ROLES.yaml", 3, 3}, LocationOrigin::roster,
                           FindingGrade::warning);
    burnout.person = "gibi";
    burnout.people = {{"gibi", "gibi", 0, 0.0}};
    burnout.signals = {engine::Signal::weekend};
    result.findings.push_back(burnout);
    return result;
}

report::CiView view_of(const engine::AuditResult& result) {
    report::CiView view;
    view.audits = {&result};
    view.fail_on = {"vacant"};
    view.passed = false;
    view.root = "/repo";
    view.catalog_dir = "/usr/share/roles/catalogs";
    view.homepage = "https://example.com/roles/README.md";
    return view;
}

}  // namespace

TEST_CASE("SARIF declares one rule per finding code with help into the README", "[report][sarif]") {
    const auto result = sample();
    const auto sarif = nlohmann::json::parse(report::render_sarif(view_of(result)));
    CHECK(sarif["version"] == "2.1.0");
    REQUIRE(sarif["runs"].size() == 1);
    const auto& run = sarif["runs"][0];
    const auto& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "roles");
    CHECK(driver["version"] == ROLES_TEST_VERSION);
    // Every code but ok, in code order.
    std::vector<std::string> ids;
    for (const auto& rule : driver["rules"]) ids.push_back(rule["id"]);
    CHECK(ids == std::vector<std::string>{"vacant", "understaffed", "stale", "single-point", "shadowed", "unassigned",
                                          "thin-evidence", "burnout-high"});
    CHECK(driver["informationUri"] == "https://example.com/roles/README.md");
    CHECK(driver["rules"][0]["helpUri"] == "https://example.com/roles/README.md#finding-vacant");
    CHECK(std::string(driver["rules"][0]["help"]["markdown"])
              .ends_with(" [More about `vacant`](https://example.com/roles/README.md#finding-vacant)"));
    CHECK(driver["rules"][0]["name"] == "VacantHat");
    CHECK(run["automationDetails"]["id"] == "roles/audit/demo/");
    CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/");
    CHECK(run["originalUriBaseIds"]["ROLESCATALOGS"]["uri"] == "file:///usr/share/roles/catalogs/");
}

TEST_CASE("SARIF without a homepage carries its help text and no address at all", "[report][sarif]") {
    const auto result = sample();
    auto view = view_of(result);
    view.homepage.clear();
    const auto text = report::render_sarif(view);
    const auto sarif = nlohmann::json::parse(text);
    const auto& driver = sarif["runs"][0]["tool"]["driver"];
    CHECK_FALSE(driver.contains("informationUri"));
    REQUIRE(driver["rules"].size() == 8);
    for (const auto& rule : driver["rules"]) {
        CHECK_FALSE(rule.contains("helpUri"));
        CHECK(rule["help"]["text"] == rule["help"]["markdown"]);
        CHECK_FALSE(rule["help"]["text"].get<std::string>().empty());
    }
    CHECK(text.find("#finding-") == std::string::npos);
    const auto verdict = test::check_sarif(text);
    INFO(verdict.out + verdict.err);
    CHECK(verdict.exit_code == 0);
}

TEST_CASE("SARIF results are located in the roster with levels from the gate", "[report][sarif]") {
    const auto result = sample();
    const auto sarif = nlohmann::json::parse(report::render_sarif(view_of(result)));
    const auto& results = sarif["runs"][0]["results"];
    REQUIRE(results.size() == 4);
    const auto& vacant = results[0];
    CHECK(vacant["ruleId"] == "vacant");
    CHECK(vacant["ruleIndex"] == 0);
    CHECK(vacant["level"] == "error");
    CHECK(vacant["message"]["text"] ==
          "security-contact: required hat with no holder and no evidence in the window; appoint someone");
    const auto& where = vacant["locations"][0]["physicalLocation"];
    CHECK(where["artifactLocation"]["uri"] == "ROLES.yaml");
    CHECK(where["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(where["region"]["startLine"] == 12);
    CHECK(where["region"]["startColumn"] == 3);
    // The catalog hat is shown at the top of the roster, with its catalog entry related.
    const auto& single = results[1];
    CHECK(single["level"] == "warning");
    CHECK(single["ruleIndex"] == 3);
    CHECK(single["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
    const auto& definition = single["relatedLocations"][0]["physicalLocation"];
    CHECK(definition["artifactLocation"]["uri"] == "openstack.yaml");
    CHECK(definition["artifactLocation"]["uriBaseId"] == "ROLESCATALOGS");
    CHECK(definition["region"]["startLine"] == 5);
    CHECK(results[2]["level"] == "note");
    CHECK(results[3]["ruleId"] == "burnout-high");
    CHECK(results[3]["message"]["text"] ==
          "burnout:gibi: gibi is at high burnout risk (signals: weekend); see 'roles load --person gibi'");
}

TEST_CASE("SARIF fingerprints follow the code and subject, not the line", "[report][sarif]") {
    const auto before = sample(12);
    const auto after = sample(40);  // the hat moved down the roster
    const auto a = nlohmann::json::parse(report::render_sarif(view_of(before)))["runs"][0]["results"];
    const auto b = nlohmann::json::parse(report::render_sarif(view_of(after)))["runs"][0]["results"];
    CHECK(a[0]["partialFingerprints"] == b[0]["partialFingerprints"]);
    CHECK(a[0]["locations"] != b[0]["locations"]);
    // Same hat, other code: another alert.
    CHECK(a[1]["partialFingerprints"] != a[2]["partialFingerprints"]);
    CHECK(a[0]["partialFingerprints"]["rolesFinding/v1"] == report::stable_hash(std::string("vacant") + '\0' +
                                                                               "security-contact"));
}

TEST_CASE("SARIF output passes the official schema and GitHub's upload rules", "[report][sarif]") {
    const auto result = sample();
    const auto text = report::render_sarif(view_of(result));
    const auto verdict = test::check_sarif(text);
    INFO(verdict.out + verdict.err);
    CHECK(verdict.exit_code == 0);
    CHECK(verdict.out.find("valid (4 results, 8 rules)") != std::string::npos);
    // The checker is no rubber stamp: a result without its message, or naming no rule, fails.
    auto broken = nlohmann::json::parse(text);
    broken["runs"][0]["results"][0].erase("message");
    broken["runs"][0]["results"][1]["ruleId"] = "nonsense";
    const auto rejected = test::check_sarif(broken.dump());
    CHECK(rejected.exit_code == 1);
    CHECK(rejected.out.find("schema: /runs/0/results/0: 'message' is a required property") != std::string::npos);
    CHECK(rejected.out.find("runs[0].results[1]: ruleId 'nonsense' is not a rule of the driver") != std::string::npos);
}
