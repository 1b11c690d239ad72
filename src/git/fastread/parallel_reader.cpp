#include "parallel_reader.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <string>

namespace roles::git::fastread {

namespace {

// The walk wakes a waiting reader every this many requests.
constexpr std::uint64_t k_publish_every = 32;
// Ranges hold 32-bit indexes (k_open excluded): 65,536 blocks of at most this many.
constexpr std::size_t k_max_block_size = std::size_t{1} << 15;
constexpr auto k_tick = std::chrono::milliseconds(100);

std::uint64_t pack_range(std::uint64_t next, std::uint64_t end) { return (next << 32) | end; }
std::uint32_t range_next(std::uint64_t range) { return static_cast<std::uint32_t>(range >> 32); }
std::uint32_t range_end(std::uint64_t range) { return static_cast<std::uint32_t>(range); }

std::uint32_t at_least_one(std::size_t value) {
    return static_cast<std::uint32_t>(std::clamp<std::size_t>(value, 1, std::size_t{1} << 30));
}

}  // namespace

ParallelReader::ParallelReader(RequestHandler& handler, unsigned threads, const ReaderBudgets& budgets)
    : m_handler(handler),
      m_block_bits(static_cast<std::size_t>(
          std::countr_zero(std::bit_ceil(std::clamp<std::size_t>(budgets.request_block_commits, 1, k_max_block_size))))),
      m_block_size(std::size_t{1} << m_block_bits),
      m_batch(at_least_one(budgets.claim_batch)),
      m_min_steal(at_least_one(budgets.steal_min_commits)),
      m_blocks(new std::atomic<Block*>[k_max_blocks]()) {
    const std::size_t count = std::max(1U, threads);
    for (std::size_t i = 0; i < count; ++i) {
        m_workers.push_back(std::make_unique<Worker>());
        m_workers.back()->index = i;
    }
    if (count == 1) return;
    // Worker 1 reads right behind the walk: its range has no end until the walk has one.
    m_workers[1]->range = pack_range(0, k_open);
    m_running = count - 1;
    for (std::size_t i = 1; i < count; ++i) {
        m_threads.emplace_back([this, worker = m_workers[i].get()] {
            run(*worker, {});
            const std::lock_guard lock(m_mutex);
            --m_running;
            m_changed.notify_all();
        });
    }
}

ParallelReader::~ParallelReader() {
    // After finish() this only frees memory; otherwise (the walk failed) the readers are
    // told to read nothing more, and every range is closed so that they stop.
    m_fail_at = 0;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_walk_done) split_remaining();
        m_walk_done = true;
    }
    m_changed.notify_all();
    for (std::thread& thread : m_threads) thread.join();
    const std::uint64_t stored = m_published.load() + m_unannounced;
    for (std::size_t i = 0; i <= (stored >> m_block_bits) && i < k_max_blocks; ++i) delete m_blocks[i].load();
}

void ParallelReader::request(CommitRequest&& item) {
    if (m_requested >= k_max_blocks * m_block_size) {
        m_overflow = true;  // reported by finish(); the readers stop at what they have
        return;
    }
    ++m_requested;
    // The walk visits a commit's first parent right after it, so the held request learns
    // its parent's tree here and its reader does not have to read the parent again.
    if (m_held) {
        if (!m_held->parent_tree && m_held->first_parent && item.tree &&
            git_oid_equal(&*m_held->first_parent, &item.id)) {
            m_held->parent_tree = item.tree;
        }
        publish(std::move(*m_held));
    }
    m_held = std::move(item);
}

void ParallelReader::publish(CommitRequest&& request) {
    const std::uint64_t index = m_published.load(std::memory_order_relaxed) + m_unannounced;
    const std::size_t block = index >> m_block_bits;
    if (m_blocks[block].load(std::memory_order_relaxed) == nullptr) {
        m_blocks[block].store(new Block(m_block_size), std::memory_order_release);
    }
    m_blocks[block].load(std::memory_order_relaxed)->items[index & (m_block_size - 1)] = std::move(request);
    if (++m_unannounced < k_publish_every) return;
    announce();
}

void ParallelReader::announce() {
    {
        const std::lock_guard lock(m_mutex);
        m_published.fetch_add(m_unannounced, std::memory_order_release);
    }
    m_unannounced = 0;
    m_changed.notify_all();
}

bool ParallelReader::wait_published(std::size_t index) {
    if (index < m_published.load(std::memory_order_acquire)) return true;
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return index < m_published.load(std::memory_order_acquire) || m_walk_done; });
    return index < m_published.load(std::memory_order_acquire);
}

// Waits for the end of the walk; false when it had already ended.
bool ParallelReader::wait_for_walk() {
    std::unique_lock lock(m_mutex);
    if (m_walk_done) return false;
    m_changed.wait(lock, [this] { return m_walk_done; });
    return true;
}

bool ParallelReader::claim(Worker& worker, std::size_t& begin, std::size_t& end) {
    std::uint64_t range = worker.range.load();
    while (true) {
        const std::uint32_t next = range_next(range);
        const std::uint32_t last = range_end(range);
        if (next >= last) return false;
        const std::uint32_t until = last == k_open ? next + m_batch : next + std::min(m_batch, last - next);
        if (worker.range.compare_exchange_weak(range, pack_range(until, last))) {
            begin = next;
            end = until;
            return true;
        }
    }
}

// Takes the second half of the largest range left.
bool ParallelReader::steal(Worker& thief) {
    while (true) {
        Worker* victim = nullptr;
        std::uint64_t seen = 0;
        std::uint32_t largest = 0;
        for (const auto& worker : m_workers) {
            const std::uint64_t range = worker->range.load();
            const std::uint32_t next = range_next(range);
            const std::uint32_t last = range_end(range);
            if (worker.get() == &thief || last == k_open || next >= last || last - next <= largest) continue;
            victim = worker.get();
            seen = range;
            largest = last - next;
        }
        if (victim == nullptr || largest / 2 < m_min_steal) return false;
        const std::uint32_t middle = range_next(seen) + largest / 2;
        if (victim->range.compare_exchange_strong(seen, pack_range(range_next(seen), middle))) {
            thief.range = pack_range(middle, range_end(seen));
            ++thief.counters.steals;
            return true;
        }
    }
}

// The walk has ended: what the follower has not claimed yet is shared out in contiguous
// ranges, the follower keeping the first.
void ParallelReader::split_remaining() {
    const auto total = static_cast<std::uint32_t>(m_published.load());
    const std::size_t count = m_workers.size();
    if (count == 1) {
        m_workers[0]->range = pack_range(0, total);
        return;
    }
    Worker& follower = *m_workers[1];
    std::uint64_t range = follower.range.load();
    std::uint32_t next = 0;
    std::uint32_t share = 0;
    do {
        next = range_next(range);
        share = next >= total ? 0 : (total - next + static_cast<std::uint32_t>(count) - 1) / static_cast<std::uint32_t>(count);
    } while (!follower.range.compare_exchange_weak(range, pack_range(next, std::min(total, next + share))));
    std::uint32_t begin = std::min(total, next + share);
    for (std::size_t i = 0; i < count; ++i) {
        if (i == 1) continue;
        const std::uint32_t end = std::min(total, begin + share);
        m_workers[i]->range = pack_range(begin, end);
        begin = end;
    }
}

void ParallelReader::run(Worker& worker, const std::function<void()>& between) {
    if (auto started = m_handler.start(worker.index); !started) {
        fail(worker, 0, std::move(started.error()));
        return;
    }
    read_claimed(worker, between);
    m_handler.stop(worker.index);
}

void ParallelReader::read_claimed(Worker& worker, const std::function<void()>& between) {
    std::size_t begin = 0;
    std::size_t end = 0;
    while (true) {
        if (!claim(worker, begin, end)) {
            if (steal(worker)) continue;
            // Readers other than the follower get their range when the walk ends.
            if (wait_for_walk()) continue;
            break;
        }
        for (std::size_t index = begin; index < end && wait_published(index); ++index) {
            // Past a failure nothing more is read, but what comes before it still is, so
            // that the error reported is always that of the earliest failing commit.
            if (index < m_fail_at.load()) read_one(index, worker);
        }
        if (between) between();
    }
}

void ParallelReader::read_one(std::size_t index, Worker& worker) {
    Block* block = m_blocks[index >> m_block_bits].load(std::memory_order_acquire);
    auto done = m_handler.read(worker.index, std::move(block->items[index & (m_block_size - 1)]));
    // Requests are read once: a block whose every request was taken is not needed anymore.
    if (block->read.fetch_add(1) + 1 == m_block_size) {
        m_blocks[index >> m_block_bits].store(nullptr);
        delete block;
        ++worker.counters.blocks_freed;
    }
    if (!done) {
        fail(worker, index, std::move(done.error()));
        return;
    }
    m_done.fetch_add(1, std::memory_order_relaxed);
}

void ParallelReader::fail(Worker& worker, std::uint64_t index, util::Error error) {
    if (!worker.failure || index < worker.failure->request) worker.failure = Failure{index, std::move(error)};
    std::uint64_t current = m_fail_at.load();
    while (index < current && !m_fail_at.compare_exchange_weak(current, index)) {
    }
}

void ParallelReader::wait_for_threads(const std::function<void(std::uint64_t)>& tick) {
    std::unique_lock lock(m_mutex);
    while (!m_changed.wait_for(lock, k_tick, [this] { return m_running == 0; })) {
        if (!tick) continue;
        lock.unlock();
        tick(m_done.load(std::memory_order_relaxed));
        lock.lock();
    }
}

util::Expected<void> ParallelReader::finish(const std::function<void(std::uint64_t)>& tick) {
    if (m_held) {
        publish(std::move(*m_held));
        m_held.reset();
    }
    {
        const std::lock_guard lock(m_mutex);
        m_published.fetch_add(m_unannounced);
        m_unannounced = 0;
        split_remaining();
        m_walk_done = true;
    }
    m_changed.notify_all();
    auto last = std::chrono::steady_clock::now();
    run(*m_workers[0], [&] {
        if (!tick || std::chrono::steady_clock::now() - last < k_tick) return;
        tick(m_done.load(std::memory_order_relaxed));
        last = std::chrono::steady_clock::now();
    });
    wait_for_threads(tick);
    for (std::thread& thread : m_threads) thread.join();
    m_threads.clear();
    return collect();
}

util::Expected<void> ParallelReader::collect() {
    const Failure* first_failure = nullptr;
    for (const auto& worker : m_workers) {
        if (worker->failure && (!first_failure || worker->failure->request < first_failure->request)) {
            first_failure = &*worker->failure;
        }
        m_counters.steals += worker->counters.steals;
        m_counters.blocks_freed += worker->counters.blocks_freed;
    }
    if (first_failure) return std::unexpected(first_failure->error);
    if (m_overflow) {
        return util::fail(util::ErrorKind::input, "reading commits",
                          "the history has more than " + std::to_string(k_max_blocks * m_block_size) +
                              " commits, the most one load reads (65,536 blocks of " + std::to_string(m_block_size) +
                              ": raise ReaderBudgets::request_block_commits)");
    }
    return {};
}

}  // namespace roles::git::fastread
