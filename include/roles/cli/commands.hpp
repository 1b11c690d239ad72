#pragma once
// One function per subcommand; each returns the exit code of a completed run.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "roles/cli/options.hpp"
#include "roles/engine/audit.hpp"
#include "roles/engine/cycle.hpp"
#include "roles/git/history.hpp"
#include "roles/git/loader.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::cli {

/// Wall time of each phase, printed to stderr by --stats: "roster 1.2 ms, history ...".
class PhaseTimer {
public:
    void start() { m_start = std::chrono::steady_clock::now(); }
    void stop(const std::string& phase);
    void note(const std::string& text) { m_report += " (" + text + ")"; }
    [[nodiscard]] const std::string& report() const { return m_report; }

private:
    std::chrono::steady_clock::time_point m_start;
    std::string m_report;
};

/// What audit and load analyse.
struct ProjectInputs {
    roster::Roster roster;
    engine::RosterMode mode = engine::RosterMode::roster;
    std::string note;                 ///< the discovery-mode hint, or empty
    git::History history;
    engine::WindowRequest request;    ///< --since/--until resolved against the history
};

/// Where a repository's roster was looked for, for messages: the work-tree path or "REF:ROLES.yaml".
struct RosterOrigin {
    std::string shown;
};

/// The repository's own roster (README.md, "Untrusted input"): ROLES.yaml at the root of the
/// work tree when it is a regular file or a symbolic link that stays inside the work tree;
/// without a work tree (a bare clone), ROLES.yaml in the tree of `ref`, whose catalog paths are
/// read from that tree too. nullopt when there is none. An input error for a link that leaves
/// the repository, a FIFO, device or directory in its place, a file over the size limit, or
/// an invalid roster. Catalog paths in it must stay inside the repository.
[[nodiscard]] util::Expected<std::optional<roster::Roster>> load_repository_roster(const std::string& repo,
                                                                                   const std::string& ref,
                                                                                   RosterOrigin& origin);

/// Whether a roster path was given by the user or is the default one (`roles validate` with
/// no argument reads ./ROLES.yaml, which belongs to the repository around it).
enum class PathChoice { user, repository_default };

/// A roster file by path (--roster, `validate [PATH]`): a path the user gave is the user's
/// choice (links followed); the default path must be a regular file or a symbolic link that
/// stays inside the work tree. Either way catalog paths in it stay inside the work tree that
/// holds it (or its directory).
[[nodiscard]] util::Expected<roster::Roster> load_named_roster(const std::string& path, PathChoice choice);

/// Loads the roster (--roster; else ROLES.yaml at the repository root; else, unless
/// --require-roster, the discovery roster), then the history of --ref, then resolves
/// --since/--until (a date, a tag or a commit id). Times the phases into `timer`.
[[nodiscard]] util::Expected<ProjectInputs> load_project_inputs(const Options& options, PhaseTimer& timer);

/// An input error (exit 2) for a shallow `history` unless --allow-shallow: "the history is
/// shallow (N commits): fetch it whole (...)"; `what` names it ("repository 'X'").
[[nodiscard]] util::Expected<void> refuse_shallow(const Options& options, const git::History& history,
                                                  const std::string& what);

/// The loader options of --ref, --threads and the cache flags, for the repository at `path`.
[[nodiscard]] git::LoadOptions history_options(const Options& options, const std::string& path);

/// What the engine may ask the repository at `path` about refs and commits outside
/// `history` (libgit2: a ref's commit, `git merge-base`). The repository is opened on first use.
[[nodiscard]] engine::RepositoryLookup repository_lookup(const std::string& path);

/// `roles report` on a program roster without --project (program_report_command.cpp): the
/// program summary and each project's cycle report, as markdown, text or html.
[[nodiscard]] util::Expected<util::ExitCode> run_program_summary(const Options& options, const roster::Roster& roster);

/// --since/--until as window bounds: a date, or a ref (tag, commit id, branch) resolved as
/// the ends of `report --cycle` are, so a ref end follows git range semantics.
[[nodiscard]] util::Expected<engine::WindowRequest> resolve_window_request(const Options& options,
                                                                           const git::History& history);

/// The first half of load_project_inputs: the roster only (history left empty).
[[nodiscard]] util::Expected<ProjectInputs> load_roster_stage(const Options& options, PhaseTimer& timer);

/// The second half: loads the history of --ref in --repo into `inputs` and resolves
/// --since/--until against it.
[[nodiscard]] util::Expected<void> load_history_stage(const Options& options, ProjectInputs& inputs,
                                                      PhaseTimer& timer);

/// `roles audit` on a program roster: loads each project's `repos:` (relative to the roster
/// file; a repository that cannot be read is a warning and the project is audited on what
/// remains, or on the roster alone), audits every project, adds up seats across projects,
/// renders, and returns gate_failed when anything matched --fail-on. --since/--until take
/// dates only here (a tag or a commit would be ambiguous across repositories).
[[nodiscard]] util::Expected<util::ExitCode> run_program_audit(const Options& options, const roster::Roster& roster,
                                                               const engine::FailOn& fail_on, PhaseTimer& timer);

/// One project of a program roster, ready for a single-project command.
struct ProgramMember {
    roster::Roster roster;               ///< the project alone (roster::single_project)
    std::optional<git::History> history; ///< its repositories' merged history
};

/// The projects `load` and `report` run on for a program roster: the one --project names (an
/// unknown name is a usage error with "did you mean"), else every project, each with the
/// merged history of its `repos:` (relative to the roster file; each read once). A
/// repository that cannot be read, and a project left with none, are warnings; such a
/// project is left out.
[[nodiscard]] util::Expected<std::vector<ProgramMember>> program_members(const Options& options,
                                                                         const roster::Roster& roster,
                                                                         std::vector<std::string>& warnings);

/// The usage error for --project on a single-project roster.
[[nodiscard]] util::Expected<util::ExitCode> not_a_program(const ProjectInputs& inputs);

/// `roles audit`: load the roster (or the discovery roster), then history, assess coverage,
/// render, and return gate_failed when a hat matches --fail-on.
[[nodiscard]] util::Expected<util::ExitCode> run_audit(const Options& options);

/// `roles load`: the same loading as audit, then one row per person with hats, commitment,
/// activity and burnout signals; `--person KEY` shows one person's detail (an unknown key is
/// a usage error with a "did you mean"). Always returns ok: load has no gate.
[[nodiscard]] util::Expected<util::ExitCode> run_load(const Options& options);

/// `roles identities`: the same loading as audit, then every person with the identities
/// behind them and why each joined, the tools the automation rules set apart, and likely
/// merges not made (text or JSON). Always returns ok.
[[nodiscard]] util::Expected<util::ExitCode> run_identities(const Options& options);

/// `roles report`: the same loading as audit, then the cycle (--cycle A..B or auto) against
/// the previous cycle of the same length, rendered as Markdown (default; `--format text` is
/// the same), JSON or one self-contained HTML page. Always returns ok: report has no gate.
[[nodiscard]] util::Expected<util::ExitCode> run_report(const Options& options);

/// `roles whatif`: the audit once the people --without names (or, with --without-each, each
/// affiliation or person in turn) have left, against the audit as it is; a project or a
/// program roster; text, JSON or Markdown. Returns gate_failed when a hat newly matches
/// --fail-on in any case. An unknown WHO is a usage error with "did you mean".
[[nodiscard]] util::Expected<util::ExitCode> run_whatif(const Options& options);

/// The histories of a program's projects for `roles audit` and `roles whatif`: each
/// project's `repos:` (relative to the roster file) merged, or nullopt when none could be
/// read (a warning in `warnings`); shallow ones are refused as refuse_shallow says.
[[nodiscard]] util::Expected<std::vector<std::optional<git::History>>> load_program_histories(
    const Options& options, const roster::Roster& roster, std::vector<std::string>& warnings, PhaseTimer& timer);

/// `roles validate`: parse and check a roster; prints a summary and the warnings.
[[nodiscard]] util::Expected<util::ExitCode> run_validate(const Options& options);

/// `roles hats`: list catalogs and their hats with descriptions and evidence rules.
[[nodiscard]] util::Expected<util::ExitCode> run_hats(const Options& options);

/// `roles import KIND FILE`: turns a published roster into roster YAML, checked by loading it
/// back, written to -o FILE (never over an existing file without --force: a usage error) or
/// stdout. Warnings and a one-line summary go to stderr unless --quiet.
[[nodiscard]] util::Expected<util::ExitCode> run_import(const Options& options);

/// `roles init [REPO]`: drafts a roster from the repository's history (the catalog of
/// --catalog or the one detected, proposed holders with their shares) and its CODEOWNERS and
/// MAINTAINERS files, checks that it loads back, and writes it to ROLES.yaml at the work
/// tree's root, -o FILE, or stdout for `-o -`. An existing file is never replaced without
/// --force (a usage error, exit 2).
[[nodiscard]] util::Expected<util::ExitCode> run_init(const Options& options);

/// The name of the repository containing `repo`: its work tree's folder, or for a bare
/// repository its git dir's folder without ".git" ("project" when there is none).
[[nodiscard]] std::string repository_name(const std::string& repo);

/// The roster `--import KIND:FILE` gives every command that reads history (with the kind's
/// pick, --team/--group): the import, written and loaded back exactly as `roles import` +
/// `--roster` would see it. A kind that picks by repository (openstack) without its pick
/// option takes the project whose repositories include the repository (by its origin's
/// owner/name, else its folder's name); none or several is a usage error saying so. Import
/// warnings go to stderr unless --quiet. A spec without ':' or with an unknown kind is a usage
/// error.
[[nodiscard]] util::Expected<roster::Roster> roster_from_import(const Options& options);

}  // namespace roles::cli
