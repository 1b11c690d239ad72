#pragma once
// Loading and validating rosters and hat catalogs with yaml-cpp.

#include <expected>
#include <functional>
#include <string>
#include <vector>

#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::roster {

/// Directories searched, in order, for built-in catalogs (`<name>.yaml`):
/// $ROLES_CATALOG_DIR, `<binary dir>/roles`, `<binary dir>/../share/roles/catalogs`, and the
/// install directory compiled in.
[[nodiscard]] std::vector<std::string> catalog_search_dirs();

/// Names of the built-in catalogs found in the search dirs, sorted.
[[nodiscard]] std::vector<std::string> builtin_catalog_names();

/// Loads one catalog by built-in name or by path (a name containing '/' or ending in .yaml
/// is a path, relative to `relative_to` when not absolute). Errors carry FILE:LINE:COL
/// details for every problem found.
[[nodiscard]] util::Expected<Catalog> load_catalog(const std::string& name_or_path,
                                                   const std::string& relative_to = ".");

/// Where a roster's catalog paths may lead and how they are read (built-in catalog names are
/// looked up as always). A roster is untrusted input (README.md, "Untrusted input"): a catalog
/// path in it must stay inside `root` once symbolic links are followed, so that a roster cannot
/// make roles read, and quote, any other file of the machine.
struct RosterContext {
    /// The directory catalog paths must stay within; empty: the roster's own directory.
    std::string root;
    /// When set, catalog paths are read through it, not from the file system (a roster read
    /// from a git tree): it gets the path relative to the repository root, normalised, and
    /// returns the file's text or a lowercase reason. `shown_prefix` + that path names the
    /// catalog in messages ("HEAD:" gives "HEAD:ci/hats.yaml").
    std::function<std::expected<std::string, std::string>(const std::string&)> read;
    std::string shown_prefix;
    /// The project name of a roster without `project:`; empty: the roster directory's name.
    std::string default_project;
};

/// Parses and validates a roster file. Every problem in the file is collected and returned
/// at once as `Error::details` ("FILE:LINE:COL: message", with "did you mean" for
/// misspelled keys, hats and people); nothing partial is returned.
/// Warnings (e.g. a catalog hat overridden with no change) land in Roster::warnings.
/// The file must be a regular file (symbolic links followed: a path given by the user is the
/// user's choice) of at most util::k_max_input_file_bytes.
[[nodiscard]] util::Expected<Roster> load_roster(const std::string& path, const RosterContext& context = {});

/// The same, from text already in memory; `file_name` is used in messages and, when
/// `context.read` is not set, locates relative catalog paths.
[[nodiscard]] util::Expected<Roster> parse_roster(const std::string& text, const std::string& file_name,
                                                  const RosterContext& context = {});

/// The roster used when a repository has none: every hat of the `generic` catalog,
/// no holders (discovery mode).
[[nodiscard]] util::Expected<Roster> discovery_roster();

/// A roster of one project named `project` on the catalog `catalog` (a built-in name or a
/// path): every hat of it, unlisted (fallbacks applied, so with no holders), no people, the
/// built-in automation rules. discovery_roster() is this for `generic`.
[[nodiscard]] util::Expected<Roster> catalog_roster(const std::string& catalog, const std::string& project);

/// Project `index` of a program roster as a plain roster of that project alone: the same
/// settings, people and automation rules, `project` set to its name, `program` false.
[[nodiscard]] Roster single_project(const Roster& program, std::size_t index);

/// Fills hats that the roster left unlisted from the hats that stand in for them: for each
/// hat H with `fallback_for: [X...]`, in order, every X whose source is still `unlisted` gets
/// H's holders (with their terms), source `fallback`, fallback_from H. Hats with `holders:`
/// given, even empty (explicitly vacant), are left alone; the first H to claim an X wins.
/// The loaders already apply it; exposed for callers that build projects themselves.
void apply_fallbacks(std::vector<Hat>& hats);

/// Parses "90d", "12w", "6m", "1y". Returns nullopt on anything else.
[[nodiscard]] std::optional<Duration> parse_duration(const std::string& text);

/// Parses "YYYY-MM-DD" (a real calendar date). Returns nullopt on anything else.
[[nodiscard]] std::optional<Date> parse_date(const std::string& text);

}  // namespace roles::roster
