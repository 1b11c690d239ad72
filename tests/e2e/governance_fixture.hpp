#pragma once
// A governance file (OpenStack projects.yaml) for the liaisons example, shared by the e2e tests
// that import it.

namespace roles::test {

/// gibi leads nova, Elod (ASCII spelling, the email the example's history uses) is its release
/// liaison, security has a placeholder; glance's PTL is given in the one-line form.
inline constexpr const char* k_nova_governance = R"(nova:
  ptl:
    name: Balazs Gibizer
    irc: gibi
    email: gibi@example.com
  liaisons:
    release:
      - name: Elod Illes
        irc: elodilles
        email: elod@example.net
    security:
      - name: APPOINTMENT NEEDED
        irc: No nick supplied
        email: example@example.org
glance:
  ptl: Abhishek Kekane (abhishekk)
)";

}  // namespace roles::test
