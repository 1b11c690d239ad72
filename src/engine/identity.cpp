#include "roles/engine/identity.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// fnmatch treats '[' as a character class; bot globs are written as plain text with
// '*' and '?' only ("*[bot]@*"), so brackets are escaped before matching.
std::string escape_brackets(std::string_view glob) {
    std::string out;
    out.reserve(glob.size() + 4);
    for (char c : glob) {
        if (c == '[' || c == ']' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

// A bot glob ready for fnmatch, and which half of an identity it is matched against.
struct BotGlob {
    std::string pattern;  // brackets escaped
    bool on_email = false;
};

std::vector<BotGlob> compile_bot_globs(const std::vector<std::string>& globs) {
    std::vector<BotGlob> compiled;
    compiled.reserve(globs.size());
    for (const auto& glob : globs) compiled.push_back({escape_brackets(glob), glob.find('@') != std::string::npos});
    return compiled;
}

bool matches_any(const std::vector<BotGlob>& globs, const git::Identity& identity) {
    return std::ranges::any_of(globs, [&](const BotGlob& glob) {
        const std::string& text = glob.on_email ? identity.email : identity.name;
        return fnmatch(glob.pattern.c_str(), text.c_str(), FNM_CASEFOLD) == 0;
    });
}

std::string local_part(const std::string& email) {
    const auto at = email.find('@');
    std::string key = util::to_lower_ascii(email.substr(0, at));
    return key.empty() ? std::string("unknown") : key;
}

// Lookup tables built once from the roster, then extended as history is read.
struct Index {
    std::unordered_map<std::string, PersonId> by_email;  // lowercase email
    std::unordered_map<std::string, PersonId> by_name;   // normalised name
    std::unordered_set<std::string> keys;
};

void add_roster_people(const roster::Roster& roster, Resolution& out, Index& index) {
    for (const auto& [key, person] : roster.people) {
        const auto id = static_cast<PersonId>(out.people.size());
        out.people.push_back(PersonInfo{key, person.name, person.emails, person.affiliation,
                                        person.capacity, true});
        index.keys.insert(key);
        for (const auto& email : person.emails) index.by_email.emplace(util::to_lower_ascii(email), id);
        if (auto name = util::normalize_name(person.name); !name.empty()) index.by_name.emplace(name, id);
        for (const auto& alias : person.aliases) {
            if (auto name = util::normalize_name(alias); !name.empty()) index.by_name.emplace(name, id);
        }
    }
}

PersonId add_discovered(const git::Identity& identity, Resolution& out, Index& index) {
    std::string key = local_part(identity.email);
    for (int suffix = 2; index.keys.contains(key); ++suffix) {
        key = local_part(identity.email) + "-" + std::to_string(suffix);
    }
    index.keys.insert(key);
    const auto id = static_cast<PersonId>(out.people.size());
    out.people.push_back(PersonInfo{key, identity.name, {identity.email}, std::nullopt, 1.0, false});
    return id;
}

PersonId resolve_one(const git::Identity& identity, Resolution& out, Index& index) {
    const std::string email = util::to_lower_ascii(identity.email);
    const std::string name = util::normalize_name(identity.name);
    if (auto it = index.by_email.find(email); it != index.by_email.end()) {
        if (!name.empty()) index.by_name.emplace(name, it->second);
        return it->second;
    }
    PersonId id = 0;
    if (auto it = index.by_name.find(name); !name.empty() && it != index.by_name.end()) {
        id = it->second;
        auto& emails = out.people[id].emails;
        if (!email.empty() && !out.people[id].on_roster) emails.push_back(identity.email);
    } else {
        id = add_discovered(identity, out, index);
        if (!name.empty()) index.by_name.emplace(name, id);
    }
    if (!email.empty()) index.by_email.emplace(email, id);
    return id;
}

}  // namespace

std::optional<PersonId> Resolution::find(const std::string& key) const {
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (people[i].key == key) return static_cast<PersonId>(i);
    }
    return std::nullopt;
}

const std::vector<std::string>& builtin_bot_globs() {
    static const std::vector<std::string> globs = {
        "*[bot]@*", "*[bot]",   "zuul@*",     "jenkins@*", "zuul", "jenkins",
        "OpenStack Proposal Bot", "openstack-infra@*", "dependabot*", "renovate*@*",
        "github-actions*", "noreply@weblate.org"};
    return globs;
}

bool is_bot(const git::Identity& identity, const std::vector<std::string>& globs) {
    return matches_any(compile_bot_globs(globs), identity);
}

Resolution resolve_identities(const git::History& history, const roster::Roster& roster) {
    Resolution out;
    Index index;
    add_roster_people(roster, out, index);
    std::vector<std::string> bots = builtin_bot_globs();
    bots.insert(bots.end(), roster.bots.begin(), roster.bots.end());
    // Escaped once: a large history has tens of thousands of identities.
    const auto bot_globs = compile_bot_globs(bots);
    out.person_of_identity.reserve(history.identities.size());
    for (const auto& identity : history.identities) {
        if (matches_any(bot_globs, identity)) {
            out.person_of_identity.emplace_back(std::nullopt);
        } else {
            out.person_of_identity.emplace_back(resolve_one(identity, out, index));
        }
    }
    return out;
}

std::optional<PersonId> resolve_text(const std::string& name_and_email, const git::History& history,
                                     const Resolution& resolution) {
    const auto open = name_and_email.find('<');
    const auto close = name_and_email.find('>', open == std::string::npos ? 0 : open);
    std::string name(util::trim(name_and_email.substr(0, open)));
    std::string email;
    if (open != std::string::npos && close != std::string::npos) {
        email = util::to_lower_ascii(util::trim(name_and_email.substr(open + 1, close - open - 1)));
    }
    const std::string wanted_name = util::normalize_name(name);
    for (std::size_t i = 0; i < history.identities.size(); ++i) {
        const auto& identity = history.identities[i];
        const bool same_email = !email.empty() && util::to_lower_ascii(identity.email) == email;
        const bool same_name = !wanted_name.empty() && util::normalize_name(identity.name) == wanted_name;
        if (same_email || same_name) return resolution.person_of_identity[i];
    }
    for (std::size_t p = 0; p < resolution.people.size(); ++p) {
        const auto& person = resolution.people[p];
        for (const auto& known : person.emails) {
            if (!email.empty() && util::to_lower_ascii(known) == email) return static_cast<PersonId>(p);
        }
        if (!wanted_name.empty() && util::normalize_name(person.name) == wanted_name) {
            return static_cast<PersonId>(p);
        }
    }
    return std::nullopt;
}

}  // namespace roles::engine
