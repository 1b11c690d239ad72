#pragma once
// Freeing large structures off the critical path: at exit by the operating system, or on a
// background thread.

#include <memory>
#include <type_traits>
#include <utility>

namespace roles::util {

namespace detail {
/// The values kept by release_at_exit. Never freed: see there.
void keep(std::shared_ptr<void> value);
/// Hands `value` to the background destroyer: see destroy_later.
void destroy_in_background(std::shared_ptr<void> value);
}  // namespace detail

/// Takes `value` and keeps it until the process exits, when the operating system reclaims
/// its memory at once instead of its destructor freeing it block by block. For the few
/// large results a command is done with just before it returns: a History of 100k commits
/// is a million small blocks, and freeing them took a tenth of a warm `roles audit`.
/// Only for values whose destructor does nothing but free memory (no files to flush, no
/// threads to join). The values stay reachable, so leak checkers do not report them.
/// Not thread-safe: call it from the main thread.
template <class T>
void release_at_exit(T&& value) {
    detail::keep(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

/// Takes `value` and destroys it on a background thread, in the order given, so that
/// freeing a large structure overlaps with what the caller does next. Everything handed
/// over is destroyed before static objects are (the thread is joined then). Only for values
/// whose destructor touches nothing the caller still uses. Thread-safe.
template <class T>
void destroy_later(T&& value) {
    detail::destroy_in_background(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace roles::util
