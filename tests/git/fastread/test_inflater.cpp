// The inflater on zlib streams made here with zlib's compress2: exact sizes, prefixes,
// and streams that are cut, damaged or longer than announced.

#include <cstdint>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/inflater.hpp"
#include "git/fastread/pack_bytes.hpp"

using roles::git::fastread::Inflater;
using roles::test::pack::Bytes;
using roles::test::pack::bytes_of;
using roles::test::pack::zlib;

TEST_CASE("a stream inflates to exactly its announced size, again and again on one stream", "[git][fastread][zlib]") {
    auto inflater = Inflater::create();
    REQUIRE(inflater);
    for (const std::string text : {"hello, packs\n", "", "a longer line that repeats, a longer line that repeats\n"}) {
        const Bytes stream = zlib(bytes_of(text));
        Bytes out(text.size() + 1, 0);
        REQUIRE(inflater->inflate_exact(stream.data(), stream.size(), out.data(), text.size()));
        CHECK(std::string(out.begin(), out.begin() + static_cast<long>(text.size())) == text);
    }
}

TEST_CASE("a stream of another length than announced is refused", "[git][fastread][zlib][hardening]") {
    auto inflater = Inflater::create();
    const Bytes stream = zlib(bytes_of("twelve bytes"));
    Bytes out(64);
    CHECK_FALSE(inflater->inflate_exact(stream.data(), stream.size(), out.data(), 11));  // longer than announced
    CHECK_FALSE(inflater->inflate_exact(stream.data(), stream.size(), out.data(), 13));  // shorter
    CHECK(inflater->inflate_exact(stream.data(), stream.size(), out.data(), 12));
}

TEST_CASE("cut and damaged streams are refused", "[git][fastread][zlib][hardening]") {
    auto inflater = Inflater::create();
    const std::string text(1000, 'z');
    Bytes stream = zlib(bytes_of(text));
    Bytes out(text.size());
    SECTION("cut before its end") {
        CHECK_FALSE(inflater->inflate_exact(stream.data(), stream.size() - 4, out.data(), out.size()));
    }
    SECTION("a damaged header") {
        stream[0] = 0x00;
        CHECK_FALSE(inflater->inflate_exact(stream.data(), stream.size(), out.data(), out.size()));
        CHECK_FALSE(inflater->inflate_prefix(stream.data(), stream.size(), out.data(), 10));
    }
    SECTION("a damaged checksum") {
        stream.back() ^= 0xff;
        CHECK_FALSE(inflater->inflate_exact(stream.data(), stream.size(), out.data(), out.size()));
    }
    SECTION("no bytes") { CHECK_FALSE(inflater->inflate_exact(stream.data(), 0, out.data(), out.size())); }
}

TEST_CASE("a prefix inflates only what it is asked for, or what there is", "[git][fastread][zlib]") {
    auto inflater = Inflater::create();
    const Bytes stream = zlib(bytes_of("tree 0123\nparent 4567\n"));
    Bytes out(64);
    CHECK(inflater->inflate_prefix(stream.data(), stream.size(), out.data(), 9) == std::optional<std::size_t>(9));
    CHECK(std::string(out.begin(), out.begin() + 9) == "tree 0123");
    CHECK(inflater->inflate_prefix(stream.data(), stream.size(), out.data(), 64) == std::optional<std::size_t>(22));
    // A prefix of a cut stream is what the bytes hold.
    const auto cut = inflater->inflate_prefix(stream.data(), 3, out.data(), 64);
    REQUIRE(cut);
    CHECK(*cut < 22);
}

TEST_CASE("a stream followed by the next pack entry inflates and so does a large one", "[git][fastread][zlib]") {
    auto inflater = Inflater::create();
    REQUIRE(inflater);
    // In a pack the next entry's header follows the stream: those bytes are not read.
    Bytes stream = zlib(bytes_of("entry one\n"));
    for (const unsigned char next : {0x93, 0x0b, 0x78, 0x9c}) stream.push_back(next);
    Bytes out(10);
    CHECK(inflater->inflate_exact(stream.data(), stream.size(), out.data(), 10));
    CHECK(std::string(out.begin(), out.end()) == "entry one\n");
    // 3 MB of varied text: many deflate blocks, output written in one call.
    std::string large;
    for (std::uint64_t i = 0; large.size() < 3000000; ++i) large += "line " + std::to_string(i * 7919 % 100003) + "\n";
    const Bytes big = zlib(bytes_of(large));
    Bytes big_out(large.size());
    REQUIRE(inflater->inflate_exact(big.data(), big.size(), big_out.data(), big_out.size()));
    CHECK(std::string(big_out.begin(), big_out.end()) == large);
}
