#include "roles/git/loader.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <optional>
#include <filesystem>
#include <fstream>
#include <future>
#include <system_error>
#include <thread>

#include "commit_reader.hpp"
#include "commit_readers.hpp"
#include "fact_cache.hpp"
#include "history_builder.hpp"
#include "notes.hpp"
#include "object_checks.hpp"
#include "open_failure.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/lifetime.hpp"
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
    if (rc < 0) return util::fail(util::ErrorKind::input, context, open_failure_message(rc, path));
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

std::string objects_dir(git_repository* repo) { return std::string(git_repository_commondir(repo)) + "objects"; }

// The id a plain ref name (or a full id) names, found without reading any object, so that
// its loose file is checked before libgit2 reads it; nullopt for other revision syntax.
std::optional<git_oid> named_id(git_repository* repo, const std::string& ref) {
    git_oid id;
    if (ref.size() == GIT_OID_HEXSZ && git_oid_fromstr(&id, ref.c_str()) == 0) return id;
    ReferenceHandle reference;
    ReferenceHandle resolved;
    if (git_reference_dwim(out(reference), repo, ref.c_str()) < 0) return std::nullopt;
    if (git_reference_resolve(out(resolved), reference.get()) < 0) return std::nullopt;
    const git_oid* target = git_reference_target(resolved.get());
    if (target == nullptr) return std::nullopt;
    return *target;
}

// Peels tags one at a time, checking each target's loose file before libgit2 reads it.
util::Expected<ObjectHandle> peel_checked(git_repository* repo, ObjectHandle object, const LoadOptions& options) {
    const std::string objects = objects_dir(repo);
    for (int depth = 0; git_object_type(object.get()) == GIT_OBJECT_TAG; ++depth) {
        const git_oid* target = git_tag_target_id(reinterpret_cast<const git_tag*>(object.get()));
        if (depth > 64) break;
        if (auto checked = check_loose_object(objects, *target); !checked) return std::unexpected(checked.error());
        ObjectHandle next;
        if (git_object_lookup(out(next), repo, target, GIT_OBJECT_ANY) < 0) {
            return std::unexpected(reading_error(options.path, last_error_message()));
        }
        object = std::move(next);
    }
    if (git_object_type(object.get()) != GIT_OBJECT_COMMIT) {
        return std::unexpected(reading_error(
            options.path, "revision " + util::quoted(options.ref) + " does not point at a commit"));
    }
    const git_oid* tree = git_commit_tree_id(reinterpret_cast<const git_commit*>(object.get()));
    if (auto checked = check_loose_object(objects, *tree); !checked) return std::unexpected(checked.error());
    return object;
}

util::Expected<CommitHandle> resolve_tip(git_repository* repo, const LoadOptions& options) {
    if (const auto id = named_id(repo, options.ref)) {
        if (auto checked = check_loose_object(objects_dir(repo), *id); !checked) {
            return std::unexpected(checked.error());
        }
    }
    ObjectHandle object;
    const int rc = git_revparse_single(out(object), repo, options.ref.c_str());
    if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC || rc == GIT_EUNBORNBRANCH) {
        return std::unexpected(unresolved_ref(repo, options));
    }
    if (rc < 0) return std::unexpected(reading_error(options.path, last_error_message()));
    auto peeled = peel_checked(repo, std::move(object), options);
    if (!peeled) return std::unexpected(peeled.error());
    CommitHandle commit;
    if (git_commit_lookup(out(commit), repo, git_object_id(peeled->get())) < 0) {
        return std::unexpected(reading_error(options.path, last_error_message()));
    }
    return commit;
}

// The walk is one thread whatever the count, so beyond a few readers it is all that is
// left to wait for, while every reader costs its own cache: the default stops at four.
constexpr unsigned k_max_default_threads = 4;

unsigned reader_threads(unsigned requested) {
    if (requested > 0) return requested;
    return std::clamp(std::thread::hardware_concurrency(), 1U, k_max_default_threads);
}

// The commits reachable from the tip, and the facts of those the cache did not know, read
// while the walk goes on.
struct Walked {
    CommitGraph graph;
    std::vector<FactStore> stores;
};

// What the loader does now and then while commits are read: report progress (at most ten
// times a second), and keep the packs' pages from piling up in the resident set.
class ReadMonitor {
public:
    ReadMonitor(const ProgressCallback& callback, const fastread::PackSet* packs, std::uint64_t resident_limit)
        : m_callback(callback), m_packs(packs), m_resident_limit(resident_limit), m_start(Clock::now()) {}

    // Called for every request: looks at the clock only every few hundred.
    void walking(const CommitReaders& reader) {
        if ((++m_calls & 255) != 0) return;
        tick(reader.read_so_far(), reader.requested(), true);
    }
    void reading(std::uint64_t done, std::uint64_t total) { tick(done, total, false); }
    // The walk has touched every commit's pages, which the readers mostly do not need:
    // dropped now if over budget, whatever the clock says.
    void walk_ended() { trim(); }
    // Times the packs' pages were dropped from the resident set.
    [[nodiscard]] std::uint64_t trims() const { return m_trims; }

private:
    // Pack pages beyond the budget are dropped (PackSet::trim_resident, ReaderBudgets).
    void trim() {
        if (m_packs && m_packs->trim_resident(m_resident_limit)) ++m_trims;
    }

    void tick(std::uint64_t done, std::uint64_t total, bool walking) {
        const auto now = Clock::now();
        if (now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        trim();
        if (m_callback) m_callback({done, total, std::chrono::duration<double>(now - m_start).count(), walking});
    }

    const ProgressCallback& m_callback;
    const fastread::PackSet* m_packs;
    std::uint64_t m_resident_limit;
    std::uint64_t m_trims = 0;
    Clock::time_point m_start;
    Clock::time_point m_last = m_start;
    std::uint64_t m_calls = 0;
};

// `expected`: how many commits there probably are (what the cache holds), to size tables.
util::Expected<Walked> walk_and_read(git_repository* repo, const std::shared_ptr<const fastread::PackSet>& packs,
                                     const git_oid& tip, CloneDepth depth, const LoadOptions& options,
                                     const KnownFacts& known, std::size_t expected, LoadStats& stats,
                                     PhaseClock& clock) {
    ReadMonitor monitor(options.progress, packs.get(), options.budgets.resident_pack_bytes);
    CommitReaders reader(without_trailing_slash(git_repository_path(repo)), packs, stats.threads, options.budgets);
    ObjectSource source(repo, packs, options.budgets);
    const auto request = [&](CommitRequest&& item) {
        reader.request(std::move(item));
        monitor.walking(reader);
    };
    auto graph = discover_commits(source, tip, depth, known, request, expected);
    if (!graph) return std::unexpected(graph.error());
    clock.lap("walk");
    monitor.walk_ended();
    const std::uint64_t total = reader.requested();
    auto stores = reader.finish([&](std::uint64_t done) { monitor.reading(done, total); });
    if (!stores) return std::unexpected(stores.error());
    clock.lap("read");
    stats.commits_walked = graph->nodes.size();
    stats.commits_read = reader.counters().commits;
    stats.trees_compared = reader.counters().trees_compared;
    const RenameCounters& renames = reader.counters().renames;
    stats.rename_blobs_read = renames.blobs_read;
    stats.similar_renames = renames.similar_renames;
    stats.rename_blobs_missing = renames.missing_blobs;
    stats.rename_limited_commits = renames.limited_commits;
    SourceCounters objects = reader.counters().objects;
    objects.add(source.counters());
    stats.objects_from_packs = objects.pack_reads;
    stats.objects_from_libgit2 = objects.libgit2_reads;
    stats.cache_evictions = objects.cache_evictions;
    stats.work_steals = reader.counters().schedule.steals;
    stats.blocks_freed = reader.counters().schedule.blocks_freed;
    stats.pack_trims = monitor.trims();
    return Walked{std::move(*graph), std::move(*stores)};
}

// Every walked commit's facts in History order (an empty ref for a commit that vanished
// between the walk and its reading), and the facts read from git this run.
struct OrderedFacts {
    std::vector<FactRef> ordered;
    std::vector<FactRef> fresh;
};

// A commit graph with a cycle (ids are not verified on the fast path, so crafted commits
// can name each other as parents) leaves the cycle's commits out of the date order, or
// places the tip twice when the cycle runs through it.
util::Error commit_cycle(const CommitGraph& graph, const std::vector<std::uint32_t>& order) {
    std::vector<std::uint32_t> placed(graph.nodes.size(), 0);
    for (const std::uint32_t position : order) ++placed[position];
    const auto first = std::find_if(placed.begin(), placed.end(), [](std::uint32_t times) { return times != 1; });
    const auto index = first == placed.end() ? std::size_t{0} : static_cast<std::size_t>(first - placed.begin());
    return util::Error{util::ErrorKind::input, "reading commit " + to_hex(graph.nodes[index].id),
                       "the commit is its own ancestor (a cycle of parents): the repository is damaged", {}};
}

util::Expected<OrderedFacts> order_facts(Walked& walked) {
    OrderedFacts facts;
    FlatOidMap<FactRef> read;
    std::size_t count = 0;
    for (const FactStore& store : walked.stores) count += store.commits().size();
    read.reserve(count);
    facts.fresh.reserve(count);
    for (FactStore& store : walked.stores) {
        for (std::size_t i = 0; i < store.commits().size(); ++i) {
            facts.fresh.push_back(FactRef{&store, i});
            read.insert(store.commits()[i].id, facts.fresh.back());
        }
    }
    const std::vector<std::uint32_t> order = date_order(walked.graph);
    if (order.size() != walked.graph.nodes.size()) return std::unexpected(commit_cycle(walked.graph, order));
    facts.ordered.reserve(order.size());
    for (const std::uint32_t position : order) {
        const GraphNode& node = walked.graph.nodes[position];
        if (node.known.store != nullptr) {
            facts.ordered.push_back(node.known);
        } else {
            const FactRef* found = read.find(node.id);
            facts.ordered.push_back(found == nullptr ? FactRef{} : *found);
        }
    }
    return facts;
}

void assemble(const OrderedFacts& facts, unsigned threads, HistoryBuilder& builder) {
    std::vector<FactRef> found;
    found.reserve(facts.ordered.size());
    for (const FactRef& ref : facts.ordered) {
        // Found by the walk but gone when read: counted like any absent commit.
        if (ref.store == nullptr) {
            builder.add_missing(1);
            continue;
        }
        found.push_back(ref);
    }
    builder.reserve_commits(found.size());
    builder.add_commits(found, threads);
}

// Only complete facts are kept: the others may change once absent objects arrive.
void update_cache(FactCache& cache, const OrderedFacts& facts, std::vector<std::string>& warnings) {
    const auto complete = [](const FactRef& ref) { return ref.store != nullptr && ref.facts().complete; };
    std::vector<FactRef> reached;
    std::vector<FactRef> fresh;
    std::copy_if(facts.ordered.begin(), facts.ordered.end(), std::back_inserter(reached), complete);
    std::copy_if(facts.fresh.begin(), facts.fresh.end(), std::back_inserter(fresh), complete);
    cache.save(reached, fresh, warnings);
}

// Only an order whose every commit is complete, hence cached, can stand in for a walk.
void record_order(FactCache& cache, const git_oid& tip, const OrderedFacts& facts, std::vector<std::string>& warnings) {
    std::vector<git_oid> order;
    order.reserve(facts.ordered.size());
    for (const FactRef& ref : facts.ordered) {
        if (ref.store == nullptr || !ref.facts().complete) return;
        order.push_back(ref.facts().id);
    }
    cache.save_order(tip, order, warnings);
}

// What the cache files of this repository say they belong to: its git dir, made absolute.
std::string cache_key_for(git_repository* repo) {
    std::error_code error;
    const auto dir = std::filesystem::weakly_canonical(git_repository_commondir(repo), error);
    return error ? std::string(git_repository_commondir(repo)) : dir.string();
}

std::string cache_dir_for(git_repository* repo, const LoadOptions& options) {
    if (!options.cache_dir.empty()) return options.cache_dir;
    // The common dir is shared by linked work trees, and is never part of a work tree.
    return std::string(git_repository_commondir(repo)) + "roles-cache";
}

// HEAD's blob paths, in tree order: from the cache when it has HEAD's tree, else by
// listing the tree (then cached, unless part of it was absent).
util::Expected<std::vector<std::string>> head_paths(git_repository* repo, const std::shared_ptr<const fastread::PackSet>& packs,
                                                    const LoadOptions& options, const git_commit* tip, FactCache* cache,
                                                    HistoryBuilder& builder) {
    const git_oid& tree_id = *git_commit_tree_id(tip);
    if (cache) {
        if (auto cached = cache->tree_files(tree_id, builder.history().warnings)) return std::move(*cached);
    }
    ObjectSource source(repo, packs, options.budgets);
    auto tree = source.tree(tree_id);
    if (!tree) return util::fail(util::ErrorKind::input, "reading the tip's tree", tree.error().cause);
    if (!*tree) {
        builder.add_missing(1);
        return std::vector<std::string>{};
    }
    // Against the empty tree every blob is "added", in tree order.
    auto files = diff_trees(source, ObjectRef{}, *tree);
    if (!files) return std::unexpected(files.error());
    builder.add_missing(files->missing_objects);
    std::vector<std::string> paths;
    paths.reserve(files->changes.size());
    for (RawChange& change : files->changes) paths.push_back(std::move(change.path));
    if (cache && files->missing_objects == 0) cache->save_tree_files(tree_id, paths, builder.history().warnings);
    return paths;
}

void describe_repository(git_repository* repo, const git_commit* tip, History& history) {
    history.repo_path = without_trailing_slash(git_repository_path(repo));
    history.workdir = without_trailing_slash(git_repository_workdir(repo));
    history.shallow = git_repository_is_shallow(repo) == 1;
    history.head_id = to_hex(*git_commit_id(tip));
    history.head_time = git_commit_time(tip);
}

// The tip tree's .mailmap blob, if it has one. nullopt when there is none.
std::optional<BlobHandle> tip_mailmap_blob(git_repository* repo, const git_commit* tip) {
    TreeHandle tree;
    if (git_commit_tree(out(tree), tip) < 0) return std::nullopt;
    TreeEntryHandle entry;
    if (git_tree_entry_bypath(out(entry), tree.get(), ".mailmap") < 0) return std::nullopt;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::nullopt;
    BlobHandle blob;
    if (git_blob_lookup(out(blob), repo, git_tree_entry_id(entry.get())) < 0) return std::nullopt;
    return blob;
}

// The file named by `mailmap.file`, as git reads it after the tree's .mailmap; "" if unset.
std::string configured_mailmap_file(git_repository* repo) {
    ConfigHandle config;
    if (git_repository_config_snapshot(out(config), repo) < 0) return {};
    git_buf path = GIT_BUF_INIT;
    std::string text;
    if (git_config_get_path(&path, config.get(), "mailmap.file") == 0) {
        std::ifstream in(path.ptr, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    git_buf_dispose(&path);
    return text;
}

// libgit2 1.5 rejects a whole mailmap over one line whose last email is empty ("Name <new>
// old <>"), which git accepts; nova's .mailmap has seven. Such lines are dropped and counted,
// so the other entries still apply. `skipped` gets their 1-based line numbers.
std::string without_empty_emails(const std::string& text, std::vector<std::size_t>& skipped) {
    std::string out;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string_view line(text.data() + start, end - start);
        ++line_number;
        const auto last_open = line.rfind('<');
        const bool empty_email = last_open != std::string_view::npos && line.substr(last_open).starts_with("<>");
        const bool comment = line.find_first_not_of(" \t") != std::string_view::npos &&
                             line[line.find_first_not_of(" \t")] == '#';
        if (empty_email && !comment) {
            skipped.push_back(line_number);
        } else {
            out.append(line);
            out.push_back('\n');
        }
        start = end + 1;
    }
    return out;
}

// A mailmap from `text` without the lines libgit2 cannot take (a warning names them). They
// are dropped before libgit2 sees the text, not after it fails: on such a line libgit2 1.5
// returns without freeing the entry it allocated for it (found by the ASan suite).
bool mailmap_from_text(MailmapHandle& mailmap, const std::string& text, History& history) {
    std::vector<std::size_t> skipped;
    const auto kept = without_empty_emails(text, skipped);
    if (git_mailmap_from_buffer(out(mailmap), kept.data(), kept.size()) < 0) return false;
    if (skipped.empty()) return true;
    std::string lines;
    for (const auto line : skipped) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
    history.warnings.push_back(".mailmap: " + std::to_string(skipped.size()) + " line" +
                               (skipped.size() == 1 ? "" : "s") + " with an empty email skipped (line" +
                               (skipped.size() == 1 ? " " : "s ") + lines + "); the rest applies");
    return true;
}

// The text of the mailmaps libgit2 would read for this repository, in its order, when roles can
// join them itself: the work tree's .mailmap (if `in_work_tree`) or else the tip's .mailmap
// blob, then `mailmap.file`. nullopt (left to git_mailmap_from_repository) when neither file
// exists, or when a work tree's `mailmap.blob` is set, which libgit2 reads between the two.
std::optional<std::string> joined_mailmap_text(git_repository* repo, const git_commit* tip, bool in_work_tree) {
    std::string text;
    if (in_work_tree) {
        ConfigHandle config;
        git_buf blob_rev = GIT_BUF_INIT;
        const bool blob_set = git_repository_config_snapshot(out(config), repo) == 0 &&
                              git_config_get_string_buf(&blob_rev, config.get(), "mailmap.blob") == 0;
        git_buf_dispose(&blob_rev);
        if (blob_set) return std::nullopt;
        std::ifstream in(std::filesystem::path(git_repository_workdir(repo)) / ".mailmap", std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else if (const auto blob = tip_mailmap_blob(repo, tip)) {
        text.assign(static_cast<const char*>(git_blob_rawcontent(blob->get())),
                    static_cast<std::size_t>(git_blob_rawsize(blob->get())));
    } else {
        return std::nullopt;
    }
    return text + "\n" + configured_mailmap_file(repo);
}

// libgit2 reads the work tree's .mailmap, or HEAD's for a bare repository. A bare mirror whose
// config lacks core.bare passes for non-bare and gets neither, so whenever the work tree has
// no .mailmap file the analysed tip's .mailmap blob is read (with `mailmap.file` after it, as
// git orders them). libgit2 1.5 cannot add a buffer to a mailmap, so roles joins the texts and
// builds one from them; the work tree's file goes the same way, so that its lines with an empty
// email are dropped too (libgit2 would stop reading the file at the first, and leak an entry).
// A mailmap that cannot be read is a warning, never the end of the run.
util::Expected<MailmapHandle> read_mailmap(git_repository* repo, const git_commit* tip, History& history) {
    MailmapHandle mailmap;
    const char* workdir = git_repository_workdir(repo);
    std::error_code ec;
    const bool in_work_tree =
        workdir != nullptr && std::filesystem::is_regular_file(std::filesystem::path(workdir) / ".mailmap", ec);
    if (const auto text = joined_mailmap_text(repo, tip, in_work_tree)) {
        if (mailmap_from_text(mailmap, *text, history)) return mailmap;
        history.warnings.push_back((in_work_tree ? std::string("the work tree's .mailmap")
                                                 : "the .mailmap of " + history.head_id.substr(0, 12)) +
                                   " could not be applied: " + last_error_message());
    } else if (git_mailmap_from_repository(out(mailmap), repo) == 0) {
        return mailmap;
    } else {
        history.warnings.push_back(".mailmap not applied: " + last_error_message());
    }
    if (git_mailmap_new(out(mailmap)) < 0) {
        return util::fail(util::ErrorKind::internal, "creating a mailmap", last_error_message());
    }
    return mailmap;
}

std::optional<FactCache> open_cache(git_repository* repo, const LoadOptions& options, History& history,
                                    LoadStats& stats) {
    if (options.cache == CacheMode::off) return std::nullopt;
    stats.cache_dir = cache_dir_for(repo, options);
    FactCache cache = FactCache::open(stats.cache_dir, ROLES_VERSION, cache_key_for(repo), stats.threads, history.warnings);
    cache.set_part_commits(options.cache_part_commits);
    stats.cache_files_read = cache.files_read();
    stats.cache_bytes_read = cache.bytes_read();
    return cache;
}

// Whether a blob that a cached commit's rename pairing lacked (partial clone) is here now:
// then the recorded order cannot stand in for the walk, which reads that commit again.
bool blobs_arrived(git_repository* repo, const std::vector<FactRef>& ordered) {
    return std::ranges::any_of(ordered, [repo](const FactRef& ref) {
        return ref.store != nullptr && any_arrived(repo, ref.facts().absent_blobs);
    });
}

// The tip of the last run, every commit cached: its recorded order replaces the walk.
// False when there is none, or a blob some cached commit lacked has arrived since.
bool assemble_cached_order(git_repository* repo, const git_oid& tip, FactCache& cache, HistoryBuilder& builder,
                           LoadStats& stats, PhaseClock& clock) {
    auto ordered = cache.ordered_history(tip, builder.history().warnings);
    if (!ordered || blobs_arrived(repo, *ordered)) return false;
    stats.commits_walked = ordered->size();
    stats.cache_hits = ordered->size();
    clock.lap("cached order");
    assemble(OrderedFacts{std::move(*ordered), {}}, stats.threads, builder);
    clock.lap("assemble");
    return true;
}

// The cached facts of a commit, for the walk. Facts read without a rename blob are read
// anew once it has arrived (`superseded` then says so).
KnownFacts known_facts(std::optional<FactCache>& cache, git_repository* repo, std::atomic<bool>& superseded) {
    if (!cache) return {};
    return [&cache, &superseded, repo](const git_oid& id) {
        FactRef ref = cache->find(id);
        if (ref.store == nullptr || !any_arrived(repo, ref.facts().absent_blobs)) return ref;
        superseded = true;
        return FactRef{};
    };
}

// The commits: from the cache when it has them, else read from git (then cached). The
// packs are let go as soon as the readers are done, and the graph once it has given the
// order, so that their memory is free again before the History is assembled.
util::Expected<void> load_commits(git_repository* repo, const git_commit* tip, const LoadOptions& options,
                                  std::shared_ptr<const fastread::PackSet> packs, std::optional<FactCache>& cache,
                                  HistoryBuilder& builder, LoadStats& stats, PhaseClock& clock) {
    History& history = builder.history();
    const git_oid& tip_id = *git_commit_id(tip);
    if (cache && !history.shallow && assemble_cached_order(repo, tip_id, *cache, builder, stats, clock)) return {};
    std::atomic<bool> superseded{false};
    const KnownFacts known = known_facts(cache, repo, superseded);
    const CloneDepth depth = history.shallow ? CloneDepth::shallow : CloneDepth::full;
    const std::size_t expected = cache ? cache->cached_commits() + 1024 : 1024;
    auto walked = walk_and_read(repo, packs, tip_id, depth, options, known, expected, stats, clock);
    packs.reset();
    if (!walked) return std::unexpected(walked.error());
    auto ordered_facts = order_facts(*walked);
    if (!ordered_facts) return std::unexpected(ordered_facts.error());
    const OrderedFacts facts = std::move(*ordered_facts);
    stats.cache_hits = stats.commits_walked - facts.fresh.size();
    const std::uint32_t missing = walked->graph.missing_objects;
    builder.add_missing(missing);
    walked->graph = CommitGraph{};
    clock.lap("order");
    if (cache) {
        if (superseded) cache->supersede();
        update_cache(*cache, facts, history.warnings);
        if (!history.shallow && missing == 0) record_order(*cache, tip_id, facts, history.warnings);
        clock.lap("cache write");
    }
    assemble(facts, stats.threads, builder);
    clock.lap("assemble");
    return {};
}

util::Expected<void> load_contents(git_repository* repo, const git_commit* tip, const LoadOptions& options,
                                   History& history, LoadStats& stats) {
    PhaseClock clock(stats);
    auto mailmap = read_mailmap(repo, tip, history);
    if (!mailmap) return std::unexpected(mailmap.error());
    HistoryBuilder builder(history, mailmap->get());
    std::shared_ptr<const fastread::PackSet> packs;
    if (options.packs == PackAccess::direct) packs = fastread::PackSet::open(std::string(git_repository_commondir(repo)) + "objects");
    clock.lap("packs");
    std::optional<FactCache> cache = open_cache(repo, options, history, stats);
    clock.lap("cache read");
    // Tags are refs and their objects, independent of the walk: with a second thread they
    // are read meanwhile (a clone with every pull request's ref has tens of thousands of
    // refs to list). Started after the cache is read, which keeps every thread busy itself.
    std::future<util::Expected<RawTags>> tags_read;
    if (stats.threads > 1) tags_read = read_tags_async(without_trailing_slash(git_repository_path(repo)));
    // Listed before the commits are read, so that the packs can be let go right after;
    // interned after them, so that path ids come out in the same order as always.
    auto files = head_paths(repo, packs, options, tip, cache ? &*cache : nullptr, builder);
    if (!files) return std::unexpected(files.error());
    clock.lap("head files");
    if (auto commits = load_commits(repo, tip, options, std::move(packs), cache, builder, stats, clock); !commits) {
        return commits;
    }
    history.head_files.reserve(files->size());
    for (const std::string& path : *files) history.head_files.push_back(builder.path(path));
    if (cache) stats.cache_bytes_written = cache->bytes_written();
    auto tags = tags_read.valid() ? tags_read.get() : read_tags(repo);
    if (!tags) return std::unexpected(tags.error());
    add_tags(std::move(*tags), builder);
    clock.lap("tags");
    // Review notes change after their commits do (Gerrit writes them at submission), so
    // they are read at every load and never cached with the commit facts.
    if (auto notes = read_review_notes(repo, history); !notes) return notes;
    clock.lap("review notes");
    // What is left of the cached facts (their lists moved into the History) is a hundred
    // thousand small blocks: freed meanwhile, while the caller analyses the history.
    if (cache) util::destroy_later(std::move(*cache));
    return {};
}

}  // namespace

util::Expected<History> load_history(const LoadOptions& options, LoadStats& stats) {
    const auto start = Clock::now();
    auto repo = open_repository(options.path);
    if (!repo) return std::unexpected(repo.error());
    // Before libgit2 reads any object: it does not survive some damaged indexes.
    if (auto indexes = check_pack_indexes(objects_dir(repo->get())); !indexes) return std::unexpected(indexes.error());
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
