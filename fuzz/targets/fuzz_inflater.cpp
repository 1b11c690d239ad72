// libFuzzer target: the pack reader's zlib inflater (inflater.cpp). The first four bytes
// are the announced output size (bounded the way the pack reader bounds it, by what the
// compressed bytes can inflate to), the rest a zlib stream. Checked: inflate_exact and
// inflate_prefix agree with a plain zlib uncompress of the same stream, and the stream is
// reused across calls (inflateReset) without carrying state over.

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "git/fastread/delta.hpp"
#include "git/fastread/inflater.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::unique_ptr<roles::git::fastread::Inflater> inflater = roles::git::fastread::Inflater::create();
    if (size < 4 || !inflater) return 0;
    const std::uint32_t announced = (std::uint32_t{data[0]} << 24) | (std::uint32_t{data[1]} << 16) |
                                    (std::uint32_t{data[2]} << 8) | data[3];
    const unsigned char* stream = data + 4;
    const std::size_t stream_size = size - 4;
    if (announced > roles::git::fastread::max_inflated_size(stream_size)) return 0;  // the reader never asks for more
    std::vector<unsigned char> out(announced);
    const bool exact = inflater->inflate_exact(stream, stream_size, out.data(), out.size());
    // Reference: zlib's one-shot uncompress into the same room plus one byte.
    std::vector<unsigned char> reference(std::size_t{announced} + 1);
    uLongf produced = static_cast<uLongf>(reference.size());
    uLong consumed = static_cast<uLong>(stream_size);
    const int status = uncompress2(reference.data(), &produced, stream, &consumed);
    const bool reference_exact = status == Z_OK && produced == announced;
    if (exact != reference_exact) std::abort();
    if (exact && announced > 0 && std::memcmp(out.data(), reference.data(), announced) != 0) std::abort();
    // A prefix is what the whole stream starts with.
    unsigned char prefix[64];
    const auto got = inflater->inflate_prefix(stream, stream_size, prefix, sizeof prefix);
    if (exact && got) {
        const std::size_t common = std::min<std::size_t>(*got, announced);
        if (common > 0 && std::memcmp(prefix, out.data(), common) != 0) std::abort();
        if (*got != std::min<std::size_t>(sizeof prefix, announced)) std::abort();
    }
    return 0;
}
