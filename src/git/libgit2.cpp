#include "roles/git/handles.hpp"
#include <cstdlib>
#include <malloc.h>

namespace roles::git {

namespace {

// Owns the library's lifetime: libgit2 counts init/shutdown pairs, and one pair for the
// whole process keeps its global state (caches, settings) alive between loads.
class Libgit2Guard {
public:
    Libgit2Guard() {
        git_libgit2_init();
        // Every object read is otherwise re-hashed to check its id, which is about 30% of a
        // history walk; roles only reads, and git itself does not verify on read either.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        // EXPERIMENT
        if (const char* mb = std::getenv("ROLES_X_CACHE_MB")) git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(std::atol(mb)) << 20);
        if (const char* kb = std::getenv("ROLES_X_TREE_LIMIT")) git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(std::atol(kb)));
        if (std::getenv("ROLES_X_MALLOPT")) { mallopt(M_TRIM_THRESHOLD, 256 << 20); mallopt(M_TOP_PAD, 64 << 20); mallopt(M_MMAP_THRESHOLD, 64 << 20); }
        if (std::getenv("ROLES_X_NOFAST")) { mallopt(M_MXFAST, 0); }
    }
    Libgit2Guard(const Libgit2Guard&) = delete;
    Libgit2Guard& operator=(const Libgit2Guard&) = delete;
    ~Libgit2Guard() { git_libgit2_shutdown(); }
};

}  // namespace

void ensure_libgit2() {
    static const Libgit2Guard guard;
}

std::string last_error_message() {
    const git_error* error = git_error_last();
    if (error == nullptr || error->message == nullptr) return "unknown libgit2 error";
    return error->message;
}

}  // namespace roles::git
