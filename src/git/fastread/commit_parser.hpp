#pragma once
// Part of the fast reader's interface (fastread.hpp): the parts of a commit object roles needs, parsed from its raw
// content the way libgit2 1.5 parses it (commit.c commit_parse, signature.c
// git_signature__parse). Only well-formed commits are accepted; for anything unusual the
// parser gives up and the caller asks libgit2, so odd commits keep libgit2's behaviour.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <git2.h>

namespace roles::git::fastread {

/// A name and email as written in an object (no .mailmap applied).
struct RawIdentity {
    std::string name;
    std::string email;
    bool operator==(const RawIdentity&) const = default;
};

/// A commit's header and raw message, owned.
struct CommitHeader {
    git_oid tree{};
    std::vector<git_oid> parents;
    RawIdentity author;
    RawIdentity committer;
    std::int64_t author_time = 0;
    std::int32_t author_offset = 0;  ///< minutes east of UTC
    std::int64_t commit_time = 0;    ///< the committer's time
    std::string message;             ///< git_commit_message_raw
};

/// Parses the raw content of a commit object into `header`; false when the commit is not
/// in the plain form this parser handles exactly (then `header` is unspecified).
[[nodiscard]] bool parse_commit(const unsigned char* data, std::size_t size, CommitHeader& header);

/// What the walk needs of a commit: its tree, parents and committer time.
struct CommitLinks {
    git_oid tree{};
    std::vector<git_oid> parents;
    std::int64_t commit_time = 0;
};

/// Parses only the links of a commit, accepting exactly what parse_commit accepts (so a
/// commit the walk took from the pack is also one the reader can parse).
[[nodiscard]] bool parse_commit_links(const unsigned char* data, std::size_t size, CommitLinks& links);

/// Fills `header` from a commit libgit2 parsed.
void header_from_libgit2(const git_commit* commit, CommitHeader& header);

}  // namespace roles::git::fastread
