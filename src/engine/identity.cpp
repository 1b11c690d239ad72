// Identity resolution: a union-find over the identities of history, so that the people found
// do not depend on the order in which their identities are met (README "People").

#include "roles/engine/identity.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_set>

#include "automation_match.hpp"
#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// Union-find with path halving; the smaller index becomes the root, so roots do not depend
// on the order of unions.
class Groups {
public:
    explicit Groups(std::size_t size) : m_parent(size) { std::iota(m_parent.begin(), m_parent.end(), 0U); }
    std::uint32_t root(std::uint32_t node) {
        while (m_parent[node] != node) node = m_parent[node] = m_parent[m_parent[node]];
        return node;
    }
    void unite(std::uint32_t a, std::uint32_t b) {
        a = root(a);
        b = root(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::uint32_t> m_parent;
};

// One way an identity can be recognised, most telling first.
struct IdentityKey {
    MergeReason reason;
    std::string key;    // prefixed by kind, so an email never meets a name
    std::string value;  // as shown to the user
};

// `name` is the identity's normalised name.
std::vector<IdentityKey> keys_of(const git::Identity& identity, const std::string& name) {
    std::vector<IdentityKey> keys;
    if (const auto email = util::to_lower_ascii(util::trim(identity.email)); !email.empty()) {
        keys.push_back({MergeReason::email, "e:" + email, email});
    }
    if (auto login = github_login(identity.email)) keys.push_back({MergeReason::github_login, "g:" + *login, *login});
    // A one-word name ("dev", "root", "chris") is too common to join people by.
    if (name.find(' ') != std::string::npos) keys.push_back({MergeReason::name, "n:" + name, name});
    return keys;
}

// Roster lookups: lowercase email, lowercase login, normalised name or alias (any length:
// the roster says so explicitly).
struct RosterIndex {
    std::unordered_map<std::string, PersonId> by_email, by_login, by_name;
};

RosterIndex add_roster_people(const roster::Roster& roster, Resolution& out) {
    RosterIndex index;
    for (const auto& [key, person] : roster.people) {
        const auto id = static_cast<PersonId>(out.people.size());
        out.people.push_back(PersonInfo{key, person.name, person.emails, person.affiliation, person.capacity, true, {}});
        for (const auto& email : person.emails) index.by_email.emplace(util::to_lower_ascii(email), id);
        for (const auto& login : person.logins) index.by_login.emplace(util::to_lower_ascii(login), id);
        if (auto name = util::normalize_name(person.name); !name.empty()) index.by_name.emplace(name, id);
        for (const auto& alias : person.aliases) {
            if (auto name = util::normalize_name(alias); !name.empty()) index.by_name.emplace(name, id);
        }
    }
    return index;
}

// The roster person an identity names itself, and how.
std::optional<std::pair<PersonId, IdentityLink>> roster_match(const git::Identity& identity, const std::string& name,
                                                              const RosterIndex& index) {
    const auto email = util::to_lower_ascii(util::trim(identity.email));
    if (auto it = index.by_email.find(email); !email.empty() && it != index.by_email.end()) {
        return std::pair{it->second, IdentityLink{MergeReason::roster_email, email}};
    }
    if (auto login = github_login(identity.email)) {
        if (auto it = index.by_login.find(*login); it != index.by_login.end()) {
            return std::pair{it->second, IdentityLink{MergeReason::roster_login, *login}};
        }
    }
    if (auto it = index.by_name.find(name); !name.empty() && it != index.by_name.end()) {
        return std::pair{it->second, IdentityLink{MergeReason::roster_name, name}};
    }
    return std::nullopt;
}

// What the grouping pass learns about each (non-tool) identity.
struct Grouping {
    std::vector<std::string> names;            // normalised name per identity, computed once
    std::vector<IdentityLink> link;            // why it joined its group
    std::map<std::uint32_t, std::vector<git::IdentityId>> members;  // root -> identities, ascending
};

Grouping group_identities(const git::History& history, const std::vector<bool>& is_tool) {
    const auto n = history.identities.size();
    Groups groups(n);
    std::unordered_map<std::string, std::uint32_t> first;   // key -> first identity with it
    std::unordered_map<std::string, std::uint32_t> counts;  // key -> identities with it
    std::vector<std::vector<IdentityKey>> keys(n);
    Grouping out;
    out.names.resize(n);
    out.link.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (is_tool[i]) continue;
        out.names[i] = util::normalize_name(history.identities[i].name);
        keys[i] = keys_of(history.identities[i], out.names[i]);
        for (const auto& key : keys[i]) {
            ++counts[key.key];
            if (auto [it, inserted] = first.emplace(key.key, i); !inserted) groups.unite(i, it->second);
        }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        if (is_tool[i]) continue;
        out.members[groups.root(i)].push_back(i);
        // The most telling key this identity shares with another one explains its membership.
        for (const auto& key : keys[i]) {
            if (counts[key.key] > 1) {
                out.link[i] = IdentityLink{key.reason, key.value};
                break;
            }
        }
    }
    return out;
}

// Commits that name each identity (as author or co-author): the weight of its name.
std::vector<std::uint32_t> identity_weights(const git::History& history) {
    std::vector<std::uint32_t> weight(history.identities.size(), 0);
    for (const auto& commit : history.commits) {
        if (commit.author < weight.size()) ++weight[commit.author];
        for (auto co : commit.co_authors) {
            if (co < weight.size()) ++weight[co];
        }
    }
    return weight;
}

// How well a name names a person: a name of two words or more beats a handle ("Ghanshyam
// Mann" over "ghanshyam", even with fewer commits), and anything beats an email address
// written as a name.
int name_rank(const std::string& name) {
    if (name.find('@') != std::string::npos) return 0;
    return util::normalize_name(name).find(' ') != std::string::npos ? 2 : 1;
}

std::string display_name(const git::History& history, const std::vector<git::IdentityId>& members,
                         const std::vector<std::uint32_t>& weight) {
    std::map<std::string, std::uint64_t> by_name;
    for (auto i : members) by_name[history.identities[i].name] += weight[i];
    auto best = by_name.begin();
    for (auto it = by_name.begin(); it != by_name.end(); ++it) {
        const int rank = name_rank(it->first);
        const int best_rank = name_rank(best->first);
        // Map order: ties keep the smaller name.
        if (rank > best_rank || (rank == best_rank && it->second > best->second)) best = it;
    }
    return best->first;
}

std::string smallest_email(const git::History& history, const std::vector<git::IdentityId>& members) {
    std::string smallest;
    for (auto i : members) {
        auto email = util::to_lower_ascii(history.identities[i].email);
        if (smallest.empty() || email < smallest) smallest = std::move(email);
    }
    return smallest;
}

struct Discovered {
    std::uint32_t root;
    std::string name;
    std::string order;  // smallest email, then name: decides who gets an unnumbered key
};

// Keys for discovered groups, unique against roster keys and each other.
void add_discovered(const git::History& history, const Grouping& grouping, const std::vector<std::uint32_t>& roots,
                    Resolution& out) {
    const auto weight = identity_weights(history);
    std::vector<Discovered> found;
    for (auto root : roots) {
        const auto& members = grouping.members.at(root);
        auto name = display_name(history, members, weight);
        found.push_back({root, name, smallest_email(history, members) + '\n' + name});
    }
    std::vector<std::size_t> by_order(found.size());
    std::iota(by_order.begin(), by_order.end(), 0U);
    std::ranges::sort(by_order, [&](auto a, auto b) { return found[a].order < found[b].order; });
    std::unordered_set<std::string> taken;
    for (const auto& person : out.people) taken.insert(person.key);
    std::vector<std::string> keys(found.size());
    for (auto index : by_order) {
        const auto slug = person_slug(found[index].name);
        std::string key = slug;
        for (int suffix = 2; taken.contains(key); ++suffix) key = slug + "-" + std::to_string(suffix);
        taken.insert(key);
        keys[index] = key;
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto id = static_cast<PersonId>(out.people.size());
        PersonInfo info{keys[i], found[i].name, {}, std::nullopt, 1.0, false, {}};
        for (auto member : grouping.members.at(found[i].root)) {
            const auto& email = history.identities[member].email;
            if (!email.empty() && std::ranges::find(info.emails, email) == info.emails.end()) info.emails.push_back(email);
            out.person_of_identity[member] = id;
        }
        out.people.push_back(std::move(info));
    }
}

// Gives a group to the roster people its identities name; returns false when none does.
bool assign_to_roster(const git::History& history, const Grouping& grouping,
                      const std::vector<git::IdentityId>& members, const RosterIndex& index, Resolution& out) {
    std::vector<std::optional<std::pair<PersonId, IdentityLink>>> direct;
    std::optional<PersonId> fallback;
    for (auto member : members) {
        direct.push_back(roster_match(history.identities[member], grouping.names[member], index));
        if (direct.back() && (!fallback || direct.back()->first < *fallback)) fallback = direct.back()->first;
    }
    if (!fallback) return false;
    for (std::size_t k = 0; k < members.size(); ++k) {
        const auto member = members[k];
        out.person_of_identity[member] = direct[k] ? direct[k]->first : *fallback;
        if (direct[k]) out.link_of_identity[member] = direct[k]->second;
    }
    return true;
}

// Lookups for trailer values. A name shared by two people is ambiguous and left out.
void index_people(const git::History& history, const Grouping& grouping, Resolution& out, const RosterIndex& roster) {
    out.by_email = roster.by_email;
    out.by_login = roster.by_login;
    out.by_name = roster.by_name;
    std::unordered_set<std::string> ambiguous;
    for (std::size_t i = 0; i < history.identities.size(); ++i) {
        const auto person = out.person_of_identity[i];
        if (!person) continue;
        const auto& identity = history.identities[i];
        if (auto email = util::to_lower_ascii(identity.email); !email.empty()) out.by_email.emplace(email, *person);
        if (auto login = github_login(identity.email)) out.by_login.emplace(*login, *person);
        const auto& name = grouping.names[i];
        if (name.empty() || roster.by_name.contains(name)) continue;
        if (auto [it, inserted] = out.by_name.emplace(name, *person); !inserted && it->second != *person) {
            ambiguous.insert(name);
        }
    }
    for (const auto& name : ambiguous) out.by_name.erase(name);
}

// Two people off the roster shown with one name could not be told apart in a text.
void mark_shared_names(Resolution& out) {
    std::unordered_map<std::string, int> uses;
    for (const auto& person : out.people) {
        if (!person.on_roster) ++uses[person.name];
    }
    for (auto& person : out.people) {
        if (!person.on_roster && uses[person.name] > 1) person.distinct_name = person.name + " (" + person.key + ")";
    }
}

}  // namespace

std::optional<PersonId> Resolution::find(const std::string& key) const {
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (people[i].key == key) return static_cast<PersonId>(i);
    }
    return std::nullopt;
}

Resolution resolve_identities(const git::History& history, const roster::Roster& roster) {
    Resolution out;
    const auto index = add_roster_people(roster, out);
    out.rules = roster.automation;
    out.rule_patterns = compile_rules(out.rules);
    const auto n = history.identities.size();
    out.person_of_identity.assign(n, std::nullopt);
    out.rule_of_identity.assign(n, std::nullopt);
    std::vector<bool> is_tool(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        out.rule_of_identity[i] = first_matching_rule(out.rule_patterns, history.identities[i]);
        is_tool[i] = out.rule_of_identity[i].has_value();
    }
    const auto grouping = group_identities(history, is_tool);
    out.link_of_identity = grouping.link;
    // Groups in order of their first identity, which is the order of first appearance.
    std::vector<std::uint32_t> discovered;
    for (const auto& [root, members] : grouping.members) {
        if (!assign_to_roster(history, grouping, members, index, out)) discovered.push_back(root);
    }
    add_discovered(history, grouping, discovered, out);
    mark_shared_names(out);
    index_people(history, grouping, out, index);
    return out;
}

std::optional<PersonId> resolve_text(const std::string& name_and_email, const git::History& /*history*/,
                                     const Resolution& resolution) {
    const auto open = name_and_email.find('<');
    const auto close = name_and_email.find('>', open == std::string::npos ? 0 : open);
    git::Identity identity{std::string(util::trim(name_and_email.substr(0, open))), {}};
    if (open != std::string::npos && close != std::string::npos) {
        identity.email = std::string(util::trim(name_and_email.substr(open + 1, close - open - 1)));
    }
    if (first_matching_rule(resolution.rule_patterns, identity)) return std::nullopt;
    const auto email = util::to_lower_ascii(identity.email);
    if (auto it = resolution.by_email.find(email); !email.empty() && it != resolution.by_email.end()) {
        return it->second;
    }
    if (auto login = github_login(email)) {
        if (auto it = resolution.by_login.find(*login); it != resolution.by_login.end()) return it->second;
    }
    const auto name = util::normalize_name(identity.name);
    if (auto it = resolution.by_name.find(name); !name.empty() && it != resolution.by_name.end()) return it->second;
    return std::nullopt;
}

}  // namespace roles::engine
