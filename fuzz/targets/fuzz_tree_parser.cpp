// libFuzzer target: raw tree objects and their comparison (tree_diff.cpp). The input is a
// two-byte length, an old tree, then a new tree, compared as a commit's trees are. Entries
// may name the scratch repository's few loose trees (ids 01…01 to 04…04, one of them
// listing itself, one a chain), so subtrees are read and walked too; other ids are absent
// (the repository is marked a partial clone, so they are counted, not errors). Checked:
// a tree compared with itself has no changes, every change has a non-empty path that
// starts with no '/', and nothing reads outside the objects (ASan).

#include <git2.h>
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "git/object_source.hpp"
#include "git/tree_diff.hpp"
#include "roles/git/handles.hpp"

namespace {

roles::git::ObjectRef tree_of(const std::uint8_t* data, std::size_t size) {
    auto tree = roles::git::ObjectRef::allocate(size, roles::git::ObjectType::tree);
    if (size > 0) std::memcpy(tree.data(), data, size);
    return tree;
}

std::string entry(const std::string& mode, const std::string& name, unsigned char id_byte) {
    return mode + " " + name + std::string(1, '\0') + std::string(20, static_cast<char>(id_byte));
}

// A repository with loose trees under chosen ids (libgit2 does not verify ids on read).
git_repository* scratch_repository() {
    char dir[] = "/tmp/roles-fuzz-tree-XXXXXX";
    if (::mkdtemp(dir) == nullptr) std::abort();
    roles::git::ensure_libgit2();
    git_repository* repo = nullptr;
    if (git_repository_init(&repo, dir, 1) < 0) std::abort();
    git_config* config = nullptr;
    if (git_repository_config(&config, repo) < 0 || git_config_set_bool(config, "remote.origin.promisor", 1) < 0) std::abort();
    git_config_free(config);
    const std::string trees[] = {
        entry("100644", "a", 0x11) + entry("100755", "b", 0x12),                             // 01: two files
        entry("40000", "loop", 0x02) + entry("100644", "z", 0x13),                           // 02: lists itself
        entry("40000", "down", 0x01) + entry("120000", "link", 0x14),                        // 03: 01 below
        entry("160000", "sub", 0x15) + entry("40000", "x", 0x03) + entry("644", "y", 0x16),  // 04: 03 below
    };
    for (unsigned char i = 0; i < 4; ++i) {
        const std::string raw = "tree " + std::to_string(trees[i].size()) + std::string(1, '\0') + trees[i];
        uLongf packed = compressBound(static_cast<uLong>(raw.size()));
        std::string compressed(packed, '\0');
        if (compress(reinterpret_cast<Bytef*>(compressed.data()), &packed, reinterpret_cast<const Bytef*>(raw.data()),
                     static_cast<uLong>(raw.size())) != Z_OK) {
            std::abort();
        }
        char hex[3];
        std::snprintf(hex, sizeof hex, "%02x", i + 1);
        const std::string folder = std::string(dir) + "/objects/" + hex;
        std::filesystem::create_directories(folder);
        std::string rest;
        for (int k = 0; k < 19; ++k) rest += hex;
        std::FILE* file = std::fopen((folder + "/" + rest).c_str(), "wb");
        if (file == nullptr || std::fwrite(compressed.data(), 1, packed, file) != packed) std::abort();
        std::fclose(file);
    }
    return repo;
}

void check(const roles::util::Expected<roles::git::TreeDiff>& diff) {
    if (!diff) return;
    for (const roles::git::RawChange& change : diff->changes) {
        if (change.path.empty() || change.path.front() == '/') std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static git_repository* repo = scratch_repository();
    if (size < 2) return 0;
    const std::size_t old_size = std::min<std::size_t>(size - 2, (std::size_t{data[0]} << 8) | data[1]);
    const roles::git::ObjectRef old_tree = tree_of(data + 2, old_size);
    const roles::git::ObjectRef new_tree = tree_of(data + 2 + old_size, size - 2 - old_size);
    roles::git::ObjectSource source(repo, nullptr);
    check(roles::git::diff_trees(source, old_tree, new_tree));
    check(roles::git::diff_trees(source, roles::git::ObjectRef{}, new_tree));
    const auto same = roles::git::diff_trees(source, new_tree, new_tree);
    if (same && !same->changes.empty()) std::abort();
    return 0;
}
