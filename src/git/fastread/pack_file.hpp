#pragma once
// Private to src/git/fastread: one pack file and its index (version 2), mapped read-only.
// Every offset and size read from either file is checked against the mapping before use.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace roles::git::fastread {

constexpr std::size_t k_oid_size = 20;
constexpr unsigned k_ofs_delta = 6;
constexpr unsigned k_ref_delta = 7;

[[nodiscard]] std::uint32_t read_be32(const unsigned char* bytes);
[[nodiscard]] std::uint64_t read_be64(const unsigned char* bytes);

/// A read-only private mapping of a whole file.
class MappedFile {
public:
    /// Null when the file cannot be opened or mapped, or is empty.
    [[nodiscard]] static std::optional<MappedFile> map(const std::string& path);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();
    [[nodiscard]] const unsigned char* data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    /// Clean file pages: dropping them loses nothing (see PackSet::trim_resident).
    void drop_pages() const;

private:
    MappedFile(const unsigned char* data, std::size_t size) : m_data(data), m_size(size) {}
    const unsigned char* m_data;
    std::size_t m_size;
};

/// What precedes an entry's compressed data.
struct EntryHeader {
    unsigned type = 0;
    std::uint64_t size = 0;                  ///< inflated size
    std::uint64_t data = 0;                  ///< offset of the compressed data
    std::uint64_t base_offset = 0;           ///< OFS_DELTA: offset of the base entry
    const unsigned char* base_id = nullptr;  ///< REF_DELTA: id of the base
};

/// One pack and its index (version 2).
class Pack {
public:
    /// Null when either file cannot be mapped or has a format this reader does not know.
    [[nodiscard]] static std::unique_ptr<Pack> open(const std::string& idx_path, const std::string& pack_path);
    [[nodiscard]] std::optional<std::uint64_t> find(const unsigned char* id) const;
    /// The index position of `id` (its offset is offset_at(position)).
    [[nodiscard]] std::optional<std::uint32_t> find_position(const unsigned char* id) const;
    /// The entry offset at index `position` (< count()); nullopt outside the pack's entries.
    [[nodiscard]] std::optional<std::uint64_t> offset_at(std::uint32_t position) const;
    /// Whether the bytes of the entry at `position` have the CRC-32 the index records.
    [[nodiscard]] bool crc_matches(std::uint32_t position, std::uint64_t offset) const;
    [[nodiscard]] const std::string& path() const { return m_path; }
    /// The entry header at `offset`; nullopt when it runs past the entries or is malformed.
    [[nodiscard]] std::optional<EntryHeader> header(std::uint64_t offset) const;
    [[nodiscard]] const unsigned char* data() const { return m_pack.data(); }
    void drop_pages() const { m_pack.drop_pages(); }
    /// End of the entries (the trailing checksum excluded).
    [[nodiscard]] std::uint64_t end() const { return m_pack.size() - k_oid_size; }
    [[nodiscard]] std::uint32_t count() const { return m_count; }

private:
    Pack(MappedFile idx, MappedFile pack, std::string path)
        : m_idx(std::move(idx)), m_pack(std::move(pack)), m_path(std::move(path)) {}
    bool parse_index();
    void compute_entry_ends() const;
    bool entry_ends_from_rev() const;

    MappedFile m_idx;
    MappedFile m_pack;
    std::uint32_t m_count = 0;
    const unsigned char* m_fanout = nullptr;
    const unsigned char* m_ids = nullptr;
    const unsigned char* m_offsets = nullptr;
    const unsigned char* m_large_offsets = nullptr;
    std::size_t m_large_count = 0;
    std::string m_path;
    // Where each entry (by index position) ends: the next entry's offset in pack order.
    // Made on the first CRC check, so that loads served by the cache never pay for it.
    mutable std::once_flag m_ends_made;
    mutable std::vector<std::uint64_t> m_entry_ends;
};

}  // namespace roles::git::fastread
