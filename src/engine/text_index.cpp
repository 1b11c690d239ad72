#include "roles/engine/text_index.hpp"

#include <algorithm>

#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// The name and lowercase email of "Name <email>", split as resolve_text splits them.
std::pair<std::string, std::string> split(const std::string& name_and_email) {
    const auto open = name_and_email.find('<');
    const auto close = name_and_email.find('>', open == std::string::npos ? 0 : open);
    std::string name(util::trim(name_and_email.substr(0, open)));
    std::string email;
    if (open != std::string::npos && close != std::string::npos) {
        email = util::to_lower_ascii(util::trim(name_and_email.substr(open + 1, close - open - 1)));
    }
    return {util::normalize_name(name), email};
}

std::optional<std::size_t> first(const std::unordered_map<std::string, std::size_t>& table, const std::string& key) {
    if (key.empty()) return std::nullopt;
    const auto found = table.find(key);
    if (found == table.end()) return std::nullopt;
    return found->second;
}

// The smaller of two optional indexes.
std::optional<std::size_t> earliest(std::optional<std::size_t> a, std::optional<std::size_t> b) {
    if (a && b) return std::min(*a, *b);
    return a ? a : b;
}

}  // namespace

TextIndex::TextIndex(const git::History& history, const Resolution& resolution) : m_resolution(resolution) {
    for (std::size_t i = 0; i < history.identities.size(); ++i) {
        const auto& identity = history.identities[i];
        m_identity_email.try_emplace(util::to_lower_ascii(identity.email), i);
        m_identity_name.try_emplace(util::normalize_name(identity.name), i);
    }
    for (std::size_t p = 0; p < resolution.people.size(); ++p) {
        for (const auto& email : resolution.people[p].emails) m_person_email.try_emplace(util::to_lower_ascii(email), p);
        m_person_name.try_emplace(util::normalize_name(resolution.people[p].name), p);
    }
}

std::optional<PersonId> TextIndex::lookup(const std::string& name_and_email) const {
    const auto [name, email] = split(name_and_email);
    if (const auto identity = earliest(first(m_identity_email, email), first(m_identity_name, name))) {
        return m_resolution.person_of_identity.at(*identity);
    }
    if (const auto person = earliest(first(m_person_email, email), first(m_person_name, name))) {
        return static_cast<PersonId>(*person);
    }
    return std::nullopt;
}

std::optional<PersonId> TextIndex::resolve(const std::string& name_and_email) {
    const auto [it, added] = m_resolved.try_emplace(name_and_email);
    if (added) it->second = lookup(name_and_email);
    return it->second;
}

}  // namespace roles::engine
