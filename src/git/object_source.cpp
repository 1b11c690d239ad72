#include "object_source.hpp"

#include <cstring>

#include "commit_reader.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

// Per thread; git keeps 96 MiB of delta bases for one thread. Measured on nova and rails,
// more than this buys little time for the memory it costs.
constexpr std::size_t k_cache_bytes = std::size_t{48} << 20;

}  // namespace

ObjectSource::ObjectSource(git_repository* repo, std::shared_ptr<const PackSet> packs) : m_repo(repo) {
    if (packs && packs->size() > 0) {
        if (auto inflater = Inflater::create()) {
            m_packs = std::make_unique<PackReader>(std::move(packs), std::move(inflater), k_cache_bytes);
        }
    }
}

ObjectSource::~ObjectSource() = default;

util::Expected<SharedObject> ObjectSource::tree(const git_oid& id) {
    if (m_packs) {
        if (SharedObject object = m_packs->read(id)) {
            ++m_counters.pack_reads;
            return object->type == ObjectType::tree ? object : nullptr;
        }
    }
    if (!m_odb && git_repository_odb(out(m_odb), m_repo) < 0) {
        return util::fail(util::ErrorKind::input, "opening the object database", last_error_message());
    }
    Handle<git_odb_object, git_odb_object_free> raw;
    const int rc = git_odb_read(out(raw), m_odb.get(), &id);
    if (rc == GIT_ENOTFOUND) return nullptr;
    if (rc < 0) {
        return util::fail(util::ErrorKind::input, "reading tree " + util::quoted(to_hex(id)), last_error_message());
    }
    ++m_counters.libgit2_reads;
    if (git_odb_object_type(raw.get()) != GIT_OBJECT_TREE) return nullptr;
    ObjectBytes object;
    object.size = git_odb_object_size(raw.get());
    object.type = ObjectType::tree;
    object.data.reset(new unsigned char[std::max<std::size_t>(object.size, 1)]);
    std::memcpy(object.data.get(), git_odb_object_data(raw.get()), object.size);
    return std::make_shared<const ObjectBytes>(std::move(object));
}

util::Expected<std::optional<CommitHeader>> ObjectSource::commit(const git_oid& id) {
    if (m_packs) {
        if (SharedObject object = m_packs->read(id); object && object->type == ObjectType::commit) {
            CommitHeader header;
            if (parse_commit(object->data.get(), object->size, header)) {
                ++m_counters.pack_reads;
                return header;
            }
        }
    }
    return commit_from_libgit2(id);
}

util::Expected<std::optional<CommitHeader>> ObjectSource::commit_from_libgit2(const git_oid& id) {
    CommitHandle commit;
    const int rc = git_commit_lookup(out(commit), m_repo, &id);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc < 0) {
        return util::fail(util::ErrorKind::input, "reading commit " + util::quoted(to_hex(id)), last_error_message());
    }
    ++m_counters.libgit2_reads;
    CommitHeader header;
    header_from_libgit2(commit.get(), header);
    return header;
}

}  // namespace roles::git
