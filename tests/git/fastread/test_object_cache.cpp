// The cache of unpacked objects: a byte budget, CLOCK eviction (a second chance for what
// was used since the hand passed), and objects too large to be worth a place.

#include <cstring>

#include <catch2/catch.hpp>

#include "../../../src/git/fastread/object_cache.hpp"

using roles::git::fastread::ObjectCache;
using roles::git::fastread::ObjectRef;
using roles::git::fastread::ObjectType;

namespace {

ObjectRef object_of(std::size_t size, unsigned char fill) {
    ObjectRef object = ObjectRef::allocate(size, ObjectType::tree);
    std::memset(object.data(), fill, size);
    return object;
}

}  // namespace

TEST_CASE("the cache keeps objects within its budget, evicting the oldest unused", "[git][fastread][cache]") {
    ObjectCache cache(800);  // objects of at most 100 bytes
    for (std::uint64_t key = 1; key <= 8; ++key) cache.insert(key, object_of(100, static_cast<unsigned char>(key)));
    CHECK(cache.used() == 800);
    CHECK(cache.evictions() == 0);
    // Key 1 is used: the hand gives it a second chance and takes key 2 instead.
    REQUIRE(cache.find(1));
    cache.insert(9, object_of(100, 9));
    CHECK(cache.evictions() == 1);
    CHECK(cache.used() == 800);
    CHECK(cache.find(1));
    CHECK_FALSE(cache.find(2));
    CHECK(cache.find(9).data()[0] == 9);
    // Three more: the hand, now past keys 1 and 2, takes keys 3, 4 and 5.
    for (std::uint64_t key = 10; key <= 12; ++key) cache.insert(key, object_of(100, 0));
    CHECK(cache.evictions() == 4);
    CHECK_FALSE(cache.find(3));
    CHECK_FALSE(cache.find(5));
    CHECK(cache.find(6));
}

TEST_CASE("an object over an eighth of the budget is not cached", "[git][fastread][cache]") {
    ObjectCache cache(800);
    cache.insert(1, object_of(101, 1));
    CHECK_FALSE(cache.find(1));
    CHECK(cache.used() == 0);
    cache.insert(2, object_of(100, 2));
    CHECK(cache.find(2));
    // A key already held is not replaced.
    cache.insert(2, object_of(50, 3));
    CHECK(cache.find(2).size() == 100);
}

TEST_CASE("the cache's table grows and keeps every key reachable through evictions", "[git][fastread][cache]") {
    ObjectCache cache(std::size_t{64} << 10);  // 8 KiB objects at most
    // 5,000 small objects: the table grows past its first 1,024 slots, then evicts.
    for (std::uint64_t key = 1; key <= 5000; ++key) cache.insert(key * 7919, object_of(16, static_cast<unsigned char>(key)));
    CHECK(cache.used() <= (std::size_t{64} << 10));
    CHECK(cache.evictions() == 5000 - (std::size_t{64} << 10) / 16);
    std::size_t found = 0;
    for (std::uint64_t key = 1; key <= 5000; ++key) {
        if (const ObjectRef object = cache.find(key * 7919)) {
            CHECK(object.data()[0] == static_cast<unsigned char>(key));
            ++found;
        }
    }
    CHECK(found == (std::size_t{64} << 10) / 16);
}
