#pragma once
// `roles whatif` (docs/formulas.md, "What if"): the audit of a project, or of every project
// of a program, once some people have left, against the audit as it is. The user's roster
// is never edited: each departure is an in-memory copy of the roster's hats without the
// departing holders, and the history stays whole (see below).

#include <cstdint>
#include <string>
#include <vector>

#include "roles/engine/finding.hpp"
#include "roles/engine/audit.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/program.hpp"
#include "roles/engine/range.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

// What "removed" means for a departing person (the one rule, written down once; README
// "roles whatif" and docs/formulas.md say the same):
//  - roster: they are taken out of every hat's holders (fallback-filled hats included) in a
//    copy; they stay in `people`, so their identities still resolve to them and never
//    reappear as somebody new;
//  - history: their commits stay, so files keep their history and the other people's
//    degree of authorship is computed exactly as before; but they author nothing for the
//    truck factors (classic and absence-aware: TruckFactorOptions::without), have no
//    commits for the contributor absence and elephant factors, and are credited with none
//    of any hat's evidence items (the items stay: a hat whose work only they did keeps its
//    items, credited to nobody, so the others' shares are not inflated);
//  - load: they are nobody's successor and never counted among the people at high risk.

/// A group of people who leave together: what one --without list names, or one case of
/// --without-each.
struct Departure {
    std::string subject;              ///< the words as given, joined by ", " ("@Red Hat", "gibi")
    std::vector<std::string> people;  ///< keys, ascending (union over the program's projects)
    std::vector<std::string> labels;  ///< PersonInfo::label() of `people`, same order
};

/// What --without-each walks through.
enum class EachKind : std::uint8_t {
    none,         ///< --without only
    affiliation,  ///< `@`: every organisation (roster affiliation, else email domain) in turn
    person,       ///< `person`: every person with a current hat or a credited commit in the window
};

/// A figure before and after the departure.
struct Shift {
    std::uint32_t before = 0;
    std::uint32_t after = 0;
};

/// One hat's status before and after.
struct HatShift {
    std::string hat;
    std::string title;
    bool required = true;
    double effort = 0.0;
    Status before = Status::ok;
    Status after = Status::ok;
    std::vector<std::string> holders_before;  ///< keys of the current holders
    std::vector<std::string> holders_after;
    std::vector<std::string> leaving;         ///< departing current holders
    Finding finding_after;                    ///< the coverage finding after the departure (renderers word it)
    bool failed = false;                      ///< counts for the gate (see WhatIfResult::failures)
};

/// Where a scope is: the repository, a top-level directory, or a hat's area.
enum class ScopeKind : std::uint8_t { repository, directory, hat_area };

/// One truck-factor scope before and after.
struct ScopeShift {
    ScopeKind kind = ScopeKind::repository;
    std::string scope;                 ///< ".", a directory, or a hat id
    std::uint32_t files = 0;           ///< counted files
    Shift truck_factor;                ///< classic
    Shift absence_aware;
    Shift covered;                     ///< files with an author (no greedy): before, after the departure
    std::vector<std::string> orphaned;         ///< files every author of which departs, path order
    std::vector<std::string> orphaned_active;  ///< files losing their last active author
                                               ///< (absence-aware orphans that were not before)
    std::vector<std::string> key_people_after;  ///< labels the classic greedy removes after, in order
};

/// A concentration factor before and after, with the groups making it up after.
struct ConcentrationShift {
    Shift factor;
    std::uint64_t commits_before = 0;       ///< the factor's total before
    std::uint64_t commits_after = 0;        ///< ... and without the departing people's commits
    std::vector<std::string> members_after;  ///< group labels, largest first
};

/// Someone who could take over a hat that the departing people leave.
struct Successor {
    std::string key;
    std::string label;
    std::uint32_t evidence = 0;       ///< the hat's items in the window crediting them
    double share = 0.0;               ///< evidence / the hat's items
    bool holder = false;              ///< already a current holder who stays
    double capacity = 1.0;
    double commitment_before = 0.0;   ///< Σ effort of the hats they hold ÷ capacity (whole program)
    double commitment_after = 0.0;    ///< ... plus this hat's effort unless they hold it already
    bool over_committed = false;      ///< commitment_after > thresholds.commitment_max
};

/// Why a handover names nobody.
enum class HandoverNote : std::uint8_t {
    none,
    no_evidence_rules,  ///< the hat's work happens outside the repository: no evidence to rank by
    nobody_else,        ///< nobody who stays did any of its evidence in the window
    thin_evidence,      ///< fewer items than thresholds.min_evidence_items: the ranking is weak
};

/// Where one hat's effort lands.
struct Handover {
    std::string hat;
    std::string title;
    double effort = 0.0;
    bool held = false;                 ///< a departing person holds it (else they did most of its work)
    std::vector<std::string> leaving;  ///< labels of the departing holders or implicit holders
    std::uint32_t items = 0;           ///< the hat's evidence items in the window
    std::uint32_t leaving_items = 0;   ///< of them crediting a departing person
    std::vector<Successor> candidates;  ///< evidence (most first), then key; at most k_successors
    HandoverNote note = HandoverNote::none;
};

/// At most this many successors are ranked per hat.
inline constexpr std::size_t k_successors = 5;

/// One project under one departure.
struct ProjectShift {
    std::string project;
    RosterMode mode = RosterMode::roster;
    std::vector<HatShift> hats;               ///< every hat, roster order
    ScopeShift repository;                    ///< whole repository (source files)
    std::vector<ScopeShift> areas;            ///< directories (name order), then hat areas (roster order)
    ConcentrationShift contributor_absence;
    ConcentrationShift elephant;
    std::vector<Handover> handovers;          ///< roster order
    std::vector<std::string> burnout_high_new;  ///< keys at high burnout risk after but not before
};

/// How bad one departure is, for ordering the cases of --without-each (worst first).
struct Severity {
    std::uint32_t failures = 0;      ///< hats (and people) that fail the gate
    std::uint32_t vacant = 0;        ///< required hats that become vacant
    std::uint32_t understaffed = 0;  ///< hats that become understaffed
    std::uint32_t single_point = 0;  ///< hats that become single-point
    std::uint32_t hats_left = 0;     ///< hats they leave (handovers: held, or mostly their work)
    std::uint32_t orphaned = 0;      ///< source files left without an author
    std::uint32_t truck_factor_drop = 0;  ///< repository truck factor before − after (classic)
    std::uint32_t elephant_drop = 0;
    std::uint64_t commits_lost = 0;  ///< credited commits of the window that were theirs
};

/// One departure's outcome.
struct Scenario {
    Departure departure;
    std::vector<ProjectShift> projects;  ///< roster order
    std::vector<std::string> failures;   ///< "hat" (program: "project/hat"), then "burnout:KEY"
    Severity severity;
};

/// What run_whatif is asked.
struct WhatIfRequest {
    std::vector<std::string> without;  ///< WHO words: a key, an email, a name, or "@Affiliation"
    EachKind each = EachKind::none;
    WindowRequest window;
    FailOn fail_on;
    /// Threads for the cases (each case is independent; results never depend on the count).
    unsigned threads = 1;
};

/// The outcome of `roles whatif`.
struct WhatIfResult {
    std::string roster_file;           ///< empty in discovery mode
    bool program = false;
    RosterMode mode = RosterMode::roster;  ///< of the single project (roster for a program)
    Window window;                     ///< of the single project (a program: its first with history)
    WindowRule window_rule = WindowRule::recent;
    std::string head_id;               ///< single project only
    EachKind each = EachKind::none;
    std::vector<Scenario> scenarios;   ///< --without: one; --without-each: worst first
    std::vector<std::string> warnings;
};

/// The departure of one project: run on `history` under `roster` (a single project).
/// WHO words nobody matches are a usage error with "did you mean". Fails only for that, or
/// when an evidence rule or area glob does not compile.
[[nodiscard]] util::Expected<WhatIfResult> run_whatif(const git::History& history, const roster::Roster& roster,
                                                      RosterMode mode, const WhatIfRequest& request);

/// The same over every project of a program roster (ProgramInput's histories; a project
/// without one is judged on the roster alone). A person's commitment adds up their hats
/// across all projects, as the program audit's seats do.
[[nodiscard]] util::Expected<WhatIfResult> run_program_whatif(const ProgramInput& input,
                                                              const WhatIfRequest& request);

/// "none", "no-evidence-rules", "nobody-else", "thin-evidence".
[[nodiscard]] std::string_view to_string(HandoverNote note);
/// "repository", "directory", "hat-area".
[[nodiscard]] std::string_view to_string(ScopeKind kind);
/// "none", "affiliation", "person".
[[nodiscard]] std::string_view to_string(EachKind kind);

}  // namespace roles::engine
