#pragma once
// Real git repositories for tests, built with libgit2 in a temporary directory (see
// temp_dir.hpp for when it is deleted). Identities and timestamps are given by each test,
// so object ids are stable from run to run. Failures throw std::runtime_error, which
// Catch2 reports as a failed test.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "roles/git/handles.hpp"

namespace roles::test {

/// 2023-11-14T22:13:20Z, a round base for fixture timestamps.
inline constexpr std::int64_t k_base_time = 1'700'000'000;
inline constexpr std::int64_t k_day = 86'400;

enum class Bare { no, yes };

/// How a FileWrite is stored in the tree.
enum class EntryMode { file, executable, submodule };

/// One file written by a commit; nullopt content deletes the file. A submodule's content
/// is the 40-hex commit id it records (the commit need not exist).
struct FileWrite {
    std::string path;  ///< repository-relative, '/'-separated; directories are implied
    std::optional<std::string> content;
    EntryMode mode = EntryMode::file;
};

/// One commit. The tree is the first parent's tree with `files` applied.
struct CommitSpec {
    std::string author_name = "Alice Example";
    std::string author_email = "alice@example.com";
    std::int64_t time = k_base_time;  ///< author time; also committer time unless commit_time
    int offset_minutes = 0;
    std::string message = "change\n";
    std::vector<FileWrite> files;
    std::vector<std::string> extra_parents;  ///< ids of further parents (merges)
    std::string branch = "main";             ///< the commit goes on refs/heads/<branch>
    /// First parent; empty: the branch's tip, or no parent when the branch does not exist.
    /// A new branch starting at an existing commit sets this.
    std::string parent;
    std::string committer_name;   ///< empty: the author
    std::string committer_email;  ///< empty: the author
    std::optional<std::int64_t> commit_time;
};

/// A repository in a fresh temporary directory, HEAD on refs/heads/main (unborn at first).
class TempRepo {
public:
    explicit TempRepo(Bare bare = Bare::no);

    /// The work tree root, or the git dir of a bare repository.
    [[nodiscard]] const std::string& path() const { return m_path; }
    /// The git dir (".git" inside the work tree unless bare).
    [[nodiscard]] std::string git_dir() const;
    /// Creates the commit and moves its branch to it; returns its 40-hex id.
    std::string commit(const CommitSpec& spec);
    /// Creates refs/tags/<name> as an annotated tag of `target` (any object); returns the
    /// tag object's id.
    std::string tag_annotated(const std::string& name, const std::string& target, const std::string& tagger_name,
                       const std::string& tagger_email, std::int64_t time, int offset_minutes,
                       const std::string& message);
    void tag_lightweight(const std::string& name, const std::string& target);
    /// Adds a note with `text` on `commit` under `notes_ref` (e.g. "refs/notes/review"),
    /// written by `name <email>` at `time`.
    void note(const std::string& notes_ref, const std::string& commit, const std::string& text,
              const std::string& name, const std::string& email, std::int64_t time);
    /// Writes a file into the work tree without committing it (libgit2 reads .mailmap from
    /// the work tree of a non-bare repository, and from HEAD:.mailmap of a bare one, so a
    /// bare fixture commits its .mailmap instead).
    void write_workdir_file(const std::string& path, const std::string& content);
    /// Points HEAD at `commit` directly (detached HEAD).
    void detach_head(const std::string& commit);
    /// The id of the tree or blob at `path` in `commit`'s tree ("" = the root tree).
    [[nodiscard]] std::string object_id(const std::string& commit, const std::string& path) const;
    /// Deletes a loose object, as a partial clone would lack it.
    void remove_object(const std::string& id);
    /// Marks the repository as a partial clone (remote.origin.promisor = true), where
    /// absent objects are expected rather than damage.
    void mark_partial_clone();
    /// Writes a loose object of `type` ("commit", "tree", ...) holding `content`, compressed
    /// with zlib as git does, under `id` (40 hex) or, when empty, under its real id; returns
    /// the id. libgit2 refuses to write what damaged repositories hold (a tree that lists
    /// itself needs an id that is not its hash), hence the raw file.
    /// `declared_size`, when given, replaces the content's size in the object's header.
    std::string write_loose(const std::string& type, const std::string& content, const std::string& id = {},
                            std::optional<std::size_t> declared_size = std::nullopt);
    /// Overwrites the loose file of `id` with its first `bytes` bytes.
    void truncate_loose(const std::string& id, std::size_t bytes);
    /// Points refs/heads/<branch> at `id`, whatever it is.
    void set_branch(const std::string& branch, const std::string& id);

private:
    struct Entry {
        std::string content;
        EntryMode mode = EntryMode::file;
    };
    using Files = std::map<std::string, Entry>;

    [[nodiscard]] std::string first_parent(const CommitSpec& spec) const;

    std::string m_path;
    git::RepositoryHandle m_repo;
    std::unordered_map<std::string, Files> m_snapshots;  ///< commit id -> its files
};

/// One raw tree entry, "<mode> <name>\0<20-byte id>", for TempRepo::write_loose.
[[nodiscard]] std::string raw_tree_entry(const std::string& mode, const std::string& name, const std::string& id);
/// A raw commit object with fixed identities ("Alice Example <alice@example.com>") at `time`.
[[nodiscard]] std::string raw_commit(const std::string& tree, const std::vector<std::string>& parents,
                                     std::int64_t time, const std::string& message);

/// A shallow clone of `source` with the last `depth` commits of its HEAD, made with the git
/// command line (libgit2 1.5 cannot clone shallow) in a fresh temporary directory.
[[nodiscard]] std::string make_shallow_clone(const std::string& source, int depth);

}  // namespace roles::test
