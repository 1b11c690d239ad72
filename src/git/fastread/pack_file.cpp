#include "pack_file.hpp"

#include <zlib.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace roles::git::fastread {

namespace {

constexpr std::size_t k_idx_header = 8;
constexpr std::size_t k_fanout_size = 256 * 4;
constexpr std::size_t k_trailer = 2 * k_oid_size;
constexpr std::size_t k_pack_header = 12;

std::uint32_t crc32_of(const unsigned char* bytes, std::uint64_t size) {
    uLong crc = ::crc32(0L, Z_NULL, 0);
    constexpr std::uint64_t k_chunk = std::uint64_t{1} << 30;
    for (std::uint64_t done = 0; done < size; done += k_chunk) {
        crc = ::crc32(crc, bytes + done, static_cast<uInt>(std::min(k_chunk, size - done)));
    }
    return static_cast<std::uint32_t>(crc);
}

// memcmp order of two ids; the first eight bytes as a big-endian number settle almost
// every comparison of a binary search without a call.
int compare_ids(const unsigned char* a, const unsigned char* b) {
    const std::uint64_t head_a = read_be64(a);
    const std::uint64_t head_b = read_be64(b);
    if (head_a != head_b) return head_a < head_b ? -1 : 1;
    return std::memcmp(a + 8, b + 8, k_oid_size - 8);
}

}  // namespace

std::uint32_t read_be32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

std::uint64_t read_be64(const unsigned char* bytes) {
    return (std::uint64_t{read_be32(bytes)} << 32) | read_be32(bytes + 4);
}

std::optional<MappedFile> MappedFile::map(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat info {};
    void* data = MAP_FAILED;
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
        data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    if (data == MAP_FAILED) return std::nullopt;
    return MappedFile(static_cast<const unsigned char*>(data), static_cast<std::size_t>(info.st_size));
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(other.m_size) {}

MappedFile::~MappedFile() {
    if (m_data != nullptr) ::munmap(const_cast<unsigned char*>(m_data), m_size);
}

void MappedFile::drop_pages() const { ::madvise(const_cast<unsigned char*>(m_data), m_size, MADV_DONTNEED); }

std::unique_ptr<Pack> Pack::open(const std::string& idx_path, const std::string& pack_path) {
    auto idx = MappedFile::map(idx_path);
    auto pack = MappedFile::map(pack_path);
    if (!idx || !pack) return nullptr;
    if (pack->size() < k_pack_header + k_oid_size || std::memcmp(pack->data(), "PACK", 4) != 0) return nullptr;
    const std::uint32_t version = read_be32(pack->data() + 4);
    if (version != 2 && version != 3) return nullptr;
    std::unique_ptr<Pack> result(new Pack(std::move(*idx), std::move(*pack), pack_path));
    if (!result->parse_index()) return nullptr;
    return result;
}

bool Pack::parse_index() {
    const unsigned char* bytes = m_idx.data();
    const std::size_t size = m_idx.size();
    if (size < k_idx_header + k_fanout_size + k_trailer) return false;
    if (std::memcmp(bytes, "\377tOc", 4) != 0 || read_be32(bytes + 4) != 2) return false;
    m_fanout = bytes + k_idx_header;
    m_count = read_be32(m_fanout + 255 * 4);
    const std::size_t fixed = k_idx_header + k_fanout_size + std::size_t{m_count} * (k_oid_size + 8) + k_trailer;
    if (size < fixed || (size - fixed) % 8 != 0) return false;
    for (int i = 1; i < 256; ++i) {
        if (read_be32(m_fanout + (i - 1) * 4) > read_be32(m_fanout + i * 4)) return false;
    }
    m_ids = m_fanout + k_fanout_size;
    m_offsets = m_ids + std::size_t{m_count} * (k_oid_size + 4);  // after the ids and their CRCs
    m_large_offsets = m_offsets + std::size_t{m_count} * 4;
    m_large_count = (size - fixed) / 8;
    return true;
}

std::optional<std::uint64_t> Pack::offset_at(std::uint32_t position) const {
    const std::uint32_t small = read_be32(m_offsets + std::size_t{position} * 4);
    std::uint64_t offset = small;
    if ((small & 0x8000'0000U) != 0) {
        const std::size_t large = small & 0x7fff'ffffU;
        if (large >= m_large_count) return std::nullopt;
        offset = read_be64(m_large_offsets + large * 8);
    }
    if (offset < k_pack_header || offset >= end()) return std::nullopt;
    return offset;
}

// Object ids are uniformly spread, so the position of an id between two known ones is a
// good guess (interpolation search): two or three probes instead of a binary search's
// dozen, each of which is a cache miss in a large index.
std::optional<std::uint64_t> Pack::find(const unsigned char* id) const {
    const auto position = find_position(id);
    if (!position) return std::nullopt;
    return offset_at(*position);
}

// git's reverse index (pack-*.rev, written by default since git 2.41): the index positions
// in pack order, so the entries' ends come without sorting. Used only when it is whole
// and its order really is increasing offsets.
bool Pack::entry_ends_from_rev() const {
    std::string rev_path = m_path;
    rev_path.replace(rev_path.size() - 5, 5, ".rev");
    const auto rev = MappedFile::map(rev_path);
    constexpr std::size_t k_rev_header = 12;
    if (!rev || rev->size() != k_rev_header + std::size_t{m_count} * 4 + k_trailer) return false;
    if (std::memcmp(rev->data(), "RIDX", 4) != 0 || read_be32(rev->data() + 4) != 1) return false;
    m_entry_ends.assign(m_count, 0);
    std::uint64_t previous = 0;
    std::uint32_t previous_position = 0;
    for (std::uint32_t k = 0; k < m_count; ++k) {
        const std::uint32_t position = read_be32(rev->data() + k_rev_header + std::size_t{k} * 4);
        if (position >= m_count) return false;
        const std::uint64_t offset = offset_at(position).value_or(0);
        if (k > 0) {
            if (offset <= previous) return false;
            m_entry_ends[previous_position] = offset;
        }
        previous = offset;
        previous_position = position;
    }
    if (m_count > 0) m_entry_ends[previous_position] = end();
    return true;
}

void Pack::compute_entry_ends() const {
    if (m_path.size() > 5 && m_path.ends_with(".pack") && entry_ends_from_rev()) return;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
    order.reserve(m_count);
    for (std::uint32_t i = 0; i < m_count; ++i) order.emplace_back(offset_at(i).value_or(0), i);
    std::sort(order.begin(), order.end());
    m_entry_ends.assign(m_count, 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        m_entry_ends[order[i].second] = i + 1 < order.size() ? order[i + 1].first : end();
    }
}

bool Pack::crc_matches(std::uint32_t position, std::uint64_t offset) const {
    std::call_once(m_ends_made, [this] { compute_entry_ends(); });
    const std::uint64_t entry_end = m_entry_ends[position];
    if (entry_end <= offset || entry_end > end()) return false;
    const unsigned char* crcs = m_ids + std::size_t{m_count} * k_oid_size;
    const std::uint32_t expected = read_be32(crcs + std::size_t{position} * 4);
    return crc32_of(m_pack.data() + offset, entry_end - offset) == expected;
}

std::optional<std::uint32_t> Pack::find_position(const unsigned char* id) const {
    std::int64_t low = id[0] == 0 ? 0 : read_be32(m_fanout + (id[0] - 1) * 4);
    std::int64_t high = static_cast<std::int64_t>(read_be32(m_fanout + id[0] * 4)) - 1;
    const std::uint64_t key = read_be64(id);
    while (low <= high) {
        const std::uint64_t low_key = read_be64(m_ids + static_cast<std::size_t>(low) * k_oid_size);
        const std::uint64_t high_key = read_be64(m_ids + static_cast<std::size_t>(high) * k_oid_size);
        if (key < low_key || key > high_key) return std::nullopt;
        std::int64_t middle = low;
        if (high_key > low_key) {
            const auto span = static_cast<long double>(high - low);
            middle = low + static_cast<std::int64_t>(span * static_cast<long double>(key - low_key) /
                                                     static_cast<long double>(high_key - low_key));
        }
        const int order = compare_ids(m_ids + static_cast<std::size_t>(middle) * k_oid_size, id);
        if (order == 0) return static_cast<std::uint32_t>(middle);
        if (order < 0) {
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return std::nullopt;
}

std::optional<EntryHeader> Pack::header(std::uint64_t offset) const {
    const unsigned char* bytes = m_pack.data();
    std::uint64_t position = offset;
    if (position >= end()) return std::nullopt;
    unsigned char byte = bytes[position++];
    EntryHeader header;
    header.type = (byte >> 4) & 7;
    header.size = byte & 15;
    for (int shift = 4; (byte & 0x80) != 0; shift += 7) {
        if (position >= end() || shift > 57) return std::nullopt;
        byte = bytes[position++];
        header.size |= std::uint64_t{byte & 0x7fU} << shift;
    }
    if (header.type == k_ofs_delta) {
        if (position >= end()) return std::nullopt;
        byte = bytes[position++];
        std::uint64_t distance = byte & 0x7f;
        while ((byte & 0x80) != 0) {
            if (position >= end() || distance >= (std::uint64_t{1} << 56)) return std::nullopt;
            byte = bytes[position++];
            distance = ((distance + 1) << 7) | (byte & 0x7f);
        }
        if (distance == 0 || distance > offset) return std::nullopt;
        header.base_offset = offset - distance;
    } else if (header.type == k_ref_delta) {
        if (position + k_oid_size > end()) return std::nullopt;
        header.base_id = bytes + position;
        position += k_oid_size;
    }
    header.data = position;
    return header;
}

}  // namespace roles::git::fastread
