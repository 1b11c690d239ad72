#include "roles/util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

namespace roles::util {

namespace {

std::string too_large(std::size_t max_bytes) {
    const bool mebibytes = max_bytes >= (std::size_t{1} << 20) && max_bytes % (std::size_t{1} << 20) == 0;
    const auto limit = mebibytes ? std::to_string(max_bytes >> 20) + " MiB" : std::to_string(max_bytes) + " bytes";
    return "is larger than " + limit + " (the limit for this kind of file)";
}

std::string describe_kind(const struct stat& info, std::size_t max_bytes) {
    if (S_ISDIR(info.st_mode)) return "is a directory, not a file";
    if (!S_ISREG(info.st_mode)) return "is not a regular file (a FIFO, device or socket)";
    if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
        return too_large(max_bytes);
    }
    return {};
}

// Closes the descriptor however the read ends.
class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

}  // namespace

std::expected<std::string, std::string> read_regular_file(const std::string& path, std::size_t max_bytes) {
    // stat before open: opening some devices has effects of its own.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return std::unexpected("no such file");
        return std::unexpected(std::string("cannot read file (") + std::strerror(errno) + ")");
    }
    if (auto problem = describe_kind(info, max_bytes); !problem.empty()) return std::unexpected(problem);
    // Non-blocking, in case the path was swapped for a FIFO since the stat.
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) return std::unexpected(std::string("cannot read file (") + std::strerror(errno) + ")");
    if (::fstat(fd.get(), &info) != 0) {
        return std::unexpected(std::string("cannot read file (") + std::strerror(errno) + ")");
    }
    if (auto problem = describe_kind(info, max_bytes); !problem.empty()) return std::unexpected(problem);
    std::string text(static_cast<std::size_t>(info.st_size) + 1, '\0');
    std::size_t used = 0;
    // One byte more than the cap tells a file that grew past it from one that did not.
    while (used < max_bytes + 1) {
        if (used == text.size()) text.resize(std::min(max_bytes + 1, text.size() * 2));
        const ssize_t got = ::read(fd.get(), text.data() + used, text.size() - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return std::unexpected(std::string("cannot read file (") + std::strerror(errno) + ")");
        if (got == 0) break;
        used += static_cast<std::size_t>(got);
    }
    if (used > max_bytes) {
        return std::unexpected(too_large(max_bytes));
    }
    text.resize(used);
    return text;
}

bool path_is_inside(const std::string& path, const std::string& root) {
    std::filesystem::path base(root);
    if (base.filename().empty() && base.has_parent_path()) base = base.parent_path();  // "/a/b/"
    const std::filesystem::path inner(path);
    const auto [end, unused] = std::mismatch(base.begin(), base.end(), inner.begin(), inner.end());
    return end == base.end();
}

FileKind file_kind_no_follow(const std::string& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return FileKind::missing;
    if (S_ISLNK(info.st_mode)) return FileKind::symlink;
    if (S_ISDIR(info.st_mode)) return FileKind::directory;
    if (S_ISREG(info.st_mode)) return FileKind::regular;
    return FileKind::special;
}

}  // namespace roles::util
