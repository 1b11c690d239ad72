#include "roles/util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace roles::util {

void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work) {
    const std::size_t helpers = std::min<std::size_t>(threads, count) > 1 ? std::min<std::size_t>(threads, count) - 1 : 0;
    if (helpers == 0) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    // Items are handed out one at a time: they are few and of uneven size (whole files).
    std::atomic<std::size_t> next{0};
    const auto drain = [&] {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) work(i);
    };
    std::vector<std::jthread> pool;
    pool.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(drain);
    drain();
}

}  // namespace roles::util
