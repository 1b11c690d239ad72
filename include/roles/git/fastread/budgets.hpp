#pragma once
// What the fast git reader (src/git/fastread/) may spend: memory per reader thread, pack
// pages kept resident, and how its readers share the work. The defaults are the measured
// ones (README "Performance"); tests set them small so that eviction, trimming, block
// freeing and work stealing all happen on a small history. Any value gives the same History.

#include <cstddef>
#include <cstdint>

namespace roles::git::fastread {

struct ReaderBudgets {
    /// Per reader thread: unpacked trees and delta bases kept (git keeps up to 96 MiB of
    /// delta bases for its one thread; 16 to 96 MiB all take the same time on git/git and
    /// rails, while each 8 MiB more is 8 MiB more peak memory per thread). An object larger
    /// than an eighth of this is never cached.
    std::size_t tree_cache_bytes = std::size_t{24} << 20;
    /// Per reader thread: rename candidates' blobs and their delta bases, apart from the
    /// trees' so that they never evict them (made on the first blob read).
    std::size_t blob_cache_bytes = std::size_t{8} << 20;
    /// Pages of the mapped packs counted in this process's resident set beyond which they
    /// are dropped (they stay in the page cache): git keeps them all, which on a history of
    /// a million commits is a gigabyte of resident pages. Checked ten times a second.
    std::uint64_t resident_pack_bytes = std::uint64_t{256} << 20;
    /// Commits the walk hands to the readers per block of requests; a block is freed once
    /// all of its requests are read. Rounded up to a power of two. A load reads at most
    /// 65,536 blocks' worth of commits (64 Mi with the default).
    std::size_t request_block_commits = 1024;
    /// Requests a reader claims at once from its range: small, so that a range can still
    /// be split late.
    std::size_t claim_batch = 8;
    /// A reader that runs out takes the second half of the largest range left when both
    /// halves keep at least this many requests.
    std::size_t steal_min_commits = 32;
};

}  // namespace roles::git::fastread
