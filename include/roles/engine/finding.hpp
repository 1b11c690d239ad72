#pragma once
// Audit findings as data (README "Findings"): a code, its arguments and the roster location
// of the hat or person it is about. The English is written by the renderers
// (report/findings.hpp) from the code, so every format says the same thing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/burnout.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// What a finding says. The first seven are a hat's coverage status (same order as Status);
/// `thin-evidence` accompanies a status; `burnout-high` is about a person.
enum class FindingCode : std::uint8_t {
    vacant, understaffed, stale, single_point, shadowed, ok, unassigned, thin_evidence, burnout_high
};

/// How many FindingCode values there are.
inline constexpr std::size_t k_finding_codes = 9;

/// "vacant", "understaffed", "stale", "single-point", "shadowed", "ok", "unassigned",
/// "thin-evidence", "burnout-high".
[[nodiscard]] std::string_view to_string(FindingCode code);

/// What decided a finding, which picks its wording: the window's evidence, no evidence item at
/// all, evidence too thin for shares to count, the roster alone (no repository), no roster
/// (discovery mode), or an optional hat nobody holds.
enum class FindingBasis : std::uint8_t { evidence, no_evidence, thin_evidence, roster_only, no_roster, optional_hat };

/// A hat's evidence too thin for anyone's share of it to decide the status: `items` evidence
/// items in the window where `needed` (thresholds.min_evidence_items) are required.
struct ThinEvidence {
    std::uint32_t items = 0;
    std::uint32_t needed = 0;
};

/// Someone a finding names: a candidate, a holder, someone doing the work without the hat.
struct FindingPerson {
    std::string key;
    std::string label;                        ///< how texts name them (PersonInfo::label())
    std::uint32_t items = 0;                  ///< the hat's evidence items crediting them
    double share = 0.0;                       ///< items / the hat's items
    std::optional<std::int64_t> last_active{};  ///< stale: their newest activity (none: never active)
    roster::ActivityKind last_kind = roster::ActivityKind::authored;
};

/// Where the roster (or, for a hat the roster never names, its catalog) writes the subject.
enum class LocationOrigin : std::uint8_t { roster, catalog, none };

/// "roster", "catalog", "none".
[[nodiscard]] std::string_view to_string(LocationOrigin origin);

struct FindingLocation {
    roster::SourcePos pos;  ///< file, 1-based line and column; empty file for `none`
    LocationOrigin origin = LocationOrigin::none;
};

/// How the gate grades a finding: it fails the gate (its status or burnout-high is in
/// --fail-on), it needs attention (a problem status, burnout-high), or it is a note
/// (unassigned, thin-evidence, ok).
enum class FindingGrade : std::uint8_t { fails_gate, warning, note };

/// One finding. Which arguments a code uses (the rest stay empty), by code:
/// vacant, unassigned: `people` the candidates by evidence (at most three);
/// understaffed: `count` holders of `needed`, `people` the candidates;
/// stale: `people` the holders with their last activity, `days` stale_after;
/// single-point: `people` the one active holder, `items`, `share` the backup share needed;
/// shadowed: `people` the non-holders with a shadowing share;
/// ok: `count` active holders, `items`, `share` the holders' share, `people` those who would
/// shadow it on enough evidence; thin-evidence: `items` of `needed`;
/// burnout-high: `person`, `people` that person, `signals`.
/// Every hat finding has `hat`; status findings keep `thin` when thin evidence changed
/// (or would have changed) the status.
struct Finding {
    FindingCode code = FindingCode::ok;
    FindingBasis basis = FindingBasis::evidence;
    std::string hat;
    std::string person;
    std::vector<FindingPerson> people;
    std::uint32_t count = 0;
    std::uint32_t needed = 0;
    std::uint32_t items = 0;
    double share = 0.0;
    std::int64_t days = 0;
    std::optional<ThinEvidence> thin;
    std::vector<Signal> signals;
    FindingLocation location;
    FindingGrade grade = FindingGrade::note;
};

}  // namespace roles::engine
