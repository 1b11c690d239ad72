#pragma once
// Internal to src/git: finding the commits reachable from a tip and the order in which a
// History lists them.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "commit_reader.hpp"
#include "fact_store.hpp"
#include "oid_map.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// Whether absent parents are expected: a shallow clone's history stops at its boundary.
enum class CloneDepth { full, shallow };

/// Facts already known for a commit (from the cache); an empty FactRef when it must be read.
using KnownFacts = std::function<FactRef(const git_oid&)>;
/// Called with each commit that must be read, in discovery order, as soon as it is found,
/// so that readers can start before the walk ends.
using ReadRequest = std::function<void(CommitRequest&&)>;

/// One reachable commit.
struct GraphNode {
    git_oid id{};
    git_oid tree{};
    std::int64_t time = 0;              ///< committer time, which orders the walk
    std::uint32_t first_parent = 0;     ///< position of its parents in CommitGraph::parents
    std::uint32_t parent_count = 0;     ///< recorded parents, absent ones included
    FactRef known;                      ///< facts given by KnownFacts, empty when read anew
};

/// Every commit reachable from a tip.
struct CommitGraph {
    /// `index` value of an id the walk met as a parent but could not read (absent).
    static constexpr std::uint32_t k_absent = 0xffff'ffffU;

    std::vector<GraphNode> nodes;  ///< in discovery order (depth first, first parent first)
    std::vector<git_oid> parents;  ///< all nodes' parent ids, pooled
    FlatOidMap<std::uint32_t> index;  ///< id -> position in nodes, or k_absent
    std::uint32_t missing_objects = 0;  ///< absent commits (a shallow boundary not counted)

    /// Position of `id` in nodes; nullopt when the walk did not find it.
    [[nodiscard]] std::optional<std::uint32_t> position(const git_oid& id) const {
        const std::uint32_t* found = index.find(id);
        if (found == nullptr || *found == k_absent) return std::nullopt;
        return *found;
    }
};

/// Finds every commit reachable from `tip` (`expected`: a guess of how many, to size the
/// graph). A commit `known` returns facts for is not read
/// from git (its parents and time come from the facts), unless its first parent turns out
/// to be absent: a cold read would then find no changes, so it is read anew. Every other
/// commit is read through `source` and passed with its header to `request`. Absent commits
/// end the walk on their line; they are counted unless `depth` says the clone is shallow.
[[nodiscard]] util::Expected<CommitGraph> discover_commits(ObjectSource& source, const git_oid& tip,
                                                           CloneDepth depth, const KnownFacts& known,
                                                           const ReadRequest& request, std::size_t expected);

/// Positions of the graph's nodes newest first, children before parents and otherwise by
/// committer time (git log --date-order); ties go to the commit discovered first. The order
/// depends on the graph alone, never on which commits were known.
[[nodiscard]] std::vector<std::uint32_t> date_order(const CommitGraph& graph);

}  // namespace roles::git
