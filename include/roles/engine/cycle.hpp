#pragma once
// `roles report` (docs/cycles.md): a release cycle against the previous cycle of the same length.
// Resolves `A..B` (refs or dates) or `auto` to a window, runs coverage, load and the project
// factors over both windows, and diffs them into a plain CycleReport: trends, hat changes,
// newcomers and leavers, releases, commits per week and the asks the findings imply.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/burnout.hpp"
#include "roles/engine/checkin.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/engine/cycle_digest.hpp"
#include "roles/engine/project_factors.hpp"
#include "roles/engine/range.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

// ---------------------------------------------------------------------------------------
// Cycles

/// What one end of a cycle was given as.
enum class EndpointKind : std::uint8_t { date, tag, commit, ref };

/// Where a ref end sits on the analysed history (`--ref`).
enum class Placement : std::uint8_t {
    on_line,     ///< the commit it names is an ancestor of --ref (or --ref itself)
    fork_point   ///< it is on a branch forked from --ref: the end is `git merge-base ref end`
};

/// One end of a cycle, resolved.
struct CycleEndpoint {
    std::string spec;           ///< as given ("v1.2.0", "2025-04-01", "main", "1f541e3")
    EndpointKind kind = EndpointKind::date;
    std::string commit;         ///< the end on the analysed history (the fork point); empty for a date
    std::string named;          ///< the commit the ref names (equal to `commit` when on the line)
    Placement placement = Placement::on_line;
    std::int64_t time = 0;      ///< a tag on the line: tag_time; another ref: its commit's author time; a date: 00:00 UTC
};

/// A cycle and the previous cycle.
struct Cycle {
    std::string label;          ///< "A..B" as resolved ("v1.1.0..v1.2.0" for auto)
    bool automatic = false;     ///< chosen by `auto`
    CycleEndpoint from;
    CycleEndpoint to;
    WindowRule rule = WindowRule::dates;
    Window window;              ///< see resolve_cycle
    std::string previous_label; ///< "v1.0.0..v1.1.0", or "(same length)" for a window of the cycle's length
    WindowRule previous_rule = WindowRule::dates;
    Window previous;
    std::string previous_end_commit;  ///< the previous window ends at this commit (A's); empty for a date
    std::string picked_by;      ///< how the ends were picked (auto) or placed (a fork point); empty otherwise
};

/// A ref the history alone cannot resolve (a branch, `HEAD~3`, a tag of another branch):
/// its commit and the commit's author time. The CLI provides this with libgit2; tests with a table.
struct RefPoint {
    std::string commit;
    std::int64_t time = 0;
};
using RefLookup = std::function<util::Expected<RefPoint>(const std::string& ref)>;
/// `git merge-base a b` of two commit ids; nullopt when they share no history.
using ForkLookup = std::function<util::Expected<std::optional<std::string>>(const std::string& a, const std::string& b)>;

/// What resolve_cycle may ask the repository. Either may be empty (nothing off the history is known).
struct RepositoryLookup {
    RefLookup ref;
    ForkLookup fork;
};

/// Whether a tag name looks like a release: an optional prefix of letters, digits, '.',
/// '_' or '-' that starts with a letter and ends with '-', '_' or '/', an optional 'v', then
/// two or more dot-separated numbers and nothing else. "v1.2.0", "31.0.0", "2024.1" and
/// "nova-31.0.0" are releases; "v1.2.0-rc1", "1.2.0b1", "v2" and "nightly" are not.
[[nodiscard]] bool looks_like_release(std::string_view tag);

/// The numbers of a release tag ("v8.0.1" -> 8, 0, 1); empty when it is no release.
[[nodiscard]] std::vector<std::uint64_t> release_version(std::string_view tag);

/// The time of a tag as a cycle end: the later of the tag's own time and its commit's
/// time when the commit is in `history` (a release is tagged after its commit).
[[nodiscard]] std::int64_t tag_time(const git::Tag& tag, const git::History& history);

/// Resolves a cycle spec against `history` (the commits reachable from --ref):
///  - "A..B": each end a date (YYYY-MM-DD), a tag, a commit id of `history` (4+ hex
///    digits, a prefix), or any other ref through `lookup.ref`. A ref whose commit is not
///    in `history` is placed at its fork point (`lookup.fork` with HEAD); one that shares
///    no history with it is a usage error.
///  - "auto": release series (the first two numbers of a release tag's version; a series'
///    release is its lowest version, so a patch release never ends a cycle), each placed
///    on the history as above. B is the series whose release lands latest on the history;
///    A the highest series below it by version order whose release is a strict ancestor of
///    B's (among the releases on the history itself when B's is; among all placed ones
///    when B is a fork point). Fewer than two is a usage error asking for A..B.
/// Two refs make a range window (WindowRule::range): the commits reachable from B and not
/// from A, exactly as `git rev-list A..B`; begin/end are time(A)+1 and time(B). Two dates
/// make a window of times: A from its 00:00 UTC, B through its 23:59:59 UTC. A ref and a
/// date mix the two. The previous cycle: when A is a release, the same rule on the release
/// before it (P..A); otherwise the window of the same length that ends just before, holding
/// only ancestors of A when A is a ref. An end not after the start is a usage error.
[[nodiscard]] util::Expected<Cycle> resolve_cycle(const git::History& history, std::string_view spec,
                                                  const RepositoryLookup& lookup);

/// One end resolved as resolve_cycle resolves the ends of "A..B" (`roles audit --since
/// and --until` use it, so that audit and report agree on a range).
[[nodiscard]] util::Expected<CycleEndpoint> resolve_cycle_end(const git::History& history, const std::string& spec,
                                                              const RepositoryLookup& lookup);

/// The window of the same length that ends one second before `window` begins.
[[nodiscard]] Window previous_window(const Window& window);

/// Warnings about a resolved cycle: shorter than 14 days, fewer than 20 counted commits,
/// or ending more than a year before HEAD (`head_time`); each says how to choose another pair.
[[nodiscard]] std::vector<std::string> cycle_warnings(const Cycle& cycle, std::uint32_t counted_commits,
                                                      std::int64_t head_time);

// ---------------------------------------------------------------------------------------
// Figures and trends

/// How a figure moved against the previous cycle. `fresh` ("new") when the previous cycle
/// had no value: the project had no commit yet, or the person did not exist then.
enum class Trend : std::uint8_t { same, up, down, fresh };
/// "same", "up", "down", "new".
[[nodiscard]] std::string_view to_string(Trend trend);

/// Whether a move is good news: better, worse, or neither (a trend that is `same` or
/// `new`, or a figure with no better direction such as commits).
enum class Assessment : std::uint8_t { neutral, better, worse };
/// "neutral", "better", "worse".
[[nodiscard]] std::string_view to_string(Assessment assessment);

/// Which direction of a figure is good.
enum class Polarity : std::uint8_t { neutral, higher_is_better, lower_is_better };

/// Whether a figure counts things or is a ratio shown with two decimals.
enum class Scale : std::uint8_t { count, ratio };

/// A figure of this cycle with the previous cycle's value and the trend. Ratios are
/// rounded to two decimals before comparing, so the trend agrees with what is shown.
struct Figure {
    double current = 0.0;
    std::optional<double> previous;
    Trend trend = Trend::fresh;
    Assessment assessment = Assessment::neutral;
    Scale scale = Scale::count;
};

/// A Figure from two values: trend by comparison (fresh without a previous value),
/// assessment by polarity; ratios rounded to two decimals first.
[[nodiscard]] Figure make_figure(double current, std::optional<double> previous, Polarity polarity,
                                 Scale scale = Scale::count);

// ---------------------------------------------------------------------------------------
// The report

/// The summary figures, each with its trend.
struct CycleSummary {
    std::uint32_t hats = 0;    ///< hats of the roster
    Figure hats_ok;            ///< status ok
    Figure hats_at_risk;       ///< understaffed, stale, single-point or shadowed
    Figure hats_vacant;        ///< vacant
    Figure hats_unassigned;    ///< optional hats nobody holds; every hat in discovery mode
    Figure truck_factor;       ///< whole repository, files at the window's end
    Figure contributor_absence;
    Figure elephant;
    Figure commits;            ///< counted commits in the window
    Figure contributors;       ///< people with a counted commit in the window
    Figure releases;           ///< release tags (looks_like_release) in the window
    Figure high_risk;          ///< people at high burnout risk
};

/// Something that changed on a hat since the previous cycle.
struct HatChange {
    enum class Kind : std::uint8_t {
        became_vacant,        ///< vacant now, not vacant before
        status_changed,       ///< any other change of status
        holder_added,         ///< a current holder who was not one at the previous end
        holder_left,          ///< a holder at the previous end who is not one now
        holder_went_quiet,    ///< a current holder with items last cycle and none this cycle
        new_implicit_holder   ///< a non-holder with ≥ shadowed_share of the items now, not before
    };
    Kind kind = Kind::status_changed;
    std::string person;  ///< the person concerned; empty for status changes
    std::string text;    ///< one line, e.g. "ben: 2 items last cycle, none this cycle"
};
/// "became-vacant", "status-changed", "holder-added", "holder-left", "holder-went-quiet",
/// "new-implicit-holder".
[[nodiscard]] std::string_view to_string(HatChange::Kind kind);

/// A holder whose term ended by the cycle end.
struct FormerHolder {
    std::string key;
    std::optional<std::int64_t> until;  ///< 00:00 UTC of the term's last day
};

/// One hat in this cycle and the previous one.
struct HatCycle {
    std::string hat;
    std::string title;
    bool required = true;
    int min = 1;
    Status status = Status::ok;
    std::optional<Status> previous_status;     ///< nullopt when there was no previous cycle
    std::vector<HolderState> holders;          ///< current holders at the cycle end
    std::vector<FormerHolder> former_holders;  ///< terms ended by the cycle end
    std::vector<std::string> previous_holders; ///< current holders at the previous end
    std::vector<std::string> people;           ///< the people behind the status (coverage)
    Figure evidence;                           ///< evidence items in the window
    double holder_share = 0.0;                 ///< items crediting a current holder
    std::vector<Contributor> contributors;     ///< who did the work this cycle, most first
    Finding finding;                           ///< the coverage status of this cycle as a finding
    std::optional<ThinEvidence> thin_evidence; ///< the coverage's thin-evidence finding
    std::vector<HatChange> changes;
};

/// One person's load in this cycle and the previous one.
struct PersonCycle {
    std::string key;
    std::string name;
    bool on_roster = false;
    /// How texts name them: the roster key on the roster, the display name otherwise.
    [[nodiscard]] const std::string& label() const { return on_roster || name.empty() ? key : name; }
    std::optional<std::string> affiliation;
    double capacity = 1.0;
    double effort = 0.0;                 ///< Σ effort of the hats held at the cycle end
    Figure commitment;                   ///< effort / capacity, two decimals
    Figure commits;                      ///< credited commits in the window
    Figure active_days;
    std::vector<std::string> hats;       ///< held at the cycle end
    std::vector<std::string> sole_hats;
    RiskLevel risk = RiskLevel::none;
    std::optional<RiskLevel> previous_risk;  ///< nullopt: did not exist then
    Trend risk_trend = Trend::fresh;
    Assessment risk_assessment = Assessment::neutral;
    PersonLoad load;                     ///< this cycle's profile and signals
    std::optional<PersonCheckin> checkin;  ///< their check-in dated in this cycle
};

/// Someone whose first credited commit is in this cycle.
struct Newcomer {
    std::string key;
    std::string name;
    std::int64_t first_commit = 0;
    std::uint32_t commits = 0;           ///< in this cycle
};

/// Someone with commits in the previous cycle and none in this one.
struct Leaver {
    std::string key;
    std::string name;
    std::int64_t last_commit = 0;
    std::uint32_t previous_commits = 0;  ///< in the previous cycle
    std::vector<std::string> hats;       ///< hats they still hold at the cycle end
};

/// A tag made in the cycle.
struct Release {
    std::string tag;
    std::string commit;
    std::int64_t time = 0;   ///< tag_time
    std::string by;          ///< the tagger's label (PersonInfo::label), else the identity's name, else ""
    bool release = false;    ///< looks_like_release
};

/// Counted commits in one week of the cycle; weeks start at the cycle's start, the last
/// one may be shorter.
struct WeekBucket {
    std::int64_t begin = 0;
    std::uint32_t commits = 0;
};

/// What an ask asks for.
enum class AskKind : std::uint8_t {
    appoint,           ///< a vacant hat
    add_holders,       ///< an understaffed hat
    confirm_holders,   ///< a stale hat
    recognise_holder,  ///< a shadowed hat
    check_in,          ///< a person at high burnout risk
    find_backup,       ///< a person who is the only active holder of single-point hats
    rebalance,         ///< an over-committed person not at high risk
    spread_knowledge,  ///< truck factor 1 (or 0 with files), or lower than last cycle
    diversify,         ///< elephant factor 1
    update_roster      ///< a leaver who still holds hats
};
/// "appoint", "add-holders", "confirm-holders", "recognise-holder", "check-in",
/// "find-backup", "rebalance", "spread-knowledge", "diversify", "update-roster".
[[nodiscard]] std::string_view to_string(AskKind kind);

/// A concrete action the findings imply.
struct Ask {
    AskKind kind = AskKind::appoint;
    std::vector<std::string> hats;    ///< hat ids concerned
    std::vector<std::string> people;  ///< person keys concerned
    std::string text;                 ///< one imperative sentence
};

/// Everything `roles report` shows.
struct CycleReport {
    std::string project;
    std::string roster_file;         ///< empty in discovery mode
    RosterMode mode = RosterMode::roster;
    std::string head_id;             ///< the cycle's end commit (B's), or the newest commit up to a date B
    Cycle cycle;
    bool previous_exists = false;    ///< a commit exists at or before the previous end
    CycleSummary summary;
    ScopedTruckFactor truck_factor;  ///< this cycle's, with the people behind it
    ConcentrationFactor contributor_absence;
    ConcentrationFactor elephant;
    std::vector<HatCycle> hats;      ///< roster order
    std::vector<PersonCycle> people; ///< `roles load` order for this cycle
    std::vector<Newcomer> newcomers; ///< by first commit, then key
    std::vector<Leaver> leavers;     ///< by key
    std::vector<Release> releases;   ///< oldest first
    std::vector<WeekBucket> weeks;
    std::vector<Ask> asks;           ///< most urgent first
    std::vector<std::string> warnings;
    CheckinSummary checkins;         ///< this cycle's check-ins against the roster's goal
    CycleDigest digest;              ///< what the short formats and the charts show (digest_cycle)
};

/// Builds the report: identities resolved once over `history`; for each window, the
/// history as it was at its end (history_until), then evidence, coverage, load and the
/// project factors exactly as `roles audit` and `roles load` compute them over that
/// window; then the diff. Fails only when an evidence rule or area glob does not compile.
[[nodiscard]] util::Expected<CycleReport> build_cycle_report(const git::History& history,
                                                             const roster::Roster& roster, RosterMode mode,
                                                             const Cycle& cycle);

// Parts of build_cycle_report, exposed for tests.

/// The changes of one hat between the previous cycle's coverage (`before`) and this one's
/// (`now`), in this order: the status (became-vacant or status-changed), holders added,
/// holders left (with the term's end from `hat` when it ended), current holders who went
/// quiet (items last cycle, none now), and non-holders who now do at least
/// thresholds.shadowed_share of the items but did not before.
[[nodiscard]] std::vector<HatChange> hat_changes(const HatCoverage& now, const HatCoverage& before,
                                                 const roster::Hat& hat, const roster::Thresholds& thresholds);

/// One HatCycle per hat of `now` (roster order, same as `hats`); `before` is null when
/// there was no previous cycle (no previous status, every evidence trend new, no changes).
/// Former holders are coverage's (terms ended by the window end), with the term's end. In
/// discovery mode nobody holds anything, so nobody is reported as a new implicit holder.
[[nodiscard]] std::vector<HatCycle> hat_cycles(const std::vector<HatCoverage>& now,
                                               const std::vector<HatCoverage>* before,
                                               const std::vector<roster::Hat>& hats,
                                               const roster::Thresholds& thresholds, RosterMode mode);

/// The asks implied by a report whose other fields are filled, most urgent first: appoint
/// (vacant), add holders (understaffed), confirm holders (stale), recognise holders
/// (shadowed), in hat order; then per person, in report order, check in (high risk), find
/// a backup (only active holder of single-point hats), rebalance (over-committed, not
/// high risk); then spread knowledge (truck factor ≤ 1 with files, or lower than before),
/// diversify (elephant factor 1), and update the roster for leavers holding hats.
[[nodiscard]] std::vector<Ask> derive_asks(const CycleReport& report, const roster::Thresholds& thresholds);

}  // namespace roles::engine
