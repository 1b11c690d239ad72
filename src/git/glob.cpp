#include "roles/git/glob.hpp"

#include <git2.h>

namespace roles::git {
namespace {

// libgit2 must be initialised before any call; the count is reference-counted by libgit2.
struct LibraryUse {
    LibraryUse() { git_libgit2_init(); }
    ~LibraryUse() { git_libgit2_shutdown(); }
    LibraryUse(const LibraryUse&) = delete;
    LibraryUse& operator=(const LibraryUse&) = delete;
};

bool has_wildcard(const std::string& text) {
    return text.find_first_of("*?[") != std::string::npos;
}

void add_unique(std::vector<std::string>& out, std::string pattern) {
    if (pattern.empty()) return;
    for (const auto& existing : out) {
        if (existing == pattern) return;
    }
    out.push_back(std::move(pattern));
}

}  // namespace

std::vector<std::string> expand_glob(const std::string& glob) {
    std::string pattern = glob;
    while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
    const bool anchored = pattern.starts_with('/') || pattern.find('/') != std::string::npos;
    while (pattern.starts_with('/')) pattern.erase(0, 1);
    std::vector<std::string> bases{pattern};
    if (!anchored) bases.push_back("*/" + pattern);
    if (pattern.starts_with("**/")) bases.push_back(pattern.substr(3));
    for (auto at = pattern.find("/**/"); at != std::string::npos; at = pattern.find("/**/", at + 1)) {
        bases.push_back(pattern.substr(0, at) + "/" + pattern.substr(at + 4));
    }
    std::vector<std::string> out;
    for (const auto& base : bases) {
        add_unique(out, base);
        // pathspec covers what is below a plain directory name by itself, but not below a
        // directory named by a wildcard pattern.
        if (has_wildcard(base)) add_unique(out, base + "/*");
    }
    return out;
}

// Initialised once for the process: libgit2 re-reads the system's TLS certificates each
// time its use count goes from 0 to 1, which made compiling thousands of glob sets slow.
void use_library() { static const LibraryUse k_library; }

struct GlobSet::Impl {
    git_pathspec* pathspec = nullptr;
    ~Impl() { git_pathspec_free(pathspec); }
};

util::Expected<GlobSet> GlobSet::compile(const std::vector<std::string>& globs) {
    GlobSet set;
    if (globs.empty()) return set;
    std::vector<std::string> patterns;
    for (const auto& glob : globs) {
        for (auto& pattern : expand_glob(glob)) add_unique(patterns, std::move(pattern));
    }
    std::vector<char*> pointers;
    pointers.reserve(patterns.size());
    for (auto& pattern : patterns) pointers.push_back(pattern.data());
    git_strarray array{pointers.data(), pointers.size()};
    use_library();
    set.m_impl = std::make_unique<Impl>();
    if (git_pathspec_new(&set.m_impl->pathspec, &array) != 0) {
        const git_error* error = git_error_last();
        return util::fail(util::ErrorKind::input, "compiling path globs",
                    error != nullptr ? error->message : "invalid glob");
    }
    return set;
}

GlobSet::GlobSet() = default;
GlobSet::~GlobSet() = default;
GlobSet::GlobSet(GlobSet&&) noexcept = default;
GlobSet& GlobSet::operator=(GlobSet&&) noexcept = default;

bool GlobSet::matches(const std::string& path) const {
    if (!m_impl || m_impl->pathspec == nullptr) return false;
    return git_pathspec_matches_path(m_impl->pathspec, GIT_PATHSPEC_DEFAULT, path.c_str()) == 1;
}

bool GlobSet::empty() const { return !m_impl || m_impl->pathspec == nullptr; }

}  // namespace roles::git
