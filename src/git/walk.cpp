#include "walk.hpp"

#include <optional>
#include <queue>

#include "commit_reader.hpp"
#include "oid_map.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

util::Error walk_error(const git_oid& tip) {
    return util::Error{util::ErrorKind::input, "walking history from " + util::quoted(to_hex(tip)),
                       last_error_message(), {}};
}

// nullopt when libgit2 met an absent commit: the caller then walks around it.
util::Expected<std::optional<std::vector<git_oid>>> revwalk(git_repository* repo, const git_oid& tip) {
    RevwalkHandle walk;
    if (git_revwalk_new(out(walk), repo) < 0) return std::unexpected(walk_error(tip));
    if (git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0 ||
        git_revwalk_push(walk.get(), &tip) < 0) {
        return std::unexpected(walk_error(tip));
    }
    std::vector<git_oid> commits;
    git_oid id;
    int rc = 0;
    while ((rc = git_revwalk_next(&id, walk.get())) == 0) commits.push_back(id);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != GIT_ITEROVER) return std::unexpected(walk_error(tip));
    return commits;
}

struct Node {
    git_oid id{};
    std::int64_t time = 0;  // committer time, as git_revwalk sorts
    std::vector<git_oid> parent_ids;
    std::uint32_t pending_children = 0;
};

struct Graph {
    std::vector<Node> nodes;  // in discovery order, so nodes[0] is the tip
    OidMap<std::size_t> index;
    std::uint32_t missing_objects = 0;
};

// Adds `id` to the graph when it can be read; returns whether its parents need visiting.
util::Expected<bool> visit(git_repository* repo, const git_oid& id, CloneDepth depth, Graph& graph) {
    CommitHandle commit;
    const int rc = git_commit_lookup(out(commit), repo, &id);
    if (rc == GIT_ENOTFOUND) {
        if (depth == CloneDepth::full) ++graph.missing_objects;
        return false;
    }
    if (rc < 0) return std::unexpected(walk_error(id));
    Node node{id, git_commit_time(commit.get()), {}, 0};
    const unsigned parents = git_commit_parentcount(commit.get());
    for (unsigned i = 0; i < parents; ++i) node.parent_ids.push_back(*git_commit_parent_id(commit.get(), i));
    graph.index.emplace(id, graph.nodes.size());
    graph.nodes.push_back(std::move(node));
    return true;
}

util::Expected<Graph> collect_graph(git_repository* repo, const git_oid& tip, CloneDepth depth) {
    Graph graph;
    OidSet seen;
    std::vector<git_oid> pending{tip};
    seen.insert(tip);
    while (!pending.empty()) {
        const git_oid id = pending.back();
        pending.pop_back();
        auto readable = visit(repo, id, depth, graph);
        if (!readable) return std::unexpected(readable.error());
        if (!*readable) continue;
        for (const git_oid& parent : graph.nodes.back().parent_ids) {
            if (seen.insert(parent).second) pending.push_back(parent);
        }
    }
    for (const Node& node : graph.nodes) {
        for (const git_oid& parent : node.parent_ids) {
            if (auto found = graph.index.find(parent); found != graph.index.end()) {
                ++graph.nodes[found->second].pending_children;
            }
        }
    }
    return graph;
}

// Kahn's algorithm: a commit is ready once all its children are out; the newest ready one
// goes next (ties: the one discovered first).
std::vector<git_oid> date_order(Graph& graph) {
    const auto older = [&graph](std::size_t a, std::size_t b) {
        const std::int64_t time_a = graph.nodes[a].time;
        const std::int64_t time_b = graph.nodes[b].time;
        return time_a != time_b ? time_a < time_b : a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(older)> ready(older);
    if (!graph.nodes.empty()) ready.push(0);
    std::vector<git_oid> order;
    order.reserve(graph.nodes.size());
    while (!ready.empty()) {
        const std::size_t current = ready.top();
        ready.pop();
        order.push_back(graph.nodes[current].id);
        for (const git_oid& parent : graph.nodes[current].parent_ids) {
            const auto found = graph.index.find(parent);
            if (found != graph.index.end() && --graph.nodes[found->second].pending_children == 0) {
                ready.push(found->second);
            }
        }
    }
    return order;
}

util::Expected<Walk> walk_around_missing(git_repository* repo, const git_oid& tip, CloneDepth depth) {
    auto graph = collect_graph(repo, tip, depth);
    if (!graph) return std::unexpected(graph.error());
    Walk walk;
    walk.commits = date_order(*graph);
    walk.missing_objects = graph->missing_objects;
    return walk;
}

}  // namespace

util::Expected<Walk> walk_commits(git_repository* repo, const git_oid& tip, CloneDepth depth) {
    auto commits = revwalk(repo, tip);
    if (!commits) return std::unexpected(commits.error());
    if (!*commits) return walk_around_missing(repo, tip, depth);
    Walk walk;
    walk.commits = std::move(**commits);
    return walk;
}

}  // namespace roles::git
