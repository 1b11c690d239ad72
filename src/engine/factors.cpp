#include "roles/engine/factors.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// Providers anyone can sign up to: sharing one says nothing about an employer.
const std::vector<std::string> k_free_mail_domains = {
    "gmail.com",     "googlemail.com", "outlook.com",  "hotmail.com", "live.com",
    "yahoo.*",       "icloud.com",     "me.com",       "protonmail.com", "proton.me",
    "gmx.*",         "users.noreply.github.com",       "qq.com",      "163.com",
    "yandex.*",      "mail.ru",        "fastmail.*",   "aol.com",
    // Personal mail providers seen among rails and git/git contributors (hey.com carried ten
    // unrelated people in rails' elephant factor, pobox.com and web.de two in git's).
    "hey.com",       "pobox.com",      "web.de",       "mac.com",     "rambler.ru",
    "126.com",       "hotmail.co.uk",  "hotmail.*",    "msn.com",     "zoho.com",
    "posteo.*",      "mailbox.org",    "tutanota.com",
};

std::string person_name(const Resolution& resolution, PersonId person) {
    if (person < resolution.people.size()) return resolution.people[person].key;
    return "person-" + std::to_string(person);
}

enum class Grouping : std::uint8_t { by_person, by_organisation };

// Groups with the same kind and name are one group.
FactorResult group_and_rank(const std::vector<std::uint64_t>& commits_by_person,
                            const Resolution& resolution, Grouping grouping) {
    std::map<std::pair<GroupKind, std::string>, FactorMember> groups;
    for (PersonId person = 0; person < commits_by_person.size(); ++person) {
        if (commits_by_person[person] == 0) continue;
        FactorMember member{.name = person_name(resolution, person), .kind = GroupKind::person,
                            .commits = 0, .people = {}};
        if (grouping == Grouping::by_organisation) {
            member = person < resolution.people.size()
                         ? affiliation_of(resolution.people[person])
                         : FactorMember{member.name, GroupKind::independent, 0, {}};
        }
        auto& group = groups[{member.kind, member.name}];
        group.name = member.name;
        group.kind = member.kind;
        group.commits += commits_by_person[person];
        group.people.push_back(person);
    }
    std::vector<FactorMember> list;
    for (auto& [id, group] : groups) list.push_back(std::move(group));
    return smallest_majority(std::move(list));
}

}  // namespace

const std::vector<std::string>& free_mail_domains() { return k_free_mail_domains; }

bool is_free_mail_domain(std::string_view domain) {
    const std::string lowered = util::to_lower_ascii(domain);
    return std::ranges::any_of(k_free_mail_domains, [&](const std::string& glob) {
        return ::fnmatch(glob.c_str(), lowered.c_str(), 0) == 0;
    });
}

FactorResult smallest_majority(std::vector<FactorMember> groups) {
    std::erase_if(groups, [](const FactorMember& group) { return group.commits == 0; });
    std::ranges::sort(groups, [](const FactorMember& a, const FactorMember& b) {
        return std::tie(b.commits, a.name, a.kind) < std::tie(a.commits, b.name, b.kind);
    });
    FactorResult result;
    for (const auto& group : groups) result.total_commits += group.commits;
    std::uint64_t sum = 0;
    for (auto& group : groups) {
        // More than half: sum / total > 1/2, in integers.
        if (2 * sum > result.total_commits) break;
        sum += group.commits;
        result.members.push_back(std::move(group));
    }
    result.factor = static_cast<std::uint32_t>(result.members.size());
    return result;
}

FactorMember affiliation_of(const PersonInfo& person) {
    if (person.affiliation && !util::trim(*person.affiliation).empty()) {
        return {std::string(util::trim(*person.affiliation)), GroupKind::organisation, 0, {}};
    }
    std::string domain;
    if (!person.emails.empty()) {
        const std::string& email = person.emails.front();
        const auto at = email.rfind('@');
        if (at != std::string::npos) domain = util::to_lower_ascii(util::trim(email.substr(at + 1)));
    }
    if (domain.empty() || is_free_mail_domain(domain)) {
        return {person.key, GroupKind::independent, 0, {}};
    }
    return {domain, GroupKind::organisation, 0, {}};
}

FactorResult contributor_absence_factor(const std::vector<std::uint64_t>& commits_by_person,
                                        const Resolution& resolution) {
    return group_and_rank(commits_by_person, resolution, Grouping::by_person);
}

FactorResult elephant_factor(const std::vector<std::uint64_t>& commits_by_person,
                             const Resolution& resolution) {
    return group_and_rank(commits_by_person, resolution, Grouping::by_organisation);
}

}  // namespace roles::engine
