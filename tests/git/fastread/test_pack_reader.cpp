// The pack reader on hand-made packs (pack_bytes.hpp): whole objects, OFS and REF deltas,
// sizes, prefixes, CRC checks and every bound an index or entry can break.

#include <cstring>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/pack_file.hpp"
#include "../../../src/git/fastread/pack_reader.hpp"
#include "git/fastread/pack_bytes.hpp"
#include "support/temp_dir.hpp"

using roles::git::fastread::KeepResult;
using roles::git::fastread::ObjectRef;
using roles::git::fastread::ObjectType;
using roles::git::fastread::PackReader;
using roles::git::fastread::PackSet;
using namespace roles::test::pack;

namespace {

std::string text_of(const ObjectRef& object) { return std::string(reinterpret_cast<const char*>(object.data()), object.size()); }

// `objects/pack/pack-<name>.{pack,idx}` under a fresh directory; returns the objects dir.
std::string write_pack(const PackBuilder& builder, const std::string& name = "a") {
    const std::string objects = roles::test::make_temp_dir() + "/objects";
    std::filesystem::create_directories(objects + "/pack");
    write_file(objects + "/pack/pack-" + name + ".pack", builder.pack());
    write_file(objects + "/pack/pack-" + name + ".idx", builder.index());
    return objects;
}

const std::string k_base = "the quick brown fox jumps over the lazy dog\n";

// Copy base[4, 4+15) ("quick brown fox"), then insert " sleeps\n" (8 bytes): 23 bytes.
Bytes fox_delta() {
    Bytes instructions = {0x80 | 0x01 | 0x10, 4, 15, 8};
    const std::string literal = " sleeps\n";
    instructions.insert(instructions.end(), literal.begin(), literal.end());
    return delta(k_base.size(), 23, instructions);
}

}  // namespace

TEST_CASE("whole objects and both kinds of delta are read from a hand-made pack", "[git][fastread][pack]") {
    PackBuilder builder;
    const std::uint64_t base = builder.add_whole(3, k_base);
    builder.add_ofs_delta(3, "quick brown fox sleeps\n", base, fox_delta());
    builder.add_ref_delta(3, "quick brown fox sleeps\n!", builder.entries()[0].id,
                          delta(k_base.size(), 24, {0x80 | 0x01 | 0x10, 4, 15, 9, ' ', 's', 'l', 'e', 'e', 'p', 's', '\n', '!'}));
    const auto packs = PackSet::open(write_pack(builder));
    REQUIRE(packs->size() == 1);
    CHECK(packs->object_count() == 3);
    auto reader = PackReader::create(packs, 1 << 20);
    REQUIRE(reader);

    const ObjectRef whole = reader->read(builder.entries()[0].id);
    REQUIRE(whole);
    CHECK(whole.type() == ObjectType::blob);
    CHECK(text_of(whole) == k_base);
    const ObjectRef ofs = reader->read(builder.entries()[1].id);
    REQUIRE(ofs);
    CHECK(ofs.type() == ObjectType::blob);  // a delta's type is its base's
    CHECK(text_of(ofs) == "quick brown fox sleeps\n");
    const ObjectRef ref = reader->read(builder.entries()[2].id);
    REQUIRE(ref);
    CHECK(text_of(ref) == "quick brown fox sleeps\n!");

    // Sizes without unpacking: the header's for a whole object, the delta's target size.
    CHECK(reader->object_size(builder.entries()[0].id) == k_base.size());
    CHECK(reader->object_size(builder.entries()[1].id) == 23);
    CHECK(reader->object_size(builder.entries()[2].id) == 24);

    // The location is the entry's offset; a prefix inflates only what was asked.
    const auto location = reader->locate(builder.entries()[0].id);
    REQUIRE(location);
    CHECK(location->offset == 12);
    unsigned char prefix[9] = {};
    const auto read = reader->read_prefix(*location, prefix, sizeof prefix);
    REQUIRE(read);
    CHECK(read->size == k_base.size());
    CHECK(read->produced == 9);
    CHECK(std::string(reinterpret_cast<const char*>(prefix), 9) == "the quick");
    // A delta has no prefix of its own.
    CHECK_FALSE(reader->read_prefix(*reader->locate(builder.entries()[1].id), prefix, sizeof prefix));
}

TEST_CASE("an id the index does not hold is not found, and the reader says no damage", "[git][fastread][pack]") {
    PackBuilder builder;
    builder.add_whole(3, k_base);
    const auto packs = PackSet::open(write_pack(builder));
    auto reader = PackReader::create(packs, 1 << 20);
    const git_oid absent = object_id(GIT_OBJECT_BLOB, "not in the pack\n");
    CHECK_FALSE(reader->read(absent));
    CHECK_FALSE(reader->locate(absent));
    CHECK(reader->damage().empty());
    CHECK_FALSE(reader->object_size(absent));
    // A location past the set's packs is refused, not read.
    CHECK_FALSE(reader->read_at({5, 12}, KeepResult::no));
}

TEST_CASE("an entry whose bytes do not match its index CRC is damage, named", "[git][fastread][pack][hardening]") {
    PackBuilder builder;
    builder.add_whole(3, k_base);
    Bytes pack = builder.pack();
    pack[12 + 3] ^= 0x01;  // inside the zlib stream
    const std::string objects = write_pack(builder);
    write_file(objects + "/pack/pack-a.pack", pack);
    auto reader = PackReader::create(PackSet::open(objects), 1 << 20);
    CHECK_FALSE(reader->read(builder.entries()[0].id));
    CHECK(reader->damage().starts_with("the entry of object " + hex(builder.entries()[0].id) +
                                       " at offset 12 of "));
    CHECK(reader->damage().ends_with("pack-a.pack does not match the CRC-32 its index records: the pack or its index is damaged"));
}

TEST_CASE("indexes the reader cannot trust are skipped whole", "[git][fastread][pack][hardening]") {
    PackBuilder builder;
    builder.add_whole(3, k_base);
    builder.add_whole(3, "second\n");
    const std::string objects = write_pack(builder);
    Bytes index = builder.index();
    SECTION("a fan-out that decreases") {
        index[8 + 4 * 200 + 3] = 0xff;  // entry 200 above entry 201
    }
    SECTION("an object count the file is too short for") {
        index[8 + 4 * 255 + 2] = 0x01;  // 258 objects claimed
    }
    SECTION("version 3") { index[7] = 3; }
    SECTION("no magic (version 1 indexes are left to libgit2)") { index[0] = 0; }
    SECTION("cut inside the fan-out") { index.resize(100); }
    write_file(objects + "/pack/pack-a.idx", index);
    CHECK(PackSet::open(objects)->size() == 0);
}

TEST_CASE("packs the reader cannot trust are skipped whole", "[git][fastread][pack][hardening]") {
    PackBuilder builder;
    builder.add_whole(3, k_base);
    const std::string objects = write_pack(builder);
    Bytes pack = builder.pack();
    SECTION("no PACK signature") { pack[0] = 'Q'; }
    SECTION("version 4") { pack[7] = 4; }
    SECTION("shorter than a header and a trailer") { pack.resize(31); }
    write_file(objects + "/pack/pack-a.pack", pack);
    CHECK(PackSet::open(objects)->size() == 0);
    // No pack directory at all: an empty set.
    CHECK(PackSet::open(roles::test::make_temp_dir())->size() == 0);
}

TEST_CASE("offsets and entry headers outside the pack are refused", "[git][fastread][pack][hardening]") {
    PackBuilder builder;
    builder.add_whole(3, k_base);
    builder.add_whole(3, "second\n");
    const std::string objects = write_pack(builder);
    SECTION("an offset inside the pack header") {
        Bytes index = builder.index();
        const std::size_t offsets = 8 + 1024 + 2 * 24;
        for (std::size_t i = 0; i < 4; ++i) index[offsets + i] = i == 3 ? 4 : 0;
        write_file(objects + "/pack/pack-a.idx", index);
    }
    SECTION("a large offset with no large-offset table") {
        Bytes index = builder.index();
        index[8 + 1024 + 2 * 24] = 0x80;
        write_file(objects + "/pack/pack-a.idx", index);
    }
    SECTION("an OFS_DELTA reaching back before the pack") {
        PackBuilder broken;
        broken.add_raw(object_id(GIT_OBJECT_BLOB, "x"), {0x61, 0x7f, 0x00});  // 127 back from offset 12
        write_file(objects + "/pack/pack-a.pack", broken.pack());
        write_file(objects + "/pack/pack-a.idx", broken.index());
        builder = broken;
    }
    SECTION("a size header that never ends") {
        PackBuilder broken;
        broken.add_raw(object_id(GIT_OBJECT_BLOB, "y"), Bytes(30, 0xb1));
        write_file(objects + "/pack/pack-a.pack", broken.pack());
        write_file(objects + "/pack/pack-a.idx", broken.index());
        builder = broken;
    }
    SECTION("an entry announcing more than its bytes can inflate to") {
        PackBuilder broken;
        Bytes bytes = entry_header(3, std::uint64_t{1} << 30);
        const Bytes packed = zlib(bytes_of("tiny"));
        bytes.insert(bytes.end(), packed.begin(), packed.end());
        broken.add_raw(object_id(GIT_OBJECT_BLOB, "z"), bytes);
        write_file(objects + "/pack/pack-a.pack", broken.pack());
        write_file(objects + "/pack/pack-a.idx", broken.index());
        builder = broken;
    }
    const auto packs = PackSet::open(objects);
    REQUIRE(packs->size() == 1);
    auto reader = PackReader::create(packs, 1 << 20);
    // The entry at index position 0 (the smallest id), whose offset the sections break.
    git_oid first = builder.entries()[0].id;
    for (const Entry& entry : builder.entries()) {
        if (git_oid_cmp(&entry.id, &first) < 0) first = entry.id;
    }
    CHECK_FALSE(reader->read(first));
    CHECK_FALSE(reader->object_size(first));
}

TEST_CASE("a delta chain is resolved through the cache and the cache evicts to its budget", "[git][fastread][pack][cache]") {
    // A chain of 40 deltas, each appending one line to the one before.
    PackBuilder builder;
    std::string content = "line 0\n";
    std::uint64_t previous = builder.add_whole(3, content);
    for (int i = 1; i <= 40; ++i) {
        const std::string line = "line " + std::to_string(i) + "\n";
        Bytes instructions = {0x80 | 0x10 | 0x20, static_cast<unsigned char>(content.size() & 0xff),
                              static_cast<unsigned char>(content.size() >> 8), static_cast<unsigned char>(line.size())};
        if (content.size() < 256) instructions = {0x80 | 0x10, static_cast<unsigned char>(content.size()), static_cast<unsigned char>(line.size())};
        instructions.insert(instructions.end(), line.begin(), line.end());
        const std::string next = content + line;
        previous = builder.add_ofs_delta(3, next, previous, delta(content.size(), next.size(), instructions));
        content = next;
    }
    const auto packs = PackSet::open(write_pack(builder));
    auto big = PackReader::create(packs, 1 << 20);
    auto small = PackReader::create(packs, 2048);  // objects over 256 bytes are never cached
    for (const Entry& entry : builder.entries()) {
        const ObjectRef from_big = big->read(entry.id);
        const ObjectRef from_small = small->read(entry.id);
        REQUIRE(from_big);
        REQUIRE(from_small);
        CHECK(text_of(from_big) == text_of(from_small));
    }
    CHECK(text_of(big->read(builder.entries().back().id)) == content);
    CHECK(big->evictions() == 0);
    CHECK(small->evictions() > 0);
}
