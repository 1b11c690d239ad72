// GitHub Actions workflow commands: one annotation per finding, graded by the gate, located
// in the roster, escaped as GitHub reads them; then the gate. Expectations written by hand.
#include <catch2/catch.hpp>

#include "roles/report/ci.hpp"

using namespace roles;
using engine::FindingCode;
using engine::FindingGrade;
using engine::LocationOrigin;

TEST_CASE("github annotations per finding and the gate", "[report][github]") {
    engine::AuditResult result;
    result.project = "demo";
    result.roster_file = "/repo/ROLES.yaml";
    engine::Finding vacant;
    vacant.code = FindingCode::vacant;
    vacant.basis = engine::FindingBasis::no_evidence;
    vacant.hat = "security-contact";
    vacant.location = {{"/repo/ROLES.yaml", 12, 3}, LocationOrigin::roster};
    vacant.grade = FindingGrade::fails_gate;
    engine::Finding thin;
    thin.code = FindingCode::thin_evidence;
    thin.hat = "ptl";
    thin.items = 2;
    thin.needed = 5;
    thin.location = {{"/usr/share/roles/catalogs/openstack.yaml", 5, 3}, LocationOrigin::catalog};
    engine::Finding burnout;
    burnout.code = FindingCode::burnout_high;
    burnout.person = "gibi";
    burnout.people = {{"gibi", "Gibi, B.", 0, 0.0}};
    burnout.signals = {engine::Signal::weekend};
    burnout.location = {{"/repo/ROLES.yaml", 3, 3}, LocationOrigin::roster};
    burnout.grade = FindingGrade::warning;
    result.findings = {vacant, thin, burnout};
    report::CiView view{{&result}, {"vacant"}, false, false, "/repo", "/usr/share/roles/catalogs"};
    CHECK(report::render_github(view) ==
          "::error file=ROLES.yaml,line=12,col=3,title=roles%3A security-contact (vacant)::security-contact: required "
          "hat with no holder and no evidence in the window; appoint someone\n"
          // A hat only its catalog defines is shown at the top of the roster.
          "::notice file=ROLES.yaml,line=1,col=1,title=roles%3A ptl (thin-evidence)::ptl: 2 of the 5 evidence items "
          "needed for anyone's share to decide the status; the status follows the roster alone\n"
          "::warning file=ROLES.yaml,line=3,col=3,title=roles%3A burnout%3Agibi (burnout-high)::burnout:gibi: Gibi, "
          "B. [gibi] is at high burnout risk (signals: weekend); see 'roles load --person gibi'\n"
          "::error title=roles gate::gate: failed (--fail-on vacant): 1 finding\n");
}

TEST_CASE("github annotations outside the repository carry no file and a passed gate is a notice", "[report][github]") {
    engine::AuditResult result;
    result.project = "demo";
    engine::Finding unassigned;
    unassigned.code = FindingCode::unassigned;
    unassigned.basis = engine::FindingBasis::no_roster;
    unassigned.hat = "triager";
    unassigned.location = {{"/usr/share/roles/catalogs/generic.yaml", 40, 3}, LocationOrigin::catalog};
    result.findings = {unassigned};
    report::CiView view{{&result}, {"vacant", "stale"}, true, false, "/repo", "/usr/share/roles/catalogs"};
    CHECK(report::render_github(view) ==
          "::notice title=roles%3A triager (unassigned)::triager: no roster; nobody did its work in the window\n"
          "::notice title=roles gate::gate: passed (--fail-on vacant,stale)\n");
}
