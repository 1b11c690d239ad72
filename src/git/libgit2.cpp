#include "roles/git/handles.hpp"

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
