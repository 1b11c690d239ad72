// release_at_exit: the value is kept, not destroyed, when the caller lets go of it.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <utility>

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

namespace {

// Records the thread that destroyed it.
struct DestroyedOn {
    std::promise<std::thread::id>* destroyed = nullptr;
    DestroyedOn() = default;
    explicit DestroyedOn(std::promise<std::thread::id>& promise) : destroyed(&promise) {}
    DestroyedOn(DestroyedOn&& other) noexcept : destroyed(std::exchange(other.destroyed, nullptr)) {}
    DestroyedOn(const DestroyedOn&) = delete;
    DestroyedOn& operator=(const DestroyedOn&) = delete;
    DestroyedOn& operator=(DestroyedOn&&) = delete;
    ~DestroyedOn() {
        if (destroyed != nullptr) destroyed->set_value(std::this_thread::get_id());
    }
};

}  // namespace

TEST_CASE("destroy_later destroys the value, on another thread", "[util][lifetime]") {
    std::promise<std::thread::id> promise;
    auto destroyed = promise.get_future();
    roles::util::destroy_later(DestroyedOn(promise));
    REQUIRE(destroyed.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(destroyed.get() != std::this_thread::get_id());
}
