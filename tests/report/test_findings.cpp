// The words of every finding code (report/findings.hpp): one table, every code in it, and
// each message written from the arguments alone. Expectations written by hand.
#include <set>

#include <catch2/catch.hpp>

#include "roles/report/findings.hpp"

using namespace roles;
using engine::Finding;
using engine::FindingBasis;
using engine::FindingCode;

namespace {

Finding finding(FindingCode code, FindingBasis basis = FindingBasis::evidence) {
    Finding out;
    out.code = code;
    out.basis = basis;
    out.hat = "ptl";
    return out;
}

}  // namespace

TEST_CASE("the table has every code once, in code order, with all its words", "[report][findings]") {
    const auto table = report::finding_table();
    REQUIRE(table.size() == engine::k_finding_codes);
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < table.size(); ++i) {
        CHECK(static_cast<std::size_t>(table[i].code) == i);
        CHECK_FALSE(table[i].short_description.empty());
        CHECK_FALSE(table[i].full_description.empty());
        CHECK_FALSE(table[i].help.empty());
        CHECK(table[i].message != nullptr);
        names.insert(table[i].name);
    }
    CHECK(names.size() == table.size());
    CHECK(report::finding_help_uri(FindingCode::single_point, "https://example.com/roles/README.md") ==
          "https://example.com/roles/README.md#finding-single-point");
    CHECK(report::finding_help_uri(FindingCode::single_point, "").empty());
}

TEST_CASE("vacant, understaffed and unassigned name the candidates and thin evidence", "[report][findings]") {
    auto vacant = finding(FindingCode::vacant, FindingBasis::no_evidence);
    CHECK(report::finding_message(vacant) ==
          "required hat with no holder and no evidence in the window; appoint someone");
    vacant.basis = FindingBasis::evidence;
    vacant.people = {{"bob", "Bob B", 3, 0.75}, {"alice", "alice", 1, 0.25}};
    vacant.thin = engine::ThinEvidence{4, 5};
    CHECK(report::finding_message(vacant) == "required hat with no holder; candidates by evidence: Bob B (75%, 3 items), "
                                             "alice (25%, 1 item); evidence too thin to judge (4 items of the 5 needed)");
    auto understaffed = finding(FindingCode::understaffed);
    understaffed.count = 1;
    understaffed.needed = 2;
    CHECK(report::finding_message(understaffed) == "1 of 2 holders needed; nobody else did its work");
    auto unassigned = finding(FindingCode::unassigned, FindingBasis::optional_hat);
    CHECK(report::finding_message(unassigned) == "optional hat, nobody assigned; nobody did its work in the window");
    unassigned.basis = FindingBasis::no_roster;
    unassigned.people = {{"bob", "bob", 1, 1.0}};
    CHECK(report::finding_message(unassigned) == "no roster; doing its work: bob (100%, 1 item)");
}

TEST_CASE("stale names each holder's last activity and its kind", "[report][findings]") {
    auto stale = finding(FindingCode::stale);
    stale.days = 90;
    // 1704153600 is 2024-01-02T00:00Z.
    stale.people = {{"gibi", "gibi", 0, 0.0, 1704153600, roster::ActivityKind::acked},
                    {"bob", "bob", 0, 0.0, std::nullopt}};
    CHECK(report::finding_message(stale) ==
          "every holder inactive for over 90d (gibi last active 2024-01-02 (acked), bob never active); "
          "confirm or replace them");
}

TEST_CASE("single-point words follow what decided it", "[report][findings]") {
    auto single = finding(FindingCode::single_point);
    single.people = {{"alice", "alice", 19, 0.0}};
    single.items = 20;
    single.share = 0.10;
    CHECK(report::finding_message(single) ==
          "alice is the only active holder and nobody else did 10% of its 20 evidence items; find a backup");
    single.basis = FindingBasis::roster_only;
    CHECK(report::finding_message(single) == "alice is the only holder; find a backup");
    single.basis = FindingBasis::no_evidence;
    CHECK(report::finding_message(single) ==
          "alice is the only active holder and nobody else shares the hat; find a backup");
    single.basis = FindingBasis::thin_evidence;
    single.thin = engine::ThinEvidence{1, 5};
    CHECK(report::finding_message(single) == "alice is the only active holder; evidence too thin to judge (1 item of "
                                             "the 5 needed), so nobody else's share counts as a backup; find a backup");
}

TEST_CASE("shadowed, ok, thin-evidence and burnout-high", "[report][findings]") {
    auto shadowed = finding(FindingCode::shadowed);
    shadowed.people = {{"bob", "bob", 6, 0.6}};
    CHECK(report::finding_message(shadowed) ==
          "bob did 60% (6 items) of its evidence without holding it; add them as holders or hand the work back");
    auto ok = finding(FindingCode::ok);
    ok.count = 1;
    ok.items = 4;
    ok.share = 0.0;
    ok.thin = engine::ThinEvidence{4, 5};
    ok.people = {{"bob", "bob", 4, 1.0}};
    CHECK(report::finding_message(ok) == "1 active holder; holders did 0% of 4 evidence items; evidence too thin to "
                                         "judge (4 items of the 5 needed): bob did 100% (4 items) without holding it");
    auto thin = finding(FindingCode::thin_evidence, FindingBasis::thin_evidence);
    thin.items = 2;
    thin.needed = 5;
    CHECK(report::finding_message(thin) == "2 of the 5 evidence items needed for anyone's share to decide the status; "
                                           "the status follows the roster alone");
    Finding burnout;
    burnout.code = FindingCode::burnout_high;
    burnout.person = "gibi";
    burnout.people = {{"gibi", "Balazs Gibizer", 0, 0.0}};
    burnout.signals = {engine::Signal::after_hours, engine::Signal::sole_holder};
    CHECK(report::finding_message(burnout) == "Balazs Gibizer [gibi] is at high burnout risk (signals: after-hours, "
                                              "sole-holder); see 'roles load --person gibi'");
}
