#include "cache_file.hpp"

#include "cache_codec.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "roles/util/text.hpp"

namespace roles::git {

namespace {

constexpr std::string_view k_facts_magic = "ROLESFC\n";
constexpr std::string_view k_tree_magic = "ROLESTL\n";
constexpr std::string_view k_order_magic = "ROLESOR\n";
constexpr std::uint32_t k_unset = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t k_oid_size = GIT_OID_RAWSZ;
constexpr unsigned k_max_kind = static_cast<unsigned>(ChangeKind::renamed);

// File index of each store index, assigned in first-use order.
struct Tables {
    std::unordered_map<const FactStore*, std::vector<std::uint32_t>> paths;
    std::unordered_map<const FactStore*, std::vector<std::uint32_t>> identities;
    std::vector<const std::string*> path_texts;
    std::vector<const RawIdentity*> identity_texts;
};

// The store's indexes as the file's, for one commit.
class Remap {
public:
    Remap(Tables& tables, const FactStore& store)
        : m_tables(tables), m_store(store), m_paths(tables.paths[&store]), m_identities(tables.identities[&store]) {
        if (m_paths.empty()) m_paths.assign(store.path_count(), k_unset);
        if (m_identities.empty()) m_identities.assign(store.identity_count(), k_unset);
    }
    std::uint32_t path(TableIndex index) {
        if (m_paths[index] == k_unset) {
            m_paths[index] = static_cast<std::uint32_t>(m_tables.path_texts.size());
            m_tables.path_texts.push_back(&m_store.path(index));
        }
        return m_paths[index];
    }
    std::uint32_t identity(TableIndex index) {
        if (m_identities[index] == k_unset) {
            m_identities[index] = static_cast<std::uint32_t>(m_tables.identity_texts.size());
            m_tables.identity_texts.push_back(&m_store.identity(index));
        }
        return m_identities[index];
    }

private:
    Tables& m_tables;
    const FactStore& m_store;
    std::vector<std::uint32_t>& m_paths;
    std::vector<std::uint32_t>& m_identities;
};

void encode_commit(const FactRef& ref, Tables& tables, Encoder& out) {
    const CommitFacts& facts = ref.facts();
    Remap remap(tables, *ref.store);
    out.oid(facts.id);
    out.oid(facts.tree);
    out.u32(static_cast<std::uint32_t>(facts.parents.size()));
    for (const git_oid& parent : facts.parents) out.oid(parent);
    out.i64(facts.commit_time);
    out.i64(facts.time);
    out.i32(facts.offset_minutes);
    out.u32(remap.identity(facts.author));
    out.u32(remap.identity(facts.committer));
    out.text(facts.message);
    out.u32(static_cast<std::uint32_t>(facts.trailers.size()));
    for (const Trailer& trailer : facts.trailers) {
        out.text(trailer.key);
        out.text(trailer.value);
    }
    out.u32(static_cast<std::uint32_t>(facts.co_authors.size()));
    for (const TableIndex co_author : facts.co_authors) out.u32(remap.identity(co_author));
    out.u32(static_cast<std::uint32_t>(facts.changes.size()));
    for (const FactChange& change : facts.changes) {
        out.u32(remap.path(change.path));
        out.u32(remap.path(change.old_path));
        out.u8(static_cast<std::uint8_t>(change.kind));
    }
    out.u32(static_cast<std::uint32_t>(facts.absent_blobs.size()));
    for (const git_oid& blob : facts.absent_blobs) out.oid(blob);
}

// The payload: the commits, then the path and identity tables (only known once every
// commit is encoded), then the offset of the tables from the payload's start. Written as
// it is encoded, so a file never has to fit in memory.
void encode_payload(const std::vector<FactRef>& commits, CacheFileWriter& writer) {
    Encoder& out = writer.encoder();
    Tables tables;
    out.u32(static_cast<std::uint32_t>(commits.size()));
    for (const FactRef& ref : commits) {
        encode_commit(ref, tables, out);
        writer.flush_if_large();
    }
    const std::uint64_t tables_offset = writer.payload_size();
    out.u32(static_cast<std::uint32_t>(tables.path_texts.size()));
    for (const std::string* path : tables.path_texts) out.text(*path);
    out.u32(static_cast<std::uint32_t>(tables.identity_texts.size()));
    for (const RawIdentity* identity : tables.identity_texts) {
        out.text(identity->name);
        out.text(identity->email);
    }
    out.u64(tables_offset);
}

bool valid_index(std::uint32_t index, std::size_t count) { return index < count; }

// A commit's indexes refer to the file's tables, which are the store's (decode_tables), so
// they are only checked.
void decode_commit(Decoder& in, FactStore& store) {
    const std::size_t identities = store.identity_count();
    const std::size_t paths = store.path_count();
    CommitFacts facts;
    in.oid(facts.id);
    in.oid(facts.tree);
    facts.parents.resize(in.count(k_oid_size));
    for (git_oid& parent : facts.parents) in.oid(parent);
    facts.commit_time = in.i64();
    facts.time = in.i64();
    facts.offset_minutes = in.i32();
    facts.author = in.u32();
    facts.committer = in.u32();
    if (!valid_index(facts.author, identities) || !valid_index(facts.committer, identities)) in.fail();
    in.text(facts.message);
    facts.trailers.resize(in.count(8));
    for (Trailer& trailer : facts.trailers) {
        in.text(trailer.key);
        in.text(trailer.value);
    }
    facts.co_authors.resize(in.count(4));
    for (TableIndex& co_author : facts.co_authors) {
        co_author = in.u32();
        if (!valid_index(co_author, identities)) in.fail();
    }
    facts.changes.resize(in.count(9));
    for (FactChange& change : facts.changes) {
        const std::uint32_t path = in.u32();
        const std::uint32_t old_path = in.u32();
        const std::uint8_t kind = in.u8();
        if (!valid_index(path, paths) || !valid_index(old_path, paths) || kind > k_max_kind) in.fail();
        if (!in.ok()) break;
        change = FactChange{path, old_path, static_cast<ChangeKind>(kind)};
    }
    facts.absent_blobs.resize(in.count(k_oid_size));
    for (git_oid& blob : facts.absent_blobs) in.oid(blob);
    facts.rename_fallbacks = static_cast<std::uint32_t>(facts.absent_blobs.size());
    if (in.ok()) store.add(std::move(facts));
}

// The file's tables become the store's as they are, so file indexes are store indexes.
bool decode_tables(Decoder in, FactStore& store) {
    std::vector<std::string> paths(in.count(4));
    for (std::string& path : paths) in.text(path);
    std::vector<RawIdentity> identities(in.count(8));
    for (RawIdentity& identity : identities) {
        in.text(identity.name);
        in.text(identity.email);
    }
    if (!in.ok() || !in.at_end()) return false;
    store.set_tables(std::move(paths), std::move(identities));
    return true;
}

bool decode_payload(const char* data, std::size_t size, FactStore& store) {
    if (size < 8) return false;
    Decoder trailer(data + size - 8, 8);
    const std::uint64_t tables = trailer.u64();
    if (tables > size - 8) return false;
    if (!decode_tables(Decoder(data + tables, size - 8 - tables), store)) return false;
    Decoder commits(data, tables);
    const std::uint32_t count = commits.count(2 * k_oid_size);
    store.reserve(count, 0);
    for (std::uint32_t i = 0; i < count && commits.ok(); ++i) decode_commit(commits, store);
    return commits.ok() && commits.at_end();
}

// A whole file mapped read-only: decoding straight from the page cache spares zeroing
// and copying tens of megabytes on every warm run.
class MappedBytes {
public:
    // The file mapped, nullopt when there is none (or it cannot be mapped), or `special` set
    // for something other than a regular file: opened non-blocking, so a FIFO put in the
    // cache's place never blocks, and never read.
    static std::optional<MappedBytes> map(const std::string& path, bool& special) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
        if (fd < 0) return std::nullopt;
        struct stat info {};
        const bool sized = ::fstat(fd, &info) == 0;
        special = sized && !S_ISREG(info.st_mode);
        MappedBytes bytes;
        if (sized && !special && info.st_size > 0) {
            void* data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (data != MAP_FAILED) {
                bytes.m_data = static_cast<const char*>(data);
                bytes.m_size = static_cast<std::size_t>(info.st_size);
            }
        }
        ::close(fd);
        if (!sized || special || (info.st_size > 0 && bytes.m_data == nullptr)) return std::nullopt;
        return bytes;
    }
    MappedBytes() = default;
    MappedBytes(MappedBytes&& other) noexcept
        : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}
    MappedBytes& operator=(MappedBytes&& other) noexcept {
        std::swap(m_data, other.m_data);
        std::swap(m_size, other.m_size);
        return *this;
    }
    MappedBytes(const MappedBytes&) = delete;
    MappedBytes& operator=(const MappedBytes&) = delete;
    ~MappedBytes() {
        // munmap's API takes the mapping non-const; nothing is written through it.
        if (m_data != nullptr) ::munmap(const_cast<char*>(m_data), m_size);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    }
    [[nodiscard]] std::string_view view() const { return {m_data == nullptr ? "" : m_data, m_size}; }

private:
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

// The checked payload of a cache file, or why there is none.
struct Envelope {
    CacheFileStatus status = CacheFileStatus::missing;
    MappedBytes file;
    std::string_view bytes;   ///< the whole file
    std::size_t payload = 0;  ///< offset of the payload in `bytes`
    std::string problem;
};

Envelope corrupt(Envelope envelope, std::string problem) {
    envelope.status = CacheFileStatus::corrupt;
    envelope.problem = std::move(problem);
    return envelope;
}

Envelope open_envelope(const std::string& path, std::string_view magic, const std::string& tool_version,
                       const std::string& key) {
    Envelope envelope;
    bool special = false;
    auto file = MappedBytes::map(path, special);
    if (special) envelope.status = CacheFileStatus::special;
    if (!file) return envelope;
    envelope.file = std::move(*file);
    envelope.bytes = envelope.file.view();
    if (!envelope.bytes.starts_with(magic)) return corrupt(std::move(envelope), "not a roles cache file");
    Decoder header(envelope.bytes.data() + magic.size(), envelope.bytes.size() - magic.size());
    const std::uint32_t format = header.u32();
    std::string version;
    header.text(version);
    if (header.ok() && (format != k_cache_format || version != tool_version)) {
        envelope.status = CacheFileStatus::stale;
        return envelope;
    }
    std::string written_for;
    header.text(written_for);
    if (header.ok() && written_for != key) {
        envelope.status = CacheFileStatus::foreign;
        envelope.problem = "written for " + util::quoted(written_for);
        return envelope;
    }
    const std::uint64_t size = header.u64();
    const std::uint64_t expected = header.u64();
    envelope.payload = magic.size() + header.consumed();
    if (!header.ok() || size != envelope.bytes.size() - envelope.payload) return corrupt(std::move(envelope), "truncated");
    const auto* payload = reinterpret_cast<const unsigned char*>(envelope.bytes.data()) + envelope.payload;
    if (checksum64(payload, size) != expected) return corrupt(std::move(envelope), "checksum mismatch");
    envelope.status = CacheFileStatus::ok;
    return envelope;
}

}  // namespace

std::optional<std::uint64_t> write_cache_file(const std::string& path, const std::vector<FactRef>& commits,
                                             const std::string& tool_version, const std::string& key) {
    CacheFileWriter writer(path, k_facts_magic, k_cache_format, tool_version, key);
    if (!writer.good()) return std::nullopt;
    encode_payload(commits, writer);
    return writer.finish();
}

CacheFileContents read_cache_file(const std::string& path, const std::string& tool_version, const std::string& key) {
    Envelope envelope = open_envelope(path, k_facts_magic, tool_version, key);
    CacheFileContents contents;
    contents.status = envelope.status;
    contents.bytes = envelope.bytes.size();
    contents.problem = std::move(envelope.problem);
    if (contents.status != CacheFileStatus::ok) return contents;
    const char* payload = envelope.bytes.data() + envelope.payload;
    if (!decode_payload(payload, envelope.bytes.size() - envelope.payload, contents.store)) {
        contents.status = CacheFileStatus::corrupt;
        contents.problem = "inconsistent contents";
        contents.store = FactStore{};
    }
    return contents;
}

namespace {

// A list file: the envelope, a count, then the items, each written by `put`.
template <class Item, class Put>
std::optional<std::uint64_t> write_list_file(const std::string& path, std::string_view magic,
                                             const std::vector<Item>& items, const std::string& tool_version,
                                             const std::string& key, const Put& put) {
    CacheFileWriter writer(path, magic, k_cache_format, tool_version, key);
    if (!writer.good()) return std::nullopt;
    writer.encoder().u32(static_cast<std::uint32_t>(items.size()));
    for (const Item& item : items) {
        put(writer.encoder(), item);
        writer.flush_if_large();
    }
    return writer.finish();
}

// Reads what write_list_file wrote, each item with `take` (of at least `item_size` bytes).
template <class Item, class Take>
ListFileContents<Item> read_list_file(const std::string& path, std::string_view magic, const std::string& tool_version,
                                      const std::string& key, std::size_t item_size, const Take& take) {
    Envelope envelope = open_envelope(path, magic, tool_version, key);
    ListFileContents<Item> contents;
    contents.status = envelope.status;
    contents.problem = std::move(envelope.problem);
    contents.bytes = envelope.bytes.size();
    if (contents.status != CacheFileStatus::ok) return contents;
    Decoder in(envelope.bytes.data() + envelope.payload, envelope.bytes.size() - envelope.payload);
    contents.items.resize(in.count(item_size));
    for (Item& item : contents.items) take(in, item);
    if (!in.ok() || !in.at_end()) contents = ListFileContents<Item>{CacheFileStatus::corrupt, {}, "inconsistent contents", 0};
    return contents;
}

}  // namespace

std::optional<std::uint64_t> write_tree_file(const std::string& path, const std::vector<std::string>& paths,
                                            const std::string& tool_version, const std::string& key) {
    return write_list_file(path, k_tree_magic, paths, tool_version, key,
                           [](Encoder& out, const std::string& file) { out.text(file); });
}

ListFileContents<std::string> read_tree_file(const std::string& path, const std::string& tool_version,
                                             const std::string& key) {
    return read_list_file<std::string>(path, k_tree_magic, tool_version, key, 4,
                                       [](Decoder& in, std::string& file) { in.text(file); });
}

std::optional<std::uint64_t> write_order_file(const std::string& path, const std::vector<git_oid>& commits,
                                             const std::string& tool_version, const std::string& key) {
    return write_list_file(path, k_order_magic, commits, tool_version, key,
                           [](Encoder& out, const git_oid& id) { out.oid(id); });
}

ListFileContents<git_oid> read_order_file(const std::string& path, const std::string& tool_version,
                                          const std::string& key) {
    return read_list_file<git_oid>(path, k_order_magic, tool_version, key, k_oid_size,
                                   [](Decoder& in, git_oid& id) { in.oid(id); });
}

}  // namespace roles::git
