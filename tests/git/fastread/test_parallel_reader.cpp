// The parallel reader's scheduling with a handler that records what it is given: every
// request read exactly once whatever the thread count and budgets, the earliest error
// reported, blocks freed, work stolen from a reader that is stuck, and the block limit.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/parallel_reader.hpp"

using roles::git::fastread::CommitRequest;
using roles::git::fastread::ParallelReader;
using roles::git::fastread::ReaderBudgets;
using roles::git::fastread::RequestHandler;

namespace {

// Request i carries i in the first bytes of its id.
CommitRequest numbered(std::uint32_t index) {
    CommitRequest request;
    std::memcpy(request.id.id, &index, sizeof index);
    return request;
}

std::uint32_t number_of(const CommitRequest& request) {
    std::uint32_t index = 0;
    std::memcpy(&index, request.id.id, sizeof index);
    return index;
}

// Records which reader read which request; fails at `fail_at` (and after it, if asked).
class Recorder : public RequestHandler {
public:
    explicit Recorder(std::size_t readers, std::uint32_t fail_at = ~0U) : m_read(readers), m_fail_at(fail_at) {}
    roles::util::Expected<void> start(std::size_t worker) override {
        const std::lock_guard lock(m_mutex);
        ++m_started[worker];
        return {};
    }
    roles::util::Expected<void> read(std::size_t worker, CommitRequest&& request) override {
        const std::uint32_t index = number_of(request);
        m_read[worker].push_back(index);
        if (index >= m_fail_at && index % 2 == m_fail_at % 2) {
            return roles::util::fail(roles::util::ErrorKind::input, "reading " + std::to_string(index), "broken");
        }
        return {};
    }
    void stop(std::size_t worker) override {
        const std::lock_guard lock(m_mutex);
        ++m_stopped[worker];
    }
    // Every request read, by whichever reader.
    [[nodiscard]] std::multiset<std::uint32_t> all() const {
        std::multiset<std::uint32_t> all;
        for (const auto& list : m_read) all.insert(list.begin(), list.end());
        return all;
    }
    std::vector<std::vector<std::uint32_t>> m_read;
    std::map<std::size_t, int> m_started;
    std::map<std::size_t, int> m_stopped;

private:
    std::mutex m_mutex;
    std::uint32_t m_fail_at;
};

std::multiset<std::uint32_t> range(std::uint32_t count) {
    std::multiset<std::uint32_t> all;
    for (std::uint32_t i = 0; i < count; ++i) all.insert(i);
    return all;
}

}  // namespace

TEST_CASE("every request is read once, by one reader, whatever the threads and budgets", "[git][fastread][parallel]") {
    const unsigned threads = GENERATE(1U, 2U, 3U, 5U);
    ReaderBudgets budgets;
    budgets.request_block_commits = GENERATE(std::size_t{1}, std::size_t{3}, std::size_t{1024});
    budgets.claim_batch = GENERATE(std::size_t{1}, std::size_t{8});
    budgets.steal_min_commits = 1;
    Recorder recorder(threads);
    constexpr std::uint32_t k_count = 777;
    {
        ParallelReader reader(recorder, threads, budgets);
        for (std::uint32_t i = 0; i < k_count; ++i) reader.request(numbered(i));
        CHECK(reader.requested() == k_count);
        REQUIRE(reader.finish({}));
        CHECK(reader.read_so_far() == k_count);
        // Blocks are rounded up to a power of two (3 -> 4); every full block is freed.
        const std::size_t block = budgets.request_block_commits == 3 ? 4 : budgets.request_block_commits;
        CHECK(reader.counters().blocks_freed == k_count / block);
    }
    CHECK(recorder.all() == range(k_count));
    // Each reader was started and stopped once, on its own thread.
    for (std::size_t worker = 0; worker < threads; ++worker) {
        CHECK(recorder.m_started[worker] == 1);
        CHECK(recorder.m_stopped[worker] == 1);
    }
}

TEST_CASE("the error reported is the earliest failing request's, and every request before it is read", "[git][fastread][parallel]") {
    const unsigned threads = GENERATE(1U, 2U, 4U);
    ReaderBudgets budgets;
    budgets.request_block_commits = 16;
    // Requests 301, 303, 305, ... fail: whatever thread meets which first, 301 is reported.
    Recorder recorder(threads, 301);
    ParallelReader reader(recorder, threads, budgets);
    for (std::uint32_t i = 0; i < 2000; ++i) reader.request(numbered(i));
    const auto result = reader.finish({});
    REQUIRE_FALSE(result);
    CHECK(result.error().context == "reading 301");
    // Everything before it was read.
    const auto read = recorder.all();
    for (std::uint32_t i = 0; i < 301; ++i) CHECK(read.count(i) == 1);
}

namespace {

// Reader 1 (the walk's follower) stops at its first request until reader 0 has read one of
// the follower's share: the only way that happens is a steal, so the test cannot pass by
// luck and cannot hang (it gives up after ten seconds, and the steal count then says so).
class StuckFollower : public Recorder {
public:
    explicit StuckFollower(std::uint32_t share_end) : Recorder(2), m_share_end(share_end) {}
    roles::util::Expected<void> read(std::size_t worker, CommitRequest&& request) override {
        const std::uint32_t index = number_of(request);
        if (worker == 1 && !m_waited) {
            m_waited = true;
            std::unique_lock lock(m_stolen_mutex);
            m_stolen_changed.wait_for(lock, std::chrono::seconds(10), [this] { return m_stolen; });
        }
        if (worker == 0 && index < m_share_end) {
            const std::lock_guard lock(m_stolen_mutex);
            m_stolen = true;
            m_stolen_changed.notify_all();
        }
        return Recorder::read(worker, std::move(request));
    }

private:
    std::uint32_t m_share_end;
    bool m_waited = false;
    std::mutex m_stolen_mutex;
    std::condition_variable m_stolen_changed;
    bool m_stolen = false;
};

}  // namespace

TEST_CASE("a reader that runs out takes half of the largest range left", "[git][fastread][parallel]") {
    ReaderBudgets budgets;
    budgets.claim_batch = 4;
    budgets.steal_min_commits = 8;
    // All 400 requests are published before the follower may read (it waits for the
    // first batch of 32), then split: the follower keeps [0, 200), reader 0 gets [200, 400).
    StuckFollower handler(200);
    ParallelReader reader(handler, 2, budgets);
    for (std::uint32_t i = 0; i < 400; ++i) reader.request(numbered(i));
    REQUIRE(reader.finish({}));
    CHECK(reader.counters().steals >= 1);
    CHECK(handler.all() == range(400));
    // Reader 0 read its own share, then stolen requests of the follower's.
    const auto& mine = handler.m_read[0];
    CHECK(std::count_if(mine.begin(), mine.end(), [](std::uint32_t i) { return i < 200; }) > 0);
}

TEST_CASE("a history beyond 65,536 blocks is an error, not a write past the table", "[git][fastread][parallel][hardening]") {
    ReaderBudgets budgets;
    budgets.request_block_commits = 1;
    Recorder recorder(1);
    ParallelReader reader(recorder, 1, budgets);
    for (std::uint32_t i = 0; i < 65'537; ++i) reader.request(numbered(i));
    CHECK(reader.requested() == 65'536);
    const auto result = reader.finish({});
    REQUIRE_FALSE(result);
    CHECK(result.error().cause ==
          "the history has more than 65536 commits, the most one load reads (65,536 blocks of 1: raise "
          "ReaderBudgets::request_block_commits)");
    CHECK(recorder.all().size() == 65'536);
}
