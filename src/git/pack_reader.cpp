#include "pack_reader.hpp"

#include <zlib.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace roles::git {

namespace {

constexpr std::size_t k_oid_size = 20;
constexpr std::size_t k_idx_header = 8;
constexpr std::size_t k_fanout_size = 256 * 4;
constexpr std::size_t k_trailer = 2 * k_oid_size;
constexpr std::size_t k_pack_header = 12;
constexpr unsigned k_ofs_delta = 6;
constexpr unsigned k_ref_delta = 7;
constexpr std::size_t k_max_chain = 10'000;
constexpr std::uint64_t k_max_object = std::uint64_t{1} << 32;  // larger: left to libgit2
constexpr int k_offset_bits = 48;

std::uint32_t read_be32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

std::uint64_t read_be64(const unsigned char* bytes) {
    return (std::uint64_t{read_be32(bytes)} << 32) | read_be32(bytes + 4);
}

std::uint32_t crc32_of(const unsigned char* bytes, std::uint64_t size) {
    uLong crc = ::crc32(0L, Z_NULL, 0);
    constexpr std::uint64_t k_chunk = std::uint64_t{1} << 30;
    for (std::uint64_t done = 0; done < size; done += k_chunk) {
        crc = ::crc32(crc, bytes + done, static_cast<uInt>(std::min(k_chunk, size - done)));
    }
    return static_cast<std::uint32_t>(crc);
}

// A read-only private mapping of a whole file.
class MappedFile {
public:
    static std::optional<MappedFile> map(const std::string& path) {
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
    MappedFile(MappedFile&& other) noexcept : m_data(std::exchange(other.m_data, nullptr)), m_size(other.m_size) {}
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (m_data != nullptr) ::munmap(const_cast<unsigned char*>(m_data), m_size);
    }
    [[nodiscard]] const unsigned char* data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    // Clean file pages: dropping them loses nothing (see PackSet::trim_resident).
    void drop_pages() const { ::madvise(const_cast<unsigned char*>(m_data), m_size, MADV_DONTNEED); }

private:
    MappedFile(const unsigned char* data, std::size_t size) : m_data(data), m_size(size) {}
    const unsigned char* m_data;
    std::size_t m_size;
};

// What precedes an entry's compressed data.
struct EntryHeader {
    unsigned type = 0;
    std::uint64_t size = 0;        // inflated size
    std::uint64_t data = 0;        // offset of the compressed data
    std::uint64_t base_offset = 0; // OFS_DELTA: offset of the base entry
    const unsigned char* base_id = nullptr;  // REF_DELTA: id of the base
};

}  // namespace

// One pack and its index (version 2).
class Pack {
public:
    static std::unique_ptr<Pack> open(const std::string& idx_path, const std::string& pack_path);
    [[nodiscard]] std::optional<std::uint64_t> find(const unsigned char* id) const;
    /// The index position of `id` (its offset is offset_at(position)).
    [[nodiscard]] std::optional<std::uint32_t> find_position(const unsigned char* id) const;
    [[nodiscard]] std::optional<std::uint64_t> offset_at(std::uint32_t position) const;
    /// Whether the bytes of the entry at `position` have the CRC-32 the index records.
    [[nodiscard]] bool crc_matches(std::uint32_t position, std::uint64_t offset) const;
    [[nodiscard]] const std::string& path() const { return m_path; }
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

// memcmp order of two ids; the first eight bytes as a big-endian number settle almost
// every comparison of a binary search without a call.
int compare_ids(const unsigned char* a, const unsigned char* b) {
    const std::uint64_t head_a = read_be64(a);
    const std::uint64_t head_b = read_be64(b);
    if (head_a != head_b) return head_a < head_b ? -1 : 1;
    return std::memcmp(a + 8, b + 8, k_oid_size - 8);
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

PackSet::PackSet() = default;
PackSet::~PackSet() = default;

namespace {

// Resident pages of file mappings (and shared memory) of this process, from /proc.
std::uint64_t resident_shared_bytes() {
    std::FILE* file = std::fopen("/proc/self/statm", "r");
    if (file == nullptr) return 0;
    unsigned long long size = 0;
    unsigned long long resident = 0;
    unsigned long long shared = 0;
    const int read = std::fscanf(file, "%llu %llu %llu", &size, &resident, &shared);
    std::fclose(file);
    return read == 3 ? shared * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace

bool PackSet::trim_resident(std::uint64_t limit) const {
    if (resident_shared_bytes() <= limit) return false;
    for (const auto& pack : m_packs) pack->drop_pages();
    return true;
}

std::shared_ptr<const PackSet> PackSet::open(const std::string& objects_dir) {
    namespace fs = std::filesystem;
    auto set = std::make_shared<PackSet>();
    std::error_code error;
    std::vector<fs::path> indexes;
    for (fs::directory_iterator it(fs::path(objects_dir) / "pack", error), end; !error && it != end;
         it.increment(error)) {
        if (it->path().extension() == ".idx") indexes.push_back(it->path());
    }
    std::sort(indexes.begin(), indexes.end());
    for (const fs::path& index : indexes) {
        fs::path pack = index;
        pack.replace_extension(".pack");
        if (auto opened = Pack::open(index.string(), pack.string())) {
            set->m_objects += opened->count();
            set->m_packs.push_back(std::move(opened));
        }
    }
    return set;
}

namespace {

std::uint64_t cache_key(std::size_t pack, std::uint64_t offset) {
    return (std::uint64_t{pack} << k_offset_bits) | offset;
}

bool is_base_type(unsigned type) { return type >= 1 && type <= 4; }

// An entry's announced size is untrusted: nothing is allocated for more than its compressed
// bytes (up to the end of the pack) can inflate to.
bool fits(const Pack& pack, const EntryHeader& header) {
    return header.size <= k_max_object && header.size <= max_inflated_size(pack.end() - header.data);
}

}  // namespace

PackReader::PackReader(std::shared_ptr<const PackSet> packs, std::unique_ptr<Inflater> inflater,
                       std::size_t cache_bytes)
    : m_packs(std::move(packs)),
      m_inflater(std::move(inflater)),
      m_cache(cache_bytes),
      // Small repositories do not need the whole memo (it is per thread and per load).
      m_memo(std::clamp<std::size_t>(std::bit_ceil(m_packs->object_count()), k_min_memo, k_max_memo)) {}

std::optional<PackLocation> PackReader::locate(const git_oid& id) {
    std::uint64_t head = 0;
    std::memcpy(&head, id.id, sizeof head);
    m_damage.clear();
    Memo& memo = m_memo[head & (m_memo.size() - 1)];
    if (memo.offset != 0 && git_oid_equal(&memo.id, &id)) return PackLocation{memo.pack, memo.offset};
    const std::size_t count = m_packs->size();
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t pack = (m_last_pack + i) % count;
        const auto position = m_packs->pack(pack).find_position(id.id);
        if (!position) continue;
        const auto offset = m_packs->pack(pack).offset_at(*position);
        if (!offset || !verified(pack, *position, *offset, id)) return std::nullopt;
        m_last_pack = pack;
        memo = Memo{id, static_cast<std::uint32_t>(pack), *offset};
        return PackLocation{memo.pack, *offset};
    }
    return std::nullopt;
}

bool PackReader::verified(std::size_t pack, std::uint32_t position, std::uint64_t offset, const git_oid& id) {
    if (m_verified.empty()) m_verified.resize(m_packs->size());
    std::vector<std::uint64_t>& bits = m_verified[pack];
    if (bits.empty()) bits.resize((std::size_t{m_packs->pack(pack).count()} + 63) / 64);
    std::uint64_t& word = bits[position / 64];
    const std::uint64_t bit = std::uint64_t{1} << (position % 64);
    if ((word & bit) != 0) return true;
    if (!m_packs->pack(pack).crc_matches(position, offset)) {
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof hex, &id);
        m_damage = "the entry of object " + std::string(hex) + " at offset " + std::to_string(offset) + " of " +
                   m_packs->pack(pack).path() +
                   " does not match the CRC-32 its index records: the pack or its index is damaged";
        return false;
    }
    word |= bit;
    return true;
}

ObjectRef PackReader::read(const git_oid& id, KeepResult keep) {
    const auto location = locate(id);
    if (!location) return {};
    return read_at(*location, keep);
}

ObjectRef PackReader::read_at(const PackLocation& location, KeepResult keep) {
    if (location.pack >= m_packs->size()) return {};
    return unpack(location.pack, location.offset, keep);
}

std::optional<PackReader::Prefix> PackReader::read_prefix(const PackLocation& location, unsigned char* buffer,
                                                          std::size_t capacity) {
    if (location.pack >= m_packs->size()) return std::nullopt;
    const Pack& pack = m_packs->pack(location.pack);
    const auto header = pack.header(location.offset);
    if (!header || !is_base_type(header->type) || !fits(pack, *header)) return std::nullopt;
    const std::size_t wanted = std::min<std::size_t>(capacity, header->size);
    const auto produced = m_inflater->inflate_prefix(pack.data() + header->data, pack.end() - header->data, buffer, wanted);
    if (!produced || *produced != wanted) return std::nullopt;
    return Prefix{static_cast<ObjectType>(header->type), static_cast<std::size_t>(header->size), *produced};
}

ObjectRef PackReader::unpack(std::size_t pack_index, std::uint64_t offset, KeepResult keep) {
    const Pack& pack = m_packs->pack(pack_index);
    m_chain.clear();
    std::uint64_t current = offset;
    while (m_chain.size() < k_max_chain) {
        if (ObjectRef cached = m_cache.find(cache_key(pack_index, current))) return resolve(pack_index, cached, keep);
        const auto header = pack.header(current);
        if (!header || !fits(pack, *header)) return {};
        if (is_base_type(header->type)) {
            ObjectRef base = inflate_object(pack, header->data, header->size, static_cast<ObjectType>(header->type));
            if (!base) return {};
            if (!m_chain.empty() || keep == KeepResult::yes) m_cache.insert(cache_key(pack_index, current), base);
            return resolve(pack_index, std::move(base), keep);
        }
        m_chain.push_back(DeltaStep{current, header->data, static_cast<std::size_t>(header->size)});
        if (header->type == k_ofs_delta) {
            current = header->base_offset;
        } else if (header->type == k_ref_delta) {
            const auto base = pack.find(header->base_id);
            if (!base) return {};  // a thin pack's base lives elsewhere: libgit2's job
            current = *base;
        } else {
            return {};
        }
    }
    return {};
}

ObjectRef PackReader::resolve(std::size_t pack_index, ObjectRef base, KeepResult keep) {
    const Pack& pack = m_packs->pack(pack_index);
    while (!m_chain.empty()) {
        const DeltaStep step = m_chain.back();
        m_chain.pop_back();
        if (m_delta.size() < step.size) m_delta.resize(step.size);
        if (!m_inflater->inflate_exact(pack.data() + step.data, pack.end() - step.data, m_delta.data(), step.size)) {
            return {};
        }
        base = apply_delta(base, m_delta.data(), step.size);
        if (!base) return {};
        if (!m_chain.empty() || keep == KeepResult::yes) m_cache.insert(cache_key(pack_index, step.offset), base);
    }
    return base;
}

ObjectRef PackReader::inflate_object(const Pack& pack, std::uint64_t data, std::size_t size, ObjectType type) {
    ObjectRef object = ObjectRef::allocate(size, type);
    if (!m_inflater->inflate_exact(pack.data() + data, pack.end() - data, object.data(), size)) return {};
    return object;
}

namespace {

// A delta's little-endian base-128 size.
std::optional<std::uint64_t> delta_size(const unsigned char*& position, const unsigned char* end) {
    std::uint64_t size = 0;
    for (int shift = 0; position < end && shift < 64; shift += 7) {
        const unsigned char byte = *position++;
        size |= std::uint64_t{byte & 0x7fU} << shift;
        if ((byte & 0x80) == 0) return size;
    }
    return std::nullopt;
}

// A copy instruction's offset and size, from the bytes its flags announce.
bool copy_operands(unsigned char command, const unsigned char*& position, const unsigned char* end,
                   std::uint64_t& offset, std::uint64_t& size) {
    offset = 0;
    size = 0;
    for (int i = 0; i < 4; ++i) {
        if ((command & (1U << i)) == 0) continue;
        if (position >= end) return false;
        offset |= std::uint64_t{*position++} << (8 * i);
    }
    for (int i = 0; i < 3; ++i) {
        if ((command & (0x10U << i)) == 0) continue;
        if (position >= end) return false;
        size |= std::uint64_t{*position++} << (8 * i);
    }
    if (size == 0) size = 0x10000;
    return true;
}

// What the instructions from `position` to `end` produce against a base of `base_size`
// bytes, without writing it; nullopt when an instruction is malformed or out of bounds.
std::optional<std::uint64_t> delta_output_size(const unsigned char* position, const unsigned char* end,
                                               std::uint64_t base_size) {
    std::uint64_t total = 0;
    while (position < end) {
        const unsigned char command = *position++;
        if ((command & 0x80) != 0) {
            std::uint64_t offset = 0;
            std::uint64_t length = 0;
            if (!copy_operands(command, position, end, offset, length) || offset + length > base_size) return std::nullopt;
            total += length;
        } else if (command != 0 && command <= static_cast<std::size_t>(end - position)) {
            position += command;
            total += command;
        } else {
            return std::nullopt;
        }
    }
    return total;
}

// Whether a delta's announced target size may be allocated: up to what its base and its
// literal bytes could make at once, and beyond only when its instructions add up to it
// (copies can repeat the base, so a real target can be larger).
bool target_size_plausible(std::uint64_t target, std::uint64_t base_size, const unsigned char* position,
                           const unsigned char* end) {
    constexpr std::uint64_t k_literal_ratio = 127;  // an insert writes up to 127 bytes per 128
    if (target > k_max_object) return false;
    if (target <= base_size + k_literal_ratio * static_cast<std::uint64_t>(end - position)) return true;
    return delta_output_size(position, end, base_size) == target;
}

}  // namespace

ObjectRef apply_delta(const ObjectRef& base, const unsigned char* delta, std::size_t delta_length) {
    const unsigned char* position = delta;
    const unsigned char* end = delta + delta_length;
    const auto source_size = delta_size(position, end);
    const auto target_size = delta_size(position, end);
    if (!source_size || !target_size || *source_size != base.size() ||
        !target_size_plausible(*target_size, base.size(), position, end)) {
        return {};
    }
    ObjectRef result = ObjectRef::allocate(static_cast<std::size_t>(*target_size), base.type());
    unsigned char* out = result.data();
    const std::size_t size = result.size();
    std::size_t written = 0;
    while (position < end) {
        const unsigned char command = *position++;
        if ((command & 0x80) != 0) {
            std::uint64_t offset = 0;
            std::uint64_t length = 0;
            if (!copy_operands(command, position, end, offset, length)) return {};
            if (offset + length > base.size() || length > size - written) return {};
            std::memcpy(out + written, base.data() + offset, length);
            written += length;
        } else if (command != 0) {
            if (command > static_cast<std::size_t>(end - position) || command > size - written) return {};
            std::memcpy(out + written, position, command);
            position += command;
            written += command;
        } else {
            return {};  // reserved instruction
        }
    }
    if (written != size) return {};
    return result;
}

std::optional<std::uint64_t> PackReader::object_size(const git_oid& id) {
    const auto location = locate(id);
    if (!location || location->pack >= m_packs->size()) return std::nullopt;
    const Pack& pack = m_packs->pack(location->pack);
    const auto header = pack.header(location->offset);
    if (!header) return std::nullopt;
    if (is_base_type(header->type)) return header->size;
    if (header->type != k_ofs_delta && header->type != k_ref_delta) return std::nullopt;
    // Two base-128 sizes of at most ten bytes each open the delta: source, then target.
    constexpr std::size_t k_sizes_bytes = 20;
    unsigned char sizes[k_sizes_bytes];
    const std::size_t wanted = std::min<std::size_t>(k_sizes_bytes, header->size);
    const auto produced = m_inflater->inflate_prefix(pack.data() + header->data, pack.end() - header->data, sizes, wanted);
    if (!produced || *produced != wanted) return std::nullopt;
    const unsigned char* position = sizes;
    const unsigned char* end = sizes + wanted;
    if (!delta_size(position, end)) return std::nullopt;
    return delta_size(position, end);
}

}  // namespace roles::git
