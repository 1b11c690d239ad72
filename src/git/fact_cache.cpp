#include "fact_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>

#include <fmt/format.h>

#include "cache_file.hpp"
#include "commit_reader.hpp"
#include "roles/util/parallel.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_prefix = "facts-";
constexpr std::string_view k_suffix = ".bin";
constexpr std::string_view k_temporary_prefix = ".tmp-";
constexpr std::string_view k_tree_prefix = "tree-";
constexpr std::string_view k_order_prefix = "order-";
// More files than this cost more to open than one rewrite saves.
constexpr std::size_t k_max_files = 8;
// A save writes at most this many parts: enough to keep two to four threads busy, few
// enough to leave room for the files of later runs.
constexpr std::size_t k_max_parts = 4;
// A temporary file this old belongs to a run that died; a live run writes in well under it.
constexpr auto k_abandoned_after = std::chrono::hours(1);

bool is_cache_file(const std::string& name) {
    return name.size() > k_prefix.size() + k_suffix.size() && name.starts_with(k_prefix) && name.ends_with(k_suffix);
}

std::string random_hex() {
    std::random_device device;
    const std::uint64_t value = (std::uint64_t{device()} << 32) ^ device() ^
                                static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    return fmt::format("{:016x}", value);
}

// A damaged file is worth a warning (it is rewritten later), and so are a file written for
// another key and a FIFO or device in a cache file's place; stale or missing ones are not.
void warn_if_damaged(const std::string& path, CacheFileStatus status, const std::string& problem,
                     std::vector<std::string>& warnings) {
    const std::string file = "history cache file " + util::quoted(path);
    switch (status) {
        case CacheFileStatus::corrupt:
            warnings.push_back(file + " is damaged (" + problem + "); it was ignored and will be rebuilt");
            return;
        case CacheFileStatus::foreign:
            warnings.push_back(file + " belongs to something else (" + problem +
                               "); it was ignored (give each repository its own --cache-dir)");
            return;
        case CacheFileStatus::special:
            warnings.push_back(file + " is not a regular file (a FIFO, device or socket); it was skipped unread");
            return;
        case CacheFileStatus::ok:
        case CacheFileStatus::missing:
        case CacheFileStatus::stale: return;
    }
}

// The name of the file of one tree or tip: `prefix`, the id in hex, the suffix.
std::string file_name(std::string_view prefix, const git_oid& id) {
    return fmt::format("{}{}{}", prefix, to_hex(id), k_suffix);
}

std::vector<std::string> list_cache_files(const std::string& dir) {
    std::vector<std::string> paths;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (is_cache_file(name)) paths.push_back(it->path().string());
    }
    // Content is keyed by commit id, so the order only makes runs repeatable.
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace

FactCache FactCache::open(std::string dir, std::string tool_version, std::string repository, unsigned threads,
                          std::vector<std::string>& warnings) {
    FactCache cache(std::move(dir), std::move(tool_version), std::move(repository));
    const std::vector<std::string> paths = list_cache_files(cache.m_dir);
    // Decoding is most of a warm run's loading, and files are independent: one per thread.
    std::vector<CacheFileContents> contents(paths.size());
    util::for_each_index(paths.size(), threads,
                         [&](std::size_t i) {
        contents[i] = read_cache_file(paths[i], cache.m_tool_version, cache.m_repository);
    });
    std::size_t commits = 0;
    for (const CacheFileContents& file : contents) commits += file.store.commits().size();
    cache.m_index.reserve(commits);
    for (std::size_t i = 0; i < paths.size(); ++i) cache.add_file(paths[i], std::move(contents[i]), warnings);
    return cache;
}

void FactCache::add_file(const std::string& path, CacheFileContents&& contents, std::vector<std::string>& warnings) {
    switch (contents.status) {
        case CacheFileStatus::missing: return;  // removed by a concurrent run meanwhile
        case CacheFileStatus::stale:
            m_paths.push_back(path);
            m_must_compact = true;
            return;
        case CacheFileStatus::corrupt:
            m_paths.push_back(path);
            m_must_compact = true;
            warn_if_damaged(path, contents.status, contents.problem, warnings);
            return;
        case CacheFileStatus::foreign:
        case CacheFileStatus::special:
            // Not ours to remove: another repository's file, or something put there on purpose.
            warn_if_damaged(path, contents.status, contents.problem, warnings);
            return;
        case CacheFileStatus::ok: break;
    }
    m_paths.push_back(path);
    ++m_files_read;
    m_bytes_read += contents.bytes;
    auto store = std::make_unique<FactStore>(std::move(contents.store));
    for (std::size_t i = 0; i < store->commits().size(); ++i) {
        m_index.insert(store->commits()[i].id, FactRef{store.get(), i});
    }
    m_stores.push_back(std::move(store));
}

std::size_t FactCache::part_count(std::size_t commits) const {
    return std::clamp<std::size_t>((commits + m_part_commits - 1) / m_part_commits, 1, k_max_parts);
}

std::string FactCache::key_of(std::string_view what, const git_oid& id) const {
    return fmt::format("{} {} {}", m_repository, what, to_hex(id));
}

FactRef FactCache::find(const git_oid& id) const {
    const FactRef* found = m_index.find(id);
    return found == nullptr ? FactRef{} : *found;
}

void FactCache::save(const std::vector<FactRef>& reached, const std::vector<FactRef>& fresh,
                     std::vector<std::string>& warnings) {
    const std::size_t cached_reached = reached.size() - fresh.size();
    // Most of what the files hold is unreachable now: history was rewritten.
    const bool mostly_garbage = m_index.size() > 2 * cached_reached + 1024;
    const bool too_many = m_paths.size() + (fresh.empty() ? 0 : part_count(fresh.size())) > k_max_files;
    if (m_must_compact || too_many || mostly_garbage) {
        if (write_parts(reached, warnings)) remove_read_files();
    } else if (!fresh.empty()) {
        write_parts(fresh, warnings);
    }
}

// A whole history is written as a few files of consecutive commits, so that the next run
// can decode them on as many threads. Until the last part is written the files read remain,
// and every part is correct on its own (facts are keyed by commit id), so a run killed
// half-way leaves a cache that is only incomplete.
bool FactCache::write_parts(const std::vector<FactRef>& commits, std::vector<std::string>& warnings) {
    if (commits.empty()) return write_file(commits, warnings);
    const std::size_t parts = part_count(commits.size());
    const std::size_t per_part = (commits.size() + parts - 1) / parts;
    for (std::size_t begin = 0; begin < commits.size(); begin += per_part) {
        const std::size_t end = std::min(commits.size(), begin + per_part);
        const std::vector<FactRef> part(commits.begin() + static_cast<std::ptrdiff_t>(begin),
                                        commits.begin() + static_cast<std::ptrdiff_t>(end));
        if (!write_file(part, warnings)) return false;
    }
    return true;
}

bool FactCache::write_file(const std::vector<FactRef>& commits, std::vector<std::string>& warnings) {
    const std::string final_path = (fs::path(m_dir) / fmt::format("{}{}{}", k_prefix, random_hex(), k_suffix)).string();
    const auto write = [&](const std::string& path) {
        return write_cache_file(path, commits, m_tool_version, m_repository);
    };
    if (!write_atomically(final_path, write, warnings)) return false;
    remove_abandoned_temporaries();
    return true;
}

// Written under a temporary name and renamed: readers see the whole file or nothing.
bool FactCache::write_atomically(const std::string& final_path, const FileWriter& write,
                                 std::vector<std::string>& warnings) {
    if (m_write_failed) return false;  // one warning per run is enough
    std::error_code error;
    fs::create_directories(m_dir, error);
    const std::string temporary =
        (fs::path(m_dir) / fmt::format("{}{}-{}", k_temporary_prefix, ::getpid(), random_hex())).string();
    std::optional<std::uint64_t> written;
    if (!error) written = write(temporary);
    if (!written || std::rename(temporary.c_str(), final_path.c_str()) != 0) {
        std::remove(temporary.c_str());
        m_write_failed = true;
        warnings.push_back("cannot write the history cache in " + util::quoted(m_dir) +
                           "; the next run will read history again (use --cache-dir or --no-cache)");
        return false;
    }
    m_bytes_written += *written;
    return true;
}

std::optional<std::vector<std::string>> FactCache::tree_files(const git_oid& tree, std::vector<std::string>& warnings) {
    const std::string path = (fs::path(m_dir) / file_name(k_tree_prefix, tree)).string();
    auto contents = read_tree_file(path, m_tool_version, key_of("tree", tree));
    warn_if_damaged(path, contents.status, contents.problem, warnings);
    if (contents.status != CacheFileStatus::ok) return std::nullopt;
    m_bytes_read += contents.bytes;
    return std::move(contents.items);
}

void FactCache::save_tree_files(const git_oid& tree, const std::vector<std::string>& paths,
                                std::vector<std::string>& warnings) {
    const std::string name = file_name(k_tree_prefix, tree);
    const auto write = [&](const std::string& path) {
        return write_tree_file(path, paths, m_tool_version, key_of("tree", tree));
    };
    if (!write_atomically((fs::path(m_dir) / name).string(), write, warnings)) return;
    // Only the listing of the tree just loaded is worth keeping.
    remove_other(k_tree_prefix, name);
}

std::optional<std::vector<FactRef>> FactCache::ordered_history(const git_oid& tip, std::vector<std::string>& warnings) {
    const std::string path = (fs::path(m_dir) / file_name(k_order_prefix, tip)).string();
    auto contents = read_order_file(path, m_tool_version, key_of("tip", tip));
    warn_if_damaged(path, contents.status, contents.problem, warnings);
    if (contents.status != CacheFileStatus::ok) return std::nullopt;
    m_bytes_read += contents.bytes;
    std::vector<FactRef> ordered;
    ordered.reserve(contents.items.size());
    for (const git_oid& id : contents.items) {
        // Facts removed since (another run compacted the cache) mean walking after all.
        const FactRef* found = m_index.find(id);
        if (found == nullptr) return std::nullopt;
        ordered.push_back(*found);
    }
    return ordered;
}

void FactCache::save_order(const git_oid& tip, const std::vector<git_oid>& order, std::vector<std::string>& warnings) {
    const std::string name = file_name(k_order_prefix, tip);
    const auto write = [&](const std::string& path) {
        return write_order_file(path, order, m_tool_version, key_of("tip", tip));
    };
    if (!write_atomically((fs::path(m_dir) / name).string(), write, warnings)) return;
    remove_other(k_order_prefix, name);
}

void FactCache::remove_other(std::string_view prefix, const std::string& keep) const {
    std::error_code error;
    for (fs::directory_iterator it(m_dir, error), end; !error && it != end; it.increment(error)) {
        const std::string other = it->path().filename().string();
        std::error_code ignored;
        if (other.starts_with(prefix) && other != keep) fs::remove(it->path(), ignored);
    }
}

void FactCache::remove_read_files() const {
    // A file another run removed first is simply gone; nothing to report.
    for (const std::string& path : m_paths) std::remove(path.c_str());
}

void FactCache::remove_abandoned_temporaries() const {
    std::error_code error;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(m_dir, error), end; !error && it != end; it.increment(error)) {
        if (!it->path().filename().string().starts_with(k_temporary_prefix)) continue;
        std::error_code time_error;
        const auto written = fs::last_write_time(it->path(), time_error);
        if (!time_error && now - written > k_abandoned_after) fs::remove(it->path(), time_error);
    }
}

}  // namespace roles::git
