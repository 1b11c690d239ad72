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

EntryKind kind_of(const git_tree_entry* entry) {
    switch (git_tree_entry_type(entry)) {
        case GIT_OBJECT_TREE: return EntryKind::tree;
        case GIT_OBJECT_BLOB: return EntryKind::blob;
        default: return EntryKind::other;  // submodule (commit) entries
    }
}

// git's own tree order (base_name_compare): names compare bytewise, a tree as if its name
// ended in '/'. Stored trees are sorted this way, so a merge join with the same order
// visits each name once. A file and a directory of the same name are different keys, which
// is also how git reports such a type change (the file deleted, the files below added).
int compare_entries(const git_tree_entry* a, const git_tree_entry* b) {
    const char* name_a = git_tree_entry_name(a);
    const char* name_b = git_tree_entry_name(b);
    const std::size_t length_a = std::strlen(name_a);
    const std::size_t length_b = std::strlen(name_b);
    const std::size_t common = std::min(length_a, length_b);
    if (const int order = std::memcmp(name_a, name_b, common); order != 0) return order;
    const auto next = [common](const char* name, std::size_t length, const git_tree_entry* e) {
        if (length > common) return static_cast<unsigned char>(name[common]);
        return static_cast<unsigned char>(kind_of(e) == EntryKind::tree ? '/' : '\0');
    };
    return static_cast<int>(next(name_a, length_a, a)) - static_cast<int>(next(name_b, length_b, b));
}

// One comparison; the path prefix is a single buffer grown and shrunk while recursing so
// that only emitted paths allocate.
class TreeComparer {
public:
    explicit TreeComparer(git_repository* repo) : m_repo(repo) {}

    util::Expected<void> compare(const git_tree* old_tree, const git_tree* new_tree);
    TreeDiff take() { return std::move(m_result); }

private:
    util::Expected<void> compare_pair(const git_tree_entry* old_entry, const git_tree_entry* new_entry);
    util::Expected<void> emit_entry(const git_tree_entry* entry, ChangeKind kind);
    util::Expected<void> emit_tree(const git_tree* tree, ChangeKind kind);
    util::Expected<void> descend(const git_tree_entry* old_entry, const git_tree_entry* new_entry);
    util::Expected<TreeHandle> lookup(const git_tree_entry* entry);
    void push(const git_tree_entry* entry, ChangeKind kind);

    git_repository* m_repo;
    std::string m_prefix;
    TreeDiff m_result;
};

std::size_t entry_count(const git_tree* tree) { return tree ? git_tree_entrycount(tree) : 0; }

util::Expected<void> TreeComparer::compare(const git_tree* old_tree, const git_tree* new_tree) {
    ++m_result.trees_compared;
    const std::size_t old_count = entry_count(old_tree);
    const std::size_t new_count = entry_count(new_tree);
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < old_count || j < new_count) {
        const git_tree_entry* a = i < old_count ? git_tree_entry_byindex(old_tree, i) : nullptr;
        const git_tree_entry* b = j < new_count ? git_tree_entry_byindex(new_tree, j) : nullptr;
        const int order = a == nullptr ? 1 : b == nullptr ? -1 : compare_entries(a, b);
        util::Expected<void> step;
        if (order < 0) {
            step = emit_entry(a, ChangeKind::deleted);
            ++i;
        } else if (order > 0) {
            step = emit_entry(b, ChangeKind::added);
            ++j;
        } else {
            step = compare_pair(a, b);
            ++i;
            ++j;
        }
        if (!step) return step;
    }
    return {};
}

util::Expected<void> TreeComparer::compare_pair(const git_tree_entry* old_entry,
                                                const git_tree_entry* new_entry) {
    const bool same_id = git_oid_equal(git_tree_entry_id(old_entry), git_tree_entry_id(new_entry));
    if (same_id && git_tree_entry_filemode(old_entry) == git_tree_entry_filemode(new_entry)) return {};
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

util::Expected<void> TreeComparer::descend(const git_tree_entry* old_entry,
                                           const git_tree_entry* new_entry) {
    auto old_tree = lookup(old_entry);
    if (!old_tree) return std::unexpected(old_tree.error());
    auto new_tree = lookup(new_entry);
    if (!new_tree) return std::unexpected(new_tree.error());
    if (!*old_tree || !*new_tree) return {};  // one side absent: nothing can be compared
    const std::size_t size = m_prefix.size();
    m_prefix.append(git_tree_entry_name(new_entry)).push_back('/');
    auto result = compare(old_tree->get(), new_tree->get());
    m_prefix.resize(size);
    return result;
}

util::Expected<void> TreeComparer::emit_entry(const git_tree_entry* entry, ChangeKind kind) {
    switch (kind_of(entry)) {
        case EntryKind::blob: push(entry, kind); return {};
        case EntryKind::other: return {};
        case EntryKind::tree: break;
    }
    auto tree = lookup(entry);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) return {};
    const std::size_t size = m_prefix.size();
    m_prefix.append(git_tree_entry_name(entry)).push_back('/');
    auto result = emit_tree(tree->get(), kind);
    m_prefix.resize(size);
    return result;
}

util::Expected<void> TreeComparer::emit_tree(const git_tree* tree, ChangeKind kind) {
    ++m_result.trees_compared;
    const std::size_t count = git_tree_entrycount(tree);
    for (std::size_t i = 0; i < count; ++i) {
        if (auto step = emit_entry(git_tree_entry_byindex(tree, i), kind); !step) return step;
    }
    return {};
}

// An absent tree (partial clone) yields a null handle and is counted, never an error.
util::Expected<TreeHandle> TreeComparer::lookup(const git_tree_entry* entry) {
    TreeHandle tree;
    const int rc = git_tree_lookup(out(tree), m_repo, git_tree_entry_id(entry));
    if (rc == GIT_ENOTFOUND) {
        ++m_result.missing_objects;
        return TreeHandle{};
    }
    if (rc < 0) {
        return util::fail(util::ErrorKind::input,
                          "reading tree " + util::quoted(m_prefix + git_tree_entry_name(entry)),
                          last_error_message());
    }
    return tree;
}

void TreeComparer::push(const git_tree_entry* entry, ChangeKind kind) {
    RawChange change;
    change.path = m_prefix + git_tree_entry_name(entry);
    change.kind = kind;
    git_oid_cpy(&change.blob, git_tree_entry_id(entry));
    m_result.changes.push_back(std::move(change));
}

std::string_view file_name(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

util::Expected<TreeDiff> diff_trees(git_repository* repo, const git_tree* old_tree,
                                    const git_tree* new_tree) {
    TreeComparer comparer(repo);
    if (auto compared = comparer.compare(old_tree, new_tree); !compared) {
        return std::unexpected(compared.error());
    }
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
