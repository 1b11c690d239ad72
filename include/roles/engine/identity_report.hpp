#pragma once
// `roles identities`: every person with the identities behind them and why each joined, the
// tools the automation rules set apart, and likely merges that were not made.

#include <cstdint>
#include <string>
#include <vector>

#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// One identity as history wrote it (after .mailmap) and how many commits name it.
struct IdentityRow {
    std::string name;
    std::string email;
    std::uint32_t commits = 0;  ///< non-merge commits naming it as author or co-author
    IdentityLink link;          ///< why it belongs to its person (reason `first` for tools)
};

/// A person and their identities, most used first.
struct PersonIdentities {
    std::string key;
    std::string name;
    bool on_roster = false;
    std::uint32_t commits = 0;  ///< sum over the identities
    std::vector<IdentityRow> identities;
};

/// The identities one automation rule matched.
struct ToolIdentities {
    std::string rule;
    roster::AutomationKind kind = roster::AutomationKind::bot;
    std::string origin;
    std::vector<IdentityRow> identities;
};

/// Why two or more people may be one.
enum class LikelyReason : std::uint8_t {
    same_name,    ///< the same one-word name (one-word names never join people by themselves)
    same_handle,  ///< an email local part or GitHub login of one is the handle or name of another
};

/// "same-name", "same-handle".
[[nodiscard]] std::string_view to_string(LikelyReason reason);

/// People who may be one person; settle with roster `emails`, `aliases` or `logins`.
struct LikelyMerge {
    LikelyReason reason = LikelyReason::same_name;
    std::string value;                ///< the shared name or handle
    std::vector<std::string> people;  ///< keys, in report order
};

struct IdentityReport {
    std::vector<PersonIdentities> people;  ///< most commits first, then key
    std::vector<ToolIdentities> tools;     ///< rule order
    std::vector<LikelyMerge> likely;       ///< by value
    std::uint32_t identities = 0;          ///< identities in history
    std::vector<std::string> warnings;
};

/// Builds the report from a resolution of `history` (people with no identity in history,
/// roster people who never committed, are left out).
[[nodiscard]] IdentityReport report_identities(const git::History& history, const Resolution& resolution);

}  // namespace roles::engine
