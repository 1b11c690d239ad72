// libFuzzer target: git delta application (pack_reader.cpp apply_delta). The input is a
// base length byte pair, the base, then the delta. Checked: a result is produced only when
// the delta announces the base's size, and then has exactly the target size it announces;
// nothing is allocated beyond what the instructions can fill (the fuzzer's malloc limit
// catches a violation).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "git/fastread/delta.hpp"

namespace {

std::uint64_t varint(const unsigned char*& position, const unsigned char* end) {
    std::uint64_t value = 0;
    for (int shift = 0; position < end && shift < 64; shift += 7) {
        const unsigned char byte = *position++;
        value |= std::uint64_t{byte & 0x7fU} << shift;
        if ((byte & 0x80) == 0) break;
    }
    return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::size_t base_size = std::min<std::size_t>(size - 2, (std::size_t{data[0]} << 8) | data[1]);
    auto base = roles::git::fastread::ObjectRef::allocate(base_size, roles::git::fastread::ObjectType::blob);
    std::memcpy(base.data(), data + 2, base_size);
    const unsigned char* delta = data + 2 + base_size;
    const std::size_t delta_size = size - 2 - base_size;
    const roles::git::fastread::ObjectRef result = roles::git::fastread::apply_delta(base, delta, delta_size);
    if (result) {
        const unsigned char* position = delta;
        const unsigned char* end = delta + delta_size;
        if (varint(position, end) != base_size) std::abort();
        if (varint(position, end) != result.size()) std::abort();
        if (result.type() != roles::git::fastread::ObjectType::blob) std::abort();
    }
    return 0;
}
