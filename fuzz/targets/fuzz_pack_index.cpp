// libFuzzer target: the pack index reader and the pack entries behind it (pack_reader.cpp,
// object_checks.cpp). The input is a two-byte index length, a .idx file, then its .pack
// file; both are written to a scratch object directory, checked as the loader checks
// indexes before libgit2 sees them, mapped by PackSet, and every id the index lists (up to
// 64) is located and read whole, by size and by prefix. Checked: an index the loader's check
// refuses is never one the reader serves objects from through an out-of-bounds read (ASan),
// reads allocate no more than the pack can inflate to (malloc limit), and an object read
// whole has the size object_size() reports.

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "git/fastread/inflater.hpp"
#include "git/fastread/pack_reader.hpp"
#include "git/object_checks.hpp"

namespace {

const std::string& objects_dir() {
    static const std::string path = [] {
        char dir[] = "/tmp/roles-fuzz-pack-XXXXXX";
        if (::mkdtemp(dir) == nullptr) std::abort();
        std::filesystem::create_directories(std::string(dir) + "/pack");
        return std::string(dir);
    }();
    return path;
}

void write_file(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
    std::fclose(file);
}

constexpr std::size_t k_ids = 8 + 1024;
constexpr std::size_t k_max_reads = 64;

std::uint32_t be32(const std::uint8_t* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) | bytes[3];
}

// Rewrites the index's CRCs to match the pack's entries (each from its offset to the next
// one's), so that mutated packs get past the CRC check to the entry decoder; a mutated
// index still reaches the check itself when this is not asked for.
void fix_crcs(std::vector<std::uint8_t>& index, std::size_t pack_size, const std::uint8_t* pack) {
    if (index.size() < k_ids + 40 || pack_size < 32) return;
    const std::uint64_t count = be32(index.data() + 8 + 255 * 4);
    if (index.size() < k_ids + count * 28 + 40) return;
    std::vector<std::pair<std::uint64_t, std::size_t>> order;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t offset = be32(index.data() + k_ids + count * 24 + i * 4);
        if ((offset & 0x8000'0000U) != 0 || offset >= pack_size - 20) return;
        order.emplace_back(offset, i);
    }
    std::sort(order.begin(), order.end());
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::uint64_t end = k + 1 < order.size() ? order[k + 1].first : pack_size - 20;
        const uLong crc = ::crc32(::crc32(0L, Z_NULL, 0), pack + order[k].first, static_cast<uInt>(end - order[k].first));
        std::uint8_t* slot = index.data() + k_ids + count * 20 + order[k].second * 4;
        for (int b = 0; b < 4; ++b) slot[b] = static_cast<std::uint8_t>(crc >> (24 - 8 * b));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const bool fix = (data[0] & 0x80) != 0;
    const std::size_t index_size = std::min<std::size_t>(size - 2, (std::size_t{data[0] & 0x7fU} << 8) | data[1]);
    std::vector<std::uint8_t> index_bytes(data + 2, data + 2 + index_size);
    const std::uint8_t* pack_bytes = data + 2 + index_size;
    const std::size_t pack_size = size - 2 - index_size;
    if (fix) fix_crcs(index_bytes, pack_size, pack_bytes);
    const std::uint8_t* index = index_bytes.data();
    const std::string dir = objects_dir();
    write_file(dir + "/pack/pack-fuzz.idx", index, index_size);
    write_file(dir + "/pack/pack-fuzz.pack", pack_bytes, pack_size);
    (void)roles::git::check_pack_indexes(dir);
    const auto packs = roles::git::fastread::PackSet::open(dir);
    if (packs->size() == 0) return 0;
    roles::git::fastread::PackReader reader(packs, roles::git::fastread::Inflater::create(), std::size_t{1} << 20);
    const std::size_t listed = std::min<std::size_t>(packs->object_count(), k_max_reads);
    for (std::size_t i = 0; i < listed && k_ids + (i + 1) * 20 <= index_size; ++i) {
        git_oid id;
        std::memcpy(id.id, index + k_ids + i * 20, 20);
        const auto object_size = reader.object_size(id);
        const roles::git::fastread::ObjectRef object = reader.read(id, roles::git::fastread::KeepResult::yes);
        if (object && object_size && *object_size != object.size()) std::abort();
        if (const auto location = reader.locate(id)) {
            unsigned char prefix[512];
            (void)reader.read_prefix(*location, prefix, sizeof prefix);
        }
    }
    return 0;
}
