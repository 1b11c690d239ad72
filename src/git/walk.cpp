#include "walk.hpp"

#include <limits>
#include <optional>
#include <queue>

namespace roles::git {

namespace {

constexpr std::uint32_t k_absent = std::numeric_limits<std::uint32_t>::max();

void add_node(CommitGraph& graph, const git_oid& id, const git_oid& tree, std::int64_t time,
              const std::vector<git_oid>& parents, FactRef known) {
    GraphNode node{id, tree, time, static_cast<std::uint32_t>(graph.parents.size()),
                   static_cast<std::uint32_t>(parents.size()), known};
    graph.parents.insert(graph.parents.end(), parents.begin(), parents.end());
    graph.index.emplace(id, static_cast<std::uint32_t>(graph.nodes.size()));
    graph.nodes.push_back(node);
}

// The first parent's tree when the walk has met that parent already.
std::optional<git_oid> known_parent_tree(const CommitGraph& graph, const std::vector<git_oid>& parents) {
    if (parents.empty()) return std::nullopt;
    const auto found = graph.index.find(parents.front());
    if (found == graph.index.end()) return std::nullopt;
    return graph.nodes[found->second].tree;
}

// Adds `id` to the graph when its facts are known or it can be read; returns whether it
// was added (its parents then need visiting).
util::Expected<bool> visit(ObjectSource& source, const git_oid& id, CloneDepth depth, const KnownFacts& known,
                           const ReadRequest& request, CommitGraph& graph) {
    if (const FactRef ref = known ? known(id) : FactRef{}; ref.store != nullptr) {
        const CommitFacts& facts = ref.facts();
        add_node(graph, id, facts.tree, facts.commit_time, facts.parents, ref);
        return true;
    }
    auto header = source.commit(id);
    if (!header) return std::unexpected(header.error());
    if (!*header) {
        if (depth == CloneDepth::full) ++graph.missing_objects;
        return false;
    }
    add_node(graph, id, (*header)->tree, (*header)->commit_time, (*header)->parents, FactRef{});
    CommitRequest item{id, std::nullopt, known_parent_tree(graph, (*header)->parents)};
    item.header = std::move(**header);
    request(std::move(item));
    return true;
}

// Known commits whose first parent is absent: their cached changes were made against a
// parent a cold read could not see, so they are read again.
void reread_orphans(CommitGraph& graph, const ReadRequest& request) {
    for (GraphNode& node : graph.nodes) {
        if (node.known.store == nullptr || node.parent_count == 0) continue;
        if (graph.index.contains(graph.parents[node.first_parent])) continue;
        node.known = FactRef{};
        request(CommitRequest{node.id, std::nullopt, std::nullopt});
    }
}

}  // namespace

util::Expected<CommitGraph> discover_commits(ObjectSource& source, const git_oid& tip, CloneDepth depth,
                                             const KnownFacts& known, const ReadRequest& request) {
    CommitGraph graph;
    OidSet seen;
    std::vector<git_oid> pending{tip};
    seen.insert(tip);
    while (!pending.empty()) {
        const git_oid id = pending.back();
        pending.pop_back();
        auto added = visit(source, id, depth, known, request, graph);
        if (!added) return std::unexpected(added.error());
        if (!*added) continue;
        const GraphNode& node = graph.nodes.back();
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
