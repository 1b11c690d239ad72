#pragma once
// Private to src/git/fastread: the pack reader's cache of unpacked objects (delta bases and
// recently read trees), one per reader thread.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "object_bytes.hpp"

namespace roles::git::fastread {

/// Unpacked objects by pack position, bounded in bytes: an open-addressing table with
/// CLOCK eviction (an object used since the hand last passed it gets a second chance).
class ObjectCache {
public:
    explicit ObjectCache(std::size_t budget);
    /// The object cached under `key` (never 0), or null.
    [[nodiscard]] ObjectRef find(std::uint64_t key);
    /// Caches `object` under `key` unless it is larger than an eighth of the budget (a few
    /// large trees would evict everything), evicting what it must to stay within budget.
    void insert(std::uint64_t key, const ObjectRef& object);
    /// Objects evicted so far.
    [[nodiscard]] std::uint64_t evictions() const { return m_evictions; }
    /// Bytes of the objects held.
    [[nodiscard]] std::size_t used() const { return m_used; }

private:
    struct Entry {
        std::uint64_t key = 0;  ///< 0: free
        ObjectRef object;
        bool used = false;
    };
    static constexpr std::uint32_t k_empty = 0xffff'ffffU;

    [[nodiscard]] std::size_t home(std::uint64_t key) const;
    [[nodiscard]] std::size_t slot_of(std::uint64_t key) const;
    void evict_one();
    void erase_slot(std::size_t slot);
    void grow();
    void place(std::uint64_t key, std::uint32_t entry);

    std::vector<std::uint32_t> m_slots;  ///< entry index per slot, k_empty when free
    std::vector<Entry> m_entries;
    std::vector<std::uint32_t> m_free;   ///< free entry indexes
    std::size_t m_count = 0;
    std::size_t m_hand = 0;
    std::size_t m_used = 0;
    std::size_t m_budget;
    std::uint64_t m_evictions = 0;
};

}  // namespace roles::git::fastread
