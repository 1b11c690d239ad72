#include "tree_diff.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "commit_reader.hpp"
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
        const std::string_view text(reinterpret_cast<const char*>(name), static_cast<std::size_t>(nul - name));
        // git never writes such names (fsck: fullPathname, hasDot, hasDotdot); accepted, they
        // would make paths such as "/x" or "a/../b" that name no file of the tree.
        if (text.find('/') != std::string_view::npos || text == "." || text == "..") return false;
        m_entry = TreeEntry{text, nul + 1, mode};
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

// One comparison, walked with an explicit stack of frames (one per directory level) rather
// than by recursion, so that a tree thousands of directories deep, which a pull request can
// add, costs memory in proportion and never the thread's stack. The path prefix is a single
// buffer grown and shrunk with the stack so that only emitted paths allocate.
class TreeComparer {
public:
    explicit TreeComparer(ObjectSource& source) : m_source(source) {}

    util::Expected<void> compare(const ObjectRef& old_tree, const ObjectRef& new_tree);
    TreeDiff take() { return std::move(m_result); }

private:
    // Ids on the current path are scanned directly up to this depth and looked up in a set
    // beyond it, so that the cycle check stays linear for deep trees.
    static constexpr std::size_t k_scanned_depth = 64;
    enum class Side : std::uint8_t { old_side = 0, new_side = 1 };

    // One directory level: either two trees compared, or one tree whose blobs are all
    // emitted with `kind` (added or deleted).
    struct Frame {
        Frame(const ObjectRef& old_side, const ObjectRef& new_side)
            : old_tree(old_side), new_tree(new_side), old_entries(old_tree), new_entries(new_tree) {}
        ObjectRef old_tree;
        ObjectRef new_tree;
        EntryCursor old_entries;
        EntryCursor new_entries;
        std::size_t tail = 0;         ///< bytes at the end both trees share
        std::size_t prefix_size = 0;  ///< m_prefix's size to restore when the frame ends
        git_oid ids[2]{};             ///< the trees' ids (zero: none), by Side
        bool emitting = false;
        ChangeKind kind = ChangeKind::added;
    };

    static Frame pair_frame(const ObjectRef& old_tree, const ObjectRef& new_tree);
    util::Expected<void> run();
    [[nodiscard]] bool finished(const Frame& frame) const;
    util::Expected<void> step(Frame& frame);
    util::Expected<void> compare_pair(const TreeEntry& old_entry, const TreeEntry& new_entry);
    util::Expected<void> emit_entry(const TreeEntry& entry, ChangeKind kind);
    util::Expected<void> descend(const TreeEntry& old_entry, const TreeEntry& new_entry);
    util::Expected<ObjectRef> lookup(const TreeEntry& entry);
    util::Expected<void> enter(const TreeEntry& entry, Frame frame);
    [[nodiscard]] bool on_path(Side side, const git_oid& id) const;
    void leave();
    util::Error malformed() const;
    void push(const TreeEntry& entry, ChangeKind kind);

    ObjectSource& m_source;
    std::string m_prefix;
    std::vector<Frame> m_stack;
    OidMap<std::uint32_t> m_deep_ids[2];  ///< ids of frames beyond k_scanned_depth, by Side
    TreeDiff m_result;
};

util::Expected<void> TreeComparer::compare(const ObjectRef& old_tree, const ObjectRef& new_tree) {
    ++m_result.trees_compared;
    m_stack.push_back(pair_frame(old_tree, new_tree));
    m_stack.back().prefix_size = m_prefix.size();
    return run();
}

// Identical entries are identical bytes, and a commit changes few entries of a tree, so
// the byte-identical head and tail of the two trees are skipped without comparing entries
// (a flat directory of hundreds of files would otherwise be compared in full each commit).
TreeComparer::Frame TreeComparer::pair_frame(const ObjectRef& old_tree, const ObjectRef& new_tree) {
    Frame frame(old_tree, new_tree);
    if (old_tree && new_tree) {
        const std::size_t shorter = std::min(old_tree.size(), new_tree.size());
        const std::size_t head = common_prefix(old_tree.data(), new_tree.data(), shorter);
        frame.tail = common_suffix(old_tree.data(), old_tree.size(), new_tree.data(), new_tree.size(), shorter - head);
        while (!frame.old_entries.at_end() && frame.old_entries.entry_end() <= head) frame.old_entries.advance();
        // Where old's current entry starts is at most `head`, so new has the same entry
        // boundary there.
        if (!frame.old_entries.malformed()) frame.new_entries.jump_to(old_tree.size() - frame.old_entries.remaining());
    }
    return frame;
}

util::Expected<void> TreeComparer::run() {
    while (!m_stack.empty()) {
        Frame& frame = m_stack.back();
        if (!finished(frame)) {
            // May push a frame: `frame` is not used after this call.
            if (auto stepped = step(frame); !stepped) return stepped;
            continue;
        }
        if (frame.old_entries.malformed() || frame.new_entries.malformed()) return std::unexpected(malformed());
        leave();
    }
    return {};
}

bool TreeComparer::finished(const Frame& frame) const {
    if (frame.old_entries.at_end() && frame.new_entries.at_end()) return true;
    // The rest of both trees is the same bytes: nothing else differs.
    const std::size_t rest = frame.old_entries.remaining();
    return !frame.emitting && rest > 0 && rest == frame.new_entries.remaining() && rest <= frame.tail;
}

// Consumes the smaller entry (or both when the names match). The entries are copied and
// the cursors advanced first: handling an entry may push a frame (and move this one).
util::Expected<void> TreeComparer::step(Frame& frame) {
    EntryCursor& old_entries = frame.old_entries;
    EntryCursor& new_entries = frame.new_entries;
    if (frame.emitting) {
        const TreeEntry entry = new_entries.entry();
        const ChangeKind kind = frame.kind;
        new_entries.advance();
        return emit_entry(entry, kind);
    }
    const int order = old_entries.at_end()   ? 1
                      : new_entries.at_end() ? -1
                                             : compare_entries(old_entries.entry(), new_entries.entry());
    if (order < 0) {
        const TreeEntry entry = old_entries.entry();
        old_entries.advance();
        return emit_entry(entry, ChangeKind::deleted);
    }
    if (order > 0) {
        const TreeEntry entry = new_entries.entry();
        new_entries.advance();
        return emit_entry(entry, ChangeKind::added);
    }
    const TreeEntry old_entry = old_entries.entry();
    const TreeEntry new_entry = new_entries.entry();
    old_entries.advance();
    new_entries.advance();
    return compare_pair(old_entry, new_entry);
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
    // A blob replaced by a submodule or back: only the blob side is a file change. (A tree
    // never pairs with a non-tree: compare_entries orders them as different names.)
    if (auto deleted = emit_entry(old_entry, ChangeKind::deleted); !deleted) return deleted;
    return emit_entry(new_entry, ChangeKind::added);
}

util::Expected<void> TreeComparer::descend(const TreeEntry& old_entry, const TreeEntry& new_entry) {
    auto old_tree = lookup(old_entry);
    if (!old_tree) return std::unexpected(old_tree.error());
    auto new_tree = lookup(new_entry);
    if (!new_tree) return std::unexpected(new_tree.error());
    if (!*old_tree || !*new_tree) return {};  // one side absent: nothing can be compared
    ++m_result.trees_compared;
    Frame frame = pair_frame(*old_tree, *new_tree);
    std::memcpy(frame.ids[0].id, old_entry.id, GIT_OID_RAWSZ);
    std::memcpy(frame.ids[1].id, new_entry.id, GIT_OID_RAWSZ);
    return enter(new_entry, std::move(frame));
}

// A blob is emitted at once; a tree becomes a frame that emits its blobs.
util::Expected<void> TreeComparer::emit_entry(const TreeEntry& entry, ChangeKind kind) {
    switch (kind_of(entry)) {
        case EntryKind::blob: push(entry, kind); return {};
        case EntryKind::other: return {};
        case EntryKind::tree: break;
    }
    auto tree = lookup(entry);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) return {};
    ++m_result.trees_compared;
    ObjectRef ref = std::move(*tree);
    Frame frame(ObjectRef{}, ref);
    frame.emitting = true;
    frame.kind = kind;
    std::memcpy(frame.ids[kind == ChangeKind::deleted ? 0 : 1].id, entry.id, GIT_OID_RAWSZ);
    return enter(entry, std::move(frame));
}

// Pushes the frame of directory `entry`, unless one of its trees is already on the path:
// a tree that contains itself (object ids are not verified on the fast path, so a crafted
// object is read as given) would otherwise be walked without end.
util::Expected<void> TreeComparer::enter(const TreeEntry& entry, Frame frame) {
    for (const Side side : {Side::old_side, Side::new_side}) {
        const git_oid& id = frame.ids[static_cast<int>(side)];
        if (git_oid_is_zero(&id) == 0 && on_path(side, id)) {
            return util::fail(util::ErrorKind::input,
                              "reading tree " + util::quoted(m_prefix + std::string(entry.name) + "/"),
                              "tree " + to_hex(id) + " contains itself (a cycle of trees): the repository is damaged");
        }
    }
    frame.prefix_size = m_prefix.size();
    m_prefix.append(entry.name).push_back('/');
    if (m_stack.size() >= k_scanned_depth) {
        for (const Side side : {Side::old_side, Side::new_side}) {
            const git_oid& id = frame.ids[static_cast<int>(side)];
            if (git_oid_is_zero(&id) == 0) ++m_deep_ids[static_cast<int>(side)][id];
        }
    }
    m_stack.push_back(std::move(frame));
    return {};
}

bool TreeComparer::on_path(Side side, const git_oid& id) const {
    const int index = static_cast<int>(side);
    const std::size_t scanned = std::min(m_stack.size(), k_scanned_depth);
    for (std::size_t i = 0; i < scanned; ++i) {
        if (git_oid_equal(&m_stack[i].ids[index], &id) != 0) return true;
    }
    return m_deep_ids[index].contains(id);
}

void TreeComparer::leave() {
    Frame& frame = m_stack.back();
    m_prefix.resize(frame.prefix_size);
    if (m_stack.size() > k_scanned_depth) {
        for (int side = 0; side < 2; ++side) {
            const auto found = m_deep_ids[side].find(frame.ids[side]);
            if (found != m_deep_ids[side].end() && --found->second == 0) m_deep_ids[side].erase(found);
        }
    }
    m_stack.pop_back();
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
