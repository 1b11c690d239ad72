#pragma once
// Internal to src/git: reading trees (and other objects) straight from pack files.
//
// libgit2 1.5's object database costs several times what git's does per object (a fresh
// zlib stream and several allocations per object, a mutex per pack lookup, a 16 MiB delta
// base cache), and history walks read hundreds of thousands of trees. This reader maps the
// packs (index v2) once, shares them between threads, and gives each thread its own zlib
// stream and delta base cache. Anything it cannot serve (loose objects, alternates, an
// unusual pack entry) is left to libgit2 by the caller, so it only ever makes reads faster.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <git2.h>

#include "inflater.hpp"

namespace roles::git {

/// Object types as numbered in packs (and by libgit2's git_object_t).
enum class ObjectType : std::uint8_t { commit = 1, tree = 2, blob = 3, tag = 4 };

/// An object's content.
struct ObjectBytes {
    std::unique_ptr<unsigned char[]> data;
    std::size_t size = 0;
    ObjectType type = ObjectType::blob;
};
using SharedObject = std::shared_ptr<const ObjectBytes>;

class Pack;

/// The packs of one object directory, mapped read-only; immutable, shared by threads.
class PackSet {
public:
    /// Maps every objects/pack/*.idx with its .pack under `objects_dir`; packs that cannot
    /// be mapped or have an unknown format are skipped (their objects go to libgit2).
    [[nodiscard]] static std::shared_ptr<const PackSet> open(const std::string& objects_dir);
    PackSet();
    PackSet(const PackSet&) = delete;
    PackSet& operator=(const PackSet&) = delete;
    ~PackSet();

    [[nodiscard]] std::size_t size() const { return m_packs.size(); }
    [[nodiscard]] const Pack& pack(std::size_t index) const { return *m_packs[index]; }

private:
    std::vector<std::unique_ptr<Pack>> m_packs;
};

/// A least-recently-used cache of objects by pack position, bounded in bytes.
class ObjectCache {
public:
    explicit ObjectCache(std::size_t budget) : m_budget(budget) {}
    [[nodiscard]] SharedObject find(std::uint64_t key);
    void insert(std::uint64_t key, const SharedObject& object);

private:
    struct Entry {
        std::uint64_t key = 0;
        SharedObject object;
    };
    std::list<Entry> m_entries;  ///< most recently used first
    std::unordered_map<std::uint64_t, std::list<Entry>::iterator> m_index;
    std::size_t m_used = 0;
    std::size_t m_budget;
};

/// Reads objects from a PackSet; one per thread.
class PackReader {
public:
    /// `cache_bytes` bounds this reader's cache of unpacked objects (delta bases).
    PackReader(std::shared_ptr<const PackSet> packs, std::unique_ptr<Inflater> inflater, std::size_t cache_bytes);

    /// The object with id `id`, or null when no pack holds it or its entry cannot be
    /// decoded here (damaged, or a delta against an object outside its pack).
    [[nodiscard]] SharedObject read(const git_oid& id);

private:
    struct DeltaStep {
        std::uint64_t offset = 0;      ///< of the delta entry
        std::uint64_t data = 0;        ///< of its compressed delta
        std::size_t size = 0;          ///< inflated delta size
    };

    SharedObject read_at(std::size_t pack, std::uint64_t offset);
    SharedObject resolve(std::size_t pack, std::vector<DeltaStep>& chain, SharedObject base);
    SharedObject inflate_object(const Pack& pack, std::uint64_t data, std::size_t size, ObjectType type);

    std::shared_ptr<const PackSet> m_packs;
    std::unique_ptr<Inflater> m_inflater;
    ObjectCache m_cache;
    std::vector<unsigned char> m_delta;  ///< scratch: the inflated delta being applied
    std::size_t m_last_pack = 0;         ///< where the previous object was found
};

/// Applies a git delta to `base`; nullopt when the delta is malformed or does not fit.
[[nodiscard]] std::optional<ObjectBytes> apply_delta(const ObjectBytes& base, const unsigned char* delta,
                                                     std::size_t delta_size);

}  // namespace roles::git
