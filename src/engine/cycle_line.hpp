#pragma once
// Internal to src/engine: the analysed history as a line that cycle ends are placed on
// (cycle.cpp), and the choice of releases for `--cycle auto` and the previous cycle
// (cycle_auto.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "roles/engine/cycle.hpp"

namespace roles::engine::detail {

/// A commit of the analysed history that a ref end stands for.
struct Placed {
    std::uint32_t index = 0;  ///< into History::commits
    Placement placement = Placement::on_line;
};

/// The analysed history with an index of its commit ids and what may be asked of the
/// repository about commits outside it.
class Line {
public:
    Line(const git::History& history, const RepositoryLookup& lookup);

    [[nodiscard]] const git::History& history() const { return m_history; }
    [[nodiscard]] const RepositoryLookup& lookup() const { return m_lookup; }
    [[nodiscard]] const Reachability& reach() const { return m_reach; }
    [[nodiscard]] std::optional<std::uint32_t> index_of(std::string_view id) const;
    /// `commit` itself when it is in the history, else its fork point (`git merge-base
    /// HEAD commit`) when that is; nullopt when it shares no history with HEAD.
    [[nodiscard]] util::Expected<std::optional<Placed>> place(const std::string& commit) const;
    /// A tag as a cycle end (kind tag), placed; nullopt when it cannot be placed.
    [[nodiscard]] util::Expected<std::optional<CycleEndpoint>> tag_end(const git::Tag& tag) const;

private:
    const git::History& m_history;
    const RepositoryLookup& m_lookup;
    Reachability m_reach;
    std::unordered_map<std::string_view, std::uint32_t> m_index;
    mutable std::unordered_map<std::string, std::optional<Placed>> m_placed;
};

/// `--cycle auto`: the two ends (see resolve_cycle) and the sentence saying how they were
/// picked; a usage error when there are not two.
struct AutoEnds {
    CycleEndpoint from;
    CycleEndpoint to;
    std::string picked_by;
};
[[nodiscard]] util::Expected<AutoEnds> automatic_ends(const Line& line);

/// The release before `end` (a release tag placed on the line): the highest series below
/// its own whose release is a strict ancestor of it (only releases on the line when `end`
/// is on it); nullopt when `end` is no release or there is none.
[[nodiscard]] util::Expected<std::optional<CycleEndpoint>> release_before(const Line& line, const CycleEndpoint& end);

/// The usage error of --cycle.
[[nodiscard]] util::Error cycle_error(std::string cause);

}  // namespace roles::engine::detail
