#pragma once
// Running independent pieces of work on a few threads.

#include <cstddef>
#include <functional>

namespace roles::util {

/// Calls `work(i)` once for every i in [0, count), on at most `threads` threads (the calling
/// thread being one of them), and returns when all calls have returned. Calls run in no
/// particular order, so each must touch only what index i owns. With `threads` ≤ 1 or a
/// single item everything runs on the calling thread, in order. An exception thrown by a
/// call ends the process (std::terminate), like one escaping a thread: `work` must not throw.
void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace roles::util
