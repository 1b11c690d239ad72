#pragma once
// Hat evidence: which commits and tags count as doing each hat's work, and for whom.

#include <cstdint>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

/// One commit or tag that is evidence for a hat, and the people it credits.
struct EvidenceItem {
    enum class Kind : std::uint8_t { commit, tag };
    Kind kind = Kind::commit;
    std::uint32_t index = 0;  ///< into History::commits or History::tags
    std::vector<PersonId> credited;
};

/// The evidence of one hat inside the window.
struct HatEvidence {
    std::vector<EvidenceItem> items;          ///< newest first
    std::vector<std::uint32_t> by_person;     ///< items crediting each person (size = people)

    /// Share of the hat's items that credit `person` (0 when there are none).
    [[nodiscard]] double share(PersonId person) const;
};

/// Evidence for each hat of `hats`, same order, counting commits (non-merge, credited to
/// a non-bot) and tags inside `window`. A commit is evidence when a touched path matches a
/// glob, the message matches a regex, or a trailer key is present (credit: author and
/// co-authors), or when it carries a credit trailer (credit: the person it names, when
/// known). Tags count for hats with `tags: true`, credited to the tagger.
/// Fails only when a glob or regex does not compile (the roster loader checks them first).
[[nodiscard]] util::Expected<std::vector<HatEvidence>> collect_evidence(
    const git::History& history, const Resolution& resolution, const Activity& activity,
    const std::vector<roster::Hat>& hats, const Window& window);

}  // namespace roles::engine
