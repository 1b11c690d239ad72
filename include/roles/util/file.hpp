#pragma once
// Reading input files that may be hostile (README.md, "Untrusted input"): only regular files,
// never a blocking open, never more than a cap.

#include <cstddef>
#include <expected>
#include <string>

namespace roles::util {

/// Rosters, catalogs, automation lists and imported files are at most this large.
inline constexpr std::size_t k_max_input_file_bytes = std::size_t{16} << 20;

/// The bytes of the regular file at `path` (symbolic links followed), or why not, lowercase:
/// "no such file", "is a directory, not a file", "is not a regular file (a FIFO, device or
/// socket)", "is larger than 16 MiB (the limit for this kind of file)", "cannot read file
/// (REASON)". The file is opened non-blocking and checked with fstat before any read, so a
/// FIFO or device never blocks and /dev/zero is never read; at most `max_bytes` + 1 bytes
/// are read even when the file grows meanwhile.
[[nodiscard]] std::expected<std::string, std::string> read_regular_file(const std::string& path,
                                                                        std::size_t max_bytes = k_max_input_file_bytes);

/// True when `path` is `root` or lies below it, comparing path components (pass both made
/// canonical first: this does not look at the file system).
[[nodiscard]] bool path_is_inside(const std::string& path, const std::string& root);

/// What `path` is, without opening it (lstat: a symbolic link is a link).
enum class FileKind { missing, regular, directory, symlink, special };
[[nodiscard]] FileKind file_kind_no_follow(const std::string& path);

}  // namespace roles::util
