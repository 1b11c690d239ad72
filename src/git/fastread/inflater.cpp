#include "inflater.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace roles::git::fastread {

struct Inflater::Stream {
    z_stream stream{};
};

std::unique_ptr<Inflater> Inflater::create() {
    auto stream = std::make_unique<Stream>();
    if (inflateInit_(&stream->stream, ZLIB_VERSION, static_cast<int>(sizeof(z_stream))) != Z_OK) return nullptr;
    return std::unique_ptr<Inflater>(new Inflater(std::move(stream)));
}

Inflater::Inflater(std::unique_ptr<Stream> stream) : m_stream(std::move(stream)) {}

Inflater::~Inflater() { inflateEnd(&m_stream->stream); }

bool Inflater::inflate_exact(const unsigned char* input, std::size_t input_size, unsigned char* output,
                             std::size_t output_size) {
    constexpr std::size_t k_max_chunk = std::numeric_limits<uInt>::max();
    z_stream& stream = m_stream->stream;
    if (inflateReset(&stream) != Z_OK) return false;
    // zlib never writes to its input; the cast is its API's.
    stream.next_in = const_cast<unsigned char*>(input);
    stream.avail_in = static_cast<uInt>(std::min(input_size, k_max_chunk));
    stream.next_out = output;
    std::size_t produced = 0;
    int status = Z_OK;
    // An empty object still has a stream to finish, hence do/while; one byte of spare room
    // lets zlib report output beyond the announced size instead of stopping silently.
    unsigned char spare = 0;
    do {
        const std::size_t room = output_size - produced;
        if (room == 0) {
            stream.next_out = &spare;
            stream.avail_out = 1;
        } else {
            stream.avail_out = static_cast<uInt>(std::min(room, k_max_chunk));
        }
        const uInt before = stream.avail_out;
        status = ::inflate(&stream, Z_NO_FLUSH);
        produced += before - stream.avail_out;
        if (produced > output_size) return false;
    } while (status == Z_OK && stream.avail_in > 0);
    return status == Z_STREAM_END && produced == output_size;
}

std::optional<std::size_t> Inflater::inflate_prefix(const unsigned char* input, std::size_t input_size,
                                                    unsigned char* output, std::size_t capacity) {
    constexpr std::size_t k_max_chunk = std::numeric_limits<uInt>::max();
    z_stream& stream = m_stream->stream;
    if (inflateReset(&stream) != Z_OK) return std::nullopt;
    stream.next_in = const_cast<unsigned char*>(input);
    stream.avail_in = static_cast<uInt>(std::min(input_size, k_max_chunk));
    stream.next_out = output;
    stream.avail_out = static_cast<uInt>(std::min(capacity, k_max_chunk));
    int status = Z_OK;
    while (status == Z_OK && stream.avail_out > 0 && stream.avail_in > 0) status = ::inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) return std::nullopt;
    return static_cast<std::size_t>(stream.next_out - output);
}

}  // namespace roles::git::fastread
