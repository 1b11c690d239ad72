#include "support/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

namespace roles::test {

namespace {

std::mutex& registry_mutex() {
    static std::mutex mutex;
    return mutex;
}

std::vector<std::string>& registry() {
    static std::vector<std::string> dirs;
    return dirs;
}

std::string temp_root() {
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
}

}  // namespace

std::string make_temp_dir() {
    std::string pattern = temp_root() + "/roles-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory under " + temp_root());
    }
    const std::lock_guard lock(registry_mutex());
    registry().push_back(pattern);
    return pattern;
}

std::vector<std::string> take_temp_dirs() {
    const std::lock_guard lock(registry_mutex());
    std::vector<std::string> dirs;
    dirs.swap(registry());
    return dirs;
}

namespace {

// Deletes the test case's directories when it passed; keeps them for inspection otherwise.
struct TempDirCleaner : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseEnded(const Catch::TestCaseStats& stats) override {
        const bool failed = stats.totals.assertions.failed > 0;
        for (const std::string& dir : take_temp_dirs()) {
            if (failed) {
                std::cerr << "kept temporary directory of failed test '" << stats.testInfo.name
                          << "': " << dir << '\n';
                continue;
            }
            std::error_code error;
            std::filesystem::remove_all(dir, error);
        }
        TestEventListenerBase::testCaseEnded(stats);
    }
};

}  // namespace

CATCH_REGISTER_LISTENER(TempDirCleaner)

}  // namespace roles::test
