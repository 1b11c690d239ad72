#include "pack_reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

#include "delta.hpp"
#include "inflater.hpp"
#include "object_cache.hpp"
#include "pack_file.hpp"

namespace roles::git::fastread {

namespace {

constexpr std::size_t k_max_chain = 10'000;
constexpr int k_offset_bits = 48;

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

PackSet::PackSet() = default;
PackSet::~PackSet() = default;

bool PackSet::trim_resident(std::uint64_t limit) const {
    if (resident_shared_bytes() <= limit) return false;
    for (const auto& pack : m_packs) pack->drop_pages();
    return true;
}

std::vector<std::filesystem::path> list_pack_indexes(const std::string& objects_dir) {
    namespace fs = std::filesystem;
    std::error_code error;
    std::vector<fs::path> indexes;
    for (fs::directory_iterator it(fs::path(objects_dir) / "pack", error), end; !error && it != end;
         it.increment(error)) {
        if (it->path().extension() == ".idx") indexes.push_back(it->path());
    }
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

std::shared_ptr<const PackSet> PackSet::open(const std::string& objects_dir) {
    auto set = std::make_shared<PackSet>();
    for (const std::filesystem::path& index : list_pack_indexes(objects_dir)) {
        std::filesystem::path pack = index;
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

std::unique_ptr<PackReader> PackReader::create(std::shared_ptr<const PackSet> packs, std::size_t cache_bytes) {
    auto inflater = Inflater::create();
    if (!inflater) return nullptr;
    return std::make_unique<PackReader>(std::move(packs), std::move(inflater), cache_bytes);
}

PackReader::PackReader(std::shared_ptr<const PackSet> packs, std::unique_ptr<Inflater> inflater,
                       std::size_t cache_bytes)
    : m_packs(std::move(packs)),
      m_inflater(std::move(inflater)),
      m_cache(std::make_unique<ObjectCache>(cache_bytes)),
      // Small repositories do not need the whole memo (it is per thread and per load).
      m_memo(std::clamp<std::size_t>(std::bit_ceil(m_packs->object_count()), k_min_memo, k_max_memo)) {}

PackReader::~PackReader() = default;

std::uint64_t PackReader::evictions() const { return m_cache->evictions(); }

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
        if (ObjectRef cached = m_cache->find(cache_key(pack_index, current))) return resolve(pack_index, cached, keep);
        const auto header = pack.header(current);
        if (!header || !fits(pack, *header)) return {};
        if (is_base_type(header->type)) {
            ObjectRef base = inflate_object(pack, header->data, header->size, static_cast<ObjectType>(header->type));
            if (!base) return {};
            if (!m_chain.empty() || keep == KeepResult::yes) m_cache->insert(cache_key(pack_index, current), base);
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
        if (!m_chain.empty() || keep == KeepResult::yes) m_cache->insert(cache_key(pack_index, step.offset), base);
    }
    return base;
}

ObjectRef PackReader::inflate_object(const Pack& pack, std::uint64_t data, std::size_t size, ObjectType type) {
    ObjectRef object = ObjectRef::allocate(size, type);
    if (!m_inflater->inflate_exact(pack.data() + data, pack.end() - data, object.data(), size)) return {};
    return object;
}

std::optional<std::uint64_t> PackReader::object_size(const git_oid& id) {
    const auto location = locate(id);
    if (!location || location->pack >= m_packs->size()) return std::nullopt;
    const Pack& pack = m_packs->pack(location->pack);
    const auto header = pack.header(location->offset);
    if (!header) return std::nullopt;
    if (is_base_type(header->type)) {
        if (!fits(pack, *header)) return std::nullopt;
        return header->size;
    }
    if (header->type != k_ofs_delta && header->type != k_ref_delta) return std::nullopt;
    // Two base-128 sizes of at most ten bytes each open the delta: source, then target.
    constexpr std::size_t k_sizes_bytes = 20;
    unsigned char sizes[k_sizes_bytes];
    const std::size_t wanted = std::min<std::size_t>(k_sizes_bytes, header->size);
    const auto produced = m_inflater->inflate_prefix(pack.data() + header->data, pack.end() - header->data, sizes, wanted);
    if (!produced || *produced != wanted) return std::nullopt;
    const unsigned char* position = sizes;
    const unsigned char* end = sizes + wanted;
    if (!read_delta_size(position, end)) return std::nullopt;
    return read_delta_size(position, end);
}

}  // namespace roles::git::fastread
