#pragma once
// Resolving the identities seen in history to people, and spotting bots.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// Index into Resolution::people.
using PersonId = std::uint32_t;

/// A person as the engine knows them: a roster person, or someone discovered in history.
struct PersonInfo {
    std::string key;   ///< roster key; for discovered people the email's local part (made unique)
    std::string name;
    std::vector<std::string> emails;
    std::optional<std::string> affiliation;  ///< roster affiliation only
    double capacity = 1.0;
    bool on_roster = false;
};

/// The outcome of identity resolution. Roster people come first, in key order, then
/// discovered people in order of first appearance in history.
struct Resolution {
    std::vector<PersonInfo> people;
    /// For each History identity: the person, or nullopt for a bot.
    std::vector<std::optional<PersonId>> person_of_identity;

    /// The person with this roster/discovered key, if any.
    [[nodiscard]] std::optional<PersonId> find(const std::string& key) const;
};

/// Identity globs that are always bots (CI gates, `*[bot]` accounts).
[[nodiscard]] const std::vector<std::string>& builtin_bot_globs();

/// True when `identity` matches one of `globs`. A glob with '@' is matched against the
/// email, one without against the name; '*' and '?' are wildcards, '[' is literal (so
/// "*[bot]@*" means what it says); case-insensitive.
[[nodiscard]] bool is_bot(const git::Identity& identity, const std::vector<std::string>& globs);

/// Resolves every identity of `history`: an email listed for a roster person (case-
/// insensitive) wins, then a roster person's normalised name or alias, then an earlier
/// identity with the same normalised name (so spellings of one person merge), else a new
/// discovered person. .mailmap has already been applied by the loader. Bots (built-in
/// globs plus roster `bots:`) resolve to nullopt.
[[nodiscard]] Resolution resolve_identities(const git::History& history,
                                            const roster::Roster& roster);

/// Resolves a free-form "Name <email>" (a trailer value) against an existing resolution:
/// by email first, then by normalised name. nullopt when nobody matches.
[[nodiscard]] std::optional<PersonId> resolve_text(const std::string& name_and_email,
                                                   const git::History& history,
                                                   const Resolution& resolution);

}  // namespace roles::engine
