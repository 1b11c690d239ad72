#pragma once
// resolve_text over many values: the same answers, from tables built once.

#include <optional>
#include <string>
#include <unordered_map>

#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"

namespace roles::engine {

/// Resolves free-form "Name <email>" values (trailers, review notes) to people with the
/// result resolve_text gives (the first history identity whose email or normalised name
/// matches, else the first person whose email or name matches), but from lookup tables built
/// once, so that a history with thousands of identities and of distinct trailer values
/// (git/git) is not scanned once per value. Each distinct value is resolved once.
/// tests/engine/test_activity.cpp checks that it agrees with resolve_text.
class TextIndex {
public:
    TextIndex(const git::History& history, const Resolution& resolution);

    [[nodiscard]] std::optional<PersonId> resolve(const std::string& name_and_email);

private:
    [[nodiscard]] std::optional<PersonId> lookup(const std::string& name_and_email) const;

    const Resolution& m_resolution;
    // Lowercase email / normalised name -> the first index having it.
    std::unordered_map<std::string, std::size_t> m_identity_email;
    std::unordered_map<std::string, std::size_t> m_identity_name;
    std::unordered_map<std::string, std::size_t> m_person_email;
    std::unordered_map<std::string, std::size_t> m_person_name;
    std::unordered_map<std::string, std::optional<PersonId>> m_resolved;
};

}  // namespace roles::engine
