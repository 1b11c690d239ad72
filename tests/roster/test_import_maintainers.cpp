// The Linux MAINTAINERS file: sections, statuses, lists that are not people, and the figures
// of Linux 6.12.117's file.
#include <catch2/catch.hpp>

#include <ctime>

#include "roster/import_support.hpp"

using namespace roles::roster;
using namespace roles::roster::test;
using Keys = std::vector<std::string>;

namespace {

// The shape of the real file: a preamble (prose and indented field examples), the
// "Maintainers List" note, then sections.
const char* const k_maintainers = R"(List of maintainers
===================

	M: *Mail* patches to: FullName <address@domain>
	S: *Status*, one of the following:

Maintainers List
----------------

.. note:: When reading this list, please look for the most precise areas
          first.

3C59X NETWORK DRIVER
M:	Steffen Klassert <klassert@kernel.org>
L:	netdev@vger.kernel.org
S:	Odd fixes
F:	drivers/net/ethernet/3com/3c59x.c

8390 NETWORK DRIVERS [WD80x3/SMC-ELITE, SMC-ULTRA, NE2000, 3C503, etc.]
L:	netdev@vger.kernel.org
S:	Orphan / Obsolete
F:	drivers/net/ethernet/8390/

ABI/API
L:	linux-api@vger.kernel.org
F:	include/linux/syscalls.h
X:	include/uapi/
N:	[^a-z]tegra

PKTCDVD DRIVER
M:	linux-block@vger.kernel.org
S:	Orphan
F:	drivers/block/pktcdvd.c

8169 10/100/1000 GIGABIT ETHERNET DRIVER
M:	Heiner Kallweit <hkallweit1@gmail.com>
M:	nic_swsd@realtek.com
R:	"Lee, Chun-Yi" <jlee@suse.com>
R:	Broadcom internal kernel review list <bcm-kernel-feedback-list@broadcom.com>
S:	MAINTAINED
F:	drivers/net/ethernet/realtek/r8169*

BROADCOM BCM2835 ARM ARCHITECTURE
M:	Florian Fainelli <florian.fainelli@broadcom.com>
L:	bcm-kernel-feedback-list@broadcom.com
S:	Maintained
F:	arch/arm/boot/dts/broadcom/bcm2835*

APPARMOR SECURITY MODULE
M:	John Johansen <john.johansen@canonical.com>
M:	John Johansen <john@apparmor.net>
R:	Steffen Klassert <KLASSERT@kernel.org> (reviews)
S:	Supported
F:	security/apparmor/

OLD DRIVER
M:	Old Maintainer <old@example.org>
S:	orphan
F:	old/

HWMON SUBSYSTEM
M:	Guenter Roeck <linux@roeck-us.net>
S:	Maintained
F:	drivers/hwmon/

THE REST
M:	Linus Torvalds <torvalds@linux-foundation.org>
L:	linux-kernel@vger.kernel.org
S:	Buried alive in reporters
F:	*
F:	*/
)";

ImportResult maintainers(const std::string& text) {
    return imported(ImportKind::maintainers, text, "MAINTAINERS");
}

}  // namespace

TEST_CASE("maintainers: each section is a project - M: and R: people hold its hats, F: is the area",
          "[roster][import][maintainers]") {
    const auto result = maintainers(k_maintainers);
    const auto& roster = result.roster;
    // The preamble and the note have no field line at the start of a line: not sections.
    REQUIRE(roster.projects.size() == 10);
    CHECK(roster.projects[0].name == "3C59X NETWORK DRIVER");
    const auto& vortex = hat(roster.projects[0], "maintainer");
    CHECK(current_keys(vortex) == Keys{"klassert"});
    CHECK(vortex.def.area == Keys{"drivers/net/ethernet/3com/3c59x.c"});
    CHECK(vortex.def.evidence.paths == Keys{"drivers/net/ethernet/3com/3c59x.c"});
    CHECK(vortex.def.description == "Status: Odd fixes. Lists: netdev@vger.kernel.org.");
    CHECK(hat(roster.projects[0], "reviewer").def.area == Keys{"drivers/net/ethernet/3com/3c59x.c"});
    CHECK(hat(project(roster, "THE REST"), "maintainer").def.area == Keys{"*", "*/"});
    CHECK(roster.people.at("torvalds").name == "Linus Torvalds");
}

TEST_CASE("maintainers: Orphan is a vacant maintainer hat, matched in any case", "[roster][import][maintainers]") {
    const auto result = maintainers(k_maintainers);
    CHECK(vacancy_names(result.vacancies) == Keys{"PKTCDVD DRIVER/maintainer", "OLD DRIVER/maintainer"});
    CHECK(result.vacancies[0].reason == "S: Orphan");
    CHECK(result.vacancies[1].reason == "S: orphan");
    // An orphan section's named maintainer is history, not a holder.
    const auto& old = hat(project(result.roster, "OLD DRIVER"), "maintainer");
    CHECK(current_keys(old).empty());
    CHECK(former_keys(old) == Keys{"old"});
}

TEST_CASE("maintainers: Obsolete is a retired area, and a section with no M: person is not flagged",
          "[roster][import][maintainers]") {
    const auto roster = maintainers(k_maintainers).roster;
    // "Orphan / Obsolete": obsolete wins, the area is retired.
    const auto& old_nic = hat(project(roster, "8390 NETWORK DRIVERS [WD80x3/SMC-ELITE, SMC-ULTRA, NE2000, 3C503, etc.]"),
                              "maintainer");
    CHECK_FALSE(old_nic.def.required);
    // No M: and no status: looked after through its list; X: and N: kept in words.
    const auto& abi = hat(project(roster, "ABI/API"), "maintainer");
    CHECK_FALSE(abi.def.required);
    CHECK(abi.source == HolderSource::unlisted);
    CHECK(abi.def.area == Keys{"include/linux/syscalls.h"});
    CHECK(abi.def.description ==
          "Lists: linux-api@vger.kernel.org. Excluded files (X:): include/uapi/. File regexes (N:): [^a-z]tegra.");
}

TEST_CASE("maintainers: list addresses are not people", "[roster][import][maintainers]") {
    const auto roster = maintainers(k_maintainers).roster;
    // linux-block@vger.kernel.org: a list host; bcm-kernel-feedback-list@broadcom.com: named by
    // an L: line elsewhere in the file. nic_swsd@realtek.com is neither: kept, by its address.
    for (const auto& [key, person] : roster.people) {
        CHECK(person.emails != Keys{"linux-block@vger.kernel.org"});
        CHECK(person.emails != Keys{"bcm-kernel-feedback-list@broadcom.com"});
    }
    const auto& r8169 = project(roster, "8169 10/100/1000 GIGABIT ETHERNET DRIVER");
    CHECK(current_keys(hat(r8169, "maintainer")) == Keys{"hkallweit1", "nic_swsd"});
    CHECK(current_keys(hat(r8169, "reviewer")) == Keys{"jlee"});
    CHECK(roster.people.at("jlee").name == "Lee, Chun-Yi");
    CHECK(hat(r8169, "maintainer").def.required);  // "MAINTAINED": a status in another case
    CHECK(hat(r8169, "maintainer").def.description == "Status: MAINTAINED.");
}

TEST_CASE("maintainers: people merge by email in any case and by name", "[roster][import][maintainers]") {
    const auto roster = maintainers(k_maintainers).roster;
    const auto& apparmor = project(roster, "APPARMOR SECURITY MODULE");
    CHECK(current_keys(hat(apparmor, "maintainer")) == Keys{"john.johansen"});
    CHECK(roster.people.at("john.johansen").emails == Keys{"john.johansen@canonical.com", "john@apparmor.net"});
    CHECK(current_keys(hat(apparmor, "reviewer")) == Keys{"klassert"});
    // linux@ is a generic mailbox: the key comes from the name.
    CHECK(current_keys(hat(project(roster, "HWMON SUBSYSTEM"), "maintainer")) == Keys{"guenter-roeck"});
}

TEST_CASE("maintainers: an unknown status is kept as written, with a warning", "[roster][import][maintainers]") {
    const auto result = maintainers(k_maintainers);
    CHECK(result.warnings == Keys{"MAINTAINERS:69: unknown status 'Buried alive in reporters' kept as written"});
    const auto& rest = hat(project(result.roster, "THE REST"), "maintainer");
    CHECK(rest.def.required);
    CHECK(rest.def.description == "Status: Buried alive in reporters. Lists: linux-kernel@vger.kernel.org.");
}

TEST_CASE("maintainers: malformed lines get FILE:LINE: message", "[roster][import][maintainers]") {
    const auto lines = import_problems(ImportKind::maintainers, R"(GOOD SECTION
M:	A Person <a@example.org>
F:	a/

M:	Stray <stray@example.org>

BAD SECTION
M:	Broken <broken@example.org
F:
an indented or prose line
Z:	unknown field
)",
                                       "MAINTAINERS");
    CHECK(lines == Keys{
                       "MAINTAINERS:5: 'M:' line outside a section (a section starts with its title line, after "
                       "a blank line)",
                       "MAINTAINERS:8: expected 'Name <address>' or an address after 'M:', got 'Broken "
                       "<broken@example.org'",
                       "MAINTAINERS:9: empty 'F:' line",
                       "MAINTAINERS:10: expected a field line (a letter, ':' and a value) or a blank line, got "
                       "'an indented or prose line'",
                   });
    CHECK(import_problems(ImportKind::maintainers, "just prose\n\nmore prose\n", "MAINTAINERS") ==
          Keys{"MAINTAINERS:1: the file has no section"});
}

TEST_CASE("maintainers: a repeated section title gets its line in the name", "[roster][import][maintainers]") {
    const auto result = maintainers("A\nM:\tX <x@example.org>\n\nA\nM:\tY <y@example.org>\n");
    REQUIRE(result.roster.projects.size() == 2);
    CHECK(result.roster.projects[1].name == "A (line 4)");
    CHECK(result.warnings == Keys{"MAINTAINERS:4: section 'A' repeats the one at line 1; named 'A (line 4)'"});
}

// tests/data/linux-6.12.117-MAINTAINERS, cross-checked with awk in paragraph mode
// (RS=""): `awk 'BEGIN{RS=""} /(^|\n)[A-Z]:/{n++} END{print n}'` counts 2906 blocks with a
// field line (sections); the same with /\nS:[ \t]*Orphan[ \t]*(\n|$)/ counts 135, as does
// `grep -cE '^S:\s*Orphan\s*$'`. Sections with exactly one maintainer and no reviewer: an awk
// script that counts distinct M: and R: addresses per non-Orphan section, leaving out the
// 275 addresses of L: lines, finds 1790; the importer finds 5 more because one person is
// listed under two addresses in AMAZON ANNAPURNA LABS MEMORY CONTROLLER EDAC, APPARMOR
// SECURITY MODULE, FIREWIRE SUBSYSTEM, KERNEL SELFTEST FRAMEWORK and PARALLEL PORT SUBSYSTEM
// (same name, two emails: one maintainer). Sections per person, by awk on the display names
// of M:/R: lines outside Orphan sections: Hans Verkuil 41, Hans de Goede 36, Linus Walleij 29
// (the 44 of "Broadcom internal kernel review list" are a list named by an L: line).
TEST_CASE("maintainers: figures of Linux 6.12.117's MAINTAINERS", "[roster][import][maintainers][data]") {
    use_source_catalogs();
    const std::clock_t start = std::clock();
    const auto result = import_roster_file(ImportKind::maintainers, data_file("linux-6.12.117-MAINTAINERS"));
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    REQUIRE(result.has_value());
    // ~780 KB: well under a second of CPU, even in a debug build (about 0.3 s measured).
    CHECK(seconds < 1.0);
    const auto& roster = result->roster;
    CHECK(roster.projects.size() == 2906);
    CHECK(result->vacancies.size() == 135);
    int sole = 0;
    for (const auto& section : roster.projects) {
        const bool one = current_keys(hat(section, "maintainer")).size() == 1;
        sole += one && current_keys(hat(section, "reviewer")).empty() ? 1 : 0;
    }
    CHECK(sole == 1795);
    const auto seats = seats_by_person(roster);
    REQUIRE(seats.size() >= 3);
    CHECK((seats[0].person == "hverkuil" && seats[0].projects == 41));
    CHECK((seats[1].person == "hdegoede" && seats[1].projects == 36));
    CHECK((seats[2].person == "linus.walleij" && seats[2].projects == 29));
    CHECK(result->warnings == Keys{data_file("linux-6.12.117-MAINTAINERS") +
                                   ":25714: unknown status 'Buried alive in reporters' kept as written"});
}
