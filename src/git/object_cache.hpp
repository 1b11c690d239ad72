#pragma once
// Internal to src/git: the pack reader's cache of unpacked objects (delta bases and
// recently read trees), one per reader thread.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "object_bytes.hpp"

namespace roles::git {

/// Unpacked objects by pack position, bounded in bytes: an open-addressing table with
/// CLOCK eviction (an object used since the hand last passed it gets a second chance).
class ObjectCache {
public:
    explicit ObjectCache(std::size_t budget);
    /// The object cached under `key` (never 0), or null.
    [[nodiscard]] ObjectRef find(std::uint64_t key);
    /// Caches `object` under `key` unless it is too large to be worth it.
    void insert(std::uint64_t key, const ObjectRef& object);

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
};

/// Whether a read object itself is worth caching (delta bases met on the way always are).
enum class KeepResult : unsigned char { no, yes };

}  // namespace roles::git
