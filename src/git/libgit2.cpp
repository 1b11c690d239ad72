#include "roles/git/handles.hpp"

#include <string_view>
#include <vector>

#include "open_failure.hpp"
#include "roles/util/text.hpp"

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
    Libgit2Guard(Libgit2Guard&&) = delete;
    Libgit2Guard& operator=(Libgit2Guard&&) = delete;
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

namespace {

// The directories to trust: opened again with ownership not checked (a process-wide
// libgit2 setting, restored at once), the work tree, or for a bare repository the git dir;
// libgit2 1.5 checks the git dir of a work tree too when roles opens it by that path.
std::vector<std::string> owner_refused_directories(const std::string& path) {
    int validating = 1;
    git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &validating);
    if (validating == 0) return {};
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    git_repository* repo = nullptr;
    const int rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
    if (rc < 0) return {};
    std::vector<std::string> dirs;
    if (git_repository_workdir(repo) != nullptr) dirs.emplace_back(git_repository_workdir(repo));
    dirs.emplace_back(git_repository_path(repo));
    git_repository_free(repo);
    for (auto& dir : dirs) {
        if (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    }
    return dirs;
}

}  // namespace

std::string open_failure_message(int rc, const std::string& path) {
    const std::string message = last_error_message();
    const bool ownership = rc == GIT_EOWNER || message.find("safe.directory") != std::string::npos ||
                           message.find("not owned by current user") != std::string::npos;
    if (ownership || rc == GIT_ENOTFOUND) {
        if (const auto dirs = owner_refused_directories(path); !dirs.empty()) {
            std::string text = "the repository " + util::quoted(dirs.front()) + " is owned by another user (libgit2: " +
                               util::printable(message) + "); if you trust it, allow it with: git config --global " +
                               "--add safe.directory " + dirs.front();
            if (dirs.size() > 1) {
                text += " (libgit2 1.5 also checks the git dir: git config --global --add safe.directory " + dirs[1] + ")";
            }
            return text;
        }
    }
    if (rc == GIT_ENOTFOUND) return "not a git repository (or any parent up to the root)";
    return util::printable(message);
}

}  // namespace roles::git
