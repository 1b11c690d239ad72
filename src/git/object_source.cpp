#include "object_source.hpp"

#include <cstring>

#include "commit_reader.hpp"
#include "object_checks.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

using fastread::KeepResult;
using fastread::PackLocation;
using fastread::PackReader;

namespace {

const char* type_name(ObjectType type) {
    switch (type) {
        case ObjectType::commit: return "commit";
        case ObjectType::tree: return "tree";
        case ObjectType::blob: return "blob";
        case ObjectType::tag: return "tag";
    }
    return "object";
}

util::Error wrong_type(const git_oid& id, int actual, ObjectType wanted) {
    const char* name = git_object_type2string(static_cast<git_object_t>(actual));
    return util::Error{util::ErrorKind::input, std::string("reading ") + type_name(wanted) + " " + to_hex(id),
                       "object " + to_hex(id) + " is a " + (name ? name : "object of unknown type") + ", not a " +
                           type_name(wanted) + ": the repository is damaged",
                       {}};
}

}  // namespace

ObjectSource::ObjectSource(git_repository* repo, std::shared_ptr<const fastread::PackSet> packs,
                           const fastread::ReaderBudgets& budgets)
    : m_repo(repo),
      m_blob_cache_bytes(budgets.blob_cache_bytes),
      m_objects_dir(std::string(git_repository_commondir(repo)) + "objects"),
      m_partial(is_partial_clone(repo)) {
    if (packs && packs->size() > 0) {
        m_packs = PackReader::create(packs, budgets.tree_cache_bytes);
        if (m_packs) m_pack_set = std::move(packs);
    }
}

ObjectSource::~ObjectSource() = default;

SourceCounters ObjectSource::counters() const {
    SourceCounters counters = m_counters;
    if (m_packs) counters.cache_evictions += m_packs->evictions();
    if (m_blob_packs) counters.cache_evictions += m_blob_packs->evictions();
    return counters;
}

util::Expected<ObjectRef> ObjectSource::tree(const git_oid& id) {
    if (m_packs) {
        if (ObjectRef object = m_packs->read(id)) {
            ++m_counters.pack_reads;
            if (object.type() != ObjectType::tree) return std::unexpected(wrong_type(id, static_cast<int>(object.type()), ObjectType::tree));
            return object;
        }
        if (auto damage = check_pack_damage(m_packs.get()); !damage) return std::unexpected(damage.error());
    }
    return object_from_libgit2(id, ObjectType::tree);
}

// A CRC mismatch is not left to libgit2, which would trust the same index.
util::Expected<void> ObjectSource::check_pack_damage(const PackReader* reader) const {
    if (reader == nullptr || reader->damage().empty()) return {};
    return util::fail(util::ErrorKind::input, "reading " + m_objects_dir + "/pack", reader->damage());
}

// An object absent from a partial clone is expected; from any other repository it is damage.
util::Expected<ObjectRef> ObjectSource::absent(const git_oid& id, ObjectType type) const {
    if (m_partial) return ObjectRef{};
    return util::fail(util::ErrorKind::input, std::string("reading ") + type_name(type) + " " + to_hex(id),
                      "object " + to_hex(id) + " is missing and the repository is not a partial clone: it is "
                      "damaged (git fsck lists what is missing)");
}

PackReader* ObjectSource::blob_packs() {
    if (m_pack_set && !m_blob_packs) m_blob_packs = PackReader::create(m_pack_set, m_blob_cache_bytes);
    return m_blob_packs.get();
}

util::Expected<std::optional<std::uint64_t>> ObjectSource::blob_size(const git_oid& id) {
    if (PackReader* packs = blob_packs()) {
        if (const auto size = packs->object_size(id)) return *size;
    }
    if (!m_odb && git_repository_odb(out(m_odb), m_repo) < 0) {
        return util::fail(util::ErrorKind::input, "opening the object database", last_error_message());
    }
    if (auto damage = check_pack_damage(m_blob_packs.get()); !damage) return std::unexpected(damage.error());
    if (auto checked = check_loose_object(m_objects_dir, id); !checked) return std::unexpected(checked.error());
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    const int rc = git_odb_read_header(&size, &type, m_odb.get(), &id);
    if (rc == GIT_ENOTFOUND) {
        auto none = absent(id, ObjectType::blob);
        if (!none) return std::unexpected(none.error());
        return std::nullopt;
    }
    if (rc < 0) return util::fail(util::ErrorKind::input, "reading blob " + util::quoted(to_hex(id)), last_error_message());
    if (type != GIT_OBJECT_BLOB) return std::unexpected(wrong_type(id, static_cast<int>(type), ObjectType::blob));
    return static_cast<std::uint64_t>(size);
}

util::Expected<ObjectRef> ObjectSource::blob(const git_oid& id) {
    if (PackReader* packs = blob_packs()) {
        // Kept in the blob reader's own cache: the other side of a rename is often stored as
        // a delta of this one.
        if (ObjectRef object = packs->read(id, KeepResult::yes)) {
            ++m_counters.pack_reads;
            if (object.type() != ObjectType::blob) return std::unexpected(wrong_type(id, static_cast<int>(object.type()), ObjectType::blob));
            return object;
        }
        if (auto damage = check_pack_damage(packs); !damage) return std::unexpected(damage.error());
    }
    return object_from_libgit2(id, ObjectType::blob);
}

util::Expected<ObjectRef> ObjectSource::object_from_libgit2(const git_oid& id, ObjectType type) {
    const char* what = type == ObjectType::tree ? "reading tree " : "reading blob ";
    if (!m_odb && git_repository_odb(out(m_odb), m_repo) < 0) {
        return util::fail(util::ErrorKind::input, "opening the object database", last_error_message());
    }
    if (auto checked = check_loose_object(m_objects_dir, id); !checked) return std::unexpected(checked.error());
    Handle<git_odb_object, git_odb_object_free> raw;
    const int rc = git_odb_read(out(raw), m_odb.get(), &id);
    if (rc == GIT_ENOTFOUND) return absent(id, type);
    if (rc < 0) return util::fail(util::ErrorKind::input, what + util::quoted(to_hex(id)), last_error_message());
    ++m_counters.libgit2_reads;
    const int actual = static_cast<int>(git_odb_object_type(raw.get()));
    if (actual != static_cast<int>(type)) return std::unexpected(wrong_type(id, actual, type));
    ObjectRef object = ObjectRef::allocate(git_odb_object_size(raw.get()), type);
    std::memcpy(object.data(), git_odb_object_data(raw.get()), object.size());
    return object;
}

util::Expected<std::optional<CommitHeader>> ObjectSource::commit(const git_oid& id) {
    if (m_packs) {
        if (const auto location = m_packs->locate(id)) return commit_at(id, *location);
        if (auto damage = check_pack_damage(m_packs.get()); !damage) return std::unexpected(damage.error());
    }
    return commit_from_libgit2(id);
}

util::Expected<std::optional<CommitHeader>> ObjectSource::commit_at(const git_oid& id, const PackLocation& location) {
    if (m_packs) {
        // Commits are read once: not worth a place in the cache.
        const ObjectRef object = m_packs->read_at(location, KeepResult::no);
        CommitHeader header;
        if (object && object.type() != ObjectType::commit) {
            return std::unexpected(wrong_type(id, static_cast<int>(object.type()), ObjectType::commit));
        }
        if (object && parse_commit(object.data(), object.size(), header)) {
            ++m_counters.pack_reads;
            return header;
        }
    }
    return commit_from_libgit2(id);
}

// A commit's header lines are a few hundred bytes; its message can be much longer and
// the walk does not need it.
std::optional<CommitLinks> ObjectSource::links_at(const PackLocation& location) {
    constexpr std::size_t k_first_try = 512;
    if (m_prefix.size() < k_first_try) m_prefix.resize(k_first_try);
    CommitLinks links;
    const auto prefix = m_packs->read_prefix(location, m_prefix.data(), k_first_try);
    if (prefix && prefix->type == ObjectType::commit && parse_commit_links(m_prefix.data(), prefix->produced, links)) {
        return links;
    }
    const ObjectRef object = m_packs->read_at(location, KeepResult::no);
    if (object && object.type() == ObjectType::commit && parse_commit_links(object.data(), object.size(), links)) {
        return links;
    }
    return std::nullopt;
}

util::Expected<std::optional<WalkedCommit>> ObjectSource::walk_commit(const git_oid& id) {
    if (m_packs) {
        if (const auto location = m_packs->locate(id)) {
            if (auto links = links_at(*location)) {
                ++m_counters.pack_reads;
                return WalkedCommit{std::move(*links), location, std::nullopt};
            }
        } else if (auto damage = check_pack_damage(m_packs.get()); !damage) {
            return std::unexpected(damage.error());
        }
    }
    auto header = commit_from_libgit2(id);
    if (!header) return std::unexpected(header.error());
    if (!*header) return std::nullopt;
    WalkedCommit walked;
    walked.links = CommitLinks{(*header)->tree, (*header)->parents, (*header)->commit_time};
    walked.header = std::move(**header);
    return walked;
}

util::Expected<std::optional<CommitHeader>> ObjectSource::commit_from_libgit2(const git_oid& id) {
    if (auto checked = check_loose_object(m_objects_dir, id); !checked) return std::unexpected(checked.error());
    CommitHandle commit;
    const int rc = git_commit_lookup(out(commit), m_repo, &id);
    if (rc == GIT_ENOTFOUND) {
        // libgit2 says "not found" for an object of another type too.
        if (!m_odb && git_repository_odb(out(m_odb), m_repo) < 0) {
            return util::fail(util::ErrorKind::input, "opening the object database", last_error_message());
        }
        std::size_t size = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        if (git_odb_read_header(&size, &type, m_odb.get(), &id) == 0 && type != GIT_OBJECT_COMMIT) {
            return std::unexpected(wrong_type(id, static_cast<int>(type), ObjectType::commit));
        }
        return std::nullopt;
    }
    if (rc < 0) {
        return util::fail(util::ErrorKind::input, "reading commit " + util::quoted(to_hex(id)), last_error_message());
    }
    ++m_counters.libgit2_reads;
    CommitHeader header;
    header_from_libgit2(commit.get(), header);
    return header;
}

}  // namespace roles::git
