// Deltas on hand-made bytes: copies and inserts, and every way a delta can lie about
// its sizes or reach outside its base.

#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/delta.hpp"
#include "git/fastread/pack_bytes.hpp"

using roles::git::fastread::apply_delta;
using roles::git::fastread::max_inflated_size;
using roles::git::fastread::ObjectRef;
using roles::git::fastread::ObjectType;
using roles::git::fastread::read_delta_size;
using roles::test::pack::Bytes;
using roles::test::pack::delta;

namespace {

ObjectRef blob_of(const std::string& text) {
    auto object = ObjectRef::allocate(text.size(), ObjectType::blob);
    std::memcpy(object.data(), text.data(), text.size());
    return object;
}

std::string text_of(const ObjectRef& object) { return std::string(reinterpret_cast<const char*>(object.data()), object.size()); }

}  // namespace

TEST_CASE("a delta copies from its base and inserts literals, in order", "[git][fastread][delta]") {
    const ObjectRef base = blob_of("0123456789abcdef");
    // insert "<", copy base[10, 16) (offset byte 1, size byte 1), copy base[0, 3), insert ">"
    const Bytes instructions = {1, '<', 0x80 | 0x01 | 0x10, 10, 6, 0x80 | 0x10, 3, 1, '>'};
    const ObjectRef result = apply_delta(base, delta(16, 11, instructions).data(), delta(16, 11, instructions).size());
    REQUIRE(result);
    CHECK(result.type() == ObjectType::blob);
    CHECK(text_of(result) == "<abcdef012>");
}

TEST_CASE("a copy of size zero copies 65,536 bytes, as git's format says", "[git][fastread][delta]") {
    const ObjectRef base = blob_of(std::string(0x10000, 'q'));
    const Bytes instructions = {0x80};  // no offset bytes, no size bytes
    const Bytes bytes = delta(0x10000, 0x10000, instructions);
    const ObjectRef result = apply_delta(base, bytes.data(), bytes.size());
    REQUIRE(result);
    CHECK(result.size() == 0x10000);
}

TEST_CASE("malformed deltas are refused", "[git][fastread][delta][hardening]") {
    const ObjectRef base = blob_of("0123456789");
    Bytes bytes;
    SECTION("the base size differs from the base") { bytes = delta(9, 1, {0x80 | 0x10, 1}); }
    SECTION("a copy past the base's end") { bytes = delta(10, 4, {0x80 | 0x01 | 0x10, 8, 4}); }
    SECTION("the reserved instruction 0") { bytes = delta(10, 1, {0, 1, 'x'}); }
    SECTION("an insert longer than the bytes left") { bytes = delta(10, 5, {5, 'a', 'b'}); }
    SECTION("an insert past the target size") { bytes = delta(10, 1, {2, 'a', 'b'}); }
    SECTION("instructions ending short of the target") { bytes = delta(10, 3, {0x80 | 0x10, 2}); }
    SECTION("a copy whose operand bytes are cut") { bytes = delta(10, 3, {0x80 | 0x01 | 0x10, 1}); }
    SECTION("sizes cut in the middle") { bytes = {0x8a}; }
    SECTION("no bytes at all") { bytes = {}; }
    CHECK_FALSE(apply_delta(base, bytes.data(), bytes.size()));
}

TEST_CASE("delta sizes are base-128, least significant group first", "[git][fastread][delta]") {
    const Bytes bytes = {0xe5, 0x8e, 0x26, 0x7f};  // 0x65 + (0x0e << 7) + (0x26 << 14) = 624,485
    const unsigned char* position = bytes.data();
    CHECK(read_delta_size(position, bytes.data() + bytes.size()) == 624'485);
    CHECK(position == bytes.data() + 3);
    CHECK(read_delta_size(position, bytes.data() + bytes.size()) == 127);
    CHECK_FALSE(read_delta_size(position, bytes.data() + bytes.size()));  // nothing left
    const Bytes endless(11, 0xff);
    position = endless.data();
    CHECK_FALSE(read_delta_size(position, endless.data() + endless.size()));
}

TEST_CASE("a delta's target size is believed only as far as its instructions can fill it", "[git][fastread][delta][hardening]") {
    const ObjectRef base = blob_of(std::string(255, 'a'));
    SECTION("a 20-byte delta asking for 3.2 GB is refused without allocating it") {
        const auto bytes = delta(255, 3'200'000'000ULL, {0x90, 0xff, 0x90, 0xff, 0x90, 0xff, 0x90, 0xff, 0x90, 0xff, 0x90, 0xff, 0x90});
        CHECK_FALSE(apply_delta(base, bytes.data(), bytes.size()));
    }
    SECTION("a delta repeating its base beyond the quick bound is applied") {
        // 1,000 copies of the whole base (2 bytes each): 255,000 bytes from about 2 KB, more
        // than base + 127 bytes per delta byte, so the instructions are added up first.
        std::vector<unsigned char> copies;
        for (int i = 0; i < 1000; ++i) copies.insert(copies.end(), {0x90, 0xff});
        const auto bytes = delta(255, 255'000, copies);
        const auto result = apply_delta(base, bytes.data(), bytes.size());
        REQUIRE(result);
        CHECK(result.size() == 255'000);
        CHECK(std::string(reinterpret_cast<const char*>(result.data()), result.size()) == std::string(255'000, 'a'));
    }
    SECTION("a delta whose instructions add up to less than its target is refused") {
        std::vector<unsigned char> copies;
        for (int i = 0; i < 1000; ++i) copies.insert(copies.end(), {0x90, 0xff});
        const auto bytes = delta(255, 255'001, copies);
        CHECK_FALSE(apply_delta(base, bytes.data(), bytes.size()));
    }
}

TEST_CASE("no entry is inflated to more than zlib can produce from its bytes", "[git][fastread][delta][hardening]") {
    CHECK(max_inflated_size(0) == 64);
    CHECK(max_inflated_size(1000) == 1'032'064);
    CHECK(max_inflated_size(~std::uint64_t{0}) == ~std::uint64_t{0});
}

