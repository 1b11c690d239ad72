#pragma once
// Coverage status of each hat (docs/vocabulary.md, "Coverage statuses"), with the people
// behind it and the status as a finding (finding.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/evidence.hpp"
#include "roles/engine/finding.hpp"
#include "roles/engine/identity.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// Coverage statuses, in the order they are tested. `unassigned` is for discovery mode
/// (no roster) and for optional hats nobody holds; it never fails the gate.
enum class Status : std::uint8_t { vacant, understaffed, stale, single_point, shadowed, ok, unassigned };

/// "vacant", "understaffed", "stale", "single-point", "shadowed", "ok", "unassigned".
[[nodiscard]] std::string_view to_string(Status status);
/// The inverse of to_string; nullopt for anything else.
[[nodiscard]] std::optional<Status> parse_status(std::string_view text);

/// A current holder of a hat and how active they are.
struct HolderState {
    PersonId person = 0;
    std::string key;
    std::optional<std::int64_t> last_active;  ///< newest activity of any kind (activity.hpp), any hat
    bool active = false;                      ///< active within stale_after of the window end
    std::uint32_t evidence = 0;               ///< the hat's evidence items crediting them
    ActivityKind last_kind = ActivityKind::authored;  ///< the kind of that newest activity
};

/// Someone who did some of a hat's work in the window.
struct Contributor {
    PersonId person = 0;
    std::string key;
    std::string label;        ///< PersonInfo::label(): how texts name them
    std::uint32_t evidence = 0;
    double share = 0.0;       ///< evidence / the hat's items
    bool holder = false;      ///< a current holder of this hat
};

/// Why a hat has its status, for one hat.
struct HatCoverage {
    std::string hat;
    std::string title;
    bool required = true;
    int min = 1;
    double effort = 0.0;
    Status status = Status::ok;
    std::vector<HolderState> holders;          ///< current holders
    std::vector<std::string> former_holders;   ///< keys of holders whose term ended
    std::string fallback_from;                 ///< hat whose holders fill this one, if any
    std::uint32_t evidence_items = 0;
    double holder_share = 0.0;                 ///< items crediting at least one current holder
    std::vector<Contributor> contributors;     ///< by evidence, most first
    std::vector<std::string> people;           ///< keys of the people behind the status
    /// The status as a finding (code, arguments, location): the renderers write its reason.
    Finding finding;
    roster::SourcePos pos;                     ///< where the roster names the hat (its catalog otherwise)
    /// Set when the evidence was too thin to judge and that changed (or would have
    /// changed) the status: a would-be implicit holder or backup, or vacant candidates.
    std::optional<ThinEvidence> thin_evidence;
};

/// Whether `items` evidence items are too few for shares to decide a status.
[[nodiscard]] bool is_thin(std::uint32_t items, const roster::Thresholds& thresholds);

/// Whether the roster is the discovery roster (no ROLES.yaml).
/// `roster_only` is for a project with no repository to read (e.g. an imported program
/// roster): holders count as active, so only vacant, understaffed and single-point apply.
enum class RosterMode : std::uint8_t { roster, discovery, roster_only };

/// "roster", "discovery", "roster-only".
[[nodiscard]] std::string_view to_string(RosterMode mode);

/// Everything the coverage decision reads.
struct CoverageInput {
    const git::History& history;
    const Resolution& resolution;
    const Activity& activity;
    const std::vector<roster::Hat>& hats;
    const std::vector<HatEvidence>& evidence;  ///< same order as hats
    Window window;
    roster::Duration stale_after;
    roster::Thresholds thresholds;
    RosterMode mode = RosterMode::roster;
};

/// The coverage of every hat, in roster order. Status rules, first that applies:
/// vacant (required, no current holder), understaffed (< min current holders), stale
/// (every current holder inactive > stale_after before the window end), single-point
/// (exactly one active holder and nobody else has ≥ single_point_backup_share of the
/// evidence), shadowed (a non-holder has ≥ shadowed_share), ok. Shares decide nothing
/// when the hat has fewer than thresholds.min_evidence_items items: a would-be backup does
/// not save a hat from single-point, nobody shadows it, and `thin_evidence` says so. An optional hat with no
/// holder, and every hat in discovery mode, is `unassigned`.
[[nodiscard]] std::vector<HatCoverage> assess_coverage(const CoverageInput& input);

}  // namespace roles::engine
