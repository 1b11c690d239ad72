#pragma once
// Part of the fast reader's interface (fastread.hpp): reading commits on several threads
// while the walk is still finding them. What reading a commit means is the caller's
// (RequestHandler: the loader reads facts into one FactStore per reader); this class only
// hands the requests out, so that the result does not depend on the thread count.
//
// Consecutive commits of the walk share most of their trees and delta bases, which each
// reader caches, so readers work on contiguous ranges of the walk order: while the walk
// runs, one reader follows right behind it; when the walk ends, what is left is split into
// one contiguous range per reader, and a reader that runs out takes the second half of
// the largest range left (work stealing), so that all finish together. Requests are kept
// in blocks (ReaderBudgets::request_block_commits), each freed once all its requests are read.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "commit_parser.hpp"
#include "pack_reader.hpp"
#include "roles/git/fastread/budgets.hpp"
#include "roles/util/error.hpp"

namespace roles::git::fastread {

/// A commit to read, with what the walk already learnt about it.
struct CommitRequest {
    git_oid id{};
    std::optional<PackLocation> location;  ///< where the walk found it in the packs
    std::unique_ptr<CommitHeader> header;  ///< parsed by libgit2 when the walk had to ask it
    std::optional<git_oid> tree;           ///< its tree, when the walk read it
    std::optional<git_oid> first_parent;   ///< when the walk read it
    std::optional<git_oid> parent_tree;    ///< the first parent's tree, when known
};

/// What the readers do. Each call for reader `worker` (0 is the thread that calls
/// ParallelReader::finish) is made on that reader's own thread.
class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    /// Before the reader's first request (say, opening what it reads with). An error fails
    /// the load as an error of the very first request would.
    [[nodiscard]] virtual util::Expected<void> start(std::size_t worker) = 0;
    /// Reads one request; after an error, no later request (in walk order) is read.
    [[nodiscard]] virtual util::Expected<void> read(std::size_t worker, CommitRequest&& request) = 0;
    /// After the reader's last request, when start() succeeded.
    virtual void stop(std::size_t worker) = 0;
};

/// How the work was shared, for --stats and for the tests that make each case happen.
struct ScheduleCounters {
    std::uint64_t steals = 0;        ///< ranges split by a reader that had run out
    std::uint64_t blocks_freed = 0;  ///< request blocks freed as soon as they were read
};

/// Hands the walk's requests to `threads` readers.
class ParallelReader {
public:
    /// The calling thread is one of the readers: it walks, then reads in finish(), so
    /// `threads - 1` threads are started (none for 1). `handler` must outlive the reader.
    ParallelReader(RequestHandler& handler, unsigned threads, const ReaderBudgets& budgets);
    ParallelReader(const ParallelReader&) = delete;
    ParallelReader& operator=(const ParallelReader&) = delete;
    ~ParallelReader();

    /// Queues one commit (single producer: the walk, in walk order).
    void request(CommitRequest&& item);
    /// No more requests: reads what is left with the calling thread too, calling `tick`
    /// with the number of commits read so far about ten times a second (on this thread).
    /// Fails with the error of the earliest failing request in request order, or when
    /// more commits were requested than the blocks can hold.
    [[nodiscard]] util::Expected<void> finish(const std::function<void(std::uint64_t)>& tick);
    /// How many readers there are (handler calls use 0 to readers() - 1).
    [[nodiscard]] std::size_t readers() const { return m_workers.size(); }
    /// How many commits were requested so far.
    [[nodiscard]] std::uint64_t requested() const { return m_requested; }
    /// How many commits were read so far (any thread may be reading more meanwhile).
    [[nodiscard]] std::uint64_t read_so_far() const { return m_done.load(std::memory_order_relaxed); }
    /// After finish().
    [[nodiscard]] const ScheduleCounters& counters() const { return m_counters; }

private:
    static constexpr std::size_t k_max_blocks = std::size_t{1} << 16;
    static constexpr std::uint32_t k_open = 0xffff'ffffU;  ///< range end while the walk runs

    struct Block {
        explicit Block(std::size_t size) : items(new CommitRequest[size]) {}
        std::unique_ptr<CommitRequest[]> items;
        std::atomic<std::uint32_t> read{0};  ///< items taken; the last reader frees the block
    };
    struct Failure {
        std::uint64_t request = 0;
        util::Error error;
    };
    struct Worker {
        std::size_t index = 0;
        /// (next << 32) | end: the requests this worker still has to read.
        std::atomic<std::uint64_t> range{0};
        ScheduleCounters counters;
        std::optional<Failure> failure;
    };

    void publish(CommitRequest&& item);
    void announce();
    bool wait_published(std::size_t index);
    bool wait_for_walk();
    void run(Worker& worker, const std::function<void()>& between);
    void read_claimed(Worker& worker, const std::function<void()>& between);
    bool claim(Worker& worker, std::size_t& begin, std::size_t& end);
    bool steal(Worker& thief);
    void split_remaining();
    void read_one(std::size_t index, Worker& worker);
    void fail(Worker& worker, std::uint64_t index, util::Error error);
    void wait_for_threads(const std::function<void(std::uint64_t)>& tick);
    util::Expected<void> collect();

    RequestHandler& m_handler;
    std::size_t m_block_bits;
    std::size_t m_block_size;
    std::uint32_t m_batch;
    std::uint32_t m_min_steal;
    std::vector<std::unique_ptr<Worker>> m_workers;  ///< [0] is the calling thread, [1] follows the walk
    std::vector<std::thread> m_threads;
    std::unique_ptr<std::atomic<Block*>[]> m_blocks;
    std::optional<CommitRequest> m_held;  ///< the last request, until its parent's tree is known
    std::uint64_t m_requested = 0;
    bool m_overflow = false;                    ///< more requests than the blocks hold
    std::atomic<std::uint64_t> m_published{0};  ///< requests readers may read
    std::uint64_t m_unannounced = 0;            ///< stored but not yet counted in m_published
    std::mutex m_mutex;
    std::condition_variable m_changed;  ///< more published, the walk ended, or a thread ended
    bool m_walk_done = false;           ///< guarded by m_mutex
    std::size_t m_running = 0;          ///< threads not yet ended, guarded by m_mutex
    std::atomic<std::uint64_t> m_done{0};
    /// Index of the earliest request that failed; nothing after it is read. Max: none.
    std::atomic<std::uint64_t> m_fail_at{~std::uint64_t{0}};
    ScheduleCounters m_counters;
};

}  // namespace roles::git::fastread
