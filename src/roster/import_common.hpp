#pragma once
// What the importers share: merging people across spellings, building projects from
// catalogs, and collecting problems. Internal to src/roster.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "roles/roster/import.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::roster {

/// A person as an import source writes them. Any field may be empty.
struct Contact {
    std::string name;
    std::vector<std::string> emails;  ///< plausible addresses only; others are dropped
    std::vector<std::string> logins;  ///< IRC nicks, GitHub handles, as written
    std::optional<std::string> affiliation;
    std::string key_hint;             ///< what the key is made from: a handle, an email's local part
};

/// People met during one import, one Person per human: a contact is the person who already
/// has one of its emails (ignoring case), else one of its logins (ignoring case), else its
/// normalised name (util::normalize_name: accents, case, punctuation, leading titles).
/// Keys are made once, from the first contact's key hint (else its name), lowercased with
/// anything but [a-z0-9._-] turned into '-', and made unique with the first label of the
/// email's domain ("john-example"), else "-2", "-3"...
class PeopleRegistry {
public:
    /// The key of the person `contact` is, adding or completing that person.
    std::string add(const Contact& contact);
    /// Everyone, by key.
    [[nodiscard]] std::map<std::string, Person> people() const;

private:
    [[nodiscard]] std::optional<std::size_t> find(const Contact& contact) const;
    void merge(std::size_t index, const Contact& contact);
    [[nodiscard]] std::string unique_key(const Contact& contact) const;

    std::vector<Person> m_people;
    std::map<std::string, std::size_t> m_index;     ///< key -> person
    std::map<std::string, std::size_t> m_by_email;  ///< lowercased email -> person
    std::map<std::string, std::size_t> m_by_login;  ///< lowercased login -> person
    std::map<std::string, std::size_t> m_by_name;   ///< normalised name -> person
};

/// "dmendiza[m]" -> "dmendiza-m": lowercase ASCII letters, digits, '.', '_' and '-' kept,
/// runs of anything else one '-', no '-' at either end. May be empty.
[[nodiscard]] std::string key_slug(std::string_view text);

/// What a key is made from for someone known by email: the local part ("gregkh"), unless it
/// is a generic mailbox name (linux@, kernel@, dev@, me@, opensource@...) or one letter, in
/// which case the name ("Guenter Roeck") when there is one.
[[nodiscard]] std::string email_key_hint(std::string_view email, std::string_view name);

/// "Odd Fixes" -> "odd-fixes": a valid hat id (lowercase words joined by single dashes), or
/// empty when `text` has no ASCII letter or digit.
[[nodiscard]] std::string kebab_id(std::string_view text);

/// True for name@domain with one '@' and no spaces or angle brackets (what the roster
/// loader accepts as an email).
[[nodiscard]] bool plausible_email(std::string_view email);

/// Built-in catalogs, each loaded once per import.
class CatalogShelf {
public:
    /// The catalog, or the loader's error (an unknown name, an invalid catalog file).
    util::Expected<const Catalog*> get(const std::string& name);

private:
    std::map<std::string, Catalog> m_catalogs;
};

/// A project holding every hat of `catalogs` in order, no holders given yet.
[[nodiscard]] util::Expected<Project> project_from_catalogs(const std::string& name,
                                                            const std::vector<std::string>& catalogs,
                                                            CatalogShelf& shelf);

/// The hat with this id, or nullptr.
[[nodiscard]] Hat* find_hat(Project& project, std::string_view id);

/// The hat with this id; when no catalog of the project has it, a project hat with `title`,
/// optional (an import adds such hats only for roles the source names), effort `effort`.
Hat& hat_or_define(Project& project, const std::string& id, const std::string& title, double effort);

/// Makes `keys` the hat's holders, as the source lists them (duplicates dropped, order kept).
/// An empty list is an explicit vacancy.
void set_holders(Hat& hat, const std::vector<std::string>& keys);

/// The term end written for a former holder whose end date the source does not give
/// (1970-01-01: before any history, so never current).
[[nodiscard]] Date unknown_term_end();

/// Adds former holders (term ended at an unknown date): history, never coverage.
void add_former_holders(Hat& hat, const std::vector<std::string>& keys);

/// Problems of a line-based file (MAINTAINERS, CODEOWNERS), as "FILE:LINE: message" lines.
/// (The YAML importers use the roster loader's Doc/Problems, which add the column.)
class ImportProblems {
public:
    explicit ImportProblems(std::string file) : m_file(std::move(file)) {}
    void error(int line, std::string_view message) { add(m_errors, line, message); }
    void warn(int line, std::string_view message) { add(m_warnings, line, message); }
    [[nodiscard]] bool has_errors() const { return !m_errors.empty(); }
    [[nodiscard]] const std::string& file() const { return m_file; }
    /// The input error for a malformed file: "invalid KIND file 'FILE': N problems" with
    /// every problem as a detail line, in line order.
    [[nodiscard]] util::Error failure(std::string_view kind) const;
    /// The warnings in line order.
    [[nodiscard]] std::vector<std::string> warnings() const;

private:
    struct Line {
        int line;
        std::string text;
    };
    void add(std::vector<Line>& to, int line, std::string_view message) const;
    static std::vector<std::string> sorted(std::vector<Line> lines);

    std::string m_file;
    std::vector<Line> m_errors;
    std::vector<Line> m_warnings;
};

/// Why the source leaves a hat vacant, by (project, hat), for the vacancy list.
using VacancyNotes = std::map<std::pair<std::string, std::string>, std::string>;

/// The finished import: people from the registry, vacancies computed (with the importer's
/// reasons where it gave one), and, when `options.project` names a project, that project
/// alone as a plain roster (a usage error with "did you mean" when nothing matches).
/// `matches` says whether a project answers to a name, beyond its own.
[[nodiscard]] util::Expected<ImportResult> finish_import(
    Roster roster, const PeopleRegistry& people, const VacancyNotes& notes, std::vector<std::string> warnings,
    const ImportOptions& options, const std::map<std::string, std::vector<std::string>>& other_names);

/// The importers, one per kind (import_<kind>.cpp); `file` is used in messages.
[[nodiscard]] util::Expected<ImportResult> import_openstack(const std::string& text, const std::string& file,
                                                            const ImportOptions& options);
[[nodiscard]] util::Expected<ImportResult> import_kubernetes(const std::string& text, const std::string& file,
                                                             const ImportOptions& options);
[[nodiscard]] util::Expected<ImportResult> import_maintainers(const std::string& text, const std::string& file,
                                                              const ImportOptions& options);
[[nodiscard]] util::Expected<ImportResult> import_codeowners(const std::string& text, const std::string& file,
                                                             const ImportOptions& options);
[[nodiscard]] util::Expected<ImportResult> import_owners(const std::string& text, const std::string& file,
                                                         const ImportOptions& options);

}  // namespace roles::roster
