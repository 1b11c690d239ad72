#include "delta.hpp"

#include <cstring>

namespace roles::git::fastread {

// A delta's little-endian base-128 size.
std::optional<std::uint64_t> read_delta_size(const unsigned char*& position, const unsigned char* end) {
    std::uint64_t size = 0;
    for (int shift = 0; position < end && shift < 64; shift += 7) {
        const unsigned char byte = *position++;
        size |= std::uint64_t{byte & 0x7fU} << shift;
        if ((byte & 0x80) == 0) return size;
    }
    return std::nullopt;
}

namespace {

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
    const auto source_size = read_delta_size(position, end);
    const auto target_size = read_delta_size(position, end);
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

}  // namespace roles::git::fastread
