#include "roles/git/loader.hpp"

#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "commit_reader.hpp"
#include "history_builder.hpp"
#include "parallel_reader.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/text.hpp"
#include "tags.hpp"
#include "tree_diff.hpp"
#include "walk.hpp"

namespace roles::git {

namespace {

using Clock = std::chrono::steady_clock;

// Wall time of consecutive phases into LoadStats::phases_ms.
class PhaseClock {
public:
    explicit PhaseClock(LoadStats& stats) : m_stats(stats), m_start(Clock::now()) {}
    void lap(std::string phase) {
        const auto now = Clock::now();
        m_stats.phases_ms.emplace_back(std::move(phase),
                                       std::chrono::duration<double, std::milli>(now - m_start).count());
        m_start = now;
    }

private:
    LoadStats& m_stats;
    Clock::time_point m_start;
};

// Repository problems are the user's input (a wrong path, a damaged clone), so every
// failure here is ErrorKind::input; they all end in exit code 2 anyway.
util::Error reading_error(const std::string& path, std::string cause) {
    return util::Error{util::ErrorKind::input, "reading repository " + util::quoted(path),
                       std::move(cause), {}};
}

// libgit2 returns directories with a trailing '/'; roles joins paths itself.
std::string without_trailing_slash(const char* path) {
    std::string text = path ? path : "";
    if (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

util::Expected<RepositoryHandle> open_repository(const std::string& path) {
    ensure_libgit2();
    const std::string context = "opening repository " + util::quoted(path);
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        return util::fail(util::ErrorKind::input, context, "no such file or directory");
    }
    RepositoryHandle repo;
    // Flags 0: search upwards from `path` like git does; bare repositories are found too.
    const int rc = git_repository_open_ext(out(repo), path.c_str(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) {
        return util::fail(util::ErrorKind::input, context,
                          "not a git repository (or any parent up to the root)");
    }
    if (rc < 0) return util::fail(util::ErrorKind::input, context, last_error_message());
    return repo;
}

// git_repository_is_empty only recognises init.defaultBranch as the unborn branch, so
// emptiness is checked directly: HEAD unborn and no reference at all.
bool has_no_commits(git_repository* repo) {
    if (git_repository_head_unborn(repo) != 1) return false;
    Handle<git_reference_iterator, git_reference_iterator_free> references;
    if (git_reference_iterator_new(out(references), repo) < 0) return false;
    const char* name = nullptr;
    return git_reference_next_name(&name, references.get()) == GIT_ITEROVER;
}

util::Error unresolved_ref(git_repository* repo, const LoadOptions& options) {
    if (has_no_commits(repo)) return reading_error(options.path, "repository has no commits yet");
    if (options.ref == "HEAD" && git_repository_head_unborn(repo) == 1) {
        return reading_error(options.path, "HEAD points to a branch with no commits yet");
    }
    return reading_error(options.path, "unknown revision " + util::quoted(options.ref));
}

util::Expected<CommitHandle> resolve_tip(git_repository* repo, const LoadOptions& options) {
    ObjectHandle object;
    const int rc = git_revparse_single(out(object), repo, options.ref.c_str());
    if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC || rc == GIT_EUNBORNBRANCH) {
        return std::unexpected(unresolved_ref(repo, options));
    }
    if (rc < 0) return std::unexpected(reading_error(options.path, last_error_message()));
    ObjectHandle peeled;
    if (git_object_peel(out(peeled), object.get(), GIT_OBJECT_COMMIT) < 0) {
        return std::unexpected(reading_error(
            options.path, "revision " + util::quoted(options.ref) + " does not point at a commit"));
    }
    CommitHandle commit;
    if (git_commit_lookup(out(commit), repo, git_object_id(peeled.get())) < 0) {
        return std::unexpected(reading_error(options.path, last_error_message()));
    }
    return commit;
}

unsigned reader_threads(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1U, std::thread::hardware_concurrency());
}

// The commits reachable from the tip, and the facts of those the cache did not know, read
// while the walk goes on.
struct Walked {
    CommitGraph graph;
    std::vector<FactStore> stores;
};

util::Expected<Walked> walk_and_read(git_repository* repo, const std::shared_ptr<const PackSet>& packs,
                                     const git_oid& tip, CloneDepth depth, const LoadOptions& options,
                                     const KnownFacts& known, LoadStats& stats) {
    const auto start = Clock::now();
    ParallelReader reader(without_trailing_slash(git_repository_path(repo)), packs, stats.threads);
    ObjectSource source(repo, packs);
    auto graph = discover_commits(source, tip, depth, known, [&reader](CommitRequest&& item) {
        reader.request(std::move(item));
    });
    if (!graph) return std::unexpected(graph.error());
    const std::uint64_t total = reader.requested();
    std::function<void(std::uint64_t)> tick;
    if (options.progress) {
        tick = [&](std::uint64_t done) {
            options.progress({done, total, std::chrono::duration<double>(Clock::now() - start).count()});
        };
    }
    auto stores = reader.finish(tick);
    if (!stores) return std::unexpected(stores.error());
    stats.commits_walked = graph->nodes.size();
    stats.commits_read = reader.counters().commits;
    stats.trees_compared = reader.counters().trees_compared;
    return Walked{std::move(*graph), std::move(*stores)};
}

// Appends the walked commits in date order, whichever store holds each.
void assemble(const Walked& walked, HistoryBuilder& builder) {
    OidMap<FactRef> read;
    std::size_t count = 0;
    for (const FactStore& store : walked.stores) count += store.commits().size();
    read.reserve(count);
    for (const FactStore& store : walked.stores) {
        for (std::size_t i = 0; i < store.commits().size(); ++i) read.emplace(store.commits()[i].id, FactRef{&store, i});
    }
    builder.add_missing(walked.graph.missing_objects);
    const std::vector<std::uint32_t> order = date_order(walked.graph);
    builder.reserve_commits(order.size());
    for (const std::uint32_t position : order) {
        const GraphNode& node = walked.graph.nodes[position];
        FactRef ref = node.known;
        if (ref.store == nullptr) {
            const auto found = read.find(node.id);
            // Found by the walk but gone when read: counted like any absent commit.
            if (found == read.end()) {
                builder.add_missing(1);
                continue;
            }
            ref = found->second;
        }
        builder.add_commit(*ref.store, ref.facts());
    }
}

util::Expected<void> load_head_files(git_repository* repo, const std::shared_ptr<const PackSet>& packs,
                                     const git_commit* tip, HistoryBuilder& builder) {
    ObjectSource source(repo, packs);
    auto tree = source.tree(*git_commit_tree_id(tip));
    if (!tree) return util::fail(util::ErrorKind::input, "reading the tip's tree", tree.error().cause);
    if (!*tree) {
        builder.add_missing(1);
        return {};
    }
    // Against the empty tree every blob is "added", in tree order.
    auto files = diff_trees(source, nullptr, tree->get());
    if (!files) return std::unexpected(files.error());
    builder.add_missing(files->missing_objects);
    auto& head_files = builder.history().head_files;
    head_files.reserve(files->changes.size());
    for (const RawChange& change : files->changes) head_files.push_back(builder.path(change.path));
    return {};
}

void describe_repository(git_repository* repo, const git_commit* tip, History& history) {
    history.repo_path = without_trailing_slash(git_repository_path(repo));
    history.workdir = without_trailing_slash(git_repository_workdir(repo));
    history.shallow = git_repository_is_shallow(repo) == 1;
    history.head_id = to_hex(*git_commit_id(tip));
    history.head_time = git_commit_time(tip);
}

util::Expected<void> load_contents(git_repository* repo, const git_commit* tip, const LoadOptions& options,
                                   History& history, LoadStats& stats) {
    PhaseClock clock(stats);
    MailmapHandle mailmap;
    if (git_mailmap_from_repository(out(mailmap), repo) < 0) {
        return util::fail(util::ErrorKind::input, "reading .mailmap", last_error_message());
    }
    HistoryBuilder builder(history, mailmap.get());
    const CloneDepth depth = history.shallow ? CloneDepth::shallow : CloneDepth::full;
    std::shared_ptr<const PackSet> packs;
    if (options.packs == PackAccess::direct) packs = PackSet::open(std::string(git_repository_commondir(repo)) + "objects");
    auto walked = walk_and_read(repo, packs, *git_commit_id(tip), depth, options, KnownFacts{}, stats);
    if (!walked) return std::unexpected(walked.error());
    clock.lap("walk");
    assemble(*walked, builder);
    clock.lap("assemble");
    if (auto files = load_head_files(repo, packs, tip, builder); !files) return files;
    clock.lap("head files");
    auto tags = load_tags(repo, builder);
    clock.lap("tags");
    return tags;
}

}  // namespace

util::Expected<History> load_history(const LoadOptions& options, LoadStats& stats) {
    const auto start = Clock::now();
    auto repo = open_repository(options.path);
    if (!repo) return std::unexpected(repo.error());
    auto tip = resolve_tip(repo->get(), options);
    if (!tip) return std::unexpected(tip.error());
    History history;
    describe_repository(repo->get(), tip->get(), history);
    stats.threads = reader_threads(options.threads);
    stats.phases_ms.emplace_back("open", std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (auto contents = load_contents(repo->get(), tip->get(), options, history, stats); !contents) {
        return std::unexpected(contents.error());
    }
    return history;
}

util::Expected<History> load_history(const LoadOptions& options) {
    LoadStats stats;
    return load_history(options, stats);
}

util::Expected<std::string> find_workdir(const std::string& path) {
    auto repo = open_repository(path);
    if (!repo) return std::unexpected(repo.error());
    return without_trailing_slash(git_repository_workdir(repo->get()));
}

}  // namespace roles::git
