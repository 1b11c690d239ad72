#include "cache_codec.hpp"

namespace roles::git {

namespace {

constexpr std::uint64_t k_multiplier = 0x9e37'79b9'7f4a'7c15ULL;
constexpr std::uint64_t k_second = 0xc2b2'ae3d'27d4'eb4fULL;
// Encoded payload is written out in pieces of about this size.
constexpr std::size_t k_flush_bytes = std::size_t{1} << 20;

std::uint64_t rotate(std::uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

}  // namespace

void Decoder::text(std::string& value) {
    const std::uint32_t size = u32();
    if (!check(size)) return;
    value.assign(m_position, size);
    m_position += size;
}

std::uint32_t Decoder::count(std::size_t item_size) {
    const std::uint32_t value = u32();
    if (item_size > 0 && value > static_cast<std::size_t>(m_end - m_position) / item_size) m_ok = false;
    return m_ok ? value : 0;
}

bool Decoder::check(std::size_t size) {
    if (!m_ok || size > static_cast<std::size_t>(m_end - m_position)) {
        m_ok = false;
        return false;
    }
    return true;
}

void Decoder::take(void* out, std::size_t size) {
    if (!check(size)) {
        std::memset(out, 0, size);
        return;
    }
    std::memcpy(out, m_position, size);
    m_position += size;
}

void Checksum::update(const unsigned char* data, std::size_t size) {
    for (std::size_t i = 0; i + 8 <= size; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, data + i, 8);
        m_hash = rotate(m_hash ^ (word * k_second), 31) * k_multiplier;
    }
    m_size += size;
}

std::uint64_t Checksum::finish(const unsigned char* tail, std::size_t size) {
    std::uint64_t word = 0;
    std::memcpy(&word, tail, size);
    std::uint64_t hash = rotate(m_hash ^ (word * k_second), 31) * k_multiplier;
    hash ^= (m_size + size) * k_multiplier;
    // Final mix (MurmurHash3's fmix64), so that every input bit reaches every output bit.
    hash ^= hash >> 33;
    hash *= 0xff51'afd7'ed55'8ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ce'b9fe'1a85'ec53ULL;
    hash ^= hash >> 33;
    return hash;
}

std::uint64_t checksum64(const unsigned char* data, std::size_t size) {
    Checksum checksum;
    const std::size_t whole = size & ~std::size_t{7};
    checksum.update(data, whole);
    return checksum.finish(data + whole, size - whole);
}

CacheFileWriter::CacheFileWriter(const std::string& path, std::string_view magic, std::uint32_t format,
                                 const std::string& tool_version, const std::string& key)
    : m_file(std::fopen(path.c_str(), "wb")) {
    if (m_file == nullptr) return;
    Encoder header;
    header.raw(magic.data(), magic.size());
    header.u32(format);
    header.text(tool_version);
    header.text(key);
    m_placeholders = static_cast<long>(header.out().size());
    header.u64(0);  // payload size and checksum, filled in by finish()
    header.u64(0);
    m_header = header.out().size();
    m_failed = std::fwrite(header.out().data(), 1, header.out().size(), m_file) != header.out().size();
}

CacheFileWriter::~CacheFileWriter() {
    if (m_file != nullptr) std::fclose(m_file);
}

void CacheFileWriter::flush_if_large() {
    if (m_payload.out().size() >= k_flush_bytes) flush(false);
}

// Writes whole 8-byte words (all bytes when `all`), keeping the rest for later, so that
// the checksum sees the same words however the payload was cut.
void CacheFileWriter::flush(bool all) {
    std::string& bytes = m_payload.out();
    const std::size_t size = all ? bytes.size() : bytes.size() & ~std::size_t{7};
    if (size == 0 || m_failed) return;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    if (!all) m_checksum.update(data, size);
    m_failed = std::fwrite(bytes.data(), 1, size, m_file) != size;
    if (all) return;
    m_flushed += size;
    bytes.erase(0, size);
}

std::optional<std::uint64_t> CacheFileWriter::finish() {
    if (!good()) return std::nullopt;
    std::string& rest = m_payload.out();
    const std::size_t whole = rest.size() & ~std::size_t{7};
    m_checksum.update(reinterpret_cast<const unsigned char*>(rest.data()), whole);
    const std::uint64_t checksum =
        m_checksum.finish(reinterpret_cast<const unsigned char*>(rest.data()) + whole, rest.size() - whole);
    const std::uint64_t size = payload_size();
    flush(true);
    Encoder fields;
    fields.u64(size);
    fields.u64(checksum);
    m_failed = m_failed || std::fseek(m_file, m_placeholders, SEEK_SET) != 0 ||
               std::fwrite(fields.out().data(), 1, fields.out().size(), m_file) != fields.out().size();
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (m_failed || !closed) return std::nullopt;
    return m_header + size;
}

}  // namespace roles::git
