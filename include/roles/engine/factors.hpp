#pragma once
// CHAOSS concentration factors (docs/formulas.md, "Contributor absence factor", "Elephant
// factor"): how few people, or how few organisations, make up the majority of the commits.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/identity.hpp"

namespace roles::engine {

/// Email domains of free-mail providers: people writing from them are counted as
/// themselves, not as one company. fnmatch(3) globs, lowercase ("yahoo.*").
[[nodiscard]] const std::vector<std::string>& free_mail_domains();

/// True when `domain` (any case) matches one of free_mail_domains().
[[nodiscard]] bool is_free_mail_domain(std::string_view domain);

/// What a group of people is.
enum class GroupKind : std::uint8_t {
    person,        ///< one person (contributor absence factor)
    organisation,  ///< a roster affiliation or an email domain
    independent    ///< a person without an affiliation writing from a free-mail domain
                   ///< (or with no usable email): counted as their own group
};

/// A group's share of the commits.
struct FactorMember {
    std::string name;               ///< person key, affiliation, or email domain
    GroupKind kind = GroupKind::person;
    std::uint64_t commits = 0;
    std::vector<PersonId> people;   ///< ascending
};

/// A factor and the groups behind it.
struct FactorResult {
    std::uint32_t factor = 0;              ///< == members.size()
    std::uint64_t total_commits = 0;
    std::vector<FactorMember> members;     ///< the `factor` largest groups, largest first
};

/// The smallest number of groups whose commits make up MORE than half of all commits:
/// groups sorted by commits descending (ties: name ascending), taken until their sum
/// exceeds total / 2 (exactly half is not enough). Groups with no commits are ignored; no
/// commits at all gives 0.
[[nodiscard]] FactorResult smallest_majority(std::vector<FactorMember> groups);

/// The organisation of a person: their roster affiliation if any (GroupKind::organisation,
/// name as written), else the lowercased domain of their first email (organisation), except
/// free-mail domains and people without an email domain, who are independent under their
/// own key.
[[nodiscard]] FactorMember affiliation_of(const PersonInfo& person);

/// CHAOSS contributor absence factor. `commits_by_person[p]` = commits of person p in the
/// window (indexes Resolution::people; missing entries count 0).
[[nodiscard]] FactorResult contributor_absence_factor(
    const std::vector<std::uint64_t>& commits_by_person, const Resolution& resolution);

/// CHAOSS elephant factor: the same over organisations (affiliation_of).
[[nodiscard]] FactorResult elephant_factor(const std::vector<std::uint64_t>& commits_by_person,
                                           const Resolution& resolution);

}  // namespace roles::engine
