#pragma once
// Part of the fast reader's interface (fastread.hpp): reading objects straight from pack
// files.
//
// libgit2 1.5's object database costs several times what git's does per object (a fresh
// zlib stream and several allocations per object, a mutex per pack lookup, a 16 MiB delta
// base cache), and history walks read hundreds of thousands of trees. This reader maps the
// packs (index v2) once, shares them between threads, and gives each thread its own zlib
// stream and delta base cache. Anything it cannot serve (loose objects, alternates, an
// unusual pack entry) is left to libgit2 by the caller, so it only ever makes reads faster.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <git2.h>

#include "object_bytes.hpp"

namespace roles::git::fastread {

class Pack;
class Inflater;
class ObjectCache;

/// Every `pack/*.idx` under `objects_dir`, sorted by name (empty when there is no pack
/// directory). The one listing of indexes: the packs mapped and the indexes checked before
/// libgit2 reads them are the same files.
[[nodiscard]] std::vector<std::filesystem::path> list_pack_indexes(const std::string& objects_dir);

/// The packs of one object directory, mapped read-only; immutable, shared by threads.
class PackSet {
public:
    /// Maps every index of list_pack_indexes with its .pack; packs that cannot be mapped or
    /// have an unknown format are skipped (their objects go to libgit2).
    [[nodiscard]] static std::shared_ptr<const PackSet> open(const std::string& objects_dir);
    PackSet();
    PackSet(const PackSet&) = delete;
    PackSet& operator=(const PackSet&) = delete;
    ~PackSet();

    [[nodiscard]] std::size_t size() const { return m_packs.size(); }
    /// Objects in all packs together.
    [[nodiscard]] std::uint64_t object_count() const { return m_objects; }
    [[nodiscard]] const Pack& pack(std::size_t index) const { return *m_packs[index]; }

    /// Drops the mapped pages of the packs from this process's resident set when they
    /// exceed `limit` bytes. They stay in the page cache, so a page read again costs a
    /// minor fault, not a disk read; without this, a walk of a large history keeps every
    /// page of every pack it touched counted as its own memory. Safe while other threads
    /// read the packs. Returns whether pages were dropped.
    bool trim_resident(std::uint64_t limit) const;

private:
    std::vector<std::unique_ptr<Pack>> m_packs;
    std::uint64_t m_objects = 0;
};

/// Where an object is stored: a pack of the set and an offset in it.
struct PackLocation {
    std::uint32_t pack = 0;
    std::uint64_t offset = 0;
};

/// Whether a read object itself is worth caching (delta bases met on the way always are).
enum class KeepResult : unsigned char { no, yes };

/// Reads objects from a PackSet; one per thread.
class PackReader {
public:
    /// A reader whose cache of unpacked objects (delta bases) holds at most `cache_bytes`;
    /// null when zlib cannot initialise a stream (then everything goes through libgit2).
    [[nodiscard]] static std::unique_ptr<PackReader> create(std::shared_ptr<const PackSet> packs, std::size_t cache_bytes);
    PackReader(std::shared_ptr<const PackSet> packs, std::unique_ptr<Inflater> inflater, std::size_t cache_bytes);
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;
    ~PackReader();

    /// The object with id `id`, or null when no pack holds it or its entry cannot be
    /// decoded here (damaged, or a delta against an object outside its pack).
    [[nodiscard]] ObjectRef read(const git_oid& id, KeepResult keep = KeepResult::yes);
    /// Where the packs store `id`, if they do. The first time this reader finds an id in an
    /// index, the entry's bytes are checked against the CRC the index records for the id
    /// (ids are not hashed on this path, so a damaged index would otherwise serve another
    /// object as this one): on a mismatch, nullopt and damage() says why.
    [[nodiscard]] std::optional<PackLocation> locate(const git_oid& id);
    /// Why the last lookup failed when the packs themselves are damaged (a CRC mismatch);
    /// empty otherwise. Such objects must not be read through libgit2 instead, which
    /// would trust the same index.
    [[nodiscard]] const std::string& damage() const { return m_damage; }
    /// The object stored at `location` (found by any reader of the same PackSet).
    [[nodiscard]] ObjectRef read_at(const PackLocation& location, KeepResult keep);

    /// The size of object `id` without unpacking it: the entry's header for an object stored
    /// whole, the target size at the start of the delta (a few bytes inflated) for a delta.
    /// nullopt when no pack holds it or the entry cannot be decoded here.
    [[nodiscard]] std::optional<std::uint64_t> object_size(const git_oid& id);

    /// The first bytes of an object stored whole (not as a delta) at `location`.
    struct Prefix {
        ObjectType type = ObjectType::blob;
        std::size_t size = 0;      ///< the whole object's size
        std::size_t produced = 0;  ///< bytes written to the buffer
    };
    /// Inflates at most `capacity` bytes of the object at `location` into `buffer`; nullopt
    /// when it is stored as a delta or cannot be decoded (read it whole instead).
    [[nodiscard]] std::optional<Prefix> read_prefix(const PackLocation& location, unsigned char* buffer,
                                                    std::size_t capacity);
    /// Objects this reader's cache evicted to stay within its budget.
    [[nodiscard]] std::uint64_t evictions() const;

private:
    // Where an id was last found: trees are looked up again and again (a directory that
    // did not change is compared as the same id for many commits), and the memo spares
    // the index search.
    struct Memo {
        git_oid id{};
        std::uint32_t pack = 0;
        std::uint64_t offset = 0;  ///< 0: empty
    };
    static constexpr std::size_t k_min_memo = std::size_t{1} << 10;
    static constexpr std::size_t k_max_memo = std::size_t{1} << 16;

    struct DeltaStep {
        std::uint64_t offset = 0;  ///< of the delta entry
        std::uint64_t data = 0;    ///< of its compressed delta
        std::size_t size = 0;      ///< inflated delta size
    };

    ObjectRef unpack(std::size_t pack, std::uint64_t offset, KeepResult keep);
    ObjectRef resolve(std::size_t pack, ObjectRef base, KeepResult keep);
    ObjectRef inflate_object(const Pack& pack, std::uint64_t data, std::size_t size, ObjectType type);
    bool verified(std::size_t pack, std::uint32_t position, std::uint64_t offset, const git_oid& id);

    std::shared_ptr<const PackSet> m_packs;
    std::unique_ptr<Inflater> m_inflater;
    std::unique_ptr<ObjectCache> m_cache;
    std::vector<unsigned char> m_delta;  ///< scratch: the inflated delta being applied
    std::vector<DeltaStep> m_chain;      ///< scratch: the deltas between an entry and its base
    std::vector<Memo> m_memo;
    std::size_t m_last_pack = 0;         ///< where the previous object was found
    std::vector<std::vector<std::uint64_t>> m_verified;  ///< per pack, a bit per index position
    std::string m_damage;
};

}  // namespace roles::git::fastread
