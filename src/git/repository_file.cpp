#include "roles/git/repository_file.hpp"

#include <algorithm>
#include <cstdint>

#include "roles/git/handles.hpp"
#include "open_failure.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

util::Error file_error(const std::string& ref, const std::string& path, std::string cause) {
    return util::Error{util::ErrorKind::input, "reading " + util::quoted(ref + ":" + path), std::move(cause), {}};
}

// The tree of `ref`, held as the peeled object.
util::Expected<ObjectHandle> tree_of(git_repository* repo, const std::string& ref, const std::string& path) {
    ObjectHandle object;
    if (git_revparse_single(out(object), repo, ref.c_str()) < 0) {
        return std::unexpected(file_error(ref, path, "unknown revision " + util::quoted(ref)));
    }
    ObjectHandle tree;
    if (git_object_peel(out(tree), object.get(), GIT_OBJECT_TREE) < 0) {
        return std::unexpected(file_error(ref, path, "revision " + util::quoted(ref) + " has no tree"));
    }
    return tree;
}

}  // namespace

util::Expected<std::optional<std::string>> read_committed_file(const std::string& repo_path, const std::string& ref,
                                                              const std::string& path, std::size_t max_bytes) {
    ensure_libgit2();
    RepositoryHandle repo;
    if (const int rc = git_repository_open_ext(out(repo), repo_path.c_str(), 0, nullptr); rc < 0) {
        return util::fail(util::ErrorKind::input, "opening repository " + util::quoted(repo_path),
                          open_failure_message(rc, repo_path));
    }
    auto tree = tree_of(repo.get(), ref, path);
    if (!tree) return std::unexpected(tree.error());
    TreeEntryHandle entry;
    const auto* root = reinterpret_cast<const git_tree*>(tree->get());
    const int found = git_tree_entry_bypath(out(entry), root, path.c_str());
    if (found == GIT_ENOTFOUND) return std::nullopt;
    if (found < 0) return std::unexpected(file_error(ref, path, util::printable(last_error_message())));
    const git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (mode == GIT_FILEMODE_LINK) {
        return std::unexpected(file_error(ref, path, "is a symbolic link; roles reads only a regular file there"));
    }
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
        return std::unexpected(file_error(ref, path, "is not a file (a directory or a submodule)"));
    }
    // The size from the object header first: a blob is read whole once looked up.
    Handle<git_odb, git_odb_free> odb;
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_repository_odb(out(odb), repo.get()) < 0) {
        return std::unexpected(file_error(ref, path, util::printable(last_error_message())));
    }
    if (git_odb_read_header(&size, &type, odb.get(), git_tree_entry_id(entry.get())) < 0) {
        return std::unexpected(file_error(ref, path, util::printable(last_error_message())));
    }
    if (size > max_bytes) {
        return std::unexpected(file_error(ref, path, "is larger than " + std::to_string(max_bytes >> 20) +
                                                         " MiB (the limit for this kind of file)"));
    }
    BlobHandle blob;
    if (git_blob_lookup(out(blob), repo.get(), git_tree_entry_id(entry.get())) < 0) {
        return std::unexpected(file_error(ref, path, util::printable(last_error_message())));
    }
    size = std::min<std::size_t>(size, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
    const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace roles::git
