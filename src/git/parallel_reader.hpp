#pragma once
// Internal to src/git: reading commits on several threads while the walk is still finding
// them. Each thread opens its own git_repository on the same git dir (libgit2 objects are
// not shared between threads) and fills its own FactStore; the loader then assembles the
// History from the stores in walk order, so the result does not depend on the thread count.
//
// Consecutive commits of the walk share most of their trees and delta bases, which each
// reader caches, so readers work on contiguous ranges of the walk order: while the walk
// runs, one reader follows right behind it; when the walk ends, what is left is split into
// one contiguous range per reader, and a reader that runs out takes the second half of
// the largest range left (work stealing), so that all finish together.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
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
    RenameCounters renames;            ///< similarity rename detection
    SourceCounters objects;            ///< where trees and commits were read from
};

/// Reads requested commits into per-thread FactStores.
class ParallelReader {
public:
    /// `threads` readers on `git_dir`, reading from `packs` when not null. The calling
    /// thread is one of them: it walks, then reads in finish(), so `threads - 1` threads
    /// are started (none for 1).
    ParallelReader(std::string git_dir, std::shared_ptr<const PackSet> packs, unsigned threads);
    ParallelReader(const ParallelReader&) = delete;
    ParallelReader& operator=(const ParallelReader&) = delete;
    ~ParallelReader();

    /// Queues one commit (single producer: the walk, in walk order).
    void request(CommitRequest&& item);
    /// No more requests: reads what is left with the calling thread too, calling `tick`
    /// with the number of commits read so far about ten times a second (on this thread).
    /// Returns one store per reader, or the error of the earliest failing commit in
    /// request order.
    [[nodiscard]] util::Expected<std::vector<FactStore>> finish(const std::function<void(std::uint64_t)>& tick);
    /// How many commits were requested so far.
    [[nodiscard]] std::uint64_t requested() const { return m_requested; }
    /// How many commits were read so far (any thread may be reading more meanwhile).
    [[nodiscard]] std::uint64_t read_so_far() const { return m_done.load(std::memory_order_relaxed); }
    [[nodiscard]] const ReaderCounters& counters() const { return m_counters; }

private:
    static constexpr std::size_t k_block_bits = 10;
    static constexpr std::size_t k_block_size = std::size_t{1} << k_block_bits;
    static constexpr std::size_t k_max_blocks = std::size_t{1} << 16;  ///< 64 Mi commits
    static constexpr std::uint32_t k_open = 0xffff'ffffU;  ///< range end while the walk runs

    struct Block {
        CommitRequest items[k_block_size];
        std::atomic<std::uint32_t> read{0};  ///< items taken; the last reader frees the block
    };
    struct Failure {
        std::uint64_t request = 0;
        util::Error error;
    };
    struct Worker {
        /// (next << 32) | end: the requests this worker still has to read.
        std::atomic<std::uint64_t> range{0};
        FactStore store;
        ReadCounters counters;
        SourceCounters objects;
        std::uint32_t absent = 0;
        std::optional<Failure> failure;
    };

    void publish(CommitRequest&& item);
    void announce();
    bool wait_published(std::size_t index);
    bool wait_for_walk();
    void run(Worker& worker, const std::function<void()>& between);
    bool claim(Worker& worker, std::size_t& begin, std::size_t& end);
    bool steal(Worker& thief);
    void split_remaining();
    void read_one(ObjectSource& source, std::size_t index, Worker& worker);
    void wait_for_threads(const std::function<void(std::uint64_t)>& tick);
    util::Expected<std::vector<FactStore>> collect();

    std::string m_git_dir;
    std::shared_ptr<const PackSet> m_packs;
    std::vector<std::unique_ptr<Worker>> m_workers;  ///< [0] is the calling thread, [1] follows the walk
    std::vector<std::thread> m_threads;
    std::unique_ptr<std::atomic<Block*>[]> m_blocks;
    std::optional<CommitRequest> m_held;  ///< the last request, until its parent's tree is known
    std::uint64_t m_requested = 0;
    std::atomic<std::uint64_t> m_published{0};  ///< requests readers may read
    std::uint64_t m_unannounced = 0;            ///< stored but not yet counted in m_published
    std::mutex m_mutex;
    std::condition_variable m_changed;  ///< more published, the walk ended, or a thread ended
    bool m_walk_done = false;           ///< guarded by m_mutex
    std::size_t m_running = 0;          ///< threads not yet ended, guarded by m_mutex
    std::atomic<std::uint64_t> m_done{0};
    /// Index of the earliest request that failed; nothing after it is read. Max: none.
    std::atomic<std::uint64_t> m_fail_at{~std::uint64_t{0}};
    ReaderCounters m_counters;
};

}  // namespace roles::git
