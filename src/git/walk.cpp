#include "walk.hpp"

#include <algorithm>
#include <optional>
#include <queue>

namespace roles::git {

namespace {

void add_node(CommitGraph& graph, const git_oid& id, const git_oid& tree, std::int64_t time,
              const std::vector<git_oid>& parents, FactRef known) {
    GraphNode node{id, tree, time, static_cast<std::uint32_t>(graph.parents.size()),
                   static_cast<std::uint32_t>(parents.size()), known};
    graph.parents.insert(graph.parents.end(), parents.begin(), parents.end());
    // Every id is in the index from the moment the walk meets it (as k_absent, until read).
    *graph.index.find(id) = static_cast<std::uint32_t>(graph.nodes.size());
    graph.nodes.push_back(node);
}

// The first parent's tree when the walk has met that parent already.
std::optional<git_oid> known_parent_tree(const CommitGraph& graph, const std::vector<git_oid>& parents) {
    if (parents.empty()) return std::nullopt;
    const auto found = graph.position(parents.front());
    if (!found) return std::nullopt;
    return graph.nodes[*found].tree;
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
    auto walked = source.walk_commit(id);
    if (!walked) return std::unexpected(walked.error());
    if (!*walked) {
        if (depth == CloneDepth::shallow) return false;  // the clone's cut
        if (!source.partial()) {
            return util::fail(util::ErrorKind::input, "reading commit " + to_hex(id),
                              "the commit is missing and the repository is neither shallow nor a partial clone: "
                              "it is damaged (git fsck lists what is missing)");
        }
        ++graph.missing_objects;
        return false;
    }
    const CommitLinks& links = (*walked)->links;
    if (std::find_if(links.parents.begin(), links.parents.end(),
                     [&id](const git_oid& parent) { return git_oid_equal(&parent, &id) != 0; }) != links.parents.end()) {
        return util::fail(util::ErrorKind::input, "reading commit " + to_hex(id),
                          "the commit names itself as its parent: the repository is damaged");
    }
    add_node(graph, id, links.tree, links.commit_time, links.parents, FactRef{});
    CommitRequest item;
    item.id = id;
    item.location = (*walked)->location;
    if ((*walked)->header) item.header = std::make_unique<CommitHeader>(std::move(*(*walked)->header));
    item.tree = links.tree;
    if (!links.parents.empty()) item.first_parent = links.parents.front();
    item.parent_tree = known_parent_tree(graph, links.parents);
    request(std::move(item));
    return true;
}

// Known commits whose first parent is absent: their cached changes were made against a
// parent a cold read could not see, so they are read again.
void reread_orphans(CommitGraph& graph, const ReadRequest& request) {
    for (GraphNode& node : graph.nodes) {
        if (node.known.store == nullptr || node.parent_count == 0) continue;
        if (graph.position(graph.parents[node.first_parent])) continue;
        node.known = FactRef{};
        CommitRequest item;
        item.id = node.id;
        request(std::move(item));
    }
}

}  // namespace

util::Expected<CommitGraph> discover_commits(ObjectSource& source, const git_oid& tip, CloneDepth depth,
                                             const KnownFacts& known, const ReadRequest& request, std::size_t expected) {
    CommitGraph graph;
    graph.nodes.reserve(expected);
    graph.parents.reserve(expected + expected / 8);
    graph.index.reserve(expected);
    std::vector<git_oid> pending{tip};
    graph.index.insert(tip, CommitGraph::k_absent);
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
            if (graph.index.insert(parent, CommitGraph::k_absent)) pending.push_back(parent);
        }
    }
    reread_orphans(graph, request);
    return graph;
}

std::vector<std::uint32_t> date_order(const CommitGraph& graph) {
    const std::size_t count = graph.nodes.size();
    std::vector<std::uint32_t> parent_nodes(graph.parents.size(), CommitGraph::k_absent);
    std::vector<std::uint32_t> pending_children(count, 0);
    for (std::size_t i = 0; i < graph.parents.size(); ++i) {
        if (const auto found = graph.position(graph.parents[i])) {
            parent_nodes[i] = *found;
            ++pending_children[*found];
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
            if (parent != CommitGraph::k_absent && --pending_children[parent] == 0) ready.push(parent);
        }
    }
    return order;
}

}  // namespace roles::git
