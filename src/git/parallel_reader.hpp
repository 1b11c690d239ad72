#pragma once
// Internal to src/git: reading commits on several threads while the walk is still finding
// them. Each thread opens its own git_repository on the same git dir (libgit2 objects are
// not shared between threads) and fills its own FactStore; the loader then assembles the
// History from the stores in walk order, so the result does not depend on the thread count.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "commit_reader.hpp"
#include "fact_store.hpp"
#include "object_source.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// What the readers did, for --stats.
struct ReaderCounters {
    std::uint64_t commits = 0;
    std::uint64_t trees_compared = 0;
    std::uint32_t absent_commits = 0;  ///< requested but gone by the time they were read
    SourceCounters objects;            ///< where trees were read from
};

/// Reads requested commits into per-thread FactStores.
class ParallelReader {
public:
    /// `threads` readers on `git_dir`, reading trees from `packs` when not null; with 1, no
    /// thread is started and finish() reads everything on the calling thread.
    ParallelReader(std::string git_dir, std::shared_ptr<const PackSet> packs, unsigned threads);
    ParallelReader(const ParallelReader&) = delete;
    ParallelReader& operator=(const ParallelReader&) = delete;
    ~ParallelReader();

    /// Queues one commit (single producer: the walk).
    void request(CommitRequest&& item);
    /// No more requests: waits until every queued commit is read, calling `tick` with the
    /// number of commits read so far about ten times a second (on this thread). Returns one
    /// store per reader, or the error of the earliest failing commit in request order.
    [[nodiscard]] util::Expected<std::vector<FactStore>> finish(const std::function<void(std::uint64_t)>& tick);
    /// How many commits were requested so far.
    [[nodiscard]] std::uint64_t requested() const { return m_requested; }
    [[nodiscard]] const ReaderCounters& counters() const { return m_counters; }

private:
    struct Chunk {
        std::uint64_t first = 0;  ///< request number of items[0]
        std::vector<CommitRequest> items;
    };
    struct Failure {
        std::uint64_t request = 0;
        util::Error error;
    };
    struct Worker {
        FactStore store;
        ReadCounters counters;
        SourceCounters objects;
        std::uint32_t absent = 0;
        std::optional<Failure> failure;
    };

    void publish_pending();
    std::optional<Chunk> next_chunk();
    void run(Worker& worker);
    void read_chunks(Worker& worker, const std::function<void()>& between_chunks);
    void read_chunk(ObjectSource& source, Chunk& chunk, Worker& worker);
    void wait_for_workers(const std::function<void(std::uint64_t)>& tick);
    util::Expected<std::vector<FactStore>> collect();

    std::string m_git_dir;
    std::shared_ptr<const PackSet> m_packs;
    std::vector<Worker> m_workers;
    std::vector<std::thread> m_threads;
    Chunk m_pending;
    std::uint64_t m_requested = 0;
    std::mutex m_mutex;
    std::condition_variable m_ready;     ///< a chunk was queued, or the queue closed
    std::condition_variable m_finished;  ///< a worker thread ended
    std::size_t m_running = 0;           ///< worker threads not yet ended
    std::deque<Chunk> m_queue;
    bool m_closed = false;
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<bool> m_failed{false};
    ReaderCounters m_counters;
};

}  // namespace roles::git
