#pragma once
// `roles load` (docs/formulas.md, "Person load"): per person, the hats held now, their effort
// against the person's capacity, activity in the window, and the burnout signals.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/burnout.hpp"
#include "roles/engine/checkin.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/engine/evidence.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/range.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

struct WindowRequest;  // audit.hpp

/// One hat's evidence as seen from one person (`roles load --person`).
struct PersonHatEvidence {
    std::string hat;
    bool held = false;                 ///< a current holder (fallbacks included)
    bool sole = false;                 ///< the only active current holder
    double effort = 0.0;               ///< the hat's effort
    std::uint32_t evidence = 0;        ///< the hat's items in the window crediting them
    std::uint32_t items = 0;           ///< all the hat's items in the window
    double share = 0.0;                ///< evidence / items (0 when there are none)
    std::optional<std::int64_t> last;  ///< time of the newest item crediting them
};

/// One row of `roles load`.
struct PersonLoadRow {
    PersonId person = 0;
    std::string key;
    std::string name;
    bool on_roster = false;
    std::optional<std::string> affiliation;
    double capacity = 1.0;
    std::vector<std::string> hats;       ///< held now, roster order
    std::vector<std::string> sole_hats;  ///< held as the only active current holder
    double effort = 0.0;                 ///< Σ effort of `hats`
    double commitment = 0.0;             ///< effort / capacity
    double commit_share = 0.0;           ///< profile.commits / LoadResult::commits (0 if none)
    /// Hats they hold or did work for in the window, roster order.
    std::vector<PersonHatEvidence> evidence;
    /// Activity in the window by kind (activity.hpp): authored commits, patches committed for
    /// others, sign-offs, reviews, acks, tags, Gerrit review votes.
    ActivityCounts activity{};
    std::optional<LastActivity> last_activity;  ///< newest activity of any kind, whole history
    PersonLoad load;                   ///< time profile in the window and the signals
    RiskLevel risk = RiskLevel::none;  ///< load.signals.risk()
    std::optional<PersonCheckin> checkin;  ///< their check-in in the window (attach_checkins)
};

/// Everything assess_people reads; evidence and coverage are in the same (roster) order.
struct LoadInput {
    const git::History& history;
    const Resolution& resolution;
    const Activity& activity;
    const std::vector<HatEvidence>& evidence;
    const std::vector<HatCoverage>& coverage;
    Window window;
    roster::Thresholds thresholds;
};

/// The number of counted (non-merge, credited to a non-bot) commits inside the window:
/// the denominator of each person's commit share.
[[nodiscard]] std::uint32_t counted_commits_in(const Activity& activity, const git::History& history,
                                               const Window& window);

/// One row per roster person and per other person with activity of any kind in the window
/// (bots never have any). Hats held are the hats listing the person among the current
/// holders (HatCoverage::holders, so fallbacks count); sole hats those where they are the
/// only active one; commitment = Σ effort ÷ capacity. The signals read every credited
/// commit of the person up to the window end (their baselines reach before the window).
/// Sorted by risk (high first), then commitment (highest first), then key.
[[nodiscard]] std::vector<PersonLoadRow> assess_people(const LoadInput& input);

/// The result of `roles load` for one project.
struct LoadResult {
    std::string project;
    std::string roster_file;  ///< empty in discovery mode
    RosterMode mode = RosterMode::roster;
    Window window;
    WindowRule window_rule = WindowRule::recent;  ///< what made the window (see audit's)
    std::string head_id;                ///< the window's end commit when it ends earlier than HEAD
    bool shallow = false;
    std::uint32_t commits = 0;          ///< counted commits in the window
    roster::Thresholds thresholds;      ///< the thresholds the signals used
    std::vector<PersonLoadRow> people;  ///< assess_people order
    CheckinSummary checkins;            ///< the check-ins of the window
    std::vector<std::string> warnings;  ///< roster warnings and history caveats
};

/// Sets each roster person's check-in for `window` (checkin_for, from their commitment and
/// risk) and returns the summary against thresholds.checkin_goal.
CheckinSummary attach_checkins(std::vector<PersonLoadRow>& rows, const roster::Roster& roster, const Window& window);

/// Runs identity resolution, activity, evidence and coverage (as run_audit does) and
/// assesses every person. Fails only when an evidence rule does not compile.
[[nodiscard]] util::Expected<LoadResult> run_load(const git::History& history, const roster::Roster& roster,
                                                  RosterMode mode, const WindowRequest& request);

/// The row of the person with this key, or nullptr.
[[nodiscard]] const PersonLoadRow* find_person(const LoadResult& result, const std::string& key);

}  // namespace roles::engine
