// for_each_index: every index exactly once, whatever the thread count.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "roles/util/parallel.hpp"

using roles::util::for_each_index;

TEST_CASE("for_each_index calls the work once for every index", "[util][parallel]") {
    for (const unsigned threads : {0U, 1U, 2U, 4U, 16U}) {
        INFO("threads " << threads);
        std::vector<std::atomic<int>> calls(37);
        for_each_index(calls.size(), threads, [&](std::size_t i) { calls[i].fetch_add(1); });
        for (std::size_t i = 0; i < calls.size(); ++i) CHECK(calls[i].load() == 1);
    }
}

TEST_CASE("for_each_index with one thread runs in order on the caller", "[util][parallel]") {
    std::vector<std::size_t> order;
    const auto caller = std::this_thread::get_id();
    bool elsewhere = false;
    for_each_index(5, 1, [&](std::size_t i) {
        order.push_back(i);
        elsewhere = elsewhere || std::this_thread::get_id() != caller;
    });
    CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4});
    CHECK_FALSE(elsewhere);
}

TEST_CASE("for_each_index uses more than one thread when asked", "[util][parallel]") {
    // Two items that each wait (up to a deadline) for the other to start: only on two
    // threads do both see the other running.
    std::atomic<int> started{0};
    std::atomic<int> saw_both{0};
    for_each_index(2, 2, [&](std::size_t) {
        started.fetch_add(1);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (started.load() < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
        if (started.load() == 2) saw_both.fetch_add(1);
    });
    CHECK(saw_both.load() == 2);
}

TEST_CASE("for_each_index with nothing to do calls nothing", "[util][parallel]") {
    int calls = 0;
    for_each_index(0, 4, [&](std::size_t) { ++calls; });
    CHECK(calls == 0);
}
