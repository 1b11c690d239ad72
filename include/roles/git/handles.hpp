#pragma once
// RAII for libgit2: one owning handle type per libgit2 object, the process-wide library
// guard, and the last error message. Used by src/git and by the test fixtures that build
// repositories; the rest of the program only sees roles/git/history.hpp.

#include <memory>
#include <string>

#include <git2.h>

namespace roles::git {

/// Initialises libgit2 once per process (thread-safe, on first call) with the options roles
/// relies on, and shuts it down at process exit. Call before any other libgit2 function.
void ensure_libgit2();

/// libgit2's message for the last failure on this thread, or "unknown libgit2 error".
[[nodiscard]] std::string last_error_message();

/// Calls a libgit2 `git_*_free` function.
template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* pointer) const noexcept {
        Free(pointer);
    }
};

/// A unique_ptr that frees its libgit2 object with `Free`.
template <typename T, auto Free>
using Handle = std::unique_ptr<T, Deleter<Free>>;

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using TagHandle = Handle<git_tag, git_tag_free>;
using ReferenceHandle = Handle<git_reference, git_reference_free>;
using RevwalkHandle = Handle<git_revwalk, git_revwalk_free>;
using MailmapHandle = Handle<git_mailmap, git_mailmap_free>;
using SignatureHandle = Handle<git_signature, git_signature_free>;
using TreeBuilderHandle = Handle<git_treebuilder, git_treebuilder_free>;
using TreeEntryHandle = Handle<git_tree_entry, git_tree_entry_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using ConfigHandle = Handle<git_config, git_config_free>;
using NoteHandle = Handle<git_note, git_note_free>;

/// Adapter for libgit2's out-parameters (std::out_ptr is not in GCC 12):
/// `git_commit_lookup(out(commit), repo, &id)` stores the new object in `commit` when the
/// full expression ends, whether or not the call succeeded (libgit2 leaves it null on error).
/// So the handle is still empty within that expression: `if (f(out(h)) < 0 || g(h.get()))`
/// passes null to g; test the result first, use the handle in the next statement.
template <typename H>
class OutParam {
public:
    explicit OutParam(H& handle) : m_handle(handle) {}
    OutParam(const OutParam&) = delete;
    OutParam& operator=(const OutParam&) = delete;
    OutParam(OutParam&&) = delete;  // out() returns a prvalue: no move is ever needed
    OutParam& operator=(OutParam&&) = delete;
    ~OutParam() { m_handle.reset(m_raw); }
    // NOLINTNEXTLINE(google-explicit-constructor): the point is to pass as T**.
    operator typename H::pointer*() { return &m_raw; }

private:
    H& m_handle;
    typename H::pointer m_raw = nullptr;
};

/// See OutParam.
template <typename H>
[[nodiscard]] OutParam<H> out(H& handle) {
    return OutParam<H>(handle);
}

}  // namespace roles::git
