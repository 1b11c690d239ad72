#include "roles/engine/identity_report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// Local parts too common to suggest that two people are one.
const std::set<std::string> k_generic_handles = {"admin", "contact", "dev", "developer", "git", "github", "hello",
                                                 "info", "mail", "me", "noreply", "no-reply", "root", "test",
                                                 "user", "ubuntu", "unknown", "none", "nobody", "code",
                                                 "anonymous", "localhost", "support", "team", "bot"};

// More people than this sharing a name or handle are a crowd, not a likely merge.
constexpr std::size_t k_max_likely_group = 3;

std::vector<std::uint32_t> commits_per_identity(const git::History& history) {
    std::vector<std::uint32_t> commits(history.identities.size(), 0);
    for (const auto& commit : history.commits) {
        if (commit.is_merge()) continue;
        if (commit.author < commits.size()) ++commits[commit.author];
        for (auto co : commit.co_authors) {
            if (co < commits.size() && co != commit.author) ++commits[co];
        }
    }
    return commits;
}

bool by_use(const IdentityRow& a, const IdentityRow& b) {
    if (a.commits != b.commits) return a.commits > b.commits;
    return std::tie(a.name, a.email) < std::tie(b.name, b.email);
}

// The handles of a person: email local parts (a GitHub login for noreply addresses).
std::set<std::string> handles_of(const PersonIdentities& person) {
    std::set<std::string> handles;
    for (const auto& identity : person.identities) {
        auto handle = github_login(identity.email);
        if (!handle) {
            const auto at = identity.email.find('@');
            handle = util::to_lower_ascii(identity.email.substr(0, at));
        }
        if (handle->size() >= 3 && !k_generic_handles.contains(*handle)) handles.insert(*handle);
    }
    return handles;
}

// One-word normalised names of a person.
std::set<std::string> single_names_of(const PersonIdentities& person) {
    std::set<std::string> names;
    for (const auto& identity : person.identities) {
        auto name = util::normalize_name(identity.name);
        if (!name.empty() && name.find(' ') == std::string::npos) names.insert(std::move(name));
    }
    return names;
}

void add_likely(std::map<std::pair<LikelyReason, std::string>, std::set<std::size_t>>& groups,
                std::vector<LikelyMerge>& out, const std::vector<PersonIdentities>& people) {
    for (const auto& [what, members] : groups) {
        if (members.size() < 2) continue;
        LikelyMerge merge{what.first, what.second, {}};
        for (auto index : members) merge.people.push_back(people[index].key);
        out.push_back(std::move(merge));
    }
}

// Pairs of people that share a one-word name, or where a handle of one is a handle or a
// one-word name of another (express: "bjohansebas" at a noreply address and "Sebastian
// Beltran <bjohansebas@gmail.com>").
std::vector<LikelyMerge> likely_merges(const std::vector<PersonIdentities>& people) {
    std::map<std::pair<LikelyReason, std::string>, std::set<std::size_t>> groups;
    std::map<std::string, std::set<std::size_t>> by_handle;
    for (std::size_t i = 0; i < people.size(); ++i) {
        for (const auto& name : single_names_of(people[i])) groups[{LikelyReason::same_name, name}].insert(i);
        for (const auto& handle : handles_of(people[i])) by_handle[handle].insert(i);
    }
    for (std::size_t i = 0; i < people.size(); ++i) {
        for (const auto& name : single_names_of(people[i])) {
            auto it = by_handle.find(name);
            if (it == by_handle.end()) continue;
            for (auto other : it->second) {
                if (other == i) continue;
                auto& group = groups[{LikelyReason::same_handle, name}];
                group.insert(i);
                group.insert(other);
            }
        }
    }
    // The same people for the same word by both reasons: the name says it.
    for (auto& [what, members] : groups) {
        if (what.first != LikelyReason::same_handle) continue;
        const auto by_name = groups.find({LikelyReason::same_name, what.second});
        if (by_name != groups.end() && by_name->second == members) members.clear();
    }
    // A word a crowd shares ("aaron", "root", "anonymous") says nothing about any two of them.
    for (auto& [what, members] : groups) {
        if (members.size() > k_max_likely_group || k_generic_handles.contains(what.second)) members.clear();
    }
    std::vector<LikelyMerge> out;
    add_likely(groups, out, people);
    std::ranges::sort(out, [](const LikelyMerge& a, const LikelyMerge& b) { return a.value < b.value; });
    return out;
}

}  // namespace

std::string_view to_string(LikelyReason reason) {
    return reason == LikelyReason::same_name ? "same-name" : "same-handle";
}

IdentityReport report_identities(const git::History& history, const Resolution& resolution) {
    IdentityReport report;
    report.identities = static_cast<std::uint32_t>(history.identities.size());
    const auto commits = commits_per_identity(history);
    std::vector<PersonIdentities> people(resolution.people.size());
    std::vector<ToolIdentities> tools(resolution.rules.size());
    for (std::size_t i = 0; i < history.identities.size(); ++i) {
        const auto& identity = history.identities[i];
        IdentityRow row{identity.name, identity.email, commits[i], resolution.link_of_identity.at(i)};
        if (const auto person = resolution.person_of_identity[i]) {
            people[*person].identities.push_back(std::move(row));
            people[*person].commits += commits[i];
        } else if (const auto rule = resolution.rule_of_identity[i]) {
            row.link = {};
            tools[*rule].identities.push_back(std::move(row));
        }
    }
    for (std::size_t p = 0; p < people.size(); ++p) {
        if (people[p].identities.empty()) continue;
        auto& person = people[p];
        person.key = resolution.people[p].key;
        person.name = resolution.people[p].name;
        person.on_roster = resolution.people[p].on_roster;
        std::ranges::sort(person.identities, by_use);
        report.people.push_back(std::move(person));
    }
    std::ranges::sort(report.people, [](const PersonIdentities& a, const PersonIdentities& b) {
        return a.commits != b.commits ? a.commits > b.commits : a.key < b.key;
    });
    for (std::size_t r = 0; r < tools.size(); ++r) {
        if (tools[r].identities.empty()) continue;
        auto& tool = tools[r];
        tool.rule = resolution.rules[r].id;
        tool.kind = resolution.rules[r].kind;
        tool.origin = resolution.rules[r].origin;
        std::ranges::sort(tool.identities, by_use);
        report.tools.push_back(std::move(tool));
    }
    report.likely = likely_merges(report.people);
    return report;
}

}  // namespace roles::engine
