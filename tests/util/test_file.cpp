// util::read_regular_file: only regular files, never a blocking open, never past the cap.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "roles/util/file.hpp"
#include "support/temp_dir.hpp"

using roles::util::FileKind;
using roles::util::file_kind_no_follow;
using roles::util::path_is_inside;
using roles::util::read_regular_file;

namespace fs = std::filesystem;

TEST_CASE("read_regular_file reads regular files and links to them", "[util][file]") {
    const auto dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/a.yaml") << "hats: {}\n";
    std::ofstream(dir + "/empty.yaml");
    fs::create_symlink(dir + "/a.yaml", dir + "/link.yaml");
    CHECK(read_regular_file(dir + "/a.yaml") == "hats: {}\n");
    CHECK(read_regular_file(dir + "/link.yaml") == "hats: {}\n");
    CHECK(read_regular_file(dir + "/empty.yaml") == "");
    CHECK(file_kind_no_follow(dir + "/link.yaml") == FileKind::symlink);
    CHECK(file_kind_no_follow(dir + "/a.yaml") == FileKind::regular);
    CHECK(file_kind_no_follow(dir + "/none") == FileKind::missing);
}

TEST_CASE("read_regular_file refuses directories, FIFOs and devices without blocking", "[util][file]") {
    const auto dir = roles::test::make_temp_dir();
    REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0600) == 0);
    fs::create_symlink(dir + "/fifo", dir + "/to-fifo");
    fs::create_symlink("/dev/zero", dir + "/to-zero");
    const std::string special = "is not a regular file (a FIFO, device or socket)";
    // A FIFO with no writer would block a plain open for reading forever.
    CHECK(read_regular_file(dir + "/fifo").error() == special);
    CHECK(read_regular_file(dir + "/to-fifo").error() == special);
    CHECK(read_regular_file("/dev/zero").error() == special);
    CHECK(read_regular_file("/dev/urandom").error() == special);
    CHECK(read_regular_file(dir + "/to-zero").error() == special);
    CHECK(read_regular_file(dir).error() == "is a directory, not a file");
    CHECK(read_regular_file(dir + "/none").error() == "no such file");
    CHECK(file_kind_no_follow(dir + "/fifo") == FileKind::special);
}

TEST_CASE("read_regular_file stops at the size cap", "[util][file]") {
    const auto dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/ten") << "0123456789";
    CHECK(read_regular_file(dir + "/ten", 10) == "0123456789");
    CHECK(read_regular_file(dir + "/ten", 9).error() == "is larger than 9 bytes (the limit for this kind of file)");
    // The default cap is 16 MiB, said in MiB.
    {
        std::ofstream big(dir + "/big", std::ios::binary);
        big.seekp(static_cast<std::streamoff>(roles::util::k_max_input_file_bytes));
        big.put('x');
    }
    CHECK(read_regular_file(dir + "/big").error() == "is larger than 16 MiB (the limit for this kind of file)");
}

TEST_CASE("path_is_inside compares whole path components", "[util][file]") {
    CHECK(path_is_inside("/repo/ROLES.yaml", "/repo"));
    CHECK(path_is_inside("/repo/a/b.yaml", "/repo/"));
    CHECK(path_is_inside("/repo", "/repo"));
    CHECK_FALSE(path_is_inside("/repository/x", "/repo"));
    CHECK_FALSE(path_is_inside("/etc/passwd", "/repo"));
    CHECK_FALSE(path_is_inside("/", "/repo"));
}
