#pragma once
// `roles audit`: coverage of every hat of a roster over a repository's history.

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/automation.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/engine/evidence.hpp"
#include "roles/engine/finding.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/load.hpp"
#include "roles/engine/project_factors.hpp"
#include "roles/engine/range.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

/// Explicit window bounds (seconds since the epoch); unset bounds take the defaults.
/// An end given as a ref (`--since v1.0`) also names its commit: the window then follows
/// git range semantics at that end (see range.hpp), exactly as `roles report --cycle A..B`.
struct WindowRequest {
    std::optional<std::int64_t> since;
    std::optional<std::int64_t> until;
    /// --active-within: authors idle this long before the window's end count as gone for
    /// the absence-aware truck factors (FactorsInput::active_within_days; default 365).
    std::optional<std::int64_t> active_within_days;
    std::optional<std::string> since_commit;  ///< the commit --since names; the window starts after it
    std::optional<std::string> until_commit;  ///< the commit --until names; the window ends at it
};

/// The window analysed: `until` defaults to HEAD's commit time, or the newest tag on the
/// analysed history when later (never the wall clock),
/// `since` to `until` minus the roster's `window` (365 days by default). With a commit at
/// either end the window holds the commits of commits_between (a since commit's own time
/// is not in it: begin is one second later).
[[nodiscard]] Window resolve_window(const git::History& history, const roster::Roster& roster,
                                    const WindowRequest& request);

/// What made the window of `request` (WindowRule::recent when it gives no end).
[[nodiscard]] WindowRule window_rule(const WindowRequest& request);

/// The history as it was at the end of `window` when the request gives an end: the
/// ancestors of the until commit (history_at), or what was committed and tagged by the
/// until time (history_until); null when the loaded history is that already.
[[nodiscard]] std::unique_ptr<git::History> history_at_window_end(const git::History& history, const Window& window,
                                                                  const WindowRequest& request);

/// Totals that every format reports and that must agree across formats.
struct AuditTotals {
    std::uint32_t commits = 0;        ///< non-merge, non-bot commits in the window
    std::uint32_t merges = 0;         ///< merge commits in the window (not analysed)
    std::uint32_t bot_commits = 0;    ///< commits in the window credited to nobody (bots)
    std::uint32_t contributors = 0;   ///< people with a credited commit in the window
    std::uint32_t hats = 0;
    std::uint32_t by_status[7] = {};  ///< hats per Status, indexed by the enum value
};

/// Project-level single points of failure and the people at risk (the audit's project
/// section).
struct ProjectHealth {
    ProjectFactors factors;                 ///< truck factors, contributor absence, elephant
    std::vector<PersonLoadRow> burnout_high;  ///< people at high burnout risk, assess_people order
};

/// The result of an audit of one project.
struct AuditResult {
    std::string project;
    std::string roster_file;          ///< empty in discovery mode
    RosterMode mode = RosterMode::roster;
    Window window;
    WindowRule window_rule = WindowRule::recent;
    std::string head_id;              ///< HEAD of the history analysed: the window's end commit when it ends earlier
    bool shallow = false;
    std::uint32_t rename_fallbacks = 0;  ///< History::rename_fallbacks
    std::uint32_t missing_objects = 0;   ///< History::missing_objects (a partial clone's absent objects)
    AuditTotals totals;
    std::vector<HatCoverage> hats;
    ProjectHealth health;
    AutomationSummary automation;       ///< what the automation rules removed from the window
    std::vector<std::string> warnings;  ///< roster warnings and history caveats
    /// Every finding but `ok`: each hat's status, then its thin-evidence, in roster order;
    /// then burnout-high per person at high risk. Graded `note` until grade_findings.
    std::vector<Finding> findings;
};

/// The analysis audit and load share: who is who, who did what, each hat's evidence and
/// coverage (roster order), over the resolved window.
struct ProjectAnalysis {
    Window window;
    Resolution resolution;
    Activity activity;
    std::vector<HatEvidence> evidence;
    std::vector<HatCoverage> coverage;
    std::vector<std::string> warnings;  ///< roster warnings and history caveats
};

/// Resolves the window, identities, activity, evidence and coverage for the roster's
/// first project, on `history` as given (the caller cuts it at the window's end, see
/// history_at_window_end). Fails only when an evidence rule does not compile.
[[nodiscard]] util::Expected<ProjectAnalysis> analyse_project(const git::History& history,
                                                              const roster::Roster& roster, RosterMode mode,
                                                              const Window& window);

/// Whether run_audit may use a second thread (the project factors beside the hats).
/// Results are the same either way.
enum class Concurrency : unsigned char { serial, parallel };

/// Runs analyse_project on the history as it was at the window's end
/// (history_at_window_end), then the project section: truck factors (that history, files
/// at its end), the CHAOSS factors (window) and the people at high burnout risk. Fails only when
/// an evidence rule or an area glob does not compile.
[[nodiscard]] util::Expected<AuditResult> run_audit(const git::History& history,
                                                    const roster::Roster& roster, RosterMode mode,
                                                    const WindowRequest& request,
                                                    Concurrency concurrency = Concurrency::parallel);

/// What fails the gate, as given to --fail-on. `any` is every status but ok and
/// unassigned, plus burnout-high; `none` is the empty set.
struct FailOn {
    std::set<Status> statuses{Status::vacant};
    bool burnout_high = false;  ///< "burnout-high": someone's burnout risk is high
};

/// Parses --fail-on values ("vacant", "single-point", "burnout-high", "any", "none", ...;
/// several allowed). Unknown values fail with ErrorKind::usage and a "did you mean".
[[nodiscard]] util::Expected<FailOn> parse_fail_on(const std::vector<std::string>& values);

/// What matched the gate: the ids of the hats whose status is in `fail_on`, in roster
/// order, then, with burnout-high, "burnout:KEY" for each person at high risk.
[[nodiscard]] std::vector<std::string> gate_failures(const AuditResult& result, const FailOn& fail_on);

/// The findings of an audit, located in `roster` (collect order of AuditResult::findings).
/// A hat is located where the roster names it, or in its catalog; a person where the roster
/// lists them, otherwise at the top of the roster file (origin `none` without a roster).
[[nodiscard]] std::vector<Finding> collect_findings(const AuditResult& result, const roster::Roster& roster);

/// Grades every finding of `result` by the gate: fails_gate when its status (or
/// burnout-high) is in `fail_on`, warning for the other problem statuses and burnout-high,
/// note for unassigned and thin-evidence.
void grade_findings(AuditResult& result, const FailOn& fail_on);

}  // namespace roles::engine
