#pragma once
// Internal to src/git: hash containers keyed by object id.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <git2.h>

namespace roles::git {

struct OidHash {
    std::size_t operator()(const git_oid& id) const noexcept {
        std::size_t hash = 0;
        std::memcpy(&hash, id.id, sizeof hash);  // object ids are already uniformly spread
        return hash;
    }
};

struct OidEqual {
    bool operator()(const git_oid& a, const git_oid& b) const noexcept { return git_oid_equal(&a, &b) != 0; }
};

template <typename V>
using OidMap = std::unordered_map<git_oid, V, OidHash, OidEqual>;
using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

/// An open-addressing map from object ids to small values, for the maps a load fills with
/// one entry per commit (hundreds of thousands): one flat array instead of a node per
/// entry, which is what a node-based map spends most of its time allocating.
template <typename V>
class FlatOidMap {
public:
    FlatOidMap() : m_slots(k_initial) {}

    /// Room for `count` entries without growing.
    void reserve(std::size_t count) {
        std::size_t capacity = m_slots.size();
        while (capacity < 2 * count) capacity *= 2;
        if (capacity > m_slots.size()) rehash(capacity);
    }

    /// The value of `id`, or null.
    [[nodiscard]] const V* find(const git_oid& id) const {
        const Slot& slot = m_slots[position(id)];
        return slot.used ? &slot.value : nullptr;
    }
    [[nodiscard]] V* find(const git_oid& id) {
        Slot& slot = m_slots[position(id)];
        return slot.used ? &slot.value : nullptr;
    }
    [[nodiscard]] bool contains(const git_oid& id) const { return find(id) != nullptr; }

    /// Inserts `id` -> `value` unless `id` is present; returns whether it was inserted.
    bool insert(const git_oid& id, V value) {
        if ((m_size + 1) * 2 > m_slots.size()) rehash(m_slots.size() * 2);
        Slot& slot = m_slots[position(id)];
        if (slot.used) return false;
        slot = Slot{id, std::move(value), true};
        ++m_size;
        return true;
    }
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    static constexpr std::size_t k_initial = 64;
    struct Slot {
        git_oid key{};
        V value{};
        bool used = false;
    };

    // The slot of `id`, or the empty slot where it would go (linear probing).
    [[nodiscard]] std::size_t position(const git_oid& id) const {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t index = OidHash{}(id) & mask;
        while (m_slots[index].used && std::memcmp(m_slots[index].key.id, id.id, GIT_OID_RAWSZ) != 0) {
            index = (index + 1) & mask;
        }
        return index;
    }
    void rehash(std::size_t capacity) {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        for (Slot& slot : old) {
            if (slot.used) m_slots[position(slot.key)] = std::move(slot);
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

}  // namespace roles::git
