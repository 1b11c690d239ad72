#pragma once
// Hand-made pack files for the fast reader's tests: entries, zlib streams, deltas and a
// version 2 index, written byte by byte after git's pack-format.txt, so that what the
// reader makes of them is checked against the format, not against the reader.

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <git2.h>

#include "roles/git/handles.hpp"


namespace roles::test::pack {

using Bytes = std::vector<unsigned char>;

inline Bytes bytes_of(const std::string& text) { return Bytes(text.begin(), text.end()); }

/// `data` as one zlib stream (what git writes for each entry).
inline Bytes zlib(const Bytes& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    Bytes out(size);
    if (compress2(out.data(), &size, data.data(), static_cast<uLong>(data.size()), Z_BEST_COMPRESSION) != Z_OK) {
        throw std::runtime_error("compress2 failed");
    }
    out.resize(size);
    return out;
}

/// An entry's type and inflated size: 3 type bits and 4 size bits, then 7 bits a byte.
inline Bytes entry_header(unsigned type, std::uint64_t size) {
    Bytes out;
    unsigned char byte = static_cast<unsigned char>((type << 4) | (size & 15));
    size >>= 4;
    while (size != 0) {
        out.push_back(byte | 0x80);
        byte = size & 0x7f;
        size >>= 7;
    }
    out.push_back(byte);
    return out;
}

/// An OFS_DELTA's distance back to its base, in git's "offset encoding" (each further
/// byte adds one before shifting).
inline Bytes ofs_distance(std::uint64_t distance) {
    Bytes reversed{static_cast<unsigned char>(distance & 0x7f)};
    while ((distance >>= 7) != 0) {
        --distance;
        reversed.push_back(static_cast<unsigned char>(0x80 | (distance & 0x7f)));
    }
    return Bytes(reversed.rbegin(), reversed.rend());
}

/// A delta: the base's and target's sizes (little-endian base-128), then instructions.
inline Bytes delta(std::uint64_t base_size, std::uint64_t target_size, const Bytes& instructions) {
    Bytes out;
    for (std::uint64_t size : {base_size, target_size}) {
        do {
            unsigned char byte = size & 0x7f;
            size >>= 7;
            if (size != 0) byte |= 0x80;
            out.push_back(byte);
        } while (size != 0);
    }
    out.insert(out.end(), instructions.begin(), instructions.end());
    return out;
}

inline void put32(Bytes& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<unsigned char>(value >> shift));
}

/// The id git gives an object of `type` with content `data`.
inline git_oid object_id(git_object_t type, const std::string& data) {
    roles::git::ensure_libgit2();
    git_oid id;
    if (git_odb_hash(&id, data.data(), data.size(), type) != 0) throw std::runtime_error("git_odb_hash failed");
    return id;
}

/// 40-hex form of `id`.
inline std::string hex(const git_oid& id) {
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &id);
    return text;
}

/// One object of the pack: its id and the bytes of its entry (header, base reference, zlib).
struct Entry {
    git_oid id{};
    Bytes bytes;
    std::uint64_t offset = 0;  ///< filled by Pack::add
};

/// A pack being written: entries in order, then the index over them.
class PackBuilder {
public:
    /// A whole object.
    std::uint64_t add_whole(unsigned type, const std::string& content) {
        Entry entry{object_id(static_cast<git_object_t>(type), content), entry_header(type, content.size()), 0};
        const Bytes packed = zlib(bytes_of(content));
        entry.bytes.insert(entry.bytes.end(), packed.begin(), packed.end());
        return add(std::move(entry));
    }
    /// An OFS_DELTA of the entry at `base_offset`, producing `target` (of `type`, for its id).
    std::uint64_t add_ofs_delta(unsigned type, const std::string& target, std::uint64_t base_offset,
                                const Bytes& delta_bytes) {
        Entry entry{object_id(static_cast<git_object_t>(type), target), entry_header(6, delta_bytes.size()), 0};
        const Bytes distance = ofs_distance(m_body.size() + 12 - base_offset);
        entry.bytes.insert(entry.bytes.end(), distance.begin(), distance.end());
        const Bytes packed = zlib(delta_bytes);
        entry.bytes.insert(entry.bytes.end(), packed.begin(), packed.end());
        return add(std::move(entry));
    }
    /// A REF_DELTA against the object `base`.
    std::uint64_t add_ref_delta(unsigned type, const std::string& target, const git_oid& base,
                                const Bytes& delta_bytes) {
        Entry entry{object_id(static_cast<git_object_t>(type), target), entry_header(7, delta_bytes.size()), 0};
        entry.bytes.insert(entry.bytes.end(), base.id, base.id + GIT_OID_RAWSZ);
        const Bytes packed = zlib(delta_bytes);
        entry.bytes.insert(entry.bytes.end(), packed.begin(), packed.end());
        return add(std::move(entry));
    }
    /// Raw entry bytes under `id` (for damaged entries).
    std::uint64_t add_raw(const git_oid& id, const Bytes& bytes) { return add(Entry{id, bytes, 0}); }

    [[nodiscard]] const std::vector<Entry>& entries() const { return m_entries; }

    /// "PACK", version 2, the count, the entries, and a 20-byte trailer (zeros: the
    /// reader does not check it).
    [[nodiscard]] Bytes pack() const {
        Bytes out = {'P', 'A', 'C', 'K'};
        put32(out, 2);
        put32(out, static_cast<std::uint32_t>(m_entries.size()));
        out.insert(out.end(), m_body.begin(), m_body.end());
        out.insert(out.end(), 20, 0);
        return out;
    }
    /// The version 2 index: magic, version, 256 cumulative counts by first byte, sorted
    /// ids, each entry's CRC-32, 31-bit offsets, and two 20-byte checksums (zeros).
    [[nodiscard]] Bytes index() const {
        std::vector<const Entry*> sorted;
        for (const Entry& entry : m_entries) sorted.push_back(&entry);
        std::sort(sorted.begin(), sorted.end(), [](const Entry* a, const Entry* b) { return git_oid_cmp(&a->id, &b->id) < 0; });
        Bytes out = {0xff, 't', 'O', 'c'};
        put32(out, 2);
        for (int byte = 0; byte < 256; ++byte) {
            put32(out, static_cast<std::uint32_t>(std::count_if(sorted.begin(), sorted.end(), [&](const Entry* e) { return e->id.id[0] <= byte; })));
        }
        for (const Entry* entry : sorted) out.insert(out.end(), entry->id.id, entry->id.id + GIT_OID_RAWSZ);
        for (const Entry* entry : sorted) {
            put32(out, static_cast<std::uint32_t>(crc32(0, entry->bytes.data(), static_cast<uInt>(entry->bytes.size()))));
        }
        for (const Entry* entry : sorted) put32(out, static_cast<std::uint32_t>(entry->offset));
        out.insert(out.end(), 40, 0);
        return out;
    }

private:
    std::uint64_t add(Entry entry) {
        entry.offset = 12 + m_body.size();
        m_body.insert(m_body.end(), entry.bytes.begin(), entry.bytes.end());
        m_entries.push_back(std::move(entry));
        return m_entries.back().offset;
    }
    std::vector<Entry> m_entries;
    Bytes m_body;
};

inline void write_file(const std::string& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace roles::test::pack
