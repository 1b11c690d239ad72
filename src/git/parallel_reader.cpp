#include "parallel_reader.hpp"

#include <chrono>

#include "roles/git/handles.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

// Consecutive commits of the walk share most of their trees; a reader that gets them
// together finds them in its repository's object cache. Small enough that two readers
// stay busy to the end.
constexpr std::size_t k_chunk_size = 64;
constexpr auto k_tick = std::chrono::milliseconds(100);

util::Expected<RepositoryHandle> open_for_reading(const std::string& git_dir) {
    RepositoryHandle repo;
    // The git dir is known: no search, and no work tree or config needed to read objects.
    const unsigned flags = GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_BARE;
    if (git_repository_open_ext(out(repo), git_dir.c_str(), flags, nullptr) < 0) {
        return util::fail(util::ErrorKind::input, "opening repository " + util::quoted(git_dir),
                          last_error_message());
    }
    return repo;
}

// The walk follows first parents, so a commit's first parent is usually the next item of
// the same chunk: its tree is taken from there instead of reading the parent again.
void fill_parent_trees(std::vector<CommitRequest>& items) {
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
        CommitRequest& item = items[i];
        if (item.parent_tree || !item.header || item.header->parents.empty()) continue;
        const git_oid& parent = item.header->parents.front();
        for (std::size_t j = i + 1; j < items.size() && j <= i + 2; ++j) {
            if (items[j].header && git_oid_equal(&items[j].id, &parent)) {
                item.parent_tree = items[j].header->tree;
                break;
            }
        }
    }
}

}  // namespace

ParallelReader::ParallelReader(std::string git_dir, std::shared_ptr<const PackSet> packs, unsigned threads)
    : m_git_dir(std::move(git_dir)), m_packs(std::move(packs)), m_workers(threads == 0 ? 1 : threads) {
    if (m_workers.size() == 1) return;
    m_running = m_workers.size();
    m_threads.reserve(m_workers.size());
    for (Worker& worker : m_workers) m_threads.emplace_back([this, &worker] { run(worker); });
}

ParallelReader::~ParallelReader() {
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_queue.clear();
    }
    m_ready.notify_all();
    for (std::thread& thread : m_threads) {
        if (thread.joinable()) thread.join();
    }
}

void ParallelReader::request(CommitRequest&& item) {
    if (m_pending.items.empty()) {
        m_pending.first = m_requested;
        m_pending.items.reserve(k_chunk_size);
    }
    m_pending.items.push_back(std::move(item));
    ++m_requested;
    if (m_pending.items.size() >= k_chunk_size) publish_pending();
}

void ParallelReader::publish_pending() {
    if (m_pending.items.empty()) return;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(m_pending));
    }
    m_pending = Chunk{};
    // Only worker threads wait on the queue; with none, finish() drains it.
    if (!m_threads.empty()) m_ready.notify_one();
}

std::optional<ParallelReader::Chunk> ParallelReader::next_chunk() {
    std::unique_lock lock(m_mutex);
    m_ready.wait(lock, [this] { return !m_queue.empty() || m_closed; });
    if (m_queue.empty()) return std::nullopt;
    Chunk chunk = std::move(m_queue.front());
    m_queue.pop_front();
    return chunk;
}

void ParallelReader::run(Worker& worker) {
    read_chunks(worker, {});
    {
        const std::lock_guard lock(m_mutex);
        --m_running;
    }
    m_finished.notify_all();
}

void ParallelReader::read_chunks(Worker& worker, const std::function<void()>& between_chunks) {
    auto repo = open_for_reading(m_git_dir);
    if (!repo) {
        worker.failure = Failure{0, repo.error()};
        m_failed = true;
    }
    std::optional<ObjectSource> source;
    if (repo) source.emplace(repo->get(), m_packs);
    while (auto chunk = next_chunk()) {
        // After a failure the rest is skipped, but the queue is still drained.
        if (repo && !m_failed) read_chunk(*source, *chunk, worker);
        if (between_chunks) between_chunks();
    }
    if (source) worker.objects = source->counters();
}

void ParallelReader::read_chunk(ObjectSource& source, Chunk& chunk, Worker& worker) {
    fill_parent_trees(chunk.items);
    for (std::size_t i = 0; i < chunk.items.size(); ++i) {
        auto facts = read_commit(source, worker.store, std::move(chunk.items[i]), worker.counters);
        if (!facts) {
            worker.failure = Failure{chunk.first + i, facts.error()};
            m_failed = true;
            return;
        }
        if (*facts) {
            worker.store.add(std::move(**facts));
        } else {
            ++worker.absent;
        }
        m_done.fetch_add(1, std::memory_order_relaxed);
    }
}

void ParallelReader::wait_for_workers(const std::function<void(std::uint64_t)>& tick) {
    std::unique_lock lock(m_mutex);
    while (!m_finished.wait_for(lock, k_tick, [this] { return m_running == 0; })) {
        if (!tick) continue;
        lock.unlock();
        tick(m_done.load(std::memory_order_relaxed));
        lock.lock();
    }
}

util::Expected<std::vector<FactStore>> ParallelReader::finish(const std::function<void(std::uint64_t)>& tick) {
    publish_pending();
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_ready.notify_all();
    if (m_threads.empty()) {
        auto last = std::chrono::steady_clock::now();
        read_chunks(m_workers.front(), [&] {
            if (!tick || std::chrono::steady_clock::now() - last < k_tick) return;
            tick(m_done.load(std::memory_order_relaxed));
            last = std::chrono::steady_clock::now();
        });
    } else {
        wait_for_workers(tick);
        for (std::thread& thread : m_threads) thread.join();
        m_threads.clear();
    }
    return collect();
}

util::Expected<std::vector<FactStore>> ParallelReader::collect() {
    const Failure* first_failure = nullptr;
    std::vector<FactStore> stores;
    stores.reserve(m_workers.size());
    for (Worker& worker : m_workers) {
        if (worker.failure && (!first_failure || worker.failure->request < first_failure->request)) {
            first_failure = &*worker.failure;
        }
        m_counters.commits += worker.counters.commits;
        m_counters.trees_compared += worker.counters.trees_compared;
        m_counters.absent_commits += worker.absent;
        m_counters.objects.pack_reads += worker.objects.pack_reads;
        m_counters.objects.libgit2_reads += worker.objects.libgit2_reads;
    }
    if (first_failure) return std::unexpected(first_failure->error);
    for (Worker& worker : m_workers) stores.push_back(std::move(worker.store));
    return stores;
}

}  // namespace roles::git
