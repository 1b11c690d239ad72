#include "walk.hpp"

#include <limits>
#include <queue>

#include "commit_reader.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

constexpr std::uint32_t k_absent = std::numeric_limits<std::uint32_t>::max();

util::Error walk_error(const git_oid& id) {
    return util::Error{util::ErrorKind::input, "walking history at " + util::quoted(to_hex(id)),
                       last_error_message(), {}};
}

void add_node(CommitGraph& graph, const git_oid& id, std::int64_t time, const git_oid* parents, std::size_t count,
              FactRef known) {
    GraphNode node{id, time, static_cast<std::uint32_t>(graph.parents.size()), static_cast<std::uint32_t>(count),
                   known};
    graph.parents.insert(graph.parents.end(), parents, parents + count);
    graph.index.emplace(id, static_cast<std::uint32_t>(graph.nodes.size()));
    graph.nodes.push_back(node);
}

// Adds `id` to the graph when its facts are known or it can be read; returns whether it
// was added (its parents then need visiting).
util::Expected<bool> visit(git_repository* repo, const git_oid& id, CloneDepth depth, const KnownFacts& known,
                           CommitGraph& graph) {
    if (const FactRef ref = known ? known(id) : FactRef{}; ref.store != nullptr) {
        const CommitFacts& facts = ref.facts();
        add_node(graph, id, facts.commit_time, facts.parents.data(), facts.parents.size(), ref);
        return true;
    }
    CommitHandle commit;
    const int rc = git_commit_lookup(out(commit), repo, &id);
    if (rc == GIT_ENOTFOUND) {
        if (depth == CloneDepth::full) ++graph.missing_objects;
        return false;
    }
    if (rc < 0) return std::unexpected(walk_error(id));
    const unsigned count = git_commit_parentcount(commit.get());
    std::vector<git_oid> parents(count);
    for (unsigned i = 0; i < count; ++i) parents[i] = *git_commit_parent_id(commit.get(), i);
    add_node(graph, id, git_commit_time(commit.get()), parents.data(), count, FactRef{});
    return true;
}

// Known commits whose first parent is absent: their cached changes were made against a
// parent a cold read could not see, so they are read again.
void reread_orphans(CommitGraph& graph, const ReadRequest& request) {
    for (GraphNode& node : graph.nodes) {
        if (node.known.store == nullptr || node.parent_count == 0) continue;
        if (graph.index.contains(graph.parents[node.first_parent])) continue;
        node.known = FactRef{};
        request(node.id);
    }
}

}  // namespace

util::Expected<CommitGraph> discover_commits(git_repository* repo, const git_oid& tip, CloneDepth depth,
                                             const KnownFacts& known, const ReadRequest& request) {
    CommitGraph graph;
    OidSet seen;
    std::vector<git_oid> pending{tip};
    seen.insert(tip);
    while (!pending.empty()) {
        const git_oid id = pending.back();
        pending.pop_back();
        auto added = visit(repo, id, depth, known, graph);
        if (!added) return std::unexpected(added.error());
        if (!*added) continue;
        const GraphNode& node = graph.nodes.back();
        if (node.known.store == nullptr) request(id);
        // Pushed last-first so that the first parent is visited next: first-parent chains
        // stay contiguous, which keeps a reader's consecutive commits related.
        for (std::uint32_t i = node.parent_count; i-- > 0;) {
            const git_oid& parent = graph.parents[node.first_parent + i];
            if (seen.insert(parent).second) pending.push_back(parent);
        }
    }
    reread_orphans(graph, request);
    return graph;
}

std::vector<std::uint32_t> date_order(const CommitGraph& graph) {
    const std::size_t count = graph.nodes.size();
    std::vector<std::uint32_t> parent_nodes(graph.parents.size(), k_absent);
    std::vector<std::uint32_t> pending_children(count, 0);
    for (std::size_t i = 0; i < graph.parents.size(); ++i) {
        if (const auto found = graph.index.find(graph.parents[i]); found != graph.index.end()) {
            parent_nodes[i] = found->second;
            ++pending_children[found->second];
        }
    }
    // Kahn's algorithm: a commit is ready once all its children are out; the newest ready
    // one goes next.
    const auto older = [&graph](std::uint32_t a, std::uint32_t b) {
        const std::int64_t time_a = graph.nodes[a].time;
        const std::int64_t time_b = graph.nodes[b].time;
        return time_a != time_b ? time_a < time_b : a > b;
    };
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, decltype(older)> ready(older);
    if (count > 0) ready.push(0);
    std::vector<std::uint32_t> order;
    order.reserve(count);
    while (!ready.empty()) {
        const std::uint32_t current = ready.top();
        ready.pop();
        order.push_back(current);
        const GraphNode& node = graph.nodes[current];
        for (std::uint32_t i = 0; i < node.parent_count; ++i) {
            const std::uint32_t parent = parent_nodes[node.first_parent + i];
            if (parent != k_absent && --pending_children[parent] == 0) ready.push(parent);
        }
    }
    return order;
}

}  // namespace roles::git
