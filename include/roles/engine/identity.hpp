#pragma once
// Resolving the identities seen in history to people, and telling tools (bots, AI assistants,
// forge committers) from people with the roster's automation rules.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// Index into Resolution::people.
using PersonId = std::uint32_t;
/// Index into Resolution::rules.
using RuleId = std::uint32_t;

/// A person as the engine knows them: a roster person, or someone discovered in history.
struct PersonInfo {
    std::string key;   ///< roster key; for discovered people a slug of `name`, made unique
    std::string name;  ///< roster name; for discovered people the name used on most commits
    std::vector<std::string> emails;  ///< roster emails, then every email seen, as written
    std::optional<std::string> affiliation;  ///< roster affiliation only
    double capacity = 1.0;
    bool on_roster = false;

    /// How texts name them: the roster key for roster people (the roster's own word for
    /// them), the display name for everyone else.
    [[nodiscard]] const std::string& label() const { return on_roster || name.empty() ? key : name; }
};

/// Why an identity belongs to its person.
enum class MergeReason : std::uint8_t {
    first,          ///< the first identity of a discovered person (no other reason needed)
    email,          ///< shares an email (case-insensitive) with another identity of the person
    github_login,   ///< shares a GitHub login (`[ID+]login@users.noreply.github.com`)
    name,           ///< shares a normalised name of two words or more
    roster_email,   ///< an email the roster lists for the person
    roster_login,   ///< a login the roster lists for the person
    roster_name,    ///< the roster name or one of its aliases
};

/// "first", "email", "github-login", "name", "roster-email", "roster-login", "roster-name".
[[nodiscard]] std::string_view to_string(MergeReason reason);

/// Why one identity resolved to its person: the reason and the email, login or name shared.
struct IdentityLink {
    MergeReason reason = MergeReason::first;
    std::string value;
};

/// The outcome of identity resolution. Roster people come first, in key order, then
/// discovered people in the order their first identity appears in history.
struct Resolution {
    std::vector<PersonInfo> people;
    /// For each History identity: the person, or nullopt for a tool.
    std::vector<std::optional<PersonId>> person_of_identity;
    /// For each History identity: the automation rule it matched (first match), if any.
    std::vector<std::optional<RuleId>> rule_of_identity;
    /// For each History identity resolved to a person: why (reason `first` for tools).
    std::vector<IdentityLink> link_of_identity;
    /// The rules in force (the roster's `automation`), indexed by RuleId.
    std::vector<roster::AutomationRule> rules;
    /// The rules' globs ready for fnmatch (brackets escaped): email, name; "" = not checked.
    std::vector<std::pair<std::string, std::string>> rule_patterns;
    /// Lookups for trailer values: lowercase email, lowercase GitHub login, normalised name.
    std::unordered_map<std::string, PersonId> by_email;
    std::unordered_map<std::string, PersonId> by_login;
    std::unordered_map<std::string, PersonId> by_name;

    /// The person with this roster/discovered key, if any.
    [[nodiscard]] std::optional<PersonId> find(const std::string& key) const;
    /// The automation kind of an identity, nullopt for people.
    [[nodiscard]] std::optional<roster::AutomationKind> automation_kind(git::IdentityId identity) const;
};

/// True when `identity` matches `rule`: every non-empty glob (email, name) matches, '*' and
/// '?' wildcards, '[' literal (so "*[bot]@*" means what it says), case-insensitive.
[[nodiscard]] bool matches(const roster::AutomationRule& rule, const git::Identity& identity);

/// The GitHub login of a noreply address (`12345+login@users.noreply.github.com` or
/// `login@users.noreply.github.com`), lowercased; nullopt for other addresses.
[[nodiscard]] std::optional<std::string> github_login(std::string_view email);

/// The readable key of a discovered person: the normalised name with '-' between words
/// ("Eileen M. Uchitelle" -> "eileen-m-uchitelle"); "person" when nothing is left.
[[nodiscard]] std::string person_slug(std::string_view name);

/// Resolves every identity of `history` (.mailmap already applied by the loader).
/// Identities matching an automation rule of `roster.automation` are tools (nullopt).
/// The others are grouped transitively, independent of the order they are met: identities
/// sharing an email (case-insensitive), a GitHub login, or a normalised name of at least two
/// words are one person. A group that matches a roster person (email, login, name or alias)
/// is that person; a group matching several roster people gives each identity to the roster
/// person it matches itself (the others to the first of them in key order). Other groups are
/// discovered people named by their most used name (ties: the smaller name), keyed by its
/// slug; equal slugs are numbered (`-2`, `-3`) in the order of the groups' smallest email.
[[nodiscard]] Resolution resolve_identities(const git::History& history,
                                            const roster::Roster& roster);

/// Resolves a free-form "Name <email>" (a trailer value) against an existing resolution:
/// a tool's email or name first (nullopt), then by email, GitHub login, then normalised name.
/// nullopt when nobody matches.
[[nodiscard]] std::optional<PersonId> resolve_text(const std::string& name_and_email,
                                                   const git::History& history,
                                                   const Resolution& resolution);

}  // namespace roles::engine
