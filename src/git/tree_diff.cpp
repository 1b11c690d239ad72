#include "tree_diff.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "oid_map.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

enum class EntryKind { tree, blob, other };

constexpr std::uint32_t k_type_mask = 0170000;
constexpr std::uint32_t k_tree_mode = 0040000;
constexpr std::uint32_t k_gitlink_mode = 0160000;
constexpr std::uint32_t k_link_mode = 0120000;
constexpr std::uint32_t k_blob_mode = 0100644;
constexpr std::uint32_t k_executable_mode = 0100755;
constexpr std::size_t k_max_mode_digits = 7;

// One entry of a raw tree object: "<octal mode> <name>\0<20-byte id>".
struct TreeEntry {
    std::string_view name;
    const unsigned char* id = nullptr;
    std::uint32_t mode = 0;
};

EntryKind kind_of(const TreeEntry& entry) {
    switch (entry.mode & k_type_mask) {
        case k_tree_mode: return EntryKind::tree;
        case k_gitlink_mode: return EntryKind::other;  // submodule (commit) entries
        default: return EntryKind::blob;
    }
}

// libgit2's normalize_filemode, so that modes compare as they did through git_tree_entry_filemode.
std::uint32_t normalized_mode(std::uint32_t mode) {
    if ((mode & k_type_mask) == k_tree_mode) return k_tree_mode;
    if ((mode & 0100) != 0) return k_executable_mode;
    if ((mode & k_type_mask) == k_gitlink_mode) return k_gitlink_mode;
    if ((mode & k_type_mask) == k_link_mode) return k_link_mode;
    return k_blob_mode;
}

// Walks a raw tree's entries in stored order (git's tree order).
class EntryCursor {
public:
    explicit EntryCursor(const ObjectRef& tree)
        : m_begin(tree ? tree.data() : nullptr), m_position(m_begin), m_end(tree ? tree.data() + tree.size() : nullptr) {
        advance();
    }
    [[nodiscard]] bool at_end() const { return m_at_end; }
    [[nodiscard]] bool malformed() const { return m_malformed; }
    [[nodiscard]] const TreeEntry& entry() const { return m_entry; }
    /// Offset just past the current entry.
    [[nodiscard]] std::size_t entry_end() const { return static_cast<std::size_t>(m_position - m_begin); }
    /// Bytes from the start of the current entry to the end of the tree.
    [[nodiscard]] std::size_t remaining() const { return static_cast<std::size_t>(m_end - m_entry_start); }

    void advance() {
        m_entry_start = m_position;
        if (m_position == m_end) {
            m_at_end = true;
            return;
        }
        if (!parse()) {
            m_malformed = true;
            m_at_end = true;
        }
    }
    /// Continues at `offset`, which must be where an entry starts.
    void jump_to(std::size_t offset) {
        m_position = m_begin + offset;
        advance();
    }

private:
    bool parse() {
        std::uint32_t mode = 0;
        std::size_t digits = 0;
        while (m_position < m_end && *m_position != ' ') {
            if (*m_position < '0' || *m_position > '7' || ++digits > k_max_mode_digits) return false;
            mode = mode * 8 + static_cast<std::uint32_t>(*m_position++ - '0');
        }
        if (digits == 0 || m_position == m_end) return false;
        const unsigned char* name = ++m_position;
        const auto* nul = static_cast<const unsigned char*>(std::memchr(name, '\0', static_cast<std::size_t>(m_end - name)));
        if (nul == nullptr || nul == name || static_cast<std::size_t>(m_end - nul) < 1 + GIT_OID_RAWSZ) return false;
        m_entry = TreeEntry{std::string_view(reinterpret_cast<const char*>(name), static_cast<std::size_t>(nul - name)),
                            nul + 1, mode};
        m_position = nul + 1 + GIT_OID_RAWSZ;
        return true;
    }

    const unsigned char* m_begin;
    const unsigned char* m_position;
    const unsigned char* m_end;
    const unsigned char* m_entry_start = nullptr;
    TreeEntry m_entry;
    bool m_at_end = false;
    bool m_malformed = false;
};

// Length of the common prefix of two buffers, eight bytes at a time.
std::size_t common_prefix(const unsigned char* a, const unsigned char* b, std::size_t size) {
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y) break;
    }
    while (i < size && a[i] == b[i]) ++i;
    return i;
}

// Length of the common suffix of a[0, size_a) and b[0, size_b), at most `limit`.
std::size_t common_suffix(const unsigned char* a, std::size_t size_a, const unsigned char* b, std::size_t size_b,
                          std::size_t limit) {
    std::size_t n = 0;
    for (; n + 8 <= limit; n += 8) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, a + size_a - n - 8, 8);
        std::memcpy(&y, b + size_b - n - 8, 8);
        if (x != y) break;
    }
    while (n < limit && a[size_a - n - 1] == b[size_b - n - 1]) ++n;
    return n;
}

// git's own tree order (base_name_compare): names compare bytewise, a tree as if its name
// ended in '/'. Stored trees are sorted this way, so a merge join with the same order
// visits each name once. A file and a directory of the same name are different keys, which
// is also how git reports such a type change (the file deleted, the files below added).
int compare_entries(const TreeEntry& a, const TreeEntry& b) {
    const std::size_t common = std::min(a.name.size(), b.name.size());
    if (const int order = std::memcmp(a.name.data(), b.name.data(), common); order != 0) return order;
    const auto next = [common](const TreeEntry& entry) {
        if (entry.name.size() > common) return static_cast<unsigned char>(entry.name[common]);
        return static_cast<unsigned char>(kind_of(entry) == EntryKind::tree ? '/' : '\0');
    };
    return static_cast<int>(next(a)) - static_cast<int>(next(b));
}

git_oid to_oid(const unsigned char* id) {
    git_oid oid;
    std::memcpy(oid.id, id, GIT_OID_RAWSZ);
    return oid;
}

// One comparison; the path prefix is a single buffer grown and shrunk while recursing so
// that only emitted paths allocate.
class TreeComparer {
public:
    explicit TreeComparer(ObjectSource& source) : m_source(source) {}

    util::Expected<void> compare(const ObjectRef& old_tree, const ObjectRef& new_tree);
    TreeDiff take() { return std::move(m_result); }

private:
    util::Expected<void> step(EntryCursor& old_entries, EntryCursor& new_entries);
    util::Expected<void> compare_pair(const TreeEntry& old_entry, const TreeEntry& new_entry);
    util::Expected<void> emit_entry(const TreeEntry& entry, ChangeKind kind);
    util::Expected<void> emit_tree(const ObjectRef& tree, ChangeKind kind);
    util::Expected<void> descend(const TreeEntry& old_entry, const TreeEntry& new_entry);
    util::Expected<ObjectRef> lookup(const TreeEntry& entry);
    util::Error malformed() const;
    void push(const TreeEntry& entry, ChangeKind kind);

    ObjectSource& m_source;
    std::string m_prefix;
    TreeDiff m_result;
};

// Identical entries are identical bytes, and a commit changes few entries of a tree, so
// the byte-identical head and tail of the two trees are skipped without comparing entries
// (a flat directory of hundreds of files would otherwise be compared in full each commit).
util::Expected<void> TreeComparer::compare(const ObjectRef& old_tree, const ObjectRef& new_tree) {
    ++m_result.trees_compared;
    EntryCursor old_entries(old_tree);
    EntryCursor new_entries(new_tree);
    std::size_t tail = 0;
    if (old_tree && new_tree) {
        const std::size_t shorter = std::min(old_tree.size(), new_tree.size());
        const std::size_t head = common_prefix(old_tree.data(), new_tree.data(), shorter);
        tail = common_suffix(old_tree.data(), old_tree.size(), new_tree.data(), new_tree.size(), shorter - head);
        while (!old_entries.at_end() && old_entries.entry_end() <= head) old_entries.advance();
        // Where old's current entry starts is at most `head`, so new has the same entry
        // boundary there.
        if (!old_entries.malformed()) new_entries.jump_to(old_tree.size() - old_entries.remaining());
    }
    while (!old_entries.at_end() || !new_entries.at_end()) {
        // The rest of both trees is the same bytes: nothing else differs.
        const std::size_t rest = old_entries.remaining();
        if (rest > 0 && rest == new_entries.remaining() && rest <= tail) break;
        if (auto stepped = step(old_entries, new_entries); !stepped) return stepped;
    }
    if (old_entries.malformed() || new_entries.malformed()) return std::unexpected(malformed());
    return {};
}

// Consumes the smaller entry (or both when the names match).
util::Expected<void> TreeComparer::step(EntryCursor& old_entries, EntryCursor& new_entries) {
    const int order = old_entries.at_end()   ? 1
                      : new_entries.at_end() ? -1
                                             : compare_entries(old_entries.entry(), new_entries.entry());
    util::Expected<void> result;
    if (order < 0) {
        result = emit_entry(old_entries.entry(), ChangeKind::deleted);
        old_entries.advance();
    } else if (order > 0) {
        result = emit_entry(new_entries.entry(), ChangeKind::added);
        new_entries.advance();
    } else {
        result = compare_pair(old_entries.entry(), new_entries.entry());
        old_entries.advance();
        new_entries.advance();
    }
    return result;
}

util::Expected<void> TreeComparer::compare_pair(const TreeEntry& old_entry, const TreeEntry& new_entry) {
    const bool same_id = std::memcmp(old_entry.id, new_entry.id, GIT_OID_RAWSZ) == 0;
    if (same_id && normalized_mode(old_entry.mode) == normalized_mode(new_entry.mode)) return {};
    const EntryKind old_kind = kind_of(old_entry);
    const EntryKind new_kind = kind_of(new_entry);
    if (old_kind == EntryKind::tree && new_kind == EntryKind::tree) return descend(old_entry, new_entry);
    if (old_kind == EntryKind::blob && new_kind == EntryKind::blob) {
        push(new_entry, ChangeKind::modified);
        return {};
    }
    // A blob replaced by a submodule or back: only the blob side is a file change.
    if (auto deleted = emit_entry(old_entry, ChangeKind::deleted); !deleted) return deleted;
    return emit_entry(new_entry, ChangeKind::added);
}

util::Expected<void> TreeComparer::descend(const TreeEntry& old_entry, const TreeEntry& new_entry) {
    auto old_tree = lookup(old_entry);
    if (!old_tree) return std::unexpected(old_tree.error());
    auto new_tree = lookup(new_entry);
    if (!new_tree) return std::unexpected(new_tree.error());
    if (!*old_tree || !*new_tree) return {};  // one side absent: nothing can be compared
    const std::size_t size = m_prefix.size();
    m_prefix.append(new_entry.name).push_back('/');
    auto result = compare(*old_tree, *new_tree);
    m_prefix.resize(size);
    return result;
}

util::Expected<void> TreeComparer::emit_entry(const TreeEntry& entry, ChangeKind kind) {
    switch (kind_of(entry)) {
        case EntryKind::blob: push(entry, kind); return {};
        case EntryKind::other: return {};
        case EntryKind::tree: break;
    }
    auto tree = lookup(entry);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) return {};
    const std::size_t size = m_prefix.size();
    m_prefix.append(entry.name).push_back('/');
    auto result = emit_tree(*tree, kind);
    m_prefix.resize(size);
    return result;
}

util::Expected<void> TreeComparer::emit_tree(const ObjectRef& tree, ChangeKind kind) {
    ++m_result.trees_compared;
    EntryCursor entries(tree);
    for (; !entries.at_end(); entries.advance()) {
        if (auto emitted = emit_entry(entries.entry(), kind); !emitted) return emitted;
    }
    if (entries.malformed()) return std::unexpected(malformed());
    return {};
}

// An absent tree (partial clone) yields null and is counted, never an error.
util::Expected<ObjectRef> TreeComparer::lookup(const TreeEntry& entry) {
    auto tree = m_source.tree(to_oid(entry.id));
    if (!tree) {
        return util::fail(util::ErrorKind::input, "reading tree " + util::quoted(m_prefix + std::string(entry.name)),
                          tree.error().cause);
    }
    if (!*tree) ++m_result.missing_objects;
    return tree;
}

util::Error TreeComparer::malformed() const {
    return util::Error{util::ErrorKind::input,
                       "reading tree " + util::quoted(m_prefix.empty() ? std::string("/") : m_prefix),
                       "malformed tree object", {}};
}

void TreeComparer::push(const TreeEntry& entry, ChangeKind kind) {
    RawChange change;
    change.path.reserve(m_prefix.size() + entry.name.size());
    change.path.append(m_prefix).append(entry.name);
    change.kind = kind;
    change.mode = normalized_mode(entry.mode);
    std::memcpy(change.blob.id, entry.id, GIT_OID_RAWSZ);
    m_result.changes.push_back(std::move(change));
}

std::string_view file_name(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

util::Expected<TreeDiff> diff_trees(ObjectSource& source, const ObjectRef& old_tree, const ObjectRef& new_tree) {
    TreeComparer comparer(source);
    if (auto compared = comparer.compare(old_tree, new_tree); !compared) return std::unexpected(compared.error());
    return comparer.take();
}

namespace {

using DeletedByBlob = OidMap<std::vector<std::size_t>>;

// The deleted change to pair with `added`: one with the same file name if any, else the
// first; nullopt when none is left.
std::optional<std::size_t> take_rename_source(std::vector<std::size_t>& candidates,
                                              const std::vector<RawChange>& changes,
                                              const RawChange& added) {
    if (candidates.empty()) return std::nullopt;
    auto chosen = std::find_if(candidates.begin(), candidates.end(), [&](std::size_t index) {
        return file_name(changes[index].path) == file_name(added.path);
    });
    if (chosen == candidates.end()) chosen = candidates.begin();
    const std::size_t index = *chosen;
    candidates.erase(chosen);
    return index;
}

}  // namespace

void pair_exact_renames(std::vector<RawChange>& changes) {
    DeletedByBlob deleted;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (changes[i].kind == ChangeKind::deleted) deleted[changes[i].blob].push_back(i);
    }
    if (deleted.empty()) return;
    std::vector<bool> consumed(changes.size(), false);
    for (auto& change : changes) {
        if (change.kind != ChangeKind::added) continue;
        const auto found = deleted.find(change.blob);
        if (found == deleted.end()) continue;
        const auto source = take_rename_source(found->second, changes, change);
        if (!source) continue;
        change.kind = ChangeKind::renamed;
        change.old_path = changes[*source].path;
        consumed[*source] = true;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (consumed[i]) continue;
        if (kept != i) changes[kept] = std::move(changes[i]);
        ++kept;
    }
    changes.resize(kept);
}

}  // namespace roles::git
