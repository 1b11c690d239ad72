#pragma once
// Private to src/git/fastread: decompression for the pack reader. Whole objects are inflated by
// libdeflate in one call; prefixes by one zlib stream reused for every object (inflateReset
// instead of a fresh inflateInit, whose allocations are a large part of libgit2's cost per
// object).

#include <cstddef>
#include <memory>
#include <optional>

namespace roles::git::fastread {

/// One libdeflate decompressor and one zlib stream; not thread-safe (one per reader thread).
class Inflater {
public:
    /// An inflater, or null when zlib or libdeflate cannot initialise (the caller then reads
    /// through libgit2).
    [[nodiscard]] static std::unique_ptr<Inflater> create();
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
    ~Inflater();

    /// Inflates the zlib stream at `input` (at most `input_size` bytes are available) into
    /// exactly `output_size` bytes at `output`. False when the stream is damaged or its
    /// length differs from `output_size`.
    [[nodiscard]] bool inflate_exact(const unsigned char* input, std::size_t input_size, unsigned char* output,
                                     std::size_t output_size);

    /// Inflates at most `capacity` bytes of the zlib stream at `input` into `output`: the
    /// start of an object whose rest is not needed. The number of bytes produced, or nullopt
    /// when the stream is damaged.
    [[nodiscard]] std::optional<std::size_t> inflate_prefix(const unsigned char* input, std::size_t input_size,
                                                            unsigned char* output, std::size_t capacity);

private:
    struct Stream;
    explicit Inflater(std::unique_ptr<Stream> stream);
    std::unique_ptr<Stream> m_stream;
};

}  // namespace roles::git::fastread
