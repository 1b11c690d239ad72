#pragma once
// Internal to src/git: renames with edits, as git's default rename detection (-M50%) finds
// them, for the files one commit added and deleted that no exact rename paired.
//
// Only those files' blobs are read, each at most once per commit, so the cost follows the
// number of rename candidates, never the size of the history. The similarity of two blobs
// is git's diffcore-delta estimate: each blob is cut into chunks that end at a newline or
// after 64 bytes (a CR before LF is ignored in text), each chunk is hashed into one of
// 107927 buckets, and the score is the number of source bytes whose chunk the destination
// also holds (per bucket, the smaller of the two byte counts) over the larger blob's size.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "fastread/fastread.hpp"
#include "roles/util/error.hpp"
#include "tree_diff.hpp"

namespace roles::git {

/// Scores run from 0 to k_max_similarity (git's MAX_SCORE); a rename needs at least
/// k_min_rename_score (50%); a pair with the same file name found before the matrix needs
/// k_min_basename_score (75%, git's minimum + half of the rest).
inline constexpr std::uint32_t k_max_similarity = 60000;
inline constexpr std::uint32_t k_min_rename_score = k_max_similarity / 2;
inline constexpr std::uint32_t k_min_basename_score = k_min_rename_score + (k_max_similarity - k_min_rename_score) / 2;
/// git's diff.renameLimit default: the similarity matrix of a commit is computed only when
/// (added files left) × (deleted files left) ≤ k_rename_limit²; above, that commit keeps
/// its exact and same-name renames only, as git does ("inexact rename detection was skipped").
inline constexpr std::uint64_t k_rename_limit = 1000;

/// A blob's chunk counts: (bucket, bytes) sorted by bucket, and its size.
struct BlobSignature {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> chunks;
    std::uint64_t size = 0;
};

/// The signature of `size` bytes at `data` (binary when a NUL is in the first 8000 bytes).
[[nodiscard]] BlobSignature blob_signature(const unsigned char* data, std::size_t size);

/// The similarity of source `from` and destination `to`, 0..k_max_similarity; 0 when either
/// is empty.
[[nodiscard]] std::uint32_t similarity(const BlobSignature& from, const BlobSignature& to);

/// Whether sizes `a` and `b` allow a score of k_min_rename_score at all (git's size check:
/// the larger minus the smaller must be at most half the larger).
[[nodiscard]] bool sizes_can_match(std::uint64_t a, std::uint64_t b);

/// Reads blobs: `size` without the content (nullopt when absent), `read` the content (null
/// when absent or not a blob). Sizes come first, so a pair that cannot reach 50% reads nothing.
struct BlobLookup {
    std::function<util::Expected<std::optional<std::uint64_t>>(const git_oid&)> size;
    std::function<util::Expected<ObjectRef>(const git_oid&)> read;
};

/// What similarity pairing did in one or more commits.
struct RenameCounters {
    std::uint64_t blobs_read = 0;          ///< candidate blobs read
    std::uint32_t similar_renames = 0;     ///< renames paired by content similarity
    std::uint32_t missing_blobs = 0;       ///< candidates left to exact renames: blob absent
    std::uint32_t limited_commits = 0;     ///< commits above k_rename_limit (matrix skipped)
    void add(const RenameCounters& other) {
        blobs_read += other.blobs_read;
        similar_renames += other.similar_renames;
        missing_blobs += other.missing_blobs;
        limited_commits += other.limited_commits;
    }
};

/// Pairs the `added` and `deleted` regular files left in `changes` after
/// pair_exact_renames, as git does: first each deleted file whose name is unique among the
/// deleted ones with the added file of the same unique name, when they score at least
/// k_min_basename_score; then, within k_rename_limit, every remaining pair whose sizes allow
/// it, keeping each added file's four best sources and taking pairs from the best score
/// down (ties: same file name first, then git's order), each source used once, down to
/// k_min_rename_score. A pair becomes one `renamed` change at the added one's place.
/// A candidate whose blob is absent takes part in no pair (counted in `missing_blobs`).
[[nodiscard]] util::Expected<void> pair_similar_renames(std::vector<RawChange>& changes, const BlobLookup& lookup,
                                                        RenameCounters& counters);

}  // namespace roles::git
