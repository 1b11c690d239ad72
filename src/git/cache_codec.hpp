#pragma once
// Internal to src/git: the byte-level pieces of cache files. Fixed-width little-endian
// fields (roles builds only for little-endian platforms, so a field's bytes are its
// memory), length-prefixed strings, a checksum that can be computed as the bytes stream
// out, and a file writer that never holds a whole file in memory.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include <git2.h>

namespace roles::git {

/// Appends fields to a byte buffer.
class Encoder {
public:
    void u8(std::uint8_t value) { m_out.push_back(static_cast<char>(value)); }
    void u32(std::uint32_t value) { raw(&value, sizeof value); }
    void u64(std::uint64_t value) { raw(&value, sizeof value); }
    void i64(std::int64_t value) { raw(&value, sizeof value); }
    void i32(std::int32_t value) { raw(&value, sizeof value); }
    void oid(const git_oid& id) { raw(id.id, GIT_OID_RAWSZ); }
    void text(const std::string& value) {
        u32(static_cast<std::uint32_t>(value.size()));
        raw(value.data(), value.size());
    }
    void raw(const void* data, std::size_t size) { m_out.append(static_cast<const char*>(data), size); }
    [[nodiscard]] std::string& out() { return m_out; }
    [[nodiscard]] const std::string& out() const { return m_out; }

private:
    std::string m_out;
};

/// Reads what Encoder wrote; any read past the end clears ok() and yields zeros.
class Decoder {
public:
    Decoder(const char* data, std::size_t size) : m_begin(data), m_position(data), m_end(data + size) {}
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] std::size_t consumed() const { return static_cast<std::size_t>(m_position - m_begin); }
    [[nodiscard]] bool at_end() const { return m_position == m_end; }
    std::uint8_t u8() { return fixed<std::uint8_t>(); }
    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::uint64_t u64() { return fixed<std::uint64_t>(); }
    std::int64_t i64() { return fixed<std::int64_t>(); }
    std::int32_t i32() { return fixed<std::int32_t>(); }
    void oid(git_oid& id) { take(id.id, GIT_OID_RAWSZ); }
    void text(std::string& value);
    /// A count of items of at least `item_size` bytes each, checked against what is left.
    std::uint32_t count(std::size_t item_size);
    void fail() { m_ok = false; }

private:
    bool check(std::size_t size);
    void take(void* out, std::size_t size);
    template <typename T>
    T fixed() {
        T value{};
        take(&value, sizeof value);
        return value;
    }

    const char* m_begin;
    const char* m_position;
    const char* m_end;
    bool m_ok = true;
};

/// A 64-bit checksum fed in pieces (not cryptographic: it detects damage, not tampering).
/// Pieces must be multiples of 8 bytes, except what finish() is given.
class Checksum {
public:
    void update(const unsigned char* data, std::size_t size);
    [[nodiscard]] std::uint64_t finish(const unsigned char* tail, std::size_t size);

private:
    std::uint64_t m_hash = 0x2545'f491'4f6c'dd1dULL;
    std::uint64_t m_size = 0;
};

/// The checksum of `size` bytes in one piece.
[[nodiscard]] std::uint64_t checksum64(const unsigned char* data, std::size_t size);

/// Writes a cache file: magic, format, tool version, payload size and checksum, then the
/// payload, which callers encode into encoder() and which is flushed to the file as it
/// grows; the size and checksum are filled in by finish().
class CacheFileWriter {
public:
    /// Opens `path` for writing; good() tells whether that worked. `key` says what the file
    /// belongs to (cache_file.hpp), checked when it is read.
    CacheFileWriter(const std::string& path, std::string_view magic, std::uint32_t format,
                    const std::string& tool_version, const std::string& key);
    CacheFileWriter(const CacheFileWriter&) = delete;
    CacheFileWriter& operator=(const CacheFileWriter&) = delete;
    ~CacheFileWriter();

    [[nodiscard]] bool good() const { return m_file != nullptr && !m_failed; }
    [[nodiscard]] Encoder& encoder() { return m_payload; }
    /// Bytes of payload written so far, pending ones included.
    [[nodiscard]] std::uint64_t payload_size() const { return m_flushed + m_payload.out().size(); }
    /// Writes out what the encoder holds once it is large.
    void flush_if_large();
    /// Completes the file; the file's size, or nullopt when writing failed.
    [[nodiscard]] std::optional<std::uint64_t> finish();

private:
    void flush(bool all);

    std::FILE* m_file = nullptr;
    bool m_failed = false;
    long m_placeholders = 0;
    std::uint64_t m_header = 0;
    std::uint64_t m_flushed = 0;
    Encoder m_payload;
    Checksum m_checksum;
};

}  // namespace roles::git
