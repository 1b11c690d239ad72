#include "object_checks.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include "commit_reader.hpp"
#include "fastread/fastread.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

constexpr std::uint64_t k_fanout_bytes = std::uint64_t{256} * 4;
constexpr std::uint64_t k_checksums = std::uint64_t{2} * 20;
constexpr std::size_t k_chunk = std::size_t{64} * 1024;
constexpr std::size_t k_max_header = 32;  // "commit 18446744073709551615\0" fits

// A repository file in a message: quoted and printable, but whole (util::quoted cuts long
// values, and the file is what the user has to look at).
std::string quoted_path(const std::string& path) { return "'" + util::printable(path) + "'"; }

// A file descriptor closed on scope exit.
class File {
public:
    explicit File(const std::string& path) : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)) {}
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    File(File&&) = delete;
    File& operator=(File&&) = delete;
    ~File() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int fd() const { return m_fd; }

private:
    int m_fd;
};

std::uint32_t be32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

// Reads exactly `size` bytes at `offset`; false on a short read.
bool read_at(int fd, unsigned char* out, std::size_t size, std::uint64_t offset) {
    while (size > 0) {
        const ssize_t got = ::pread(fd, out, size, static_cast<off_t>(offset));
        if (got <= 0) return false;
        out += got;
        size -= static_cast<std::size_t>(got);
        offset += static_cast<std::uint64_t>(got);
    }
    return true;
}

// Every 32-bit offset with its top bit set must name an entry of the large-offset table.
std::optional<std::string> check_large_offsets(int fd, std::uint64_t table, std::uint64_t count, std::uint64_t large) {
    std::vector<unsigned char> chunk(k_chunk);
    for (std::uint64_t done = 0; done < count;) {
        const std::uint64_t entries = std::min<std::uint64_t>(count - done, k_chunk / 4);
        if (!read_at(fd, chunk.data(), entries * 4, table + done * 4)) return "the offset table is cut short";
        for (std::uint64_t i = 0; i < entries; ++i) {
            const std::uint32_t offset = be32(chunk.data() + i * 4);
            if ((offset & 0x8000'0000U) != 0 && (offset & 0x7fff'ffffU) >= large) {
                return "object " + std::to_string(done + i) + " has a large offset outside the table";
            }
        }
        done += entries;
    }
    return std::nullopt;
}

// What is wrong with one index, or nullopt.
std::optional<std::string> index_problem(const std::string& path) {
    File file(path);
    struct stat info {};
    if (file.fd() < 0 || ::fstat(file.fd(), &info) != 0) return "cannot be read";
    if (!S_ISREG(info.st_mode)) return "not a regular file";
    const auto size = static_cast<std::uint64_t>(info.st_size);
    std::array<unsigned char, 8 + k_fanout_bytes> head{};
    if (size < head.size() || !read_at(file.fd(), head.data(), head.size(), 0)) return "too short for a pack index";
    const bool v2 = std::memcmp(head.data(), "\377tOc", 4) == 0;
    if (v2 && be32(head.data() + 4) != 2) return "unsupported pack index version " + std::to_string(be32(head.data() + 4));
    const unsigned char* fanout = head.data() + (v2 ? 8 : 0);
    for (std::ptrdiff_t i = 1; i < 256; ++i) {
        if (be32(fanout + (i - 1) * 4) > be32(fanout + i * 4)) {
            return "fan-out entry " + std::to_string(i) + " is smaller than the one before it";
        }
    }
    const std::uint64_t count = be32(fanout + std::ptrdiff_t{255} * 4);
    if (!v2) {
        if (size != k_fanout_bytes + count * 24 + k_checksums) return "its size does not match its object count";
        return std::nullopt;
    }
    const std::uint64_t fixed = 8 + k_fanout_bytes + count * 28 + k_checksums;
    if (size < fixed || (size - fixed) % 8 != 0 || (size - fixed) / 8 > (count > 0 ? count - 1 : 0)) {
        return "its size does not match its object count (" + std::to_string(count) + ", from the last fan-out entry)";
    }
    return check_large_offsets(file.fd(), 8 + k_fanout_bytes + count * 24, count, (size - fixed) / 8);
}

// Inflates `fd` through a fixed buffer; the object's header is kept, the rest counted.
struct LooseContent {
    std::string header;
    std::uint64_t inflated = 0;
    int status = Z_OK;
};

std::optional<LooseContent> inflate_loose(int fd) {
    z_stream stream{};
    if (inflateInit_(&stream, ZLIB_VERSION, static_cast<int>(sizeof(z_stream))) != Z_OK) return std::nullopt;
    std::vector<unsigned char> input(k_chunk);
    std::vector<unsigned char> output(k_chunk);
    LooseContent content;
    while (content.status == Z_OK) {
        const ssize_t got = ::read(fd, input.data(), input.size());
        if (got <= 0) break;  // the stream did not end before the file did
        stream.next_in = input.data();
        stream.avail_in = static_cast<uInt>(got);
        while (stream.avail_in > 0 && content.status == Z_OK) {
            stream.next_out = output.data();
            stream.avail_out = static_cast<uInt>(output.size());
            content.status = ::inflate(&stream, Z_NO_FLUSH);
            const auto produced = output.size() - stream.avail_out;
            if (content.header.size() < k_max_header) {
                const std::size_t keep = std::min(produced, k_max_header - content.header.size());
                content.header.append(reinterpret_cast<const char*>(output.data()), keep);
            }
            content.inflated += produced;
            // No progress with room left is a damaged stream; with the output full, more room.
            if (content.status == Z_BUF_ERROR) content.status = stream.avail_out > 0 ? Z_DATA_ERROR : Z_OK;
        }
        if (content.status == Z_STREAM_END && stream.avail_in > 0) content.status = Z_DATA_ERROR;  // trailing bytes
    }
    inflateEnd(&stream);
    return content;
}

// The problem with an inflated loose object, or nullopt.
std::optional<std::string> loose_problem(const LooseContent& content) {
    if (content.status != Z_STREAM_END) return "its zlib stream is truncated or damaged";
    const auto nul = content.header.find('\0');
    const auto space = content.header.find(' ');
    if (nul == std::string::npos || space == std::string::npos || space > nul) return "its header is malformed";
    const std::string type = content.header.substr(0, space);
    if (type != "commit" && type != "tree" && type != "blob" && type != "tag") return "its type is unknown";
    std::uint64_t size = 0;
    for (std::size_t i = space + 1; i < nul; ++i) {
        const char digit = content.header[i];
        if (digit < '0' || digit > '9' || size > (std::uint64_t{1} << 60)) return "its size is malformed";
        size = size * 10 + static_cast<std::uint64_t>(digit - '0');
    }
    if (nul == space + 1) return "its size is malformed";
    if (content.inflated - (nul + 1) != size) {
        return "its header announces " + std::to_string(size) + " bytes but it holds " +
               std::to_string(content.inflated - (nul + 1));
    }
    return std::nullopt;
}

}  // namespace

util::Expected<void> check_pack_indexes(const std::string& objects_dir) {
    // The same listing as fastread::PackSet::open: every index mapped was checked here.
    for (const std::filesystem::path& index : fastread::list_pack_indexes(objects_dir)) {
        if (auto problem = index_problem(index.string())) {
            return util::fail(util::ErrorKind::input, "reading pack index " + quoted_path(index.string()),
                              *problem + ": the repository is damaged (git fsck reports it; a fresh clone repairs it)");
        }
    }
    return {};
}

util::Expected<void> check_loose_object(const std::string& objects_dir, const git_oid& id) {
    const std::string hex = to_hex(id);
    const std::string path = objects_dir + "/" + hex.substr(0, 2) + "/" + hex.substr(2);
    File file(path);
    if (file.fd() < 0) return {};  // not loose (or unreadable: libgit2 says so itself)
    struct stat info {};
    std::optional<std::string> problem;
    if (::fstat(file.fd(), &info) != 0 || !S_ISREG(info.st_mode)) {
        problem = "it is not a regular file";
    } else if (const auto content = inflate_loose(file.fd())) {
        problem = loose_problem(*content);
    }
    if (!problem) return {};
    return util::fail(util::ErrorKind::input, "reading object " + hex,
                      "loose object file " + quoted_path(path) + " is damaged: " + *problem);
}

bool is_partial_clone(git_repository* repo) {
    ConfigHandle config;
    if (git_repository_config_snapshot(out(config), repo) == 0) {
        git_buf value = GIT_BUF_INIT;
        const bool extension = git_config_get_string_buf(&value, config.get(), "extensions.partialclone") == 0;
        git_buf_dispose(&value);
        if (extension) return true;
        // Iterated rather than matched with git_config_foreach_match, whose regex (PCRE2 in
        // libgit2 1.5) leaks its match data on every call.
        bool promisor = false;
        git_config_iterator* entries = nullptr;
        if (git_config_iterator_new(&entries, config.get()) == 0) {
            git_config_entry* entry = nullptr;
            while (!promisor && git_config_next(&entry, entries) == 0) {
                const std::string_view name(entry->name);
                int enabled = 0;
                promisor = name.starts_with("remote.") && name.ends_with(".promisor") &&
                           git_config_parse_bool(&enabled, entry->value) == 0 && enabled != 0;
            }
            git_config_iterator_free(entries);
        }
        if (promisor) return true;
    }
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path packs = fs::path(git_repository_commondir(repo)) / "objects" / "pack";
    for (fs::directory_iterator it(packs, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".promisor") return true;
    }
    return false;
}

bool any_arrived(git_repository* repo, const std::vector<git_oid>& blobs) {
    if (blobs.empty()) return false;
    Handle<git_odb, git_odb_free> odb;
    if (git_repository_odb(out(odb), repo) < 0) return true;
    return std::ranges::any_of(blobs, [&odb](const git_oid& id) { return git_odb_exists(odb.get(), &id) == 1; });
}

}  // namespace roles::git
