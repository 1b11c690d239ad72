#pragma once
// Private to src/git/fastread: git's delta format (pack-format.txt, "Deltified
// representation"): the base's and the target's sizes as little-endian base-128 numbers,
// then copy instructions (an offset and a size in the base) and insert instructions
// (up to 127 literal bytes).

#include <cstddef>
#include <cstdint>
#include <optional>

#include "object_bytes.hpp"

namespace roles::git::fastread {

/// Objects larger than this are left to libgit2 (a 32-bit reader's limit as well).
constexpr std::uint64_t k_max_object = std::uint64_t{1} << 32;

/// zlib's largest expansion (deflate's best case is about 1032:1), plus a stream's few
/// bytes of overhead: no entry can inflate to more than this from `compressed` bytes.
[[nodiscard]] constexpr std::uint64_t max_inflated_size(std::uint64_t compressed) {
    constexpr std::uint64_t k_max_ratio = 1032;
    constexpr std::uint64_t k_slack = 64;
    return compressed > (~std::uint64_t{0} - k_slack) / k_max_ratio ? ~std::uint64_t{0} : compressed * k_max_ratio + k_slack;
}

/// Reads one of a delta's base-128 sizes at `position` (advanced past it); nullopt when it
/// runs past `end` or beyond 64 bits.
[[nodiscard]] std::optional<std::uint64_t> read_delta_size(const unsigned char*& position, const unsigned char* end);

/// Applies a git delta to `base`; null when the delta is malformed or does not fit. The
/// target size it announces is believed only as far as its instructions can fill it.
[[nodiscard]] ObjectRef apply_delta(const ObjectRef& base, const unsigned char* delta, std::size_t delta_size);

}  // namespace roles::git::fastread
