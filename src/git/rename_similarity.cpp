#include "rename_similarity.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace roles::git {

namespace {

constexpr std::uint32_t k_buckets = 107927;       // git's HASHBASE, a prime between 2^16 and 2^17
constexpr std::size_t k_chunk_bytes = 64;         // a chunk ends at LF or after this many bytes
constexpr std::size_t k_binary_probe = 8000;      // git looks for a NUL in this many bytes
constexpr std::size_t k_candidates_per_dst = 4;   // git's NUM_CANDIDATE_PER_DST
constexpr std::uint32_t k_regular_mode = 0100644;
constexpr std::uint32_t k_executable_mode = 0100755;

std::string_view file_name(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_regular(const RawChange& change) {
    return change.mode == k_regular_mode || change.mode == k_executable_mode;
}

std::uint32_t bucket_of(std::uint32_t accum1, std::uint32_t accum2) {
    return static_cast<std::uint32_t>((accum1 + accum2 * 0x61U) % k_buckets);
}

}  // namespace

BlobSignature blob_signature(const unsigned char* data, std::size_t size) {
    BlobSignature signature;
    signature.size = size;
    const bool text = std::memchr(data, '\0', std::min(size, k_binary_probe)) == nullptr;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> chunks;
    chunks.reserve(size / 16 + 1);  // source lines average 30-40 bytes
    std::uint32_t accum1 = 0;
    std::uint32_t accum2 = 0;
    std::uint32_t length = 0;
    for (std::size_t i = 0; i < size; ++i) {
        const unsigned char c = data[i];
        if (text && c == '\r' && i + 1 < size && data[i + 1] == '\n') continue;
        const std::uint32_t old1 = accum1;
        accum1 = (accum1 << 7) ^ (accum2 >> 25);
        accum2 = (accum2 << 7) ^ (old1 >> 25);
        accum1 += c;
        if (++length < k_chunk_bytes && c != '\n') continue;
        chunks.emplace_back(bucket_of(accum1, accum2), length);
        accum1 = accum2 = length = 0;
    }
    if (length > 0) chunks.emplace_back(bucket_of(accum1, accum2), length);
    // Equal buckets are summed, so their order does not matter: sort by bucket, merge in place.
    std::ranges::sort(chunks, {}, &std::pair<std::uint32_t, std::uint32_t>::first);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        if (kept > 0 && chunks[kept - 1].first == chunks[i].first) {
            chunks[kept - 1].second += chunks[i].second;
        } else {
            chunks[kept++] = chunks[i];
        }
    }
    chunks.resize(kept);
    signature.chunks = std::move(chunks);
    return signature;
}

std::uint32_t similarity(const BlobSignature& from, const BlobSignature& to) {
    const std::uint64_t larger = std::max(from.size, to.size);
    if (to.size == 0 || larger == 0) return 0;
    std::uint64_t copied = 0;
    auto d = to.chunks.begin();
    for (const auto& [bucket, bytes] : from.chunks) {
        while (d != to.chunks.end() && d->first < bucket) ++d;
        if (d != to.chunks.end() && d->first == bucket) copied += std::min(bytes, d->second);
    }
    return static_cast<std::uint32_t>(copied * k_max_similarity / larger);
}

bool sizes_can_match(std::uint64_t a, std::uint64_t b) {
    const std::uint64_t larger = std::max(a, b);
    const std::uint64_t delta = larger - std::min(a, b);
    return larger * (k_max_similarity - k_min_rename_score) >= delta * k_max_similarity;
}

namespace {

// One scored (destination, source) pair; `dst` and `src` index the candidate lists.
struct Score {
    std::uint32_t score = 0;
    bool same_name = false;
    std::size_t dst = 0;
    std::size_t src = 0;
    bool used = false;  ///< an empty slot when false
};

// git's score_compare: > 0 when `a` ranks after `b` (empty slots last).
int compare_scores(const Score& a, const Score& b) {
    if (!a.used) return b.used ? 1 : 0;
    if (!b.used) return -1;
    if (a.score == b.score) return static_cast<int>(b.same_name) - static_cast<int>(a.same_name);
    return a.score < b.score ? 1 : -1;
}

// git's basename_same: the two paths end in the same file name.
bool same_file_name(std::string_view a, std::string_view b) { return file_name(a) == file_name(b); }

// The rename candidates of one commit with their signatures, read at most once each.
class Candidates {
public:
    Candidates(std::vector<RawChange>& changes, const BlobLookup& lookup, RenameCounters& counters)
        : m_changes(changes), m_lookup(lookup), m_counters(counters) {
        for (std::size_t i = 0; i < changes.size(); ++i) {
            if (!is_regular(changes[i])) continue;
            if (changes[i].kind == ChangeKind::added) m_dsts.push_back(entry_for(i));
            if (changes[i].kind == ChangeKind::deleted) m_srcs.push_back(entry_for(i));
        }
    }

    util::Expected<void> run();

private:
    struct Entry {
        std::size_t change = 0;
        enum class State : std::uint8_t { unread, sized, absent, read } state = State::unread;
        std::uint64_t size = 0;
        BlobSignature signature;
        bool paired = false;
    };

    static Entry entry_for(std::size_t change) {
        Entry entry;
        entry.change = change;
        return entry;
    }
    util::Expected<bool> present(Entry& entry);
    util::Expected<const BlobSignature*> signature(Entry& entry);
    util::Expected<std::uint32_t> score(Entry& src, Entry& dst);
    util::Expected<void> match_file_names();
    util::Expected<void> match_matrix();
    util::Expected<void> score_sources(std::size_t dst, std::array<Score, k_candidates_per_dst>& slots);
    void record(Entry& src, Entry& dst);
    void apply();
    std::string_view path_of(const Entry& entry) const { return m_changes[entry.change].path; }

    std::vector<RawChange>& m_changes;
    const BlobLookup& m_lookup;
    RenameCounters& m_counters;
    std::vector<Entry> m_srcs;
    std::vector<Entry> m_dsts;
    std::vector<std::pair<std::size_t, std::size_t>> m_pairs;  // (src change, dst change)
};

// Learns the entry's size (without its content); false when its blob is absent.
util::Expected<bool> Candidates::present(Entry& entry) {
    if (entry.state == Entry::State::unread) {
        auto size = m_lookup.size(m_changes[entry.change].blob);
        if (!size) return std::unexpected(size.error());
        if (!*size) {
            entry.state = Entry::State::absent;
            ++m_counters.missing_blobs;
        } else {
            entry.size = **size;
            entry.state = Entry::State::sized;
        }
    }
    return entry.state != Entry::State::absent;
}

util::Expected<const BlobSignature*> Candidates::signature(Entry& entry) {
    if (entry.state == Entry::State::sized) {
        auto blob = m_lookup.read(m_changes[entry.change].blob);
        if (!blob) return std::unexpected(blob.error());
        if (!*blob) {
            entry.state = Entry::State::absent;
            ++m_counters.missing_blobs;
        } else {
            ++m_counters.blobs_read;
            entry.signature = blob_signature(blob->data(), blob->size());
            entry.state = Entry::State::read;
        }
    }
    return entry.state == Entry::State::read ? &entry.signature : nullptr;
}

// git's estimate_similarity: sizes first, contents only for a pair that can reach 50%; an
// absent blob scores 0.
util::Expected<std::uint32_t> Candidates::score(Entry& src, Entry& dst) {
    auto src_present = present(src);
    if (!src_present) return std::unexpected(src_present.error());
    auto dst_present = present(dst);
    if (!dst_present) return std::unexpected(dst_present.error());
    if (!*src_present || !*dst_present || !sizes_can_match(src.size, dst.size)) return 0U;
    auto from = signature(src);
    if (!from) return std::unexpected(from.error());
    auto to = signature(dst);
    if (!to) return std::unexpected(to.error());
    if (*from == nullptr || *to == nullptr || !sizes_can_match((*from)->size, (*to)->size)) return 0U;
    return similarity(**from, **to);
}

void Candidates::record(Entry& src, Entry& dst) {
    src.paired = true;
    dst.paired = true;
    m_pairs.emplace_back(src.change, dst.change);
    ++m_counters.similar_renames;
}

// git's find_basename_matches without its directory-rename hints: a file name unique
// among the sources and among the destinations pairs those two when similar enough.
util::Expected<void> Candidates::match_file_names() {
    std::unordered_map<std::string_view, std::ptrdiff_t> sources;
    std::unordered_map<std::string_view, std::ptrdiff_t> dests;
    const auto note = [](auto& map, std::string_view name, std::size_t index) {
        const auto [it, inserted] = map.emplace(name, static_cast<std::ptrdiff_t>(index));
        if (!inserted) it->second = -1;
    };
    for (std::size_t i = 0; i < m_srcs.size(); ++i) note(sources, file_name(path_of(m_srcs[i])), i);
    for (std::size_t i = 0; i < m_dsts.size(); ++i) note(dests, file_name(path_of(m_dsts[i])), i);
    for (std::size_t i = 0; i < m_srcs.size(); ++i) {
        const std::string_view name = file_name(path_of(m_srcs[i]));
        const auto dst = dests.find(name);
        if (dst == dests.end() || dst->second < 0 || sources.at(name) < 0) continue;
        Entry& to = m_dsts[static_cast<std::size_t>(dst->second)];
        auto scored = score(m_srcs[i], to);
        if (!scored) return std::unexpected(scored.error());
        if (*scored >= k_min_basename_score) record(m_srcs[i], to);
    }
    return {};
}

// git's record_if_better over every remaining source of destination `dst`.
util::Expected<void> Candidates::score_sources(std::size_t dst, std::array<Score, k_candidates_per_dst>& slots) {
    for (std::size_t s = 0; s < m_srcs.size(); ++s) {
        if (m_srcs[s].paired) continue;
        auto scored = score(m_srcs[s], m_dsts[dst]);
        if (!scored) return std::unexpected(scored.error());
        const Score candidate{*scored, same_file_name(path_of(m_srcs[s]), path_of(m_dsts[dst])), dst, s, true};
        std::size_t worst = 0;
        for (std::size_t i = 1; i < slots.size(); ++i) {
            if (compare_scores(slots[i], slots[worst]) > 0) worst = i;
        }
        if (compare_scores(slots[worst], candidate) > 0) slots[worst] = candidate;
    }
    return {};
}

util::Expected<void> Candidates::match_matrix() {
    std::uint64_t dsts = 0;
    std::uint64_t srcs = 0;
    for (const Entry& entry : m_dsts) dsts += entry.paired ? 0 : 1;
    for (const Entry& entry : m_srcs) srcs += entry.paired ? 0 : 1;
    if (dsts == 0 || srcs == 0) return {};
    if (dsts * srcs > k_rename_limit * k_rename_limit) {
        ++m_counters.limited_commits;
        return {};
    }
    std::vector<Score> matrix;
    matrix.reserve(dsts * k_candidates_per_dst);
    for (std::size_t d = 0; d < m_dsts.size(); ++d) {
        if (m_dsts[d].paired) continue;
        std::array<Score, k_candidates_per_dst> slots{};
        if (auto scored = score_sources(d, slots); !scored) return scored;
        matrix.insert(matrix.end(), slots.begin(), slots.end());
    }
    std::ranges::stable_sort(matrix, [](const Score& a, const Score& b) { return compare_scores(a, b) < 0; });
    for (const Score& pair : matrix) {
        if (!pair.used || pair.score < k_min_rename_score) break;
        if (m_dsts[pair.dst].paired || m_srcs[pair.src].paired) continue;
        record(m_srcs[pair.src], m_dsts[pair.dst]);
    }
    return {};
}

void Candidates::apply() {
    if (m_pairs.empty()) return;
    std::vector<bool> consumed(m_changes.size(), false);
    for (const auto& [src, dst] : m_pairs) {
        m_changes[dst].kind = ChangeKind::renamed;
        m_changes[dst].old_path = m_changes[src].path;
        consumed[src] = true;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_changes.size(); ++i) {
        if (consumed[i]) continue;
        if (kept != i) m_changes[kept] = std::move(m_changes[i]);
        ++kept;
    }
    m_changes.resize(kept);
}

util::Expected<void> Candidates::run() {
    if (m_srcs.empty() || m_dsts.empty()) return {};
    if (auto named = match_file_names(); !named) return named;
    if (auto matrix = match_matrix(); !matrix) return matrix;
    apply();
    return {};
}

}  // namespace

util::Expected<void> pair_similar_renames(std::vector<RawChange>& changes, const BlobLookup& lookup,
                                          RenameCounters& counters) {
    Candidates candidates(changes, lookup, counters);
    return candidates.run();
}

}  // namespace roles::git
