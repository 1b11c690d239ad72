#pragma once
// Turning published rosters into `roles` rosters (docs/roster-format.md, "Imported rosters"): OpenStack
// governance projects.yaml, Kubernetes sigs.yaml, the Linux MAINTAINERS file, GitHub
// CODEOWNERS and Kubernetes-style OWNERS files. The mapping decisions are written down in README.md, "Importing published
// rosters".

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::roster {

/// The kinds of published roster `roles import` reads: the key of a row of import_kinds().
enum class ImportKind : unsigned char { openstack, kubernetes, maintainers, codeowners, owners };

/// A second file an import reads with the first (OWNERS_ALIASES for an OWNERS file).
struct CompanionFile {
    std::string file;  ///< used in messages
    std::string text;
};

/// What to import.
struct ImportOptions {
    /// One project only (`--team` for openstack, `--group` for kubernetes): the result is a
    /// plain single-project roster holding just the people that project names. Matched
    /// against the project's name exactly, then ignoring case and punctuation (and for
    /// kubernetes against the group's `dir`, `name` and `label`).
    std::optional<std::string> project;
    /// owners: the OWNERS_ALIASES whose aliases the OWNERS file may name. Without one, every
    /// entry is a GitHub login (import_roster_file looks for one beside the file).
    std::optional<CompanionFile> owners_aliases = std::nullopt;
};

struct ImportResult;

/// An importer: the text of a file (named `file` in messages) turned into a roster.
using Importer = util::Expected<ImportResult> (*)(const std::string& text, const std::string& file,
                                                  const ImportOptions& options);

/// Whether `--import KIND:FILE` without the kind's pick option chooses, by itself, the
/// project whose repositories (ImportResult::remote_repos) include the analysed repository.
enum class PickByRepository : unsigned char { no, yes };

/// One kind of published roster: a row of the import table (src/roster/import_kinds.cpp). The
/// CLI builds `roles import KIND`, `--import KIND:FILE`, their pick options and help from it.
struct ImportKindInfo {
    ImportKind kind;
    std::string_view name;       ///< "openstack": KIND on the command line
    std::string_view source;     ///< what the file is: "OpenStack governance projects.yaml"
    std::string_view pick;       ///< the option keeping one project, without dashes ("team"), or empty
    std::string_view pick_help;  ///< help of that option
    PickByRepository by_repository = PickByRepository::no;
    Importer import = nullptr;
};

/// Every import kind, in the order the CLI lists them.
[[nodiscard]] std::span<const ImportKindInfo> import_kinds();
/// The row of `kind`.
[[nodiscard]] const ImportKindInfo& import_kind_info(ImportKind kind);
/// The kind names of import_kinds(), in table order.
[[nodiscard]] std::span<const std::string> import_kind_names();
/// The kind with this name (exact, lowercase), or nullopt.
[[nodiscard]] std::optional<ImportKind> parse_import_kind(std::string_view name);
/// The name of a kind, as import_kind_names() spells it.
[[nodiscard]] std::string import_kind_name(ImportKind kind);

/// A required hat that the source leaves with no current holder.
struct Vacancy {
    std::string project;
    std::string hat;
    std::string reason;  ///< "placeholder 'APPOINTMENT NEEDED'", "S: Orphan", ...
};

/// An imported roster and what the import noticed on the way.
struct ImportResult {
    /// A program roster (each team, group, section or rule a project), or a plain roster
    /// when ImportOptions::project picked one. Built as the roster loader would build the
    /// roster file write_roster() makes of it: catalog hats merged, fallbacks applied.
    Roster roster;
    /// Required hats with no current holder, in project then hat order: placeholders,
    /// Orphan sections, missing distributed-leadership liaisons, and the hats that fall back
    /// to a vacant hat (an OpenStack placeholder PTL leaves release and security vacant).
    std::vector<Vacancy> vacancies;
    /// "FILE:LINE[:COL]: message" lines for things kept or skipped with a guess (unknown
    /// statuses, a rule that can never apply, an identity merged by name only...).
    std::vector<std::string> warnings;
    /// The remote repositories the file names for each project, as written: an openstack
    /// team's deliverables' `repos:` ("openstack/nova"). Empty for the other kinds.
    std::map<std::string, std::vector<std::string>> remote_repos;
};

/// The projects of `result` one of whose remote_repos is the repository known by `names`: a
/// name with '/' ("openstack/nova", from a remote URL) must equal a repository, one without
/// ("nova", a folder) its part after the last '/'; case is ignored. Sorted by project name.
[[nodiscard]] std::vector<std::string> projects_with_repository(const ImportResult& result,
                                                                const std::vector<std::string>& names);

/// Imports the file at `path`. A file that cannot be read is an input error; a malformed
/// one is an input error whose details are every problem as "FILE:LINE: message" (line-based
/// formats) or "FILE:LINE:COL: message" (YAML formats). An unknown ImportOptions::project is
/// a usage error with a "did you mean".
[[nodiscard]] util::Expected<ImportResult> import_roster_file(ImportKind kind, const std::string& path,
                                                              const ImportOptions& options = {});

/// The same, from text already in memory; `file_name` is used in messages and as the
/// roster's file.
[[nodiscard]] util::Expected<ImportResult> import_roster_text(ImportKind kind, const std::string& text,
                                                              const std::string& file_name,
                                                              const ImportOptions& options = {});

/// The OWNERS_ALIASES file in the directory of the OWNERS file at `path`, if there is one.
[[nodiscard]] util::Expected<std::optional<CompanionFile>> owners_aliases_beside(const std::string& path);

/// One person's seats in a roster.
struct Seats {
    std::string person;
    int hats = 0;      ///< (project, hat) pairs the roster lists them as a current holder of
    int projects = 0;  ///< projects where they hold at least one of those hats
};

/// Seats of every person holding at least one, most hats first (then most projects, then
/// key). Only holders the roster lists count: a hat filled by a fallback is not a seat, and a
/// former holder (a term with `until`) is history, not a seat.
[[nodiscard]] std::vector<Seats> seats_by_person(const Roster& roster);

/// Required hats with no holder that is current at `at` (seconds since the epoch), where the
/// roster either lists the holders or fills them from a fallback; hats the roster says
/// nothing about are not counted (the source did not speak to them). Reasons are generic
/// ("no holder", "falls back to vacant 'ptl'").
[[nodiscard]] std::vector<Vacancy> vacant_hats(const Roster& roster, std::int64_t at);

/// One CODEOWNERS rule, as written.
struct CodeownersRule {
    int line = 0;
    std::string pattern;
    std::vector<std::string> owners;  ///< "@user", "@org/team" or an email; empty = un-owned
};

/// The rules of a CODEOWNERS file in file order (comments and blank lines skipped). Malformed
/// lines (an owner that is neither @user, @org/team nor an email, a negated pattern, a
/// GitLab section header) fail with every problem as "FILE:LINE: message".
[[nodiscard]] util::Expected<std::vector<CodeownersRule>> parse_codeowners(const std::string& text,
                                                                           const std::string& file_name);

}  // namespace roles::roster
