// release_at_exit: the value is kept, not destroyed, when the caller lets go of it.
#include <catch2/catch.hpp>

#include <memory>

#include "roles/util/lifetime.hpp"

namespace {

// Counts its live instances; moved-from ones do not count.
struct Tracked {
    static inline int live = 0;
    bool owns = true;
    Tracked() { ++live; }
    Tracked(Tracked&& other) noexcept : owns(other.owns) { other.owns = false; }
    Tracked(const Tracked&) = delete;
    Tracked& operator=(const Tracked&) = delete;
    Tracked& operator=(Tracked&&) = delete;
    ~Tracked() {
        if (owns) --live;
    }
};

}  // namespace

TEST_CASE("release_at_exit keeps the value alive after the caller's copy is gone", "[util][lifetime]") {
    const int before = Tracked::live;
    {
        Tracked value;
        CHECK(Tracked::live == before + 1);
        roles::util::release_at_exit(std::move(value));
    }
    // The caller's moved-from object was destroyed; the kept one was not.
    CHECK(Tracked::live == before + 1);
}
