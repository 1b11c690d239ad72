#include "object_cache.hpp"

namespace roles::git::fastread {

namespace {

constexpr std::size_t k_initial_slots = 1024;

}  // namespace

ObjectCache::ObjectCache(std::size_t budget) : m_slots(k_initial_slots, k_empty), m_budget(budget) {}

std::size_t ObjectCache::home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9e37'79b9'7f4a'7c15ULL) >> 32) & (m_slots.size() - 1);
}

// The slot holding `key`, or the free slot where it would go.
std::size_t ObjectCache::slot_of(std::uint64_t key) const {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = home(key);
    while (m_slots[slot] != k_empty && m_entries[m_slots[slot]].key != key) slot = (slot + 1) & mask;
    return slot;
}

ObjectRef ObjectCache::find(std::uint64_t key) {
    const std::uint32_t entry = m_slots[slot_of(key)];
    if (entry == k_empty) return {};
    m_entries[entry].used = true;
    return m_entries[entry].object;
}

void ObjectCache::insert(std::uint64_t key, const ObjectRef& object) {
    // One object may not crowd out the rest: a few large trees would evict everything.
    if (object.size() > m_budget / 8 || m_slots[slot_of(key)] != k_empty) return;
    while (m_count > 0 && m_used + object.size() > m_budget) evict_one();
    if ((m_count + 1) * 2 > m_slots.size()) grow();
    std::uint32_t entry = 0;
    if (!m_free.empty()) {
        entry = m_free.back();
        m_free.pop_back();
    } else {
        entry = static_cast<std::uint32_t>(m_entries.size());
        m_entries.emplace_back();
    }
    m_entries[entry] = Entry{key, object, false};
    place(key, entry);
    ++m_count;
    m_used += object.size();
}

void ObjectCache::place(std::uint64_t key, std::uint32_t entry) { m_slots[slot_of(key)] = entry; }

void ObjectCache::evict_one() {
    while (true) {
        if (m_hand >= m_entries.size()) m_hand = 0;
        Entry& entry = m_entries[m_hand++];
        if (entry.key == 0) continue;
        if (entry.used) {
            entry.used = false;
            continue;
        }
        erase_slot(slot_of(entry.key));
        m_used -= entry.object.size();
        --m_count;
        ++m_evictions;
        m_free.push_back(static_cast<std::uint32_t>(&entry - m_entries.data()));
        entry = Entry{};
        return;
    }
}

// Backward-shift deletion keeps every key reachable from its home slot without tombstones.
void ObjectCache::erase_slot(std::size_t slot) {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t hole = slot;
    for (std::size_t next = (hole + 1) & mask; m_slots[next] != k_empty; next = (next + 1) & mask) {
        const std::size_t ideal = home(m_entries[m_slots[next]].key);
        if (((next - ideal) & mask) >= ((next - hole) & mask)) {
            m_slots[hole] = m_slots[next];
            hole = next;
        }
    }
    m_slots[hole] = k_empty;
}

void ObjectCache::grow() {
    m_slots.assign(m_slots.size() * 2, k_empty);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].key != 0) place(m_entries[i].key, static_cast<std::uint32_t>(i));
    }
}

}  // namespace roles::git::fastread
